// SPDX-License-Identifier: GPL-3.0-or-later
// setHeaderRoute and setMirrorRoute steps with Istio traffic routing: the managed routes are
// written into the rollout's VirtualService (managed routes first, in managedRoutes order) as
// Argo Rollouts' Istio router writes them, and removed when the rollout is fully promoted; the
// weighted routes follow status.canary.weights and the DestinationRule's subsets the hashes.
#include "controllerfixture.h"

#include "controllers/rolloutistioroutes.h"

#include <QMap>

using namespace rdsim;
using namespace ControllerTest;

namespace {

const ResourceType &virtualServices()
{
    return type("networking.istio.io", "virtualservices");
}

QJsonObject virtualService()
{
    return parse(R"({
        "apiVersion": "networking.istio.io/v1beta1", "kind": "VirtualService",
        "metadata": {"name": "web-vsvc", "namespace": "shop"},
        "spec": {"hosts": ["web"],
                 "http": [{"name": "primary",
                           "route": [{"destination": {"host": "web-stable", "port": {"number": 80}}, "weight": 100},
                                     {"destination": {"host": "web-canary", "port": {"number": 80}}, "weight": 0}]}]}
    })");
}

QJsonArray routeSteps()
{
    return parse(R"({"s": [
        {"setWeight": 20},
        {"setHeaderRoute": {"name": "beta-users",
                            "match": [{"headerName": "X-Beta", "headerValue": {"exact": "1"}}]}},
        {"setMirrorRoute": {"name": "mirror-get", "percentage": 10,
                            "match": [{"method": {"exact": "GET"}}]}},
        {"pause": {"duration": "30s"}}
    ]})")
        .value(QLatin1String("s"))
        .toArray();
}

QJsonObject istioRouting()
{
    return parse(R"({"canaryService": "web-canary", "stableService": "web-stable",
                     "trafficRouting": {"istio": {"virtualService": {"name": "web-vsvc", "routes": ["primary"]}},
                                        "managedRoutes": [{"name": "beta-users"}, {"name": "mirror-get"}]}})");
}

QJsonArray http(const Cluster &c)
{
    return at(c.get(virtualServices(), QStringLiteral("web-vsvc")), QStringLiteral("spec.http"))
        .toArray();
}

// The weights of a route's destinations, keyed "host" or "host/subset".
QMap<QString, int> weightsOf(const QJsonObject &route)
{
    QMap<QString, int> weights;
    for (const QJsonValue &value : route.value(QLatin1String("route")).toArray()) {
        const QJsonObject d = value.toObject();
        QString key = at(d, QStringLiteral("destination.host")).toString();
        if (!at(d, QStringLiteral("destination.subset")).toString().isEmpty())
            key += u'/' + at(d, QStringLiteral("destination.subset")).toString();
        weights.insert(key, d.value(QLatin1String("weight")).toInt());
    }
    return weights;
}

QMap<QString, int> stableCanary(const QString &stable, int stableWeight, const QString &canary,
                                int canaryWeight)
{
    return {{stable, stableWeight}, {canary, canaryWeight}};
}

QJsonArray jsonArray(const char *json)
{
    return parse(json).value(QLatin1String("a")).toArray();
}

} // namespace

class TestRolloutIstioRoutes : public QObject
{
    Q_OBJECT

private slots:
    void headerAndMirrorRoutesWrittenAndRemoved();
    void destinationRuleSubsetsAndWeightsFollowTheRelease();
    void abortSendsEverythingToTheStable();
    void weightedRouteSharesTheRestWithTheStable();
};

