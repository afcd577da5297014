// SPDX-License-Identifier: GPL-3.0-or-later
#include "deployment.h"

bool Deployment::operator==(const Deployment &o) const
{
    return metadata == o.metadata && specReplicas == o.specReplicas && paused == o.paused
        && strategyType == o.strategyType && maxSurge == o.maxSurge
        && maxUnavailable == o.maxUnavailable
        && progressDeadlineSeconds == o.progressDeadlineSeconds
        && minReadySeconds == o.minReadySeconds && podTemplate == o.podTemplate
        && observedGeneration == o.observedGeneration && replicas == o.replicas
        && updatedReplicas == o.updatedReplicas && readyReplicas == o.readyReplicas
        && availableReplicas == o.availableReplicas && unavailableReplicas == o.unavailableReplicas
        && conditions == o.conditions;
}
