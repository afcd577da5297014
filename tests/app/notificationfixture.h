// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// What the notification tests (tst_notifications, tst_notificationsdbus) share: the window's
// notification parts found by object name, the demo's clock played by hand, and a rollout
// action clicked as a person clicks it.

#include "demowindow.h"
#include "desktopnotifier.h"
#include "fleetmodel.h"
#include "notice.h"
#include "notificationcenter.h"
#include "rolloutdetailview.h"

#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

namespace NotificationTest {

constexpr int timeoutMs = 30000;

inline const QStringList demoEnvironments {QStringLiteral("dev"), QStringLiteral("staging"),
                                           QStringLiteral("prod")};

template<typename W> NotificationCenter *notificationCenter(const W &window)
{
    return windowPart<NotificationCenter>(window, "notificationCenter");
}

template<typename W> DesktopNotifier *desktopNotifier(const W &window)
{
    return windowPart<DesktopNotifier>(window, "desktopNotifier");
}

// Every environment has been live long enough for its changes to be told.
inline bool allSettled(const NotificationCenter *center)
{
    for (const QString &environment : demoEnvironments) {
        if (!center->isSettled(environment))
            return false;
    }
    return true;
}

// Moves the demo's frozen clock on in steps, its controllers reconciling after each, and
// lets the window take in what the watches bring.
inline void play(DemoFleet &demo, qint64 stepMs, int steps, int waitMs = 60)
{
    for (int i = 0; i < steps; ++i) {
        demo.advanceClock(stepMs);
        demo.reconcileOnce();
        if (waitMs > 0)
            QTest::qWait(waitMs);
    }
}

// The rollout as the window's model holds it now; null while it is not listed.
inline std::shared_ptr<const Rollout> rolloutOf(const MainWindow *window,
                                                const QString &environment, const QString &ns,
                                                const QString &name)
{
    const QModelIndex index
        = window->fleetModel()->indexOf(environment, FleetRow::Kind::Rollout, ns, name);
    return index.isValid() ? window->fleetModel()->rolloutAt(index.row()) : nullptr;
}

// Selects the rollout and clicks the action bar's button (e.g. "pauseButton") once it is
// enabled. False when either did not happen.
inline bool clickAction(MainWindow *window, const QString &environment, const QString &ns,
                        const QString &name, const char *button)
{
    if (!selectDemoRow(window, environment, ns, name, timeoutMs))
        return false;
    auto *tool
        = detailPane(window)->rolloutView()->findChild<QToolButton *>(QString::fromLatin1(button));
    if (!tool || !QTest::qWaitFor([tool] { return tool->isEnabled(); }, timeoutMs))
        return false;
    QTest::mouseClick(tool, Qt::LeftButton);
    return true;
}

// The notices the spy (on NotificationCenter::noticeReady) caught.
inline QList<Notice> caught(const QSignalSpy &spy)
{
    QList<Notice> notices;
    for (const QList<QVariant> &arguments : spy)
        notices.append(arguments.at(0).value<Notice>());
    return notices;
}

// "kind env/ns/name" per notice about that environment (any when empty) and rollout (any
// when empty), in order.
inline QStringList about(const QList<Notice> &notices, const QString &environment = QString(),
                         const QString &name = QString())
{
    QStringList lines;
    for (const Notice &notice : notices) {
        if ((environment.isEmpty() || notice.environment == environment)
            && (name.isEmpty() || notice.rolloutName == name))
            lines.append(NoticeText::kindName(notice.kind) + QLatin1Char(' ') + notice.environment
                         + QLatin1Char('/') + notice.namespaceName + QLatin1Char('/')
                         + notice.rolloutName);
    }
    return lines;
}

} // namespace NotificationTest
