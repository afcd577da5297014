// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutspec.h"

bool RolloutStep::operator==(const RolloutStep &o) const
{
    return kind == o.kind && setWeight == o.setWeight && hasPause == o.hasPause
        && pauseDuration == o.pauseDuration && experiment == o.experiment && analysis == o.analysis
        && setCanaryScale == o.setCanaryScale && hasHeaderRoute == o.hasHeaderRoute
        && hasMirrorRoute == o.hasMirrorRoute && hasPlugin == o.hasPlugin
        && routeName == o.routeName && headerMatches == o.headerMatches
        && mirrorPercentage == o.mirrorPercentage && mirrorMatches == o.mirrorMatches
        && pluginConfig == o.pluginConfig;
}

bool CanaryStrategy::operator==(const CanaryStrategy &o) const
{
    return steps == o.steps && canaryService == o.canaryService && stableService == o.stableService
        && hasTrafficRouting == o.hasTrafficRouting && trafficRouters == o.trafficRouters
        && trafficRouting == o.trafficRouting && maxTrafficWeight == o.maxTrafficWeight
        && hasBackgroundAnalysis == o.hasBackgroundAnalysis
        && backgroundAnalysis == o.backgroundAnalysis
        && backgroundAnalysisStartingStep == o.backgroundAnalysisStartingStep
        && hasPingPong == o.hasPingPong && pingPong == o.pingPong && maxSurge == o.maxSurge
        && maxUnavailable == o.maxUnavailable;
}

bool BlueGreenStrategy::operator==(const BlueGreenStrategy &o) const
{
    return activeService == o.activeService && previewService == o.previewService
        && autoPromotionEnabled == o.autoPromotionEnabled
        && autoPromotionSeconds == o.autoPromotionSeconds
        && previewReplicaCount == o.previewReplicaCount
        && scaleDownDelaySeconds == o.scaleDownDelaySeconds
        && prePromotionAnalysis == o.prePromotionAnalysis
        && postPromotionAnalysis == o.postPromotionAnalysis;
}

bool RolloutSpec::operator==(const RolloutSpec &o) const
{
    return replicas == o.replicas && paused == o.paused && restartAt == o.restartAt
        && workloadRef == o.workloadRef && progressDeadlineSeconds == o.progressDeadlineSeconds
        && progressDeadlineAbort == o.progressDeadlineAbort && canary == o.canary
        && blueGreen == o.blueGreen && podTemplate == o.podTemplate;
}
