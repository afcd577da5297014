// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutdetailview.h"

#include "detailstyle.h"
#include "detailtreeview.h"
#include "gatesview.h"
#include "rolloutactionbar.h"
#include "rolloutdetailtabs.h"
#include "rolloutdetailviewprivate.h"
#include "rolloutheader.h"
#include "rolloutstepsview.h"
#include "safetynetsview.h"

#include <QDataStream>
#include <QLabel>
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
    if (newRollout)
        header->setSafetyNets(nullptr); // the tabs drop theirs in setDetail()
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
    d->tabs->clearGateReport(QString());
    clearSafetyNets(QString());
    for (RolloutAction action : allRolloutActions())
        d->applyActionState(action);
}

void RolloutDetailView::setGateReport(const GateReport &report)
{
    d->tabs->setGateReport(report);
}

void RolloutDetailView::clearGateReport(const QString &why)
{
    d->tabs->clearGateReport(why);
}

void RolloutDetailView::setGateIntervalMs(qint64 intervalMs)
{
    d->tabs->setGateIntervalMs(intervalMs);
}

void RolloutDetailView::setSafetyNets(const SafetyNets &nets)
{
    // Only the shown rollout's: a late answer about the one shown before says nothing here.
    if (nets.environment != d->detail.environment
        || nets.namespace_ != d->detail.rollout.metadata.namespaceName
        || nets.rollout != d->detail.rollout.metadata.name)
        return;
    d->tabs->setSafetyNets(nets);
    d->header->setSafetyNets(&nets);
}

void RolloutDetailView::clearSafetyNets(const QString &why)
{
    d->tabs->clearSafetyNets(why);
    d->header->setSafetyNets(nullptr);
}

void RolloutDetailView::setClock(std::function<QDateTime()> clock)
{
    d->clock = std::move(clock);
    d->tabs->gatesView()->setClock(d->clock);
    d->tabs->safetyNetsView()->setClock(d->clock);
    if (d->detail.isValid())
        d->sync(d->detail, true);
}

void RolloutDetailView::addPage(QWidget *page, const QString &title)
{
    d->tabs->addTab(page, title);
}

QByteArray RolloutDetailView::saveLayout() const
{
    QByteArray state;
    QDataStream out(&state, QIODevice::WriteOnly);
    out << quint8(4) << d->splitter->saveState() << qint32(d->tabs->currentIndex());
    return state;
}

void RolloutDetailView::restoreLayout(const QByteArray &state)
{
    QDataStream in(state);
    quint8 version = 0;
    QByteArray splitter;
    qint32 tab = 0;
    in >> version >> splitter >> tab;
    if (in.status() != QDataStream::Ok || version < 1 || version > 4)
        return;
    // Version 1 was saved before the gates tab, version 2 before the safety nets, version 3
    // before the traffic tab: their later pages sit one further on for each.
    if (version == 1 && tab >= RolloutDetailTabs::GatesTab)
        ++tab;
    if (version <= 2 && tab >= RolloutDetailTabs::SafetyNetsTab)
        ++tab;
    if (version <= 3 && tab >= RolloutDetailTabs::TrafficTab)
        ++tab;
    d->splitter->restoreState(splitter);
    if (tab >= 0 && tab < d->tabs->count())
        d->tabs->setCurrentIndex(tab);
}
