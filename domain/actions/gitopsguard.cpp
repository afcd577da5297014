// SPDX-License-Identifier: GPL-3.0-or-later
#include "gitopsguard.h"

bool GitOpsGuard::conflicts(RolloutAction action)
{
    return action == RolloutAction::Undo;
}

QString GitOpsGuard::text(RolloutAction action, const ArgoApplication &application)
{
    if (application.name.isEmpty())
        return QString();
    const QString &app = application.name;
    switch (action) {
    case RolloutAction::Pause:
    case RolloutAction::Resume:
        return tr("Argo CD application %1 manages this rollout and leaves this alone: it only "
                  "sets spec.paused, which Argo CD does not compare unless your Git manifests "
                  "set it; %1 stays Synced.")
            .arg(app);
    case RolloutAction::Promote:
    case RolloutAction::PromoteFull:
    case RolloutAction::Abort:
    case RolloutAction::Retry:
        return tr("Argo CD application %1 manages this rollout and leaves this alone: it "
                  "changes the Rollout's status (and at most spec.paused), which Argo CD does "
                  "not compare with Git; %1 stays Synced.")
            .arg(app);
    case RolloutAction::Restart:
        return tr("Argo CD application %1 manages this rollout and leaves this alone: it sets "
                  "spec.restartAt, which your Git manifests do not set; %1 stays Synced.")
            .arg(app);
    case RolloutAction::Undo:
        break;
    }
    if (application.autoSync && application.selfHeal)
        return tr("Argo CD will revert this: application %1 syncs automatically with "
                  "self-heal, so at its next sync (usually within minutes) it puts Git's pod "
                  "template back and the rollout rolls forward again. To roll back for good, "
                  "revert the change in Git, or turn off auto-sync in Argo CD first.")
            .arg(app);
    if (application.autoSync)
        return tr("Argo CD application %1 will show OutOfSync: its auto-sync has no self-heal, "
                  "so it does not revert this, but the next Git change it syncs replaces this "
                  "pod template. Revert the change in Git to make the rollback last.")
            .arg(app);
    return tr("Argo CD application %1 will show OutOfSync (the pod template differs from Git); "
              "its next sync puts Git's template back. Revert the change in Git to make the "
              "rollback last.")
        .arg(app);
}
