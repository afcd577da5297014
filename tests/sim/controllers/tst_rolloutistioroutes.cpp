// SPDX-License-Identifier: GPL-3.0-or-later
// setHeaderRoute and setMirrorRoute steps with Istio traffic routing: the managed routes are
// written into the rollout's VirtualService (managed routes first, in managedRoutes order) as
// Argo Rollouts' Istio router writes them, and removed when the rollout is fully promoted.
#include "controllerfixture.h"

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

} // namespace

class TestRolloutIstioRoutes : public QObject
{
    Q_OBJECT

private slots:
    void headerAndMirrorRoutesWrittenAndRemoved();
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
    QCOMPARE(
        c.events(QStringLiteral("Updated VirtualService")),
        (QStringList {QStringLiteral("VirtualService `web-vsvc` set headerRoute 'beta-users'"),
                      QStringLiteral("VirtualService `web-vsvc` set mirrorRoute 'mirror-get'")}));

    // Fully promoted: the managed routes go, the rollout's own route stays.
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    QCOMPARE(http(c).size(), 1);
    QCOMPARE(http(c).at(0).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("primary"));
}

QTEST_GUILESS_MAIN(TestRolloutIstioRoutes)
#include "tst_rolloutistioroutes.moc"
