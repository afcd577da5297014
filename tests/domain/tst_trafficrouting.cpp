// SPDX-License-Identifier: GPL-3.0-or-later
// Traffic routing: each router's objects decoded from realistic rollouts, the texts of
// TrafficRouting (routers, weights against the step's, header and mirror routes) and the
// ping/pong tags the kubectl plugin gives ReplicaSets.
#include "jsondecoder.h"
#include "replicasetstatus.h"
#include "rolloutstatus.h"
#include "testdata.h"
#include "trafficrouting.h"

#include <QTest>

class TestTrafficRouting : public QObject
{
    Q_OBJECT

private:
    QHash<QString, Rollout> m_rollouts;
    QList<ReplicaSet> m_pingPongSets;

    const Rollout &rollout(const char *name) const
    {
        const auto found = m_rollouts.constFind(QLatin1String(name));
        Q_ASSERT(found != m_rollouts.constEnd());
        return *found;
    }
    QString routerText(const char *name) const
    {
        const QStringList texts = TrafficRouting::routers(*rollout(name).spec.canary);
        return texts.size() == 1 ? texts.constFirst() : texts.join(QLatin1Char('|'));
    }

private slots:
    void initTestCase()
    {
        const auto list = decodeList<Rollout>(
            domainTestData(QStringLiteral("traffic/rollouts-trafficrouting.json")));
        QVERIFY(list.report.error.isEmpty());
        QVERIFY(list.report.issues.isEmpty());
        for (const Rollout &r : list.items)
            m_rollouts.insert(r.metadata.name, r);
        QCOMPARE(m_rollouts.size(), 10);
        m_pingPongSets = decodeList<ReplicaSet>(
                             domainTestData(QStringLiteral("traffic/replicasets-pingpong.json")))
                             .items;
        QCOMPARE(m_pingPongSets.size(), 2);
    }

    void istioDecoded()
    {
        const TrafficRoutingSpec &spec = rollout("checkout").spec.canary->trafficRouting;
        QVERIFY(spec.istio);
        QCOMPARE(spec.istio->virtualServices.size(), 1);
        QCOMPARE(spec.istio->virtualServices.at(0).name, QStringLiteral("checkout-vs"));
        QCOMPARE(spec.istio->virtualServices.at(0).routes, QStringList {QStringLiteral("primary")});
        QCOMPARE(spec.istio->destinationRule, QStringLiteral("checkout-dr"));
        QCOMPARE(spec.istio->canarySubset, QStringLiteral("canary"));
        QCOMPARE(spec.istio->stableSubset, QStringLiteral("stable"));
        QCOMPARE(rollout("checkout").spec.canary->trafficRouters,
                 QStringList {QStringLiteral("istio")});
    }

    void routerTexts_data()
    {
        QTest::addColumn<QString>("rollout");
        QTest::addColumn<QString>("text");
        QTest::newRow("istio") << "checkout"
                               << "Istio VirtualService checkout-vs (route primary), "
                                  "DestinationRule checkout-dr subsets stable/canary";
        QTest::newRow("istio, two services")
            << "search"
            << "Istio VirtualServices search-vs-public (routes web, api), search-vs-internal";
        QTest::newRow("nginx") << "storefront"
                               << "NGINX stable Ingress storefront, annotation prefix "
                                  "custom.nginx.org, additional annotations canary-by-header, "
                                  "canary-by-header-value";
        QTest::newRow("alb") << "payments"
                             << "AWS ALB Ingresses payments-ingress, payments-ingress-eu, service "
                                "port 443, root service payments-root";
        QTest::newRow("smi") << "cart"
                             << "SMI TrafficSplit cart-split, root service cart";
        QTest::newRow("traefik") << "catalog"
                                 << "Traefik TraefikService catalog-weighted";
        QTest::newRow("apisix") << "reviews"
                                << "Apache APISIX Route reviews-route (rules reviews-http, "
                                   "reviews-grpc)";
        QTest::newRow("ambassador") << "ratings"
                                    << "Ambassador Mappings ratings-mapping, ratings-mapping-grpc";
        QTest::newRow("plugin") << "gateway"
                                << "Plugin argoproj-labs/gatewayAPI: "
                                   "{\"httpRoute\":\"gateway-route\",\"namespace\":\"shop\"}";
    }
    void routerTexts()
    {
        QFETCH(QString, rollout);
        QFETCH(QString, text);
        QCOMPARE(routerText(rollout.toLatin1().constData()), text);
    }

