// SPDX-License-Identifier: GPL-3.0-or-later
// Spec validation (the InvalidSpec condition), the phase rules of CalculateRolloutPhase, and
// the small spec helpers (pause durations, step labels, defaults).
#include "controllerfixture.h"

#include "controllers/rolloutphase.h"
#include "controllers/simrolloutspec.h"
#include "controllers/simrolloutstatus.h"

using namespace rdsim;

using namespace ControllerTest;

namespace {

QJsonObject withStrategy(const QJsonObject &strategy)
{
    QJsonObject rollout = canaryRollout({});
    QJsonObject spec = rollout.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("strategy"), strategy);
    rollout.insert(QStringLiteral("spec"), spec);
    return rollout;
}

} // namespace

class TestRolloutSpec : public QObject
{
    Q_OBJECT

private slots:
    void validationMessages_data();
    void validationMessages();
    void invalidSpecConditionAndRecovery();
    void phaseRules_data();
    void phaseRules();
    void durations();
    void stepLabels();
    void defaults();
};

void TestRolloutSpec::validationMessages_data()
{
    QTest::addColumn<QJsonObject>("rollout");
    QTest::addColumn<QString>("message");

    QTest::newRow("valid") << canaryRollout(
        parse(R"({"s": [{"setWeight": 10}, {"pause": {}}]})").value(QLatin1String("s")).toArray())
                           << QString();
    QTest::newRow("no strategy") << withStrategy({})
                                 << QStringLiteral(
                                        "spec.strategy: Required value: Rollout has missing field "
                                        "'.spec.strategy.canary or .spec.strategy.blueGreen'");
    QTest::newRow("both strategies")
        << withStrategy(parse(R"({"canary": {}, "blueGreen": {"activeService": "a"}})"))
        << QStringLiteral("spec.strategy: Invalid value: \"blueGreen: true canary: true\": "
                          "Multiple Strategies can not be listed");
    QTest::newRow("step with two kinds")
        << canaryRollout(parse(R"({"s": [{"setWeight": 10}, {"setWeight": 20, "pause": {}}]})")
                             .value(QLatin1String("s"))
                             .toArray())
        << QStringLiteral(
               "spec.strategy.steps[1]: Invalid value: \"step.Experiment: false step.Pause: true "
               "step.SetWeight: true step.Analysis: false\": Step must have one of the following "
               "set: experiment, setWeight, setCanaryScale or pause");
    QTest::newRow("empty step")
        << canaryRollout(parse(R"({"s": [{}]})").value(QLatin1String("s")).toArray())
        << QStringLiteral(
               "spec.strategy.steps[0]: Invalid value: \"step.Experiment: true step.Pause: true "
               "step.SetWeight: true step.Analysis: true step.SetCanaryScale: true "
               "step.SetHeaderRoute: true step.SetMirrorRoutes: true\": Step must have one of the "
               "following set: experiment, setWeight, setCanaryScale or pause");
    QTest::newRow("weight over 100")
        << canaryRollout(
               parse(R"({"s": [{"setWeight": 150}]})").value(QLatin1String("s")).toArray())
        << QStringLiteral("spec.strategy.steps[0].setWeight: Invalid value: 150: SetWeight needs "
                          "to be between 0 and 100");
    QTest::newRow("bad pause") << canaryRollout(
        parse(R"({"s": [{"pause": {"duration": "soon"}}]})").value(QLatin1String("s")).toArray())
                               << QStringLiteral("spec.strategy.steps[0].pause.duration: Invalid "
                                                 "value: -1: Duration needs to be greater than 0");
    QTest::newRow("setCanaryScale without router")
        << canaryRollout(parse(R"({"s": [{"setCanaryScale": {"replicas": 1}}]})")
                             .value(QLatin1String("s"))
                             .toArray())
        << QStringLiteral("spec.strategy.trafficRouting: Required value: SetCanaryScale requires "
                          "TrafficRouting to be set");
    QTest::newRow("blue-green without services")
        << withStrategy(parse(R"({"blueGreen": {}})"))
        << QStringLiteral("spec.strategy.activeService: Invalid value: \"\": This rollout uses the "
                          "same service for the active and preview services, but two different "
                          "services are required.");
    QTest::newRow("blue-green without active")
        << withStrategy(parse(R"({"blueGreen": {"previewService": "p"}})"))
        << QStringLiteral("spec.strategy.blueGreen.activeService: Required value: Rollout has "
                          "missing field '.spec.strategy.blueGreen.activeService'");
    QJsonObject noSelector = canaryRollout({});
    QJsonObject spec = noSelector.value(QLatin1String("spec")).toObject();
    spec.remove(QStringLiteral("selector"));
    noSelector.insert(QStringLiteral("spec"), spec);
    QTest::newRow("no selector")
        << noSelector
        << QStringLiteral(
               "spec.selector: Required value: Rollout has missing field '.spec.selector'");
    QJsonObject mismatch = canaryRollout({});
    spec = mismatch.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("selector"), parse(R"({"matchLabels": {"app": "api"}})"));
    mismatch.insert(QStringLiteral("spec"), spec);
    QTest::newRow("selector mismatch")
        << mismatch
        << QStringLiteral(
               "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: "
               "`selector` does not match template `labels`");
    QTest::newRow("router without services")
        << canaryRollout({}, 5, parse(R"({"trafficRouting": {"nginx": {"stableIngress": "web"}}})"))
        << QStringLiteral("spec.strategy.stableService: Invalid value: \"\": Canary service and "
                          "Stable service must to be set to use Traffic Routing");
}

