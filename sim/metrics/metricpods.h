// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace rdsim {

class ObjectStore;

// One running pod as the metric source sees it: who owns it and what role its ReplicaSet
// plays in its rollout right now.
struct MetricPod
{
    QString ns;
    QString name;
    QString rollout; // empty for a Deployment's pod
    QString deployment; // empty for a Rollout's pod
    QString hash; // rollouts-pod-template-hash (or pod-template-hash for a Deployment)
    QString role; // stable, canary, active, preview; "old" for a superseded ReplicaSet
    qint64 startMs = 0; // status.startTime, else metadata.creationTimestamp
    qint64 roleSinceMs = 0; // the ReplicaSet's creationTimestamp
    // The pod belongs to the revision being rolled out (currentPodHash != stableRS): a canary,
    // a blue-green preview, or a blue-green active ReplicaSet not yet marked stable; or to a
    // Flagger Canary's target Deployment (role canary). These switch to the scenario's canary
    // values.
    bool regresses = false;
    QList<QPair<QString, int>> restarts; // container name, restartCount
};

// The rollout's pod-template hashes that analysis queries choose between.
struct RolloutHashes
{
    bool found = false;
    bool blueGreen = false;
    QString stable; // status.stableRS
    QString current; // status.currentPodHash
};

namespace MetricPods {
// Running pods owned (through a ReplicaSet) by a Rollout or a Deployment, sorted by namespace
// then name. ns empty: every namespace. Pods that are not Running, are being deleted or have
// no owner are left out, as a Prometheus scrape of pod endpoints would leave them out.
QList<MetricPod> collect(const ObjectStore &store, const QString &ns);
RolloutHashes rolloutHashes(const ObjectStore &store, const QString &ns, const QString &rollout);
} // namespace MetricPods

} // namespace rdsim
