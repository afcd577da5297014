// SPDX-License-Identifier: GPL-3.0-or-later
// rd-sim's Flagger controller on a frozen clock: Flagger's course for a Deployment target
// from Initializing to Succeeded or Failed, its status, conditions and Events.

#include "flaggerfixture.h"

#include "controllers/jsonutil.h"
#include "metrics/metricpods.h"

#include <QRegularExpression>

using namespace FlaggerTest;

class TestFlaggerController : public QObject
{
    Q_OBJECT

private slots:
    void initializationMakesPrimaryAndServices();
    void newRevisionAdvancesByStepWeightAndPromotes();
    void stepWeightsSetTheSchedule();
    void unorderedStepWeightsNeverStepBack();
    void failedChecksRollBack();
    void suspendFreezesEverything();
    void skipAnalysisPromotesAtOnce();
    void blueGreenCountsIterations();
    void previousImageStartsAReleaseInFlight();
    void targetPodsAreTheCanaryInTheMetrics();
};

void TestFlaggerController::initializationMakesPrimaryAndServices()
{
    FlaggerCluster c;
    c.create(deployments(), podinfoDeployment());
    c.create(canaries(), canaryObject(parse(R"({"stepWeight": 10, "maxWeight": 30})")));
    c.pass();
    QCOMPARE(c.canaryPhase(), QStringLiteral("Initializing"));
    QCOMPARE(c.promoted().value(QLatin1String("status")).toString(), QStringLiteral("Unknown"));
    QCOMPARE(c.promoted().value(QLatin1String("message")).toString(),
             QStringLiteral("New Deployment detected, starting initialization."));
    // The target keeps serving until the primary is ready.
    QCOMPARE(c.replicas(QStringLiteral("podinfo")), 2);
    QVERIFY(c.waitForPhase(QStringLiteral("Initialized")));

    const QJsonObject primary = c.deployment(QStringLiteral("podinfo-primary"));
    QCOMPARE(at(primary, QStringLiteral("spec.replicas")).toInt(), 2);
    QCOMPARE(at(primary, QStringLiteral("spec.selector.matchLabels.app")).toString(),
             QStringLiteral("podinfo-primary"));
    QCOMPARE(at(primary, QStringLiteral("spec.template.metadata.labels.app")).toString(),
             QStringLiteral("podinfo-primary"));
    QCOMPARE(at(primary, QStringLiteral("metadata.ownerReferences.0.kind")).toString(),
             QStringLiteral("Canary"));
    QCOMPARE(c.image(QStringLiteral("podinfo-primary")),
             QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.0"));
    QCOMPARE(c.replicas(QStringLiteral("podinfo")), 0);
    const auto selector = [&](const char *name) {
        return at(c.get(services(), QString::fromLatin1(name), c.kNs),
                  QStringLiteral("spec.selector.app"))
            .toString();
    };
    QCOMPARE(selector("podinfo"), QStringLiteral("podinfo-primary"));
    QCOMPARE(selector("podinfo-primary"), QStringLiteral("podinfo-primary"));
    QCOMPARE(selector("podinfo-canary"), QStringLiteral("podinfo"));
    QCOMPARE(
        at(c.get(services(), QStringLiteral("podinfo"), c.kNs), QStringLiteral("spec.ports.0.port"))
            .toInt(),
        9898);

    const QJsonObject status = c.canaryStatus();
    QVERIFY(!status.value(QLatin1String("lastAppliedSpec")).toString().isEmpty());
    QCOMPARE(status.value(QLatin1String("lastPromotedSpec")),
             status.value(QLatin1String("lastAppliedSpec")));
    QCOMPARE(status.value(QLatin1String("canaryWeight")).toInt(-1), 0);
    QCOMPARE(status.value(QLatin1String("failedChecks")).toInt(-1), 0);
    QVERIFY(status.value(QLatin1String("trackedConfigs")).isObject());
    QVERIFY(!status.value(QLatin1String("lastTransitionTime")).toString().isEmpty());
    QCOMPARE(c.promoted().value(QLatin1String("status")).toString(), QStringLiteral("True"));
    QCOMPARE(c.promoted().value(QLatin1String("reason")).toString(), QStringLiteral("Initialized"));
    QCOMPARE(c.promoted().value(QLatin1String("message")).toString(),
             QStringLiteral("Deployment initialization completed."));
    QVERIFY(c.flaggerEvents().contains(QStringLiteral("Initialization done! podinfo.test")));

    // Nothing changed: later ticks leave it Initialized.
    c.advance(3 * kIntervalSeconds);
    QCOMPARE(c.canaryPhase(), QStringLiteral("Initialized"));
}

void TestFlaggerController::newRevisionAdvancesByStepWeightAndPromotes()
{
    FlaggerCluster c;
    QVERIFY(c.start(canaryObject(parse(R"({"stepWeight": 10, "maxWeight": 30, "threshold": 2,
        "metrics": [{"name": "request-success-rate", "thresholdRange": {"min": 99}, "interval": "1m"},
                    {"name": "request-duration", "thresholdRange": {"max": 500}, "interval": "1m"}]})"))));
    const QString promotedBefore
        = c.canaryStatus().value(QLatin1String("lastPromotedSpec")).toString();
    c.setTargetImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QVERIFY(c.waitForPhase(QStringLiteral("Progressing")));
    QCOMPARE(c.replicas(QStringLiteral("podinfo")), 2);
    QCOMPARE(c.promoted().value(QLatin1String("message")).toString(),
             QStringLiteral("New revision detected, progressing canary analysis."));
    QVERIFY(c.canaryStatus().value(QLatin1String("lastAppliedSpec")).toString() != promotedBefore);

    const QList<int> weights = c.weightsUntil(QStringLiteral("Promoting"));
    QCOMPARE(weights, (QList<int> {0, 10, 20, 30}));
    QCOMPARE(c.canaryPhase(), QStringLiteral("Promoting"));
    QCOMPARE(c.image(QStringLiteral("podinfo-primary")),
             QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QCOMPARE(at(c.deployment(QStringLiteral("podinfo-primary")),
                QStringLiteral("spec.template.metadata.labels.app"))
                 .toString(),
             QStringLiteral("podinfo-primary"));
    QVERIFY(c.waitForPhase(QStringLiteral("Finalising")));
    QVERIFY(c.waitForPhase(QStringLiteral("Succeeded")));
    QCOMPARE(c.replicas(QStringLiteral("podinfo")), 0);
    QCOMPARE(c.canaryInt("canaryWeight"), 0);
    QCOMPARE(c.canaryInt("failedChecks"), 0);
    const QJsonObject status = c.canaryStatus();
    QCOMPARE(status.value(QLatin1String("lastPromotedSpec")),
             status.value(QLatin1String("lastAppliedSpec")));
    QCOMPARE(c.promoted().value(QLatin1String("status")).toString(), QStringLiteral("True"));
    QCOMPARE(c.promoted().value(QLatin1String("reason")).toString(), QStringLiteral("Succeeded"));

    const QStringList events = c.flaggerEvents();
    for (const char *expected :
         {"New revision detected! Scaling up podinfo.test",
          "Starting canary analysis for podinfo.test", "Advance podinfo.test canary weight 10",
          "Advance podinfo.test canary weight 30",
          "Copying podinfo.test template spec to podinfo-primary.test",
          "Routing all traffic to primary", "Promotion completed! Scaling down podinfo.test"})
        QVERIFY2(events.contains(QString::fromLatin1(expected)), expected);
}

void TestFlaggerController::stepWeightsSetTheSchedule()
{
    FlaggerCluster c;
    // The deprecated spec.canaryAnalysis is read like spec.analysis.
    QVERIFY(c.start(canaryObject(parse(R"({"stepWeights": [5, 25, 50]})"), {},
                                 QStringLiteral("canaryAnalysis"))));
    c.setTargetImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QVERIFY(c.waitForPhase(QStringLiteral("Progressing")));
    QCOMPARE(c.weightsUntil(QStringLiteral("Promoting")), (QList<int> {0, 5, 25, 50}));
    QVERIFY(c.waitForPhase(QStringLiteral("Succeeded")));
}

// A hostile unordered list (found by fuzz/flaggersim.cpp): the weight only ever grows, to the
// next listed weight above it, and the canary is promoted.
void TestFlaggerController::unorderedStepWeightsNeverStepBack()
{
    FlaggerCluster c;
    QVERIFY(c.start(canaryObject(parse(R"({"stepWeights": [2, 1, 10, 80]})"))));
    c.setTargetImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QVERIFY(c.waitForPhase(QStringLiteral("Progressing")));
    QCOMPARE(c.weightsUntil(QStringLiteral("Promoting")), (QList<int> {0, 2, 10, 80}));
    QVERIFY(c.waitForPhase(QStringLiteral("Succeeded")));
}

void TestFlaggerController::failedChecksRollBack()
{
    FlaggerCluster c;
    MetricBehaviour bad;
    bad.ns = c.kNs;
    bad.rollout = QStringLiteral("podinfo");
    bad.canaryErrorRatio = 0.2;
    c.metrics.setBehaviour(bad);
    QVERIFY(c.start(canaryObject(parse(R"({"stepWeight": 10, "maxWeight": 50, "threshold": 2,
        "metrics": [{"name": "request-success-rate", "thresholdRange": {"min": 99}}]})"))));
    c.setTargetImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QVERIFY(c.waitForPhase(QStringLiteral("Progressing")));
    QVERIFY(c.waitFor([&] { return c.canaryInt("failedChecks") == 1; }));
    QCOMPARE(c.canaryInt("canaryWeight"), 10); // the first tick only starts the analysis
    QVERIFY(c.waitForPhase(QStringLiteral("Failed")));
    QCOMPARE(c.canaryInt("canaryWeight"), 0);
    QCOMPARE(c.replicas(QStringLiteral("podinfo")), 0);
    QCOMPARE(c.image(QStringLiteral("podinfo-primary")),
             QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.0"));
    QCOMPARE(c.promoted().value(QLatin1String("status")).toString(), QStringLiteral("False"));
    QCOMPARE(c.promoted().value(QLatin1String("reason")).toString(), QStringLiteral("Failed"));
    QCOMPARE(c.promoted().value(QLatin1String("message")).toString(),
             QStringLiteral("Canary analysis failed, Deployment scaled to zero."));
    const QStringList events = c.flaggerEvents();
    QVERIFY(events.contains(
        QStringLiteral("Rolling back podinfo.test failed checks threshold reached 2")));
    QVERIFY(events.contains(QStringLiteral("Canary failed! Scaling down podinfo.test")));
    // 20 % errors: a success rate of 80 % within the synthetic wobble (4.5 % of 0.2).
    static const QRegularExpression halt(
        QStringLiteral("^Halt podinfo\\.test advancement success rate (\\d+\\.\\d\\d)% < 99%$"));
    bool halted = false;
    for (const QString &event : events) {
        const QRegularExpressionMatch m = halt.match(event);
        halted = halted || (m.hasMatch() && qAbs(m.captured(1).toDouble() - 80.0) < 1.0);
    }
    QVERIFY2(halted, qPrintable(events.join(u'\n')));

    // The same bad template is not tried again, nor the promoted one (a manual rollback); a
    // new one is.
    c.advance(3 * kIntervalSeconds);
    QCOMPARE(c.canaryPhase(), QStringLiteral("Failed"));
    c.setTargetImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.0"));
    c.advance(3 * kIntervalSeconds);
    QCOMPARE(c.canaryPhase(), QStringLiteral("Failed"));
    c.setTargetImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.2"));
    QVERIFY(c.waitForPhase(QStringLiteral("Progressing")));
}

void TestFlaggerController::suspendFreezesEverything()
{
    FlaggerCluster c;
    QVERIFY(c.start(canaryObject(parse(R"({"stepWeight": 10, "maxWeight": 50})"))));
    c.setTargetImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QVERIFY(c.waitFor([&] { return c.canaryInt("canaryWeight") == 10; }));
    c.updateCanarySpec([](QJsonObject &spec) { spec.insert(QStringLiteral("suspend"), true); });
    const auto version = [&](const QJsonObject &o) {
        return at(o, QStringLiteral("metadata.resourceVersion")).toString();
    };
    const QString canaryVersion = version(c.canary());
    const QString targetVersion = version(c.deployment(QStringLiteral("podinfo")));
    const QString primaryVersion = version(c.deployment(QStringLiteral("podinfo-primary")));
    c.advance(5 * kIntervalSeconds);
    QCOMPARE(version(c.canary()), canaryVersion);
    QCOMPARE(version(c.deployment(QStringLiteral("podinfo"))), targetVersion);
    QCOMPARE(version(c.deployment(QStringLiteral("podinfo-primary"))), primaryVersion);
    QCOMPARE(c.canaryInt("canaryWeight"), 10);
    QVERIFY(
        c.flaggerEvents().contains(QStringLiteral("skipping canary run as object is suspended")));

    c.updateCanarySpec([](QJsonObject &spec) { spec.insert(QStringLiteral("suspend"), false); });
    QVERIFY(c.waitFor([&] { return c.canaryInt("canaryWeight") == 20; }));
}

void TestFlaggerController::skipAnalysisPromotesAtOnce()
{
    FlaggerCluster c;
    QVERIFY(c.start(canaryObject(parse(R"({"stepWeight": 10, "maxWeight": 50})"),
                                 QJsonObject {{QStringLiteral("skipAnalysis"), true}})));
    c.setTargetImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QVERIFY(c.waitForPhase(QStringLiteral("Progressing")));
    QVERIFY(c.waitForPhase(QStringLiteral("Succeeded")));
    QCOMPARE(c.image(QStringLiteral("podinfo-primary")),
             QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QCOMPARE(c.replicas(QStringLiteral("podinfo")), 0);
    const QStringList events = c.flaggerEvents();
    QVERIFY(events.contains(
        QStringLiteral("Promotion completed! Canary analysis was skipped for podinfo.test")));
    for (const QString &event : events)
        QVERIFY2(!event.startsWith(QStringLiteral("Advance")), qPrintable(event));
}

void TestFlaggerController::blueGreenCountsIterations()
{
    FlaggerCluster c;
    QVERIFY(c.start(
        canaryObject(parse(R"({"iterations": 3})"),
                     QJsonObject {{QStringLiteral("provider"), QStringLiteral("kubernetes")}})));
    c.setTargetImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QVERIFY(c.waitForPhase(QStringLiteral("Progressing")));
    QList<int> iterations {c.canaryInt("iterations")};
    for (int i = 0; i < 20 && c.canaryPhase() == QLatin1String("Progressing"); ++i) {
        c.advance(kIntervalSeconds);
        QCOMPARE(c.canaryInt("canaryWeight"), 0); // the kubernetes provider shifts no traffic
        const int n = c.canaryInt("iterations");
        if (iterations.last() != n)
            iterations << n;
    }
    // 0 (the analysis starts), 1..3, one more to route, then Promoting resets the count.
    QCOMPARE(iterations.mid(0, 5), (QList<int> {0, 1, 2, 3, 4}));
    QVERIFY(c.waitForPhase(QStringLiteral("Succeeded")));
    QVERIFY(
        c.flaggerEvents().contains(QStringLiteral("Advance podinfo.test canary iteration 3/3")));
    QCOMPARE(c.image(QStringLiteral("podinfo-primary")),
             QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
}

void TestFlaggerController::previousImageStartsAReleaseInFlight()
{
    FlaggerCluster c;
    QJsonObject target = podinfoDeployment();
    JsonUtil::setAt(
        target, "spec.template.spec.containers",
        QJsonArray {QJsonObject {
            {QStringLiteral("name"), QStringLiteral("podinfod")},
            {QStringLiteral("image"), QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1")}}});
    JsonUtil::setAnnotation(target, QStringLiteral("rd-sim.dev/previous-image"),
                            QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.0"));
    c.create(deployments(), target);
    c.create(canaries(), canaryObject(parse(R"({"stepWeight": 50})")));
    QVERIFY(c.waitForPhase(QStringLiteral("Initialized")));
    QCOMPARE(c.image(QStringLiteral("podinfo-primary")),
             QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.0"));
    // The release comes back into the target, and Flagger sees a new revision.
    QCOMPARE(c.image(QStringLiteral("podinfo")),
             QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QVERIFY(c.waitForPhase(QStringLiteral("Progressing")));
    QVERIFY(c.waitForPhase(QStringLiteral("Succeeded")));
    QCOMPARE(c.image(QStringLiteral("podinfo-primary")),
             QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QVERIFY(annotation(c.deployment(QStringLiteral("podinfo")),
                       QStringLiteral("rd-sim.dev/release-images"))
                .isEmpty());
}

void TestFlaggerController::targetPodsAreTheCanaryInTheMetrics()
{
    FlaggerCluster c;
    QVERIFY(c.start(canaryObject(parse(R"({"stepWeight": 10, "maxWeight": 50})"))));
    c.setTargetImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
    QVERIFY(c.waitFor([&] { return c.canaryInt("canaryWeight") == 10; }));
    QStringList roles;
    for (const MetricPod &pod : MetricPods::collect(c.store, c.kNs))
        roles << pod.deployment + u'=' + pod.role
                + (pod.regresses ? QStringLiteral("!") : QString());
    roles.removeDuplicates();
    roles.sort();
    QCOMPARE(roles,
             (QStringList {QStringLiteral("podinfo-primary=stable"),
                           QStringLiteral("podinfo=canary!")}));
}

QTEST_GUILESS_MAIN(TestFlaggerController)
#include "tst_flaggercontroller.moc"
