// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggercanaryactionbar.h"

#include "detailstyle.h"
#include "themecolours.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

QList<FlaggerAction> FlaggerCanaryActionBar::offered()
{
    return {FlaggerAction::Pause, FlaggerAction::Resume};
}

FlaggerCanaryActionBar::FlaggerCanaryActionBar(QWidget *parent) :
    QWidget(parent), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("canaryActionBar"));
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(4);
    for (const FlaggerAction action : offered()) {
        const bool pause = action == FlaggerAction::Pause;
        const QString name
            = pause ? QStringLiteral("canarySuspend") : QStringLiteral("canaryResume");
        auto *qaction = new QAction(FlaggerActions::label(action), this);
        qaction->setObjectName(name + QStringLiteral("Action"));
        qaction->setIcon(DetailStyle::paletteIcon(
            style()->standardIcon(pause ? QStyle::SP_MediaPause : QStyle::SP_MediaPlay),
            palette()));
        qaction->setEnabled(false);
        connect(qaction, &QAction::triggered, this, [this, action] { trigger(action); });
        auto *button = new QToolButton(this);
        button->setDefaultAction(qaction);
        button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
        button->setObjectName(name + QStringLiteral("Button"));
        buttons->addWidget(button);
        m_actions.insert(action, qaction);
        m_buttons.insert(action, button);
    }
    buttons->addStretch(1);
    m_message->setObjectName(QStringLiteral("canaryActionMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(3);
    layout->addLayout(buttons);
    layout->addWidget(m_message);
}

void FlaggerCanaryActionBar::setTarget(const QString &environment, const QString &namespaceName,
                                       const QString &name)
{
    m_environment = environment;
    m_namespace = namespaceName;
    m_name = name;
}

void FlaggerCanaryActionBar::setEnvironmentProtected(bool isProtected)
{
    m_protected = isProtected;
}

void FlaggerCanaryActionBar::setActionState(FlaggerAction action, bool enabled,
                                            const QString &toolTip)
{
    QAction *qaction = m_actions.value(action);
    if (!qaction)
        return;
    qaction->setEnabled(enabled);
    qaction->setToolTip(toolTip);
}

void FlaggerCanaryActionBar::setMessage(const QString &text, bool isError)
{
    m_isError = isError && !text.isEmpty();
    QPalette palette = this->palette();
    if (m_isError)
        palette.setColor(QPalette::WindowText,
                         ThemeColours::foreground(DetailStyle::failedColour()));
    m_message->setPalette(palette);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

QString FlaggerCanaryActionBar::message() const
{
    return m_message->text();
}

void FlaggerCanaryActionBar::trigger(FlaggerAction action)
{
    // Suspending must stay one click; resuming lets traffic move again, so a protected
    // environment asks first, as the rollout's action bar does.
    const bool ask = action != FlaggerAction::Pause && m_protected;
    if (ask && !askConfirmation(action))
        return;
    emit actionRequested(action);
}

bool FlaggerCanaryActionBar::askConfirmation(FlaggerAction action)
{
    if (m_confirm)
        return m_confirm(action);
    const QString target = QStringLiteral("%1 / %2 / %3").arg(m_environment, m_namespace, m_name);
    QMessageBox box(QMessageBox::Warning, tr("%1: %2").arg(FlaggerActions::label(action), target),
                    tr("%1 Flagger canary %2 in namespace %3 of environment %4?")
                        .arg(FlaggerActions::label(action), m_name, m_namespace, m_environment),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmActionDialog"));
    box.setInformativeText(tr("Flagger reconciles the canary again: its analysis goes on from "
                              "where it was suspended."));
    QPushButton *go = box.addButton(FlaggerActions::label(action), QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == go;
}
