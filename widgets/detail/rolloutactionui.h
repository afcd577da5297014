// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rolloutaction.h"
#include "rolloutdetail.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QStyle>

class QWidget;

// How the rollout actions look and ask in the detail view: object names, icons, the
// tooltip that says what each does, and the questions asked before the risky ones.
class RolloutActionUi
{
    Q_DECLARE_TR_FUNCTIONS(RolloutActionUi)

public:
    // "pauseAction", "resumeAction", "promoteAction", "promoteFullAction", ...
    static QString objectName(RolloutAction action);
    static QStyle::StandardPixmap icon(RolloutAction action);
    // Translated, for the tooltip of an enabled action.
    static QString description(RolloutAction action);
    // The modal question: which revision for undo (UndoRevisionDialog), else
    // rolloutActionQuestion() naming environment, namespace and rollout, with what will
    // happen, and Cancel as the default button. False for Cancel. gitOpsNote: what Argo CD
    // does next (RolloutActionState::gitOpsNote), shown with the question when not empty.
    static bool askConfirmation(QWidget *parent, RolloutAction action, const RolloutDetail &detail,
                                const QDateTime &now, qint64 *revision,
                                const QString &gitOpsNote = QString());
};