void TestRolloutIstioRoutes::headerAndMirrorRoutesWrittenAndRemoved()
{
    Cluster c;
    c.create(virtualServices(), virtualService());
    c.create(rollouts(), canaryRollout(routeSteps(), 5, istioRouting()));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    const QJsonArray primary = http(c);
    QCOMPARE(primary.size(), 1);
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 3; }));

    const QJsonArray routes = http(c);
    QCOMPARE(routes.size(), 3);
    const QJsonObject header = parse(R"({
        "name": "beta-users",
        "match": [{"headers": {"X-Beta": {"exact": "1"}}}],
        "route": [{"destination": {"host": "web-canary", "port": {"number": 80}}, "weight": 100}]})");
    QCOMPARE(routes.at(0).toObject(), header);
    const QJsonObject mirror = routes.at(1).toObject();
    QCOMPARE(mirror.value(QStringLiteral("name")).toString(), QStringLiteral("mirror-get"));
    QCOMPARE(
        mirror.value(QStringLiteral("match")).toArray(),
        parse(R"({"m": [{"method": {"exact": "GET"}}]})").value(QStringLiteral("m")).toArray());
    QCOMPARE(mirror.value(QStringLiteral("mirror")).toObject(),
             parse(R"({"host": "web-canary", "port": {"number": 80}})"));
    QCOMPARE(at(mirror, QStringLiteral("mirrorPercentage.value")).toInt(), 10);
    // The mirror route keeps the weights of the rollout's route.
    QCOMPARE(mirror.value(QStringLiteral("route")).toArray(),
             routes.at(2).toObject().value(QStringLiteral("route")).toArray());
    QCOMPARE(routes.at(2).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("primary"));
    // setWeight 20: the rollout's route and the managed mirror route carry the weights.
    const auto twenty
        = stableCanary(QStringLiteral("web-stable"), 80, QStringLiteral("web-canary"), 20);
    QCOMPARE(weightsOf(routes.at(2).toObject()), twenty);
    QCOMPARE(weightsOf(mirror), twenty);
    QCOMPARE(at(routes.at(2).toObject(), QStringLiteral("route")).toArray().at(0),
             parse(R"({"destination": {"host": "web-stable", "port": {"number": 80}},
                       "weight": 80})"));
    QCOMPARE(
        c.events(QStringLiteral("Updated VirtualService")),
        (QStringList {QStringLiteral("VirtualService `web-vsvc` set to desiredWeight '20'"),
                      QStringLiteral("VirtualService `web-vsvc` set headerRoute 'beta-users'"),
                      QStringLiteral("VirtualService `web-vsvc` set mirrorRoute 'mirror-get'")}));

    // Fully promoted: the managed routes go, the rollout's own route stays, all traffic goes
    // to the stable Service (now the new revision's pods).
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    c.pass();
    QCOMPARE(http(c).size(), 1);
    QCOMPARE(http(c).at(0).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("primary"));
    QCOMPARE(weightsOf(http(c).at(0).toObject()),
             stableCanary(QStringLiteral("web-stable"), 100, QStringLiteral("web-canary"), 0));
}

void TestRolloutIstioRoutes::destinationRuleSubsetsAndWeightsFollowTheRelease()
{
    Cluster c;
    const ResourceType &rules = type("networking.istio.io", "destinationrules");
    c.create(rules, parse(R"({
        "apiVersion": "networking.istio.io/v1beta1", "kind": "DestinationRule",
        "metadata": {"name": "web-destrule", "namespace": "shop"},
        "spec": {"host": "web",
                 "subsets": [{"name": "stable", "labels": {"app": "web"}},
                             {"name": "canary", "labels": {"app": "web"}},
                             {"name": "legacy", "labels": {"app": "web-old"}}]}})"));
    // A third destination that is neither canary nor stable: Argo's router removes it.
    c.create(virtualServices(), parse(R"({
        "apiVersion": "networking.istio.io/v1beta1", "kind": "VirtualService",
        "metadata": {"name": "web-vsvc", "namespace": "shop"},
        "spec": {"hosts": ["web"],
                 "http": [{"route": [{"destination": {"host": "web", "subset": "stable"}, "weight": 90},
                                     {"destination": {"host": "web", "subset": "canary"}, "weight": 0},
                                     {"destination": {"host": "web-old.shop.svc.cluster.local"}, "weight": 10}]}]}})"));
    const QJsonObject routing = parse(R"({"trafficRouting": {"istio": {
        "virtualService": {"name": "web-vsvc"},
        "destinationRule": {"name": "web-destrule", "canarySubsetName": "canary",
                            "stableSubsetName": "stable"}}}})");
    const QJsonArray steps = jsonArray(R"({"a": [{"setWeight": 30}, {"pause": {}}]})");
    c.create(rollouts(), canaryRollout(steps, 4, routing));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    c.pass();
    const QString v1 = hashOf(c.replicaSetsOf(QStringLiteral("web")).at(0));
    const auto subsetHashes = [&] {
        QStringList out;
        for (const QJsonValue &v :
             at(c.get(rules, QStringLiteral("web-destrule")), QStringLiteral("spec.subsets"))
                 .toArray())
            out << v.toObject().value(QLatin1String("name")).toString() + u'='
                    + at(v.toObject(), QStringLiteral("labels.rollouts-pod-template-hash"))
                          .toString();
        return out;
    };
    // Argo keeps only the canary and stable subsets and labels both with their hash.
    QCOMPARE(subsetHashes(),
             (QStringList {QStringLiteral("stable=") + v1, QStringLiteral("canary=") + v1}));
    QCOMPARE(annotation(c.get(rules, QStringLiteral("web-destrule")),
                        QStringLiteral("argo-rollouts.argoproj.io/managed-by-rollouts")),
             QStringLiteral("web"));
    QCOMPARE(weightsOf(http(c).at(0).toObject()),
             stableCanary(QStringLiteral("web/stable"), 100, QStringLiteral("web/canary"), 0));

    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Paused"); }));
    const QString v2 = hashOf(c.replicaSetsOf(QStringLiteral("web")).at(1));
    QCOMPARE(subsetHashes(),
             (QStringList {QStringLiteral("stable=") + v1, QStringLiteral("canary=") + v2}));
    QCOMPARE(weightsOf(http(c).at(0).toObject()),
             stableCanary(QStringLiteral("web/stable"), 70, QStringLiteral("web/canary"), 30));
    QVERIFY(c.events(QStringLiteral("UpdatedDestinationRule"))
                .contains(QStringLiteral("DestinationRule web-destrule subset updated "
                                         "(canary: %1, stable: %2)")
                              .arg(v2, v1)));

    c.patchStatus(QStringLiteral("web"),
                  QJsonObject {{QStringLiteral("pauseConditions"), QJsonValue::Null}});
    QVERIFY(c.waitFor([&] {
        return c.status().value(QLatin1String("stableRS")).toString() == v2
            && subsetHashes()
            == QStringList {QStringLiteral("stable=") + v2, QStringLiteral("canary=") + v2};
    }));
    c.pass();
    QCOMPARE(weightsOf(http(c).at(0).toObject()),
             stableCanary(QStringLiteral("web/stable"), 100, QStringLiteral("web/canary"), 0));
}

