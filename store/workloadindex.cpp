// SPDX-License-Identifier: GPL-3.0-or-later
#include "workloadindex.h"

#include "replicasetstatus.h"

#include <algorithm>
#include <type_traits>
#include <vector>

namespace {
QString controllerUid(const ObjectMeta &meta)
{
    const OwnerReference *owner = meta.controllerRef();
    return owner ? owner->uid : QString();
}

void insertUid(QSet<QString> *set, const QString &uid)
{
    if (!uid.isEmpty())
        set->insert(uid);
}

// Ties on time go to the later name: generated names grow with time.
template<typename T> bool newerFirst(const QDateTime &a, const QDateTime &b, const T &x, const T &y)
{
    if (a != b)
        return a > b;
    return x.metadata.name > y.metadata.name;
}
} // namespace

WorkloadIndex::WorkloadIndex() : m_detailStatus(DetailKindCount) { }

QString WorkloadIndex::topOwnerOfController(const QString &controllerUid) const
{
    // An Experiment's ReplicaSets and AnalysisRuns belong to the Rollout that controls it.
    if (const Experiment *experiment = m_experiments.findByUid(controllerUid))
        return topOwner(*experiment);
    return controllerUid;
}

QString WorkloadIndex::topOwner(const ReplicaSet &replicaSet) const
{
    return topOwnerOfController(controllerUid(replicaSet.metadata));
}

QString WorkloadIndex::topOwner(const Pod &pod) const
{
    const QString controller = controllerUid(pod.metadata);
    if (const ReplicaSet *replicaSet = m_replicaSets.findByUid(controller))
        return topOwner(*replicaSet);
    const Job *job = m_jobs.findByUid(controller);
    return job ? topOwner(*job) : QString();
}

QString WorkloadIndex::topOwner(const AnalysisRun &run) const
{
    return topOwnerOfController(controllerUid(run.metadata));
}

QString WorkloadIndex::topOwner(const Experiment &experiment) const
{
    return controllerUid(experiment.metadata);
}

QString WorkloadIndex::topOwner(const Job &job) const
{
    const AnalysisRun *run = m_analysisRuns.findByUid(job.analysisRunUid());
    return run ? topOwner(*run) : QString();
}

QString WorkloadIndex::topOwner(const Event &event) const
{
    const ObjectReference &object = event.involvedObject;
    if (object.kind == QLatin1String("Rollout") || object.kind == QLatin1String("Deployment"))
        return object.uid;
    if (object.kind == QLatin1String("ReplicaSet")) {
        const ReplicaSet *replicaSet = m_replicaSets.findByUid(object.uid);
        return replicaSet ? topOwner(*replicaSet) : QString();
    }
    if (object.kind == QLatin1String("Pod")) {
        const Pod *pod = m_pods.findByUid(object.uid);
        return pod ? topOwner(*pod) : QString();
    }
    if (object.kind == QLatin1String("AnalysisRun")) {
        const AnalysisRun *run = m_analysisRuns.findByUid(object.uid);
        return run ? topOwner(*run) : QString();
    }
    if (object.kind == QLatin1String("Experiment")) {
        const Experiment *experiment = m_experiments.findByUid(object.uid);
        return experiment ? topOwner(*experiment) : QString();
    }
    if (object.kind == QLatin1String("Job")) {
        const Job *job = m_jobs.findByUid(object.uid);
        return job ? topOwner(*job) : QString();
    }
    return QString();
}

// Who the objects about to change belong to now (a pod's ReplicaSet may go in this batch).
template<typename T>
void WorkloadIndex::noteBefore(const ObjectIndex<T> &index, const WorkloadDeltaBatch &batch,
                               QSet<QString> *replicaSetOwners, QSet<QString> *detailOwners) const
{
    const auto note = [&](const T *old) {
        if (!old)
            return;
        insertUid(detailOwners, topOwner(*old));
        if constexpr (std::is_same_v<T, ReplicaSet>)
            forEachGroup(*old, [&](const QString &uid) { insertUid(replicaSetOwners, uid); });
    };
    for (const QString &key : batch.deletes<T>())
        note(index.find(key));
    for (const T &object : batch.upserts<T>())
        note(index.find(ObjectIndex<T>::keyOf(object)));
}

template<typename T>
void WorkloadIndex::applyTo(ObjectIndex<T> &index, const WorkloadDeltaBatch &batch, bool replace,
                            QSet<QString> *replicaSetOwners)
{
    if (replace) {
        if constexpr (std::is_same_v<T, ReplicaSet>) {
            // The rows of owners whose ReplicaSets all vanish must be derived again.
            index.forEach([&](const T &old) {
                forEachGroup(old, [&](const QString &uid) { insertUid(replicaSetOwners, uid); });
            });
        }
        index.clear();
    }
    for (const QString &key : batch.deletes<T>())
        index.remove(key);
    for (const T &object : batch.upserts<T>())
        index.upsert(object);
}

// Who the changed objects belong to once every kind of the batch is applied.
template<typename T>
void WorkloadIndex::noteAfter(const WorkloadDeltaBatch &batch, QSet<QString> *replicaSetOwners,
                              QSet<QString> *detailOwners) const
{
    for (const T &object : batch.upserts<T>()) {
        insertUid(detailOwners, topOwner(object));
        if constexpr (std::is_same_v<T, ReplicaSet>)
            forEachGroup(object, [&](const QString &uid) { insertUid(replicaSetOwners, uid); });
    }
}

