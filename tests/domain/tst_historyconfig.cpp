// SPDX-License-Identifier: GPL-3.0-or-later
// The config file's history: block: the release record's retention and size, every error
// with file, line and field, and the environment config accepting the block beside it.
#include "environmentconfig.h"
#include "historyconfig.h"

#include <QtTest>

class TestHistoryConfig : public QObject
{
    Q_OBJECT

private slots:
    void defaultsWithoutABlock()
    {
        HistorySettings settings;
        settings.retentionDays = 7;
        QString error;
        QVERIFY(HistoryConfig::fromYaml("environments: []\n", QStringLiteral("c.yaml"), &settings,
                                        &error));
        QCOMPARE(settings, HistorySettings());
        QCOMPARE(settings.retentionDays, 90);
        QCOMPARE(settings.maxBytes(), 512LL * 1024 * 1024);
    }

    void readsBothKeys()
    {
        const QByteArray yaml = "environments:\n"
                                "  - { name: prod, context: prod }\n"
                                "history:\n"
                                "  retentionDays: 30\n"
                                "  maxSizeMB: 64\n";
        HistorySettings settings;
        QString error;
        QVERIFY2(HistoryConfig::fromYaml(yaml, QStringLiteral("c.yaml"), &settings, &error),
                 qPrintable(error));
        QCOMPARE(settings.retentionDays, 30);
        QCOMPARE(settings.maxBytes(), 64LL * 1024 * 1024);
        // The environments of the same document read as before.
        EnvironmentConfig environments;
        QVERIFY2(EnvironmentConfig::fromYaml(yaml, QStringLiteral("c.yaml"), &environments, &error),
                 qPrintable(error));
        QCOMPARE(environments.environments().size(), 1);
    }

    void errorsNameFileLineAndField_data()
    {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<QString>("error");
        QTest::addRow("not a number") << QByteArray("history:\n  retentionDays: soon\n")
                                      << "c.yaml:2: history.retentionDays: must be a whole "
                                         "number from 1 to 3650";
        QTest::addRow("zero days") << QByteArray("history:\n  retentionDays: 0\n")
                                   << "c.yaml:2: history.retentionDays: must be a whole number "
                                      "from 1 to 3650";
        QTest::addRow("too small") << QByteArray("history:\n  maxSizeMB: 1\n")
                                   << "c.yaml:2: history.maxSizeMB: must be a whole number from "
                                      "16 to 65536";
        QTest::addRow("a list") << QByteArray("history:\n  maxSizeMB: [1]\n")
                                << "c.yaml:2: history.maxSizeMB: must be a whole number from 16 "
                                   "to 65536";
        QTest::addRow("not a mapping")
            << QByteArray("history: forever\n")
            << "c.yaml:1: history: must be a mapping of retentionDays and maxSizeMB";
    }

    void errorsNameFileLineAndField()
    {
        QFETCH(QByteArray, yaml);
        QFETCH(QString, error);
        HistorySettings settings;
        QString actual;
        QVERIFY(!HistoryConfig::fromYaml(yaml, QStringLiteral("c.yaml"), &settings, &actual));
        QCOMPARE(actual, error);
    }

    void unknownKeyIsNamed()
    {
        HistorySettings settings;
        QString error;
        QVERIFY(!HistoryConfig::fromYaml("history:\n  retention: 30\n", QStringLiteral("c.yaml"),
                                         &settings, &error));
        QVERIFY2(error.startsWith(QStringLiteral("c.yaml:2: history: unknown key 'retention'")),
                 qPrintable(error));
    }

    void unreadableFile()
    {
        HistorySettings settings;
        QString error;
        QVERIFY(!HistoryConfig::fromFile(QStringLiteral("/nonexistent/c.yaml"), &settings, &error));
        QVERIFY2(error.startsWith(QStringLiteral("/nonexistent/c.yaml: cannot read:")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestHistoryConfig)
#include "tst_historyconfig.moc"
