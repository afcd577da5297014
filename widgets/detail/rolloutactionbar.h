// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rolloutaction.h"

#include <QList>
#include <QMap>
#include <QWidget>

class QAction;
class QHBoxLayout;
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

    // A button after the action buttons that opens action's menu at once.
    void addMenuButton(QAction *action);
    // Shows or hides the buttons as the actions' states say.
    void setButtonVisible(RolloutAction action, bool visible);
    QToolButton *button(RolloutAction action) const { return m_buttons.value(action); }

    void setMessage(const QString &text, bool isError);
    QString message() const;
    bool isErrorMessage() const { return m_isError; }

    // Icon-only buttons: the bar may get narrower than the buttons with their texts.
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    // Texts beside the icons when they fit, else icons only (the tooltip keeps the text).
    void fitButtons(int width);
    int buttonsWidth() const;

    QMap<RolloutAction, QToolButton *> m_buttons;
    QHBoxLayout *m_buttonRow = nullptr;
    QList<QToolButton *> m_menuButtons;
    QLabel *m_message;
    bool m_isError = false;
    int m_textWidth = 0; // of the visible buttons with texts, measured while they had them
};
