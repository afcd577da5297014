// SPDX-License-Identifier: GPL-3.0-or-later
// What an environment reports when it cannot be watched: 401, 403, an unreachable server,
// a context that does not exist; and that one broken environment leaves the others alone.
// A detail kind (pods, AnalysisRuns, Events) that cannot be listed leaves it Live and is
// reported in the batches instead.
#include "fleetsim.h"

#include <QFile>
#include <QTemporaryDir>

class TestConnectionStates : public QObject
{
    Q_OBJECT

private:
    FleetSim m_sim;
    QTemporaryDir m_dir;
    Kubeconfig m_ownKubeconfig;

    // Contexts the simulator does not write: a wrong token (with insecure-skip-tls-verify)
    // and a port nobody listens on.
    bool writeOwnKubeconfig(QString *error)
    {
        const QString yaml = QStringLiteral("apiVersion: v1\n"
                                            "kind: Config\n"
                                            "clusters:\n"
                                            "- name: east-insecure\n"
                                            "  cluster:\n"
                                            "    server: %1\n"
                                            "    insecure-skip-tls-verify: true\n"
                                            "- name: closed\n"
                                            "  cluster:\n"
                                            "    server: https://127.0.0.1:1\n"
                                            "    insecure-skip-tls-verify: true\n"
                                            "users:\n"
                                            "- name: wrong\n"
                                            "  user:\n"
                                            "    token: wrong-token\n"
                                            "contexts:\n"
                                            "- name: bad-token\n"
                                            "  context:\n"
                                            "    cluster: east-insecure\n"
                                            "    user: wrong\n"
                                            "- name: closed\n"
                                            "  context:\n"
                                            "    cluster: closed\n"
                                            "    user: wrong\n"
                                            "current-context: bad-token\n")
                                 .arg(m_sim.cluster().url());
        const QString path = m_dir.filePath(QStringLiteral("kubeconfig"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(yaml.toUtf8()) < 0) {
            *error = file.errorString();
            return false;
        }
        file.close();
        KubeconfigSource source;
        source.explicitPath = path;
        return KubeconfigLoader::load(source, &m_ownKubeconfig, error);
    }

private slots:
    void initTestCase()
    {
        qRegisterMetaType<ConnectionState>();
        qRegisterMetaType<WorkloadDeltaBatch>();
        QString error;
        QVERIFY2(m_sim.start(&error), qPrintable(error));
        QVERIFY2(writeOwnKubeconfig(&error), qPrintable(error));
        m_sim.create(FleetSim::rollouts(), FleetSim::rollout("shop", "api"));
    }

    void forbiddenKeepsRetrying()
    {
        FleetFetcher fetcher(m_sim.kubeconfig(), {FleetSim::environment("prod", "east-viewer")});
        fetcher.setOptions(FleetSim::fastOptions());
        FleetMirror mirror(&fetcher);
        fetcher.start();
        QTRY_COMPARE(mirror.lastKind("prod"), ConnectionState::Forbidden);
        const ConnectionState state = mirror.lastState("prod");
        QVERIFY2(state.reason.startsWith(QStringLiteral("Permission denied (HTTP 403): ")),
                 qPrintable(state.reason));
        QVERIFY2(state.reason.contains(QStringLiteral("\"viewer\"")), qPrintable(state.reason));
        QVERIFY(state.retryInSeconds >= 1);
        QCOMPARE(state.insecure, false);
        // It keeps trying (RBAC may be fixed meanwhile), and never sent data.
        QTRY_VERIFY(fetcher.stats("prod").failures >= 6);
        QCOMPARE(mirror.batches("prod"), 0);
    }

    void forbiddenDetailKindsLeaveTheEnvironmentLive()
    {
        // operator may list the workloads and AnalysisRuns, not pods or events.
        FleetFetcher fetcher(m_sim.kubeconfig(), {FleetSim::environment("prod", "east-operator")});
        fetcher.setOptions(FleetSim::fastOptions());
        FleetMirror mirror(&fetcher);
        fetcher.start();
        QTRY_COMPARE(mirror.lastKind("prod"), ConnectionState::Live);
        QTRY_COMPARE(mirror.detailStatus("prod").size(), DetailKindCount);
        QCOMPARE(mirror.lastState("prod").reason, QString());
        const QList<DetailKindStatus> status = mirror.detailStatus("prod");
        QCOMPARE(status.at(int(DetailKind::Pods)).problem, DetailKindStatus::Problem::Forbidden);
        QCOMPARE(status.at(int(DetailKind::AnalysisRuns)).problem, DetailKindStatus::Problem::None);
        QCOMPARE(status.at(int(DetailKind::AnalysisRuns)).reason, QString());
        QCOMPARE(status.at(int(DetailKind::Events)).problem, DetailKindStatus::Problem::Forbidden);
        for (DetailKind kind : {DetailKind::Pods, DetailKind::Events}) {
            const QString reason = status.at(int(kind)).reason;
            QVERIFY2(reason.startsWith(QStringLiteral("Permission denied (HTTP 403): ")),
                     qPrintable(reason));
            QVERIFY2(reason.contains(QStringLiteral("\"operator\"")), qPrintable(reason));
        }
        // The workloads arrived; the forbidden informers keep trying (RBAC may be fixed).
        QCOMPARE(mirror.state("prod").value(QStringLiteral("R shop/api")),
                 m_sim.serverState().value(QStringLiteral("R shop/api")));
        QTRY_VERIFY(fetcher.informerStats("prod").at(3).failures >= 3);
        QCOMPARE(fetcher.informerSpecs("prod").at(3).kind, WorkloadKind::Pod);
        QCOMPARE(fetcher.informerStats("prod").at(0).failures, 0);
        QCOMPARE(mirror.lastKind("prod"), ConnectionState::Live);
        for (const ConnectionState &state : mirror.states("prod"))
            QVERIFY2(!state.isError(), qPrintable(state.reason));
    }

    void unservedDetailKindIsReportedUntilItIsServed()
    {
        // A cluster without the AnalysisRun CRD answers 404.
        FaultRule rule;
        rule.kind = FaultRule::Kind::Status;
        rule.status = 404;
        rule.path = QRegularExpression(QStringLiteral("/analysisruns$"));
        m_sim.cluster().faults().add(rule);
        FleetFetcher fetcher(m_sim.kubeconfig(), {FleetSim::environment("prod", "east")});
        fetcher.setOptions(FleetSim::fastOptions());
        FleetMirror mirror(&fetcher);
        fetcher.start();
        QTRY_COMPARE(mirror.lastKind("prod"), ConnectionState::Live);
        QTRY_COMPARE(mirror.detailStatus("prod").value(int(DetailKind::AnalysisRuns)).problem,
                     DetailKindStatus::Problem::NotServed);
        const QString reason = mirror.detailStatus("prod").at(int(DetailKind::AnalysisRuns)).reason;
        QVERIFY2(reason.startsWith(QStringLiteral("Not found (HTTP 404)")), qPrintable(reason));
        QCOMPARE(mirror.detailStatus("prod").at(int(DetailKind::Pods)).problem,
                 DetailKindStatus::Problem::None);
        QCOMPARE(mirror.state("prod"), m_sim.serverState());

        // Installed meanwhile: the next attempt lists it and a batch says so.
        m_sim.cluster().faults().clear();
        QTRY_COMPARE(mirror.detailStatus("prod"), QList<DetailKindStatus>(DetailKindCount));
        QCOMPARE(mirror.lastKind("prod"), ConnectionState::Live);
        for (const ConnectionState &state : mirror.states("prod"))
            QVERIFY2(!state.isError(), qPrintable(state.reason));
    }

    void unauthorizedAfterTheServerRejectsTheToken()
    {
        FleetFetcher fetcher(m_ownKubeconfig, {FleetSim::environment("prod", "bad-token")});
        fetcher.setOptions(FleetSim::fastOptions());
        FleetMirror mirror(&fetcher);
        fetcher.start();
        QTRY_COMPARE(mirror.lastKind("prod"), ConnectionState::Unauthorized);
        const ConnectionState state = mirror.lastState("prod");
        QCOMPARE(state.reason,
                 QStringLiteral("The server did not accept the credentials (HTTP "
                                "401): Unauthorized"));
        QCOMPARE(state.insecure, true);
        QVERIFY(state.retryInSeconds >= 1);
        QCOMPARE(mirror.batches("prod"), 0);
    }

    void unreachableServer()
    {
        FleetFetcher fetcher(m_ownKubeconfig, {FleetSim::environment("prod", "closed")});
        fetcher.setOptions(FleetSim::fastOptions());
        FleetMirror mirror(&fetcher);
        fetcher.start();
        QTRY_COMPARE(mirror.lastKind("prod"), ConnectionState::Unreachable);
        const ConnectionState state = mirror.lastState("prod");
        QVERIFY2(state.reason.startsWith(QStringLiteral("Cannot reach the server: ")),
                 qPrintable(state.reason));
        QVERIFY(state.retryAt.isValid());
        QTRY_VERIFY(fetcher.stats("prod").failures >= 4);
        QCOMPARE(mirror.lastKind("prod"), ConnectionState::Unreachable);
    }

    void unknownContextIsAConfigErrorAndOthersStayLive()
    {
        FleetFetcher fetcher(
            m_sim.kubeconfig(),
            {FleetSim::environment("prod", "east"), FleetSim::environment("typo", "esat")});
        fetcher.setOptions(FleetSim::fastOptions());
        FleetMirror mirror(&fetcher);
        fetcher.start();
        QTRY_COMPARE(mirror.lastKind("typo"), ConnectionState::ConfigError);
        QTRY_COMPARE(mirror.lastKind("prod"), ConnectionState::Live);
        QTRY_COMPARE(mirror.state("prod"), m_sim.serverState());
        const ConnectionState state = mirror.lastState("typo");
        QCOMPARE(state.reason,
                 QStringLiteral("Context \"esat\" not found in %1")
                     .arg(m_sim.simulator().kubeconfigPath()));
        QCOMPARE(state.retryInSeconds, 0);
        QCOMPARE(mirror.states("typo").size(), 1); // no retry, nothing else to say
        QCOMPARE(fetcher.informerSpecs("typo").size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestConnectionStates)
#include "tst_connectionstates.moc"
