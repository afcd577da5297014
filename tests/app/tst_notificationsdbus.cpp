// SPDX-License-Identifier: GPL-3.0-or-later
// Desktop notifications over D-Bus where there is no system tray (the offscreen platform has
// none): a private session bus (dbus-daemon, tests/support/sessionbus.h) with a stand-in
// org.freedesktop.Notifications server registered by the test. A notice reaches it as a
// Notify call (summary, body, the "default" and "open" actions, urgency); its ActionInvoked
// opens that rollout in the window; without a server the status bar says it instead.
#include "notificationfixture.h"

#include "freedesktopnotifier.h"
#include "sessionbus.h"

#include <QApplication>
#include <QDBusConnection>
#include <QDBusMessage>
#include <QStatusBar>

using namespace NotificationTest;

namespace {

// The server side of the Desktop Notifications Specification, as much as the window uses.
class FakeNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    struct Call
    {
        QString application;
        QString icon;
        QString summary;
        QString body;
        QStringList actions;
        QVariantMap hints;
        int timeout = 0;
    };
    QList<Call> calls;

public slots:
    uint Notify(const QString &application, uint replacesId, const QString &icon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int timeout)
    {
        Q_UNUSED(replacesId)
        calls.append(Call {application, icon, summary, body, actions, hints, timeout});
        return uint(100 + calls.size()); // ids 101, 102, ...
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
    void CloseNotification(uint id) { Q_UNUSED(id) }
};

QStringList selectionOf(const QString &environment, const QString &ns, const QString &name)
{
    return {environment, QStringLiteral("Rollout"), ns, name};
}

} // namespace

class TestNotificationsDBus : public QObject
{
    Q_OBJECT

public:
    explicit TestNotificationsDBus(const QByteArray &busAddress) : m_address(busAddress) { }

private slots:
    void noticesBecomeNotificationsThatOpenTheirRollout();

private:
    bool invokeAction(uint id, const char *action);

    QByteArray m_address;
    FakeNotificationServer m_server;
};

bool TestNotificationsDBus::invokeAction(uint id, const char *action)
{
    QDBusMessage signal = QDBusMessage::createSignal(
        FreedesktopNotifier::path, FreedesktopNotifier::service, QStringLiteral("ActionInvoked"));
    signal << id << QString::fromLatin1(action);
    return QDBusConnection(QStringLiteral("fakeNotificationServer")).send(signal);
}