void TestRolloutSpec::validationMessages()
{
    QFETCH(QJsonObject, rollout);
    QFETCH(QString, message);
    QCOMPARE(RolloutSpec(rollout).validationError(), message);
}

void TestRolloutSpec::invalidSpecConditionAndRecovery()
{
    Cluster c;
    c.create(rollouts(),
             withStrategy(parse(R"({"canary": {}, "blueGreen": {"activeService": "a"}})")));
    c.pass();
    const QString message
        = QStringLiteral("The Rollout \"web\" is invalid: spec.strategy: Invalid value: "
                         "\"blueGreen: true canary: true\": Multiple Strategies can not be listed");
    QCOMPARE(c.phase(), QStringLiteral("Degraded"));
    QCOMPARE(c.message(), QStringLiteral("InvalidSpec: ") + message);
    const QJsonObject condition = c.condition(QStringLiteral("InvalidSpec"));
    QCOMPARE(condition.value(QLatin1String("status")).toString(), QStringLiteral("True"));
    QCOMPARE(condition.value(QLatin1String("reason")).toString(), QStringLiteral("InvalidSpec"));
    QCOMPARE(condition.value(QLatin1String("message")).toString(), message);
    QCOMPARE(c.status().value(QLatin1String("observedGeneration")).toString(), QStringLiteral("1"));
    QCOMPARE(c.replicaSetsOf(QStringLiteral("web")).size(), 0);

    c.updateSpec(rollouts(), QStringLiteral("web"), [](QJsonObject &ro) {
        QJsonObject spec = ro.value(QLatin1String("spec")).toObject();
        spec.insert(QStringLiteral("strategy"), parse(R"({"canary": {}})"));
        ro.insert(QStringLiteral("spec"), spec);
    });
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    QCOMPARE(c.condition(QStringLiteral("InvalidSpec")).isEmpty(), true);
    QCOMPARE(c.status().value(QLatin1String("observedGeneration")).toString(), QStringLiteral("2"));
}

