// SPDX-License-Identifier: GPL-3.0-or-later
// The scenarios rd-sim ships: resources/scenarios/demo.yaml with the states the demo
// promises, and the minimal scenario it serves without one.
#include "scenariofixture.h"

#include <QJsonArray>
#include <QTest>

using namespace ScenarioTest;

namespace {

QList<QJsonObject> ofKind(const ClusterScenario &cluster, const QString &kind)
{
    QList<QJsonObject> objects;
    for (const QJsonObject &object : cluster.objects) {
        if (object.value(QStringLiteral("kind")).toString() == kind)
            objects << object;
    }
    return objects;
}

const QJsonObject *findRollout(const Scenario &scenario, const QString &cluster, const QString &ns,
                               const QString &name)
{
    for (const ClusterScenario &c : scenario.clusters) {
        if (c.name != cluster)
            continue;
        for (const QJsonObject &object : c.objects) {
            if (object.value(QStringLiteral("kind")).toString() == QStringLiteral("Rollout")
                && field(object, QStringLiteral("metadata.namespace")) == ns
                && field(object, QStringLiteral("metadata.name")) == name)
                return &object;
        }
    }
    return nullptr;
}

} // namespace

class TestBuiltinScenarios : public QObject
{
    Q_OBJECT

private slots:
    void demoScenario()
    {
        Scenario scenario;
        QString error;
        QVERIFY2(Scenario::fromFile(QStringLiteral(RD_SOURCE_DIR "/resources/scenarios/demo.yaml"),
                                    &scenario, &error),
                 qPrintable(error));
        QCOMPARE(scenario.clockSpeed, 1.0);
        QCOMPARE(scenario.clusters.size(), 3);
        QCOMPARE(scenario.clusters.at(0).name, QStringLiteral("dev"));
        QCOMPARE(scenario.clusters.at(1).name, QStringLiteral("staging"));
        QCOMPARE(scenario.clusters.at(2).name, QStringLiteral("prod"));

        int rollouts = 0;
        int deployments = 0;
        int canaries = 0;
        for (const ClusterScenario &cluster : std::as_const(scenario.clusters)) {
            QCOMPARE(cluster.port, 0);
            QCOMPARE(cluster.objectOrigins.size(), cluster.objects.size());
            const UserSpec &admin = cluster.users.at(0);
            QCOMPARE(admin.name, QStringLiteral("admin"));
            QCOMPARE(admin.token, cluster.name + QStringLiteral("-admin-token"));
            QVERIFY(admin.clientCertificate);
            QCOMPARE(admin.groups, QStringList {QStringLiteral("system:masters")});
            const UserSpec &viewer = cluster.users.at(1);
            QCOMPARE(viewer.name, QStringLiteral("viewer"));
            QCOMPARE(viewer.token, cluster.name + QStringLiteral("-viewer-token"));
            QVERIFY(!viewer.clientCertificate);
            QVERIFY(viewer.password.isEmpty());

            AccessControl access;
            for (const UserSpec &user : cluster.users)
                access.addUser(user);
            const UserInfo viewerInfo = *access.authenticateToken(viewer.token);
            QVERIFY(access.isAllowed(viewerInfo, QStringLiteral("watch"),
                                     QStringLiteral("argoproj.io"), QStringLiteral("rollouts"),
                                     QString(), QString(), QString()));
            QVERIFY(!access.isAllowed(viewerInfo, QStringLiteral("patch"),
                                      QStringLiteral("argoproj.io"), QStringLiteral("rollouts"),
                                      QString(), QStringLiteral("shop"),
                                      QStringLiteral("checkout")));

            const QList<QJsonObject> clusterRollouts = ofKind(cluster, QStringLiteral("Rollout"));
            rollouts += int(clusterRollouts.size());
            const QStringList clusterDeployments
                = names(ofKind(cluster, QStringLiteral("Deployment")));
            deployments += int(clusterDeployments.size());
            // Every Flagger Canary targets a Deployment of its cluster and namespace.
            for (const QJsonObject &canary : ofKind(cluster, QStringLiteral("Canary"))) {
                ++canaries;
                const QString target = field(canary, QStringLiteral("metadata.namespace"))
                    + QLatin1Char('/') + field(canary, QStringLiteral("spec.targetRef.name"));
                QVERIFY2(clusterDeployments.contains(target), qPrintable(target));
            }
            const QStringList templates
                = names(ofKind(cluster, QStringLiteral("AnalysisTemplate")));
            for (const QJsonObject &rollout : clusterRollouts) {
                const QString ns = field(rollout, QStringLiteral("metadata.namespace"));
                const QJsonObject spec = rollout.value(QStringLiteral("spec")).toObject();
                // The selector matches the template, as the API server would insist.
                const QJsonObject matchLabels = spec.value(QStringLiteral("selector"))
                                                    .toObject()
                                                    .value(QStringLiteral("matchLabels"))
                                                    .toObject();
                const QJsonObject labels = spec.value(QStringLiteral("template"))
                                               .toObject()
                                               .value(QStringLiteral("metadata"))
                                               .toObject()
                                               .value(QStringLiteral("labels"))
                                               .toObject();
                for (auto it = matchLabels.begin(); it != matchLabels.end(); ++it)
                    QCOMPARE(labels.value(it.key()), it.value());
                const int replicas = spec.value(QStringLiteral("replicas")).toInt();
                QVERIFY2(replicas >= 2 && replicas <= 5,
                         qPrintable(field(rollout, QStringLiteral("metadata.name"))));
                QVERIFY(field(spec.value(QStringLiteral("template"))
                                  .toObject()
                                  .value(QStringLiteral("spec"))
                                  .toObject()
                                  .value(QStringLiteral("containers"))
                                  .toArray()
                                  .first()
                                  .toObject(),
                              QStringLiteral("image"))
                            .startsWith(QStringLiteral("ghcr.io/acme/")));
                // Every analysis names a template of the rollout's namespace.
                const QJsonObject canary = spec.value(QStringLiteral("strategy"))
                                               .toObject()
                                               .value(QStringLiteral("canary"))
                                               .toObject();
                QJsonArray analyses;
                for (const QJsonValue &step : canary.value(QStringLiteral("steps")).toArray()) {
                    if (step.toObject().contains(QStringLiteral("analysis")))
                        analyses << step.toObject().value(QStringLiteral("analysis"));
                }
                if (canary.contains(QStringLiteral("analysis")))
                    analyses << canary.value(QStringLiteral("analysis"));
                for (const QJsonValue &analysis : std::as_const(analyses)) {
                    for (const QJsonValue &ref :
                         analysis.toObject().value(QStringLiteral("templates")).toArray()) {
                        const QString name
                            = ref.toObject().value(QStringLiteral("templateName")).toString();
                        QVERIFY2(templates.contains(ns + QLatin1Char('/') + name),
                                 qPrintable(name));
                    }
                }
            }
        }
        QCOMPARE(rollouts, 11);
        QCOMPARE(deployments, 3); // storefront and the targets of the Flagger canaries
        QCOMPARE(canaries, 2);

        // prod's deployer may pause but not promote.
        const ClusterScenario &prod = scenario.clusters.at(2);
        QCOMPARE(prod.users.size(), 4);
        AccessControl access;
        for (const UserSpec &user : prod.users)
            access.addUser(user);
        const UserInfo deployer = *access.authenticateToken(QStringLiteral("prod-deployer-token"));
        QVERIFY(!prod.users.at(2).clientCertificate);
        QVERIFY(access.isAllowed(deployer, QStringLiteral("patch"), QStringLiteral("argoproj.io"),
                                 QStringLiteral("rollouts"), QString(), QStringLiteral("shop"),
                                 QStringLiteral("checkout")));
        QVERIFY(!access.isAllowed(deployer, QStringLiteral("patch"), QStringLiteral("argoproj.io"),
                                  QStringLiteral("rollouts"), QStringLiteral("status"),
                                  QStringLiteral("shop"), QStringLiteral("checkout")));
        // prod's limited user reads the policy reports but not Trivy's vulnerability reports.
        const UserInfo limited = *access.authenticateToken(QStringLiteral("prod-limited-token"));
        QVERIFY(access.isAllowed(limited, QStringLiteral("list"), QStringLiteral("wgpolicyk8s.io"),
                                 QStringLiteral("policyreports"), QString(), QStringLiteral("shop"),
                                 QString()));
        QVERIFY(!access.isAllowed(
            limited, QStringLiteral("list"), QStringLiteral("aquasecurity.github.io"),
            QStringLiteral("vulnerabilityreports"), QString(), QStringLiteral("shop"), QString()));

        // The states the demo promises.
        const QJsonObject *paused
            = findRollout(scenario, QStringLiteral("staging"), QStringLiteral("payments"),
                          QStringLiteral("payments-api"));
        QVERIFY(paused);
        const QJsonArray pausedSteps = paused->value(QStringLiteral("spec"))
                                           .toObject()
                                           .value(QStringLiteral("strategy"))
                                           .toObject()
                                           .value(QStringLiteral("canary"))
                                           .toObject()
                                           .value(QStringLiteral("steps"))
                                           .toArray();
        QCOMPARE(pausedSteps.at(1).toObject().value(QStringLiteral("pause")),
                 QJsonValue(QJsonObject()));
        QCOMPARE(paused->value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("annotations"))
                     .toObject()
                     .value(QStringLiteral("rd-sim.dev/previous-image"))
                     .toString(),
                 QStringLiteral("ghcr.io/acme/payments-api:2.7.0"));

