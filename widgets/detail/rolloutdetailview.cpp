// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutdetailview.h"

#include "detailstyle.h"
#include "detailtreeview.h"
#include "rolloutactionbar.h"
#include "rolloutactionui.h"
#include "rolloutdetailtabs.h"
#include "rolloutheader.h"
#include "rolloutstepsview.h"

#include <QAction>
#include <QDataStream>
#include <QLabel>
#include <QMenu>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QVBoxLayout>

namespace {

// Ages are whole seconds or coarser; refreshing them more often is wasted work when
// setDetail() arrives ten times a second.
constexpr qint64 ageRefreshMSecs = 5000;

} // namespace

class RolloutDetailView::Private
{
    Q_DECLARE_TR_FUNCTIONS(RolloutDetailView)

public:
    explicit Private(RolloutDetailView *q) : q(q) { }

    void applyActionState(RolloutAction action);
    void trigger(RolloutAction action);
    void sync(const RolloutDetail &previous, bool force);
    void updateCountdownTimer(const QDateTime &now);
    void tickCountdown();
    // The constructor's parts, in its order: each uses what the ones before made.
    void createActions();
    void createCopyCommand();
    QWidget *createContent(); // header with the action bar, notices, steps and tabs
    void createTimers();
    QDateTime now() const { return clock ? clock() : QDateTime::currentDateTimeUtc(); }

    RolloutDetailView *q;
    RolloutDetail detail;
    RolloutActionStates states;
    std::function<QDateTime()> clock;
    ConfirmFunction confirm;
    bool environmentProtected = false;
    QDateTime lastFullSync;
    QMap<RolloutAction, QAction *> actions;
    QAction *copyCommand = nullptr;
    QStackedWidget *stack = nullptr;
    QLabel *placeholder = nullptr;
    RolloutHeader *header = nullptr;
    RolloutActionBar *actionBar = nullptr;
    QLabel *notices = nullptr;
    QSplitter *splitter = nullptr;
    RolloutStepsView *steps = nullptr;
    RolloutDetailTabs *tabs = nullptr;
    QTimer *countdownTimer = nullptr;
    QTimer *ageTimer = nullptr;
};

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
            : RolloutActionUi::askConfirmation(q, action, detail, now(), &revision);
        if (!confirmed)
            return;
        if (action == RolloutAction::Undo && revision <= 0)
            return;
    }
    emit q->actionRequested(action, action == RolloutAction::Undo ? revision : 0);
}

void RolloutDetailView::Private::sync(const RolloutDetail &previous, bool force)
{
    const QDateTime time = now();
    const bool newRollout = previous.environment != detail.environment
        || previous.rollout.metadata.uid != detail.rollout.metadata.uid;
    const bool stale = force || newRollout || !lastFullSync.isValid() || time < lastFullSync
        || lastFullSync.msecsTo(time) >= ageRefreshMSecs;
    const bool rolloutChanged = stale || previous.rollout != detail.rollout
        || previous.observations != detail.observations || previous.staleSince != detail.staleSince
        || previous.staleReason != detail.staleReason
        || previous.environmentColour != detail.environmentColour;
    const bool replicaSetsChanged = rolloutChanged || previous.replicaSets != detail.replicaSets
        || previous.podsByReplicaSetUid != detail.podsByReplicaSetUid;
    // Another rollout starts from the rows' defaults (expansion) at the top of each list.
    const DetailUpdate how = newRollout ? DetailUpdate::Reset : DetailUpdate::InPlace;
    if (replicaSetsChanged)
        header->setDetail(detail, time);
    if (rolloutChanged) {
        steps->setRollout(detail.rollout, time, detail.observations, !detail.isStale(), how);
        if (newRollout)
            steps->tree()->scrollToTop();
    }
    tabs->setDetail(detail, time,
                    {replicaSetsChanged, stale || previous.analysisRuns != detail.analysisRuns,
                     stale || previous.events != detail.events},
                    how);
    if (stale)
        lastFullSync = time;
    const QString noticeText = detail.notices.join(QLatin1Char('\n'));
    if (notices->text() != noticeText)
        notices->setText(noticeText);
    notices->setVisible(!noticeText.isEmpty());
    updateCountdownTimer(time);
}

void RolloutDetailView::Private::updateCountdownTimer(const QDateTime &now)
{
    // The situation has no countdown while the environment is stale or a person paused.
    const std::optional<qint64> left
        = detail.isValid() ? detail.situation(now).remainingMSecs : std::nullopt;
    if (left && *left > 0) {
        if (!countdownTimer->isActive())
            countdownTimer->start();
    } else {
        countdownTimer->stop();
    }
}

