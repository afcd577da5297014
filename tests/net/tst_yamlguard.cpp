// SPDX-License-Identifier: GPL-3.0-or-later
// Hostile YAML ends in one clear error with file and line, never a crash, a hang or
// gigabytes (issue 10): a cyclic alias, a "billion laughs", deep nesting and a huge file, in
// the kubeconfig parser and the environments and charts config parsers.

#include "chartconfig.h"
#include "environmentconfig.h"
#include "kubeconfigparser.h"
#include "yamlguard.h"
#include <QTemporaryDir>
#include <QTest>

namespace {

QByteArray billionLaughs()
{
    QByteArray yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char previous = 'a';
    for (char name = 'b'; name <= 'j'; ++name) {
        yaml += QByteArray(1, name) + ": &" + QByteArray(1, name) + " [";
        for (int i = 0; i < 10; ++i)
            yaml += (i ? ", *" : "*") + QByteArray(1, previous);
        yaml += "]\n";
        previous = name;
    }
    return yaml;
}

} // namespace

class TestYamlGuard : public QObject
{
    Q_OBJECT

private slots:
    void refusesHostileYaml_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error");
        QTest::addRow("cyclic alias")
            << QByteArray("apiVersion: v1\nclusters:\n- name: x\n  extensions: &e\n"
                          "    - name: loop\n      extension: *e\n")
            << "k.yaml:6: not loaded: an alias refers to the node it is in (a cycle)";
        QTest::addRow("billion laughs") << billionLaughs()
                                        << "k.yaml:6: not loaded: its aliases expand to more "
                                           "than 200000 nodes";
        QTest::addRow("deep nesting")
            << QByteArray("a: ") + QByteArray(150, '[') + QByteArray(150, ']') + "\n"
            << "k.yaml:1: not loaded: it is nested more than 100 levels deep";
        // Found fuzzing rd-sim's twin of this guard: yaml-cpp reads a top-level ',' as an
        // empty document that consumes nothing, so the document loop went round until the
        // node limit stopped it (0.5 s, and the wrong reason).
        QTest::addRow("stray comma") << QByteArray("- apiVersion: v1\n,\n")
                                     << "k.yaml:2: not loaded: a ',' outside [ ] or { }";
        QTest::addRow("too large")
            << QByteArray(YamlGuard::maxBytes + 1, '#') << "k.yaml: the file is larger than 4 MiB";
    }

    void refusesHostileYaml()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        QString actual;
        QVERIFY(!YamlGuard::check(yaml, QStringLiteral("k.yaml"), &actual));
        QCOMPARE(actual, error);
        // Every parser of the app refuses it the same way, before building nodes.
        KubeconfigFile kubeconfig;
        actual.clear();
        QVERIFY(!KubeconfigParser::parse(yaml, QStringLiteral("k.yaml"), &kubeconfig, &actual));
        QCOMPARE(actual, error);
        EnvironmentConfig config;
        actual.clear();
        QVERIFY(!EnvironmentConfig::fromYaml(yaml, QStringLiteral("k.yaml"), &config, &actual));
        QCOMPARE(actual, error);
        QList<ChartSpec> charts;
        actual.clear();
        QVERIFY(!ChartConfig::fromYaml(yaml, QStringLiteral("k.yaml"), &charts, &actual));
        QCOMPARE(actual, error);
    }

    void boundedAliasesStayFine()
    {
        const QByteArray yaml = "environments:\n"
                                "  - &base { name: dev, readOnly: true }\n"
                                "  - { name: prod, context: prod }\n"
                                "extra: *base\n";
        QString error;
        QVERIFY2(YamlGuard::check(yaml, QStringLiteral("c.yaml"), &error), qPrintable(error));
        // Syntax errors are left to the loader, which says them in its own words.
        QVERIFY(YamlGuard::check("a: [unclosed", QStringLiteral("c.yaml"), &error));
    }

    void kubeconfigFromDevZeroIsRefused()
    {
        KubeconfigFile file;
        QString error;
        QVERIFY(!KubeconfigParser::parseFile(QStringLiteral("/dev/zero"), &file, &error));
        QCOMPARE(error, QStringLiteral("/dev/zero: larger than 4 MiB: not a kubeconfig"));
    }
};

QTEST_GUILESS_MAIN(TestYamlGuard)
#include "tst_yamlguard.moc"
