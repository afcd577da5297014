// SPDX-License-Identifier: GPL-3.0-or-later
// Reading a scenario file: every feature of the format, and the message (file, line and
// path) of each way a scenario or one of its manifests can be wrong.
#include "scenariofixture.h"

#include <QTest>

using namespace ScenarioTest;

namespace {

const QString kScenarios = QStringLiteral(RD_TEST_DATA_DIR "/scenarios/");

} // namespace

class TestScenarioParser : public QObject
{
    Q_OBJECT

private slots:
    void everyFeature()
    {
        Scenario scenario;
        QString error;
        QVERIFY2(Scenario::fromFile(kScenarios + QStringLiteral("good.yaml"), &scenario, &error),
                 qPrintable(error));
        QCOMPARE(scenario.clockSpeed, 2.5);
        QCOMPARE(scenario.clusters.size(), 2);
        const ClusterScenario &edge = scenario.clusters.at(0);
        QCOMPARE(edge.name, QStringLiteral("edge-1"));
        QCOMPARE(edge.namespaces, QStringList {QStringLiteral("shop")});

        QCOMPARE(edge.users.size(), 2);
        const UserSpec &admin = edge.users.at(0);
        QCOMPARE(admin.token, QStringLiteral("0042")); // quoted: the zeros stay
        QCOMPARE(admin.password, QStringLiteral("1234")); // plain number read as written
        QVERIFY(admin.clientCertificate);
        QCOMPARE(admin.groups,
                 (QStringList {QStringLiteral("system:masters"), QStringLiteral("ops")}));
        QCOMPARE(admin.rules.size(), 1);
        QCOMPARE(admin.rules.at(0).verbs, QStringList {QStringLiteral("*")});
        QVERIFY(admin.rules.at(0).namespaces.isEmpty());
        const UserSpec &promoter = edge.users.at(1);
        QVERIFY(promoter.token.isEmpty());
        QCOMPARE(promoter.password, QStringLiteral("s3cret"));
        QVERIFY(!promoter.clientCertificate);
        const PolicyRule &rule = promoter.rules.at(0);
        QCOMPARE(rule.verbs, QStringList {QStringLiteral("patch")});
        QCOMPARE(rule.apiGroups, QStringList {QStringLiteral("argoproj.io")});
        QCOMPARE(rule.resources, QStringList {QStringLiteral("rollouts/status")});
        QCOMPARE(rule.namespaces, QStringList {QStringLiteral("shop")});
        QCOMPARE(rule.resourceNames, QStringList {QStringLiteral("checkout")});

        // Inline objects first, then each manifest entry's objects in file-name order.
        QCOMPARE(names(edge.objects),
                 (QStringList {QStringLiteral("default/web"), QStringLiteral("shop/checkout"),
                               QStringLiteral("shop/checkout"), QStringLiteral("shop/storefront"),
                               QStringLiteral("/search"), QStringLiteral("default/no-namespace"),
                               QStringLiteral("search/search")}));
        const QString manifests = kScenarios + QStringLiteral("../manifests/app/");
        QCOMPARE(edge.objectOrigins,
                 (QStringList {kScenarios + QStringLiteral("good.yaml:24"),
                               manifests + QStringLiteral("10-rollouts.yaml:3"),
                               manifests + QStringLiteral("10-rollouts.yaml:40"),
                               manifests + QStringLiteral("20-list.json:6"),
                               manifests + QStringLiteral("20-list.json:12"),
                               manifests + QStringLiteral("30-services.yml:4"),
                               manifests + QStringLiteral("30-services.yml:8")}));

        QCOMPARE(edge.metrics.size(), 1);
        const MetricBehaviour &m = edge.metrics.at(0);
        QCOMPARE(m.ns, QStringLiteral("shop"));
        QCOMPARE(m.rollout, QStringLiteral("checkout"));
        QCOMPARE(m.requestRate, 12.0);
        QCOMPARE(m.errorRatio, 0.01);
        QCOMPARE(m.latencyP99Ms, 95.5);
        QCOMPARE(m.cpuCores, 0.5);
        QCOMPARE(m.memoryMiB, 300.0);
        QCOMPARE(m.canaryErrorRatio, 0.2);
        QCOMPARE(m.canaryLatencyP99Ms, 400.0);
        QCOMPARE(m.regressAfterSeconds, 60);
        QCOMPARE(m.canaryRestartsPerHour, 4);
        QCOMPARE(m.orderRate, 2.5);
        QCOMPARE(m.orderFailureRatio, 0.01);
        QCOMPARE(m.canaryOrderFailureRatio, 0.08);

        QCOMPARE(edge.faults.size(), 2);
        const FaultRule &status = edge.faults.at(0);
        QCOMPARE(status.kind, FaultRule::Kind::Status);
        QCOMPARE(status.status, 429);
        QCOMPARE(status.retryAfterSeconds, 2);
        QCOMPARE(status.path.pattern(), QStringLiteral("^/apis/argoproj.io/"));
        QCOMPARE(status.method, QStringLiteral("GET"));
        QCOMPARE(status.remaining, 3);
        QCOMPARE(status.everyNth, 2);
        QVERIFY(!status.watchOnly);
        QVERIFY(status.listOnly);
        QCOMPARE(status.delayMs, 0);
        const FaultRule &delay = edge.faults.at(1);
        QCOMPARE(delay.kind, FaultRule::Kind::Delay);
        QCOMPARE(delay.delayMs, 250);
        QVERIFY(delay.watchOnly);
        QCOMPARE(delay.status, 503);
        QCOMPARE(delay.retryAfterSeconds, -1);
        QCOMPARE(delay.remaining, -1);
        QCOMPARE(delay.everyNth, 1);
        QVERIFY(delay.method.isEmpty());
        QVERIFY(delay.path.match(QStringLiteral("/api/v1/pods")).hasMatch());

        const ClusterScenario &second = scenario.clusters.at(1);
        QCOMPARE(second.port, 16443);
        QVERIFY(second.namespaces.isEmpty());
        QVERIFY(second.objects.isEmpty());
    }

