// SPDX-License-Identifier: GPL-3.0-or-later
// rd-sim as `release-dashboard --demo` runs it: --demo serves the built-in demo fleet,
// --commands takes a cluster offline and back and stops at the end of standard input, and
// --parent-pid stops it when its parent ends, even by SIGKILL, removing its kubeconfig folder.
#include "../support/childprocesses.h"
#include "../support/loopbackport.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

const QString kSimulator = QStringLiteral(RD_SIM_EXE);

// rd-sim's temporary files (the kubeconfig folder) go to `dir`.
void useTemporaryDir(QProcess &process, const QTemporaryDir &dir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TMPDIR"), dir.path());
    process.setProcessEnvironment(env);
}

QStringList kubeconfigFolders(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList({QStringLiteral("rd-sim-*")}, QDir::Dirs);
}

// Reads standard output up to and including a line that starts with `prefix`.
QString readUntil(QProcess &process, const QString &prefix)
{
    QString text;
    while (process.canReadLine() || process.waitForReadyRead(20000)) {
        while (process.canReadLine()) {
            const QString line = QString::fromUtf8(process.readLine());
            text += line;
            if (line.startsWith(prefix))
                return text;
        }
    }
    return text;
}

QString answer(QProcess &sim, const QByteArray &command)
{
    sim.write(command + '\n');
    return readUntil(sim, QString()).trimmed();
}

} // namespace

class TestRdSimDemo : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QVERIFY(ChildProcesses::becomeSubreaper()); }

    void commandsTakeAClusterOfflineAndBackUntilInputCloses()
    {
        QTemporaryDir dir;
        QProcess sim;
        useTemporaryDir(sim, dir);
        sim.start(kSimulator, {QStringLiteral("--demo"), QStringLiteral("--commands")});
        const QString banner = readUntil(sim, QStringLiteral("ready"));
        for (const char *cluster : {"dev", "staging", "prod"})
            QVERIFY2(
                banner.contains(
                    QStringLiteral("cluster %1: https://127.0.0.1:").arg(QLatin1String(cluster))),
                qPrintable(banner));
        const int devPort = QRegularExpression(QStringLiteral("cluster dev: https://[^:]+:(\\d+)"))
                                .match(banner)
                                .captured(1)
                                .toInt();
        QCOMPARE(kubeconfigFolders(dir).size(), 1);

        QCOMPARE(answer(sim, "offline dev"), QStringLiteral("ok"));
        QVERIFY(!acceptsConnections(devPort));
        QCOMPARE(answer(sim, "online dev"), QStringLiteral("ok"));
        QVERIFY(acceptsConnections(devPort));
        QCOMPARE(answer(sim, "offline qa"), QStringLiteral("error: no cluster qa is served"));
        QCOMPARE(
            answer(sim, "dance"),
            QStringLiteral("error: unknown command 'dance' (offline CLUSTER, online CLUSTER)"));

        sim.closeWriteChannel();
        QVERIFY(sim.waitForFinished(10000));
        QCOMPARE(sim.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(sim.readAllStandardOutput()),
                 QStringLiteral("stopping: standard input closed\n"));
        QVERIFY(kubeconfigFolders(dir).isEmpty());
    }

    void badStartsExitWithTheReason_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        QTest::newRow("demo and scenario")
            << QStringList {QStringLiteral("--demo"), QStringLiteral("--scenario"),
                            QStringLiteral("x")}
            << 2 << QStringLiteral("rd-sim: --demo and --scenario cannot be used together\n");
        QTest::newRow("parent that is not the parent")
            << QStringList {QStringLiteral("--demo"), QStringLiteral("--parent-pid"),
                            QStringLiteral("1")}
            << 1
            << QStringLiteral(
                   "rd-sim: --parent-pid: process 1 is not the parent (it may have ended)\n");
    }

    void badStartsExitWithTheReason()
    {
        QFETCH(QStringList, arguments);
        QProcess sim;
        sim.start(kSimulator, arguments);
        QVERIFY(sim.waitForFinished(10000));
        QTEST(sim.exitCode(), "exitCode");
        QTEST(QString::fromUtf8(sim.readAllStandardError()), "message");
    }

    void stopsWhenItsParentIsKilled()
    {
        QTemporaryDir dir;
        QProcess parent; // a shell that starts rd-sim, says its pid and waits
        useTemporaryDir(parent, dir);
        parent.start(QStringLiteral("sh"),
                     {QStringLiteral("-c"),
                      QStringLiteral("\"$0\" --demo --parent-pid $$ & echo \"pid $!\"; wait"),
                      kSimulator});
        const QString pidLine = readUntil(parent, QStringLiteral("pid "));
        const qint64 simulator = pidLine.section(QStringLiteral("pid "), 1).trimmed().toLongLong();
        QVERIFY2(simulator > 0, qPrintable(pidLine));
        QVERIFY(readUntil(parent, QStringLiteral("ready")).contains(QStringLiteral("ready")));
        QCOMPARE(kubeconfigFolders(dir).size(), 1);

        ::kill(pid_t(parent.processId()), SIGKILL);
        QVERIFY(parent.waitForFinished(5000));
        int status = 0;
        QVERIFY2(ChildProcesses::waitForExit(simulator, 5000, &status),
                 "rd-sim outlived its parent");
        QVERIFY(WIFEXITED(status));
        QCOMPARE(WEXITSTATUS(status), 0);
        QVERIFY(kubeconfigFolders(dir).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRdSimDemo)
#include "tst_rdsimdemo.moc"