void TestRolloutIstioRoutes::abortSendsEverythingToTheStable()
{
    Cluster c;
    c.create(virtualServices(), virtualService());
    c.create(rollouts(), canaryRollout(routeSteps(), 5, istioRouting()));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 3; }));
    QCOMPARE(http(c).size(), 3);

    c.patchStatus(QStringLiteral("web"), QJsonObject {{QStringLiteral("abort"), true}});
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Degraded"); }));
    c.pass();
    QCOMPARE(http(c).size(), 1);
    QCOMPARE(weightsOf(http(c).at(0).toObject()),
             stableCanary(QStringLiteral("web-stable"), 100, QStringLiteral("web-canary"), 0));
    QCOMPARE(at(c.status(), QStringLiteral("canary.weights.canary.weight")).toInt(), 0);
}

void TestRolloutIstioRoutes::weightedRouteSharesTheRestWithTheStable()
{
    IstioWeightTargets targets;
    targets.stableService = QStringLiteral("web-stable");
    targets.canaryService = QStringLiteral("web-canary");
    // Hosts are compared by their first DNS label; an experiment's Service with a weight
    // takes it from the stable and is added when the route lacks it; others are removed.
    const QJsonArray route = jsonArray(R"({"a": [
        {"destination": {"host": "web-stable.shop.svc.cluster.local"}, "weight": 100},
        {"destination": {"host": "web-canary"}, "weight": 0},
        {"destination": {"host": "somebody-else"}, "weight": 0}]})");
    const QJsonArray additional
        = jsonArray(R"({"a": [{"weight": 5, "podTemplateHash": "abc", "serviceName": "web-exp"},
                              {"weight": 10, "podTemplateHash": "def"}]})");
    QCOMPARE(RolloutIstioRoutes::weightedRoute(route, targets, 20, additional), jsonArray(R"({"a": [
        {"destination": {"host": "web-stable.shop.svc.cluster.local"}, "weight": 65},
        {"destination": {"host": "web-canary"}, "weight": 20},
        {"destination": {"host": "web-exp"}, "weight": 5}]})"));
    // Never a negative weight for the stable.
    const QJsonArray full = RolloutIstioRoutes::weightedRoute(route, targets, 100, additional);
    QCOMPARE(full.at(0).toObject().value(QLatin1String("weight")).toInt(), 0);
    QCOMPARE(full.at(1).toObject().value(QLatin1String("weight")).toInt(), 100);
}

QTEST_GUILESS_MAIN(TestRolloutIstioRoutes)
#include "tst_rolloutistioroutes.moc"
