// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deployment.h"

#include <QMetaType>
#include <QString>

// `kubectl rollout status deployment/<name>` as a value (DeploymentStatusViewer), plus
// the Available condition the summary line needs.
struct DeploymentRolloutStatus
{
    enum class State : quint8 {
        WaitingForObservation, // generation not yet observed by the controller
        Progressing, // updating, scaling old replicas down, or becoming available
        Complete, // "successfully rolled out"
        Failed, // Progressing condition with reason ProgressDeadlineExceeded
    };

    State state = State::WaitingForObservation;
    QString message; // kubectl's line, without the trailing newline
    bool available = false; // Available condition is True
    bool paused = false; // spec.paused

    bool isDone() const { return state == State::Complete; }

    bool operator==(const DeploymentRolloutStatus &o) const
    {
        return state == o.state && message == o.message && available == o.available
            && paused == o.paused;
    }
    bool operator!=(const DeploymentRolloutStatus &o) const { return !(*this == o); }
};

DeploymentRolloutStatus deploymentStatus(const Deployment &deployment);

Q_DECLARE_METATYPE(DeploymentRolloutStatus)
