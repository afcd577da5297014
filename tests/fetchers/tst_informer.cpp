// SPDX-License-Identifier: GPL-3.0-or-later
// List-then-watch against the in-process simulator: convergence, freshness, namespaces,
// stop and restart.
#include "fleetsim.h"

#include <QElapsedTimer>
#include <QSignalSpy>

class TestInformer : public QObject
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

    void listThenWatchConverges()
    {
        startFetcher({FleetSim::environment("prod", "east"), FleetSim::environment("dr", "west")});
        QTRY_COMPARE(m_mirror->lastKind("prod"), ConnectionState::Live);
        QTRY_COMPARE(m_mirror->state("prod"), m_sim.serverState("east"));
        QTRY_COMPARE(m_mirror->state("dr"), m_sim.serverState("west"));
        // The Deployment's ReplicaSet and the Event about the Deployment are sent (for its
        // detail); a pod without either pod-template-hash label is not.
        QCOMPARE(m_mirror->state("prod").size(), 10);
        QVERIFY(m_mirror->state("prod").contains(QStringLiteral("S infra/redis-abc")));
        QVERIFY(m_mirror->state("prod").contains(QStringLiteral("E infra/redis.17b")));
        QVERIFY(!m_mirror->state("prod").contains(QStringLiteral("P infra/redis-abc-k4m2p")));
        QCOMPARE(m_mirror->state("prod").contains(QStringLiteral("E shop/api.17a")), true);
        QCOMPARE(m_mirror->state("prod").contains(QStringLiteral("P shop/api-6f7-q2x8z")), true);
        QCOMPARE(m_mirror->detailStatus("prod"), QList<DetailKindStatus>(DetailKindCount));
        QCOMPARE(m_mirror->resets("prod"), 1);
        QCOMPARE(m_mirror->batchList("prod").constFirst().reset, true);
        QCOMPARE(m_mirror->redundant("prod"), 0);
        QCOMPARE(m_mirror->states("prod").constFirst().kind, ConnectionState::Connecting);
        QVERIFY(m_mirror->lastState("prod").lastUpdated.isValid());
        QCOMPARE(m_mirror->lastState("prod").reason, QString());
        QCOMPARE(m_mirror->lastState("prod").insecure, false);
        QStringList informers;
        for (const InformerSpec &spec : m_fetcher->informerSpecs("prod"))
            informers.append(
                spec.resourceName() + u' ' + spec.path() + QLatin1Char('?') + spec.labelSelector
                + (spec.isDetailKind() ? QStringLiteral(" detail %1").arg(int(spec.detailKind()))
                                       : QString()));
        QCOMPARE(
            informers,
            QStringList({"rollouts.argoproj.io /apis/argoproj.io/v1alpha1/rollouts?",
                         "replicasets.apps /apis/apps/v1/replicasets?"
                         "rollouts-pod-template-hash",
                         "deployments.apps /apis/apps/v1/deployments?",
                         "pods /api/v1/pods?rollouts-pod-template-hash detail 0",
                         "analysisruns.argoproj.io /apis/argoproj.io/v1alpha1/analysisruns? "
                         "detail 1",
                         "events /api/v1/events? detail 2",
                         "replicasets.apps /apis/apps/v1/replicasets?pod-template-hash",
                         "pods /api/v1/pods?pod-template-hash detail 0",
                         "experiments.argoproj.io /apis/argoproj.io/v1alpha1/experiments? "
                         "detail 3",
                         "jobs.batch /apis/batch/v1/jobs?analysisrun.argoproj.io/uid detail 4",
                         "pods /api/v1/pods?analysisrun.argoproj.io/uid detail 0",
                         "canaries.flagger.app /apis/flagger.app/v1beta1/canaries? detail 5"}));

        // Changes made while watching arrive as deltas, nothing else is sent again.
        const int batches = m_mirror->batches("prod");
        m_sim.setPhase("shop", "api", "Degraded");
        m_sim.create(FleetSim::rollouts(), FleetSim::rollout("shop", "search"));
        m_sim.remove(FleetSim::rollouts(), "infra", "gate");
        m_sim.remove(FleetSim::replicaSets(), "shop", "api-6f7");
        m_sim.remove(FleetSim::pods(), "shop", "api-6f7-q2x8z");
        m_sim.create(FleetSim::events(), FleetSim::event("shop", "api.17c", "Rollout", "api"));
        m_sim.create(FleetSim::events(),
                     FleetSim::event("infra", "redis.17d", "Deployment", "redis"));
        // About a kind no detail shows: not sent (serverState leaves it out too).
        m_sim.create(FleetSim::events(), FleetSim::event("shop", "api.17e", "Service", "api"));
        m_sim.create(FleetSim::analysisRuns(), FleetSim::analysisRun("shop", "api-6f7-2-2"));
        QTRY_COMPARE(m_mirror->state("prod"), m_sim.serverState("east"));
        QVERIFY(m_mirror->batches("prod") > batches);
        QCOMPARE(m_mirror->resets("prod"), 1);
        QCOMPARE(m_mirror->redundant("prod"), 0);
        QCOMPARE(m_mirror->state("dr"), m_sim.serverState("west"));

        // Watches end every second and start again from the last resourceVersion: no relist.
        const InformerStats before = m_fetcher->stats("prod");
        QTRY_VERIFY(m_fetcher->stats("prod").watches >= before.watches + 3);
        QCOMPARE(m_fetcher->stats("prod").lists, int(informers.size())); // one per informer
        QCOMPARE(m_fetcher->stats("prod").failures, 0);
        QVERIFY(m_fetcher->stats("prod").bookmarks > 0);
        QCOMPARE(m_mirror->redundant("prod"), 0);
    }

    void changeArrivesWithinTheBatchingWindow()
    {
        InformerOptions options = FleetSim::fastOptions();
        options.batchIntervalMs = 100;
        options.watchTimeoutMinSeconds = 60; // one long watch: nothing else is going on
        options.watchTimeoutMaxSeconds = 60;
        startFetcher({FleetSim::environment("prod", "east")}, options);
        QTRY_COMPARE(m_mirror->state("prod"), m_sim.serverState("east"));
        QTRY_COMPARE(m_mirror->lastKind("prod"), ConnectionState::Live);
        QSignalSpy spy(m_fetcher.get(), &FleetFetcher::workloadsChanged);
        QElapsedTimer timer;
        timer.start();
        // A burst of changes to one rollout: one batch carries only its newest state.
        m_sim.setPhase("shop", "cart", "Progressing");
        m_sim.setPhase("shop", "cart", "Healthy");
        m_sim.setPhase("shop", "cart", "Paused");
        QVERIFY(spy.wait(1000));
        // Generous bound for a loaded machine; the window itself is 100 ms.
        QVERIFY2(timer.elapsed() < 600, qPrintable(QString::number(timer.elapsed())));
        QTRY_COMPARE(m_mirror->state("prod"), m_sim.serverState("east"));
        const WorkloadDeltaBatch batch = spy.constFirst().at(1).value<WorkloadDeltaBatch>();
        QCOMPARE(spy.constFirst().at(0).toString(), QStringLiteral("prod"));
        QCOMPARE(batch.reset, false);
        QCOMPARE(batch.upserts<Rollout>().size(), 1);
        QCOMPARE(batch.upserts<Rollout>().constFirst().metadata.name, QStringLiteral("cart"));
        if (spy.size() == 1) // the three writes usually land in one window
            QCOMPARE(batch.upserts<Rollout>().constFirst().status.phase, QStringLiteral("Paused"));
    }

    void namespacesLimitTheScope()
    {
        startFetcher({FleetSim::environment("prod", "east", {QStringLiteral("shop")})});
        QTRY_COMPARE(m_mirror->lastKind("prod"), ConnectionState::Live);
        QMap<QString, QString> expected;
        const QMap<QString, QString> all = m_sim.serverState("east");
        for (auto it = all.cbegin(); it != all.cend(); ++it) {
            if (it.key().mid(2).startsWith(QLatin1String("shop/")))
                expected.insert(it.key(), it.value());
        }
        QTRY_COMPARE(m_mirror->state("prod"), expected);
        QCOMPARE(m_fetcher->informerSpecs("prod").constFirst().path(),
                 QStringLiteral("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts"));
    }

    void stopJoinsQuickly()
    {
        startFetcher({FleetSim::environment("prod", "east"), FleetSim::environment("dr", "west")});
        QTRY_COMPARE(m_mirror->state("prod"), m_sim.serverState("east"));
        QTRY_COMPARE(m_mirror->state("dr"), m_sim.serverState("west"));
        QTRY_COMPARE(m_mirror->lastKind("prod"), ConnectionState::Live);
        QElapsedTimer timer;
        timer.start();
        m_fetcher->stop();
        // Idle watches notice within about a second (libcurl's progress callback).
        QVERIFY2(timer.elapsed() < 2000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(m_fetcher->isRunning(), false);
        const int batches = m_mirror->batches("prod");
        m_sim.setPhase("shop", "api", "Healthy");
        QTest::qWait(300); // nothing may arrive after stop(): waiting is the assertion
        QCOMPARE(m_mirror->batches("prod"), batches);

        // Starting again lists anew and begins with a reset.
        m_fetcher->start();
        QTRY_COMPARE(m_mirror->resets("prod"), 2);
        QTRY_COMPARE(m_mirror->state("prod"), m_sim.serverState("east"));
    }
};

QTEST_GUILESS_MAIN(TestInformer)
#include "tst_informer.moc"
