// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicasetsview.h"

#include "replicasetpanel.h"
#include "replicasetstatus.h"
#include "replicasettree.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

ReplicaSetsView::ReplicaSetsView(QWidget *parent) :
    QWidget(parent),
    m_splitter(new QSplitter(Qt::Vertical, this)),
    m_panels(new QWidget),
    m_active(new ReplicaSetPanel(ReplicaSetPanel::Role::Active)),
    m_preview(new ReplicaSetPanel(ReplicaSetPanel::Role::Preview)),
    m_treeBox(new QWidget),
    m_treeTitle(new QLabel(tr("Other revisions"))),
    m_tree(new ReplicaSetTree)
{
    setObjectName(QStringLiteral("replicaSetsView"));
    auto *panels = new QHBoxLayout(m_panels);
    panels->setContentsMargins(0, 0, 0, 0);
    panels->addWidget(m_active, 1);
    panels->addWidget(m_preview, 1);
    auto *treeLayout = new QVBoxLayout(m_treeBox);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    treeLayout->setSpacing(2);
    QFont bold = m_treeTitle->font();
    bold.setBold(true);
    m_treeTitle->setFont(bold);
    treeLayout->addWidget(m_treeTitle);
    treeLayout->addWidget(m_tree, 1);
    m_splitter->addWidget(m_panels);
    m_splitter->addWidget(m_treeBox);
    m_splitter->setChildrenCollapsible(false);
    // The two live ReplicaSets matter most; older revisions get a strip below.
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({300, 100});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_splitter);
    m_panels->hide();
    m_treeTitle->hide();
}

bool ReplicaSetsView::isBlueGreenLayout() const
{
    return !m_panels->isHidden();
}

void ReplicaSetsView::setTreeRows(const Rollout &rollout, const QList<ReplicaSet> &replicaSets,
                                  const RolloutDetail &detail, const QDateTime &now,
                                  DetailUpdate how)
{
    QList<ReplicaSetTags> tags;
    tags.reserve(replicaSets.size());
    for (const ReplicaSet &rs : replicaSets)
        tags.append(replicaSetTags(rollout, rs));
    m_tree->replicaSetModel()->setReplicaSetsAndExperiments(replicaSets, tags, detail, now, how);
}

void ReplicaSetsView::setDetail(const RolloutDetail &detail, const QDateTime &now, DetailUpdate how)
{
    const Rollout &rollout = detail.rollout;
    if (!rollout.isBlueGreen()) {
        m_panels->hide();
        m_treeTitle->hide();
        m_treeBox->show();
        setTreeRows(rollout, detail.replicaSets, detail, now, how);
        return;
    }
    const ReplicaSet *active = nullptr;
    const ReplicaSet *preview = nullptr;
    QList<ReplicaSet> others;
    for (const ReplicaSet &rs : detail.replicaSets) {
        const ReplicaSetTags tags = replicaSetTags(rollout, rs);
        if (tags.active && !active)
            active = &rs;
        else if (tags.preview && !preview)
            preview = &rs;
        else
            others.append(rs);
    }
    m_active->setReplicaSet(
        active, active ? detail.podsByReplicaSetUid.value(active->metadata.uid) : QList<Pod>(),
        now);
    // After promotion both services select the same pods: say so instead of listing them twice.
    const RolloutStatus &status = rollout.status;
    const QString previewText
        = !status.previewSelector.isEmpty() && status.previewSelector == status.activeSelector
        ? tr("The preview service points at the active ReplicaSet too: nothing new to preview.")
        : QString();
    m_preview->setReplicaSet(
        preview, preview ? detail.podsByReplicaSetUid.value(preview->metadata.uid) : QList<Pod>(),
        now, previewText);
    setTreeRows(rollout, others, detail, now, how);
    m_panels->show();
    m_treeTitle->show();
    m_treeBox->setVisible(!others.isEmpty());
}