void TestRolloutSpec::phaseRules_data()
{
    QTest::addColumn<QJsonObject>("rollout");
    QTest::addColumn<QJsonObject>("status");
    QTest::addColumn<QString>("phase");
    QTest::addColumn<QString>("message");

    const QJsonObject canary = canaryRollout({}, 3);
    const QJsonObject blueGreen = blueGreenRollout(
        parse(R"({"activeService": "a", "postPromotionAnalysis": {"templates": []}})"), 3);
    QJsonObject paused = canary;
    QJsonObject pausedSpec = paused.value(QLatin1String("spec")).toObject();
    pausedSpec.insert(QStringLiteral("paused"), true);
    paused.insert(QStringLiteral("spec"), pausedSpec);
    QJsonObject restarting = canary;
    QJsonObject restartSpec = restarting.value(QLatin1String("spec")).toObject();
    restartSpec.insert(QStringLiteral("restartAt"), QStringLiteral("2026-11-25T10:00:00Z"));
    restarting.insert(QStringLiteral("spec"), restartSpec);
    const QJsonObject routed = canaryRollout(
        {}, 3,
        parse(R"({"canaryService": "c", "stableService": "s", "trafficRouting": {"nginx": {}}})"));

    QTest::newRow("invalid spec")
        << canary
        << parse(
               R"({"conditions": [{"type": "Available", "status": "True", "reason": "AvailableReason", "message": "m"},
                                    {"type": "InvalidSpec", "status": "True", "reason": "InvalidSpec", "message": "bad"}]})")
        << "Degraded"
        << "InvalidSpec: bad";
    QTest::newRow("aborted")
        << canary
        << parse(
               R"({"conditions": [{"type": "Progressing", "status": "False", "reason": "RolloutAborted", "message": "Rollout aborted update to revision 2"}]})")
        << "Degraded"
        << "RolloutAborted: Rollout aborted update to revision 2";
    QTest::newRow("deadline")
        << canary
        << parse(
               R"({"conditions": [{"type": "Progressing", "status": "False", "reason": "ProgressDeadlineExceeded", "message": "ReplicaSet \"web-1\" has timed out progressing."}]})")
        << "Degraded"
        << "ProgressDeadlineExceeded: ReplicaSet \"web-1\" has timed out progressing.";
    QTest::newRow("manually paused")
        << paused << parse(R"({"pauseConditions": [{"reason": "CanaryPauseStep"}]})") << "Paused"
        << "manually paused";
    QTest::newRow("pause condition")
        << canary
        << parse(
               R"({"pauseConditions": [{"reason": "InconclusiveAnalysisRun"}, {"reason": "CanaryPauseStep"}]})")
        << "Paused"
        << "InconclusiveAnalysisRun";
    QTest::newRow("restarting") << restarting
                                << parse(R"({"updatedReplicas": 3, "availableReplicas": 3})")
                                << "Progressing"
                                << "rollout is restarting";
    QTest::newRow("restarted")
        << restarting
        << parse(
               R"({"restartedAt": "2026-11-25T10:00:00Z", "updatedReplicas": 3, "availableReplicas": 3, "replicas": 3, "stableRS": "a", "currentPodHash": "a"})")
        << "Healthy"
        << "";
    QTest::newRow("updating") << canary
                              << parse(R"({"updatedReplicas": 2, "availableReplicas": 2})")
                              << "Progressing"
                              << "more replicas need to be updated";
    QTest::newRow("becoming available")
        << canary << parse(R"({"updatedReplicas": 3, "availableReplicas": 2})") << "Progressing"
        << "updated replicas are still becoming available";
    QTest::newRow("old replicas")
        << canary
        << parse(
               R"({"replicas": 4, "updatedReplicas": 3, "availableReplicas": 4, "stableRS": "a", "currentPodHash": "a"})")
        << "Progressing"
        << "old replicas are pending termination";
    QTest::newRow("old replicas with router")
        << routed
        << parse(
               R"({"replicas": 4, "updatedReplicas": 3, "availableReplicas": 4, "stableRS": "a", "currentPodHash": "a"})")
        << "Healthy"
        << "";
    QTest::newRow("steps left")
        << canary
        << parse(
               R"({"replicas": 3, "updatedReplicas": 3, "availableReplicas": 3, "stableRS": "a", "currentPodHash": "b"})")
        << "Progressing"
        << "waiting for all steps to complete";
    QTest::newRow("canary healthy")
        << canary
        << parse(
               R"({"replicas": 3, "updatedReplicas": 3, "availableReplicas": 3, "stableRS": "a", "currentPodHash": "a"})")
        << "Healthy"
        << "";
    QTest::newRow("cutover pending")
        << blueGreen
        << parse(
               R"({"updatedReplicas": 3, "availableReplicas": 3, "currentPodHash": "b", "blueGreen": {"activeSelector": "a"}})")
        << "Progressing"
        << "active service cutover pending";
    QTest::newRow("post-promotion analysis")
        << blueGreen
        << parse(
               R"({"updatedReplicas": 3, "availableReplicas": 3, "currentPodHash": "b", "stableRS": "a",
                     "blueGreen": {"activeSelector": "b", "postPromotionAnalysisRunStatus": {"name": "r", "status": "Running"}}})")
        << "Progressing"
        << "waiting for analysis to complete";
    QTest::newRow("post-promotion verification")
        << blueGreen
        << parse(
               R"({"updatedReplicas": 3, "availableReplicas": 3, "currentPodHash": "b", "stableRS": "a",
                     "blueGreen": {"activeSelector": "b", "postPromotionAnalysisRunStatus": {"name": "r", "status": "Successful"}}})")
        << "Progressing"
        << "waiting for post-promotion verification to complete";
    QTest::newRow("blue-green healthy")
        << blueGreen
        << parse(
               R"({"updatedReplicas": 3, "availableReplicas": 3, "currentPodHash": "b", "stableRS": "b", "blueGreen": {"activeSelector": "b"}})")
        << "Healthy"
        << "";
}

void TestRolloutSpec::phaseRules()
{
    QFETCH(QJsonObject, rollout);
    QFETCH(QJsonObject, status);
    const RolloutPhase::Result result
        = RolloutPhase::calculate(RolloutSpec(rollout), RolloutStatus::fromJson(status));
    QTEST(result.phase, "phase");
    QTEST(result.message, "message");
}

