// SPDX-License-Identifier: GPL-3.0-or-later
// RolloutReconciler: restarting a rollout's pods (spec.restartAt).
#include "rolloutreconciler.h"

#include "jsonutil.h"
#include "podfactory.h"
#include "requeue.h"

#include "core/objectstore.h"
#include "core/podtermination.h"
#include "core/virtualclock.h"

#include <algorithm>

namespace rdsim {

// Argo's RolloutPodRestarter: pods created before spec.restartAt are evicted (they terminate
// gracefully), at most max(maxUnavailable, 1) below full availability at a time; once none is
// left, Terminating ones included, status.restartedAt records the restart as done.
void RolloutReconciler::restartPods()
{
    const QString restartAt = spec.restartAt();
    if (restartAt.isEmpty())
        return;
    const qint64 restartMs = VirtualClock::fromRfc3339(restartAt);
    if (restartMs < 0)
        return;
    if (restartMs > nowMs) {
        env.requeue.at(restartMs);
        return;
    }
    if (!status.restartedAt.isEmpty() && VirtualClock::fromRfc3339(status.restartedAt) >= restartMs)
        return;

    QList<RsState *> ordered;
    for (const auto &rs : allRSs)
        ordered.append(rs.get());
    std::stable_sort(ordered.begin(), ordered.end(), [this](const RsState *a, const RsState *b) {
        const auto rank = [this](const RsState *rs) {
            return rs == stableRS ? 0 : rs == newRS ? 1 : 2;
        };
        if (rank(a) != rank(b))
            return rank(a) < rank(b);
        return a->createdMs() < b->createdMs();
    });
    QList<QJsonObject> pods;
    int totalReplicas = 0;
    for (const RsState *rs : ordered) {
        totalReplicas += rs->specReplicas();
        QList<QJsonObject> owned = env.podsOf(rs->uid());
        std::sort(owned.begin(), owned.end(), [](const QJsonObject &a, const QJsonObject &b) {
            return JsonUtil::creationMs(a) < JsonUtil::creationMs(b);
        });
        pods += owned;
    }
    const qint64 minReadyMs = qint64(spec.minReadySeconds()) * 1000;
    int available = 0;
    for (const QJsonObject &pod : pods) {
        const qint64 since = PodFactory::readySinceMs(pod);
        if (since >= 0 && since + minReadyMs <= nowMs && !PodTermination::isTerminating(pod))
            ++available;
    }
    const int concurrent = std::max(spec.maxUnavailable(), 1);
    int canRestart = available - (std::max(spec.replicas(), totalReplicas) - concurrent);
    int needsRestart = 0;
    int restarted = 0;
    for (const QJsonObject &pod : pods) {
        if (JsonUtil::creationMs(pod) >= restartMs)
            continue;
        ++needsRestart;
        if (const qint64 goneAt = PodTermination::goneAtMs(pod); goneAt >= 0) {
            // Still Terminating: the restart is done once it is gone, as Argo's restarter
            // counts it.
            env.requeue.at(goneAt);
            continue;
        }
        if (canRestart <= 0)
            continue;
        // An eviction: the pod terminates gracefully.
        if (PodTermination::remove(env.store, pod, nowMs).ok()) {
            markWritten();
            --canRestart;
            ++restarted;
        }
    }
    if (needsRestart == restarted)
        newStatus.restartedAt = restartAt;
}

} // namespace rdsim
