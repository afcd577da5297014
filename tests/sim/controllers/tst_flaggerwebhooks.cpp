// SPDX-License-Identifier: GPL-3.0-or-later
// rd-sim's Flagger controller and its load tester: the manual gates (confirm-rollout,
// confirm-promotion, confirm-traffic-increase, rollback), rollout hooks, and metric
// templates, on a frozen clock.

#include "flaggerfixture.h"

using namespace FlaggerTest;

namespace {

QJsonObject webhook(const char *type, const char *path,
                    const char *host = "flagger-loadtester.test")
{
    return QJsonObject {
        {QStringLiteral("name"), QStringLiteral("%1-gate").arg(QLatin1String(type))},
        {QStringLiteral("type"), QString::fromLatin1(type)},
        {QStringLiteral("url"),
         QStringLiteral("http://%1/%2").arg(QLatin1String(host), QLatin1String(path))}};
}

QJsonObject analysisWith(const QJsonArray &webhooks, const char *extra = "{}")
{
    QJsonObject analysis = ControllerTest::parse(extra);
    if (!analysis.contains(QLatin1String("stepWeight")))
        analysis.insert(QStringLiteral("stepWeight"), 25);
    if (!analysis.contains(QLatin1String("maxWeight")))
        analysis.insert(QStringLiteral("maxWeight"), 50);
    analysis.insert(QStringLiteral("webhooks"), webhooks);
    return analysis;
}

} // namespace

class TestFlaggerWebhooks : public QObject
{
    Q_OBJECT

private slots:
    void loadTesterGates();
    void confirmRolloutWaitsForTheGate();
    void confirmPromotionWaitsWhileChecksContinue();
    void confirmTrafficIncreaseHoldsTheWeight();
    void rollbackWebhookRollsBack();
    void failingRolloutHookCountsFailedChecks();
    void missingLoadTesterServiceFailsTheCall();
    void metricTemplateQueryIsJudged();
};

void TestFlaggerWebhooks::loadTesterGates()
{
    FlaggerLoadTester tester;
    const QByteArray payload = R"({"name":"podinfo","namespace":"test"})";
    QCOMPARE(tester.handle(QStringLiteral("test"), QStringLiteral("/gate/approve"), {}).status,
             200);
    QCOMPARE(tester.handle(QStringLiteral("test"), QStringLiteral("/gate/halt"), {}).status, 403);
    QCOMPARE(tester.handle(QStringLiteral("test"), QStringLiteral("/gate/check"), payload).status,
             403);
    QCOMPARE(tester.handle(QStringLiteral("test"), QStringLiteral("/gate/open"), payload).status,
             202);
    QCOMPARE(tester.handle(QStringLiteral("test"), QStringLiteral("/gate/check"), payload).body,
             QByteArray("Approved"));
    // Each load tester has its own gates, and the rollback gate is another one.
    QCOMPARE(tester.handle(QStringLiteral("flagger-system"), QStringLiteral("/gate/check"), payload)
                 .status,
             403);
    QCOMPARE(
        tester.handle(QStringLiteral("test"), QStringLiteral("/rollback/check"), payload).status,
        403);
    QCOMPARE(
        tester.handle(QStringLiteral("test"), QStringLiteral("/rollback/open"), payload).status,
        202);
    QCOMPARE(
        tester.handle(QStringLiteral("test"), QStringLiteral("/rollback/check"), payload).status,
        200);
    QCOMPARE(tester.handle(QStringLiteral("test"), QStringLiteral("/gate/close"), payload).status,
             202);
    QCOMPARE(tester.handle(QStringLiteral("test"), QStringLiteral("/gate/check"), payload).status,
             403);
    // Hostile bodies and paths get an answer, never a crash.
    QCOMPARE(
        tester.handle(QStringLiteral("test"), QStringLiteral("/gate/open"), "{not json").status,
        400);
    QCOMPARE(tester.handle(QStringLiteral("test"), QStringLiteral("/gate/open"), R"({"name":""})")
                 .status,
             400);
    QCOMPARE(tester
                 .handle(QStringLiteral("test"), QStringLiteral("/gate/open"),
                         QByteArray(FlaggerLoadTester::kMaxBodyBytes + 1, ' '))
                 .status,
             400);
    QCOMPARE(tester.handle(QStringLiteral("test"), QStringLiteral("/nope"), payload).status, 404);
}

