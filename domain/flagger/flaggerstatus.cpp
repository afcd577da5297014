// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggerstatus.h"

#include "flaggerstrategy.h"

#include <algorithm>

namespace {

const QString separator = QStringLiteral(" · ");

RolloutPhaseInfo info(const char *phase, const QString &message = QString())
{
    return RolloutPhaseInfo {QString::fromLatin1(phase), message};
}

// The analysis is over and the promotion waits or runs: the step column shows it complete.
bool analysisDone(const FlaggerCanary &canary)
{
    return canary.isPhase("WaitingPromotion") || canary.isPhase("Promoting")
        || canary.isPhase("Finalising");
}

} // namespace

RolloutPhaseInfo FlaggerStatus::phase(const FlaggerCanary &canary)
{
    const QString &phase = canary.status.phase;
    if (phase == QLatin1String("Failed"))
        return info("Degraded", summary(canary));
    if (canary.spec.suspend)
        return info("Paused", tr("suspended"));
    if (phase == QLatin1String("Waiting"))
        return info("Paused", tr("waiting for the confirm-rollout gate"));
    if (phase == QLatin1String("WaitingPromotion"))
        return info("Paused", tr("waiting for the confirm-promotion gate"));
    if (phase == QLatin1String("Initialized") || phase == QLatin1String("Succeeded")
        || phase == QLatin1String("Terminated"))
        return info("Healthy");
    if (phase.isEmpty())
        return info("Progressing", tr("Waiting for Flagger to initialize the canary"));
    if (phase == QLatin1String("Initializing"))
        return info("Progressing", tr("Initializing: creating the primary"));
    if (phase == QLatin1String("Progressing"))
        return info("Progressing", progressText(canary));
    if (phase == QLatin1String("Promoting"))
        return info("Progressing", tr("Promoting: copying the canary's spec to the primary"));
    if (phase == QLatin1String("Finalising"))
        return info("Progressing", tr("Finalising: routing all traffic to the primary"));
    if (phase == QLatin1String("Terminating"))
        return info("Progressing", tr("Terminating: reverting the target before deletion"));
    return info("Progressing", tr("Unknown Flagger phase \"%1\"").arg(phase));
}

FlaggerWait FlaggerStatus::wait(const FlaggerCanary &canary)
{
    if (canary.isPhase("Failed"))
        return FlaggerWait::None;
    if (canary.spec.suspend)
        return FlaggerWait::Suspended;
    if (canary.isPhase("Waiting"))
        return FlaggerWait::ConfirmRollout;
    if (canary.isPhase("WaitingPromotion"))
        return FlaggerWait::ConfirmPromotion;
    return FlaggerWait::None;
}

QString FlaggerStatus::progressText(const FlaggerCanary &canary)
{
    QString text = flaggerStrategy(canary) == FlaggerStrategy::Canary
        ? tr("Canary weight %1%").arg(canary.status.canaryWeight)
        : tr("Iteration %1 of %2").arg(canary.status.iterations).arg(flaggerIterations(canary));
    text += separator
        + tr("%1 of %2 failed checks")
              .arg(canary.status.failedChecks)
              .arg(flaggerThreshold(canary));
    if (canary.spec.skipAnalysis)
        text += separator + tr("analysis skipped");
    return text;
}

QString FlaggerStatus::summary(const FlaggerCanary &canary)
{
    const QString &phase = canary.status.phase;
    if (phase == QLatin1String("Failed")) {
        const qint32 failed = canary.status.failedChecks;
        if (failed < flaggerThreshold(canary))
            return tr("Rolled back"); // the rollback gate or the progress deadline
        return failed == 1 ? tr("Rolled back after the first failed check")
                           : tr("Rolled back after %n failed checks", nullptr, failed);
    }
    if (canary.spec.suspend)
        return tr("Suspended: Flagger does not reconcile this canary");
    if (phase == QLatin1String("Waiting"))
        return tr("Waiting for rollout approval");
    if (phase == QLatin1String("WaitingPromotion"))
        return tr("Waiting for promotion approval");
    if (phase == QLatin1String("Progressing"))
        return progressText(canary);
    if (phase == QLatin1String("Succeeded"))
        return tr("Promoted");
    if (phase == QLatin1String("Initialized"))
        return tr("Initialized: the primary runs, no new revision yet");
    if (phase == QLatin1String("Terminated"))
        return tr("Terminated: the target was reverted");
    return FlaggerStatus::phase(canary).message; // the transitional phases' sentences
}

QString FlaggerStatus::stepString(const FlaggerCanary &canary)
{
    const bool done = analysisDone(canary);
    if (!done && !canary.isPhase("Progressing"))
        return QString();
    if (flaggerStrategy(canary) == FlaggerStrategy::Canary) {
        // Numbered like a Rollout's steps: which of the weights Flagger sets has been reached
        // ("3/5" at 30% of 10% steps to 50%), so the Step column reads the same for both.
        const QList<qint32> schedule = flaggerWeightSchedule(canary);
        if (schedule.isEmpty())
            return QString();
        const qint64 reached = done
            ? schedule.size()
            : std::count_if(schedule.cbegin(), schedule.cend(),
                            [&](qint32 weight) { return weight <= canary.status.canaryWeight; });
        return QStringLiteral("%1/%2").arg(reached).arg(schedule.size());
    }
    const qint32 iterations = flaggerIterations(canary);
    return QStringLiteral("%1/%2")
        .arg(done ? iterations : canary.status.iterations)
        .arg(iterations);
}

qint32 FlaggerStatus::routedWeight(const FlaggerCanary &canary)
{
    if (!canary.isPhase("WaitingPromotion"))
        return canary.status.canaryWeight;
    return canary.spec.analysis ? flaggerMaxWeight(*canary.spec.analysis) : flaggerTotalWeight;
}

qint32 FlaggerStatus::iterationsDone(const FlaggerCanary &canary)
{
    return canary.isPhase("WaitingPromotion") ? flaggerIterations(canary)
                                              : canary.status.iterations;
}
