// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutactionbar.h"

#include "detailstyle.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QResizeEvent>
#include <QToolButton>
#include <QVBoxLayout>

RolloutActionBar::RolloutActionBar(const QMap<RolloutAction, QAction *> &actions, QWidget *parent) :
    QWidget(parent), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("actionBar"));
    auto *buttons = new QHBoxLayout;
    m_buttonRow = buttons;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(4);
    for (RolloutAction action : allRolloutActions()) {
        QAction *qaction = actions.value(action);
        if (!qaction)
            continue;
        auto *button = new QToolButton(this);
        button->setDefaultAction(qaction);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setAutoRaise(false);
        QString name = qaction->objectName();
        name.replace(QLatin1String("Action"), QLatin1String("Button"));
        button->setObjectName(name);
        buttons->addWidget(button);
        m_buttons.insert(action, button);
    }
    buttons->addStretch(1);
    m_message->setObjectName(QStringLiteral("actionMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(3);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
    layout->addStretch(1);
}

void RolloutActionBar::addMenuButton(QAction *action)
{
    auto *button = new QToolButton(this);
    button->setDefaultAction(action);
    button->setPopupMode(QToolButton::InstantPopup);
    button->setToolButtonStyle(Qt::ToolButtonTextOnly);
    // Room for the menu arrow beside the text (the style draws it over the text otherwise).
    button->setMinimumWidth(button->sizeHint().width() + button->fontMetrics().height());
    QString name = action->objectName();
    name.replace(QLatin1String("Action"), QLatin1String("Button"));
    button->setObjectName(name);
    // Before the stretch, after a little gap: it is not one of the actions.
    m_buttonRow->insertSpacing(m_buttonRow->count() - 1, 8);
    m_buttonRow->insertWidget(m_buttonRow->count() - 1, button);
    m_menuButtons.append(button);
}

void RolloutActionBar::setButtonVisible(RolloutAction action, bool visible)
{
    QToolButton *button = m_buttons.value(action);
    if (!button || button->isVisibleTo(this) == visible)
        return;
    button->setVisible(visible);
    m_textWidth = 0;
    fitButtons(width());
}

int RolloutActionBar::buttonsWidth() const
{
    int total = 0;
    for (const QToolButton *button : m_buttons) {
        if (button->isVisibleTo(this))
            total += button->sizeHint().width() + 4;
    }
    for (const QToolButton *button : m_menuButtons)
        total += button->sizeHint().width() + 12;
    return total;
}

QSize RolloutActionBar::minimumSizeHint() const
{
    int iconsWidth = 0;
    for (const QToolButton *button : m_buttons) {
        if (button->isVisibleTo(this))
            iconsWidth += button->iconSize().width() + 2 * button->fontMetrics().height() / 2 + 4;
    }
    for (const QToolButton *button : m_menuButtons)
        iconsWidth += button->sizeHint().width() + 12;
    return QSize(iconsWidth, QWidget::minimumSizeHint().height());
}

void RolloutActionBar::fitButtons(int width)
{
    const bool hadTexts = m_buttons.isEmpty()
        || m_buttons.first()->toolButtonStyle() == Qt::ToolButtonTextBesideIcon;
    if (hadTexts || m_textWidth == 0) {
        // Measure with texts (the size hint follows the style).
        for (QToolButton *button : m_buttons)
            button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        m_textWidth = buttonsWidth();
    }
    const Qt::ToolButtonStyle style
        = width >= m_textWidth ? Qt::ToolButtonTextBesideIcon : Qt::ToolButtonIconOnly;
    for (QToolButton *button : m_buttons)
        button->setToolButtonStyle(style);
}

void RolloutActionBar::resizeEvent(QResizeEvent *event)
{
    fitButtons(event->size().width());
    QWidget::resizeEvent(event);
}

void RolloutActionBar::setMessage(const QString &text, bool isError)
{
    m_isError = isError;
    QPalette palette = m_message->palette();
    palette.setColor(QPalette::WindowText,
                     isError ? DetailStyle::failedColour()
                             : this->palette().color(QPalette::WindowText));
    m_message->setPalette(palette);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString RolloutActionBar::message() const
{
    return m_message->text();
}
