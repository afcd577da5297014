// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pod.h"
#include "replicaset.h"
#include "rollout.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QTreeWidget>

// ReplicaSets newest revision first, one row each (name, revision, roles, health, ready of
// desired pods, restarts, age, images, scale-down delay), expandable to their pods. Rows are
// updated in place, so expansion, selection and scrolling survive every refresh. A new
// canary (or, without one, the stable ReplicaSet) starts expanded.
class ReplicaSetTree : public QTreeWidget
{
    Q_OBJECT

public:
    enum Column { Name, Revision, Role, Status, Ready, Restarts, Age, Images, ScaleDown, Count };

    explicit ReplicaSetTree(QWidget *parent = nullptr);

    void setReplicaSets(const Rollout &rollout, const QList<ReplicaSet> &replicaSets,
                        const QHash<QString, QList<Pod>> &podsByReplicaSetUid,
                        const QDateTime &now);
    // The row of the ReplicaSet with this name, or null.
    QTreeWidgetItem *itemForReplicaSet(const QString &name) const;
};
