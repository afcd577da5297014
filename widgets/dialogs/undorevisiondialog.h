// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rolloutdetail.h"

#include <QDateTime>
#include <QDialog>

class QLabel;
class QPushButton;
class QTreeWidget;

// Asks which earlier revision to roll a rollout back to: its ReplicaSets' revisions other
// than the current one, newest first, with their images and age; the previous revision
// (what `kubectl argo rollouts undo` picks) is preselected. Cancel is the default button.
class UndoRevisionDialog : public QDialog
{
    Q_OBJECT

public:
    UndoRevisionDialog(const RolloutDetail &detail, const QDateTime &now,
                       QWidget *parent = nullptr);

    // The selected revision, 0 when none.
    qint64 revision() const;
    void selectRevision(qint64 revision);
    // What Argo CD will do with the undo (GitOpsGuard), under the question; empty: nothing.
    void setGitOpsNote(const QString &text);
    QString gitOpsNote() const;
    QTreeWidget *revisionList() const { return m_list; }
    QPushButton *rollBackButton() const { return m_rollBack; }

private:
    QTreeWidget *m_list;
    QPushButton *m_rollBack;
    QLabel *m_gitOps = nullptr;
};
