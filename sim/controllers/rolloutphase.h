// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace rdsim {

class RolloutSpec;
struct RolloutStatus;

// Argo Rollouts' CalculateRolloutPhase (utils/rollout/rolloututil.go): the phase and message
// the controller stores in status.phase / status.message.
namespace RolloutPhase {

struct Result
{
    QString phase; // Healthy, Progressing, Paused, Degraded
    QString message;
};

Result calculate(const RolloutSpec &spec, const RolloutStatus &status);

} // namespace RolloutPhase

} // namespace rdsim
