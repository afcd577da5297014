// SPDX-License-Identifier: GPL-3.0-or-later
// The thread model: an environment's informers are fibers on the environment's one thread,
// so watching every kind in five namespaces (60 informers) takes no more threads than
// watching them in one. rd-sim runs as a child process, so its server threads are not
// counted here.
#include "environmentworker.h"
#include "fleetfetcher.h"
#include "kubeclient.h"
#include "kubeconfigloader.h"
#include "simobjects.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QMap>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <optional>

namespace {

// The threads alive now: id -> name.
QMap<QString, QString> threads()
{
    QMap<QString, QString> result;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &id : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(id + QStringLiteral("/comm")));
        if (comm.open(QIODevice::ReadOnly))
            result.insert(id, QString::fromUtf8(comm.readAll()).trimmed());
    }
    return result;
}

} // namespace

class TestFetcherThreads : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_sim;
    Kubeconfig m_kubeconfig;

    // Connects one environment over the given namespaces; returns the names of the threads
    // it started (and that still run) once every informer has listed and is watching, or
    // null when they did not all get there.
    std::optional<QStringList> threadsFor(const QStringList &namespaces)
    {
        EnvironmentSpec spec;
        spec.name = QStringLiteral("wide");
        spec.context = QStringLiteral("wide");
        spec.namespaces = namespaces;
        const QMap<QString, QString> before = threads();
        FleetFetcher fetcher(m_kubeconfig, {spec});
        fetcher.start();
        const auto everyInformerWatches = [&] {
            const QList<InformerStats> stats = fetcher.informerStats(spec.name);
            if (stats.size() != EnvironmentWorker::informerSpecsFor(spec).size())
                return false;
            for (const InformerStats &s : stats) {
                if (s.lists < 1 || s.watches < 1)
                    return false;
            }
            return true;
        };
        if (!QTest::qWaitFor(everyInformerWatches, 20000))
            return std::nullopt;
        QStringList started;
        const QMap<QString, QString> after = threads();
        for (auto it = after.cbegin(); it != after.cend(); ++it) {
            if (!before.contains(it.key()))
                started.append(it.value());
        }
        fetcher.stop();
        return started;
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
        const auto one = threadsFor({QStringLiteral("ns-a")});
        const auto five
            = threadsFor({QStringLiteral("ns-a"), QStringLiteral("ns-b"), QStringLiteral("ns-c"),
                          QStringLiteral("ns-d"), QStringLiteral("ns-e")});
        QVERIFY2(one && five, "the informers did not all list and watch");
        // The environment's thread, whatever it watches; a thread per informer would be a
        // dozen and sixty. Something of Qt's or libcurl's starting meanwhile may add one.
        QVERIFY2(one->contains(QStringLiteral("env:wide")), qPrintable(one->join(u',')));
        QVERIFY2(five->contains(QStringLiteral("env:wide")), qPrintable(five->join(u',')));
        QVERIFY2(one->size() <= 2, qPrintable(one->join(u',')));
        QVERIFY2(five->size() <= 2, qPrintable(five->join(u',')));
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
                    for (const Rollout &r : batch.upserts<Rollout>())
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
