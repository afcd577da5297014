// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rolloutdetail.h"
#include "safetynets.h"
#include "safetynetsconfig.h"

// Joins an environment's SafetyNetInventory to one rollout (issue 15): which reports are about
// its canary and which about its stable ReplicaSet, and what the canary changes. Pure: the
// fetcher lists, the window and the CLI show; this only matches names, images and labels.
class SafetyNetsAssembler
{
public:
    // The canary side: the rollout's ReplicaSet whose pod-template hash is
    // status.currentPodHash; empty when absent, and also when the rollout is fully promoted
    // (canary == stable): then there is nothing to compare and only stable is shown.
    static SafetyNetSide canarySide(const RolloutDetail &detail);
    // The ReplicaSet named by status.stableRS (a pod-template hash); empty when absent.
    static SafetyNetSide stableSide(const RolloutDetail &detail);

    // earlier: the earlier environment's inventory for the same namespace (nullptr: none);
    // earlierVersionSinceMs: when the earlier environment started running the canary's
    // images (0: unknown, then every run aimed at the workload counts).
    static SafetyNets assemble(const RolloutDetail &detail, const SafetyNetInventory &own,
                               const SafetyNetInventory *earlier, qint64 earlierVersionSinceMs,
                               const SafetyNetsConfig &config);
};
