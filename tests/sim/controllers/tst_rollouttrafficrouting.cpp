// SPDX-License-Identifier: GPL-3.0-or-later
// A canary with a traffic router: status.canary.weights, setCanaryScale, the steps the
// simulation completes at once, and the delayed scale-down of the old stable.
#include "controllerfixture.h"

using namespace rdsim;

using namespace ControllerTest;

namespace {

QString nameOf(const QJsonObject &object)
{
    return at(object, QStringLiteral("metadata.name")).toString();
}

QJsonObject weight(int weight, const QString &hash, const QString &service)
{
    return QJsonObject {{QStringLiteral("weight"), weight},
                        {QStringLiteral("podTemplateHash"), hash},
                        {QStringLiteral("serviceName"), service}};
}

} // namespace

class TestRolloutTrafficRouting : public QObject
{
    Q_OBJECT

private slots:
    void weightsFollowTheSteps();
};

void TestRolloutTrafficRouting::weightsFollowTheSteps()
{
    Cluster c;
    const QJsonArray steps = parse(R"({"s": [
        {"setWeight": 20},
        {"setCanaryScale": {"replicas": 3}},
        {"setHeaderRoute": {"name": "beta-users", "match": [{"headerName": "X-Beta", "headerValue": {"exact": "1"}}]}},
        {"experiment": {"duration": "10s", "templates": [{"name": "baseline", "specRef": "stable"}]}},
        {"pause": {}}
    ]})")
                                 .value(QLatin1String("s"))
                                 .toArray();
    const QJsonObject extra
        = parse(R"({"canaryService": "web-canary", "stableService": "web-stable",
                                        "trafficRouting": {"nginx": {"stableIngress": "web"},
                                                           "managedRoutes": [{"name": "beta-users"}]}})");
    c.create(rollouts(), canaryRollout(steps, 5, extra));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    const QString v1 = hashOf(c.replicaSetsOf(QStringLiteral("web")).at(0));
    QCOMPARE(
        at(c.status(), QStringLiteral("canary.weights")).toObject(),
        (QJsonObject {{QStringLiteral("canary"), weight(0, v1, QStringLiteral("web-canary"))},
                      {QStringLiteral("stable"), weight(100, v1, QStringLiteral("web-stable"))}}));

    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    c.pass();
    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("web"));
    const QString stable = nameOf(sets.at(0));
    const QString canary = nameOf(sets.at(1));
    const QString v2 = hashOf(sets.at(1));
    // With a traffic router the stable keeps all its pods; the canary gets ceil(5 * 20%).
    QCOMPARE(c.specReplicas(stable), 5);
    QCOMPARE(c.specReplicas(canary), 1);
    // No traffic goes to a canary without available pods.
    QCOMPARE(at(c.status(), QStringLiteral("canary.weights.canary.weight")).toInt(), 0);

    c.advance(5);
    QCOMPARE(
        at(c.status(), QStringLiteral("canary.weights")).toObject(),
        (QJsonObject {{QStringLiteral("canary"), weight(20, v2, QStringLiteral("web-canary"))},
                      {QStringLiteral("stable"), weight(80, v1, QStringLiteral("web-stable"))}}));
    QCOMPARE(c.events(QStringLiteral("TrafficWeightUpdated")),
             QStringList {QStringLiteral("Traffic weight updated from 0 to 20")});
    QCOMPARE(c.stepIndex(), 1);
    QCOMPARE(c.specReplicas(canary), 3);

    QVERIFY(c.waitFor([&] { return c.stepIndex() == 4; }));
    QCOMPARE(c.phase(), QStringLiteral("Paused"));
    QCOMPARE(
        c.events(QStringLiteral("RolloutStepCompleted")),
        (QStringList {QStringLiteral("Rollout step 1/5 completed (setWeight: 20)"),
                      QStringLiteral("Rollout step 2/5 completed (setCanaryScale{replicas: 3})"),
                      QStringLiteral("Rollout step 3/5 completed (setHeaderRoute: beta-users)"),
                      QStringLiteral("Rollout step 4/5 completed (experiment)")}));
    QCOMPARE(c.status().value(QLatin1String("replicas")).toInt(), 8);
    QCOMPARE(c.status().value(QLatin1String("updatedReplicas")).toInt(), 3);

    c.patchStatus(QStringLiteral("web"),
                  QJsonObject {{QStringLiteral("pauseConditions"), QJsonValue::Null}});
    c.pass();
    QCOMPARE(c.stepIndex(), 5);
    QCOMPARE(c.specReplicas(canary), 5);
    QVERIFY(
        c.waitFor([&] { return c.status().value(QLatin1String("stableRS")).toString() == v2; }));
    c.pass();
    QCOMPARE(
        at(c.status(), QStringLiteral("canary.weights")).toObject(),
        (QJsonObject {{QStringLiteral("canary"), weight(0, v2, QStringLiteral("web-canary"))},
                      {QStringLiteral("stable"), weight(100, v2, QStringLiteral("web-stable"))}}));
    // The previous stable keeps serving for scaleDownDelaySeconds (30 s) after promotion.
    const qint64 deadline = VirtualClock::fromRfc3339(
        annotation(c.replicaSet(stable), QStringLiteral("scale-down-deadline")));
    QVERIFY(deadline > c.clock.nowMs());
    QCOMPARE(c.specReplicas(stable), 5);
    QCOMPARE(c.phase(), QStringLiteral("Healthy"));
    QVERIFY(c.waitFor([&] { return c.specReplicas(stable) == 0; }, 40));
    QVERIFY(c.clock.nowMs() > deadline);
    c.pass();
    QCOMPARE(c.status().value(QLatin1String("replicas")).toInt(), 5);
    QCOMPARE(c.condition(QStringLiteral("Healthy")).value(QLatin1String("status")).toString(),
             QStringLiteral("True"));
}

QTEST_GUILESS_MAIN(TestRolloutTrafficRouting)
#include "tst_rollouttrafficrouting.moc"
