// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailtreeview.h"
#include "replicasetmodel.h"

#include <QDateTime>
#include <QHash>
#include <QList>

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

    // For a Deployment's ReplicaSets, which have no canary or stable role and no scale-down
    // delay: those columns hidden, their room given to the names (a pod's name is a
    // ReplicaSet's name and five more letters).
    void showDeploymentColumns();
    // A Deployment's ReplicaSets (newest revision first) and pods. The newest is the one
    // rolling out: its pods open when it first appears (the Deployment shown, or a new
    // revision started); otherwise the user's expansion stands.
    void setDeploymentReplicaSets(const QList<ReplicaSet> &replicaSets,
                                  const QHash<QString, QList<Pod>> &podsByReplicaSetUid,
                                  const QDateTime &now, DetailUpdate how);

private:
    ReplicaSetModel *m_model;
    QString m_openedReplicaSet; // the uid of the newest ReplicaSet, once opened for the user
};