    void brokenScenarios_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *file, const char *message) {
            QTest::newRow(file) << QString::fromUtf8(file) << QString::fromUtf8(message);
        };
        row("unknown-key.yaml", "7: clusters[0]: unknown key 'namspaces'");
        row("token-not-string.yaml", "8: clusters[0].users[1].token: expected a string");
        row("token-empty.yaml", "5: clusters[0].users[0].token: expected a string");
        row("no-credential.yaml",
            "6: clusters[0].users[1]: user 'viewer' has no credential "
            "(token, password or clientCertificate: true)");
        row("duplicate-cluster.yaml", "6: clusters[2].name: duplicate cluster name 'dev'");
        row("duplicate-port.yaml",
            "6: clusters[1].port: port 6443 is already used by cluster 'dev'");
        row("bad-speed.yaml", "2: clock.speed: must be greater than 0");
        row("speed-not-number.yaml", "2: clock.speed: expected a number");
        row("bad-cluster-name.yaml",
            "2: clusters[0].name: 'Dev_1' is not a valid cluster name "
            "(use a-z, 0-9 and '-')");
        row("port-not-integer.yaml", "3: clusters[0].port: expected an integer");
        row("no-clusters.yaml", "2: clusters: at least one cluster is required");
        row("missing-clusters.yaml", "2: missing required key 'clusters'");
        row("empty.yaml", "1: the scenario is empty");
        row("syntax-error.yaml", "4: end of sequence flow not found");
        row("not-a-mapping.yaml", "1: expected a mapping");
        row("no-users.yaml", "2: clusters[0]: missing required key 'users'");
        row("bad-namespace.yaml",
            "5: clusters[0].namespaces[1]: 'Payments' is not a valid "
            "namespace name");
        row("duplicate-user.yaml", "5: clusters[0].users[1].name: duplicate user name 'admin'");
        row("duplicate-token.yaml",
            "5: clusters[0].users[1].token: token is already used by user "
            "'admin'");
        row("duplicate-key.yaml", "5: clusters[0]: duplicate key 'port'");
        row("unknown-verb.yaml", "7: clusters[0].users[0].rules[0].verbs[1]: unknown verb 'pacth'");
        row("rule-without-groups.yaml",
            "7: clusters[0].users[0].rules[0]: missing required key "
            "'apiGroups'");
        row("object-missing-name.yaml", "10: clusters[0].objects[1]: missing 'metadata.name'");
        row("object-unknown-kind.yaml",
            "5: clusters[0].objects[0]: kind 'Rolout' of apiVersion "
            "'argoproj.io/v1alpha1' is not served by rd-sim");
        row("object-not-a-mapping.yaml",
            "5: clusters[0].objects[0]: expected a mapping (a "
            "Kubernetes object)");
        row("duplicate-object.yaml",
            "14: clusters[0].objects[1].items[1]: Service shop/web is "
            "already defined at %1duplicate-object.yaml:5");
        row("unknown-fault-kind.yaml",
            "6: clusters[0].faults[1].kind: unknown fault kind 'dorp' "
            "(expected one of: drop, delay, status, truncate, "
            "malformed, expire)");
        row("bad-fault-regex.yaml",
            "7: clusters[0].faults[0].path: invalid regular expression: "
            "missing closing parenthesis at offset 20");
        row("bad-fault-status.yaml",
            "5: clusters[0].faults[0].status: must be an HTTP status "
            "between 100 and 599");
        row("bad-fault-method.yaml",
            "5: clusters[0].faults[0].method: unknown HTTP method 'FETCH'");
        row("delay-without-ms.yaml",
            "5: clusters[0].faults[0]: a delay fault needs delayMs "
            "greater than 0");
        row("watch-and-list.yaml",
            "7: clusters[0].faults[0].listOnly: watchOnly and listOnly "
            "cannot both be true");
        row("metrics-unknown-rollout.yaml",
            "5: clusters[0].metrics[0].rollout: no Rollout or Deployment "
            "shop/chekout in cluster 'dev'");
        row("metrics-bad-ratio.yaml",
            "8: clusters[0].metrics[0].canaryErrorRatio: must be "
            "between 0 and 1");
        row("metrics-bad-order-ratio.yaml",
            "9: clusters[0].metrics[0].canaryOrderFailureRatio: must be "
            "between 0 and 1");
        row("metrics-negative-order-rate.yaml",
            "6: clusters[0].metrics[0].orderRate: must not be negative");
        row("missing-manifest.yaml",
            "6: clusters[0].manifests[1]: no such file or directory: "
            "%1../manifests/nope.yaml");
    }

    void brokenScenarios()
    {
        QFETCH(QString, file);
        QFETCH(QString, message);
        Scenario scenario;
        scenario.clockSpeed = 7;
        QString error;
        QVERIFY(!Scenario::fromFile(kScenarios + file, &scenario, &error));
        const QString expected = kScenarios + file + QLatin1Char(':')
            + (message.contains(QStringLiteral("%1")) ? message.arg(kScenarios) : message);
        QCOMPARE(error, expected);
        QCOMPARE(scenario.clockSpeed, 7.0); // untouched on failure
    }

    // An error inside a manifest names the manifest and its line, not the scenario.
    void brokenManifestOfAScenario()
    {
        QString error;
        QVERIFY(!Scenario::fromFile(kScenarios + QStringLiteral("broken-manifest.yaml"), nullptr,
                                    &error));
        QCOMPARE(error,
                 kScenarios
                     + QStringLiteral("../manifests/broken/missing-name.yaml:6: "
                                      "missing 'metadata.name'"));
        QVERIFY(!Scenario::fromFile(kScenarios + QStringLiteral("manifest-duplicate.yaml"), nullptr,
                                    &error));
        QCOMPARE(error,
                 kScenarios
                     + QStringLiteral("../manifests/app/10-rollouts.yaml:3: Rollout "
                                      "shop/checkout is already defined at ")
                     + kScenarios + QStringLiteral("manifest-duplicate.yaml:5"));
    }

    void inlineYamlAndMissingFile()
    {
        Scenario scenario;
        QString error;
        QVERIFY(Scenario::fromYaml("clusters: [{name: a, users: [{name: u, token: t}]}]\n",
                                   QStringLiteral("inline.yaml"), &scenario, &error));
        QCOMPARE(scenario.clusters.at(0).users.at(0).token, QStringLiteral("t"));
        QVERIFY(!Scenario::fromYaml("clusters: []\n---\nclock: {}\n", QStringLiteral("two.yaml"),
                                    &scenario, &error));
        QCOMPARE(error, QStringLiteral("two.yaml:3: a scenario is a single YAML document"));
        QVERIFY(!Scenario::fromYaml("clusters: [{name: a, users: [{name: u, token: t}],\n"
                                    "  metrics: 3}]\n",
                                    QStringLiteral("m.yaml"), &scenario, &error));
        QCOMPARE(error, QStringLiteral("m.yaml:2: clusters[0].metrics: expected a list"));
        QVERIFY(!Scenario::fromYaml("clock: 5\nclusters: []\n", QStringLiteral("c.yaml"), &scenario,
                                    &error));
        QCOMPARE(error, QStringLiteral("c.yaml:1: clock: expected a mapping"));

        const QString missing = kScenarios + QStringLiteral("does-not-exist.yaml");
        QVERIFY(!Scenario::fromFile(missing, &scenario, &error));
        QCOMPARE(error, missing + QStringLiteral(": cannot read: No such file or directory"));
    }
};

QTEST_GUILESS_MAIN(TestScenarioParser)
#include "tst_scenarioparser.moc"
