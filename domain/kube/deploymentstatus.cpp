// SPDX-License-Identifier: GPL-3.0-or-later
#include "deploymentstatus.h"

#include "condition.h"

#include <QCoreApplication>

// lupdate only sees a literal context: the messages live in this class's context.
class DeploymentStatus
{
    Q_DECLARE_TR_FUNCTIONS(DeploymentStatus)
};

DeploymentRolloutStatus deploymentStatus(const Deployment &deployment)
{
    DeploymentRolloutStatus result;
    const Condition *available = findCondition(deployment.conditions, u"Available");
    result.available = available && available->isTrue();
    result.paused = deployment.paused;
    const QString &name = deployment.metadata.name;

    if (deployment.metadata.generation > deployment.observedGeneration) {
        result.state = DeploymentRolloutStatus::State::WaitingForObservation;
        result.message
            = DeploymentStatus::tr("Waiting for deployment spec update to be observed...");
        return result;
    }
    const Condition *progressing = findCondition(deployment.conditions, u"Progressing");
    if (progressing && progressing->reason == QLatin1String("ProgressDeadlineExceeded")) {
        result.state = DeploymentRolloutStatus::State::Failed;
        result.message
            = DeploymentStatus::tr("deployment \"%1\" exceeded its progress deadline").arg(name);
        return result;
    }
    result.state = DeploymentRolloutStatus::State::Progressing;
    if (deployment.specReplicas && deployment.updatedReplicas < *deployment.specReplicas) {
        result.message = DeploymentStatus::tr("Waiting for deployment \"%1\" rollout to "
                                              "finish: %2 out of %3 new replicas have "
                                              "been updated...")
                             .arg(name)
                             .arg(deployment.updatedReplicas)
                             .arg(*deployment.specReplicas);
        return result;
    }
    if (deployment.replicas > deployment.updatedReplicas) {
        result.message = DeploymentStatus::tr("Waiting for deployment \"%1\" rollout to "
                                              "finish: %2 old replicas are pending "
                                              "termination...")
                             .arg(name)
                             .arg(deployment.replicas - deployment.updatedReplicas);
        return result;
    }
    if (deployment.availableReplicas < deployment.updatedReplicas) {
        result.message = DeploymentStatus::tr("Waiting for deployment \"%1\" rollout to "
                                              "finish: %2 of %3 updated replicas are "
                                              "available...")
                             .arg(name)
                             .arg(deployment.availableReplicas)
                             .arg(deployment.updatedReplicas);
        return result;
    }
    result.state = DeploymentRolloutStatus::State::Complete;
    result.message = DeploymentStatus::tr("deployment \"%1\" successfully rolled out").arg(name);
    return result;
}
