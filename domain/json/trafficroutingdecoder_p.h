// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the decoder: a canary's traffic routing, ping-pong services and a
// setMirrorRoute step (trafficroutingdecoder.cpp).

#include "jsonreader_p.h"

struct CanaryStrategy;
struct RolloutStep;

namespace JsonRead {

// spec.strategy.canary.trafficRouting: the routers (CanaryStrategy::trafficRouters, in the
// object's order) and their objects (CanaryStrategy::trafficRouting), maxTrafficWeight.
void decodeTrafficRouting(Context &ctx, Element value, const Path &path, CanaryStrategy &out);
// spec.strategy.canary.pingPong (null leaves hasPingPong false, as the controller reads it).
void decodePingPong(Context &ctx, Element value, const Path &path, CanaryStrategy &out);
// steps[].setMirrorRoute: name, percentage and match[].
void decodeMirrorRoute(Context &ctx, Element value, const Path &path, RolloutStep &out);

} // namespace JsonRead
