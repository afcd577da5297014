// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

#include <optional>
#include <utility>

namespace rdsim {

class RolloutReconciler;

// The canary's replica arithmetic (Argo's utils/replicaset/canary.go): which weight the
// current step asks for, and how many pods the canary and stable ReplicaSets get for it,
// within maxSurge / maxUnavailable for a basic canary or from the traffic weight when a
// traffic router splits the traffic.
namespace CanaryReplicas {

// The setWeight in force: 0 when aborted, 100 after the last step, else the nearest
// setWeight at or before the current step (0 if none).
int currentSetWeight(const RolloutReconciler &r);
// setCanaryScale replicas (if a step pinned them) or the weight to scale by.
std::pair<std::optional<int>, int> replicasOrWeight(const RolloutReconciler &r);
// {canary, stable} replica counts to move to next.
std::pair<int, int> basic(const RolloutReconciler &r);
std::pair<int, int> trafficRouted(const RolloutReconciler &r, const QJsonObject &weights);
std::pair<int, int> desired(const RolloutReconciler &r, const QJsonObject &weights);
// Whether the canary and stable ReplicaSets are at the counts the current step needs.
bool atDesiredCounts(const RolloutReconciler &r, const QJsonObject &weights);
// The nearest canary/stable split of `replicas` for `weight` (approximateWeightedCanary...).
std::pair<int, int> approximate(int replicas, int weight, int maxSurge);

} // namespace CanaryReplicas

} // namespace rdsim