        const QJsonObject *blueGreen
            = findRollout(scenario, QStringLiteral("staging"), QStringLiteral("shop"),
                          QStringLiteral("frontend"));
        QVERIFY(blueGreen);
        QCOMPARE(blueGreen->value(QStringLiteral("spec"))
                     .toObject()
                     .value(QStringLiteral("strategy"))
                     .toObject()
                     .value(QStringLiteral("blueGreen"))
                     .toObject()
                     .value(QStringLiteral("autoPromotionEnabled")),
                 QJsonValue(false));

        const QJsonObject *background
            = findRollout(scenario, QStringLiteral("prod"), QStringLiteral("payments"),
                          QStringLiteral("payments-gateway"));
        QVERIFY(background);
        QCOMPARE(background->value(QStringLiteral("spec"))
                     .toObject()
                     .value(QStringLiteral("strategy"))
                     .toObject()
                     .value(QStringLiteral("canary"))
                     .toObject()
                     .value(QStringLiteral("analysis"))
                     .toObject()
                     .value(QStringLiteral("startingStep")),
                 QJsonValue(1));

        const ClusterScenario &staging = scenario.clusters.at(1);
        QCOMPARE(staging.metrics.size(), 1);
        QCOMPARE(staging.metrics.at(0).ns, QStringLiteral("shop"));
        QCOMPARE(staging.metrics.at(0).rollout, QStringLiteral("checkout"));
        QCOMPARE(staging.metrics.at(0).canaryErrorRatio, 0.3);
        QCOMPARE(staging.metrics.at(0).regressAfterSeconds, 90);
        QCOMPARE(staging.metrics.at(0).orderRate, 0.0); // no orders_total
        // prod's checkout is the quality-gate case (tst_demoorders): its HTTP metrics stay
        // healthy while its orders start failing three minutes into the canary.
        const MetricBehaviour &orders = prod.metrics.at(0);
        QCOMPARE(orders.rollout, QStringLiteral("checkout"));
        QCOMPARE(orders.canaryErrorRatio, -1.0);
        QCOMPARE(orders.orderRate, 3.0);
        QCOMPARE(orders.orderFailureRatio, 0.005);
        QCOMPARE(orders.canaryOrderFailureRatio, 0.06);
        QCOMPARE(orders.regressAfterSeconds, 180);