void RolloutDetailView::Private::tickCountdown()
{
    const QDateTime time = now();
    header->updateCountdown(time);
    steps->updateCountdown(time);
    updateCountdownTimer(time);
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

QWidget *RolloutDetailView::Private::createContent()
{
    auto *content = new QWidget;
    header = new RolloutHeader;
    actionBar = new RolloutActionBar(actions);
    actionBar->addMenuButton(copyCommand);
    notices = new QLabel;
    notices->setObjectName(QStringLiteral("notices"));
    notices->setWordWrap(true);
    notices->setTextInteractionFlags(Qt::TextSelectableByMouse);
    notices->setContentsMargins(8, 3, 8, 3);
    notices->setStyleSheet(
        DetailStyle::boxStyleSheet(QStringLiteral("QLabel#notices"), QColor(0xe8, 0xf1, 0xfb),
                                   QColor(0x1a, 0x3d, 0x66), QColor(0xb6, 0xd0, 0xee)));
    notices->hide();
    steps = new RolloutStepsView;
    tabs = new RolloutDetailTabs;
    splitter = new QSplitter(Qt::Horizontal);
    splitter->setObjectName(QStringLiteral("detailSplitter"));
    splitter->addWidget(steps);
    splitter->addWidget(tabs);
    splitter->setChildrenCollapsible(false);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({320, 960});

    header->setActionBar(actionBar);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(10, 8, 10, 6);
    layout->setSpacing(6);
    layout->addWidget(header);
    layout->addWidget(notices);
    layout->addWidget(splitter, 1);
    return content;
}

void RolloutDetailView::Private::createTimers()
{
    countdownTimer = new QTimer(q);
    countdownTimer->setObjectName(QStringLiteral("countdownTimer"));
    countdownTimer->setInterval(1000);
    QObject::connect(countdownTimer, &QTimer::timeout, q, [this] { tickCountdown(); });
    ageTimer = new QTimer(q);
    ageTimer->setObjectName(QStringLiteral("ageTimer"));
    ageTimer->setInterval(int(ageRefreshMSecs) * 2);
    QObject::connect(ageTimer, &QTimer::timeout, q, [this] {
        if (detail.isValid())
            sync(detail, true);
    });
}

RolloutDetailView::RolloutDetailView(QWidget *parent) : QWidget(parent), d(new Private(this))
{
    setObjectName(QStringLiteral("rolloutDetailView"));
    d->createActions();
    d->createCopyCommand();
    d->stack = new QStackedWidget(this);
    d->placeholder = new QLabel(tr("Select a rollout to see its steps, ReplicaSets and analysis"));
    d->placeholder->setObjectName(QStringLiteral("detailPlaceholder"));
    d->placeholder->setAlignment(Qt::AlignCenter);
    d->placeholder->setWordWrap(true);
    QPalette quiet = d->placeholder->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    d->placeholder->setPalette(quiet);
    d->stack->addWidget(d->placeholder);
    d->stack->addWidget(d->createContent());
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(d->stack);
    d->createTimers();
    clear();
}

RolloutDetailView::~RolloutDetailView()
{
    delete d;
}

void RolloutDetailView::setDetail(const RolloutDetail &detail)
{
    if (!detail.isValid()) {
        clear();
        return;
    }
    const RolloutDetail previous = d->detail;
    d->detail = detail;
    const bool wasEmpty = !previous.isValid();
    d->sync(previous, false);
    if (wasEmpty) {
        d->stack->setCurrentIndex(1);
        d->ageTimer->start();
        for (RolloutAction action : allRolloutActions())
            d->applyActionState(action);
    }
}

const RolloutDetail &RolloutDetailView::detail() const
{
    return d->detail;
}

void RolloutDetailView::clear()
{
    d->detail = RolloutDetail();
    d->lastFullSync = QDateTime();
    d->countdownTimer->stop();
    d->ageTimer->stop();
    d->stack->setCurrentIndex(0);
    for (RolloutAction action : allRolloutActions())
        d->applyActionState(action);
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

void RolloutDetailView::setClock(std::function<QDateTime()> clock)
{
    d->clock = std::move(clock);
    if (d->detail.isValid())
        d->sync(d->detail, true);
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

void RolloutDetailView::addPage(QWidget *page, const QString &title)
{
    d->tabs->addTab(page, title);
}

QByteArray RolloutDetailView::saveLayout() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << quint8(1) << d->splitter->saveState() << qint32(d->tabs->currentIndex());
    return state;
}

void RolloutDetailView::restoreLayout(const QByteArray &state)
{
    QDataStream in(state);
    quint8 version = 0;
    QByteArray splitter;
    qint32 tab = 0;
    in >> version >> splitter >> tab;
    if (in.status() != QDataStream::Ok || version != 1)
        return;
    d->splitter->restoreState(splitter);
    if (tab >= 0 && tab < d->tabs->count())
        d->tabs->setCurrentIndex(tab);
}
