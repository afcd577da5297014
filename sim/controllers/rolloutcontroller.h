// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSet>
#include <QString>

class EventRecorder;
class ObjectStore;
class ReplicaSetController;
class Requeue;
class VirtualClock;

// The Argo Rollouts controller of the simulated cluster: indexes ReplicaSets and
// AnalysisRuns by owning rollout once per pass and reconciles every Rollout with a
// RolloutReconciler, re-running one right away while it keeps changing (as Argo requeues a
// rollout whose status it just wrote), so a rollout settles within one pass.
class RolloutController
{
public:
    RolloutController(ObjectStore &store, VirtualClock &clock, EventRecorder &events, Requeue &requeue,
                      ReplicaSetController &replicaSets);
    void reconcile();

private:
    ObjectStore &m_store;
    VirtualClock &m_clock;
    EventRecorder &m_events;
    Requeue &m_requeue;
    ReplicaSetController &m_replicaSets;
    QSet<QString> m_reportedErrors;
};
