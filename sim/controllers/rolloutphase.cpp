// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutphase.h"

#include "simrolloutspec.h"
#include "simrolloutstatus.h"

#include "core/virtualclock.h"

namespace rdsim {

namespace RolloutPhase {

namespace {

bool completed(const QString &analysisPhase)
{
    return analysisPhase == QLatin1String("Successful") || analysisPhase == QLatin1String("Failed")
        || analysisPhase == QLatin1String("Error")
        || analysisPhase == QLatin1String("Inconclusive");
}

} // namespace

Result calculate(const RolloutSpec &spec, const RolloutStatus &status)
{
    const QString progressing = QStringLiteral("Progressing");
    for (const RolloutCondition &c : status.conditions) {
        if (c.type == QLatin1String("InvalidSpec"))
            return {QStringLiteral("Degraded"), QStringLiteral("InvalidSpec: ") + c.message};
        if (c.reason == QLatin1String("RolloutAborted")
            || c.reason == QLatin1String("ProgressDeadlineExceeded"))
            return {QStringLiteral("Degraded"), c.reason + QStringLiteral(": ") + c.message};
    }
    if (spec.paused())
        return {QStringLiteral("Paused"), QStringLiteral("manually paused")};
    if (!status.pauseConditions.isEmpty())
        return {QStringLiteral("Paused"), status.pauseConditions.first().reason};
    if (!spec.restartAt().isEmpty()
        && (status.restartedAt.isEmpty()
            || VirtualClock::fromRfc3339(spec.restartAt())
                != VirtualClock::fromRfc3339(status.restartedAt)))
        return {progressing, QStringLiteral("rollout is restarting")};
    if (status.updatedReplicas < spec.replicas())
        return {progressing, QStringLiteral("more replicas need to be updated")};
    if (status.availableReplicas < status.updatedReplicas)
        return {progressing, QStringLiteral("updated replicas are still becoming available")};
    const bool fullyPromoted = status.stableRS == status.currentPodHash;
    if (spec.isBlueGreen()) {
        if (status.activeSelector.isEmpty() || status.activeSelector != status.currentPodHash)
            return {progressing, QStringLiteral("active service cutover pending")};
        if (!fullyPromoted) {
            if (spec.blueGreen().contains(QLatin1String("postPromotionAnalysis"))
                && (!status.postPromotionAnalysis
                    || !completed(status.postPromotionAnalysis->status)))
                return {progressing, QStringLiteral("waiting for analysis to complete")};
            return {progressing,
                    QStringLiteral("waiting for post-promotion verification to complete")};
        }
    } else if (spec.isCanary()) {
        if (!spec.hasTrafficRouting() && status.replicas > status.updatedReplicas)
            return {progressing, QStringLiteral("old replicas are pending termination")};
        if (status.stableRS.isEmpty() || !fullyPromoted)
            return {progressing, QStringLiteral("waiting for all steps to complete")};
    }
    return {QStringLiteral("Healthy"), QString()};
}

} // namespace RolloutPhase

} // namespace rdsim
