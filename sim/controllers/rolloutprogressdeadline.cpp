// SPDX-License-Identifier: GPL-3.0-or-later
// A rollout whose update stops progressing (e.g. canary pods that never become ready) times
// out after spec.progressDeadlineSeconds, as Argo's conditions.RolloutTimedOut decides.
#include "requeue.h"
#include "rolloutkeys.h"
#include "rolloutreconciler.h"

#include "core/virtualclock.h"

#include <algorithm>

namespace rdsim {

namespace {

const QString kTimedOut = QStringLiteral("ProgressDeadlineExceeded");
constexpr qint64 kDefaultProgressDeadlineSeconds = 600;
constexpr qint64 kMaxProgressDeadlineSeconds = 365LL * 24 * 3600;

} // namespace

bool RolloutReconciler::progressDeadlineExceeded(const RolloutStatus &next) const
{
    const RolloutCondition *progressing = next.condition(RolloutKeys::progressing);
    // A rollout that completed its last update does not time out.
    if (!progressing || progressing->reason == QLatin1String("NewReplicaSetAvailable"))
        return false;
    if (progressing->reason == kTimedOut)
        return true;
    const qint64 from = VirtualClock::fromRfc3339(progressing->lastUpdateTime);
    if (from < 0)
        return false;
    const qint64 seconds = std::clamp<qint64>(spec.spec()
                                                  .value(QLatin1String("progressDeadlineSeconds"))
                                                  .toInteger(kDefaultProgressDeadlineSeconds),
                                              0, kMaxProgressDeadlineSeconds);
    const qint64 deadline = from + seconds * 1000;
    if (nowMs > deadline)
        return true;
    env.requeue.at(deadline + 1);
    return false;
}

void RolloutReconciler::setProgressDeadlineExceededCondition(RolloutStatus &next)
{
    const QString message = newRS
        ? QStringLiteral("ReplicaSet \"%1\" has timed out progressing.").arg(newRS->name())
        : QStringLiteral("Rollout \"%1\" has timed out progressing.").arg(name());
    if (!next.setCondition(RolloutStatus::makeCondition(
            RolloutKeys::progressing, QStringLiteral("False"), kTimedOut, message, now)))
        return;
    if (spec.spec().value(QLatin1String("progressDeadlineAbort")).toBool()) {
        pause.abort(message);
        event(QStringLiteral("RolloutAborted"), message, true);
    }
    event(kTimedOut, message, true);
}

} // namespace rdsim
