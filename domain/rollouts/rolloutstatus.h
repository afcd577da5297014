// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "replicaset.h"
#include "rollout.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// What a Rollout shows, computed exactly as the kubectl Argo Rollouts plugin and the Argo
// Rollouts dashboard compute it (utils/rollout/rolloututil.go,
// pkg/kubectl-argo-rollouts/info/rollout_info.go, utils/replicaset/canary.go).

struct RolloutPhaseInfo
{
    QString phase; // Healthy, Progressing, Paused, Degraded, or whatever status.phase says
    QString message;

    bool operator==(const RolloutPhaseInfo &o) const
    {
        return phase == o.phase && message == o.message;
    }
    bool operator!=(const RolloutPhaseInfo &o) const { return !(*this == o); }
};

// GetRolloutPhase: the observedGeneration, unpausing and workload-generation guards, then
// status.phase/message unchanged, then calculateRolloutPhase for pre-1.0 controllers.
RolloutPhaseInfo rolloutPhase(const Rollout &rollout);
// CalculateRolloutPhase(spec, status).
RolloutPhaseInfo calculateRolloutPhase(const Rollout &rollout);
// stableRS == currentPodHash.
bool isFullyPromoted(const Rollout &rollout);
// controllerPause with no pause conditions left: a promote the controller has not seen yet.
bool isUnpausing(const Rollout &rollout);
// The dashboard's "requires attention" filter: Unknown, Degraded, or Paused for any reason
// other than a canary pause step.
bool requiresAttention(const RolloutPhaseInfo &phase);

// "Canary", "BlueGreen", or empty for a spec with neither.
QString strategyName(const Rollout &rollout);
// "<currentStepIndex>/<steps>" for a canary with steps and an index, else empty.
QString stepString(const Rollout &rollout);
// CanaryStepString: "setWeight: 20", "pause", "pause: 1h", "analysis", "experiment",
// "setCanaryScale{weight: 40}", "setHeaderRoute: name", "setMirrorRoute: name",
// "plugin: name", or "invalid".
QString canaryStepString(const RolloutStep &step);
// GetCurrentCanaryStep: the step at currentStepIndex (nil index = 0), or nullptr when there
// are no steps or all are done. index receives the effective index when not null.
const RolloutStep *currentCanaryStep(const Rollout &rollout, qint32 *index = nullptr);
// GetCurrentSetWeight: the desired canary weight.
qint32 currentSetWeight(const Rollout &rollout);
// ActualWeight. Without traffic routing it is the canary ReplicaSet's share of the
// rollout's available pods (integer division); canaryAvailable is that ReplicaSet's
// status.availableReplicas, nullopt when no ReplicaSet is tagged canary.
qint32 actualWeight(const Rollout &rollout, std::optional<qint32> canaryAvailable);
// The same, finding the canary ReplicaSet among replicaSets (those of other owners are
// ignored).
qint32 actualWeight(const Rollout &rollout, const QList<ReplicaSet> &replicaSets);

// The rollout.argoproj.io/revision of the owned ReplicaSet whose pod-template hash is
// status.currentPodHash; without one, the same annotation on the Rollout; 0 when neither.
qint64 rolloutRevision(const Rollout &rollout, const QList<ReplicaSet> &replicaSets);

struct RolloutCounts
{
    qint32 desired = 0; // spec.replicas, nil = 1
    qint32 current = 0; // status.replicas
    qint32 ready = 0;
    qint32 updated = 0;
    qint32 available = 0;
};
RolloutCounts rolloutCounts(const Rollout &rollout);

// One running image and the roles of the ReplicaSets running it (RolloutInfo.Images()).
struct ImageInfo
{
    QString image;
    QStringList tags; // a subset of canary, stable, active, preview, ping, pong

    bool operator==(const ImageInfo &o) const { return image == o.image && tags == o.tags; }
    bool operator!=(const ImageInfo &o) const { return !(*this == o); }
};
// Images of owned ReplicaSets with replicas > 0, sorted by image.
QList<ImageInfo> runningImages(const Rollout &rollout, const QList<ReplicaSet> &replicaSets);

// The pause condition with that reason (CanaryPauseStep, BlueGreenPause,
// InconclusiveAnalysisRun, ...), or null.
const PauseCondition *findPauseCondition(const Rollout &rollout, QStringView reason);

// When the current timed pause ends: a canary pause step (CanaryPauseStep start +
// step duration) or a blue-green auto-promotion (BlueGreenPause start +
// autoPromotionSeconds). Null when not in a timed pause.
QDateTime pauseEndTime(const Rollout &rollout);
// Milliseconds until pauseEndTime (0 once passed), nullopt when not in a timed pause.
std::optional<qint64> remainingPauseMSecs(const Rollout &rollout, const QDateTime &now);

// RolloutErrorConditions: InvalidSpec messages, and when aborted the messages of completed,
// unsuccessful analysis runs.
QStringList rolloutErrorConditions(const Rollout &rollout);

Q_DECLARE_METATYPE(RolloutPhaseInfo)
Q_DECLARE_METATYPE(ImageInfo)
