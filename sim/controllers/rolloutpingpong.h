// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <utility>

namespace rdsim {

class RolloutReconciler;
struct RolloutStatus;

// ALB ping-pong (spec.strategy.canary.pingPong {pingService, pongService}), as Argo's
// trafficrouting/service_helper.go and promoteStable handle it: status.canary.stablePingPong
// says which of the two Services is the stable one ("ping"; "pong" or unset: pong), and it
// flips each time a new revision becomes stable, so the Service that carried the canary
// carries the stable from then on without switching its selector.
namespace PingPong {

bool enabled(const RolloutReconciler &r);
// {stable, canary} Service names: ping/pong by the status when enabled, else the spec's
// stableService and canaryService.
std::pair<QString, QString> services(const RolloutReconciler &r);
// promoteStable's flip, when the stable revision is about to change to `next`'s pod hash.
void flipOnPromotion(const RolloutReconciler &r, RolloutStatus &next);

} // namespace PingPong

} // namespace rdsim
