// SPDX-License-Identifier: GPL-3.0-or-later
// FleetStore's details: a Rollout's or a Deployment's own objects gathered from the
// environment's owner indexes, and the notices for detail kinds that could not be listed.
#include "fleetstore.h"

namespace {
// A kind that cannot be listed is not shown at all, even what was listed before: the notice
// says it is missing, and stale objects would contradict it.
bool isShown(const WorkloadIndex &objects, DetailKind kind)
{
    const DetailKindStatus::Problem problem = objects.detailStatus(kind).problem;
    return problem != DetailKindStatus::Problem::Forbidden
        && problem != DetailKindStatus::Problem::NotServed;
}

// The owner's ReplicaSets (newest revision first) and their pods; *involved receives the
// uids of all of them, for the events.
void gatherReplicaSets(const WorkloadIndex &objects, const QString &ownerUid,
                       QList<ReplicaSet> *replicaSets, QHash<QString, QList<Pod>> *pods,
                       QStringList *involved)
{
    *replicaSets = objects.replicaSetsControlledBy(ownerUid);
    const bool podsShown = isShown(objects, DetailKind::Pods);
    for (const ReplicaSet &replicaSet : std::as_const(*replicaSets)) {
        const QString &uid = replicaSet.metadata.uid;
        involved->append(uid);
        if (!podsShown)
            continue;
        QList<Pod> owned = objects.podsControlledBy(uid);
        if (owned.isEmpty())
            continue;
        for (const Pod &pod : std::as_const(owned))
            involved->append(pod.metadata.uid);
        pods->insert(uid, std::move(owned));
    }
}

// The Jobs of the runs and their pods; *involved receives their uids.
void gatherJobs(const WorkloadIndex &objects, const QList<AnalysisRun> &runs, RolloutDetail *detail,
                QStringList *involved)
{
    if (!isShown(objects, DetailKind::Jobs))
        return;
    const bool podsShown = isShown(objects, DetailKind::Pods);
    for (const AnalysisRun &run : runs) {
        QList<Job> jobs = objects.jobsOfAnalysisRun(run.metadata.uid);
        if (jobs.isEmpty())
            continue;
        for (const Job &job : std::as_const(jobs)) {
            involved->append(job.metadata.uid);
            QList<Pod> pods = podsShown ? objects.podsControlledBy(job.metadata.uid) : QList<Pod>();
            for (const Pod &pod : std::as_const(pods))
                involved->append(pod.metadata.uid);
            if (!pods.isEmpty())
                detail->podsByJobUid.insert(job.metadata.uid, std::move(pods));
        }
        detail->jobsByRunUid.insert(run.metadata.uid, std::move(jobs));
    }
}

// The rollout's Experiments with their ReplicaSets, pods and AnalysisRuns (and the runs'
// Jobs); *involved receives the uids of all of them.
void gatherExperiments(const WorkloadIndex &objects, RolloutDetail *detail, QStringList *involved)
{
    if (!isShown(objects, DetailKind::Experiments))
        return;
    const bool runsShown = isShown(objects, DetailKind::AnalysisRuns);
    for (const Experiment &experiment :
         objects.experimentsControlledBy(detail->rollout.metadata.uid)) {
        ExperimentDetail entry;
        entry.experiment = experiment;
        const QString &uid = experiment.metadata.uid;
        involved->append(uid);
        gatherReplicaSets(objects, uid, &entry.replicaSets, &detail->podsByReplicaSetUid, involved);
        if (runsShown) {
            entry.analysisRuns = objects.analysisRunsControlledBy(uid);
            for (const AnalysisRun &run : std::as_const(entry.analysisRuns))
                involved->append(run.metadata.uid);
            gatherJobs(objects, entry.analysisRuns, detail, involved);
        }
        detail->experiments.append(std::move(entry));
    }
}

// The notices of the kinds a detail shows. A disconnected environment says so once (the
// stale box), not once per kind.
QStringList noticesFor(const WorkloadIndex &objects, const QList<DetailKind> &kinds, bool stale)
{
    QStringList notices;
    for (DetailKind kind : kinds) {
        const DetailKindStatus status = objects.detailStatus(kind);
        if (stale && status.problem == DetailKindStatus::Problem::Failing)
            continue;
        const QString notice = FleetStore::detailNotice(kind, status);
        if (!notice.isEmpty())
            notices.append(notice);
    }
    return notices;
}
} // namespace

RolloutDetail FleetStore::rolloutDetail(const QString &environment, const QString &uid) const
{
    RolloutDetail detail;
    detail.environment = environment;
    const EnvironmentStore *store = this->environment(environment);
    const EnvironmentStore::RowPtr row = store && !uid.isEmpty() ? store->rolloutRow(uid) : nullptr;
    if (!row || !row->rollout)
        return detail;
    detail.rollout = *row->rollout;
    detail.observations = row->observations;
    detail.environmentColour = colourOf(environment);
    detail.staleSince = store->staleSince();
    detail.staleReason = store->staleReason();

    const WorkloadIndex &objects = store->objects();
    QStringList involved {uid};
    gatherReplicaSets(objects, uid, &detail.replicaSets, &detail.podsByReplicaSetUid, &involved);
    if (isShown(objects, DetailKind::AnalysisRuns)) {
        detail.analysisRuns = objects.analysisRunsControlledBy(uid);
        for (const AnalysisRun &run : std::as_const(detail.analysisRuns))
            involved.append(run.metadata.uid);
        gatherJobs(objects, detail.analysisRuns, &detail, &involved);
    }
    gatherExperiments(objects, &detail, &involved);
    if (isShown(objects, DetailKind::Events))
        detail.events = objects.eventsAbout(involved, RolloutDetail::maxEvents);
    detail.notices = noticesFor(objects,
                                {DetailKind::Pods, DetailKind::AnalysisRuns, DetailKind::Events,
                                 DetailKind::Experiments, DetailKind::Jobs},
                                detail.isStale());
    return detail;
}

