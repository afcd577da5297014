// SPDX-License-Identifier: GPL-3.0-or-later
// Notifications in the window on the demo fleet (rd-sim in process, its clock played by
// hand): nothing about what happened before the window started or while an environment was
// disconnected; a pause, a promotion and a finish a person makes in the window, and a release
// that fails or finishes while watched, each told exactly once; the settings dialog turns a
// kind off for an environment; the tray icon's worst state and menu. No session bus here, so
// notices reach the status bar (tst_notificationsdbus covers desktop notifications).
#include "notificationfixture.h"

#include "fleettrayicon.h"
#include "notificationsettingsdialog.h"
#include "rolloutstatus.h"

#include <QAction>
#include <QMenu>
#include <QSet>
#include <QSettings>
#include <QStatusBar>
#include <QTableWidget>

using namespace NotificationTest;

namespace {

// Before QApplication (QTEST_MAIN): a bus address that leads nowhere, so the session bus of
// whoever runs the tests is never used.
const bool noSessionBus = [] {
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/release-dashboard-tests-bus");
    return true;
}();

const QString staging = QStringLiteral("staging");
const QString prod = QStringLiteral("prod");
const QString dev = QStringLiteral("dev");

// Whether the simulator holds the rollout as fully promoted (its stable is its current).
bool storedAsPromoted(const DemoFleet &demo, const QString &environment, const QString &name)
{
    for (const QJsonObject &rollout :
         demo.objects(environment, QStringLiteral("argoproj.io"), QStringLiteral("rollouts"))) {
        const QJsonObject status = rollout.value(QStringLiteral("status")).toObject();
        if (rollout.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name"))
                == name
            && !status.value(QStringLiteral("currentPodHash")).toString().isEmpty())
            return status.value(QStringLiteral("stableRS"))
                == status.value(QStringLiteral("currentPodHash"));
    }
    return false;
}

NotificationSettingsDialog *openSettingsDialog(MainWindow *window)
{
    window->findChild<QAction *>(QStringLiteral("notificationSettingsAction"))->trigger();
    return window->findChild<NotificationSettingsDialog *>();
}

} // namespace

class TestNotifications : public QObject
{
    Q_OBJECT

private slots:
    void oldFactsAreNotToldWhatAPersonDoesIsToldOnce();
    void aKindTurnedOffForAnEnvironmentIsNotTold();
    void nothingFromAReconnectsCatchUpALiveReleaseIsTold();
    void cleanupTestCase() { QSettings().clear(); }

private:
    QTemporaryDir m_dir;
    std::unique_ptr<DemoFleet> m_demo;
    std::unique_ptr<MainWindow> m_window;
};

