// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rollout.h"
#include "rolloutaction.h"
#include <optional>
#include <QDateTime>
#include <QList>
#include <QString>

// When each action makes sense, what it needs the user to be allowed, and how to tell from
// the watched rollout that it took effect.

// Whether the action makes sense for the rollout's current state (permissions aside):
// enabled, or disabled with a translated reason for the tooltip. ownedRevisions: how many
// ReplicaSets with a revision the rollout owns (undo needs a previous one).
RolloutActionState rolloutActionAvailability(RolloutAction action, const Rollout &rollout,
                                             int ownedRevisions);

// One Kubernetes permission an action needs, checked with a SelfSubjectAccessReview.
struct ResourcePermission
{
    QString verb; // "patch", "get"
    QString group; // "argoproj.io"
    QString resource; // "rollouts"
    QString subresource; // "status" or empty
    // "patch rollouts/status", as users and RBAC rules spell it.
    QString displayName() const;
    bool operator==(const ResourcePermission &o) const
    {
        return verb == o.verb && group == o.group && resource == o.resource
            && subresource == o.subresource;
    }
    bool operator!=(const ResourcePermission &o) const { return !(*this == o); }
};

// The permissions in the order the action uses them (argo-rollouts.md, "RBAC a client
// needs"): pause, resume and restart patch the rollout; undo gets the rollout and patches
// it; promote, promote full, abort and retry get it and patch its status, and promote and
// promote full also patch the rollout when it is manually paused.
QList<ResourcePermission> requiredPermissions(RolloutAction action, const Rollout &rollout);
// The permissions checked for the action bar of any rollout in a namespace.
QList<ResourcePermission> actionBarPermissions();

// What the action's answer told us, to recognise its effect in later watch events.
struct ActionExpectation
{
    RolloutAction action = RolloutAction::Pause;
    qint64 generation = 0; // metadata.generation in the last PATCH answer (0: none sent)
    QDateTime restartAt; // restart only
    std::optional<qint32> stepIndexBefore; // promote: status.currentStepIndex before
};

// True once the rollout shows the action's effect: the controller observed the new
// generation and the status says what the action asked for (paused, aborted, ...).
bool rolloutActionConfirmed(const ActionExpectation &expectation, const Rollout &rollout);
