// SPDX-License-Identifier: GPL-3.0-or-later
// A Flagger canary in the dashboard's vocabulary: the phase mapping of every Flagger phase
// and spec.suspend, the summary and step texts, the strategy and weight schedule as Flagger's
// scheduler computes them, and the gate webhooks' load tester endpoints.
#include "flaggergate.h"
#include "flaggerstatus.h"
#include "flaggerstrategy.h"
#include "jsondecoder.h"
#include "testdata.h"

#include <QTest>

namespace {

FlaggerCanary fixture(const char *file)
{
    const Decoded<FlaggerCanary> decoded
        = decodeObject<FlaggerCanary>(domainTestData(QString::fromLatin1(file)));
    if (!decoded.isOk() || decoded.report.hasIssues())
        qWarning("%s: %s", file, qPrintable(decoded.report.issuesText()));
    return decoded.value;
}

// A canary with stepWeight 10 to maxWeight 50, threshold 5, in the given phase.
FlaggerCanary canaryIn(const QString &phase)
{
    FlaggerCanary canary = fixture("flagger-canary-stepweight.json");
    canary.status.phase = phase;
    return canary;
}

FlaggerCanary withWeights(qint32 stepWeight, qint32 maxWeight, QList<qint32> stepWeights = {})
{
    FlaggerCanary canary;
    canary.spec.analysis.emplace();
    canary.spec.analysis->stepWeight = stepWeight;
    canary.spec.analysis->maxWeight = maxWeight;
    canary.spec.analysis->stepWeights = std::move(stepWeights);
    return canary;
}

} // namespace

class TestFlaggerCanaryStatus : public QObject
{
    Q_OBJECT

private slots:
    void phaseMapping_data()
    {
        QTest::addColumn<QString>("flaggerPhase");
        QTest::addColumn<QString>("phase");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("wait");
        const int none = int(FlaggerWait::None);
        QTest::newRow("no status yet") << QString() << "Progressing"
                                       << "Waiting for Flagger to initialize the canary" << none;
        QTest::newRow("Initializing") << "Initializing"
                                      << "Progressing"
                                      << "Initializing: creating the primary" << none;
        QTest::newRow("Initialized") << "Initialized"
                                     << "Healthy" << QString() << none;
        QTest::newRow("Waiting") << "Waiting"
                                 << "Paused"
                                 << "waiting for the confirm-rollout gate"
                                 << int(FlaggerWait::ConfirmRollout);
        QTest::newRow("Progressing") << "Progressing"
                                     << "Progressing"
                                     << "Canary weight 30% · 1 of 5 failed checks" << none;
        QTest::newRow("WaitingPromotion")
            << "WaitingPromotion"
            << "Paused"
            << "waiting for the confirm-promotion gate" << int(FlaggerWait::ConfirmPromotion);
        QTest::newRow("Promoting") << "Promoting"
                                   << "Progressing"
                                   << "Promoting: copying the canary's spec to the primary" << none;
        QTest::newRow("Finalising") << "Finalising"
                                    << "Progressing"
                                    << "Finalising: routing all traffic to the primary" << none;
        QTest::newRow("Succeeded") << "Succeeded"
                                   << "Healthy" << QString() << none;
        QTest::newRow("Failed") << "Failed"
                                << "Degraded"
                                << "Rolled back" << none;
        QTest::newRow("Terminating") << "Terminating"
                                     << "Progressing"
                                     << "Terminating: reverting the target before deletion" << none;
        QTest::newRow("Terminated") << "Terminated"
                                    << "Healthy" << QString() << none;
        QTest::newRow("unknown") << "Paused"
                                 << "Progressing"
                                 << "Unknown Flagger phase \"Paused\"" << none;
    }

    void phaseMapping()
    {
        QFETCH(QString, flaggerPhase);
        QFETCH(QString, phase);
        QFETCH(QString, message);
        QFETCH(int, wait);
        const FlaggerCanary canary = canaryIn(flaggerPhase);
        const RolloutPhaseInfo info = FlaggerStatus::phase(canary);
        QCOMPARE(info.phase, phase);
        QCOMPARE(info.message, message);
        QCOMPARE(int(FlaggerStatus::wait(canary)), wait);
        // A person must act on every paused canary and on a failed one.
        QCOMPARE(requiresAttention(info), phase == "Paused" || phase == "Degraded");
    }