        // The shared template spec (a YAML alias) reads the simulator's metrics.
        const QJsonObject errorRate = ofKind(prod, QStringLiteral("AnalysisTemplate")).first();
        const QJsonObject metric = errorRate.value(QStringLiteral("spec"))
                                       .toObject()
                                       .value(QStringLiteral("metrics"))
                                       .toArray()
                                       .first()
                                       .toObject();
        QCOMPARE(metric.value(QStringLiteral("successCondition")).toString(),
                 QStringLiteral("result[0] <= 0.05"));
        QCOMPARE(metric.value(QStringLiteral("interval")).toString(), QStringLiteral("30s"));
        QCOMPARE(metric.value(QStringLiteral("count")), QJsonValue(5));
        QCOMPARE(metric.value(QStringLiteral("failureLimit")), QJsonValue(1));
        const QString query = field(metric, QStringLiteral("provider.prometheus.query"));
        QVERIFY(query.contains(QStringLiteral("rd_http_request_errors_total{")));
        QVERIFY(query.contains(QStringLiteral("rd_http_requests_total{")));
        QVERIFY(
            query.contains(QStringLiteral("rollouts_pod_template_hash=\"{{args.canary-hash}}\"")));
        QCOMPARE(field(metric, QStringLiteral("provider.prometheus.address")),
                 QStringLiteral("http://prometheus.monitoring:9090"));
    }

    void minimal()
    {
        const Scenario scenario = Scenario::minimal();
        QCOMPARE(scenario.clockSpeed, 1.0);
        QCOMPARE(scenario.clusters.size(), 1);
        const ClusterScenario &cluster = scenario.clusters.at(0);
        QCOMPARE(cluster.name, QStringLiteral("sim"));
        QCOMPARE(cluster.port, 0);
        QCOMPARE(cluster.namespaces, QStringList {QStringLiteral("default")});
        QCOMPARE(cluster.users.size(), 1);
        const UserSpec &admin = cluster.users.at(0);
        QCOMPARE(admin.name, QStringLiteral("admin"));
        QVERIFY(admin.clientCertificate);
        QCOMPARE(admin.token.size(), 39); // "rd-sim-" + 32 hex digits
        QVERIFY(admin.token != Scenario::minimal().clusters.at(0).users.at(0).token);
        AccessControl access;
        access.addUser(admin);
        const UserInfo user = *access.authenticateToken(admin.token);
        QVERIFY(access.isAllowed(user, QStringLiteral("patch"), QStringLiteral("argoproj.io"),
                                 QStringLiteral("rollouts"), QStringLiteral("status"),
                                 QStringLiteral("default"), QStringLiteral("x")));
        QVERIFY(access.authenticateCertificate(QStringLiteral("admin"), {}));
    }
};

QTEST_GUILESS_MAIN(TestBuiltinScenarios)
#include "tst_builtinscenarios.moc"
