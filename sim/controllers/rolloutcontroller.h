// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>

#include <optional>

namespace rdsim {

class EventRecorder;
class ObjectStore;
class ReplicaSetController;
class Requeue;
struct RolloutEnvironment;
class VirtualClock;

// The Argo Rollouts controller of the simulated cluster: indexes ReplicaSets and
// AnalysisRuns by owning rollout once per pass and reconciles every Rollout with a
// RolloutReconciler, re-running one right away while it keeps changing (as Argo requeues a
// rollout whose status it just wrote), so a rollout settles within one pass.
class RolloutController
{
public:
    RolloutController(ObjectStore &store, VirtualClock &clock, EventRecorder &events,
                      Requeue &requeue, ReplicaSetController &replicaSets);
    void reconcile();

private:
    // What one reconcile of a rollout depended on: the resourceVersions of the rollout, its
    // ReplicaSets and AnalysisRuns, and the Services, templates and workload it names. While
    // that is unchanged and no deadline of its own is due, reconciling it again changes nothing.
    struct Memo
    {
        QByteArray fingerprint;
        qint64 wakeAtMs = 0;
    };
    QByteArray fingerprint(const QJsonObject &rollout, const QList<QJsonObject> &replicaSets,
                           const QList<QJsonObject> &runs) const;
    using ObjectsByOwner = QHash<QString, QList<QJsonObject>>; // controlling owner uid
    ObjectsByOwner indexReplicaSets() const;
    // Indexes the rollouts' AnalysisRuns, deleting those whose rollout is gone.
    ObjectsByOwner indexRuns(const QSet<QString> &rolloutUids);
    // Reconciles `rollout` round after round while it keeps writing, at most kMaxRounds
    // times, and returns whether it settled.
    bool settle(RolloutEnvironment &env, QJsonObject &rollout, QList<QJsonObject> &replicaSets,
                QList<QJsonObject> &runs, std::optional<ObjectsByOwner> &podsByOwner);
    void forgetGoneRollouts(const QSet<QString> &rolloutUids);

    ObjectStore &m_store;
    VirtualClock &m_clock;
    EventRecorder &m_events;
    Requeue &m_requeue;
    ReplicaSetController &m_replicaSets;
    QSet<QString> m_reportedErrors;
    QHash<QString, Memo> m_memo; // rollout uid
};

} // namespace rdsim