    void suspend()
    {
        for (const char *phase : {"Progressing", "Succeeded", "WaitingPromotion", ""}) {
            FlaggerCanary canary = canaryIn(QString::fromLatin1(phase));
            canary.spec.suspend = true;
            QCOMPARE(FlaggerStatus::phase(canary),
                     (RolloutPhaseInfo {QStringLiteral("Paused"), QStringLiteral("suspended")}));
            QCOMPARE(int(FlaggerStatus::wait(canary)), int(FlaggerWait::Suspended));
            QCOMPARE(FlaggerStatus::summary(canary),
                     QStringLiteral("Suspended: Flagger does not reconcile this canary"));
        }
        // A failed canary stays Degraded when suspended afterwards.
        const FlaggerCanary failed = fixture("flagger-canary-alias.json");
        QVERIFY(failed.spec.suspend);
        QCOMPARE(FlaggerStatus::phase(failed).phase, QStringLiteral("Degraded"));
        QCOMPARE(FlaggerStatus::phase(failed).message,
                 QStringLiteral("Rolled back after 4 failed checks"));
        QCOMPARE(int(FlaggerStatus::wait(failed)), int(FlaggerWait::None));
    }

    void summaries()
    {
        QCOMPARE(FlaggerStatus::summary(canaryIn(QStringLiteral("Progressing"))),
                 QStringLiteral("Canary weight 30% · 1 of 5 failed checks"));
        QCOMPARE(FlaggerStatus::summary(canaryIn(QStringLiteral("WaitingPromotion"))),
                 QStringLiteral("Waiting for promotion approval"));
        QCOMPARE(FlaggerStatus::summary(canaryIn(QStringLiteral("Waiting"))),
                 QStringLiteral("Waiting for rollout approval"));
        QCOMPARE(FlaggerStatus::summary(canaryIn(QStringLiteral("Succeeded"))),
                 QStringLiteral("Promoted"));
        QCOMPARE(FlaggerStatus::summary(canaryIn(QStringLiteral("Initializing"))),
                 QStringLiteral("Initializing: creating the primary"));

        FlaggerCanary failed = canaryIn(QStringLiteral("Failed"));
        failed.status.failedChecks = 5;
        QCOMPARE(FlaggerStatus::summary(failed),
                 QStringLiteral("Rolled back after 5 failed checks"));
        QCOMPARE(FlaggerStatus::phase(failed).message, FlaggerStatus::summary(failed));
        failed.status.failedChecks = 2; // the rollback gate or the progress deadline
        QCOMPARE(FlaggerStatus::summary(failed), QStringLiteral("Rolled back"));

        FlaggerCanary blueGreen = fixture("flagger-canary-bluegreen.json");
        QCOMPARE(FlaggerStatus::summary(blueGreen),
                 QStringLiteral("Iteration 3 of 10 · 0 of 2 failed checks"));
        blueGreen.spec.skipAnalysis = true;
        QCOMPARE(FlaggerStatus::summary(blueGreen),
                 QStringLiteral("Iteration 3 of 10 · 0 of 2 failed checks · analysis skipped"));
        // Without an analysis Flagger's threshold is 1.
        FlaggerCanary bare;
        bare.status.phase = QStringLiteral("Progressing");
        bare.status.canaryWeight = 100;
        QCOMPARE(FlaggerStatus::summary(bare),
                 QStringLiteral("Canary weight 100% · 0 of 1 failed checks"));
    }

