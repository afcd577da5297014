// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggercanary.h"

bool FlaggerMetric::operator==(const FlaggerMetric &o) const
{
    return name == o.name && interval == o.interval && threshold == o.threshold
        && thresholdMin == o.thresholdMin && thresholdMax == o.thresholdMax && query == o.query
        && templateRef == o.templateRef && templateVariables == o.templateVariables;
}

bool FlaggerWebhook::operator==(const FlaggerWebhook &o) const
{
    return type == o.type && name == o.name && url == o.url && timeout == o.timeout
        && muteAlert == o.muteAlert && retries == o.retries && disableTls == o.disableTls
        && metadataKeys == o.metadataKeys;
}

bool FlaggerAnalysis::operator==(const FlaggerAnalysis &o) const
{
    return interval == o.interval && iterations == o.iterations && threshold == o.threshold
        && maxWeight == o.maxWeight && stepWeight == o.stepWeight && stepWeights == o.stepWeights
        && stepWeightPromotion == o.stepWeightPromotion && mirror == o.mirror
        && mirrorWeight == o.mirrorWeight && primaryReadyThreshold == o.primaryReadyThreshold
        && canaryReadyThreshold == o.canaryReadyThreshold && matchCount == o.matchCount
        && metrics == o.metrics && webhooks == o.webhooks && alerts == o.alerts;
}

bool FlaggerCanarySpec::operator==(const FlaggerCanarySpec &o) const
{
    return provider == o.provider && targetRef == o.targetRef && autoscalerRef == o.autoscalerRef
        && serviceName == o.serviceName && servicePort == o.servicePort
        && servicePortName == o.servicePortName
        && progressDeadlineSeconds == o.progressDeadlineSeconds && skipAnalysis == o.skipAnalysis
        && suspend == o.suspend && revertOnDeletion == o.revertOnDeletion && analysis == o.analysis
        && analysisFromDeprecatedAlias == o.analysisFromDeprecatedAlias;
}

bool FlaggerCanaryStatus::operator==(const FlaggerCanaryStatus &o) const
{
    return phase == o.phase && failedChecks == o.failedChecks && canaryWeight == o.canaryWeight
        && iterations == o.iterations && lastTransitionTime == o.lastTransitionTime
        && lastAppliedSpec == o.lastAppliedSpec && lastPromotedSpec == o.lastPromotedSpec
        && trackedConfigsCount == o.trackedConfigsCount && conditions == o.conditions
        && observedGeneration == o.observedGeneration;
}
