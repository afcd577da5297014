// SPDX-License-Identifier: GPL-3.0-or-later
// ALB ping-pong: status.canary.stablePingPong names the stable Service ("ping" after the first
// deployment) and flips on each promotion; the canary's Service is switched to the new revision,
// the promoted one keeps its selector, and status.canary.weights names the ping/pong Services.
#include "controllerfixture.h"

using namespace ControllerTest;

namespace {

QJsonObject service(const QString &name)
{
    QJsonObject svc = parse(R"({"apiVersion": "v1", "kind": "Service",
                                "metadata": {"namespace": "shop"},
                                "spec": {"selector": {"app": "web"},
                                         "ports": [{"port": 80, "targetPort": 80}]}})");
    QJsonObject metadata = svc.value(QLatin1String("metadata")).toObject();
    metadata.insert(QStringLiteral("name"), name);
    svc.insert(QStringLiteral("metadata"), metadata);
    return svc;
}

QJsonObject pingPongRollout()
{
    const QJsonArray steps = parse(R"({"s": [{"setWeight": 50}, {"pause": {"duration": "10s"}}]})")
                                 .value(QLatin1String("s"))
                                 .toArray();
    return canaryRollout(
        steps, 4, parse(R"({"pingPong": {"pingService": "web-ping", "pongService": "web-pong"},
                  "trafficRouting": {"alb": {"ingress": "web", "rootService": "web-root",
                                             "servicePort": 80}}})"));
}

QString selectorHash(const Cluster &c, const QString &svc)
{
    return at(c.get(services(), svc), QStringLiteral("spec.selector.rollouts-pod-template-hash"))
        .toString();
}

QString stablePingPong(const Cluster &c)
{
    return at(c.status(), QStringLiteral("canary.stablePingPong")).toString();
}

} // namespace

class TestRolloutPingPong : public QObject
{
    Q_OBJECT

private slots:
    void stableFlipsOnEachPromotion();
};

void TestRolloutPingPong::stableFlipsOnEachPromotion()
{
    Cluster c;
    c.create(services(), service(QStringLiteral("web-ping")));
    c.create(services(), service(QStringLiteral("web-pong")));
    c.create(rollouts(), pingPongRollout());
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    const QString v1 = hashOf(c.replicaSetsOf(QStringLiteral("web")).at(0));
    QCOMPARE(stablePingPong(c), QStringLiteral("ping"));
    QCOMPARE(selectorHash(c, QStringLiteral("web-ping")), v1);
    QCOMPARE(at(c.status(), QStringLiteral("canary.weights.stable.serviceName")).toString(),
             QStringLiteral("web-ping"));

    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 1; }));
    const QString v2 = hashOf(c.replicaSetsOf(QStringLiteral("web")).at(1));
    QCOMPARE(selectorHash(c, QStringLiteral("web-pong")), v2);
    QCOMPARE(selectorHash(c, QStringLiteral("web-ping")), v1);
    QCOMPARE(at(c.status(), QStringLiteral("canary.weights.canary.serviceName")).toString(),
             QStringLiteral("web-pong"));
    QCOMPARE(at(c.status(), QStringLiteral("canary.weights.canary.weight")).toInt(), 50);

    // Promoted: pong, which already selects the new revision, is the stable now.
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    QCOMPARE(stablePingPong(c), QStringLiteral("pong"));
    QCOMPARE(at(c.status(), QStringLiteral("canary.weights.stable.serviceName")).toString(),
             QStringLiteral("web-pong"));
    QCOMPARE(at(c.status(), QStringLiteral("canary.weights.stable.podTemplateHash")).toString(),
             v2);
    QCOMPARE(selectorHash(c, QStringLiteral("web-pong")), v2);

    // The next release's canary goes to ping.
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.27"));
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 1; }));
    const QString v3 = hashOf(c.replicaSetsOf(QStringLiteral("web")).last());
    QCOMPARE(selectorHash(c, QStringLiteral("web-ping")), v3);
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    QCOMPARE(stablePingPong(c), QStringLiteral("ping"));
}

QTEST_GUILESS_MAIN(TestRolloutPingPong)
#include "tst_rolloutpingpong.moc"
