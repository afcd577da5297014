// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "simrolloutspec.h"
#include "simrolloutstatus.h"

#include <QJsonObject>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <vector>

namespace rdsim {

class EventRecorder;
class ObjectStore;
class ReplicaSetController;
class Requeue;
class VirtualClock;

// What a rollout reconcile needs from the cluster. podsOf() lists the pods a ReplicaSet owns
// (only the pod restarter asks, so the pod index is built lazily).
struct RolloutEnvironment
{
    ObjectStore &store;
    VirtualClock &clock;
    EventRecorder &events;
    Requeue &requeue;
    ReplicaSetController &replicaSets;
    std::function<QList<QJsonObject>(const QString &rsUid)> podsOf;
    QSet<QString> *reportedErrors = nullptr; // problems already reported by an Event
};

// One ReplicaSet owned by the rollout, changed in memory and written once at the end.
struct RsState
{
    QJsonObject object;
    bool dirty = false;

    QString name() const;
    QString uid() const;
    QString hash() const; // rollouts-pod-template-hash label
    int specReplicas() const;
    int statusReplicas() const;
    int available() const;
    int ready() const;
    int revision() const;
    qint64 createdMs() const;
    QString scaleDownDeadline() const;
    bool hasScaleDownDeadline() const { return !scaleDownDeadline().isEmpty(); }
};

// Argo's pauseContext: pause and abort changes requested during one reconcile, applied to the
// new status by calculatePauseStatus().
struct PauseContext
{
    QStringList addReasons;
    QStringList removeReasons;
    bool clear = false;
    bool addAbort = false;
    bool removeAbort = false;
    QString abortMessage;

    bool hasAddPause() const { return !addReasons.isEmpty(); }
    bool isAborted(const RolloutStatus &current) const
    {
        if (removeAbort)
            return false;
        return addAbort || current.abort;
    }
    void abort(const QString &message)
    {
        addAbort = true;
        abortMessage = message;
    }
};

// The AnalysisRuns the rollout status names as current; an empty object means none.
struct CurrentRuns
{
    QJsonObject step;
    QJsonObject background;
    QJsonObject prePromotion;
    QJsonObject postPromotion;
};

// One reconcile of one Rollout, following the Argo Rollouts controller (rollout/*.go): the
// state it reads (rollout, owned ReplicaSets and AnalysisRuns) and the shared operations the
// canary and blue-green strategies build on. Member functions live in several files by job:
// rolloutreconciler.cpp (flow, validation, writing), rolloutbootstrap.cpp (starting in the
// middle of an update), rolloutreplicasets.cpp (revisions, scaling), rolloutrestart.cpp (pod
// restarts), rolloutservices.cpp (Service selectors), rolloutsync.cpp (status, conditions,
// pauses).
class RolloutReconciler
{
public:
    RolloutReconciler(RolloutEnvironment &env, const QJsonObject &rollout,
                      const QList<QJsonObject> &replicaSets, const QList<QJsonObject> &runs);
    ~RolloutReconciler();

    // Returns whether anything was written.
    bool reconcile();
    QJsonObject rolloutObject() const { return m_rollout; }
    QList<QJsonObject> replicaSetObjects() const;
    QList<QJsonObject> runObjects() const { return runs; }

    // --- state (public: the strategy classes are this class's helpers) ---
    RolloutEnvironment &env;
    RolloutSpec spec;
    RolloutStatus status; // the status as read ("c.rollout.Status")
    RolloutStatus newStatus; // being built ("c.newStatus")
    PauseContext pause;
    std::vector<std::unique_ptr<RsState>> allRSs;
    RsState *newRS = nullptr;
    RsState *stableRS = nullptr;
    QList<RsState *> otherRSs; // neither new nor stable
    QList<RsState *> olderRSs; // all but new
    QList<QJsonObject> runs;
    CurrentRuns currentRuns;
    QList<QJsonObject> otherRuns;
    qint64 nowMs = 0;
    QString now;
    QString validationMessage;

