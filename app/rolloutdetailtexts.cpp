// SPDX-License-Identifier: GPL-3.0-or-later
// What RolloutDetailController says and copies (an action's effect, the kubectl command),
// apart from its wiring (same class, so the same translation context).
#include "rolloutdetailcontroller.h"

#include "kubectlcommand.h"
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