    void annotationValuesAreNotKept()
    {
        const NginxRouting &nginx = *rollout("storefront").spec.canary->trafficRouting.nginx;
        QCOMPARE(nginx.additionalAnnotationKeys.size(), 2);
        for (const TrafficRouting::Line &line : TrafficRouting::lines(rollout("storefront"), {}))
            QVERIFY(!line.text.contains(QStringLiteral("iwantsit")));
    }

    void managedRoutesAndPingPongServicesDecoded()
    {
        const CanaryStrategy &gateway = *rollout("gateway").spec.canary;
        QCOMPARE(gateway.trafficRouting.managedRoutes,
                 QStringList({QStringLiteral("canary-header"), QStringLiteral("mirror-api")}));
        QCOMPARE(gateway.trafficRouters, QStringList {QStringLiteral("plugins")});
        const CanaryStrategy &inventory = *rollout("inventory").spec.canary;
        QVERIFY(inventory.hasPingPong);
        QCOMPARE(inventory.pingPong.pingService, QStringLiteral("inventory-ping"));
        QCOMPARE(inventory.pingPong.pongService, QStringLiteral("inventory-pong"));
    }

    void weightsAsSet()
    {
        const Rollout &checkout = rollout("checkout");
        QCOMPARE(TrafficRouting::weights(checkout.status),
                 QStringLiteral("Canary 20 % to checkout-canary (7f9c6d5b8), stable 80 % to "
                                "checkout-stable (5d4b8c7f6)"));
        // Step 1 (the pause after setWeight 20) asks for what was set: nothing to flag.
        QCOMPARE(TrafficRouting::desiredCanaryWeight(checkout), 20);
        QVERIFY(TrafficRouting::weightDifference(checkout).isEmpty());
        Rollout unset = checkout;
        unset.status.canaryWeights.reset();
        QCOMPARE(TrafficRouting::weights(unset.status), QStringLiteral("Not set yet"));
        QVERIFY(TrafficRouting::weightDifference(unset).isEmpty());
    }

    void weightsDifferingFromTheStepAreFlagged()
    {
        Rollout moving = rollout("checkout");
        moving.status.currentStepIndex = 2; // setWeight 50, the canary's pods not ready yet
        QCOMPARE(TrafficRouting::weightDifference(moving),
                 QStringLiteral("The controller last set 20 %; the current step asks for 50 %"));
        const QList<TrafficRouting::Line> lines = TrafficRouting::lines(moving, {});
        const auto desired = std::find_if(lines.begin(), lines.end(), [](const auto &line) {
            return line.key == QLatin1String("weights:desired");
        });
        QVERIFY(desired != lines.end());
        QVERIFY(desired->attention);
        // Aborted, the controller sends everything to stable: 0 is the desired weight.
        moving.status.abort = true;
        QCOMPARE(TrafficRouting::desiredCanaryWeight(moving), 0);
    }

    void headerAndMirrorRoutesInEffect()
    {
        Rollout gateway = rollout("gateway"); // at step 3, the pause after both routes
        QList<const RolloutStep *> routes = TrafficRouting::activeRoutes(gateway);
        QCOMPARE(routes.size(), 2);
        QCOMPARE(TrafficRouting::routeText(*routes.at(0)),
                 QStringLiteral("Header route canary-header: X-Canary exact \"yes\", User-Agent "
                                "regex \".*Chrome.*\""));
        QCOMPARE(TrafficRouting::routeText(*routes.at(1)),
                 QStringLiteral("Mirror route mirror-api: 35 % of requests matching method exact "
                                "\"GET\", path prefix \"/api\", header X-Debug exact \"1\""));
        // Step 4 sets canary-header without matches: that removes the header route.
        gateway.status.currentStepIndex = 4;
        routes = TrafficRouting::activeRoutes(gateway);
        QCOMPARE(routes.size(), 1);
        QCOMPARE(routes.at(0)->routeName, QStringLiteral("mirror-api"));
        // Before the route steps, and once aborted, none is in effect.
        gateway.status.currentStepIndex = 0;
        QVERIFY(TrafficRouting::activeRoutes(gateway).isEmpty());
        gateway.status.currentStepIndex = 3;
        gateway.status.abort = true;
        QVERIFY(TrafficRouting::activeRoutes(gateway).isEmpty());
    }

