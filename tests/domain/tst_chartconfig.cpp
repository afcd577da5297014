// SPDX-License-Identifier: GPL-3.0-or-later
// The `charts:` list of the config file: every field read exactly, and every mistake reported
// with the file, line and field.
#include "chartconfig.h"

#include <QTemporaryDir>
#include <QTest>

class TestChartConfig : public QObject
{
    Q_OBJECT

private slots:
    void fullDocument()
    {
        const QByteArray yaml
            = "environments:\n"
              "  - { name: prod }\n"
              "charts:\n"
              "  - title: Error ratio\n"
              "    query: >-\n"
              "      sum(rate(errs{{{selector}}}[2m]))\n"
              "      / sum(rate(reqs{{{selector}}}[2m]))\n"
              "    unit: ratio\n"
              "    splitByRole: true\n"
              "    thresholds:\n"
              "      - { max: 0.05, label: SLO }\n"
              "      - min: 0\n"
              "    variables:\n"
              "      selector: 'namespace=\"{{namespace}}\",pod=~\"{{pod_regex}}\"'\n"
              "    environments: [prod, staging]\n"
              "  - title: Queue depth\n"
              "    query: max(kafka_lag{namespace=\"{{namespace}}\"})\n";
        QList<ChartSpec> charts;
        QString error;
        QVERIFY2(ChartConfig::fromYaml(yaml, QStringLiteral("config.yaml"), &charts, &error),
                 qPrintable(error));
        QCOMPARE(charts.size(), 2);

        ChartSpec first;
        first.id = QStringLiteral("config/0");
        first.title = QStringLiteral("Error ratio");
        first.query = QStringLiteral(
            "sum(rate(errs{{{selector}}}[2m])) / sum(rate(reqs{{{selector}}}[2m]))");
        first.unit = ChartUnit::Ratio;
        first.splitByRole = true;
        ChartThreshold max;
        max.value = 0.05;
        max.comparison = ChartThreshold::Comparison::LessOrEqual;
        max.source = ChartThreshold::Source::Config;
        max.text = QStringLiteral("SLO");
        ChartThreshold min;
        min.value = 0;
        min.comparison = ChartThreshold::Comparison::GreaterOrEqual;
        min.source = ChartThreshold::Source::Config;
        first.thresholds = {max, min};
        first.variables = {{QStringLiteral("selector"),
                            QStringLiteral("namespace=\"{{namespace}}\",pod=~\"{{pod_regex}}\"")}};
        first.environments = {QStringLiteral("prod"), QStringLiteral("staging")};
        first.origin = ChartSpec::Origin::Config;
        first.description = QStringLiteral("Configured in config.yaml");
        QCOMPARE(charts.at(0), first);
        QVERIFY(charts.at(0).appliesTo(QStringLiteral("staging")));
        QVERIFY(!charts.at(0).appliesTo(QStringLiteral("dev")));

        QCOMPARE(charts.at(1).id, QStringLiteral("config/1"));
        QCOMPARE(charts.at(1).unit, ChartUnit::None);
        QVERIFY(!charts.at(1).splitByRole);
        QVERIFY(charts.at(1).appliesTo(QStringLiteral("dev")));
    }

    void noCharts()
    {
        QList<ChartSpec> charts = {ChartSpec()};
        QString error;
        QVERIFY(
            ChartConfig::fromYaml("environments: []\n", QStringLiteral("c.yaml"), &charts, &error));
        QVERIFY(charts.isEmpty());
        QVERIFY(ChartConfig::fromYaml("charts: []\n", QStringLiteral("c.yaml"), &charts, &error));
        QVERIFY(charts.isEmpty());
    }

