// SPDX-License-Identifier: GPL-3.0-or-later
// An environment whose user gets its token from an exec credential plugin, with the
// informers as fibers on the environment's thread: the plugin runs once for all of them
// (on the blocking pool, so the other fibers go on), the environment says what it waits
// for, and closing it while the plugin hangs is prompt and leaves no plugin behind.
#include "fleetsim.h"

#include "../net/execscripts.h"

#include "environmentworker.h"
#include "execcredentialcache.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>

class TestExecEnvironment : public QObject
{
    Q_OBJECT

    FleetSim m_sim;
    ExecScripts m_scripts;

    // A kubeconfig with context "east" whose user runs `plugin` for its token.
    Kubeconfig execKubeconfig(const QString &plugin)
    {
        const KubeCluster *cluster = m_sim.kubeconfig().cluster(QStringLiteral("east"));
        if (!cluster)
            return Kubeconfig();
        const QString path = m_scripts.filePath(QStringLiteral("kubeconfig"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return Kubeconfig();
        file.write("apiVersion: v1\nkind: Config\nclusters:\n- name: east\n  cluster:\n"
                   "    server: "
                   + cluster->server.toUtf8() + "\n    certificate-authority-data: "
                   + cluster->certificateAuthorityData.toBase64()
                   + "\nusers:\n- name: dev\n  user:\n    exec:\n"
                     "      apiVersion: client.authentication.k8s.io/v1\n"
                     "      interactiveMode: Never\n      command: "
                   + plugin.toUtf8()
                   + "\ncontexts:\n- name: east\n  context: {cluster: east, user: dev}\n"
                     "current-context: east\n");
        file.close();
        KubeconfigSource source;
        source.explicitPath = path;
        Kubeconfig kubeconfig;
        QString error;
        if (!KubeconfigLoader::load(source, &kubeconfig, &error))
            qWarning("%s", qPrintable(error));
        return kubeconfig;
    }

    static bool pluginRunning(const QString &name)
    {
        QProcess pgrep;
        pgrep.start(QStringLiteral("pgrep"), {QStringLiteral("-f"), name});
        pgrep.waitForFinished(5000);
        return pgrep.exitCode() == 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_scripts.isValid());
        QString error;
        QVERIFY2(m_sim.start(&error), qPrintable(error));
        m_sim.seedMixedWorkloads(QStringLiteral("east"));
    }

    void init() { ExecCredentialCache::global().clear(); }

    void aSlowPluginIsAnnouncedThenTheEnvironmentGoesLive()
    {
        const QString plugin
            = m_scripts.script(QStringLiteral("slow-plugin.sh"),
                               "sleep 1\n" + ExecScripts::printToken("operator-token"));
        const Kubeconfig kubeconfig = execKubeconfig(plugin);
        FleetFetcher fetcher(
            kubeconfig,
            {FleetSim::environment(QStringLiteral("east"), QStringLiteral("east"),
                                   {QStringLiteral("shop"), QStringLiteral("infra")})});
        fetcher.setOptions(FleetSim::fastOptions());
        QList<ConnectionState> states;
        connect(&fetcher, &FleetFetcher::stateChanged, this,
                [&](const QString &, const ConnectionState &state) { states.append(state); });
        fetcher.start();
        QTRY_VERIFY_WITH_TIMEOUT(!states.isEmpty() && states.constLast().isLive(), 15000);
        const bool announced = std::any_of(states.cbegin(), states.cend(), [](const auto &s) {
            return s.kind == ConnectionState::Connecting
                && s.reason.startsWith(QStringLiteral("Waiting for exec plugin"));
        });
        QVERIFY2(announced, "the environment never said it waits for the plugin");
        // Every informer of both namespaces needed a token: one run served all.
        EnvironmentSpec oneNamespace;
        oneNamespace.namespaces = {QStringLiteral("shop")};
        const qsizetype perNamespace = EnvironmentWorker::informerSpecsFor(oneNamespace).size();
        QVERIFY(perNamespace >= 8);
        QCOMPARE(fetcher.informerSpecs(QStringLiteral("east")).size(), 2 * perNamespace);
        const ClusterConnection connection = [&] {
            ClusterConnection c;
            QString error;
            ClusterConnection::resolve(kubeconfig, QStringLiteral("east"), &c, &error);
            return c;
        }();
        QCOMPARE(ExecCredentialCache::global().runCount(connection), 1);
        fetcher.stop();
    }

    void closingWhileThePluginHangsIsPrompt()
    {
        const QString plugin
            = m_scripts.script(QStringLiteral("hanging-plugin.sh"), "exec sleep 3597\n");
        FleetFetcher fetcher(execKubeconfig(plugin),
                             {FleetSim::environment(QStringLiteral("east"), QStringLiteral("east"),
                                                    {QStringLiteral("shop")})});
        fetcher.setOptions(FleetSim::fastOptions());
        fetcher.start();
        QTRY_VERIFY_WITH_TIMEOUT(pluginRunning(QStringLiteral("sleep 3597")), 10000);
        QElapsedTimer clock;
        clock.start();
        fetcher.stop();
        // Within the shutdown budget (2 s), though the plugin would run an hour.
        QVERIFY2(clock.elapsed() < 2000, qPrintable(QString::number(clock.elapsed())));
        QTRY_VERIFY_WITH_TIMEOUT(!pluginRunning(QStringLiteral("sleep 3597")), 5000);
    }
};

QTEST_GUILESS_MAIN(TestExecEnvironment)
#include "tst_execenvironment.moc"
