// SPDX-License-Identifier: GPL-3.0-or-later
// RolloutDetailView's actions: one QAction per RolloutAction, their states and confirmations,
// and the "Copy kubectl Command" menu.
#include "rolloutdetailviewprivate.h"

#include "detailstyle.h"
#include "rolloutactionbar.h"
#include "rolloutactionui.h"

#include <QMenu>
#include <QStyle>

void RolloutDetailView::Private::applyActionState(RolloutAction action)
{
    QAction *qaction = actions.value(action);
    const RolloutActionState state = states.value(action, RolloutActionState {});
    const bool hasRollout = detail.isValid();
    copyCommand->setEnabled(hasRollout);
    qaction->setVisible(state.visible);
    actionBar->setButtonVisible(action, state.visible);
    qaction->setEnabled(hasRollout && state.enabled && !state.pending);
    qaction->setText(state.pending ? rolloutActionProgressText(action)
                                   : rolloutActionLabel(action));
    QString tip;
    if (state.pending)
        tip = tr("%1 Waiting for the cluster to show the change.")
                  .arg(rolloutActionProgressText(action));
    else if (!state.enabled && !state.reason.isEmpty())
        tip = state.reason;
    else
        tip = RolloutActionUi::description(action);
    if (!qaction->shortcut().isEmpty())
        tip += QStringLiteral(" (%1)").arg(qaction->shortcut().toString(QKeySequence::NativeText));
    // Pause never asks: its tooltip is where the person learns what Argo CD will do.
    if (!state.gitOpsNote.isEmpty())
        tip += QStringLiteral("\n\n") + state.gitOpsNote;
    qaction->setToolTip(tip);
}

void RolloutDetailView::Private::trigger(RolloutAction action)
{
    if (!detail.isValid())
        return;
    qint64 revision = 0;
    const bool ask = rolloutActionNeedsConfirmation(action, environmentProtected);
    if (ask) {
        const bool confirmed = confirm
            ? confirm(action, &revision)
            : RolloutActionUi::askConfirmation(q, action, detail, now(), &revision,
                                               states.value(action).gitOpsNote);
        if (!confirmed)
            return;
        if (action == RolloutAction::Undo && revision <= 0)
            return;
    }
    emit q->actionRequested(action, action == RolloutAction::Undo ? revision : 0);
}

void RolloutDetailView::Private::createActions()
{
    for (RolloutAction action : allRolloutActions()) {
        auto *qaction = new QAction(rolloutActionLabel(action), q);
        qaction->setObjectName(RolloutActionUi::objectName(action));
        qaction->setIcon(DetailStyle::paletteIcon(
            q->style()->standardIcon(RolloutActionUi::icon(action)), q->palette()));
        if (action == RolloutAction::Pause)
            qaction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P));
        else if (action == RolloutAction::Abort)
            qaction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A));
        // Added to the view too, so the shortcuts work wherever the focus is in the window.
        q->addAction(qaction);
        QObject::connect(qaction, &QAction::triggered, q, [this, action] { trigger(action); });
        actions.insert(action, qaction);
    }
}

void RolloutDetailView::Private::createCopyCommand()
{
    copyCommand = new QAction(tr("Copy kubectl Command"), q);
    copyCommand->setObjectName(QStringLiteral("copyCommandAction"));
    copyCommand->setToolTip(
        tr("Copy the command that does the same from a terminal (kubectl argo rollouts)"));
    auto *copyMenu = new QMenu(q);
    copyMenu->setObjectName(QStringLiteral("copyCommandMenu"));
    for (RolloutAction action : allRolloutActions()) {
        QAction *entry = copyMenu->addAction(rolloutActionLabel(action).remove(QChar(0x2026)));
        entry->setObjectName(QStringLiteral("copy-") + rolloutActionId(action));
        QObject::connect(entry, &QAction::triggered, q, [this, action] {
            if (detail.isValid())
                emit q->copyCommandRequested(action);
        });
    }
    copyCommand->setMenu(copyMenu);
}

void RolloutDetailView::setActionStates(const RolloutActionStates &states)
{
    d->states = states;
    for (RolloutAction action : allRolloutActions())
        d->applyActionState(action);
}

RolloutActionStates RolloutDetailView::actionStates() const
{
    return d->states;
}

void RolloutDetailView::setActionMessage(const QString &text, bool isError)
{
    d->actionBar->setMessage(text, isError);
}

QString RolloutDetailView::actionMessage() const
{
    return d->actionBar->message();
}

QAction *RolloutDetailView::action(RolloutAction action) const
{
    return d->actions.value(action);
}

QAction *RolloutDetailView::copyCommandAction() const
{
    return d->copyCommand;
}

void RolloutDetailView::setEnvironmentProtected(bool isProtected)
{
    d->environmentProtected = isProtected;
}

bool RolloutDetailView::isEnvironmentProtected() const
{
    return d->environmentProtected;
}

void RolloutDetailView::setConfirmFunction(ConfirmFunction confirm)
{
    d->confirm = std::move(confirm);
}