DeploymentDetail FleetStore::deploymentDetail(const QString &environment, const QString &uid) const
{
    const EnvironmentStore *store = this->environment(environment);
    const EnvironmentStore::RowPtr row
        = store && !uid.isEmpty() ? store->deploymentRow(uid) : nullptr;
    if (!row || !row->deployment) {
        DeploymentDetail detail;
        detail.environment = environment;
        return detail;
    }
    return deploymentDetailOf(environment, *store, *row);
}

DeploymentDetail FleetStore::deploymentDetailOf(const QString &environment,
                                                const EnvironmentStore &store,
                                                const FleetRow &row) const
{
    DeploymentDetail detail;
    detail.environment = environment;
    const QString &uid = row.deployment->metadata.uid;
    detail.deployment = *row.deployment;
    detail.phase = row.phase;
    detail.message = row.message;
    detail.revision = row.revision;
    detail.strategy = row.strategy;
    detail.environmentColour = colourOf(environment);
    detail.staleSince = store.staleSince();
    detail.staleReason = store.staleReason();

    const WorkloadIndex &objects = store.objects();
    QStringList involved {uid};
    gatherReplicaSets(objects, uid, &detail.replicaSets, &detail.podsByReplicaSetUid, &involved);
    if (isShown(objects, DetailKind::Events))
        detail.events = objects.eventsAbout(involved, DeploymentDetail::maxEvents);
    detail.notices = noticesFor(objects, {DetailKind::Pods, DetailKind::Events}, detail.isStale());
    return detail;
}

QString FleetStore::detailNotice(DetailKind kind, const DetailKindStatus &status)
{
    // Per kind, what is said when listing it is forbidden, not served, or failing.
    struct Texts
    {
        const char *forbidden;
        const char *notServed;
        const char *failing;
    };
    static const Texts texts[DetailKindCount] = {
        {QT_TRANSLATE_NOOP("FleetStore",
                           "Pods are not shown: listing pods in this environment is forbidden."),
         QT_TRANSLATE_NOOP("FleetStore",
                           "Pods are not shown: this environment does not serve pods."),
         QT_TRANSLATE_NOOP("FleetStore", "Pods may be out of date: %1")},
        {QT_TRANSLATE_NOOP("FleetStore",
                           "Analysis runs are not shown: listing analysis runs in "
                           "this environment is forbidden."),
         QT_TRANSLATE_NOOP("FleetStore",
                           "Analysis runs are not shown: this environment does not "
                           "serve AnalysisRuns."),
         QT_TRANSLATE_NOOP("FleetStore", "Analysis runs may be out of date: %1")},
        {QT_TRANSLATE_NOOP(
             "FleetStore",
             "Events are not shown: listing events in this environment is forbidden."),
         QT_TRANSLATE_NOOP("FleetStore",
                           "Events are not shown: this environment does not serve events."),
         QT_TRANSLATE_NOOP("FleetStore", "Events may be out of date: %1")},
        {QT_TRANSLATE_NOOP("FleetStore",
                           "Experiments are not shown: listing experiments in this "
                           "environment is forbidden."),
         QT_TRANSLATE_NOOP("FleetStore",
                           "Experiments are not shown: this environment does not serve "
                           "Experiments."),
         QT_TRANSLATE_NOOP("FleetStore", "Experiments may be out of date: %1")},
        {QT_TRANSLATE_NOOP("FleetStore",
                           "Analysis jobs are not shown: listing jobs in this environment "
                           "is forbidden."),
         QT_TRANSLATE_NOOP("FleetStore",
                           "Analysis jobs are not shown: this environment does not serve "
                           "Jobs."),
         QT_TRANSLATE_NOOP("FleetStore", "Analysis jobs may be out of date: %1")},
        {QT_TRANSLATE_NOOP("FleetStore",
                           "Flagger canaries are not shown: listing canaries in this "
                           "environment is forbidden."),
         QT_TRANSLATE_NOOP("FleetStore",
                           "Flagger canaries are not shown: this environment does not serve "
                           "flagger.app Canaries (Flagger is not installed)."),
         QT_TRANSLATE_NOOP("FleetStore", "Flagger canaries may be out of date: %1")},
    };
    const Texts &kindTexts = texts[int(kind)];
    switch (status.problem) {
    case DetailKindStatus::Problem::None:
        return QString();
    case DetailKindStatus::Problem::Forbidden:
        return tr(kindTexts.forbidden);
    case DetailKindStatus::Problem::NotServed:
        return tr(kindTexts.notServed);
    case DetailKindStatus::Problem::Failing:
        return tr(kindTexts.failing).arg(status.reason);
    }
    return QString();
}
