// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploymentdetailview.h"

#include "rolloutheader.h"

#include "detailheaderparts.h"
#include "detailstyle.h"
#include "fleetmodel.h"
#include "phasestyle.h"
#include "replicasetmodel.h"
#include "replicasettree.h"
#include "rollouteventsmodel.h"
#include "rollouteventsview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QTabWidget>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

namespace {
const QString separator = QStringLiteral(" \u00b7 ");
} // namespace

using DetailLabels::selectable;
using DetailLabels::setText;

DeploymentDetailView::DeploymentDetailView(QWidget *parent) :
    QWidget(parent),
    m_badge(new EnvironmentBadge(this)),
    m_icon(new QLabel(this)),
    m_title(selectable(this, QStringLiteral("deploymentTitle"), true)),
    m_context(selectable(this, QStringLiteral("deploymentContext"), true)),
    m_staleBox(new StaleBox(this)),
    m_status(selectable(this, QStringLiteral("deploymentStatus"), true)),
    m_facts(selectable(this, QStringLiteral("deploymentFacts"), true)),
    m_images(selectable(this, QStringLiteral("deploymentImages"), true)),
    m_notices(selectable(this, QStringLiteral("deploymentNotices"), true)),
    m_tabs(new QTabWidget(this)),
    m_replicaSets(new ReplicaSetTree(m_tabs)),
    m_events(new RolloutEventsView(m_tabs))
{
    setObjectName(QStringLiteral("deploymentDetailView"));
    DetailLabels::makeTitle(m_title);
    m_title->setWordWrap(false);
    DetailLabels::makeQuiet(m_context);
    DetailLabels::makeQuiet(m_notices);
    m_status->setTextFormat(Qt::RichText);
    m_notices->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->setSpacing(4);
    layout->addLayout(DetailLabels::titleRow(m_badge, m_icon, m_title, m_context));
    layout->addWidget(m_staleBox);
    layout->addWidget(m_status);
    layout->addWidget(m_facts);
    layout->addWidget(m_images);
    layout->addWidget(m_notices);
    layout->addSpacing(4);
    m_tabs->setDocumentMode(true);
    m_replicaSets->showDeploymentColumns();
    m_tabs->addTab(m_replicaSets, QString());
    m_tabs->addTab(m_events, QString());
    layout->addWidget(m_tabs, 1);
}

void DeploymentDetailView::setDetail(const DeploymentDetail &detail, const QDateTime &now)
{
    // Another Deployment starts from the top; the same one keeps what the user opened.
    const DetailUpdate how = detail.deployment.metadata.uid == m_detail.deployment.metadata.uid
            && detail.environment == m_detail.environment
        ? DetailUpdate::InPlace
        : DetailUpdate::Reset;
    m_detail = detail;
    updateHeader();
    m_replicaSets->setDeploymentReplicaSets(detail.replicaSets, detail.podsByReplicaSetUid, now,
                                            how);
    m_events->eventsModel()->setEvents(detail.events, detail.deployment.metadata.name, now, how);
    m_tabs->setTabText(0, tr("ReplicaSets (%1)").arg(detail.replicaSets.size()));
    m_tabs->setTabText(1, m_events->tabTitle(detail.events.size()));
}

void DeploymentDetailView::updateHeader()
{
    const Deployment &deployment = m_detail.deployment;
    m_badge->setEnvironment(m_detail.environment, m_detail.environmentColour);
    setText(m_title,
            deployment.metadata.namespaceName + QStringLiteral(" / ") + deployment.metadata.name);
    QStringList context {tr("Deployment"), FleetModel::strategyText(m_detail.strategy)};
    if (m_detail.revision > 0)
        context.append(tr("revision %1").arg(m_detail.revision));
    const QString origin = RolloutHeader::originText(WorkloadOrigin::of(deployment.metadata));
    if (!origin.isEmpty())
        context.append(origin);
    setText(m_context, context.join(separator));

    // A disconnected environment's status is the last known one: grey, like the table.
    const QColor colour
        = m_detail.isStale() ? QColor(0x8a, 0x8a, 0x8a) : PhaseStyle::colour(m_detail.phase);
    const int iconSize = fontMetrics().height();
    m_icon->setPixmap(PhaseStyle::icon(m_detail.phase, iconSize).pixmap(iconSize, iconSize));
    QString status
        = QStringLiteral("<span style=\"color:%1\"><b>%2</b></span>")
              .arg(colour.name(), PhaseStyle::displayName(m_detail.phase).toHtmlEscaped());
    if (!m_detail.message.isEmpty())
        status += QStringLiteral(" &nbsp;") + m_detail.message.toHtmlEscaped();
    setText(m_status, status);

    QStringList facts {tr("%1 desired").arg(deployment.specReplicas.value_or(1)),
                       tr("%1 updated").arg(deployment.updatedReplicas),
                       tr("%1 ready").arg(deployment.readyReplicas),
                       tr("%1 available").arg(deployment.availableReplicas)};
    if (m_detail.strategy == QLatin1String("RollingUpdate")) {
        // Kubernetes defaults both limits to 25 % when the spec leaves them out.
        const QString surge
            = deployment.maxSurge.isSet() ? deployment.maxSurge.toString() : QStringLiteral("25%");
        const QString unavailable = deployment.maxUnavailable.isSet()
            ? deployment.maxUnavailable.toString()
            : QStringLiteral("25%");
        facts.append(tr("max surge %1").arg(surge));
        facts.append(tr("max unavailable %1").arg(unavailable));
    }
    if (deployment.paused)
        facts.append(tr("paused (spec.paused)"));
    setText(m_facts, facts.join(separator));
    const QStringList images = deployment.podTemplate.images();
    setText(m_images, images.isEmpty() ? QString() : tr("Images: %1").arg(images.join(", ")));
    m_images->setVisible(!images.isEmpty());

    QString stale;
    if (m_detail.isStale()) {
        stale = tr("Stale since %1: %2 is not connected, so this is the last known state.")
                    .arg(DetailStyle::clockTime(m_detail.staleSince), m_detail.environment);
        if (!m_detail.staleReason.isEmpty())
            stale += QLatin1Char('\n') + m_detail.staleReason;
    }
    m_staleBox->setStaleText(stale);
    setText(m_notices, m_detail.notices.join(QLatin1Char('\n')));
    m_notices->setVisible(!m_detail.notices.isEmpty());
}

QString DeploymentDetailView::titleText() const
{
    return m_title->text();
}

QString DeploymentDetailView::contextText() const
{
    return m_context->text();
}

QString DeploymentDetailView::statusText() const
{
    return QTextDocumentFragment::fromHtml(m_status->text()).toPlainText();
}

QString DeploymentDetailView::factsText() const
{
    return m_facts->text();
}

QString DeploymentDetailView::staleText() const
{
    return m_staleBox->isVisibleTo(this) ? m_staleBox->text() : QString();
}

QString DeploymentDetailView::noticesText() const
{
    return m_notices->isVisibleTo(this) ? m_notices->text() : QString();
}
