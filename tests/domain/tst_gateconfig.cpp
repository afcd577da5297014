// SPDX-License-Identifier: GPL-3.0-or-later
// The config file's gates: list and gateInterval: every field read, the defaults, every
// error with file, line and field, and the environment config accepting both beside it.
#include "environmentconfig.h"
#include "gateconfig.h"

#include <QtTest>

namespace {

const QByteArray fullGate
    = "environments:\n"
      "  - { name: prod, context: prod }\n"
      "gateInterval: 45s\n"
      "gates:\n"
      "  - name: checkout error ratio\n"
      "    query: >-\n"
      "      sum(rate(http_requests_total{namespace=\"{{namespace}}\",pod=~\"{{pod_regex}}\","
      "code=~\"5..\"}[1m])) / sum(rate(http_requests_total{{{sel}}}[1m]))\n"
      "    max: 0.02\n"
      "    relative: { maxIncrease: 10% }\n"
      "    window: 10m\n"
      "    step: 30s\n"
      "    minSamples: 12\n"
      "    variables: { sel: 'namespace=\"{{namespace}}\",pod=~\"{{pod_regex}}\"' }\n"
      "    environments: [prod]\n"
      "    workloads: [shop/checkout]\n"
      "  - name: order success\n"
      "    query: min(orders_ratio{hash=\"{{hash}}\"})\n"
      "    min: 0.97\n";

} // namespace

class TestGateConfig : public QObject
{
    Q_OBJECT

private slots:
    void readsEveryField()
    {
        GateSettings settings;
        QString error;
        QVERIFY2(GateConfig::fromYaml(fullGate, QStringLiteral("c.yaml"), &settings, &error),
                 qPrintable(error));
        QCOMPARE(settings.intervalMs, 45000);
        QCOMPARE(settings.gates.size(), 2);
        const GateSpec &gate = settings.gates.at(0);
        QCOMPARE(gate.name, QStringLiteral("checkout error ratio"));
        QVERIFY(gate.query.startsWith(QStringLiteral("sum(rate(http_requests_total")));
        QCOMPARE(gate.max, std::optional<double>(0.02));
        QVERIFY(!gate.min);
        QCOMPARE(gate.maxIncrease, std::optional<double>(0.10));
        QVERIFY(!gate.maxDecrease);
        QCOMPARE(gate.windowMs, 600000);
        QCOMPARE(gate.stepMs, 30000);
        QCOMPARE(gate.minSamples, 12);
        QCOMPARE(gate.requiredSamples(), 12);
        QCOMPARE(gate.variables.size(), 1);
        QCOMPARE(gate.environments, QStringList {QStringLiteral("prod")});
        QCOMPARE(gate.workloads, QStringList {QStringLiteral("shop/checkout")});
        QCOMPARE(gate.line, 5);
        QVERIFY(gate.appliesTo(QStringLiteral("prod"), QStringLiteral("shop"),
                               QStringLiteral("checkout")));
        QVERIFY(!gate.appliesTo(QStringLiteral("staging"), QStringLiteral("shop"),
                                QStringLiteral("checkout")));
        QVERIFY(!gate.appliesTo(QStringLiteral("prod"), QStringLiteral("shop"),
                                QStringLiteral("cart")));
        // The second takes the defaults: 10 minutes at 15 s is 41 points, half of them needed.
        const GateSpec &second = settings.gates.at(1);
        QCOMPARE(second.windowMs, GateSpec::defaultWindowMs);
        QCOMPARE(second.stepMs, GateSpec::defaultStepMs);
        QCOMPARE(second.pointsInWindow(), 41);
        QCOMPARE(second.requiredSamples(), 20);
        QVERIFY(second.appliesTo(QStringLiteral("dev"), QStringLiteral("a"), QStringLiteral("b")));
        QCOMPARE(
            settings
                .applicable(QStringLiteral("prod"), QStringLiteral("shop"), QStringLiteral("cart"))
                .size(),
            1);
        // The environments of the same document read as before.
        EnvironmentConfig environments;
        QVERIFY2(
            EnvironmentConfig::fromYaml(fullGate, QStringLiteral("c.yaml"), &environments, &error),
            qPrintable(error));
    }

    void noGatesIsAnEmptyList()
    {
        GateSettings settings;
        settings.intervalMs = 1;
        QString error;
        QVERIFY(GateConfig::fromYaml("environments: []\n", QStringLiteral("c.yaml"), &settings,
                                     &error));
        QVERIFY(settings == GateSettings());
        QVERIFY(GateConfig::fromYaml("", QStringLiteral("c.yaml"), &settings, &error));
        QVERIFY(settings.gates.isEmpty());
    }

