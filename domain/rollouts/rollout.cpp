// SPDX-License-Identifier: GPL-3.0-or-later
#include "rollout.h"

bool AnalysisRunStatusRef::isCompleted() const
{
    // AnalysisPhase.Completed(): the four terminal phases.
    return status == QLatin1String("Successful") || status == QLatin1String("Failed")
        || status == QLatin1String("Error") || status == QLatin1String("Inconclusive");
}

bool RolloutStatus::operator==(const RolloutStatus &o) const
{
    return phase == o.phase && message == o.message && currentStepIndex == o.currentStepIndex
        && pauseConditions == o.pauseConditions && controllerPause == o.controllerPause
        && abort == o.abort && abortedAt == o.abortedAt && promoteFull == o.promoteFull
        && restartedAt == o.restartedAt && stableRS == o.stableRS
        && currentPodHash == o.currentPodHash && currentStepHash == o.currentStepHash
        && replicas == o.replicas && updatedReplicas == o.updatedReplicas
        && readyReplicas == o.readyReplicas && availableReplicas == o.availableReplicas
        && hpaReplicas == o.hpaReplicas && selector == o.selector
        && observedGeneration == o.observedGeneration
        && workloadObservedGeneration == o.workloadObservedGeneration && conditions == o.conditions
        && canaryWeights == o.canaryWeights
        && currentStepAnalysisRunStatus == o.currentStepAnalysisRunStatus
        && currentBackgroundAnalysisRunStatus == o.currentBackgroundAnalysisRunStatus
        && currentExperiment == o.currentExperiment && stablePingPong == o.stablePingPong
        && activeSelector == o.activeSelector && previewSelector == o.previewSelector
        && scaleUpPreviewCheckPoint == o.scaleUpPreviewCheckPoint
        && prePromotionAnalysisRunStatus == o.prePromotionAnalysisRunStatus
        && postPromotionAnalysisRunStatus == o.postPromotionAnalysisRunStatus;
}