    void pingPongTagsAsThePluginGivesThem()
    {
        Rollout inventory = rollout("inventory");
        const ReplicaSet &canary = m_pingPongSets.at(0);
        const ReplicaSet &stable = m_pingPongSets.at(1);
        // stablePingPong "ping": stable is ping, the canary pong.
        QCOMPARE(replicaSetTags(inventory, stable).names(),
                 QStringList({QStringLiteral("stable"), QStringLiteral("ping")}));
        QCOMPARE(replicaSetTags(inventory, canary).names(),
                 QStringList({QStringLiteral("canary"), QStringLiteral("pong")}));
        QCOMPARE(TrafficRouting::pingPong(inventory, m_pingPongSets),
                 QStringList({QStringLiteral("ReplicaSet inventory-7f9c6d5b8 (canary): pong, "
                                             "service inventory-pong"),
                              QStringLiteral("ReplicaSet inventory-5d4b8c7f6 (stable): ping, "
                                             "service inventory-ping")}));
        inventory.status.stablePingPong = QStringLiteral("pong");
        QCOMPARE(replicaSetTags(inventory, stable).names(),
                 QStringList({QStringLiteral("stable"), QStringLiteral("pong")}));
        QCOMPARE(replicaSetTags(inventory, canary).names(),
                 QStringList({QStringLiteral("canary"), QStringLiteral("ping")}));
        // Before the first promotion the controller has recorded no stablePingPong; the plugin
        // (IsStablePing is false then) tags the stable ReplicaSet pong and the canary ping.
        inventory.status.stablePingPong.clear();
        QCOMPARE(replicaSetTags(inventory, stable).names(),
                 QStringList({QStringLiteral("stable"), QStringLiteral("pong")}));
        QCOMPARE(replicaSetTags(inventory, canary).names(),
                 QStringList({QStringLiteral("canary"), QStringLiteral("ping")}));
        // Without pingPong in the spec, no ReplicaSet is ping or pong.
        inventory.spec.canary->hasPingPong = false;
        QVERIFY(TrafficRouting::pingPong(inventory, m_pingPongSets).isEmpty());
    }

    void imagesCarryPingAndPong()
    {
        // The plugin's Images() appends ping and pong after the other tags.
        const QList<ImageInfo> images = runningImages(rollout("inventory"), m_pingPongSets);
        QCOMPARE(images.size(), 2);
        QCOMPARE(images.at(0).image, QStringLiteral("registry.example.com/inventory:2.4.0"));
        QCOMPARE(images.at(0).tags,
                 QStringList({QStringLiteral("stable"), QStringLiteral("ping")}));
        QCOMPARE(images.at(1).image, QStringLiteral("registry.example.com/inventory:2.4.1"));
        QCOMPARE(images.at(1).tags,
                 QStringList({QStringLiteral("canary"), QStringLiteral("pong")}));
    }

    void withoutTrafficRoutingOneLineSaysSo()
    {
        Rollout plain = rollout("checkout");
        plain.spec.canary->hasTrafficRouting = false;
        const QList<TrafficRouting::Line> lines = TrafficRouting::lines(plain, {});
        QCOMPARE(lines.size(), 1);
        QVERIFY(lines.at(0).text.startsWith(QStringLiteral("No traffic routing")));
    }

    void hostileListsAreBounded()
    {
        QByteArray ingresses;
        QByteArray plugin(5000, 'x');
        for (int i = 0; i < 500; ++i)
            ingresses += (i ? ",\"ing-" : "\"ing-") + QByteArray::number(i) + '"';
        const QByteArray json = "{\"metadata\":{\"name\":\"h\"},\"spec\":{\"strategy\":{\"canary\":"
                                "{\"trafficRouting\":{\"alb\":{\"ingresses\":["
            + ingresses + "]},\"plugins\":{\"p\":{\"k\":\"" + plugin
            + "\"}},\"istio\":{\"virtualService\":\"oops\"}}}}}}";
        const Decoded<Rollout> decoded = decodeObject<Rollout>(json);
        QVERIFY(decoded.report.error.isEmpty());
        QVERIFY(!decoded.report.issues.isEmpty()); // the string where an object belongs
        const TrafficRoutingSpec &spec = decoded.value.spec.canary->trafficRouting;
        QCOMPARE(spec.alb->ingresses.size(), TrafficRoutingSpec::maxListed);
        QVERIFY(spec.plugins.at(0).config.size() <= TrafficRoutingSpec::maxPluginConfigBytes + 3);
        QVERIFY(spec.plugins.at(0).config.endsWith("\u2026"));
    }
};

QTEST_GUILESS_MAIN(TestTrafficRouting)
#include "tst_trafficrouting.moc"
