// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>

// The one-click actions on a Rollout, each sending what `kubectl argo rollouts` sends.
// Resume is the inverse of pause: it clears spec.paused and nothing else, so it never skips
// a step (promote does).
enum class RolloutAction : quint8 {
    Pause,
    Resume,
    Promote,
    PromoteFull,
    Abort,
    Retry,
    Restart,
    Undo,
};

// Every action, in the order the action bar shows them.
QList<RolloutAction> allRolloutActions();
// Stable lower-case id for the command line and the audit file: "pause", "resume",
// "promote", "promote-full", "abort", "retry", "restart", "undo".
QString rolloutActionId(RolloutAction action);
std::optional<RolloutAction> rolloutActionFromId(const QString &id);
// Translated button text: "Pause", "Resume", "Promote", "Promote full", "Abort", "Retry",
// "Restart", "Undo…".
QString rolloutActionLabel(RolloutAction action);
// Translated progress text while the watch has not confirmed it yet: "Pausing…", ...
QString rolloutActionProgressText(RolloutAction action);
// The rollout an action is for, as every question and message names it.
struct RolloutTarget
{
    QString environment;
    QString namespaceName;
    QString name;
    // "prod / shop / checkout"
    QString displayName() const;
};
// Whether the action asks before it is sent: abort, promote full, undo and restart always;
// in a protected environment every action but pause (pausing must stay one click).
bool rolloutActionNeedsConfirmation(RolloutAction action, bool protectedEnvironment);
// The question, naming environment, namespace and rollout (translated): "Abort rollout
// checkout in namespace shop of environment prod?"
QString rolloutActionQuestion(RolloutAction action, const RolloutTarget &target);
// What will happen (translated): "All traffic returns to the stable version …".
QString rolloutActionEffect(RolloutAction action);

// What the action bar shows for one action on the selected rollout.
struct RolloutActionState
{
    bool visible = true; // false in read-only mode (the environment's or --read-only)
    bool enabled = false;
    // Translated, for the tooltip when disabled: why it cannot be used now ("The rollout is
    // already paused.", "You may not patch rollouts/status in namespace shop.").
    QString reason;
    bool pending = false; // sent, the watch has not shown the effect yet
    // Translated, what Argo CD does next when one of its applications manages the rollout
    // (GitOpsGuard): in the tooltip and the confirmation; empty when none manages it.
    QString gitOpsNote {};
    bool operator==(const RolloutActionState &o) const
    {
        return visible == o.visible && enabled == o.enabled && reason == o.reason
            && pending == o.pending && gitOpsNote == o.gitOpsNote;
    }
    bool operator!=(const RolloutActionState &o) const { return !(*this == o); }
};

using RolloutActionStates = QMap<RolloutAction, RolloutActionState>;

Q_DECLARE_METATYPE(RolloutAction)
Q_DECLARE_METATYPE(RolloutActionState)
