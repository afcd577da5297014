// SPDX-License-Identifier: GPL-3.0-or-later
// The ReleaseTracker's other kinds: the AnalysisRuns and Events of a release, the actions
// observed on a rollout, ours from the audit log, and forgetting a deleted rollout.
#include "releasetracker.h"

#include "rolloutstatus.h"
#include "secretredaction.h"

namespace {

QString rolloutOwnerOf(const ObjectMeta &metadata)
{
    for (const OwnerReference &owner : metadata.ownerReferences) {
        if (owner.kind == QLatin1String("Rollout"))
            return owner.uid;
    }
    return QString();
}

// A pause only a person ends: a canary pause step without a duration.
bool waitsForPersonAtStep(const Rollout &rollout)
{
    if (!findPauseCondition(rollout, u"CanaryPauseStep"))
        return false;
    const RolloutStep *step = currentCanaryStep(rollout);
    return step && step->hasPause && !step->pauseDuration.isSet();
}

// A blue-green preview that waits for a person: auto-promotion is off.
bool waitsForPersonToPromote(const Rollout &rollout)
{
    return rollout.spec.blueGreen && !rollout.spec.blueGreen->isAutoPromotionEnabled()
        && findPauseCondition(rollout, u"BlueGreenPause");
}

QString measurementKey(const QString &metric, const Measurement &m, qsizetype index)
{
    // Measurements are appended; a start time names one, the index stands in without one.
    return metric + QLatin1Char('\n')
        + (m.startedAt.isValid() ? QString::number(m.startedAt.toMSecsSinceEpoch())
                                 : QLatin1Char('#') + QString::number(index));
}

// The controller aborted it because an analysis failed: nobody's action.
bool abortedByAnalysis(const Rollout &rollout)
{
    const RolloutStatus &s = rollout.status;
    for (const std::optional<AnalysisRunStatusRef> *ref :
         {&s.currentStepAnalysisRunStatus, &s.currentBackgroundAnalysisRunStatus,
          &s.prePromotionAnalysisRunStatus, &s.postPromotionAnalysisRunStatus}) {
        if (*ref
            && ((*ref)->status == QLatin1String("Failed")
                || (*ref)->status == QLatin1String("Error")))
            return true;
    }
    return false;
}

ReleaseAction observedAction(const QString &name, const QDateTime &time)
{
    ReleaseAction action;
    action.time = time;
    action.action = name;
    action.source = ReleaseAction::Source::Observed;
    return action;
}

} // namespace

void ReleaseTracker::recordObservedActions(const Rollout &before, const Rollout &after,
                                           const ReleaseKey &key, const QDateTime &now,
                                           HistoryWrite *write)
{
    QList<ReleaseAction> seen;
    if (!before.spec.paused && after.spec.paused)
        seen.append(observedAction(QStringLiteral("pause"), now));
    if (before.spec.paused && !after.spec.paused)
        seen.append(observedAction(QStringLiteral("resume"), now));
    if (!before.status.abort && after.status.abort && !abortedByAnalysis(after)) {
        const QDateTime at = after.status.abortedAt.isValid() ? after.status.abortedAt : now;
        seen.append(observedAction(QStringLiteral("abort"), at));
    }
    if (before.status.abort && !after.status.abort)
        seen.append(observedAction(QStringLiteral("retry"), now));
    if (!before.status.promoteFull && after.status.promoteFull)
        seen.append(observedAction(QStringLiteral("promote-full"), now));
    if (after.spec.restartAt.isValid() && before.spec.restartAt != after.spec.restartAt)
        seen.append(observedAction(QStringLiteral("restart"), now));
    // Past a pause only a person ends: somebody promoted it.
    if (waitsForPersonAtStep(before) && !after.status.abort
        && after.status.currentStepIndex.value_or(0) > before.status.currentStepIndex.value_or(0))
        seen.append(observedAction(QStringLiteral("promote"), now));
    if (waitsForPersonToPromote(before) && !after.status.abort
        && !findPauseCondition(after, u"BlueGreenPause") && !after.spec.paused)
        seen.append(observedAction(QStringLiteral("promote"), now));
    for (const ReleaseAction &action : std::as_const(seen))
        write->actions.append({key, action});
}