void TestNotificationsDBus::noticesBecomeNotificationsThatOpenTheirRollout()
{
    QTemporaryDir dir;
    QVERIFY(isolateGuiTest(dir));
    QDBusConnection server = QDBusConnection::connectToBus(
        QString::fromLatin1(m_address), QStringLiteral("fakeNotificationServer"));
    QVERIFY2(server.isConnected(), qPrintable(server.lastError().message()));
    QVERIFY(server.registerObject(FreedesktopNotifier::path, &m_server,
                                  QDBusConnection::ExportAllSlots));
    QVERIFY(server.registerService(FreedesktopNotifier::service));

    DemoFleet demo(DemoFleet::Options {false});
    QString error;
    QVERIFY2(demo.start(&error), qPrintable(error));
    auto window = openDemoWindow(demo);
    NotificationCenter *center = notificationCenter(window);
    QTRY_VERIFY_WITH_TIMEOUT(allSettled(center), timeoutMs);
    QCOMPARE(desktopNotifier(window)->channel(), DesktopNotifier::Channel::DesktopNotification);

    // The gate evaluation's entry: one Notify, and no second for the same gate and revision.
    QVERIFY(center->gateFailed(QStringLiteral("prod"), QStringLiteral("shop"),
                               QStringLiteral("checkout"), QStringLiteral("error ratio"),
                               QStringLiteral("canary 0.031 > max 0.02")));
    QTRY_COMPARE_WITH_TIMEOUT(m_server.calls.size(), 1, timeoutMs);
    QVERIFY(!center->gateFailed(QStringLiteral("prod"), QStringLiteral("shop"),
                                QStringLiteral("checkout"), QStringLiteral("error ratio"),
                                QStringLiteral("canary 0.04 > max 0.02")));
    const FakeNotificationServer::Call call = m_server.calls.first();
    QCOMPARE(call.application, QStringLiteral("Release Dashboard"));
    QCOMPARE(call.icon, QStringLiteral("release-dashboard"));
    QCOMPARE(call.summary, QStringLiteral("Gate failed: prod / shop / checkout"));
    QCOMPARE(call.body, QStringLiteral("Gate error ratio failed: canary 0.031 > max 0.02"));
    QCOMPARE(call.actions,
             QStringList({QStringLiteral("default"), QStringLiteral("Open"), QStringLiteral("open"),
                          QStringLiteral("Open")}));
    QCOMPARE(call.hints.value(QStringLiteral("urgency")).toInt(), 2);
    QCOMPARE(call.hints.value(QStringLiteral("desktop-entry")).toString(),
             QStringLiteral("release-dashboard"));
    QCOMPARE(call.timeout, -1);

    // "Open" on it: the window shows that rollout.
    QVERIFY(invokeAction(101, "open"));
    QTRY_COMPARE_WITH_TIMEOUT(
        window->selectedWorkload(),
        selectionOf(QStringLiteral("prod"), QStringLiteral("shop"), QStringLiteral("checkout")),
        timeoutMs);
    QTRY_COMPARE_WITH_TIMEOUT(detailPane(window)->rolloutView()->detail().rollout.metadata.name,
                              QStringLiteral("checkout"), timeoutMs);

    // A person's pause, live: a Notify too; a click on it (its "default" action) opens it.
    play(demo, 1000, 20); // payments-api's canary under way (a settled rollout has no Pause)
    QVERIFY(clickAction(window.get(), QStringLiteral("staging"), QStringLiteral("payments"),
                        QStringLiteral("payments-api"), "pauseButton"));
    QTRY_COMPARE_WITH_TIMEOUT(m_server.calls.size(), 2, timeoutMs);
    QCOMPARE(m_server.calls.at(1).summary,
             QStringLiteral("Paused by a person: staging / payments / payments-api"));
    QCOMPARE(m_server.calls.at(1).hints.value(QStringLiteral("urgency")).toInt(), 1);
    QVERIFY(selectDemoRow(window.get(), QStringLiteral("dev"), QStringLiteral("shop"),
                          QStringLiteral("cart")));
    QCOMPARE(window->selectedWorkload(),
             selectionOf(QStringLiteral("dev"), QStringLiteral("shop"), QStringLiteral("cart")));
    QVERIFY(invokeAction(102, "default"));
    QTRY_COMPARE_WITH_TIMEOUT(window->selectedWorkload(),
                              selectionOf(QStringLiteral("staging"), QStringLiteral("payments"),
                                          QStringLiteral("payments-api")),
                              timeoutMs);
    // Another application's notification id: nothing happens.
    QVERIFY(invokeAction(7, "open"));

    // The server goes away: the status bar says it rather than nobody.
    QVERIFY(server.unregisterService(FreedesktopNotifier::service));
    QVERIFY(center->gateFailed(QStringLiteral("dev"), QStringLiteral("shop"),
                               QStringLiteral("cart"), QStringLiteral("p99 latency"),
                               QStringLiteral("canary 412 ms > max 300 ms")));
    QTRY_COMPARE_WITH_TIMEOUT(window->statusBar()->currentMessage(),
                              QStringLiteral("Gate failed: dev / shop / cart — Gate p99 latency "
                                             "failed: canary 412 ms > max 300 ms"),
                              timeoutMs);
    QCOMPARE(m_server.calls.size(), 2);
}

int main(int argc, char **argv)
{
    // Before QApplication: Qt opens the session bus once, from this variable.
    SessionBus bus;
    QString error;
    if (!bus.start(&error))
        qFatal("%s", qPrintable(error));
    QApplication app(argc, argv);
    TestNotificationsDBus test(bus.address());
    return QTest::qExec(&test, argc, argv);
}

#include "tst_notificationsdbus.moc"
