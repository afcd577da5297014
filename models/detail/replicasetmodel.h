// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailrow.h"
#include "keyedtreemodel.h"
#include "pod.h"
#include "replicaset.h"
#include "replicasetstatus.h"
#include "rolloutdetail.h"

#include <QDateTime>
#include <QHash>
#include <QList>

// ReplicaSets (newest revision first as given), one row each: name, revision, roles, health,
// ready of desired pods, restarts, age, images, scale-down delay; each with its pods as child
// rows (name, status, ready, restarts, age). Keyed by uid, so a refresh keeps the views'
// expansion and selection. A ReplicaSet with a canary or preview role (or, without a canary,
// the stable one) starts expanded. Takes ReplicaSets and pods rather than a whole
// RolloutDetail, so a Deployment's ReplicaSets fit too (without roles).
class ReplicaSetModel : public KeyedTreeModel<DetailRow, ReplicaSetModel>
{
    Q_OBJECT

public:
    enum Column { Name, Revision, Role, Status, Ready, Restarts, Age, Images, ScaleDown, Count };
    static constexpr int ColumnCount = Count;

    explicit ReplicaSetModel(QObject *parent = nullptr);

    // tags: the roles of each ReplicaSet, parallel to replicaSets (empty: no roles).
    void setReplicaSets(const QList<ReplicaSet> &replicaSets,
                        const QHash<QString, QList<Pod>> &podsByReplicaSetUid,
                        const QList<ReplicaSetTags> &tags, const QDateTime &now,
                        DetailUpdate how = DetailUpdate::InPlace);
    // The same, then the rollout's Experiments (detail.experiments): each a row (phase,
    // available pods, images tagged Σ:<template>) with what its step is doing, its
    // ReplicaSets (role Σ:<template>) with their pods, and its analyses (ExperimentRows).
    void setReplicaSetsAndExperiments(const QList<ReplicaSet> &replicaSets,
                                      const QList<ReplicaSetTags> &tags,
                                      const RolloutDetail &detail, const QDateTime &now,
                                      DetailUpdate how = DetailUpdate::InPlace);
    // The row of the ReplicaSet with this name (invalid when there is none).
    QModelIndex indexOfReplicaSet(const QString &name) const;

    QVariant rowData(const Node &node, int column, int role) const;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    // A column's title (the blue-green panels' pod lists share them).
    static QString columnTitle(int column);

private:
    void appendReplicaSets(Node *wanted, const QList<ReplicaSet> &replicaSets,
                           const QHash<QString, QList<Pod>> &podsByReplicaSetUid,
                           const QList<ReplicaSetTags> &tags, const QDateTime &now) const;
};

// The pods of one ReplicaSet as a flat list (a blue-green panel): name, status, ready,
// restarts, age; keyed by uid.
class PodListModel : public KeyedTreeModel<DetailRow, PodListModel>
{
    Q_OBJECT

public:
    enum Column { Name, Status, Ready, Restarts, Age, Count };
    static constexpr int ColumnCount = Count;

    explicit PodListModel(QObject *parent = nullptr);

    void setPods(const QList<Pod> &pods, const QDateTime &now,
                 DetailUpdate how = DetailUpdate::InPlace);

    QVariant rowData(const Node &node, int column, int role) const;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
};
