// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argoapplication.h"
#include "rolloutaction.h"

#include <QCoreApplication>
#include <QString>

// What Argo CD does next when a person acts on a Rollout that one of its applications
// manages (issue 14's GitOps guard). Argo CD compares a live object with Git by a three-way
// diff: a field Git never sets (spec.paused, spec.restartAt) is not a difference, and since
// 3.0 it ignores every resource's status (ignoreResourceStatusField: all). So pause, resume,
// promote, abort, retry and restart leave the application Synced, while an undo puts another
// pod template where Git has its own: OutOfSync, and with self-heal reverted at the next sync.
class GitOpsGuard
{
    Q_DECLARE_TR_FUNCTIONS(GitOpsGuard)

public:
    // Translated: one or two sentences naming the application; empty without one (no name).
    static QString text(RolloutAction action, const ArgoApplication &application);
    // Whether Argo CD will take the action back or mark the application OutOfSync: the
    // confirmation shows the text as a warning then.
    static bool conflicts(RolloutAction action);
};
