// SPDX-License-Identifier: GPL-3.0-or-later
// Watches against the in-process simulator: events written into the store arrive through
// the stream and the WatchFramer, cancellation from another thread is prompt, the server's
// timeout ends a watch cleanly, and 410 comes both as a status and as an ERROR event.
#include "kubeclient.h"
#include "simfixture.h"
#include "watchframer.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QTest>

#include <mutex>
#include <thread>

namespace {

// Runs a watch on its own thread (as a fetcher worker would) and collects framed values.
class WatchRunner
{
public:
    WatchRunner(const ClusterConnection &connection, const QString &path,
                const KubeWatchOptions &options)
    {
        m_thread = std::thread([this, connection, path, options] {
            KubeClient client(connection);
            WatchFramer framer;
            const NetError error = client.watch(
                path, options,
                [this, &framer](const char *data, qsizetype size) {
                    QList<QByteArray> values;
                    const bool ok = framer.feed(data, size, &values);
                    std::lock_guard lock(m_mutex);
                    for (const QByteArray &value : std::as_const(values))
                        m_events << QJsonDocument::fromJson(value).object();
                    return ok && !m_stopAfterFirst;
                },
                m_cancel);
            std::lock_guard lock(m_mutex);
            m_error = error;
            m_done = true;
        });
    }
    ~WatchRunner()
    {
        m_cancel.cancel();
        m_thread.join();
    }

    void cancel() { m_cancel.cancel(); }
    void stopAfterFirstEvent()
    {
        std::lock_guard lock(m_mutex);
        m_stopAfterFirst = true;
    }
    bool isDone()
    {
        std::lock_guard lock(m_mutex);
        return m_done;
    }
    NetError error()
    {
        std::lock_guard lock(m_mutex);
        return m_error;
    }
    QList<QJsonObject> events()
    {
        std::lock_guard lock(m_mutex);
        return m_events;
    }
    QStringList types()
    {
        QStringList types;
        for (const QJsonObject &event : events())
            types << event.value(QStringLiteral("type")).toString();
        return types;
    }

private:
    std::mutex m_mutex;
    QList<QJsonObject> m_events;
    NetError m_error;
    bool m_done = false;
    bool m_stopAfterFirst = false;
    CancelToken m_cancel;
    std::thread m_thread;
};

QString nameOf(const QJsonObject &event)
{
    return event.value(QStringLiteral("object"))
        .toObject()
        .value(QStringLiteral("metadata"))
        .toObject()
        .value(QStringLiteral("name"))
        .toString();
}

} // namespace

class TestKubeWatch : public QObject
{
    Q_OBJECT

private:
    SimFixture m_sim;