    void steps()
    {
        QCOMPARE(FlaggerStatus::stepString(canaryIn(QStringLiteral("Progressing"))),
                 QStringLiteral("3/5"));
        QCOMPARE(FlaggerStatus::stepString(canaryIn(QStringLiteral("WaitingPromotion"))),
                 QStringLiteral("5/5"));
        QCOMPARE(FlaggerStatus::stepString(canaryIn(QStringLiteral("Promoting"))),
                 QStringLiteral("5/5"));
        QCOMPARE(FlaggerStatus::stepString(canaryIn(QStringLiteral("Succeeded"))), QString());
        QCOMPARE(FlaggerStatus::stepString(canaryIn(QStringLiteral("Waiting"))), QString());
        QCOMPARE(FlaggerStatus::stepString(fixture("flagger-canary-bluegreen.json")),
                 QStringLiteral("3/10"));
        QCOMPARE(FlaggerStatus::stepString(fixture("flagger-canary-abtesting.json")),
                 QStringLiteral("10/10"));
        // At the promotion gate Flagger writes weight 0 and one iteration short, while the
        // router stays at the max weight and every iteration has passed.
        QCOMPARE(FlaggerStatus::routedWeight(canaryIn(QStringLiteral("Progressing"))), 30);
        FlaggerCanary atGate = canaryIn(QStringLiteral("WaitingPromotion"));
        atGate.status.canaryWeight = 0;
        QCOMPARE(FlaggerStatus::routedWeight(atGate), 50);
        FlaggerCanary blueGreen = fixture("flagger-canary-bluegreen.json");
        QCOMPARE(FlaggerStatus::iterationsDone(blueGreen), 3);
        blueGreen.status.phase = QStringLiteral("WaitingPromotion");
        blueGreen.status.iterations = 9;
        QCOMPARE(FlaggerStatus::iterationsDone(blueGreen), 10);
    }

    void strategy()
    {
        QCOMPARE(flaggerStrategy(fixture("flagger-canary-stepweight.json")),
                 FlaggerStrategy::Canary);
        QCOMPARE(flaggerStrategy(fixture("flagger-canary-bluegreen.json")),
                 FlaggerStrategy::BlueGreen);
        QCOMPARE(flaggerStrategy(fixture("flagger-canary-abtesting.json")),
                 FlaggerStrategy::ABTesting);
        QCOMPARE(flaggerStrategy(FlaggerCanary()), FlaggerStrategy::Canary);
        // match without iterations is still a canary.
        FlaggerCanary matchOnly = withWeights(10, 50);
        matchOnly.spec.analysis->matchCount = 1;
        QCOMPARE(flaggerStrategy(matchOnly), FlaggerStrategy::Canary);

        const FlaggerCanary mirrored = fixture("flagger-canary-alias.json");
        QCOMPARE(flaggerStrategy(mirrored), FlaggerStrategy::Canary);
        QVERIFY(usesMirroring(mirrored));
        FlaggerCanary blueGreen = fixture("flagger-canary-bluegreen.json");
        QVERIFY(!usesMirroring(blueGreen));
        blueGreen.spec.analysis->mirror = true;
        QVERIFY(usesMirroring(blueGreen));
        FlaggerCanary ab = fixture("flagger-canary-abtesting.json");
        ab.spec.analysis->mirror = true;
        QVERIFY(!usesMirroring(ab));
    }

    void weightSchedule()
    {
        QCOMPARE(flaggerWeightSchedule(withWeights(10, 50)), QList<qint32>({10, 20, 30, 40, 50}));
        QCOMPARE(flaggerWeightSchedule(withWeights(30, 50)), QList<qint32>({30, 60}));
        QCOMPARE(flaggerWeightSchedule(withWeights(25, 0)), QList<qint32>({25, 50, 75, 100}));
        QCOMPARE(flaggerWeightSchedule(withWeights(40, 200)), QList<qint32>({40, 80, 100}));
        QCOMPARE(flaggerWeightSchedule(withWeights(0, 0, {1, 2, 10, 80})),
                 QList<qint32>({1, 2, 10, 80}));
        // Past the listed steps Flagger jumps to the total weight.
        QCOMPARE(flaggerWeightSchedule(withWeights(0, 0, {5, 150})), QList<qint32>({5, 100}));
        QCOMPARE(flaggerMaxWeight(*withWeights(0, 30, {5, 150}).spec.analysis), 100);
        QCOMPARE(flaggerMaxWeight(*withWeights(10, 0).spec.analysis), 100);
        QCOMPARE(flaggerMaxWeight(*withWeights(10, 30).spec.analysis), 30);
        // stepWeight wins over stepWeights for the increments, as nextStepWeight decides.
        QCOMPARE(flaggerWeightSchedule(withWeights(20, 0, {10, 50})), QList<qint32>({20, 40, 60}));
        // Nothing advances: no step, a negative one, or a descending list.
        QVERIFY(flaggerWeightSchedule(withWeights(0, 50)).isEmpty());
        QVERIFY(flaggerWeightSchedule(withWeights(-5, 50)).isEmpty());
        QCOMPARE(flaggerWeightSchedule(withWeights(0, 0, {50, 20, 60})), QList<qint32>({50}));
        QCOMPARE(flaggerWeightSchedule(withWeights(0, 0, {INT_MIN, INT_MAX})), QList<qint32>());
        QCOMPARE(flaggerWeightSchedule(withWeights(1, INT_MAX)).size(), 100);
        QVERIFY(flaggerWeightSchedule(fixture("flagger-canary-bluegreen.json")).isEmpty());
        QVERIFY(flaggerWeightSchedule(FlaggerCanary()).isEmpty());
    }