HistoryWrite ReleaseTracker::applyAudit(const AuditRecord &record)
{
    HistoryWrite write;
    if (record.stage != AuditRecord::Stage::Outcome || record.environment != m_environment)
        return write;
    // A Flagger canary's actions (FlaggerActions::id, "canary-…") are about a canary, never about
    // a Rollout that may bear its name in the same namespace; canaries have no release record.
    if (record.action.startsWith(QLatin1String("canary-")))
        return write;
    const QString uid = rolloutUidOf(WorkloadDeltaBatch::key(record.namespaceName, record.rollout));
    // The release the rollout was at when the person acted (the audit file is read from its
    // start, so older records name older releases).
    const std::optional<ReleaseKey> release
        = uid.isEmpty() ? std::nullopt : releaseAt(uid, record.time);
    if (!release)
        return write;
    ReleaseAction action;
    action.time = record.time;
    action.action = record.action;
    action.source = ReleaseAction::Source::Audit;
    action.user = record.user;
    action.result = AuditRecord::resultName(record.result);
    action.message = record.message;
    // The window acted on its own for a failed gate (onGateFail: pause), as this user: the
    // review must not read it as the person's own action. The config's key names it in
    // every language; the reason says which gate and why.
    if (record.client == QLatin1String("gate")) {
        action.user = QStringLiteral("%1 (onGateFail)").arg(record.user);
        if (!record.reason.isEmpty())
            action.message = QStringLiteral("%1 — %2").arg(record.reason, record.message);
    }
    action.auditId = record.id;
    write.actions.append({*release, action});
    return write;
}

std::optional<ReleaseKey> ReleaseTracker::releaseAt(const QString &workloadUid,
                                                    const QDateTime &time) const
{
    // The newest release begun by then; without a time, the one the rollout is at.
    if (!time.isValid()) {
        const auto current = m_current.constFind(workloadUid);
        return current == m_current.constEnd() ? std::nullopt : std::optional(*current);
    }
    const QList<ReleaseKey> ordered = m_releasesByWorkload.value(workloadUid);
    std::optional<ReleaseKey> found;
    for (const ReleaseKey &key : ordered) {
        const QDateTime &start = summaryOf(key).startedAt;
        if (!start.isValid() || start <= time)
            found = key;
    }
    return found;
}

std::optional<ReleaseKey> ReleaseTracker::releaseOfRun(const AnalysisRun &run) const
{
    const QString owner = rolloutOwnerOf(run.metadata);
    if (owner.isEmpty())
        return std::nullopt;
    bool ok = false;
    const qint64 revision = run.revision().toLongLong(&ok);
    if (ok && m_releases.contains(ReleaseKey {m_environment, owner, revision}))
        return ReleaseKey {m_environment, owner, revision};
    const QString hash = run.podTemplateHash();
    for (const ReplicaSet &rs : m_replicaSets.value(owner)) {
        const ReleaseKey key {m_environment, owner, rs.revision()};
        if (!hash.isEmpty() && rs.podTemplateHash() == hash && m_releases.contains(key))
            return key;
    }
    return releaseAt(owner, run.startedAt);
}

