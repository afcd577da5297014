// SPDX-License-Identifier: GPL-3.0-or-later
// The thread model: an environment's informers are fibers on the environment's one thread,
// so watching every kind in five namespaces (30 informers) takes no more threads than
// watching them in one. rd-sim runs as a child process, so its server threads are not
// counted here.
#include "fleetfetcher.h"
#include "kubeclient.h"
#include "kubeconfigloader.h"
#include "simobjects.h"

#include <QDir>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

int threadCount()
{
    return int(QDir(QStringLiteral("/proc/self/task"))
                   .entryList(QDir::Dirs | QDir::NoDotAndDotDot)
                   .size());
}

} // namespace

class TestFetcherThreads : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_sim;
    Kubeconfig m_kubeconfig;

    // Connects one environment over the given namespaces; returns the threads it added once
    // every informer has listed and is watching.
    int threadsFor(const QStringList &namespaces)
    {
        EnvironmentSpec spec;
        spec.name = QStringLiteral("wide");
        spec.context = QStringLiteral("wide");
        spec.namespaces = namespaces;
        const int before = threadCount();
        FleetFetcher fetcher(m_kubeconfig, {spec});
        fetcher.start();
        const auto everyInformerWatches = [&] {
            const QList<InformerStats> stats = fetcher.informerStats(spec.name);
            if (stats.size() != namespaces.size() * 6)
                return false;
            for (const InformerStats &s : stats) {
                if (s.lists < 1 || s.watches < 1)
                    return false;
            }
            return true;
        };
        if (!QTest::qWaitFor(everyInformerWatches, 20000))
            return -1;
        QTest::qWait(200); // anything started lazily (a resolver, a pool thread) is up now
        const int added = threadCount() - before;
        fetcher.stop();
        return added;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString kubeconfig = m_dir.filePath(QStringLiteral("kubeconfig"));
        m_sim.start(QStringLiteral(RD_SIM_EXE),
                    {QStringLiteral("--scenario"),
                     QStringLiteral(RD_TEST_DATA_DIR "/fetchers/fivenamespaces.yaml"),
                     QStringLiteral("--frozen"), QStringLiteral("--kubeconfig-out"), kubeconfig});
        QString banner;
        while (!banner.contains(QStringLiteral("ready")) && m_sim.waitForReadyRead(20000))
            banner += QString::fromUtf8(m_sim.readAllStandardOutput());
        QVERIFY2(banner.contains(QStringLiteral("ready")), qPrintable(banner));
        KubeconfigSource source;
        source.explicitPath = kubeconfig;
        QString error;
        QVERIFY2(KubeconfigLoader::load(source, &m_kubeconfig, &error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_sim.terminate();
        m_sim.waitForFinished(5000);
    }

    void threadsDoNotGrowWithNamespacesOrKinds()
    {
        const int one = threadsFor({QStringLiteral("ns-a")});
        const int five
            = threadsFor({QStringLiteral("ns-a"), QStringLiteral("ns-b"), QStringLiteral("ns-c"),
                          QStringLiteral("ns-d"), QStringLiteral("ns-e")});
        QVERIFY2(one > 0 && five > 0, "the informers did not all list and watch");
        // The environment's thread; a thread per informer would be 6 and 30 more.
        QCOMPARE(five, one);
        QVERIFY2(five <= 2, qPrintable(QString::number(five)));
    }

    void eventsReachTheFleetWhileThirtyWatchesShareOneThread()
    {
        EnvironmentSpec spec;
        spec.name = QStringLiteral("wide");
        spec.context = QStringLiteral("wide");
        spec.namespaces = {QStringLiteral("ns-a"), QStringLiteral("ns-b"), QStringLiteral("ns-c"),
                           QStringLiteral("ns-d"), QStringLiteral("ns-e")};
        FleetFetcher fetcher(m_kubeconfig, {spec});
        QSet<QString> seen;
        connect(&fetcher, &FleetFetcher::workloadsChanged, this,
                [&](const QString &, const WorkloadDeltaBatch &batch) {
                    for (const Rollout &r : batch.rolloutUpserts)
                        seen.insert(r.metadata.namespaceName + QLatin1Char('/') + r.metadata.name);
                });
        fetcher.start();
        QTRY_VERIFY_WITH_TIMEOUT(fetcher.stats(spec.name).watches >= 30, 20000);

        ClusterConnection connection;
        QString error;
        QVERIFY2(ClusterConnection::resolve(m_kubeconfig, spec.context, &connection, &error),
                 qPrintable(error));
        KubeClient admin(connection);
        for (const QString &ns : spec.namespaces) {
            const KubeResponse created = admin.post(
                KubePath::resource(QStringLiteral("argoproj.io"), QStringLiteral("v1alpha1"),
                                   QStringLiteral("rollouts"), ns),
                QJsonDocument(SimObjects::rollout(ns, QStringLiteral("web"))).toJson());
            QVERIFY2(created.isOk(), qPrintable(created.error.message));
        }
        const QSet<QString> expected {"ns-a/web", "ns-b/web", "ns-c/web", "ns-d/web", "ns-e/web"};
        QTRY_COMPARE_WITH_TIMEOUT(seen, expected, 10000);
    }
};

QTEST_GUILESS_MAIN(TestFetcherThreads)
#include "tst_fetcherthreads.moc"
