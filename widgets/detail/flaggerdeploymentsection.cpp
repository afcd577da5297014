// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggerdeploymentsection.h"

#include "detailheaderparts.h"
#include "detailstyle.h"
#include "phasestyle.h"
#include "replicasettree.h"

#include <QLabel>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace {
const QString separator = QStringLiteral(" \u00b7 ");
} // namespace

using DetailLabels::setText;

FlaggerDeploymentSection::FlaggerDeploymentSection(Role role, QWidget *parent) :
    QWidget(parent),
    m_role(role),
    m_heading(DetailLabels::selectable(this, QStringLiteral("deploymentHeading"), true)),
    m_summary(DetailLabels::selectable(this, QStringLiteral("deploymentSummary"), true)),
    m_tree(new ReplicaSetTree(this))
{
    setObjectName(role == Role::Primary ? QStringLiteral("primarySection")
                                        : QStringLiteral("canarySection"));
    m_heading->setTextFormat(Qt::RichText);
    m_summary->setTextFormat(Qt::PlainText);
    DetailLabels::makeQuiet(m_summary);
    m_heading->setToolTip(
        role == Role::Primary
            ? tr("Made by Flagger from the target: serves the stable version to all users "
                 "outside an analysis")
            : tr("The Deployment you deploy to: Flagger scales it up to analyse a new version "
                 "and back to zero after the promotion"));
    m_tree->showDeploymentColumns();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_heading);
    layout->addWidget(m_summary);
    layout->addWidget(m_tree, 1);
}

void FlaggerDeploymentSection::setDeployment(const DeploymentDetail &deployment,
                                             const QString &expectedName, const QDateTime &now,
                                             DetailUpdate how)
{
    const QString role = m_role == Role::Primary ? tr("Primary") : tr("Canary");
    const bool present = deployment.isValid();
    const QString name = present ? deployment.deployment.metadata.name : expectedName;
    QString heading
        = QStringLiteral("<b>%1</b> %2").arg(role.toHtmlEscaped(), name.toHtmlEscaped());
    if (present && !deployment.phase.isEmpty()) {
        const QColor colour = deployment.isStale() ? QColor(0x8a, 0x8a, 0x8a)
                                                   : PhaseStyle::colour(deployment.phase);
        heading
            += QStringLiteral(" \u2014 <span style=\"color:%1\"><b>%2</b></span>")
                   .arg(colour.name(), PhaseStyle::displayName(deployment.phase).toHtmlEscaped());
    }
    setText(m_heading, heading);

    QStringList summary;
    if (!present) {
        summary.append(m_role == Role::Primary
                           ? tr("Not made yet: Flagger creates it while initializing the canary")
                           : tr("Deployment %1 is not in the cluster").arg(expectedName));
    } else {
        const Deployment &d = deployment.deployment;
        const qint32 desired = d.specReplicas.value_or(1);
        summary.append(tr("%1 desired").arg(desired));
        summary.append(tr("%1 ready").arg(d.readyReplicas));
        summary.append(tr("%1 available").arg(d.availableReplicas));
        const QStringList images = d.podTemplate.images();
        if (!images.isEmpty())
            summary.append(tr("Images: %1").arg(images.join(QStringLiteral(", "))));
        if (m_role == Role::Canary && desired == 0)
            summary.append(tr("scaled to zero until the next revision"));
        if (!deployment.message.isEmpty())
            summary.append(deployment.message);
    }
    setText(m_summary, summary.join(separator));
    m_tree->setDeploymentReplicaSets(deployment.replicaSets, deployment.podsByReplicaSetUid, now,
                                     how);
}

QString FlaggerDeploymentSection::headingText() const
{
    return QTextDocumentFragment::fromHtml(m_heading->text()).toPlainText();
}

QString FlaggerDeploymentSection::summaryText() const
{
    return m_summary->text();
}