    void errorsNameFileLineAndField_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error");
        const QByteArray head = "gates:\n  - name: g\n    query: x{h=\"{{hash}}\"}\n";
        QTest::addRow("no bound") << head
                                  << "c.yaml:2: gates[0]: needs a bound: max, min or relative";
        QTest::addRow("max not a number") << head + "    max: lots\n"
                                          << "c.yaml:4: gates[0].max: 'lots' is not a number";
        QTest::addRow("percent without sign")
            << head + "    relative: { maxIncrease: 10 }\n"
            << "c.yaml:4: gates[0].relative.maxIncrease: '10' is not a percentage such as 10% "
               "(0% to 1000%)";
        QTest::addRow("relative empty")
            << head + "    relative: {}\n"
            << "c.yaml:4: gates[0].relative: needs maxIncrease or maxDecrease";
        QTest::addRow("unknown relative key")
            << head + "    relative: { maxIncrase: 5% }\n"
            << "c.yaml:4: gates[0].relative: unknown key 'maxIncrase' (expected one of: "
               "maxIncrease, maxDecrease)";
        QTest::addRow("min above max") << head + "    max: 1\n    min: 2\n"
                                       << "c.yaml:5: gates[0].min: 2 is above max 1";
        QTest::addRow("bad window")
            << head + "    max: 1\n    window: 10x\n"
            << "c.yaml:5: gates[0].window: '10x' is not a duration from 30s to 24h (such as "
               "30s, 10m, 1h)";
        QTest::addRow("step beyond window")
            << head + "    max: 1\n    window: 1m\n    step: 2m\n"
            << "c.yaml:6: gates[0].step: '2m' is not a duration from 1s to 1m (such as 30s, "
               "10m, 1h)";
        QTest::addRow("too many samples")
            << head + "    max: 1\n    window: 1m\n    minSamples: 9\n"
            << "c.yaml:6: gates[0].minSamples: must be a whole number from 1 to 5 (the points "
               "in the window at the step)";
        QTest::addRow("no role variable")
            << QByteArray("gates:\n  - name: g\n    query: up\n    max: 1\n")
            << "c.yaml:3: gates[0].query: with splitByRole the query must use {{hash}}, "
               "{{pod_regex}} or {{role}}, or both roles draw the same series";
        QTest::addRow("unknown variable")
            << QByteArray("gates:\n  - name: g\n    query: x{h=\"{{hsh}}\"}\n    max: 1\n")
            << "c.yaml:3: gates[0].query: unknown variable {{hsh}} (known: canary_hash, "
               "environment, hash, namespace, pod_regex, revision, role, rollout, stable_hash)";
        QTest::addRow("bad workload")
            << head + "    max: 1\n    workloads: [checkout]\n"
            << "c.yaml:5: gates[0].workloads[0]: 'checkout' is not of the form NAMESPACE/NAME";
        QTest::addRow("duplicate name")
            << head + "    max: 1\n" + head.mid(7) + "    max: 2\n"
            << "c.yaml:5: gates[1].name: 'g' is already the name of another gate";
        QTest::addRow("missing query") << QByteArray("gates:\n  - name: g\n    max: 1\n")
                                       << "c.yaml:2: gates[0]: 'query' is missing";
        QTest::addRow("unknown key")
            << head + "    max: 1\n    treshold: 2\n"
            << "c.yaml:5: gates[0]: unknown key 'treshold' (expected one of: name, query, max, "
               "min, relative, window, step, minSamples, variables, environments, workloads)";
        QTest::addRow("not a list")
            << QByteArray("gates: {}\n") << "c.yaml:1: gates: must be a list of gates";
        QTest::addRow("interval too short")
            << QByteArray("gateInterval: 1s\n")
            << "c.yaml:1: gateInterval: '1s' is not a duration from 10s to 1h (such as 30s, "
               "10m, 1h)";
    }

    void errorsNameFileLineAndField()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        GateSettings settings;
        QString message;
        QVERIFY(!GateConfig::fromYaml(yaml, QStringLiteral("c.yaml"), &settings, &message));
        QCOMPARE(message, error);
        QVERIFY(settings.gates.isEmpty());
    }

    void unreadableFileSaysSo()
    {
        GateSettings settings;
        QString error;
        QVERIFY(!GateConfig::fromFile(QStringLiteral("/nonexistent/c.yaml"), &settings, &error));
        QVERIFY2(error.startsWith(QStringLiteral("/nonexistent/c.yaml: cannot read: ")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestGateConfig)
#include "tst_gateconfig.moc"