void WorkloadIndex::apply(const WorkloadDeltaBatch &batch, bool replace,
                          QSet<QString> *replicaSetOwners, QSet<QString> *detailOwners)
{
    // A replace changes every detail anyway; the caller lists them all.
    if (!replace) {
        noteBefore(m_replicaSets, batch, replicaSetOwners, detailOwners);
        noteBefore(m_pods, batch, replicaSetOwners, detailOwners);
        noteBefore(m_analysisRuns, batch, replicaSetOwners, detailOwners);
        noteBefore(m_events, batch, replicaSetOwners, detailOwners);
        noteBefore(m_experiments, batch, replicaSetOwners, detailOwners);
        noteBefore(m_jobs, batch, replicaSetOwners, detailOwners);
    }
    applyTo(m_replicaSets, batch, replace, replicaSetOwners);
    applyTo(m_pods, batch, replace, replicaSetOwners);
    applyTo(m_analysisRuns, batch, replace, replicaSetOwners);
    applyTo(m_events, batch, replace, replicaSetOwners);
    applyTo(m_experiments, batch, replace, replicaSetOwners);
    applyTo(m_jobs, batch, replace, replicaSetOwners);
    noteAfter<ReplicaSet>(batch, replicaSetOwners, detailOwners);
    noteAfter<Pod>(batch, replicaSetOwners, detailOwners);
    noteAfter<AnalysisRun>(batch, replicaSetOwners, detailOwners);
    noteAfter<Event>(batch, replicaSetOwners, detailOwners);
    noteAfter<Experiment>(batch, replicaSetOwners, detailOwners);
    noteAfter<Job>(batch, replicaSetOwners, detailOwners);
}

bool WorkloadIndex::setDetailStatus(const QList<DetailKindStatus> &status)
{
    const QList<DetailKindStatus> wanted
        = status.size() == DetailKindCount ? status : QList<DetailKindStatus>(DetailKindCount);
    if (wanted == m_detailStatus)
        return false;
    m_detailStatus = wanted;
    return true;
}

QList<ReplicaSet> WorkloadIndex::replicaSetsControlledBy(const QString &rolloutUid) const
{
    QList<ReplicaSet> controlled;
    m_replicaSets.forEachInGroup(rolloutUid, [&](const ReplicaSet &replicaSet) {
        if (controllerUid(replicaSet.metadata) == rolloutUid)
            controlled.append(replicaSet);
    });
    return ownedReplicaSets(controlled, rolloutUid); // the plugin's order
}

QList<Pod> WorkloadIndex::podsControlledBy(const QString &replicaSetUid) const
{
    QList<Pod> pods = m_pods.inGroup(replicaSetUid);
    std::sort(pods.begin(), pods.end(),
              [](const Pod &a, const Pod &b) { return a.metadata.name < b.metadata.name; });
    return pods;
}

QList<AnalysisRun> WorkloadIndex::analysisRunsControlledBy(const QString &rolloutUid) const
{
    QList<AnalysisRun> runs = m_analysisRuns.inGroup(rolloutUid);
    std::sort(runs.begin(), runs.end(), [](const AnalysisRun &a, const AnalysisRun &b) {
        return newerFirst(a.metadata.creationTimestamp, b.metadata.creationTimestamp, a, b);
    });
    return runs;
}

QList<Experiment> WorkloadIndex::experimentsControlledBy(const QString &rolloutUid) const
{
    QList<Experiment> experiments = m_experiments.inGroup(rolloutUid);
    // The plugin's order: newer revision first, then the older experiment first.
    std::sort(experiments.begin(), experiments.end(), [](const Experiment &a, const Experiment &b) {
        if (a.revision() != b.revision())
            return a.revision() > b.revision();
        if (a.metadata.creationTimestamp != b.metadata.creationTimestamp)
            return a.metadata.creationTimestamp < b.metadata.creationTimestamp;
        return a.metadata.name < b.metadata.name;
    });
    return experiments;
}

QList<Job> WorkloadIndex::jobsOfAnalysisRun(const QString &runUid) const
{
    QList<Job> jobs = m_jobs.inGroup(runUid);
    // The order the run measured them in: a metric's jobs are numbered as they start.
    std::sort(jobs.begin(), jobs.end(), [](const Job &a, const Job &b) {
        if (a.metadata.creationTimestamp != b.metadata.creationTimestamp)
            return a.metadata.creationTimestamp < b.metadata.creationTimestamp;
        return a.metadata.name < b.metadata.name;
    });
    return jobs;
}

QList<Event> WorkloadIndex::eventsAbout(const QStringList &objectUids, int limit) const
{
    std::vector<const Event *> events;
    for (const QString &uid : objectUids) {
        if (!uid.isEmpty())
            m_events.forEachInGroup(uid, [&](const Event &event) { events.push_back(&event); });
    }
    const auto newer = [](const Event *a, const Event *b) {
        return newerFirst(a->lastSeen(), b->lastSeen(), *a, *b);
    };
    const auto end = events.begin() + std::min<qsizetype>(std::max(limit, 0), events.size());
    std::partial_sort(events.begin(), end, events.end(), newer);
    QList<Event> newest;
    newest.reserve(end - events.begin());
    for (auto it = events.begin(); it != end; ++it)
        newest.append(**it);
    return newest;
}