void TestNotifications::oldFactsAreNotToldWhatAPersonDoesIsToldOnce()
{
    QVERIFY(noSessionBus);
    QVERIFY(isolateGuiTest(m_dir));
    m_demo = std::make_unique<DemoFleet>(DemoFleet::Options {false});
    QString error;
    QVERIFY2(m_demo->start(&error), qPrintable(error));
    // Five minutes of the demo before the window opens: staging's checkout aborted after its
    // analysis failed, dev's finished, staging's payments-api and frontend wait for a person.
    play(*m_demo, 3000, 100, 0);
    m_window = openDemoWindow(*m_demo);
    NotificationCenter *center = notificationCenter(m_window);
    QSignalSpy spy(center, &NotificationCenter::noticeReady);
    QTRY_VERIFY_WITH_TIMEOUT(allSettled(center), timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(
        rolloutOf(m_window.get(), staging, QStringLiteral("shop"), QStringLiteral("checkout"))
            ->status.abort,
        timeoutMs);
    QTest::qWait(1000); // the AnalysisRuns' and Events' lists as well
    QCOMPARE(about(caught(spy)), QStringList());
    QCOMPARE(desktopNotifier(m_window)->channel(), DesktopNotifier::Channel::Window);

    QVERIFY(clickAction(m_window.get(), staging, QStringLiteral("payments"),
                        QStringLiteral("payments-api"), "pauseButton"));
    QTRY_COMPARE_WITH_TIMEOUT(spy.count(), 1, timeoutMs);
    play(*m_demo, 0, 10); // the controller marks it Paused; more batches, nothing new
    QCOMPARE(about(caught(spy)),
             QStringList {QStringLiteral("paused staging/payments/payments-api")});
    const Notice paused = caught(spy).first();
    QCOMPARE(paused.text, QStringLiteral("Paused at step 2 of 4; only Resume moves it on."));
    QCOMPARE(m_window->statusBar()->currentMessage(),
             QStringLiteral("Paused by a person: staging / payments / payments-api — "
                            "Paused at step 2 of 4; only Resume moves it on."));

    // The blue-green waiting for a person: promoted here, then finished.
    QVERIFY(clickAction(m_window.get(), staging, QStringLiteral("shop"), QStringLiteral("frontend"),
                        "promoteButton"));
    for (int i = 0; i < 90 && about(caught(spy), staging, QStringLiteral("frontend")).size() < 2;
         ++i)
        play(*m_demo, 1000, 1);
    play(*m_demo, 1000, 10);
    QCOMPARE(about(caught(spy), staging, QStringLiteral("frontend")),
             QStringList({QStringLiteral("promoted staging/shop/frontend"),
                          QStringLiteral("finished staging/shop/frontend")}));
    QCOMPARE(spy.count(), 3);
}

void TestNotifications::aKindTurnedOffForAnEnvironmentIsNotTold()
{
    QVERIFY(m_window);
    NotificationCenter *center = notificationCenter(m_window);
    QSignalSpy spy(center, &NotificationCenter::noticeReady);
    NotificationSettingsDialog *dialog = openSettingsDialog(m_window.get());
    QVERIFY(dialog);
    auto *table = dialog->findChild<QTableWidget *>(QStringLiteral("notificationSettingsTable"));
    const int row = demoEnvironments.indexOf(staging);
    const int column = int(allNoticeKinds().indexOf(Notice::Kind::Paused));
    QCOMPARE(table->verticalHeaderItem(row)->text(), staging);
    QCOMPARE(table->horizontalHeaderItem(column)->text(), QStringLiteral("Paused by a person"));
    QCOMPARE(table->item(row, column)->checkState(), Qt::Checked); // all on by default
    table->item(row, column)->setCheckState(Qt::Unchecked);
    dialog->accept();
    QVERIFY(!center->settings().isEnabled(staging, Notice::Kind::Paused));
    QVERIFY(center->settings().isEnabled(prod, Notice::Kind::Paused));
    QCOMPARE(QSettings().value(QStringLiteral("notifications/disabled")).toStringList(),
             QStringList {QStringLiteral("paused@staging")});

    // Resumed and paused again: told again if it were on (the person paused it anew).
    const QString ns = QStringLiteral("payments");
    const QString name = QStringLiteral("payments-api");
    QVERIFY(clickAction(m_window.get(), staging, ns, name, "resumeButton"));
    QTRY_VERIFY_WITH_TIMEOUT(!rolloutOf(m_window.get(), staging, ns, name)->spec.paused, timeoutMs);
    play(*m_demo, 0, 5);
    QVERIFY(clickAction(m_window.get(), staging, ns, name, "pauseButton"));
    QTRY_VERIFY_WITH_TIMEOUT(rolloutOf(m_window.get(), staging, ns, name)->spec.paused, timeoutMs);
    play(*m_demo, 0, 10);
    QCOMPARE(about(caught(spy)), QStringList());

    // On again: the next pause is told.
    NotificationSettings on = center->settings();
    on.setEnabled(staging, Notice::Kind::Paused, true);
    center->setSettings(on);
    QVERIFY(clickAction(m_window.get(), staging, ns, name, "resumeButton"));
    QTRY_VERIFY_WITH_TIMEOUT(!rolloutOf(m_window.get(), staging, ns, name)->spec.paused, timeoutMs);
    QVERIFY(clickAction(m_window.get(), staging, ns, name, "pauseButton"));
    QTRY_COMPARE_WITH_TIMEOUT(about(caught(spy)),
                              QStringList {QStringLiteral("paused staging/payments/payments-api")},
                              timeoutMs);
    m_window.reset();
    m_demo.reset();
}

void TestNotifications::nothingFromAReconnectsCatchUpALiveReleaseIsTold()
{
    DemoFleet demo(DemoFleet::Options {false});
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    auto window = openDemoWindow(demo);
    NotificationCenter *center = notificationCenter(window);
    QSignalSpy spy(center, &NotificationCenter::noticeReady);
    QTRY_VERIFY_WITH_TIMEOUT(allSettled(center), timeoutMs);

    // Three minutes watched: staging's checkout fails its analysis and aborts.
    play(demo, 3000, 60);
    QTRY_COMPARE_WITH_TIMEOUT(about(caught(spy), staging, QStringLiteral("checkout")),
                              QStringList({QStringLiteral("analysis-failed staging/shop/checkout"),
                                           QStringLiteral("aborted staging/shop/checkout")}),
                              timeoutMs);
    // dev goes away while its checkout finishes; back, nothing of it is told.
    QVERIFY(!storedAsPromoted(demo, dev, QStringLiteral("checkout")));
    QVERIFY2(demo.setClusterOnline(dev, false, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(window->fleetModel()->staleSince(dev).isValid(), timeoutMs);
    QVERIFY(!center->isSettled(dev));
    play(demo, 3000, 40);
    QVERIFY(storedAsPromoted(demo, dev, QStringLiteral("checkout")));
    QVERIFY2(demo.setClusterOnline(dev, true, &error), qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(center->isSettled(dev), timeoutMs);
    QTRY_VERIFY_WITH_TIMEOUT(isFullyPromoted(*rolloutOf(window.get(), dev, QStringLiteral("shop"),
                                                        QStringLiteral("checkout"))),
                             timeoutMs);
    play(demo, 3000, 20);
    const QList<Notice> notices = caught(spy);
    QCOMPARE(about(notices, dev, QStringLiteral("checkout")), QStringList());
    QCOMPARE(about(notices, staging, QStringLiteral("checkout")),
             QStringList({QStringLiteral("analysis-failed staging/shop/checkout"),
                          QStringLiteral("aborted staging/shop/checkout")}));
    QSet<QString> keys;
    for (const Notice &notice : notices)
        keys.insert(notice.key());
    QCOMPARE(keys.size(), notices.size());

    // The tray: the worst state of all, a line per environment, its menu.
    auto *tray = windowPart<FleetTrayIcon>(window, "trayIcon");
    tray->refresh();
    QCOMPARE(tray->worstPhase(), QStringLiteral("Degraded"));
    // staging waits for payments-api's and frontend's promotions and for the confirm-promotion
    // gate of Flagger's search-suggest canary.
    QVERIFY2(tray->toolTip().contains(QStringLiteral("\nstaging: 1 failed, 3 waiting")),
             qPrintable(tray->toolTip()));
    QVERIFY(!tray->icon().isNull());
    QStringList menu;
    for (const QAction *action : tray->contextMenu()->actions()) {
        if (!action->isSeparator())
            menu.append(action->text());
    }
    QCOMPARE(menu,
             QStringList({QStringLiteral("&Show Window"), QStringLiteral("&Notifications…"),
                          QStringLiteral("&Quit")}));
    tray->contextMenu()
        ->findChild<QAction *>(QStringLiteral("trayNotificationSettingsAction"))
        ->trigger();
    QTRY_VERIFY(window->findChild<NotificationSettingsDialog *>());
}

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
