// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rolloutaction.h"

#include <QList>
#include <QMap>
#include <QWidget>

class QAction;
class QLabel;
class QToolButton;

// One button per rollout action (its QAction as the default action, so the button follows
// the action's text, enabled state and tooltip) and, below, the line that reports what the
// last action did: progress, success, or a failure in red. The text can be selected and
// copied into a ticket.
class RolloutActionBar : public QWidget
{
    Q_OBJECT

public:
    explicit RolloutActionBar(const QMap<RolloutAction, QAction *> &actions,
                              QWidget *parent = nullptr);

    // Shows or hides the buttons as the actions' states say.
    void setButtonVisible(RolloutAction action, bool visible);
    QToolButton *button(RolloutAction action) const { return m_buttons.value(action); }

    void setMessage(const QString &text, bool isError);
    QString message() const;
    bool isErrorMessage() const { return m_isError; }

private:
    QMap<RolloutAction, QToolButton *> m_buttons;
    QLabel *m_message;
    bool m_isError = false;
};
