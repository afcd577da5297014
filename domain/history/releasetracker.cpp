// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasetracker.h"

#include "rolloutstatus.h"
#include "secretredaction.h"

#include <algorithm>

namespace {

QString rolloutOwnerUid(const ObjectMeta &metadata)
{
    for (const OwnerReference &owner : metadata.ownerReferences) {
        if (owner.kind == QLatin1String("Rollout"))
            return owner.uid;
    }
    return QString();
}

// What the tracker keeps of a ReplicaSet: enough for rolloutRevision, actualWeight and
// the release's images, without the pod template's other fields and the conditions.
ReplicaSet slimmed(const ReplicaSet &rs)
{
    ReplicaSet slim = rs;
    slim.conditions.clear();
    for (ContainerSpec &container : slim.podTemplate.containers)
        container = ContainerSpec {container.name, container.image, false};
    slim.podTemplate.initContainers.clear();
    return slim;
}

const ReplicaSet *replicaSetOfRevision(const QList<ReplicaSet> &replicaSets, qint64 revision)
{
    for (const ReplicaSet &rs : replicaSets) {
        if (rs.revision() == revision)
            return &rs;
    }
    return nullptr;
}

// When a release first seen already promoted got there: the last transition of the
// rollout's Completed or Healthy condition, if it is not before the release began.
QDateTime promotedAtFromConditions(const Rollout &rollout, const QDateTime &startedAt)
{
    QDateTime at;
    for (const Condition &c : rollout.status.conditions) {
        if ((c.type == QLatin1String("Completed") || c.type == QLatin1String("Healthy"))
            && c.status == QLatin1String("True") && c.lastTransitionTime.isValid())
            at = std::max(at, c.lastTransitionTime);
    }
    return at.isValid() && startedAt.isValid() && at < startedAt ? QDateTime() : at;
}

ReleaseTransition transitionOf(const Rollout &rollout, const QList<ReplicaSet> &replicaSets)
{
    const RolloutPhaseInfo phase = rolloutPhase(rollout);
    ReleaseTransition t;
    t.phase = phase.phase;
    t.message = SecretRedaction::redactForeign(phase.message); // kept on disk and exported
    t.step = rollout.status.currentStepIndex.value_or(-1);
    if (rollout.isCanary()) {
        t.desiredWeight = currentSetWeight(rollout);
        t.actualWeight = actualWeight(rollout, replicaSets);
    } else {
        // Blue-green has no weights: the new revision takes all traffic once it is active.
        const bool active = !rollout.status.currentPodHash.isEmpty()
            && rollout.status.activeSelector == rollout.status.currentPodHash;
        t.desiredWeight = t.actualWeight = active ? 100 : 0;
    }
    t.paused = rollout.spec.paused || !rollout.status.pauseConditions.isEmpty();
    return t;
}

// A release seen first in the state it starts in: at the first canary step (or a blue-green
// not yet promoted), not paused by a person, not aborted and not promoted. Nothing of it can
// have been missed.
bool isAtItsBeginning(const Rollout &rollout)
{
    if (rollout.status.abort || rollout.spec.paused || isFullyPromoted(rollout))
        return false;
    if (rollout.isCanary())
        return rollout.status.currentStepIndex.value_or(0) == 0;
    return rollout.status.pauseConditions.isEmpty();
}

bool sameProgress(const ReleaseTransition &a, const ReleaseTransition &b)
{
    return a.phase == b.phase && a.step == b.step && a.desiredWeight == b.desiredWeight
        && a.actualWeight == b.actualWeight && a.paused == b.paused && a.message == b.message;
}

} // namespace

ReleaseTracker::ReleaseTracker(const QString &environment, const QDateTime &startedAt) :
    m_environment(environment), m_startedAt(startedAt)
{ }