void ReleaseTracker::observeRun(const AnalysisRun &run, const QDateTime &now, HistoryWrite *write)
{
    Q_UNUSED(now);
    const std::optional<ReleaseKey> release = releaseOfRun(run);
    if (!release)
        return; // not a rollout's, or its rollout is not known here
    RunState &state
        = m_runs[WorkloadDeltaBatch::key(run.metadata.namespaceName, run.metadata.name)];
    state.release = *release;
    const ReleaseAnalysisRun summary {
        run.metadata.name, run.rolloutType(),
        run.phase,         SecretRedaction::redactForeign(run.message),
        run.startedAt,     run.completedAt};
    if (summary != state.run) {
        state.run = summary;
        write->analysisRuns.append({*release, summary});
    }
    for (const MetricResult &result : run.metricResults) {
        const AnalysisMetric *metric = nullptr;
        for (const AnalysisMetric &m : run.metrics) {
            if (m.name == result.name)
                metric = &m;
        }
        for (qsizetype i = 0; i < result.measurements.size(); ++i) {
            const Measurement &m = result.measurements[i];
            ReleaseMeasurement row {run.metadata.name,
                                    summary.runKind,
                                    result.name,
                                    m.phase,
                                    m.value,
                                    SecretRedaction::redactForeign(m.message),
                                    metric ? metric->successCondition : QString(),
                                    metric ? metric->failureCondition : QString(),
                                    m.startedAt,
                                    m.finishedAt};
            ReleaseMeasurement &stored = state.measurements[measurementKey(result.name, m, i)];
            if (stored != row) {
                stored = row;
                write->measurements.append({*release, row});
            }
        }
    }
}

std::optional<ReleaseKey> ReleaseTracker::releaseOfEvent(const Event &event) const
{
    const ObjectReference &object = event.involvedObject;
    const QString key = WorkloadDeltaBatch::key(
        object.namespaceName.isEmpty() ? event.metadata.namespaceName : object.namespaceName,
        object.name);
    if (object.kind == QLatin1String("Rollout")) {
        const QString uid = object.uid.isEmpty() ? rolloutUidOf(key) : object.uid;
        return uid.isEmpty() ? std::nullopt : releaseAt(uid, event.lastSeen());
    }
    if (object.kind == QLatin1String("AnalysisRun")) {
        const auto run = m_runs.constFind(key);
        return run == m_runs.constEnd() ? std::nullopt : std::optional(run->release);
    }
    if (object.kind == QLatin1String("ReplicaSet")) {
        const QString owner = m_replicaSetOwner.value(key);
        const ReplicaSet rs = m_replicaSets.value(owner).value(object.name);
        const ReleaseKey release {m_environment, owner, rs.revision()};
        return m_releases.contains(release) ? std::optional(release) : std::nullopt;
    }
    return std::nullopt;
}

void ReleaseTracker::observeEvent(const Event &event, HistoryWrite *write)
{
    const std::optional<ReleaseKey> release = releaseOfEvent(event);
    if (!release)
        return;
    ReleaseEvent row;
    row.uid = event.metadata.uid;
    row.type = event.type;
    row.reason = event.reason;
    // Cluster text is kept on disk and exported in reports: no credential in it.
    row.message = SecretRedaction::redactForeign(event.message);
    row.objectKind = event.involvedObject.kind;
    row.objectName = event.involvedObject.name;
    row.count = event.count;
    row.firstSeen = event.firstTimestamp.isValid() ? event.firstTimestamp
        : event.eventTime.isValid()                ? event.eventTime
                                                   : event.metadata.creationTimestamp;
    row.lastSeen = event.lastSeen();
    ReleaseEvent &stored
        = m_events[WorkloadDeltaBatch::key(event.metadata.namespaceName, event.metadata.name)];
    if (stored == row)
        return;
    stored = row;
    write->events.append({*release, row});
}

void ReleaseTracker::forgetRollout(const QString &rolloutKey, const QDateTime &now,
                                   HistoryWrite *write)
{
    const auto it = m_rollouts.constFind(rolloutKey);
    if (it == m_rollouts.constEnd())
        return;
    const QString uid = it->metadata.uid;
    m_rollouts.erase(it);
    m_rolloutKeyByUid.remove(uid);
    const QList<ReleaseKey> releases = m_releasesByWorkload.take(uid);
    for (const ReleaseKey &key : releases) {
        ReleaseSummary s = m_releases.take(key);
        if (s.outcome == ReleaseOutcome::InProgress) {
            s.outcome = ReleaseOutcome::Deleted;
            s.endedAt = now;
        }
        s.workloadDeletedAt = now;
        m_dirty.remove(key);
        m_lastTransition.remove(key);
        write->releases.append(s);
    }
    m_current.remove(uid);
    write->deletedWorkloads.append({m_environment, uid, now});
}
