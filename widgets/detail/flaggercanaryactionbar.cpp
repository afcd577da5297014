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

namespace {

struct ActionLook
{
    const char *objectName;
    QStyle::StandardPixmap icon;
};

ActionLook lookOf(FlaggerAction action)
{
    switch (action) {
    case FlaggerAction::Pause:
        return {"canarySuspend", QStyle::SP_MediaPause};
    case FlaggerAction::Resume:
        return {"canaryResume", QStyle::SP_MediaPlay};
    case FlaggerAction::Promote:
        return {"canaryPromote", QStyle::SP_MediaSkipForward};
    case FlaggerAction::Halt:
        return {"canaryHalt", QStyle::SP_MediaStop};
    case FlaggerAction::Rollback:
        break;
    }
    return {"canaryRollback", QStyle::SP_MediaSeekBackward};
}

} // namespace

QList<FlaggerAction> FlaggerCanaryActionBar::offered()
{
    // Promote and roll back open the load tester's gates, Close gate shuts the first one again
    // (a promotion opened too early); where the canary has no such webhook they stay disabled
    // and their tooltip says why (FlaggerActions::plan).
    return {FlaggerAction::Pause, FlaggerAction::Resume, FlaggerAction::Promote,
            FlaggerAction::Halt, FlaggerAction::Rollback};
}

FlaggerCanaryActionBar::FlaggerCanaryActionBar(QWidget *parent) :
    QWidget(parent), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("canaryActionBar"));
    auto *buttons = new QHBoxLayout;
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->setSpacing(4);
    for (const FlaggerAction action : offered()) {
        const ActionLook look = lookOf(action);
        const QString name = QString::fromLatin1(look.objectName);
        auto *qaction = new QAction(FlaggerActions::label(action), this);
        qaction->setObjectName(name + QStringLiteral("Action"));
        qaction->setIcon(DetailStyle::paletteIcon(style()->standardIcon(look.icon), palette()));
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
    // Suspending must stay one click; resuming or promoting lets traffic move again, so a
    // protected environment asks first, as the rollout's action bar does; a rollback always
    // asks (it ends the release).
    const bool ask
        = action == FlaggerAction::Rollback || (action != FlaggerAction::Pause && m_protected);
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
    box.setInformativeText(consequence(action));
    QPushButton *go = box.addButton(FlaggerActions::label(action), QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == go;
}

QString FlaggerCanaryActionBar::consequence(FlaggerAction action)
{
    switch (action) {
    case FlaggerAction::Promote:
        return tr("This opens the confirm-promotion gate of the canary's load tester: Flagger "
                  "promotes the canary at its next check. The gate stays open until it is "
                  "closed.");
    case FlaggerAction::Rollback:
        return tr("This opens the rollback gate of the canary's load tester: at its next check "
                  "Flagger routes all traffic back to the primary and scales the canary down. "
                  "The gate stays open, and would roll back the next release too, until it is "
                  "closed (Close gate).");
    case FlaggerAction::Halt:
        return tr("This closes the canary's gate (after a rollback, its rollback gate): Flagger "
                  "waits at it again.");
    case FlaggerAction::Pause:
    case FlaggerAction::Resume:
        break;
    }
    return tr("Flagger reconciles the canary again: its analysis goes on from where it was "
              "suspended.");
}
