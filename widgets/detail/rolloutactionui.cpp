// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutactionui.h"

#include "undorevisiondialog.h"

#include <QMessageBox>
#include <QPushButton>

QString RolloutActionUi::objectName(RolloutAction action)
{
    switch (action) {
    case RolloutAction::Pause:
        return QStringLiteral("pauseAction");
    case RolloutAction::Resume:
        return QStringLiteral("resumeAction");
    case RolloutAction::Promote:
        return QStringLiteral("promoteAction");
    case RolloutAction::PromoteFull:
        return QStringLiteral("promoteFullAction");
    case RolloutAction::Abort:
        return QStringLiteral("abortAction");
    case RolloutAction::Retry:
        return QStringLiteral("retryAction");
    case RolloutAction::Restart:
        return QStringLiteral("restartAction");
    case RolloutAction::Undo:
        return QStringLiteral("undoAction");
    }
    return QString();
}

QStyle::StandardPixmap RolloutActionUi::icon(RolloutAction action)
{
    switch (action) {
    case RolloutAction::Pause:
        return QStyle::SP_MediaPause;
    case RolloutAction::Resume:
        return QStyle::SP_MediaPlay;
    case RolloutAction::Promote:
        return QStyle::SP_MediaSeekForward;
    case RolloutAction::PromoteFull:
        return QStyle::SP_MediaSkipForward;
    case RolloutAction::Abort:
        return QStyle::SP_MediaStop;
    case RolloutAction::Retry:
        return QStyle::SP_BrowserReload;
    case RolloutAction::Restart:
        return QStyle::SP_BrowserReload;
    case RolloutAction::Undo:
        return QStyle::SP_ArrowBack;
    }
    return QStyle::SP_CustomBase;
}

QString RolloutActionUi::description(RolloutAction action)
{
    switch (action) {
    case RolloutAction::Pause:
        return tr("Pause the rollout where it is until it is resumed.");
    case RolloutAction::Resume:
        return tr("Resume the paused rollout (no step is skipped).");
    case RolloutAction::Promote:
        return tr("Skip the current pause or analysis and go on with the next step.");
    case RolloutAction::PromoteFull:
        return tr("Skip all remaining steps and analyses: the new version gets all traffic.");
    case RolloutAction::Abort:
        return tr("Abort the update: traffic returns to the stable version.");
    case RolloutAction::Retry:
        return tr("Retry the aborted update from the first step.");
    case RolloutAction::Restart:
        return tr("Restart all pods of the rollout.");
    case RolloutAction::Undo:
        return tr("Roll back to an earlier revision.");
    }
    return QString();
}

bool RolloutActionUi::askConfirmation(QWidget *parent, RolloutAction action,
                                      const RolloutDetail &detail, const QDateTime &now,
                                      qint64 *revision, const QString &gitOpsNote)
{
    if (action == RolloutAction::Undo) {
        UndoRevisionDialog dialog(detail, now, parent);
        dialog.setGitOpsNote(gitOpsNote);
        if (dialog.exec() != QDialog::Accepted)
            return false;
        *revision = dialog.revision();
        return *revision > 0;
    }
    const RolloutTarget target {detail.environment, detail.rollout.metadata.namespaceName,
                                detail.rollout.metadata.name};
    QMessageBox box(QMessageBox::Warning,
                    tr("%1: %2").arg(rolloutActionLabel(action), target.displayName()),
                    rolloutActionQuestion(action, target), QMessageBox::NoButton, parent);
    box.setObjectName(QStringLiteral("confirmActionDialog"));
    box.setInformativeText(gitOpsNote.isEmpty()
                               ? rolloutActionEffect(action)
                               : rolloutActionEffect(action) + QStringLiteral("\n\n") + gitOpsNote);
    QPushButton *go = box.addButton(rolloutActionLabel(action), QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == go;
}