HistoryWrite ReleaseTracker::apply(const WorkloadDeltaBatch &batch, const QDateTime &now)
{
    HistoryWrite write;
    applyReplicaSets(batch);
    // A reset batch is not taken for the whole environment: it holds the lists of the
    // informers that had listed by the first flush, and another kind or namespace may come a
    // batch later. A rollout is forgotten only when the cluster says it was deleted.
    for (const Rollout &rollout : batch.upserts<Rollout>())
        observeRollout(rollout, now, &write);
    // A rollout seen before the ReplicaSet of its current revision (listed first, or its
    // update came a batch earlier) has that release once the ReplicaSet comes.
    for (const ReplicaSet &rs : batch.upserts<ReplicaSet>()) {
        const QString owner = m_replicaSetOwner.value(
            WorkloadDeltaBatch::key(rs.metadata.namespaceName, rs.metadata.name));
        const auto key = m_rolloutKeyByUid.constFind(owner);
        if (owner.isEmpty() || key == m_rolloutKeyByUid.constEnd())
            continue;
        const auto rollout = m_rollouts.constFind(*key);
        if (rollout == m_rollouts.constEnd())
            continue;
        const auto current = m_current.constFind(owner);
        const bool behind = current == m_current.constEnd()
            || (rs.podTemplateHash() == rollout->status.currentPodHash
                && summaryOf(*current).podTemplateHash != rs.podTemplateHash());
        if (behind)
            observeRollout(Rollout(*rollout), now, &write); // a copy: observing replaces it
    }
    for (const QString &key : batch.deletes<Rollout>())
        forgetRollout(key, now, &write);
    for (const AnalysisRun &run : batch.upserts<AnalysisRun>())
        observeRun(run, now, &write);
    for (const QString &key : batch.deletes<AnalysisRun>())
        m_runs.remove(key);
    for (const Event &event : batch.upserts<Event>())
        observeEvent(event, &write);
    // Events are deleted by the cluster after about an hour: what was written stays, the
    // tracker forgets them.
    for (const QString &key : batch.deletes<Event>())
        m_events.remove(key);

    QList<ReleaseSummary> dirty;
    dirty.reserve(m_dirty.size());
    for (const ReleaseKey &key : std::as_const(m_dirty)) {
        const auto it = m_releases.constFind(key);
        if (it != m_releases.constEnd())
            dirty.append(*it);
    }
    m_dirty.clear();
    std::sort(dirty.begin(), dirty.end(), [](const ReleaseSummary &a, const ReleaseSummary &b) {
        // Revisions made at the same moment (a scenario's or a restore's) stay in order, so
        // "newest first" lists the higher revision first.
        return a.startedAt != b.startedAt ? a.startedAt < b.startedAt
                                          : a.key.revision < b.key.revision;
    });
    write.releases = dirty + write.releases;
    return write;
}

void ReleaseTracker::applyReplicaSets(const WorkloadDeltaBatch &batch)
{
    for (const QString &key : batch.deletes<ReplicaSet>()) {
        const QString owner = m_replicaSetOwner.take(key);
        const auto it = m_replicaSets.find(owner);
        if (it != m_replicaSets.end()) {
            it->remove(key.section(QLatin1Char('/'), 1));
            if (it->isEmpty())
                m_replicaSets.erase(it);
        }
    }
    for (const ReplicaSet &rs : batch.upserts<ReplicaSet>()) {
        const QString owner = rolloutOwnerUid(rs.metadata);
        if (owner.isEmpty())
            continue; // a Deployment's: not a release this version records
        m_replicaSets[owner].insert(rs.metadata.name, slimmed(rs));
        m_replicaSetOwner.insert(
            WorkloadDeltaBatch::key(rs.metadata.namespaceName, rs.metadata.name), owner);
    }
}

const ReleaseSummary &ReleaseTracker::summaryOf(const ReleaseKey &key) const
{
    static const ReleaseSummary none;
    const auto it = m_releases.constFind(key);
    return it == m_releases.constEnd() ? none : *it;
}

QString ReleaseTracker::rolloutUidOf(const QString &rolloutKey) const
{
    const auto it = m_rollouts.constFind(rolloutKey);
    return it == m_rollouts.constEnd() ? QString() : it->metadata.uid;
}

QList<ReplicaSet> ReleaseTracker::replicaSetsOf(const QString &rolloutUid) const
{
    return m_replicaSets.value(rolloutUid).values();
}

