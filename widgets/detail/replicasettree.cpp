// SPDX-License-Identifier: GPL-3.0-or-later
#include "replicasettree.h"

#include <QHeaderView>

ReplicaSetTree::ReplicaSetTree(QWidget *parent) :
    DetailTreeView(new ReplicaSetModel, parent),
    m_model(static_cast<ReplicaSetModel *>(sourceModel()))
{
    setObjectName(QStringLiteral("replicaSetTree"));
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::ExtendedSelection);
    setTextElideMode(Qt::ElideMiddle);
    header()->setSectionResizeMode(ReplicaSetModel::Images, QHeaderView::Stretch);
    setColumnWidth(ReplicaSetModel::Name, digits(38));
    setColumnWidth(ReplicaSetModel::Revision, digits(5));
    setColumnWidth(ReplicaSetModel::Role, digits(20));
    setColumnWidth(ReplicaSetModel::Status, digits(15));
    setColumnWidth(ReplicaSetModel::Ready, digits(7));
    setColumnWidth(ReplicaSetModel::Restarts, digits(9));
    setColumnWidth(ReplicaSetModel::Age, digits(7));
    setColumnWidth(ReplicaSetModel::ScaleDown, digits(11));
}

QModelIndex ReplicaSetTree::indexOfReplicaSet(const QString &name) const
{
    return fromSource(m_model->indexOfReplicaSet(name));
}

void ReplicaSetTree::showDeploymentColumns()
{
    setColumnWidth(ReplicaSetModel::Name,
                   columnWidth(ReplicaSetModel::Name) + columnWidth(ReplicaSetModel::Role));
    setColumnHidden(ReplicaSetModel::Role, true);
    setColumnHidden(ReplicaSetModel::ScaleDown, true);
}

void ReplicaSetTree::setDeploymentReplicaSets(const QList<ReplicaSet> &replicaSets,
                                              const QHash<QString, QList<Pod>> &podsByReplicaSetUid,
                                              const QDateTime &now, DetailUpdate how)
{
    m_model->setReplicaSets(replicaSets, podsByReplicaSetUid, {}, now, how);
    if (how == DetailUpdate::Reset)
        m_openedReplicaSet.clear();
    const QString newest
        = replicaSets.isEmpty() ? QString() : replicaSets.constFirst().metadata.uid;
    if (!newest.isEmpty() && newest != m_openedReplicaSet) {
        m_openedReplicaSet = newest;
        expand(indexOfReplicaSet(replicaSets.constFirst().metadata.name));
    }
}