    void gateWebhooks()
    {
        const FlaggerCanary canary = fixture("flagger-canary-stepweight.json");
        const QList<FlaggerGateWebhook> gates = flaggerGateWebhooks(canary);
        QCOMPARE(gates.size(), 3);
        QCOMPARE(gates.at(0).kind, FlaggerGateKind::ConfirmRollout);
        QCOMPARE(gates.at(0).webhook.name, QStringLiteral("start-gate"));
        QCOMPARE(gates.at(1).kind, FlaggerGateKind::ConfirmPromotion);
        QCOMPARE(gates.at(2).kind, FlaggerGateKind::Rollback);
        QCOMPARE(flaggerGateWebhook(canary, FlaggerGateKind::Rollback)->url,
                 QStringLiteral("http://flagger-loadtester.test/rollback/check"));
        QVERIFY(!flaggerGateWebhook(canary, FlaggerGateKind::ConfirmTrafficIncrease));
        QCOMPARE(flaggerGateKind(QStringLiteral("confirm-traffic-increase")),
                 std::optional<FlaggerGateKind>(FlaggerGateKind::ConfirmTrafficIncrease));
        QVERIFY(!flaggerGateKind(QStringLiteral("pre-rollout")));
        QVERIFY(!flaggerGateKind(QString()));
        QVERIFY(flaggerGateWebhooks(FlaggerCanary()).isEmpty());
    }

    void loadTesterUrls()
    {
        const FlaggerGateEndpoint gate
            = parseLoadTesterUrl(QStringLiteral("http://flagger-loadtester.test/gate/check"));
        QVERIFY2(gate.valid, qPrintable(gate.invalidReason));
        QCOMPARE(gate.scheme, QStringLiteral("http"));
        QCOMPARE(gate.serviceName, QStringLiteral("flagger-loadtester"));
        QCOMPARE(gate.namespaceName, QStringLiteral("test"));
        QCOMPARE(gate.port, 80);
        QCOMPARE(gate.path, QStringLiteral("/gate/check"));
        QVERIFY(gate.isSwitchable());
        QCOMPARE(gate.siblingPath(QStringLiteral("open")), QStringLiteral("/gate/open"));
        QCOMPARE(gate.proxyPath(gate.siblingPath(QStringLiteral("open"))),
                 QStringLiteral("/api/v1/namespaces/test/services/flagger-loadtester:80/proxy/"
                                "gate/open"));

        // A port; the rollback gate's siblings.
        const FlaggerGateEndpoint local
            = parseLoadTesterUrl(QStringLiteral("http://loadtester.shop:8080/rollback/check"));
        QVERIFY(local.valid);
        QCOMPARE(local.namespaceName, QStringLiteral("shop"));
        QCOMPARE(local.port, 8080);
        QCOMPARE(local.siblingPath(QStringLiteral("close")), QStringLiteral("/rollback/close"));

        // https, the full cluster name, a path prefix.
        const FlaggerGateEndpoint secure = parseLoadTesterUrl(
            QStringLiteral("https://gates.flagger.svc.cluster.local/lt/gate/check"));
        QVERIFY(secure.valid);
        QCOMPARE(secure.serviceName, QStringLiteral("gates"));
        QCOMPARE(secure.namespaceName, QStringLiteral("flagger"));
        QCOMPARE(secure.port, 443);
        QCOMPARE(secure.siblingPath(QStringLiteral("open")), QStringLiteral("/lt/gate/open"));
        QCOMPARE(secure.proxyPath(QStringLiteral("/lt/gate/open")),
                 QStringLiteral("/api/v1/namespaces/flagger/services/https:gates:443/proxy/lt/"
                                "gate/open"));

        // Fixed answers: valid, but nothing to switch.
        const FlaggerGateEndpoint approve
            = parseLoadTesterUrl(QStringLiteral("http://flagger-loadtester.test/gate/approve"));
        QVERIFY(approve.valid);
        QVERIFY(!approve.isSwitchable());
        QVERIFY(approve.siblingPath(QStringLiteral("open")).isEmpty());
    }

