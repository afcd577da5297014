// SPDX-License-Identifier: GPL-3.0-or-later
// FiberScheduler: fibers take turns on the scheduler's thread; HTTP transfers, sleeps and
// blocking work park only their fiber; a cancel reaches a parked fiber; idle() follows the
// last one. The same calls outside a fiber behave as before (block the thread).
#include "canceltoken.h"
#include "fiberscheduler.h"
#include "httpclient.h"

#include "../loopbackserver.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

#include <atomic>

class TestFiberScheduler : public QObject
{
    Q_OBJECT

    LoopbackServer m_server;
    std::atomic<int> m_inFlight = 0;
    std::atomic<int> m_maxInFlight = 0;
    std::atomic<bool> m_release = false;

    NetError get(const QString &path, const CancelToken &cancel, HttpResponse *response)
    {
        HttpClient client;
        HttpRequest request;
        request.url = (m_server.url() + path).toUtf8();
        return client.perform(request, TransportSettings(), response, cancel);
    }

private slots:
    void initTestCase()
    {
        // /slow answers after 300 ms and counts the requests in flight; /hang answers only
        // when released.
        m_server.routes.Get("/slow", [this](const httplib::Request &, httplib::Response &res) {
            const int now = ++m_inFlight;
            int seen = m_maxInFlight;
            while (now > seen && !m_maxInFlight.compare_exchange_weak(seen, now)) { }
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            --m_inFlight;
            res.set_content("ok", "text/plain");
        });
        m_server.routes.Get("/hang", [this](const httplib::Request &, httplib::Response &res) {
            for (int i = 0; i < 1000 && !m_release; ++i)
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            res.set_content("late", "text/plain");
        });
        QVERIFY(m_server.start());
    }

    void cleanupTestCase() { m_release = true; }

    void fibersTakeTurnsOnTheSchedulersThread()
    {
        FiberScheduler scheduler;
        QSignalSpy idle(&scheduler, &FiberScheduler::idle);
        QStringList order;
        QList<QThread *> threads;
        QList<FiberScheduler *> seen;
        const auto body = [&](const QString &name) {
            return [&, name] {
                const CancelToken cancel;
                for (int i = 0; i < 3; ++i) {
                    order << name + QString::number(i);
                    threads << QThread::currentThread();
                    seen << FiberScheduler::current();
                    QVERIFY(cancel.sleepFor(20));
                }
            };
        };
        QVERIFY(scheduler.spawn(body(QStringLiteral("a"))));
        QVERIFY(scheduler.spawn(body(QStringLiteral("b"))));
        QCOMPARE(scheduler.fiberCount(), 2);
        QTRY_COMPARE(idle.count(), 1);
        QCOMPARE(order, QStringList({"a0", "b0", "a1", "b1", "a2", "b2"}));
        QVERIFY(std::all_of(threads.cbegin(), threads.cend(),
                            [](QThread *t) { return t == QThread::currentThread(); }));
        QVERIFY(std::all_of(seen.cbegin(), seen.cend(),
                            [&](FiberScheduler *s) { return s == &scheduler; }));
        QCOMPARE(FiberScheduler::current(), nullptr); // outside the fibers
        QCOMPARE(scheduler.fiberCount(), 0);
    }

    void transfersOfTwoFibersRunTogether()
    {
        FiberScheduler scheduler;
        QSignalSpy idle(&scheduler, &FiberScheduler::idle);
        m_maxInFlight = 0;
        QStringList bodies;
        for (int i = 0; i < 2; ++i) {
            scheduler.spawn([&] {
                HttpResponse response;
                const NetError error = get(QStringLiteral("/slow"), CancelToken(), &response);
                bodies << (error ? error.message : QString::fromUtf8(response.body));
            });
        }
        QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 10000);
        QCOMPARE(bodies, QStringList({"ok", "ok"}));
        // One thread, and still both requests were at the server at once.
        QCOMPARE(m_maxInFlight.load(), 2);
    }

    void aCancelEndsAParkedTransfer()
    {
        FiberScheduler scheduler;
        QSignalSpy idle(&scheduler, &FiberScheduler::idle);
        const CancelToken cancel;
        NetError result;
        scheduler.spawn([&] {
            HttpResponse response;
            result = get(QStringLiteral("/hang"), cancel, &response);
        });
        QTest::qWait(150);
        QCOMPARE(idle.count(), 0); // still parked on the hanging request
        cancel.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 2000);
        QCOMPARE(result.kind, NetError::Kind::Cancelled);
    }

    void aCancelEndsASleep()
    {
        FiberScheduler scheduler;
        QSignalSpy idle(&scheduler, &FiberScheduler::idle);
        const CancelToken cancel;
        int slept = -1;
        scheduler.spawn([&] { slept = cancel.sleepFor(60000) ? 1 : 0; });
        QTest::qWait(50);
        cancel.cancel();
        QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 2000);
        QCOMPARE(slept, 0);
    }

    void blockingWorkRunsOffTheThreadWhileOthersGoOn()
    {
        FiberScheduler scheduler;
        QSignalSpy idle(&scheduler, &FiberScheduler::idle);
        std::atomic<bool> working = false;
        QThread *workThread = nullptr;
        int ticksDuringWork = 0;
        bool done = false;
        scheduler.spawn([&] {
            FiberScheduler::runBlocking([&] {
                workThread = QThread::currentThread();
                working = true;
                std::this_thread::sleep_for(std::chrono::milliseconds(300));
                working = false;
            });
            done = true;
        });
        scheduler.spawn([&] {
            const CancelToken cancel;
            while (!done) {
                if (working)
                    ++ticksDuringWork;
                cancel.sleepFor(10);
            }
        });
        QTRY_COMPARE_WITH_TIMEOUT(idle.count(), 1, 5000);
        QVERIFY(workThread && workThread != QThread::currentThread());
        QVERIFY2(ticksDuringWork >= 3, qPrintable(QString::number(ticksDuringWork)));
    }

    void outsideAFiberTheCallsBlockAsBefore()
    {
        QCOMPARE(FiberScheduler::current(), nullptr);
        QThread *workThread = nullptr;
        FiberScheduler::runBlocking([&] { workThread = QThread::currentThread(); });
        QCOMPARE(workThread, QThread::currentThread());
        HttpResponse response;
        QVERIFY(!get(QStringLiteral("/slow"), CancelToken(), &response));
        QCOMPARE(response.body, QByteArray("ok"));
    }
};

QTEST_GUILESS_MAIN(TestFiberScheduler)
#include "tst_fiberscheduler.moc"