    void fromFile()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("config.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("charts:\n  - { title: Up, query: 'up' }\n");
        file.close();
        QList<ChartSpec> charts;
        QString error;
        QVERIFY2(ChartConfig::fromFile(path, &charts, &error), qPrintable(error));
        QCOMPARE(charts.size(), 1);
        QCOMPARE(charts.first().description, QStringLiteral("Configured in ") + path);
        const QString missing = dir.filePath(QStringLiteral("missing.yaml"));
        QVERIFY(!ChartConfig::fromFile(missing, &charts, &error));
        QCOMPARE(error, missing + QStringLiteral(": cannot read: No such file or directory"));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error");
        const QString known
            = QStringLiteral("canary_hash, environment, namespace, revision, rollout, stable_hash");
        QTest::addRow("not a list") << QByteArray("charts: 3\n")
                                    << QStringLiteral("c.yaml:1: charts: must be a list of charts");
        QTest::addRow("not a mapping")
            << QByteArray("charts:\n  - up\n")
            << QStringLiteral("c.yaml:2: charts[0]: must be a mapping with 'title' and 'query'");
        QTest::addRow("missing query") << QByteArray("charts:\n  - title: A\n")
                                       << QStringLiteral("c.yaml:2: charts[0]: 'query' is missing");
        QTest::addRow("empty title")
            << QByteArray("charts:\n  - title: ''\n    query: up\n")
            << QStringLiteral("c.yaml:2: charts[0].title: must not be empty");
        QTest::addRow("unknown key")
            << QByteArray("charts:\n  - title: A\n    query: up\n    colour: red\n")
            << QStringLiteral("c.yaml:4: charts[0]: unknown key 'colour' (expected one of: "
                              "title, query, unit, splitByRole, thresholds, variables, "
                              "environments)");
        QTest::addRow("unit")
            << QByteArray("charts:\n  - title: A\n    query: up\n    unit: furlongs\n")
            << QStringLiteral("c.yaml:4: charts[0].unit: 'furlongs' is not a unit (expected one "
                              "of: none, ratio, percent, seconds, milliseconds, bytes, cores, "
                              "requests/s)");
        QTest::addRow("split not bool")
            << QByteArray("charts:\n  - title: A\n    query: up\n    splitByRole: maybe\n")
            << QStringLiteral("c.yaml:4: charts[0].splitByRole: must be true or false");
        QTest::addRow("unknown variable")
            << QByteArray("charts:\n  - title: A\n    query: up{h=\"{{hsh}}\"}\n")
            << QStringLiteral("c.yaml:3: charts[0].query: unknown variable {{hsh}} (known: ")
                + known + QLatin1Char(')');
        QTest::addRow("malformed variable")
            << QByteArray("charts:\n  - title: A\n    query: 'up{h=\"{{ 9 }}\"}'\n")
            << QStringLiteral("c.yaml:3: charts[0].query: '{{ 9 }}' is not a variable reference");
        QTest::addRow("role variable without split")
            << QByteArray("charts:\n  - title: A\n    query: up{pod=~\"{{pod_regex}}\"}\n")
            << QStringLiteral(
                   "c.yaml:3: charts[0].query: {{pod_regex}} is only set when splitByRole is true");
        QTest::addRow("split without role variable")
            << QByteArray("charts:\n  - title: A\n    query: up\n    splitByRole: true\n")
            << QStringLiteral("c.yaml:3: charts[0].query: with splitByRole the query must use "
                              "{{hash}}, {{pod_regex}} or {{role}}, or both roles draw the same "
                              "series");
        QTest::addRow("threshold both")
            << QByteArray("charts:\n  - title: A\n    query: up\n    thresholds:\n"
                          "      - { max: 1, min: 0 }\n")
            << QStringLiteral(
                   "c.yaml:5: charts[0].thresholds[0]: needs exactly one of 'max' and 'min'");
        QTest::addRow("threshold not a number")
            << QByteArray("charts:\n  - title: A\n    query: up\n    thresholds:\n"
                          "      - max: lots\n")
            << QStringLiteral("c.yaml:5: charts[0].thresholds[0].max: 'lots' is not a number");
        QTest::addRow("redefined variable")
            << QByteArray("charts:\n  - title: A\n    query: up\n    variables:\n"
                          "      namespace: x\n")
            << QStringLiteral("c.yaml:5: charts[0].variables: 'namespace' is set by the "
                              "dashboard and cannot be redefined");
        QTest::addRow("unknown in a variable")
            << QByteArray("charts:\n  - title: A\n    query: up{{{sel}}}\n    variables:\n"
                          "      sel: 'a=\"{{nope}}\"'\n")
            << QStringLiteral("c.yaml:5: charts[0].variables.sel: unknown variable {{nope}} "
                              "(known: canary_hash, environment, namespace, revision, rollout, "
                              "sel, stable_hash)");
        QTest::addRow("self reference")
            << QByteArray("charts:\n  - title: A\n    query: up{{{a}}}\n    variables:\n"
                          "      a: '{{b}}'\n      b: '{{a}}'\n")
            << QStringLiteral("c.yaml:3: charts[0].query: variable {{a}} refers to itself");
        QTest::addRow("second chart")
            << QByteArray("charts:\n  - { title: A, query: up }\n  - { title: B }\n")
            << QStringLiteral("c.yaml:3: charts[1]: 'query' is missing");
        QTest::addRow("environments")
            << QByteArray("charts:\n  - title: A\n    query: up\n    environments: prod\n")
            << QStringLiteral("c.yaml:4: charts[0].environments: must be a list of environment "
                              "names");
    }

    void errors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        QList<ChartSpec> charts;
        QString actual;
        QVERIFY(!ChartConfig::fromYaml(yaml, QStringLiteral("c.yaml"), &charts, &actual));
        QCOMPARE(actual, error);
    }

    void invalidYaml()
    {
        QList<ChartSpec> charts;
        QString error;
        QVERIFY(
            !ChartConfig::fromYaml("charts:\n  - [\n", QStringLiteral("c.yaml"), &charts, &error));
        QVERIFY2(error.startsWith(QStringLiteral("c.yaml:3:1: invalid YAML: ")), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestChartConfig)
#include "tst_chartconfig.moc"
