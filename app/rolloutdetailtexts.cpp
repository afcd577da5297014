// SPDX-License-Identifier: GPL-3.0-or-later
// What RolloutDetailController says and copies (an action's effect, why an action is not
// offered, the kubectl command), apart from its wiring (same class, so the same translation
// context).
#include "rolloutdetailcontroller.h"

#include "detailstyle.h"
#include "kubectlcommand.h"
#include "rolloutactionplan.h"
#include "rolloutactionrules.h"
#include "rolloutdetailview.h"
#include "rolloutsituation.h"

#include <QClipboard>
#include <QGuiApplication>

QString RolloutDetailController::abortProgressText(const RolloutDetail &detail,
                                                   const QDateTime &now)
{
    const RolloutSituation situation = detail.situation(now);
    const QString rest = RolloutSituationText::split(situation.text).second;
    if (situation.kind == RolloutSituation::Kind::Aborting)
        return tr("Abort accepted") + QStringLiteral(" \u2014 ") + rest;
    return tr("Aborted: %1.").arg(rest);
}

QString RolloutDetailController::confirmedText(RolloutAction action)
{
    switch (action) {
    case RolloutAction::Pause:
        return tr("Paused.");
    case RolloutAction::Resume:
        return tr("Resumed.");
    case RolloutAction::Promote:
        return tr("Promoted to the next step.");
    case RolloutAction::PromoteFull:
        return tr("Promoting fully: the new version takes all traffic.");
    case RolloutAction::Abort:
        return tr("Aborted: traffic is back on the stable version.");
    case RolloutAction::Retry:
        return tr("Retrying the update.");
    case RolloutAction::Restart:
        return tr("Restarted.");
    case RolloutAction::Undo:
        return tr("Rolled back: the chosen revision is rolling out.");
    }
    return QString();
}

QString RolloutDetailController::kubectlCommand(RolloutAction action) const
{
    if (!m_detail.isValid())
        return QString();
    return KubectlCommand::forAction(action, m_environments.value(m_selected.environment).context,
                                     m_detail.rollout.metadata.namespaceName,
                                     m_detail.rollout.metadata.name);
}

void RolloutDetailController::copyKubectlCommand(RolloutAction action)
{
    const QString command = kubectlCommand(action);
    if (command.isEmpty())
        return;
    QGuiApplication::clipboard()->setText(command);
    m_view->setActionMessage(tr("Copied to the clipboard: %1").arg(command), false);
}

RolloutActionStates RolloutDetailController::actionStates(const RolloutDetail &detail,
                                                          bool readOnly,
                                                          const QMap<QString, bool> &allowed,
                                                          std::optional<RolloutAction> busy)
{
    const Rollout &rollout = detail.rollout;
    const QString ns = rollout.metadata.namespaceName;
    const int revisions = int(undoRevisions(detail.replicaSets, rollout.metadata.uid).size());
    RolloutActionStates states;
    for (RolloutAction action : allRolloutActions()) {
        RolloutActionState state = rolloutActionAvailability(action, rollout, revisions);
        state.visible = !readOnly;
        if (detail.isStale()) {
            // Nothing sent to a cluster the window cannot see: the person would act on a
            // state that may be gone, and could not see the effect.
            state.enabled = false;
            state.reason = tr("%1 is not connected (stale since %2): nothing can be sent from "
                              "here. Use \"Copy kubectl command\" to run it from a terminal.")
                               .arg(detail.environment, DetailStyle::clockTime(detail.staleSince));
            states.insert(action, state);
            continue;
        }
        if (state.enabled) {
            for (const ResourcePermission &permission : requiredPermissions(action, rollout)) {
                if (allowed.value(permission.displayName(), true))
                    continue;
                state.enabled = false;
                state.reason
                    = tr("You may not %1 in namespace %2.").arg(permission.displayName(), ns);
                break;
            }
        }
        if (busy && *busy == action) {
            state.pending = true;
            state.enabled = false;
            state.reason = rolloutActionProgressText(action);
        }
        states.insert(action, state);
    }
    return states;
}
