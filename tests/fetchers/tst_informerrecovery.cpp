// SPDX-License-Identifier: GPL-3.0-or-later
// Recovery of the list-then-watch loop against the in-process simulator: relist after a
// 410 that hid changes (deletes included), and the backoff between failed attempts.
#include "fleetsim.h"

#include <QElapsedTimer>
#include <QSignalSpy>

class TestInformerRecovery : public QObject
{
    Q_OBJECT

private:
    FleetSim m_sim;
    std::unique_ptr<FleetFetcher> m_fetcher;
    std::unique_ptr<FleetMirror> m_mirror;

    void startFetcher(const QList<EnvironmentSpec> &environments,
                      const InformerOptions &options = FleetSim::fastOptions())
    {
        m_fetcher = std::make_unique<FleetFetcher>(m_sim.kubeconfig(), environments);
        m_fetcher->setOptions(options);
        m_mirror = std::make_unique<FleetMirror>(m_fetcher.get());
        m_fetcher->start();
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<ConnectionState>();
        qRegisterMetaType<WorkloadDeltaBatch>();
        QString error;
        QVERIFY2(m_sim.start(&error), qPrintable(error));
        m_sim.seedMixedWorkloads(QStringLiteral("east"));
        m_sim.seedMixedWorkloads(QStringLiteral("west"));
    }
    void cleanup()
    {
        m_mirror.reset();
        m_fetcher.reset();
        m_sim.cluster(QStringLiteral("east")).faults().clear();
        m_sim.cluster(QStringLiteral("west")).faults().clear();
    }

    // The watch is held up at the server while objects change and the history is compacted:
    // it comes back 410, the informer relists and applies what it missed, deletes included.
    void relistAfterExpiredWatchAppliesMissedChanges()
    {
        startFetcher({FleetSim::environment("prod", "east")});
        QTRY_COMPARE(m_mirror->state("prod"), m_sim.serverState("east"));
        m_sim.create(FleetSim::rollouts(), FleetSim::rollout("shop", "doomed"));
        QTRY_COMPARE(m_mirror->state("prod"), m_sim.serverState("east"));
        const int lists = m_fetcher->stats("prod").lists;

        // Right after the rollouts watch (re)started, arrange that the next one (a second
        // later) is held at the server for 1.5 s; change things while it is held.
        const auto rolloutWatches
            = [this] { return m_fetcher->informerStats("prod").constFirst().watches; };
        const int watches = rolloutWatches();
        QTRY_VERIFY(rolloutWatches() > watches);
        FaultRule hold;
        hold.kind = FaultRule::Kind::Delay;
        hold.path = QRegularExpression(QStringLiteral("/rollouts$"));
        hold.watchOnly = true;
        hold.delayMs = 1500;
        hold.remaining = 1;
        m_sim.cluster().faults().add(hold);
        QTRY_VERIFY(rolloutWatches() > watches + 1);
        m_sim.remove(FleetSim::rollouts(), "shop", "doomed");
        m_sim.create(FleetSim::rollouts(), FleetSim::rollout("shop", "newcomer"));
        m_sim.setPhase("shop", "api", "Paused");
        m_sim.store().compact();

        QTRY_COMPARE_WITH_TIMEOUT(m_mirror->state("prod"), m_sim.serverState("east"), 8000);
        QVERIFY(!m_mirror->state("prod").contains(QStringLiteral("R shop/doomed")));
        QVERIFY(m_fetcher->stats("prod").relistsAfterExpired >= 1);
        QVERIFY(m_fetcher->stats("prod").lists > lists);
        QCOMPARE(m_mirror->redundant("prod"), 0);
        QTRY_COMPARE(m_mirror->lastKind("prod"), ConnectionState::Live);
        m_sim.remove(FleetSim::rollouts(), "shop", "newcomer");
    }

    void backoffDoublesUpToTheCap()
    {
        FaultRule unavailable;
        unavailable.kind = FaultRule::Kind::Status;
        unavailable.status = 503;
        unavailable.path = QRegularExpression(QStringLiteral("/rollouts$"));
        unavailable.listOnly = true;
        unavailable.remaining = 5;
        m_sim.cluster().faults().add(unavailable);
        InformerOptions options = FleetSim::fastOptions();
        options.backoff.initialMs = 40;
        options.backoff.maxMs = 250;
        QElapsedTimer timer;
        timer.start();
        startFetcher({FleetSim::environment("prod", "east")}, options);
        QTRY_COMPARE(m_mirror->lastKind("prod"), ConnectionState::Retrying);
        QCOMPARE(m_mirror->lastState("prod").reason,
                 QStringLiteral("Server error (HTTP 503): the server is currently unable to "
                                "handle the request"));
        QCOMPARE(m_mirror->lastState("prod").retryInSeconds, 1);
        QVERIFY(m_mirror->lastState("prod").retryAt.isValid());
        QTRY_COMPARE(m_mirror->lastKind("prod"), ConnectionState::Live);
        QVERIFY(timer.elapsed() >= 40 + 80 + 160 + 250 + 250);
        QCOMPARE(m_fetcher->stats("prod").backoffDelaysMs, QList<int>({40, 80, 160, 250, 250}));
        QCOMPARE(m_fetcher->stats("prod").failures, 5);
        QTRY_COMPARE(m_mirror->state("prod"), m_sim.serverState("east"));
    }
};

QTEST_GUILESS_MAIN(TestInformerRecovery)
#include "tst_informerrecovery.moc"
