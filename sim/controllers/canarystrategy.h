// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QJsonObject;

namespace rdsim {

class RolloutReconciler;

// The canary strategy (Argo's rollout/canary.go): scales the canary and stable ReplicaSets
// for the current step, walks the steps (setWeight, pause, analysis, setCanaryScale,
// experiment (RolloutExperiments), and the traffic-router steps, which the simulation
// completes at once), keeps status.canary.weights when a traffic router is configured, and
// promotes the canary to stable after the last step.
class CanaryStrategy
{
public:
    explicit CanaryStrategy(RolloutReconciler &reconciler);
    void run();
    // reconcileCanaryReplicaSets: true when something was scaled.
    bool reconcileReplicaSets();

private:
    bool reconcileStableReplicaSet();
    bool reconcileOtherReplicaSets();
    void reconcileServices();
    void reconcileTrafficRouting();
    bool reconcilePause();
    bool completedCurrentStep();
    bool completedPauseStep(const QJsonObject &pause);
    void syncStatus();

    RolloutReconciler &r;
};

} // namespace rdsim
