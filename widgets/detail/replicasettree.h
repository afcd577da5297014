// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailtreeview.h"
#include "replicasetmodel.h"

// ReplicaSetModel's tree: ReplicaSets newest revision first, expandable to their pods.
// Updated in place, so expansion, selection and scrolling survive every refresh.
class ReplicaSetTree : public DetailTreeView
{
    Q_OBJECT

public:
    explicit ReplicaSetTree(QWidget *parent = nullptr);

    ReplicaSetModel *replicaSetModel() const { return m_model; }
    // The view's row of the ReplicaSet with this name (invalid when there is none).
    QModelIndex indexOfReplicaSet(const QString &name) const;

private:
    ReplicaSetModel *m_model;
};
