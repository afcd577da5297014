// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicasetpanel.h"

#include "detailstyleproxy.h"
#include "detailtext.h"
#include "detailtreeview.h"
#include "replicasetmodel.h"
#include "replicasetstatus.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QVBoxLayout>

namespace {

using PodColumn = PodListModel::Column;

void setLabelText(QLabel *label, const QString &text)
{
    if (label->text() != text)
        label->setText(text);
}

} // namespace

ReplicaSetPanel::ReplicaSetPanel(Role role, QWidget *parent) :
    QFrame(parent),
    m_role(role),
    m_icon(new QLabel(this)),
    m_title(new QLabel(this)),
    m_summary(new QLabel(this)),
    m_empty(new QLabel(this)),
    m_podModel(new PodListModel(this)),
    m_pods(new DetailTreeView(m_podModel, this))
{
    setObjectName(role == Role::Active ? QStringLiteral("activePanel")
                                       : QStringLiteral("previewPanel"));
    setFrameShape(QFrame::StyledPanel);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_title->setObjectName(QStringLiteral("panelTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setObjectName(QStringLiteral("panelSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    QPalette quiet = m_empty->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    m_empty->setPalette(quiet);

    m_pods->setObjectName(QStringLiteral("podTree"));
    m_pods->setRootIsDecorated(false);
    m_pods->setUniformRowHeights(true);
    m_pods->setTextElideMode(Qt::ElideMiddle);
    // The pod name takes what is left, so half of the window needs no horizontal scrolling
    // (the node is in the name's tooltip).
    m_pods->header()->setSectionResizeMode(PodColumn::Name, QHeaderView::Stretch);
    const int digit = fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_pods->setColumnWidth(PodColumn::Status, 13 * digit);
    m_pods->setColumnWidth(PodColumn::Ready, 6 * digit);
    m_pods->setColumnWidth(PodColumn::Restarts, 8 * digit);
    m_pods->setColumnWidth(PodColumn::Age, 7 * digit);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 8);
    layout->setSpacing(4);
    auto *titleRow = new QHBoxLayout;
    titleRow->setSpacing(6);
    titleRow->addWidget(m_icon);
    titleRow->addWidget(m_title, 1);
    layout->addLayout(titleRow);
    layout->addWidget(m_summary);
    layout->addWidget(m_pods, 1);
    layout->addWidget(m_empty, 1);
    setReplicaSet(nullptr, {}, QDateTime());
}

void ReplicaSetPanel::setReplicaSet(const ReplicaSet *rs, const QList<Pod> &pods,
                                    const QDateTime &now, const QString &emptyText)
{
    const QString roleName = m_role == Role::Active ? tr("Active") : tr("Preview");
    if (!rs) {
        setLabelText(m_title, roleName);
        m_icon->clear();
        m_summary->hide();
        m_podModel->setPods({}, now);
        m_pods->hide();
        if (!emptyText.isEmpty())
            setLabelText(m_empty, emptyText);
        else if (m_role == Role::Active)
            setLabelText(m_empty, tr("No ReplicaSet receives the active service's traffic."));
        else
            setLabelText(m_empty, tr("Nothing in preview."));
        m_empty->show();
        return;
    }
    const QString health = replicaSetHealth(*rs);
    const QString healthName = DetailText::healthName(health);
    const qint32 desired = rs->specReplicas.value_or(rs->replicas);
    setLabelText(m_title,
                 rs->revision() > 0 ? tr("%1 \u00b7 revision %2 \u00b7 %3")
                                          .arg(roleName)
                                          .arg(rs->revision())
                                          .arg(rs->metadata.name)
                                    : tr("%1 \u00b7 %2").arg(roleName, rs->metadata.name));
    const int size = fontMetrics().height() - 2;
    m_icon->setPixmap(
        DetailStyleProxy::symbolIcon(DetailText::healthSymbolPhase(health), QColor(), size)
            .pixmap(size, size));
    m_icon->setToolTip(healthName);
    QStringList images;
    for (const ContainerSpec &container : rs->podTemplate.containers)
        images.append(container.image);
    QStringList parts {healthName, tr("%1/%2 ready").arg(rs->readyReplicas).arg(desired),
                       images.join(QStringLiteral(", "))};
    const QString delay = scaleDownDelay(*rs, now);
    if (delay == QLatin1String("passed"))
        parts.append(tr("scale-down delay passed"));
    else if (!delay.isEmpty())
        parts.append(tr("scale-down in %1").arg(delay));
    setLabelText(m_summary, parts.join(QStringLiteral(" \u00b7 ")));
    m_summary->show();
    m_empty->hide();
    m_pods->show();
    m_podModel->setPods(pods, now);
}

QString ReplicaSetPanel::title() const
{
    return m_title->text();
}

QString ReplicaSetPanel::summary() const
{
    return m_summary->isHidden() ? m_empty->text() : m_summary->text();
}
