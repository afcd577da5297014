// SPDX-License-Identifier: GPL-3.0-or-later
// The built release-dashboard run as its own process, with no display: `get` against its own
// demo with its exit codes and messages, and --version and --help.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestHeadlessExecutable : public QObject
{
    Q_OBJECT

private slots:
    void executable()
    {
        // The real program: its own demo, its own process, its exit codes.
        QProcess process;
        process.start(QStringLiteral(RD_APP_EXE),
                      {QStringLiteral("get"), QStringLiteral("rollouts"), QStringLiteral("-A"),
                       QStringLiteral("--demo"), QStringLiteral("-o"), QStringLiteral("json")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        const QJsonObject list = QJsonDocument::fromJson(process.readAllStandardOutput()).object();
        QCOMPARE(list.value(QStringLiteral("items")).toArray().size(), 11);

        process.start(
            QStringLiteral(RD_APP_EXE),
            {QStringLiteral("get"), QStringLiteral("rollouts"), QStringLiteral("--bogus")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 2);
        QCOMPARE(QString::fromUtf8(process.readAllStandardError()),
                 QStringLiteral("release-dashboard: Unknown option 'bogus'.\n"
                                "Try 'release-dashboard --help'.\n"));

        process.start(QStringLiteral(RD_APP_EXE),
                      {QStringLiteral("get"), QStringLiteral("rollout"), QStringLiteral("nope"),
                       QStringLiteral("-n"), QStringLiteral("shop"), QStringLiteral("--demo"),
                       QStringLiteral("--env"), QStringLiteral("prod")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 1);
        QCOMPARE(QString::fromUtf8(process.readAllStandardError()),
                 QStringLiteral("release-dashboard: prod: rollout \"nope\" not found in "
                                "namespace \"shop\"\n"));

        process.start(QStringLiteral(RD_APP_EXE), {QStringLiteral("--version")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(process.readAllStandardOutput(), QByteArray("release-dashboard 0.1.0\n"));
    }

    void helpAndVersionNeedNoDisplay()
    {
        // A server or a CI job: no X, no Wayland, and the platform plugin left to default.
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
            environment.remove(QString::fromLatin1(name));
        QProcess process;
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(RD_APP_EXE), {QStringLiteral("--version")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QCOMPARE(process.readAllStandardOutput(), QByteArray("release-dashboard 0.1.0\n"));
        process.start(QStringLiteral(RD_APP_EXE), {QStringLiteral("--help")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        QVERIFY(process.readAllStandardOutput().contains("--theme"));
    }
};

QTEST_GUILESS_MAIN(TestHeadlessExecutable)
#include "tst_headlessexecutable.moc"