void ReleaseTracker::observeRollout(const Rollout &rollout, const QDateTime &now,
                                    HistoryWrite *write)
{
    const QString key
        = WorkloadDeltaBatch::key(rollout.metadata.namespaceName, rollout.metadata.name);
    const QString &uid = rollout.metadata.uid;
    // Deleted and created again under the same name between two looks: the old one is gone.
    if (const auto known = m_rollouts.constFind(key);
        known != m_rollouts.constEnd() && known->metadata.uid != uid)
        forgetRollout(key, now, write);
    const auto before = m_rollouts.constFind(key);
    const std::optional<Rollout> previous
        = before != m_rollouts.constEnd() ? std::optional<Rollout>(*before) : std::nullopt;
    m_rollouts.insert(key, rollout);
    m_rolloutKeyByUid.insert(uid, key);

    const QList<ReplicaSet> replicaSets = replicaSetsOf(uid);
    const qint64 revision = rolloutRevision(rollout, replicaSets);
    const ReplicaSet *rs = replicaSetOfRevision(replicaSets, revision);
    if (revision <= 0 || !rs || rs->podTemplateHash() != rollout.status.currentPodHash)
        return; // the controller has not made this revision's ReplicaSet yet

    // The first time this rollout has a release here (its ReplicaSets may come in a later
    // batch than the rollout itself): what the cluster still holds of it is caught up.
    const ReleaseKey release {m_environment, uid, revision};
    const bool catchUp = !m_current.contains(uid);
    if (catchUp)
        catchUpOlderRevisions(rollout, replicaSets, revision, now);
    ensureRelease(release, rollout, *rs, now, catchUp, write);
    const auto current = m_current.constFind(uid);
    const bool sameRelease = current != m_current.constEnd() && *current == release;
    if (current != m_current.constEnd() && *current != release)
        supersede(*current, release, now);
    m_current.insert(uid, release);
    // Actions are read from the change of one release; a new revision clears the abort and
    // the step by itself.
    if (previous && sameRelease)
        recordObservedActions(*previous, rollout, release, now, write);
    updateOutcome(release, rollout, now);
    recordTransition(release, rollout, replicaSets, now, write);
}

void ReleaseTracker::catchUpOlderRevisions(const Rollout &rollout,
                                           const QList<ReplicaSet> &replicaSets,
                                           qint64 currentRevision, const QDateTime &now)
{
    QList<ReplicaSet> older;
    for (const ReplicaSet &rs : replicaSets) {
        if (rs.revision() > 0 && rs.revision() < currentRevision)
            older.append(rs);
    }
    std::sort(older.begin(), older.end(),
              [](const ReplicaSet &a, const ReplicaSet &b) { return a.revision() < b.revision(); });
    for (qsizetype i = 0; i < older.size(); ++i) {
        const ReleaseKey key {m_environment, rollout.metadata.uid, older[i].revision()};
        if (m_releases.contains(key))
            continue;
        // All the cluster still tells of an older revision: when its ReplicaSet was made
        // and that a newer one replaced it (whether it had been promoted is not kept).
        ReleaseSummary s;
        s.key = key;
        s.namespaceName = rollout.metadata.namespaceName;
        s.workload = rollout.metadata.name;
        s.strategy = strategyName(rollout);
        s.podTemplateHash = older[i].podTemplateHash();
        s.images = older[i].podTemplate.images();
        s.startedAt = older[i].metadata.creationTimestamp;
        const ReplicaSet *next = i + 1 < older.size()
            ? &older[i + 1]
            : replicaSetOfRevision(replicaSets, currentRevision);
        // An undone revision's ReplicaSet is older than the one it replaced: never before
        // the start.
        s.endedAt = next ? std::max(next->metadata.creationTimestamp, s.startedAt) : QDateTime();
        s.outcome = ReleaseOutcome::Superseded;
        s.partiallyObserved = true;
        s.firstObservedAt = now;
        m_releases.insert(key, s);
        m_releasesByWorkload[key.workloadUid].append(key);
        markDirty(key);
    }
}