void TestFlaggerWebhooks::confirmRolloutWaitsForTheGate()
{
    FlaggerCluster c;
    c.create(services(), loadTesterService(c.kNs));
    QVERIFY(c.start(canaryObject(analysisWith({webhook("confirm-rollout", "gate/check")}))));
    c.setTargetImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QVERIFY(c.waitForPhase(QStringLiteral("Waiting")));
    QCOMPARE(c.promoted().value(QLatin1String("message")).toString(),
             QStringLiteral("Waiting for approval."));
    c.advance(3 * kIntervalSeconds);
    QCOMPARE(c.canaryPhase(), QStringLiteral("Waiting"));
    QCOMPARE(c.replicas(QStringLiteral("podinfo")), 0);
    QVERIFY(c.flaggerEvents().contains(
        QStringLiteral("Halt podinfo.test advancement waiting for approval confirm-rollout-gate")));

    QCOMPARE(c.gate("/gate/open").status, 202);
    QVERIFY(c.waitForPhase(QStringLiteral("Progressing")));
    QCOMPARE(c.replicas(QStringLiteral("podinfo")), 2);
    QVERIFY(c.flaggerEvents().contains(
        QStringLiteral("Confirm-rollout check confirm-rollout-gate passed")));
}

void TestFlaggerWebhooks::confirmPromotionWaitsWhileChecksContinue()
{
    FlaggerCluster c;
    c.create(services(), loadTesterService(c.kNs));
    QVERIFY(c.start(canaryObject(analysisWith(
        {webhook("confirm-promotion", "gate/check")},
        R"({"threshold": 3, "metrics": [{"name": "request-success-rate", "thresholdRange": {"min": 99}}]})"))));
    c.setTargetImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QVERIFY(c.waitForPhase(QStringLiteral("WaitingPromotion")));
    QCOMPARE(c.canaryInt("canaryWeight"), 0); // as Flagger's SetStatusPhase writes it
    QCOMPARE(c.image(QStringLiteral("podinfo-primary")),
             QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.0"));
    c.advance(4 * kIntervalSeconds);
    QCOMPARE(c.canaryPhase(), QStringLiteral("WaitingPromotion"));
    QVERIFY(c.flaggerEvents().contains(QStringLiteral(
        "Halt podinfo.test advancement waiting for promotion approval confirm-promotion-gate")));

    // The metric checks go on while it waits: a canary turning bad now fails.
    MetricBehaviour bad;
    bad.ns = c.kNs;
    bad.rollout = QStringLiteral("podinfo");
    bad.canaryErrorRatio = 0.3;
    c.metrics.setBehaviour(bad);
    QVERIFY(c.waitFor([&] { return c.canaryInt("failedChecks") >= 1; }, 120));
    QCOMPARE(c.canaryPhase(), QStringLiteral("WaitingPromotion"));
    c.metrics.setBehaviour(MetricBehaviour {c.kNs, QStringLiteral("podinfo")});

    QCOMPARE(c.gate("/gate/open").status, 202);
    QVERIFY(c.waitForPhase(QStringLiteral("Promoting")));
    QVERIFY(c.flaggerEvents().contains(
        QStringLiteral("Confirm-promotion check confirm-promotion-gate passed")));
    QVERIFY(c.waitForPhase(QStringLiteral("Succeeded")));
    QCOMPARE(c.image(QStringLiteral("podinfo-primary")),
             QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
}

void TestFlaggerWebhooks::confirmTrafficIncreaseHoldsTheWeight()
{
    FlaggerCluster c;
    c.create(services(), loadTesterService(c.kNs));
    QVERIFY(
        c.start(canaryObject(analysisWith({webhook("confirm-traffic-increase", "gate/check")}))));
    c.setTargetImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QVERIFY(c.waitForPhase(QStringLiteral("Progressing")));
    c.advance(4 * kIntervalSeconds);
    QCOMPARE(c.canaryInt("canaryWeight"), 0);
    QVERIFY(c.flaggerEvents().contains(
        QStringLiteral("Halt podinfo.test advancement waiting for traffic increase approval "
                       "confirm-traffic-increase-gate")));
    QCOMPARE(c.gate("/gate/open").status, 202);
    QVERIFY(c.waitFor([&] { return c.canaryInt("canaryWeight") == 25; }));
}

void TestFlaggerWebhooks::rollbackWebhookRollsBack()
{
    FlaggerCluster c;
    c.create(services(), loadTesterService(c.kNs));
    QVERIFY(c.start(canaryObject(analysisWith({webhook("rollback", "rollback/check")}))));
    c.setTargetImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QVERIFY(c.waitFor([&] { return c.canaryInt("canaryWeight") == 25; }));
    QVERIFY(c.flaggerEvents().contains(
        QStringLiteral("Rollback hook rollback-gate not signaling a rollback")));
    QCOMPARE(c.gate("/rollback/open").status, 202);
    QVERIFY(c.waitForPhase(QStringLiteral("Failed")));
    QCOMPARE(c.replicas(QStringLiteral("podinfo")), 0);
    QCOMPARE(c.canaryInt("canaryWeight"), 0);
    const QStringList events = c.flaggerEvents();
    QVERIFY(events.contains(QStringLiteral("Rollback check rollback-gate passed")));
    QVERIFY(events.contains(QStringLiteral("Rolling back podinfo.test manual webhook invoked")));
}

void TestFlaggerWebhooks::failingRolloutHookCountsFailedChecks()
{
    FlaggerCluster c;
    c.create(services(), loadTesterService(c.kNs));
    QVERIFY(c.start(
        canaryObject(analysisWith({webhook("rollout", "gate/halt")}, R"({"threshold": 2})"))));
    c.setTargetImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QVERIFY(c.waitForPhase(QStringLiteral("Failed")));
    QVERIFY(c.flaggerEvents().contains(QStringLiteral(
        "Halt podinfo.test advancement external check rollout-gate failed Forbidden")));
    QVERIFY(c.flaggerEvents().contains(
        QStringLiteral("Rolling back podinfo.test failed checks threshold reached 2")));
}

void TestFlaggerWebhooks::missingLoadTesterServiceFailsTheCall()
{
    FlaggerCluster c;
    // A pre-rollout hook to a load tester in a namespace that has none; any other host passes.
    QVERIFY(c.start(canaryObject(analysisWith(
        {webhook("pre-rollout", "gate/approve", "flagger-loadtester.elsewhere.svc.cluster.local"),
         webhook("rollout", "anything", "hooks.example.com")},
        R"({"threshold": 1})"))));
    c.setTargetImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QVERIFY(c.waitForPhase(QStringLiteral("Failed")));
    QVERIFY(c.flaggerEvents().contains(QStringLiteral(
        "Halt podinfo.test advancement pre-rollout check pre-rollout-gate failed Post "
        "\"http://flagger-loadtester.elsewhere.svc.cluster.local/gate/approve\": dial tcp: lookup "
        "flagger-loadtester.elsewhere.svc.cluster.local: no such host")));
}

void TestFlaggerWebhooks::metricTemplateQueryIsJudged()
{
    FlaggerCluster c;
    c.create(metricTemplates(), parse(R"({
        "apiVersion": "flagger.app/v1beta1", "kind": "MetricTemplate",
        "metadata": {"name": "error-rate", "namespace": "test"},
        "spec": {"provider": {"type": "prometheus", "address": "http://prometheus.monitoring:9090"},
                 "query": "sum(rate(http_requests_total{namespace=\"{{ namespace }}\",pod=~\"{{ target }}-.*\",status=~\"5..\"}[{{ interval }}])) / sum(rate(http_requests_total{namespace=\"{{ namespace }}\",pod=~\"{{ target }}-.*\"}[{{ interval }}])) * 100"}
    })"));
    MetricBehaviour bad;
    bad.ns = c.kNs;
    bad.rollout = QStringLiteral("podinfo");
    bad.canaryErrorRatio = 0.05;
    c.metrics.setBehaviour(bad);
    QVERIFY(c.start(canaryObject(parse(R"({"stepWeight": 20, "threshold": 1,
        "metrics": [{"name": "error-rate", "templateRef": {"name": "error-rate"},
                     "thresholdRange": {"max": 1}, "interval": "1m"}]})"))));
    c.setTargetImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QVERIFY(c.waitForPhase(QStringLiteral("Failed")));
    bool halted = false;
    for (const QString &event : c.flaggerEvents())
        halted = halted
            || (event.startsWith(QStringLiteral("Halt podinfo.test advancement error-rate "))
                && event.endsWith(QStringLiteral(" > 1")));
    QVERIFY2(halted, qPrintable(c.flaggerEvents().join(u'\n')));
}

QTEST_GUILESS_MAIN(TestFlaggerWebhooks)
#include "tst_flaggerwebhooks.moc"
