// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutaction.h"

#include <QCoreApplication>

class RolloutActionText
{
    Q_DECLARE_TR_FUNCTIONS(RolloutActionText)
};

QList<RolloutAction> allRolloutActions()
{
    return {RolloutAction::Pause,       RolloutAction::Resume, RolloutAction::Promote,
            RolloutAction::PromoteFull, RolloutAction::Abort,  RolloutAction::Retry,
            RolloutAction::Restart,     RolloutAction::Undo};
}

QString rolloutActionId(RolloutAction action)
{
    switch (action) {
    case RolloutAction::Pause:
        return QStringLiteral("pause");
    case RolloutAction::Resume:
        return QStringLiteral("resume");
    case RolloutAction::Promote:
        return QStringLiteral("promote");
    case RolloutAction::PromoteFull:
        return QStringLiteral("promote-full");
    case RolloutAction::Abort:
        return QStringLiteral("abort");
    case RolloutAction::Retry:
        return QStringLiteral("retry");
    case RolloutAction::Restart:
        return QStringLiteral("restart");
    case RolloutAction::Undo:
        return QStringLiteral("undo");
    }
    return QString();
}

std::optional<RolloutAction> rolloutActionFromId(const QString &id)
{
    for (RolloutAction action : allRolloutActions()) {
        if (rolloutActionId(action) == id)
            return action;
    }
    return std::nullopt;
}

QString rolloutActionLabel(RolloutAction action)
{
    switch (action) {
    case RolloutAction::Pause:
        return RolloutActionText::tr("Pause");
    case RolloutAction::Resume:
        return RolloutActionText::tr("Resume");
    case RolloutAction::Promote:
        return RolloutActionText::tr("Promote");
    case RolloutAction::PromoteFull:
        return RolloutActionText::tr("Promote full");
    case RolloutAction::Abort:
        return RolloutActionText::tr("Abort");
    case RolloutAction::Retry:
        return RolloutActionText::tr("Retry");
    case RolloutAction::Restart:
        return RolloutActionText::tr("Restart");
    case RolloutAction::Undo:
        return RolloutActionText::tr("Undo…");
    }
    return QString();
}

QString rolloutActionProgressText(RolloutAction action)
{
    switch (action) {
    case RolloutAction::Pause:
        return RolloutActionText::tr("Pausing…");
    case RolloutAction::Resume:
        return RolloutActionText::tr("Resuming…");
    case RolloutAction::Promote:
        return RolloutActionText::tr("Promoting…");
    case RolloutAction::PromoteFull:
        return RolloutActionText::tr("Promoting fully…");
    case RolloutAction::Abort:
        return RolloutActionText::tr("Aborting…");
    case RolloutAction::Retry:
        return RolloutActionText::tr("Retrying…");
    case RolloutAction::Restart:
        return RolloutActionText::tr("Restarting…");
    case RolloutAction::Undo:
        return RolloutActionText::tr("Rolling back…");
    }
    return QString();
}

QString RolloutTarget::displayName() const
{
    return environment + QStringLiteral(" / ") + namespaceName + QStringLiteral(" / ") + name;
}

bool rolloutActionNeedsConfirmation(RolloutAction action, bool protectedEnvironment)
{
    switch (action) {
    case RolloutAction::Abort:
    case RolloutAction::PromoteFull:
    case RolloutAction::Undo:
    case RolloutAction::Restart:
        return true;
    case RolloutAction::Pause:
        return false;
    case RolloutAction::Resume:
    case RolloutAction::Promote:
    case RolloutAction::Retry:
        return protectedEnvironment;
    }
    return true;
}

QString rolloutActionQuestion(RolloutAction action, const RolloutTarget &target)
{
    // %1 rollout, %2 namespace, %3 environment.
    QString question;
    switch (action) {
    case RolloutAction::Pause:
        question = RolloutActionText::tr("Pause rollout %1 in namespace %2 of environment %3?");
        break;
    case RolloutAction::Resume:
        question = RolloutActionText::tr("Resume rollout %1 in namespace %2 of environment %3?");
        break;
    case RolloutAction::Promote:
        question = RolloutActionText::tr("Promote rollout %1 in namespace %2 of environment %3?");
        break;
    case RolloutAction::PromoteFull:
        question
            = RolloutActionText::tr("Promote rollout %1 in namespace %2 of environment %3 fully?");
        break;
    case RolloutAction::Abort:
        question = RolloutActionText::tr("Abort rollout %1 in namespace %2 of environment %3?");
        break;
    case RolloutAction::Retry:
        question = RolloutActionText::tr("Retry rollout %1 in namespace %2 of environment %3?");
        break;
    case RolloutAction::Restart:
        question = RolloutActionText::tr(
            "Restart every pod of rollout %1 in namespace %2 of environment %3?");
        break;
    case RolloutAction::Undo:
        question = RolloutActionText::tr("Roll back rollout %1 in namespace %2 of environment %3?");
        break;
    }
    return question.arg(target.name, target.namespaceName, target.environment);
}

QString rolloutActionEffect(RolloutAction action)
{
    switch (action) {
    case RolloutAction::Pause:
        return RolloutActionText::tr(
            "The rollout stops where it is, with the traffic it has now, until it is resumed.");
    case RolloutAction::Resume:
        return RolloutActionText::tr(
            "The rollout continues from its current step; no step is skipped.");
    case RolloutAction::Promote:
        return RolloutActionText::tr(
            "The current pause or analysis is skipped and the next step begins: the new "
            "version gets more traffic.");
    case RolloutAction::PromoteFull:
        return RolloutActionText::tr(
            "All remaining steps, pauses and analyses are skipped and the new version receives "
            "all traffic at once.");
    case RolloutAction::Abort:
        return RolloutActionText::tr(
            "All traffic returns to the stable version and the canary is scaled down. You can "
            "retry the update later.");
    case RolloutAction::Retry:
        return RolloutActionText::tr(
            "The aborted update starts again from the first step: the new version gets traffic "
            "again.");
    case RolloutAction::Restart:
        return RolloutActionText::tr(
            "Every pod is replaced, a few at a time; the version does not change.");
    case RolloutAction::Undo:
        return RolloutActionText::tr(
            "Its pod template is replaced by the chosen revision's, which then rolls out "
            "through the rollout's steps.");
    }
    return QString();
}