bool ReleaseTracker::ensureRelease(const ReleaseKey &key, const Rollout &rollout,
                                   const ReplicaSet &rs, const QDateTime &now, bool catchUp,
                                   HistoryWrite *write)
{
    if (m_releases.contains(key))
        return false;
    ReleaseSummary s;
    s.key = key;
    s.namespaceName = rollout.metadata.namespaceName;
    s.workload = rollout.metadata.name;
    s.strategy = strategyName(rollout);
    s.podTemplateHash = rs.podTemplateHash();
    s.images = rs.podTemplate.images();
    s.startedAt = rs.metadata.creationTimestamp.isValid() ? rs.metadata.creationTimestamp : now;
    // An undo brings back an old ReplicaSet (a new revision on it): the release began when
    // it became current, not when that ReplicaSet was first made.
    const auto current = m_current.constFind(key.workloadUid);
    if (!catchUp && current != m_current.constEnd() && summaryOf(*current).startedAt > s.startedAt)
        s.startedAt = now;
    // Begun before recording, and already past its beginning when first seen: what happened
    // in between is known only from what the cluster still holds.
    s.partiallyObserved = catchUp && s.startedAt < m_startedAt && !isAtItsBeginning(rollout);
    s.firstObservedAt = now;
    QStringList steps;
    if (rollout.spec.canary) {
        s.stepCount = qint32(rollout.spec.canary->steps.size());
        for (const RolloutStep &step : rollout.spec.canary->steps)
            steps.append(canaryStepString(step));
    }
    // A new revision of a pod template an earlier release had: an undo (or the old
    // template applied again), whoever did it.
    const QList<ReleaseKey> earlier = m_releasesByWorkload.value(key.workloadUid);
    const bool returnsToEarlier
        = !catchUp && std::any_of(earlier.cbegin(), earlier.cend(), [&](const ReleaseKey &k) {
              return k.revision < key.revision && summaryOf(k).podTemplateHash == s.podTemplateHash;
          });
    if (returnsToEarlier) {
        ReleaseAction undo;
        undo.time = s.startedAt;
        undo.action = QStringLiteral("undo");
        write->actions.append({key, undo});
    }
    m_releases.insert(key, s);
    QList<ReleaseKey> &ordered = m_releasesByWorkload[key.workloadUid];
    ordered.append(key);
    std::sort(ordered.begin(), ordered.end(), [this](const ReleaseKey &a, const ReleaseKey &b) {
        return summaryOf(a).startedAt < summaryOf(b).startedAt;
    });
    markDirty(key);
    if (!steps.isEmpty())
        write->stepTexts.append({key, steps});
    return true;
}

void ReleaseTracker::supersede(const ReleaseKey &previous, const ReleaseKey &next,
                               const QDateTime &now)
{
    const auto it = m_releases.find(previous);
    if (it == m_releases.end() || it->outcome != ReleaseOutcome::InProgress)
        return; // finished already: promoted, or aborted and not retried
    const QDateTime nextStart = summaryOf(next).startedAt;
    it->outcome = ReleaseOutcome::Superseded;
    it->endedAt = nextStart.isValid() ? nextStart : now;
    markDirty(previous);
}

void ReleaseTracker::updateOutcome(const ReleaseKey &key, const Rollout &rollout,
                                   const QDateTime &now)
{
    ReleaseSummary &s = m_releases[key];
    const ReleaseSummary before = s;
    if (rollout.status.abort) {
        if (s.outcome != ReleaseOutcome::Aborted) {
            s.outcome = ReleaseOutcome::Aborted;
            s.endedAt = rollout.status.abortedAt.isValid() ? rollout.status.abortedAt : now;
        }
    } else if (isFullyPromoted(rollout)
               && rolloutPhase(rollout).phase == QLatin1String("Healthy")) {
        if (s.outcome != ReleaseOutcome::Promoted) {
            s.outcome = ReleaseOutcome::Promoted;
            // Seen promoted in the catch-up: when it got there is what the conditions say.
            s.endedAt = s.partiallyObserved && s.firstObservedAt == now
                ? promotedAtFromConditions(rollout, s.startedAt)
                : now;
        }
    } else if (s.outcome == ReleaseOutcome::Promoted && isFullyPromoted(rollout)) {
        // Still the stable revision (e.g. scaling): stays promoted.
    } else {
        s.outcome = ReleaseOutcome::InProgress; // a retry after an abort goes on
        s.endedAt = QDateTime();
    }
    if (s != before)
        markDirty(key);
}

void ReleaseTracker::recordTransition(const ReleaseKey &key, const Rollout &rollout,
                                      const QList<ReplicaSet> &replicaSets, const QDateTime &now,
                                      HistoryWrite *write)
{
    ReleaseTransition t = transitionOf(rollout, replicaSets);
    t.time = now;
    const auto last = m_lastTransition.constFind(key);
    if (last != m_lastTransition.constEnd() && sameProgress(*last, t))
        return;
    m_lastTransition.insert(key, t);
    write->transitions.append({key, t});
}
