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
    setColumnWidth(ReplicaSetModel::Name, digits(30));
    setColumnWidth(ReplicaSetModel::Revision, digits(5));
    setColumnWidth(ReplicaSetModel::Role, digits(10));
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
