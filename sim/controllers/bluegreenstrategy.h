// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace rdsim {

class RolloutReconciler;
struct RolloutStatus;

// The blue-green strategy (Argo's rollout/bluegreen.go and service.go): brings the new
// ReplicaSet up as preview (previewReplicaCount or full), pauses for promotion when
// autoPromotionEnabled is false or autoPromotionSeconds is set, runs pre- and
// post-promotion analysis, switches the active selector and scales the old ReplicaSet down
// after scaleDownDelaySeconds. Service objects, when the cluster has them, get their
// rollouts-pod-template-hash selector switched; otherwise the selectors live in the status.
class BlueGreenStrategy
{
public:
    explicit BlueGreenStrategy(RolloutReconciler &reconciler);
    void run();
    void reconcileReplicaSets();

private:
    int newReplicaSetReplicas() const;
    bool readyForPause() const;
    bool fastTracked() const;
    bool needsControllerPause() const;
    bool completedPause() const;
    bool completedPrePromotionAnalysis() const;
    void reconcilePreviewService();
    void reconcilePause();
    void reconcileActiveService();
    void scaleDownOldReplicaSets();
    bool scaleUpPreviewCheckPoint() const;
    void syncStatus();

    RolloutReconciler &r;
    QString m_active; // the active Service's selector hash
    QString m_preview;
};

} // namespace rdsim