    // --- rolloutreconciler.cpp ---
    QString name() const;
    QString nameSpace() const;
    qint64 generation() const;
    int revision() const; // rollout.argoproj.io/revision on the rollout
    void setRolloutRevision(int revision);
    QString computedPodHash() const;
    QString stepHash() const;
    void event(const QString &reason, const QString &message, bool warning = false);
    bool writeRun(const QJsonObject &run, bool create);
    void deleteRun(const QJsonObject &run);
    void markWritten() { m_wrote = true; }

    // --- rolloutreplicasets.cpp ---
    void classifyReplicaSets();
    // A ReplicaSet for this rollout's revision `revision` of `podTemplate` (replicas 0).
    QJsonObject newReplicaSetObject(const QJsonObject &podTemplate, const QString &hash,
                                    int revision) const;
    void createDesiredReplicaSet();
    void deleteReplicaSet(RsState *rs);
    RsState *replicaSetByHash(const QString &hash) const;
    void getAllReplicaSetsAndSyncRevision(bool createIfMissing);
    bool scaleReplicaSet(RsState &rs, int newScale);
    bool shouldDelayScaleDownOnAbort() const;
    bool reconcileNewReplicaSet(int desired);
    void removeScaleDownDeadlines();
    int scaleDownDelayHelper(RsState &rs, int &annotated, int keepReplicas);
    bool isSaturated(const RsState *rs) const;
    bool isReplicaSetReferenced(const RsState &rs) const;
    void reconcileRevisionHistoryLimit();
    void restartPods(); // rolloutrestart.cpp
    QString haltProgress() const;
    bool podTemplateChanged() const;
    bool podTemplateOrStepsChanged() const;
    // rolloutservices.cpp. The rollouts-pod-template-hash in the named Service's selector (or, when
    // the simulated cluster has no such Service, the value recorded in `fallback`).
    QString serviceHash(const QString &service, const QString &fallback) const;
    void switchService(const QString &service, const QString &hash);
    void ensureServiceTarget(const QString &service, const RsState *rs);

    // --- rolloutsync.cpp ---
    RolloutStatus calculateBaseStatus();
    void calculateRolloutConditions(RolloutStatus &next);
    bool setHealthyCondition(RolloutStatus &next, bool paused, bool healthy);
    void setAbortedCondition(RolloutStatus &next);
    void setNewReplicaSetAvailableCondition(RolloutStatus &next);
    bool replicaSetsProgressed(const RolloutStatus &next) const;
    void setReplicaSetUpdatedCondition(RolloutStatus &next, bool becameUnhealthy);
    void setAvailableCondition(RolloutStatus &next);
    void setCompletedCondition(RolloutStatus &next);
    // rolloutprogressdeadline.cpp: RolloutTimedOut, and the Progressing=False condition
    // (ProgressDeadlineExceeded) with the abort of spec.progressDeadlineAbort.
    bool progressDeadlineExceeded(const RolloutStatus &next) const;
    void setProgressDeadlineExceededCondition(RolloutStatus &next);
    void checkPausedConditions();
    void calculatePauseStatus(RolloutStatus &next) const;
    void persist(RolloutStatus next);
    void resetRolloutStatus(RolloutStatus &next);
    QString shouldFullPromote(const RolloutStatus &next) const;
    void promoteStable(RolloutStatus &next, const QString &reason);
    bool rolloutHealthy(const RolloutStatus &next) const;
    bool isFullyPromoted() const { return status.stableRS == status.currentPodHash; }
    int currentStepIndex() const; // status (as read) index, 0 when unset
    void setCurrentRuns();

private:
    void resolveWorkloadRef();
    bool validate();
    void createInvalidCondition();
    bool needsBootstrap() const;
    void bootstrapPreviousRevision();
    bool isScalingEvent() const;
    void syncReplicasOnly();
    bool flush();

    QJsonObject m_rollout;
    QJsonObject m_original;
    QString m_workloadError;
    qint64 m_workloadGeneration = -1;
    std::optional<RolloutStatus> m_persisted;
    struct PendingEvent
    {
        QString reason;
        QString message;
        bool warning;
    };
    QList<PendingEvent> m_events;
    bool m_wrote = false;
};

} // namespace rdsim
