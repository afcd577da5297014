// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include <functional>

// The objects of one cluster of the fleet benchmark, as JSON the simulator's store takes:
// `rollouts` canary Rollouts spread over 20 namespaces, three ReplicaSets each (revisions
// 1 to 3, owned by the Rollout, with the rollouts-pod-template-hash label) and ten pods per
// Rollout (owned by the stable or canary ReplicaSet, each the ~3.5 KB realistic pod of
// podlistgenerator.h). Every tenth Rollout is paused mid-canary (8 stable, 2 canary pods);
// the others are healthy with all ten pods on revision 3.
//
// `store` stores one object and returns its metadata.uid (owner references need the uids the
// store assigns); an empty uid stops the generation.
struct FleetGenerator
{
    enum class Kind { Rollout, ReplicaSet, Pod };
    using Store = std::function<QString(Kind kind, const QJsonObject &object)>;

    static constexpr int podsPerRollout = 10;
    static constexpr int replicaSetsPerRollout = 3;

    static QStringList namespaces();
    // False when `store` returned an empty uid.
    static bool generate(int rollouts, const Store &store);
};