    static QString podsPath()
    {
        return KubePath::resource(QString(), QStringLiteral("v1"), QStringLiteral("pods"),
                                  QStringLiteral("shop"));
    }
    QString currentRv() { return QString::number(m_sim.cluster().store().resourceVersion()); }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sim.start(&error), qPrintable(error));
        m_sim.addPods(2);
    }

    void init() { m_sim.cluster().faults().clear(); }

    void receivesEventsWrittenIntoTheStore()
    {
        KubeWatchOptions options;
        options.resourceVersion = currentRv();
        options.allowWatchBookmarks = false;
        WatchRunner watch(m_sim.connection(QStringLiteral("sim-viewer")), podsPath(), options);
        // No need to wait for the watch to connect: the store keeps history, so an event
        // written before the request arrives is still sent (it is newer than the RV).
        m_sim.cluster().store().create(SimFixture::pods(),
                                       SimFixture::pod(QStringLiteral("web-new")));
        QTRY_COMPARE_WITH_TIMEOUT(watch.events().size(), 1, 5000);
        QCOMPARE(watch.types(), QStringList {QStringLiteral("ADDED")});
        QCOMPARE(nameOf(watch.events().first()), QStringLiteral("web-new"));

        QJsonObject changed = *m_sim.cluster().store().get(
            SimFixture::pods(), QStringLiteral("shop"), QStringLiteral("web-new"));
        QJsonObject metadata = changed.value(QStringLiteral("metadata")).toObject();
        metadata.insert(QStringLiteral("labels"),
                        QJsonObject {{QStringLiteral("v"), QStringLiteral("2")}});
        changed.insert(QStringLiteral("metadata"), metadata);
        QVERIFY(
            m_sim.cluster().store().update(SimFixture::pods(), changed, WriteScope::Whole).ok());
        QVERIFY(m_sim.cluster()
                    .store()
                    .remove(SimFixture::pods(), QStringLiteral("shop"), QStringLiteral("web-new"))
                    .ok());
        QTRY_COMPARE_WITH_TIMEOUT(watch.events().size(), 3, 5000);
        QCOMPARE(watch.types(),
                 (QStringList {QStringLiteral("ADDED"), QStringLiteral("MODIFIED"),
                               QStringLiteral("DELETED")}));
        QVERIFY(!watch.isDone());
    }

    void cancelEndsAnIdleWatchPromptly()
    {
        KubeWatchOptions options;
        options.resourceVersion = currentRv();
        options.allowWatchBookmarks = false;
        WatchRunner watch(m_sim.connection(QStringLiteral("sim")), podsPath(), options);
        // One event proves the stream is up; after it the watch sits idle.
        m_sim.cluster().store().create(SimFixture::pods(), SimFixture::pod(QStringLiteral("idle")));
        QTRY_COMPARE_WITH_TIMEOUT(watch.events().size(), 1, 5000);
        QVERIFY(!watch.isDone());
        QElapsedTimer timer;
        timer.start();
        watch.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(watch.isDone(), 3000);
        QVERIFY(timer.elapsed() < 2500);
        QCOMPARE(watch.error().kind, NetError::Kind::Cancelled);
    }

    void consumerCanStopTheStream()
    {
        KubeWatchOptions options; // no resourceVersion: initial ADDED events for every pod
        WatchRunner watch(m_sim.connection(QStringLiteral("sim")), podsPath(), options);
        watch.stopAfterFirstEvent();
        QTRY_VERIFY_WITH_TIMEOUT(watch.isDone(), 5000);
        QCOMPARE(watch.error().kind, NetError::Kind::Cancelled);
        QVERIFY(!watch.events().isEmpty());
        QCOMPARE(watch.events().first().value(QStringLiteral("type")).toString(),
                 QStringLiteral("ADDED"));
    }

    void serverTimeoutEndsCleanlyWithBookmark()
    {
        KubeWatchOptions options;
        options.resourceVersion = currentRv();
        options.timeoutSeconds = 1;
        WatchRunner watch(m_sim.connection(QStringLiteral("sim")), podsPath(), options);
        QTRY_VERIFY_WITH_TIMEOUT(watch.isDone(), 5000);
        QCOMPARE(watch.error().kind, NetError::Kind::None);
        QVERIFY(watch.types().contains(QStringLiteral("BOOKMARK")));
        const QJsonObject bookmark = watch.events().last();
        QCOMPARE(bookmark.value(QStringLiteral("object"))
                     .toObject()
                     .value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("resourceVersion"))
                     .toString(),
                 currentRv());
    }

    void expiredAsErrorEvent()
    {
        FaultRule rule;
        rule.kind = FaultRule::Kind::Expire;
        rule.watchOnly = true;
        rule.remaining = 1;
        m_sim.cluster().faults().add(rule);
        KubeWatchOptions options;
        options.resourceVersion = currentRv();
        WatchRunner watch(m_sim.connection(QStringLiteral("sim")), podsPath(), options);
        QTRY_VERIFY_WITH_TIMEOUT(!watch.events().isEmpty(), 5000);
        const QJsonObject event = watch.events().first();
        QCOMPARE(event.value(QStringLiteral("type")).toString(), QStringLiteral("ERROR"));
        QCOMPARE(
            event.value(QStringLiteral("object")).toObject().value(QStringLiteral("code")).toInt(),
            410);
    }

    void expiredAsStatus()
    {
        FaultRule rule;
        rule.kind = FaultRule::Kind::Status;
        rule.status = 410;
        rule.watchOnly = true;
        rule.remaining = 1;
        m_sim.cluster().faults().add(rule);
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        KubeWatchOptions options;
        options.resourceVersion = QStringLiteral("1");
        int calls = 0;
        const NetError error = client.watch(podsPath(), options, [&calls](const char *, qsizetype) {
            ++calls;
            return true;
        });
        QCOMPARE(error.kind, NetError::Kind::Gone);
        QCOMPARE(error.httpStatus, 410);
        QCOMPARE(error.reason, QStringLiteral("Gone"));
        QCOMPARE(calls, 0); // an error body never reaches the event callback
    }

    void forbiddenWatch()
    {
        KubeClient client(m_sim.connection(QStringLiteral("sim-viewer")));
        const NetError error
            = client.watch(KubePath::resource(QString(), QStringLiteral("v1"),
                                              QStringLiteral("services"), QStringLiteral("shop")),
                           KubeWatchOptions(), [](const char *, qsizetype) { return true; });
        QCOMPARE(error.kind, NetError::Kind::Forbidden);
    }

    void cleanupTestCase() { m_sim.simulator().stop(); }
};

QTEST_GUILESS_MAIN(TestKubeWatch)
#include "tst_kubewatch.moc"
