// SPDX-License-Identifier: GPL-3.0-or-later
// The environment config schema (domain/config/environmentconfig): defaults, sorting, and the
// exact error for every kind of broken input.
#include "chartconfig.h"
#include "environmentconfig.h"

#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestEnvironmentConfig : public QObject
{
    Q_OBJECT

private slots:
    void fromContexts()
    {
        const EnvironmentConfig config = EnvironmentConfig::fromContexts(
            {QStringLiteral("kind-dev"), QStringLiteral("gke-prod"), QStringLiteral("a")});
        QCOMPARE(config.names(),
                 QStringList({QStringLiteral("kind-dev"), QStringLiteral("gke-prod"),
                              QStringLiteral("a")}));
        QCOMPARE(config.environments().at(1).context, QStringLiteral("gke-prod"));
        QCOMPARE(config.environments().at(1).order, 1);
        QVERIFY(config.environments().at(1).namespaces.isEmpty());
        QVERIFY(config.sourceFile().isEmpty());
    }

    void fullEntry()
    {
        EnvironmentConfig config;
        QString error;
        QVERIFY2(EnvironmentConfig::fromYaml(R"(environments:
  - name: prod
    context: gke-prod-admin
    namespaces: [shop, payments]
    order: 3
    colour: "#C0392B"
    readOnly: true
)",
                                             QStringLiteral("c.yaml"), &config, &error),
                 qPrintable(error));
        QCOMPARE(config.environments().size(), 1);
        const EnvironmentSpec &spec = config.environments().first();
        QCOMPARE(spec.name, QStringLiteral("prod"));
        QCOMPARE(spec.context, QStringLiteral("gke-prod-admin"));
        QCOMPARE(spec.namespaces,
                 QStringList({QStringLiteral("shop"), QStringLiteral("payments")}));
        QCOMPARE(spec.order, 3);
        QCOMPARE(spec.colour, QStringLiteral("#c0392b"));
        QCOMPARE(spec.readOnly, true);
        QCOMPARE(config.sourceFile(), QStringLiteral("c.yaml"));
    }

    void protectedAndLinks()
    {
        EnvironmentConfig config;
        QString error;
        QVERIFY2(EnvironmentConfig::fromYaml(R"(environments:
  - name: prod
    protected: true
    onGateFail: pause
    links:
      - name: Argo CD
        url: https://argocd.example.com/applications/{namespace}/{name}?env={environment}
)",
                                             QStringLiteral("c.yaml"), &config, &error),
                 qPrintable(error));
        const EnvironmentSpec &spec = config.environments().first();
        QVERIFY(spec.isProtected);
        QVERIFY(spec.pauseOnGateFail);
        QCOMPARE(spec.links.size(), 1);
        QCOMPARE(spec.links.first().name, QStringLiteral("Argo CD"));
        // Values are percent-encoded: a name cannot change the address's shape.
        QCOMPARE(spec.links.first().expanded(QStringLiteral("prod"), QStringLiteral("prod"),
                                             QStringLiteral("shop"), QStringLiteral("a b/c")),
                 QStringLiteral("https://argocd.example.com/applications/shop/a%20b%2Fc?env=prod"));
    }

    void defaultsAndOrder()
    {
        EnvironmentConfig config;
        QString error;
        QVERIFY2(EnvironmentConfig::fromYaml(R"(environments:
  - name: prod
    order: 10
  - name: dev
  - name: staging
    order: 1
  - name: qa
    order: 1
)",
                                             QStringLiteral("c.yaml"), &config, &error),
                 qPrintable(error));
        // dev has the default order 1 (its index): ties keep the file's order.
        QCOMPARE(config.names(),
                 QStringList({QStringLiteral("dev"), QStringLiteral("staging"),
                              QStringLiteral("qa"), QStringLiteral("prod")}));
        const EnvironmentSpec *dev = config.environment(QStringLiteral("dev"));
        QVERIFY(dev);
        QCOMPARE(dev->context, QStringLiteral("dev"));
        QCOMPARE(dev->readOnly, false);
        QVERIFY(!dev->pauseOnGateFail); // notify only, unless the file says pause
        QVERIFY(dev->colour.isEmpty());
        QVERIFY(!config.environment(QStringLiteral("nope")));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error");
        QTest::addRow("empty") << QByteArray("")
                               << "c.yaml: the file is empty; expected an "
                                  "'environments' list";
        QTest::addRow("not yaml") << QByteArray("environments: [\n  - name: a\n")
                                  << "c.yaml:2:3: invalid YAML: illegal block entry";
        QTest::addRow("list root") << QByteArray("- a\n- b\n")
                                   << "c.yaml:1: expected a mapping with an 'environments' list";
        QTest::addRow("unknown top key")
            << QByteArray("environments:\n  - name: a\nclusters: []\n")
            << "c.yaml:3: unknown key 'clusters' (expected one of: "
               "environments, charts, history, gates, gateInterval, promotion)";
        QTest::addRow("missing list")
            << QByteArray("{}\n") << "c.yaml:1: 'environments' is missing";
        QTest::addRow("empty list") << QByteArray("environments: []\n")
                                    << "c.yaml:1: environments: must be a non-empty list";
        QTest::addRow("entry not a map") << QByteArray("environments:\n  - prod\n")
                                         << "c.yaml:2: environments[0]: must be a mapping with "
                                            "at least a 'name'";
        QTest::addRow("no name") << QByteArray("environments:\n  - context: x\n")
                                 << "c.yaml:2: environments[0]: 'name' is missing";
        QTest::addRow("empty name") << QByteArray("environments:\n  - name: \"\"\n")
                                    << "c.yaml:2: environments[0].name: must not be empty";
        QTest::addRow("name not a string") << QByteArray("environments:\n  - name: [a]\n")
                                           << "c.yaml:2: environments[0].name: must be a string";
        QTest::addRow("unknown key")
            << QByteArray("environments:\n  - name: a\n  - name: b\n    color: \"#ffffff\"\n")
            << "c.yaml:4: environments[1]: unknown key 'color' (expected one of: name, context, "
               "namespaces, order, colour, readOnly, prometheus, protected, links, onGateFail, "
               "argocd, safetyNets)";
        QTest::addRow("onGateFail unknown")
            << QByteArray("environments:\n  - name: a\n    onGateFail: abort\n")
            << "c.yaml:3: environments[0].onGateFail: 'abort' is not notify or pause";
        QTest::addRow("protected not a bool")
            << QByteArray("environments:\n  - name: a\n    protected: maybe\n")
            << "c.yaml:3: environments[0].protected: must be true or false";
        QTest::addRow("links not a list")
            << QByteArray("environments:\n  - name: a\n    links: https://x\n")
            << "c.yaml:3: environments[0].links: must be a list of {name, url}";
        QTest::addRow("link without url")
            << QByteArray("environments:\n  - name: a\n    links:\n      - name: Argo CD\n")
            << "c.yaml:4: environments[0].links[0]: needs both name and url";
        QTest::addRow("link to a program")
            << QByteArray("environments:\n  - name: a\n    links:\n      - name: x\n"
                          "        url: file:///usr/bin/xterm\n")
            << "c.yaml:5: environments[0].links[0].url: 'file:///usr/bin/xterm' is not an http or "
               "https address";
        QTest::addRow("duplicate key") << QByteArray("environments:\n  - name: a\n    name: b\n")
                                       << "c.yaml:3: environments[0]: duplicate key 'name'";
        QTest::addRow("duplicate name")
            << QByteArray("environments:\n  - name: prod\n  - name: dev\n  - name: prod\n")
            << "c.yaml:4: environments[2].name: 'prod' is already defined on line 2";
        QTest::addRow("bad colour")
            << QByteArray("environments:\n  - name: a\n    colour: red\n")
            << "c.yaml:3: environments[0].colour: 'red' is not a colour of the form #rrggbb";
        QTest::addRow("short colour")
            << QByteArray("environments:\n  - name: a\n    colour: \"#fff\"\n")
            << "c.yaml:3: environments[0].colour: '#fff' is not a colour of the form #rrggbb";
        QTest::addRow("bad order") << QByteArray("environments:\n  - name: a\n    order: first\n")
                                   << "c.yaml:3: environments[0].order: 'first' is not an integer";
        QTest::addRow("bad readOnly")
            << QByteArray("environments:\n  - name: a\n    readOnly: maybe\n")
            << "c.yaml:3: environments[0].readOnly: must be true or false";
        QTest::addRow("namespaces not a list")
            << QByteArray("environments:\n  - name: a\n    namespaces: shop\n")
            << "c.yaml:3: environments[0].namespaces: must be a list of namespace names";
        QTest::addRow("namespace twice")
            << QByteArray("environments:\n  - name: a\n    namespaces: [shop, shop]\n")
            << "c.yaml:3: environments[0].namespaces[1]: 'shop' is listed twice";
        QTest::addRow("empty context")
            << QByteArray("environments:\n  - name: a\n    context: \"\"\n")
            << "c.yaml:3: environments[0].context: must not be empty";
    }

    void errors()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        EnvironmentConfig config;
        QString actual;
        QVERIFY(!EnvironmentConfig::fromYaml(yaml, QStringLiteral("c.yaml"), &config, &actual));
        QCOMPARE(actual, error);
    }

    void unknownContext()
    {
        EnvironmentConfig config;
        QString error;
        QVERIFY(EnvironmentConfig::fromYaml(
            "environments:\n  - name: dev\n  - name: prod\n    order: -1\n    context: gke-prod\n",
            QStringLiteral("/etc/c.yaml"), &config, &error));
        QVERIFY2(config.checkContexts({QStringLiteral("dev"), QStringLiteral("gke-prod")}, &error),
                 qPrintable(error));
        QVERIFY(!config.checkContexts({QStringLiteral("dev"), QStringLiteral("kind")}, &error));
        // prod sorts first (order -1) but is still reported as the file's entry 1.
        QCOMPARE(error,
                 QStringLiteral("/etc/c.yaml:5: environments[1].context: context 'gke-prod' of "
                                "environment 'prod' is not in the kubeconfig (contexts: dev, "
                                "kind)"));
        QVERIFY(!config.checkContexts({}, &error));
        QCOMPARE(error,
                 QStringLiteral("/etc/c.yaml:5: environments[1].context: context 'gke-prod' of "
                                "environment 'prod' is not in the kubeconfig (contexts: none)"));
    }

    void defaultContextLineIsTheName()
    {
        EnvironmentConfig config;
        QString error;
        QVERIFY(EnvironmentConfig::fromYaml("environments:\n\n  - name: dev\n",
                                            QStringLiteral("c.yaml"), &config, &error));
        QVERIFY(!config.checkContexts({QStringLiteral("prod")}, &error));
        QCOMPARE(error,
                 QStringLiteral("c.yaml:3: environments[0].context: context 'dev' of "
                                "environment 'dev' is not in the kubeconfig (contexts: "
                                "prod)"));
    }

    void fromFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.yaml"));
        EnvironmentConfig config;
        QString error;
        QVERIFY(!EnvironmentConfig::fromFile(path, &config, &error));
        QCOMPARE(error, path + QStringLiteral(": cannot read: No such file or directory"));

        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("environments:\n  - name: a\n    readOnly: yes\n");
        file.close();
        QVERIFY2(EnvironmentConfig::fromFile(path, &config, &error), qPrintable(error));
        QCOMPARE(config.sourceFile(), path);
        QCOMPARE(config.environments().first().readOnly, true);
        config.setAllReadOnly();
        QCOMPARE(config.environments().first().readOnly, true);
    }

    // One file holds both: the environments and the charts (read by ChartConfig).
    void chartsBesideEnvironments()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config.yaml"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("environments:\n  - name: a\ncharts:\n  - title: Errors\n"
                   "    query: sum(rate(errors{namespace=\"{{namespace}}\"}[1m]))\n");
        file.close();
        EnvironmentConfig config;
        QString error;
        QVERIFY2(EnvironmentConfig::fromFile(path, &config, &error), qPrintable(error));
        QList<ChartSpec> charts;
        QVERIFY2(ChartConfig::fromFile(path, &charts, &error), qPrintable(error));
        QCOMPARE(charts.size(), 1);
        QCOMPARE(charts.first().title, QStringLiteral("Errors"));
    }

    void setAllReadOnly()
    {
        EnvironmentConfig config
            = EnvironmentConfig::fromContexts({QStringLiteral("a"), QStringLiteral("b")});
        config.setAllReadOnly();
        for (const EnvironmentSpec &spec : config.environments())
            QVERIFY(spec.readOnly);
    }

    void defaultPath()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(EnvironmentConfig::defaultPath().endsWith(
            QStringLiteral("/release-dashboard/config.yaml")));
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentConfig)
#include "tst_environmentconfig.moc"
