// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutactionrules.h"

#include "rolloutstatus.h"
#include <QCoreApplication>

class RolloutActionRules
{
    Q_DECLARE_TR_FUNCTIONS(RolloutActionRules)
};

namespace {

RolloutActionState enabled()
{
    RolloutActionState state;
    state.enabled = true;
    return state;
}

RolloutActionState disabled(const QString &reason)
{
    RolloutActionState state;
    state.reason = reason;
    return state;
}

// Nothing is being rolled out: fully promoted and not paused, with no step left.
bool isSettled(const Rollout &rollout)
{
    return isFullyPromoted(rollout) && !rollout.spec.paused
        && rollout.status.pauseConditions.isEmpty();
}

bool observed(const Rollout &rollout, qint64 generation)
{
    bool ok = false;
    const qint64 seen = rollout.status.observedGeneration.toLongLong(&ok);
    // An unparsable value counts as observed, as GetRolloutPhase treats it.
    return !ok || seen >= generation;
}

ResourcePermission permission(const char *verb, const char *subresource = "")
{
    return ResourcePermission {QString::fromLatin1(verb), QStringLiteral("argoproj.io"),
                               QStringLiteral("rollouts"), QString::fromLatin1(subresource)};
}

} // namespace

RolloutActionState rolloutActionAvailability(RolloutAction action, const Rollout &rollout,
                                             int ownedRevisions)
{
    const bool aborted = rollout.status.abort;
    switch (action) {
    case RolloutAction::Pause:
        if (rollout.spec.paused)
            return disabled(RolloutActionRules::tr("The rollout is already paused."));
        if (aborted)
            return disabled(
                RolloutActionRules::tr("The rollout is aborted: nothing is rolling out."));
        if (isSettled(rollout))
            return disabled(
                RolloutActionRules::tr("The rollout is fully promoted: nothing is rolling out."));
        return enabled();
    case RolloutAction::Resume:
        if (!rollout.spec.paused)
            return disabled(RolloutActionRules::tr("The rollout is not paused by hand."));
        return enabled();
    case RolloutAction::Promote:
        if (aborted)
            return disabled(RolloutActionRules::tr("The rollout is aborted: retry it first."));
        if (isSettled(rollout))
            return disabled(RolloutActionRules::tr(
                "The rollout is fully promoted: there is nothing to promote."));
        if (rollout.spec.blueGreen && !rollout.spec.paused
            && rollout.status.pauseConditions.isEmpty())
            return disabled(
                RolloutActionRules::tr("The blue-green rollout is not paused: there is nothing to "
                                       "promote."));
        return enabled();
    case RolloutAction::PromoteFull:
        if (aborted)
            return disabled(RolloutActionRules::tr("The rollout is aborted: retry it first."));
        if (isSettled(rollout))
            return disabled(RolloutActionRules::tr("The rollout is already fully promoted."));
        return enabled();
    case RolloutAction::Abort:
        if (aborted)
            return disabled(RolloutActionRules::tr("The rollout is already aborted."));
        if (isFullyPromoted(rollout))
            return disabled(RolloutActionRules::tr(
                "The rollout is fully promoted: there is no update to abort."));
        return enabled();
    case RolloutAction::Retry:
        if (!aborted)
            return disabled(RolloutActionRules::tr("Only an aborted rollout can be retried."));
        return enabled();
    case RolloutAction::Restart:
        if (rollout.spec.restartAt.isValid()
            && (!rollout.status.restartedAt.isValid()
                || rollout.status.restartedAt < rollout.spec.restartAt))
            return disabled(RolloutActionRules::tr("A restart is already in progress."));
        return enabled();
    case RolloutAction::Undo:
        if (ownedRevisions < 2)
            return disabled(
                RolloutActionRules::tr("There is no earlier revision to roll back to."));
        return enabled();
    }
    return disabled(QString());
}

QString ResourcePermission::displayName() const
{
    return verb + QLatin1Char(' ') + resource
        + (subresource.isEmpty() ? QString() : QLatin1Char('/') + subresource);
}

QList<ResourcePermission> requiredPermissions(RolloutAction action, const Rollout &rollout)
{
    switch (action) {
    case RolloutAction::Pause:
    case RolloutAction::Resume:
    case RolloutAction::Restart:
        return {permission("patch")};
    case RolloutAction::Undo:
        return {permission("get"), permission("patch")};
    case RolloutAction::Promote:
    case RolloutAction::PromoteFull:
        if (rollout.spec.paused)
            return {permission("get"), permission("patch", "status"), permission("patch")};
        return {permission("get"), permission("patch", "status")};
    case RolloutAction::Abort:
    case RolloutAction::Retry:
        return {permission("get"), permission("patch", "status")};
    }
    return {};
}

QList<ResourcePermission> actionBarPermissions()
{
    return {permission("get"), permission("patch"), permission("patch", "status")};
}

bool rolloutActionConfirmed(const ActionExpectation &expectation, const Rollout &rollout)
{
    if (!observed(rollout, expectation.generation))
        return false;
    const RolloutStatus &status = rollout.status;
    switch (expectation.action) {
    case RolloutAction::Pause:
        return rollout.spec.paused && rolloutPhase(rollout).phase == QLatin1String("Paused");
    case RolloutAction::Resume:
        return !rollout.spec.paused;
    case RolloutAction::Promote: {
        const bool stepMoved = expectation.stepIndexBefore && status.currentStepIndex
            && *status.currentStepIndex > *expectation.stepIndexBefore;
        return stepMoved || isFullyPromoted(rollout)
            || (!rollout.spec.paused && status.pauseConditions.isEmpty());
    }
    case RolloutAction::PromoteFull:
        return !rollout.spec.paused && (status.promoteFull || isFullyPromoted(rollout));
    case RolloutAction::Abort:
        return status.abort && rolloutPhase(rollout).phase == QLatin1String("Degraded");
    case RolloutAction::Retry:
        return !status.abort;
    case RolloutAction::Restart:
        return status.restartedAt.isValid() && expectation.restartAt.isValid()
            && status.restartedAt >= expectation.restartAt;
    case RolloutAction::Undo:
        return true; // the new template's generation was observed
    }
    return false;
}
