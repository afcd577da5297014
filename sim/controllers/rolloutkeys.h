// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace rdsim {

// The labels and annotations Argo Rollouts puts on what it owns, and the simulator's own
// start-mid-release annotation, shared by the rollout, experiment and Flagger controllers.
namespace RolloutKeys {
inline const QString hashLabel = QStringLiteral("rollouts-pod-template-hash");
inline const QString revision = QStringLiteral("rollout.argoproj.io/revision");
inline const QString desiredReplicas = QStringLiteral("rollout.argoproj.io/desired-replicas");
inline const QString previousImage = QStringLiteral("rd-sim.dev/previous-image");
// The condition type a rollout's progress is reported under.
inline const QString progressing = QStringLiteral("Progressing");
} // namespace RolloutKeys

} // namespace rdsim
