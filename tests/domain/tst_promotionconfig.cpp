// SPDX-License-Identifier: GPL-3.0-or-later
// The config file's promotion: block: rows naming a workload per environment, every error
// with file, line and field, and the environment config accepting the block beside it.
#include "environmentconfig.h"
#include "promotionconfig.h"

#include <QtTest>

class TestPromotionConfig : public QObject
{
    Q_OBJECT

private slots:
    void noBlockNoRows()
    {
        PromotionSettings settings;
        settings.rows.append(PromotionRowSpec {});
        QString error;
        QVERIFY(PromotionConfig::fromYaml("environments: []\n", "c.yaml", &settings, &error));
        QCOMPARE(settings, PromotionSettings());
    }

    void readsRows()
    {
        const QByteArray yaml = "environments:\n"
                                "  - { name: dev, context: dev }\n"
                                "promotion:\n"
                                "  rows:\n"
                                "    - name: checkout\n"
                                "      workloads:\n"
                                "        dev: shop/checkout\n"
                                "        staging: shop/checkout-v2\n"
                                "    - { name: cart, workloads: { prod: shop/cart } }\n";
        PromotionSettings settings;
        QString error;
        QVERIFY2(PromotionConfig::fromYaml(yaml, "c.yaml", &settings, &error), qPrintable(error));
        QCOMPARE(settings.rows.size(), 2);
        QCOMPARE(settings.rows.at(0).name, QStringLiteral("checkout"));
        QCOMPARE(settings.rows.at(0).line, 5);
        QCOMPARE(
            settings.rows.at(0).workloads,
            (QMap<QString, QString> {{"dev", "shop/checkout"}, {"staging", "shop/checkout-v2"}}));
        QCOMPARE(settings.rows.at(1).workloads.value("prod"), QStringLiteral("shop/cart"));
        EnvironmentConfig environments;
        QVERIFY2(EnvironmentConfig::fromYaml(yaml, "c.yaml", &environments, &error),
                 qPrintable(error));
    }

    void errorsNameFileLineAndField_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error");
        QTest::addRow("a list") << QByteArray("promotion: [1]\n")
                                << "c.yaml:1: promotion: must be a mapping with a list of rows";
        QTest::addRow("unknown key") << QByteArray("promotion:\n  row: []\n")
                                     << "c.yaml:2: promotion: unknown key 'row' (expected one "
                                        "of: rows)";
        QTest::addRow("rows a mapping")
            << QByteArray("promotion:\n  rows: { name: a }\n")
            << "c.yaml:2: promotion.rows: must be a list of rows with a name and workloads";
        QTest::addRow("row a string")
            << QByteArray("promotion:\n  rows:\n    - checkout\n")
            << "c.yaml:3: promotion.rows[0]: must be a mapping with 'name' and 'workloads'";
        QTest::addRow("no workloads") << QByteArray("promotion:\n  rows:\n    - name: a\n")
                                      << "c.yaml:3: promotion.rows[0]: 'workloads' is missing";
        QTest::addRow("no name") << QByteArray(
            "promotion:\n  rows:\n    - workloads: { dev: a/b }\n")
                                 << "c.yaml:3: promotion.rows[0]: 'name' is missing";
        QTest::addRow("name a list")
            << QByteArray("promotion:\n  rows:\n    - name: [a]\n      workloads: { dev: a/b }\n")
            << "c.yaml:3: promotion.rows[0].name: must be a non-empty string";
        QTest::addRow("workloads a list")
            << QByteArray("promotion:\n  rows:\n    - name: a\n      workloads: [a/b]\n")
            << "c.yaml:4: promotion.rows[0].workloads: must be a mapping of ENVIRONMENT: "
               "NAMESPACE/NAME";
        QTest::addRow("no namespace")
            << QByteArray("promotion:\n  rows:\n    - name: a\n      workloads:\n"
                          "        dev: checkout\n")
            << "c.yaml:5: promotion.rows[0].workloads.dev: 'checkout' is not of the form "
               "NAMESPACE/NAME";
        QTest::addRow("same name")
            << QByteArray("promotion:\n  rows:\n    - { name: a, workloads: { dev: a/b } }\n"
                          "    - { name: a, workloads: { dev: a/c } }\n")
            << "c.yaml:4: promotion.rows[1].name: 'a' is already the name of rows[0]";
        QTest::addRow("same workload")
            << QByteArray("promotion:\n  rows:\n    - { name: a, workloads: { dev: a/b } }\n"
                          "    - { name: b, workloads: { dev: a/b } }\n")
            << "c.yaml:4: promotion.rows[1].workloads.dev: a/b is already in rows[0]";
        QTest::addRow("same environment")
            << QByteArray("promotion:\n  rows:\n    - name: a\n      workloads:\n"
                          "        dev: a/b\n        dev: a/c\n")
            << "c.yaml:6: promotion.rows[0].workloads.dev: duplicate environment";
        QTest::addRow("unknown row key")
            << QByteArray("promotion:\n  rows:\n    - { name: a, workload: {} }\n")
            << "c.yaml:3: promotion.rows[0]: unknown key 'workload' (expected one of: name, "
               "workloads)";
    }

    void errorsNameFileLineAndField()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        PromotionSettings settings;
        QString actual;
        QVERIFY(!PromotionConfig::fromYaml(yaml, "c.yaml", &settings, &actual));
        QCOMPARE(actual, error);
        QCOMPARE(settings, PromotionSettings());
    }
};

QTEST_GUILESS_MAIN(TestPromotionConfig)
#include "tst_promotionconfig.moc"
