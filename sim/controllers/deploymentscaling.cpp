// SPDX-License-Identifier: GPL-3.0-or-later
// DeploymentController: scaling the ReplicaSets of a Deployment, one at a time
// (scale) or by strategy (RollingUpdate, Recreate).
#include "deploymentcontroller.h"

#include "eventrecorder.h"
#include "jobpods.h"
#include "jsonutil.h"
#include "kinds.h"

#include "core/objectstore.h"

#include <QSet>

#include <algorithm>

namespace rdsim {

namespace {

const QString kDesired = QStringLiteral("deployment.kubernetes.io/desired-replicas");
const QString kMaxReplicas = QStringLiteral("deployment.kubernetes.io/max-replicas");

} // namespace

void DeploymentController::scale(const QJsonObject &deployment, ReplicaSet &rs, int replicas,
                                 int desired, int maxSurge)
{
    const int current = rs.specReplicas();
    const QString desiredText = QString::number(desired);
    const QString maxText = QString::number(desired + maxSurge);
    if (current == replicas && JsonUtil::annotation(rs.object, kDesired) == desiredText
        && JsonUtil::annotation(rs.object, kMaxReplicas) == maxText)
        return;
    JsonUtil::setAt(rs.object, "spec.replicas", replicas);
    JsonUtil::setAnnotation(rs.object, kDesired, desiredText);
    JsonUtil::setAnnotation(rs.object, kMaxReplicas, maxText);
    rs.dirty = true;
    if (current != replicas) {
        m_events.normal(deployment, EventRecorder::deploymentComponent(),
                        QStringLiteral("ScalingReplicaSet"),
                        QStringLiteral("Scaled %1 replica set %2 to %3 from %4")
                            .arg(replicas > current ? QStringLiteral("up") : QStringLiteral("down"),
                                 JsonUtil::name(rs.object))
                            .arg(replicas)
                            .arg(current));
    }
}

void DeploymentController::rollingUpdate(const QJsonObject &deployment, ReplicaSet &newRs,
                                         QList<ReplicaSet *> oldRss, int replicas, int maxSurge,
                                         int maxUnavailable)
{
    int total = newRs.specReplicas();
    for (const ReplicaSet *rs : oldRss)
        total += rs->specReplicas();

    // Scale up the new ReplicaSet as far as maxSurge allows.
    if (newRs.specReplicas() < replicas) {
        const int room = replicas + maxSurge - total;
        if (room > 0) {
            const int target
                = newRs.specReplicas() + std::min(room, replicas - newRs.specReplicas());
            total += target - newRs.specReplicas();
            scale(deployment, newRs, target, replicas, maxSurge);
        }
    } else if (newRs.specReplicas() > replicas) {
        scale(deployment, newRs, replicas, replicas, maxSurge);
    }

    // Scale down old ReplicaSets while keeping replicas - maxUnavailable pods available:
    // unhealthy old replicas go first, then the oldest ReplicaSets.
    std::sort(oldRss.begin(), oldRss.end(), [](const ReplicaSet *a, const ReplicaSet *b) {
        return JsonUtil::creationMs(a->object) < JsonUtil::creationMs(b->object);
    });
    const int minAvailable = replicas - maxUnavailable;
    const int newUnavailable = newRs.specReplicas() - newRs.available();
    int maxScaledDown = total - minAvailable - newUnavailable;
    if (maxScaledDown <= 0)
        return;
    for (ReplicaSet *rs : oldRss) {
        if (maxScaledDown <= 0)
            break;
        const int unhealthy = rs->specReplicas() - rs->available();
        if (rs->specReplicas() == 0 || unhealthy <= 0)
            continue;
        const int down = std::min(maxScaledDown, unhealthy);
        scale(deployment, *rs, rs->specReplicas() - down, replicas, maxSurge);
        maxScaledDown -= down;
    }
    int availableCount = newRs.available();
    for (const ReplicaSet *rs : oldRss)
        availableCount += std::min(rs->available(), rs->specReplicas());
    int toScaleDown = availableCount - minAvailable;
    for (ReplicaSet *rs : oldRss) {
        if (toScaleDown <= 0)
            break;
        if (rs->specReplicas() == 0)
            continue;
        const int down = std::min(rs->specReplicas(), toScaleDown);
        scale(deployment, *rs, rs->specReplicas() - down, replicas, maxSurge);
        toScaleDown -= down;
    }
}

void DeploymentController::recreate(const QJsonObject &deployment, ReplicaSet &newRs,
                                    QList<ReplicaSet *> oldRss, int replicas, int maxSurge)
{
    bool oldPodsRunning = false;
    for (ReplicaSet *rs : oldRss) {
        scale(deployment, *rs, 0, replicas, maxSurge);
        if (rs->statusReplicas() > 0)
            oldPodsRunning = true;
    }
    if (!oldPodsRunning && !hasUnfinishedPods(oldRss))
        scale(deployment, newRs, replicas, replicas, maxSurge);
}

// Kubernetes' oldPodsRunning: the old ReplicaSets no longer count their Terminating pods, but
// Recreate must not start the new pods while one of those still runs.
bool DeploymentController::hasUnfinishedPods(const QList<ReplicaSet *> &replicaSets) const
{
    if (replicaSets.isEmpty())
        return false;
    QSet<QString> uids;
    for (const ReplicaSet *rs : replicaSets)
        uids.insert(JsonUtil::uid(rs->object));
    const QList<QJsonObject> pods
        = m_store.list(Kinds::pods(), JsonUtil::nameSpace(replicaSets.first()->object));
    return std::any_of(pods.begin(), pods.end(), [&uids](const QJsonObject &pod) {
        return uids.contains(JsonUtil::controllerUid(pod)) && !JobPods::isFinished(pod);
    });
}

} // namespace rdsim
