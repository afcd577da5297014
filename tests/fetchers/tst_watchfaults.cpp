// SPDX-License-Identifier: GPL-3.0-or-later
// Every fault the simulator injects on watches: the informers recover and end with exactly
// the server's state.
#include "faultcase.h"

class TestWatchFaults : public QObject
{
    Q_OBJECT

private:
    FleetSim m_sim;
    int m_round = 0;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(FaultCase::startSeeded(m_sim, &error), qPrintable(error));
    }
    void cleanup() { m_sim.cluster().faults().clear(); }

    void recoversToServerState_data()
    {
        FaultCase::addColumns();
        using K = FaultRule::Kind;
        const int unreachable = ConnectionState::Unreachable;
        const int retrying = ConnectionState::Retrying;
        // Drop, truncate and malformed break a watch at the first thing it writes (a
        // bookmark comes every 200 ms).
        QTest::addRow("drop") << K::Drop << 0 << -1 << true << 1 << 1 << 500 << 1 << 0
                              << unreachable;
        QTest::addRow("delay") << K::Delay << 0 << -1 << true << 1 << 1 << 500 << 0 << 0 << -1;
        QTest::addRow("429 retry-after")
            << K::Status << 429 << 1 << true << 1 << 1 << 500 << -1 << 0 << -1;
        QTest::addRow("503") << K::Status << 503 << -1 << true << 1 << 1 << 500 << 1 << 0
                             << retrying;
        QTest::addRow("truncate") << K::Truncate << 0 << -1 << true << 1 << 1 << 500 << 1 << 0
                                  << unreachable;
        QTest::addRow("malformed")
            << K::Malformed << 0 << -1 << true << 1 << 1 << 500 << 1 << 0 << retrying;
        // The ERROR event with code 410: relist at once, no backoff.
        QTest::addRow("expire") << K::Expire << 0 << -1 << true << 1 << 1 << 500 << 0 << 1 << -1;
        // HTTP 410: the same, once.
        QTest::addRow("410") << K::Status << 410 << -1 << true << 1 << 1 << 500 << 0 << 1 << -1;
        // Expiring again and again right after each relist: backed off from the second time
        // on, so the informer never lists in a tight loop.
        QTest::addRow("expire thrice")
            << K::Expire << 0 << -1 << true << 3 << 1 << 500 << 2 << 3 << retrying;
    }
    void recoversToServerState() { FaultCase::run(m_sim, ++m_round); }
};

QTEST_GUILESS_MAIN(TestWatchFaults)
#include "tst_watchfaults.moc"