void TestRolloutSpec::durations()
{
    QCOMPARE(RolloutSpec::durationSeconds(QJsonValue(45)), 45);
    QCOMPARE(RolloutSpec::durationSeconds(QJsonValue(QStringLiteral("45"))), 45);
    QCOMPARE(RolloutSpec::durationSeconds(QJsonValue(QStringLiteral("90s"))), 90);
    QCOMPARE(RolloutSpec::durationSeconds(QJsonValue(QStringLiteral("2m"))), 120);
    QCOMPARE(RolloutSpec::durationSeconds(QJsonValue(QStringLiteral("1h30m"))), 5400);
    QCOMPARE(RolloutSpec::durationSeconds(QJsonValue(QStringLiteral("1.5m"))), 90);
    QCOMPARE(RolloutSpec::durationSeconds(QJsonValue(QStringLiteral("1500ms"))), 1);
    QCOMPARE(RolloutSpec::durationSeconds(QJsonValue(QStringLiteral("soon"))), -1);
    QCOMPARE(RolloutSpec::durationSeconds(QJsonValue(QStringLiteral("10x"))), -1);
}

void TestRolloutSpec::stepLabels()
{
    QCOMPARE(RolloutSpec::stepString(parse(R"({"setWeight": 20})")),
             QStringLiteral("setWeight: 20"));
    QCOMPARE(RolloutSpec::stepString(parse(R"({"pause": {}})")), QStringLiteral("pause"));
    QCOMPARE(RolloutSpec::stepString(parse(R"({"pause": {"duration": "1h"}})")),
             QStringLiteral("pause: 1h"));
    QCOMPARE(RolloutSpec::stepString(parse(R"({"pause": {"duration": 30}})")),
             QStringLiteral("pause: 30"));
    QCOMPARE(RolloutSpec::stepString(parse(R"({"analysis": {"templates": []}})")),
             QStringLiteral("analysis"));
    QCOMPARE(RolloutSpec::stepString(parse(R"({"experiment": {}})")), QStringLiteral("experiment"));
    QCOMPARE(RolloutSpec::stepString(parse(R"({"setCanaryScale": {"weight": 40}})")),
             QStringLiteral("setCanaryScale{weight: 40}"));
    QCOMPARE(RolloutSpec::stepString(parse(R"({"setCanaryScale": {"replicas": 2}})")),
             QStringLiteral("setCanaryScale{replicas: 2}"));
    QCOMPARE(RolloutSpec::stepString(parse(R"({"setCanaryScale": {"matchTrafficWeight": true}})")),
             QStringLiteral("setCanaryScale{matchTrafficWeight: true}"));
    QCOMPARE(RolloutSpec::stepString(parse(R"({"setHeaderRoute": {"name": "h"}})")),
             QStringLiteral("setHeaderRoute: h"));
    QCOMPARE(RolloutSpec::stepString(parse(R"({"setMirrorRoute": {"name": "m"}})")),
             QStringLiteral("setMirrorRoute: m"));
    QCOMPARE(RolloutSpec::stepString(parse(R"({"plugin": {"name": "p"}})")),
             QStringLiteral("plugin: p"));
}

void TestRolloutSpec::defaults()
{
    QJsonObject rollout = canaryRollout({}, 10);
    RolloutSpec spec(rollout);
    QCOMPARE(spec.maxSurge(), 3); // 25% of 10, rounded up
    QCOMPARE(spec.maxUnavailable(), 2); // 25% of 10, rounded down
    QCOMPARE(spec.scaleDownDelaySeconds(), 30);
    QCOMPARE(spec.revisionHistoryLimit(), 10);
    QCOMPARE(spec.abortScaleDownDelaySeconds().has_value(), false);
    QJsonObject spec1 = rollout.value(QLatin1String("spec")).toObject();
    spec1.remove(QStringLiteral("replicas"));
    rollout.insert(QStringLiteral("spec"), spec1);
    QCOMPARE(RolloutSpec(rollout).replicas(), 1);
    QCOMPARE(RolloutSpec(rollout).maxUnavailable(), 0); // 25% of 1 rounds down; surge is 1
    const RolloutSpec blueGreen(blueGreenRollout(parse(R"({"activeService": "a"})")));
    QCOMPARE(blueGreen.autoPromotionEnabled(), true);
    QCOMPARE(*blueGreen.abortScaleDownDelaySeconds(), 30);
}

QTEST_GUILESS_MAIN(TestRolloutSpec)
#include "tst_simrolloutspec.moc"
