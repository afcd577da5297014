// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rolloutdetail.h"
#include "safetynets.h"
#include "safetynetsconfig.h"

// The joins SafetyNetsAssembler is made of, one file per kind of evidence; not an API.
namespace SafetyNetsJoin {

// The side of one of the rollout's ReplicaSets.
SafetyNetSide sideOf(const RolloutDetail &detail, const ReplicaSet &replicaSet);
const ReplicaSet *replicaSetNamed(const RolloutDetail &detail, const QString &name);
// A pod of the side: listed in it, or named "<replicaSet>-..." as the controller names them,
// so that reports about pods already replaced during the release still count.
bool sideOwnsPod(const SafetyNetSide &side, const QString &pod);

// What a policy result or a violation may name: the rollout itself (when `rollout` is set)
// and the ReplicaSets and pods of some sides, in one namespace.
struct JoinTargets
{
    QString namespace_ {};
    QString rollout {};
    QList<SafetyNetSide> sides {};
    bool names(const ObjectRef &ref) const;
};

// `current` is the canary, or the stable side of a fully promoted rollout.
SafetyNets::Policy policy(const RolloutDetail &detail, const SafetyNetInventory &own,
                          const SafetyNets &nets, const SafetyNetSide &current);
SafetyNets::Ci ci(const RolloutDetail &detail, const SafetyNetInventory &own,
                  const SafetyNetsConfig &config, const SafetyNets &nets,
                  const SafetyNetSide &current);
SafetyNets::Staging staging(const QString &rollout, const SafetyNetInventory *earlier,
                            qint64 sinceMs);

} // namespace SafetyNetsJoin
