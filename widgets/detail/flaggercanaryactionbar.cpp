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

void FlaggerCanaryActionBar::setTarget(const FlaggerCanaryTarget &target)
{
    m_target = target;
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
    // The canary on screen now is the one asked about and acted on: the selection may move on
    // while the question is open (the window keeps running), the action does not.
    const FlaggerCanaryTarget target = m_target;
    if (ask && !askConfirmation(action, target))
        return;
    emit actionRequested(action, target);
}

bool FlaggerCanaryActionBar::askConfirmation(FlaggerAction action,
                                             const FlaggerCanaryTarget &target)
{
    if (m_confirm)
        return m_confirm(action);
    const QString where
        = QStringLiteral("%1 / %2 / %3").arg(target.environment, target.namespaceName, target.name);
    QMessageBox box(QMessageBox::Warning, tr("%1: %2").arg(FlaggerActions::label(action), where),
                    question(action, target), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("confirmActionDialog"));
    box.setInformativeText(consequence(action));
    QPushButton *go = box.addButton(FlaggerActions::label(action), QMessageBox::AcceptRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    return box.clickedButton() == go;
}

QString FlaggerCanaryActionBar::question(FlaggerAction action, const FlaggerCanaryTarget &target)
{
    const QString canary = target.namespaceName + QLatin1Char('/') + target.name;
    // A sentence per action: the button's label is not a verb phrase in every language.
    switch (action) {
    case FlaggerAction::Pause:
        return tr("Suspend Flagger canary %1 in %2?").arg(canary, target.environment);
    case FlaggerAction::Resume:
        return tr("Resume Flagger canary %1 in %2?").arg(canary, target.environment);
    case FlaggerAction::Promote:
        return tr("Open the promotion gate of Flagger canary %1 in %2?")
            .arg(canary, target.environment);
    case FlaggerAction::Halt:
        return tr("Close the load tester's gate of Flagger canary %1 in %2?")
            .arg(canary, target.environment);
    case FlaggerAction::Rollback:
        break;
    }
    return tr("Roll back Flagger canary %1 in %2?").arg(canary, target.environment);
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
