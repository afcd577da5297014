// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rolloutaction.h"

#include <QString>

// The command a person can paste into a terminal to do what an action does, for when the
// window cannot send it (a disconnected environment, a missing permission here but not
// there) or to hand over in a ticket. The `kubectl argo rollouts` plugin's command where it
// sends the same requests (pause, promote, abort, retry, restart, undo); resume has no
// plugin command of its own (the plugin's promote may skip a step), so it is the merge patch
// the window sends.
class KubectlCommand
{
public:
    // context: the kubeconfig context (empty: the current one, no --context). revision: for
    // undo; 0 means the previous revision. Arguments that need it are single-quoted.
    static QString forAction(RolloutAction action, const QString &context,
                             const QString &namespaceName, const QString &name,
                             qint64 revision = 0);
    // `kubectl argo rollouts get rollout NAME -n NS --context CTX`: to look at it by hand.
    static QString getRollout(const QString &context, const QString &namespaceName,
                              const QString &name);
    // One shell word: unchanged when it has only safe characters, else single-quoted.
    static QString quote(const QString &word);
};