    void foreignAndJunkUrls_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("reason");
        QTest::newRow("outside host")
            << "https://gates.example.com/gate/check"
            << "gates.example.com is not a service in the cluster (expected name.namespace, "
               "name.namespace.svc or name.namespace.svc.cluster.local)";
        // Flagger resolves a bare name in its own namespace, which the dashboard cannot know.
        QTest::newRow("bare name")
            << "http://loadtester:8080/gate/check"
            << "loadtester names no namespace: Flagger resolves it in its own namespace, which "
               "the dashboard cannot know (write loadtester.<namespace>)";
        // Resolved outside the cluster, not the Service the proxy reaches.
        QTest::newRow("svc elsewhere")
            << "http://loadtester.test.svc.example.com/gate/check"
            << "loadtester.test.svc.example.com is not a service in the cluster (expected "
               "name.namespace, name.namespace.svc or name.namespace.svc.cluster.local)";
        // A malformed URL is quoted without its credentials.
        QTest::newRow("junk with credentials") << "http://admin:s3cr3t@exa mple/"
                                               << "\"http://[redacted]@exa mple/\" is not a URL";
        QTest::newRow("ipv4") << "http://10.0.0.7:8080/gate/check"
                              << "10.0.0.7 is an IP address, not a service in the cluster";
        QTest::newRow("ipv6") << "http://[fd00::7]/gate/check"
                              << "fd00::7 is an IP address, not a service in the cluster";
        QTest::newRow("scheme") << "ftp://flagger-loadtester.test/gate/check"
                                << "the scheme ftp is not http or https";
        QTest::newRow("credentials") << "http://admin:secret@flagger-loadtester.test/gate/check"
                                     << "the URL carries user credentials";
        QTest::newRow("relative") << "/gate/check"
                                  << "\"/gate/check\" is not a URL";
        QTest::newRow("empty") << QString() << "\"\" is not a URL";
        QTest::newRow("junk") << "http://exa mple/%%"
                              << "\"http://exa mple/%%\" is not a URL";
        QTest::newRow("underscore") << "http://load_tester.test/gate/check"
                                    << "load_tester.test is not a service in the cluster "
                                       "(expected name.namespace, name.namespace.svc or "
                                       "name.namespace.svc.cluster.local)";
        QTest::newRow("no host") << "http:///gate/check"
                                 << "the URL has no host";
        QTest::newRow("huge") << "http://a.b/" + QString(5000, QLatin1Char('x'))
                              << "the URL is longer than 2048 characters";
    }

    void foreignAndJunkUrls()
    {
        QFETCH(QString, url);
        QFETCH(QString, reason);
        const FlaggerGateEndpoint endpoint = parseLoadTesterUrl(url);
        QVERIFY(!endpoint.valid);
        QCOMPARE(endpoint.invalidReason, reason);
        QVERIFY(!endpoint.isSwitchable());
    }
};

QTEST_GUILESS_MAIN(TestFlaggerCanaryStatus)
#include "tst_flaggercanarystatus.moc"
