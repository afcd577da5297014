// SPDX-License-Identifier: GPL-3.0-or-later
// Every fault the simulator injects on list requests: the informers recover and end with exactly
// the server's state.
#include "faultcase.h"

class TestListFaults : public QObject
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
        QTest::addRow("drop") << K::Drop << 0 << -1 << false << 1 << 1 << 500 << 1 << 0
                              << unreachable;
        QTest::addRow("delay") << K::Delay << 0 << -1 << false << 1 << 1 << 500 << 0 << 0 << -1;
        // KubeClient waits the Retry-After and tries again: no failure reaches the informer.
        QTest::addRow("429 retry-after")
            << K::Status << 429 << 1 << false << 1 << 1 << 500 << 0 << 0 << -1;
        QTest::addRow("500") << K::Status << 500 << -1 << false << 2 << 1 << 500 << 2 << 0
                             << retrying;
        QTest::addRow("503") << K::Status << 503 << -1 << false << 1 << 1 << 500 << 1 << 0
                             << retrying;
        // The connection closes before the declared length: a transport error.
        QTest::addRow("truncate") << K::Truncate << 0 << -1 << false << 1 << 1 << 500 << 1 << 0
                                  << unreachable;
        QTest::addRow("malformed")
            << K::Malformed << 0 << -1 << false << 1 << 1 << 500 << 1 << 0 << retrying;
        // A continue token expires on the second page: one full list instead (KubeClient).
        QTest::addRow("expire continue")
            << K::Expire << 0 << -1 << false << 1 << 2 << 2 << 0 << 0 << -1;
    }
    void recoversToServerState() { FaultCase::run(m_sim, ++m_round); }
};

QTEST_GUILESS_MAIN(TestListFaults)
#include "tst_listfaults.moc"
