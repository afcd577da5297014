// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysisrun.h"
#include "auditrecord.h"
#include "event.h"
#include "fleetdelta.h"
#include "gateresult.h"
#include "historywrite.h"
#include "replicaset.h"
#include "rollout.h"
#include "safetynets.h"

#include <QHash>
#include <QList>
#include <QSet>

#include <optional>

// Turns one environment's stream of WorkloadDeltaBatches into release-record rows: which
// releases exist (a Rollout revision, from its ReplicaSet), every change of phase, step and
// weight, the actions observed on the rollout, each AnalysisRun measurement and the Events
// about the rollout, its ReplicaSets and its runs. Pure values and no clock of its own:
// the caller passes the time a batch arrived, so tests and the simulator's virtual clock
// give exact timelines. It keeps only what it needs to see changes (the rollouts, their
// ReplicaSets without pod templates, the runs' measurements and the events' counts), and
// forgets a workload when it is deleted.
class ReleaseTracker
{
public:
    // startedAt: when recording began; a release that started before it and is first seen
    // in the catch-up batch is marked partially observed.
    ReleaseTracker(const QString &environment, const QDateTime &startedAt);

    const QString &environment() const { return m_environment; }

    HistoryWrite apply(const WorkloadDeltaBatch &batch, const QDateTime &now);
    // An outcome record of the audit log: our action on a rollout of this environment,
    // recorded on the release that rollout is at. Empty for another environment, an attempt,
    // or a rollout not known here.
    HistoryWrite applyAudit(const AuditRecord &record);

    // A gate evaluation is stored again without a change of outcome only this long after the
    // last one stored for the same gate of the same release.
    static constexpr qint64 gateRecordIntervalMs = 60'000;
    // A live evaluation of one rollout's gates, recorded on the release of that rollout
    // (namespace and name) whose pod template hash is the report's canary hash and that was in
    // progress at report.evaluatedAtMs (an undo's revision shares the hash of an earlier
    // release). A gate's evaluation is kept when its outcome differs from the last one kept
    // for that gate and release, or gateRecordIntervalMs or more after it; so every change is
    // kept, and a steady gate adds a row a minute. Its message (it may carry Prometheus' or
    // the controller's words) and an analysis gate's bound (the run's conditions) are
    // redacted. Empty for another environment, a report without a canary hash, a rollout not
    // known here or no such release.
    HistoryWrite applyGateReport(const GateReport &report);

    // A release's safety nets are stored again only when they differ from the last stored,
    // and not sooner than this after it (a change that comes sooner waits for the next one).
    static constexpr qint64 safetyNetsRecordIntervalMs = 60'000;
    // The safety nets of one rollout's canary (SafetyNetsMonitor), read at readAtMs: placed
    // like a gate report, on the release of nets' namespace and rollout whose pod template
    // hash is nets.canary.podTemplateHash and that was in progress then; the release keeps
    // only the latest (releasetrackersafetynets.cpp). Empty for another environment, no
    // canary, an unknown rollout or release, the same nets again, or within the interval.
    HistoryWrite applySafetyNets(const SafetyNets &nets, qint64 readAtMs);

private:
    struct RunState
    {
        ReleaseKey release;
        ReleaseAnalysisRun run;
        QHash<QString, ReleaseMeasurement> measurements; // by metric + start
    };

    void applyReplicaSets(const WorkloadDeltaBatch &batch);
    void observeRollout(const Rollout &rollout, const QDateTime &now, HistoryWrite *write);
    void catchUpOlderRevisions(const Rollout &rollout, const QList<ReplicaSet> &replicaSets,
                               qint64 currentRevision, const QDateTime &now);
    bool ensureRelease(const ReleaseKey &key, const Rollout &rollout, const ReplicaSet &rs,
                       const QDateTime &now, bool catchUp, HistoryWrite *write);
    void supersede(const ReleaseKey &previous, const ReleaseKey &next, const QDateTime &now);
    void updateOutcome(const ReleaseKey &key, const Rollout &rollout, const QDateTime &now);
    void recordTransition(const ReleaseKey &key, const Rollout &rollout,
                          const QList<ReplicaSet> &replicaSets, const QDateTime &now,
                          HistoryWrite *write);
    void recordObservedActions(const Rollout &before, const Rollout &after, const ReleaseKey &key,
                               const QDateTime &now, HistoryWrite *write);
    void forgetRollout(const QString &rolloutKey, const QDateTime &now, HistoryWrite *write);
    void observeRun(const AnalysisRun &run, const QDateTime &now, HistoryWrite *write);
    void observeEvent(const Event &event, HistoryWrite *write);
    std::optional<ReleaseKey> releaseOfRun(const AnalysisRun &run) const;
    std::optional<ReleaseKey> releaseOfEvent(const Event &event) const;
    std::optional<ReleaseKey> releaseAt(const QString &workloadUid, const QDateTime &time) const;
    QList<ReplicaSet> replicaSetsOf(const QString &rolloutUid) const;
    // Lookups without copying a summary or a rollout (an empty one / uid when unknown).
    const ReleaseSummary &summaryOf(const ReleaseKey &key) const;
    QString rolloutUidOf(const QString &rolloutKey) const;
    void markDirty(const ReleaseKey &key) { m_dirty.insert(key); }
    // releasetrackergates.cpp
    std::optional<ReleaseKey> releaseOfCanary(const GateReport &report) const;
    // The release of that rollout with that pod template hash in progress at atMs.
    std::optional<ReleaseKey> releaseOfCanaryHash(const QString &namespaceName,
                                                  const QString &rollout, const QString &hash,
                                                  qint64 atMs) const;
    void forgetFinishedGates();

    QString m_environment;
    QDateTime m_startedAt;
    QHash<QString, Rollout> m_rollouts; // by "namespace/name"
    QHash<QString, QString> m_rolloutKeyByUid;
    // Rollout-owned ReplicaSets by owner uid, then by name; without pod templates (their
    // images are kept) and conditions: only what the revision and the weights need.
    QHash<QString, QHash<QString, ReplicaSet>> m_replicaSets;
    QHash<QString, QString> m_replicaSetOwner; // "namespace/name" -> owner uid
    QHash<ReleaseKey, ReleaseSummary> m_releases;
    QHash<QString, QList<ReleaseKey>> m_releasesByWorkload; // in order of start
    QHash<QString, ReleaseKey> m_current; // rollout uid -> the release it is at
    QHash<ReleaseKey, ReleaseTransition> m_lastTransition;
    QHash<QString, RunState> m_runs; // by "namespace/name"
    QHash<QString, ReleaseEvent> m_events; // by "namespace/name", as last written
    QSet<ReleaseKey> m_dirty; // summaries to write at the end of the batch
    struct KeptGate
    {
        GateOutcome outcome;
        qint64 atMs;
    };
    // The last evaluation kept per gate name, of releases in progress only.
    QHash<ReleaseKey, QHash<QString, KeptGate>> m_keptGates;
    struct KeptSafetyNets
    {
        QJsonObject nets;
        qint64 atMs = 0;
    };
    // The last safety nets stored per release in progress.
    QHash<ReleaseKey, KeptSafetyNets> m_keptSafetyNets;
};
