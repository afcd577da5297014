// SPDX-License-Identifier: GPL-3.0-or-later
// FleetModel's rollout detail: assembling a RolloutDetail from the environment's indexes,
// the notices for detail kinds that could not be listed, and the change signal.
#include "fleetmodel.h"

#include <QThread>

#include <algorithm>

RolloutDetail FleetModel::rolloutDetail(const QString &environment, const QString &rolloutUid) const
{
    Q_ASSERT(QThread::currentThread() == thread());
    RolloutDetail detail;
    detail.environment = environment;
    const auto envIt = m_data.constFind(environment);
    if (envIt == m_data.constEnd() || rolloutUid.isEmpty())
        return detail;
    const EnvironmentData &env = *envIt;
    const int row = m_rowIndex.value(env.rolloutKeyByUid.value(rolloutUid), -1);
    if (row < 0 || !m_rows.at(row).rollout)
        return detail;
    detail.rollout = *m_rows.at(row).rollout;
    detail.observations = m_rows.at(row).observations;
    for (const EnvironmentSpec &spec : m_environments) {
        if (spec.name == environment)
            detail.environmentColour = spec.colour;
    }
    detail.staleSince = staleSince(environment);
    detail.staleReason = staleReason(environment);

    const WorkloadIndex &objects = env.objects;
    // A kind that cannot be listed is not shown at all, even what was listed before: the
    // notice says it is missing, and stale objects would contradict it.
    const auto shown = [&](DetailKind kind) {
        const DetailKindStatus::Problem problem = objects.detailStatus(kind).problem;
        return problem != DetailKindStatus::Problem::Forbidden
            && problem != DetailKindStatus::Problem::NotServed;
    };
    QStringList involved {rolloutUid};
    detail.replicaSets = objects.replicaSetsControlledBy(rolloutUid);
    for (const ReplicaSet &replicaSet : std::as_const(detail.replicaSets)) {
        const QString &uid = replicaSet.metadata.uid;
        involved.append(uid);
        if (!shown(DetailKind::Pods))
            continue;
        QList<Pod> pods = objects.podsControlledBy(uid);
        if (pods.isEmpty())
            continue;
        for (const Pod &pod : std::as_const(pods))
            involved.append(pod.metadata.uid);
        detail.podsByReplicaSetUid.insert(uid, std::move(pods));
    }
    if (shown(DetailKind::AnalysisRuns)) {
        detail.analysisRuns = objects.analysisRunsControlledBy(rolloutUid);
        for (const AnalysisRun &run : std::as_const(detail.analysisRuns))
            involved.append(run.metadata.uid);
    }
    if (shown(DetailKind::Events))
        detail.events = objects.eventsAbout(involved, RolloutDetail::maxEvents);

    for (int kind = 0; kind < DetailKindCount; ++kind) {
        const DetailKindStatus status = objects.detailStatus(DetailKind(kind));
        // A disconnected environment says so once (the stale box), not once per kind.
        if (detail.isStale() && status.problem == DetailKindStatus::Problem::Failing)
            continue;
        const QString notice = detailNotice(DetailKind(kind), status);
        if (!notice.isEmpty())
            detail.notices.append(notice);
    }
    return detail;
}

QList<DetailKindStatus> FleetModel::detailStatus(const QString &environment) const
{
    const auto it = m_data.constFind(environment);
    return it == m_data.constEnd() ? QList<DetailKindStatus>(DetailKindCount)
                                   : it->objects.detailStatus();
}

QString FleetModel::detailNotice(DetailKind kind, const DetailKindStatus &status)
{
    using Problem = DetailKindStatus::Problem;
    switch (kind) {
    case DetailKind::Pods:
        switch (status.problem) {
        case Problem::None:
            return QString();
        case Problem::Forbidden:
            return tr("Pods are not shown: listing pods in this environment is forbidden.");
        case Problem::NotServed:
            return tr("Pods are not shown: this environment does not serve pods.");
        case Problem::Failing:
            return tr("Pods may be out of date: %1").arg(status.reason);
        }
        break;
    case DetailKind::AnalysisRuns:
        switch (status.problem) {
        case Problem::None:
            return QString();
        case Problem::Forbidden:
            return tr("Analysis runs are not shown: listing analysis runs in this environment "
                      "is forbidden.");
        case Problem::NotServed:
            return tr("Analysis runs are not shown: this environment does not serve "
                      "AnalysisRuns.");
        case Problem::Failing:
            return tr("Analysis runs may be out of date: %1").arg(status.reason);
        }
        break;
    case DetailKind::Events:
        switch (status.problem) {
        case Problem::None:
            return QString();
        case Problem::Forbidden:
            return tr("Events are not shown: listing events in this environment is forbidden.");
        case Problem::NotServed:
            return tr("Events are not shown: this environment does not serve events.");
        case Problem::Failing:
            return tr("Events may be out of date: %1").arg(status.reason);
        }
        break;
    }
    return QString();
}

void FleetModel::emitDetailsChanged(const QString &environment, const QSet<QString> &owners,
                                    const QSet<QString> &removed, bool all)
{
    QSet<QString> uids = removed;
    const auto envIt = m_data.constFind(environment);
    if (envIt != m_data.constEnd()) {
        const QHash<QString, QString> &rollouts = envIt->rolloutKeyByUid;
        if (all) {
            for (auto it = rollouts.cbegin(); it != rollouts.cend(); ++it)
                uids.insert(it.key());
        } else {
            // Owners also name Deployments and objects not (yet) known: only Rollouts count.
            for (const QString &uid : owners) {
                if (rollouts.contains(uid))
                    uids.insert(uid);
            }
        }
    }
    uids.remove(QString());
    if (uids.isEmpty())
        return;
    QStringList sorted(uids.cbegin(), uids.cend());
    std::sort(sorted.begin(), sorted.end());
    emit rolloutDetailsChanged(environment, sorted);
}
