// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flaggeraction.h"

#include <QMap>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QToolButton;

// The actions of a Flagger canary's detail: Suspend (spec.suspend = true), Resume, Promote
// (the load tester's confirm-promotion gate), Close gate and Roll back (its rollback gate), as
// buttons on their QActions (object names "canarySuspendAction"/"canarySuspendButton",
// "canaryResume…", "canaryPromote…", "canaryHalt…", "canaryRollback…"), and below them the line
// that says what the last action did, red for a failure. As the rollout's action bar: suspending is
// one click; resuming and promoting ask first in a protected environment, rolling back always,
// naming environment, namespace and canary, with Cancel as the default. Then actionRequested() is
// emitted with the canary the person saw when they clicked (a selection that changes while the
// question is open does not change it); the controller sends it.
class FlaggerCanaryActionBar : public QWidget
{
    Q_OBJECT

public:
    explicit FlaggerCanaryActionBar(QWidget *parent = nullptr);

    // The canary the actions are for: what the confirmation names and actionRequested() carries.
    void setTarget(const FlaggerCanaryTarget &target);
    void setEnvironmentProtected(bool isProtected);
    // Enabled or not; toolTip: the action's effect, or why it is not offered.
    void setActionState(FlaggerAction action, bool enabled, const QString &toolTip);
    void setMessage(const QString &text, bool isError);
    QString message() const;
    bool isErrorMessage() const { return m_isError; }

    QAction *action(FlaggerAction action) const { return m_actions.value(action); }
    QToolButton *button(FlaggerAction action) const { return m_buttons.value(action); }
    // The actions the bar offers, in its order.
    static QList<FlaggerAction> offered();

    // Tests answer the confirmation without a modal dialog (false: Cancel).
    using ConfirmFunction = std::function<bool(FlaggerAction action)>;
    void setConfirmFunction(ConfirmFunction confirm) { m_confirm = std::move(confirm); }

signals:
    void actionRequested(FlaggerAction action, const FlaggerCanaryTarget &target);

private:
    void trigger(FlaggerAction action);
    bool askConfirmation(FlaggerAction action, const FlaggerCanaryTarget &target);
    // The confirmation's question, one sentence per action naming the canary and environment.
    static QString question(FlaggerAction action, const FlaggerCanaryTarget &target);
    // What the confirmation says the action will do.
    static QString consequence(FlaggerAction action);

    QMap<FlaggerAction, QAction *> m_actions;
    QMap<FlaggerAction, QToolButton *> m_buttons;
    QLabel *m_message;
    bool m_isError = false;
    bool m_protected = false;
    FlaggerCanaryTarget m_target;
    ConfirmFunction m_confirm;
};
