// SPDX-License-Identifier: GPL-3.0-or-later
// The demo without the simulator in the app (issue 11): `release-dashboard --demo` runs the
// rd-sim beside it as a child process and shows its data; the child ends with the app, also
// when the app is killed; a missing, failing or silent rd-sim is a bounded, translated error;
// the app's binary holds no simulator code.

#include "childprocesses.h"
#include "demoprocess.h"
#include "demowindow.h"
#include "firstrunpage.h"
#include "fleetmodel.h"
#include "fleetsession.h"
#include "kubeconfigloader.h"
#include "loopbackport.h"
#include "mainwindow.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/stat.h>
#include <unistd.h>

namespace {

const QString kAppExe = QStringLiteral(RD_APP_EXE);
const char kSimulatorVariable[] = "RELEASE_DASHBOARD_RD_SIM";

// The app as a person starts it: rd-sim found beside the executable, not through the
// variable ctest sets for in-process tests. Temporary files (rd-sim's kubeconfig folder) go
// to `dir`, where the test can see them.
QProcessEnvironment appEnvironment(const QTemporaryDir &dir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QString::fromLatin1(kSimulatorVariable));
    env.insert(QStringLiteral("TMPDIR"), dir.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("RELEASE_DASHBOARD_AUDIT_FILE"),
               dir.filePath(QStringLiteral("audit.jsonl")));
    env.insert(QStringLiteral("QT_LOGGING_RULES"),
               QStringLiteral("release-dashboard.startup.info=true"));
    env.insert(QStringLiteral("QT_FORCE_STDERR_LOGGING"), QStringLiteral("1"));
    return env;
}

// The folders rd-sim made for its kubeconfig under `dir`.
QStringList kubeconfigFolders(const QTemporaryDir &dir)
{
    return QDir(dir.path()).entryList({QStringLiteral("rd-sim-*")}, QDir::Dirs | QDir::Hidden);
}

int permissionsOf(const QString &path)
{
    struct stat info
    { };
    return ::stat(QFile::encodeName(path).constData(), &info) == 0 ? int(info.st_mode & 0777) : -1;
}

// The app's executable alone in a folder: no rd-sim beside it. A hard link where the file
// system allows it (the executable is large), else a copy.
QString lonelyApp(const QTemporaryDir &dir)
{
    const QString path = dir.filePath(QStringLiteral("release-dashboard"));
    if (::link(QFile::encodeName(kAppExe).constData(), QFile::encodeName(path).constData()) != 0)
        QFile::copy(kAppExe, path);
    return path;
}

QString runHeadless(const QString &program, const QStringList &arguments, const QTemporaryDir &dir,
                    int *exitCode)
{
    QProcess process;
    process.setProcessEnvironment(appEnvironment(dir));
    process.start(program, arguments);
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
    }
    *exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    return QString::fromUtf8(process.readAllStandardError())
        + QString::fromUtf8(process.readAllStandardOutput());
}

// A stand-in for rd-sim: a shell script with this body.
QString fakeSimulator(const QTemporaryDir &dir, const QByteArray &body)
{
    const QString path = dir.filePath(QStringLiteral("fake-rd-sim"));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write("#!/bin/sh\n" + body + '\n') < 0)
        qFatal("cannot write %s", qPrintable(path));
    file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    return path;
}

QString startWithSimulator(const QString &simulator, int readyTimeoutMs)
{
    const QByteArray saved = qgetenv(kSimulatorVariable);
    qputenv(kSimulatorVariable, QFile::encodeName(simulator));
    DemoProcess demo(readyTimeoutMs);
    QString error;
    if (demo.start(&error))
        error = QStringLiteral("started");
    qputenv(kSimulatorVariable, saved);
    return error;
}

} // namespace

class TestDemoProcess : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

private slots:
    void initTestCase()
    {
        QVERIFY(isolateGuiTest(m_dir));
        // Orphans come to this process: an rd-sim that outlived the app would be seen.
        QVERIFY(ChildProcesses::becomeSubreaper());
    }

    void windowShowsDataFromItsChildThatEndsWhenTheAppIsKilled()
    {
        QTemporaryDir dir;
        QProcess app;
        QProcessEnvironment env = appEnvironment(dir);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        app.setProcessEnvironment(env);
        app.setReadChannel(QProcess::StandardError);
        app.start(kAppExe, {QStringLiteral("--demo")});
        QString log;
        QElapsedTimer clock;
        clock.start();
        while (!log.contains(QStringLiteral("all environments live")) && clock.elapsed() < 30000
               && app.waitForReadyRead(1000))
            log += QString::fromUtf8(app.readAllStandardError());
        QVERIFY2(log.contains(QStringLiteral("all environments live")), qPrintable(log));

        const QList<qint64> children = ChildProcesses::childrenOf(app.processId());
        QCOMPARE(children.size(), 1);
        const qint64 simulator = children.first();
        QCOMPARE(ChildProcesses::executableOf(simulator),
                 QFileInfo(QFileInfo(kAppExe).dir().filePath(QStringLiteral("rd-sim")))
                     .canonicalFilePath());
        QCOMPARE(kubeconfigFolders(dir).size(), 1);
        QCOMPARE(permissionsOf(dir.filePath(kubeconfigFolders(dir).first())), 0700);

        ::kill(pid_t(app.processId()), SIGKILL);
        QVERIFY(app.waitForFinished(5000));
        // rd-sim, now ours, stops on its parent's death and removes its folder.
        int status = 0;
        QVERIFY2(ChildProcesses::waitForExit(simulator, 5000, &status), "rd-sim outlived the app");
        QVERIFY(WIFEXITED(status));
        QVERIFY2(kubeconfigFolders(dir).isEmpty(), qPrintable(kubeconfigFolders(dir).join(u' ')));
    }

    void headlessCommandReadsTheChildAndLeavesNothingBehind()
    {
        QTemporaryDir dir;
        int code = -1;
        const QString output = runHeadless(kAppExe,
                                           {QStringLiteral("get"), QStringLiteral("rollouts"),
                                            QStringLiteral("-A"), QStringLiteral("--demo")},
                                           dir, &code);
        QCOMPARE(code, 0);
        QVERIFY2(output.contains(QStringLiteral("checkout")), qPrintable(output));
        QVERIFY(ChildProcesses::childrenOf(::getpid()).isEmpty());
        QVERIFY(kubeconfigFolders(dir).isEmpty());
    }

    void sessionStopsTheChildWhenItEnds()
    {
        qint64 simulator = 0;
        QString kubeconfig;
        {
            MainWindow window;
            CommandLineOptions options;
            options.demo = true;
            FleetSession session(&window, options);
            session.start();
            QVERIFY(!window.isShowingFirstRun());
            QTRY_VERIFY_WITH_TIMEOUT(window.fleetModel()->rowCount() >= 10, 30000);
            simulator = dynamic_cast<DemoProcess &>(session.demo()).processId();
            kubeconfig = session.demo().kubeconfigPath();
            QVERIFY(simulator > 0);
            QCOMPARE(permissionsOf(QFileInfo(kubeconfig).absolutePath()), 0700);
        }
        QVERIFY(!QFileInfo::exists(QStringLiteral("/proc/%1").arg(simulator)));
        QVERIFY(!QFileInfo::exists(QFileInfo(kubeconfig).absolutePath()));
    }

    void missingRdSimIsATranslatedError()
    {
        QTemporaryDir dir;
        const QString app = lonelyApp(dir);
        const QStringList arguments
            = {QStringLiteral("get"), QStringLiteral("rollouts"), QStringLiteral("--demo")};
        const QString expected = dir.filePath(QStringLiteral("rd-sim"));
        int code = -1;
        QCOMPARE(runHeadless(app, arguments, dir, &code),
                 QStringLiteral("release-dashboard: The demo cannot start: rd-sim is missing "
                                "(looked for %1; it is installed beside release-dashboard)\n")
                     .arg(expected));
        QCOMPARE(code, 1);
        QCOMPARE(
            runHeadless(app,
                        arguments + QStringList {QStringLiteral("--lang"), QStringLiteral("zh_CN")},
                        dir, &code),
            QStringLiteral("release-dashboard: 无法启动演示：缺少 rd-sim（查找位置：%1；"
                           "它与 release-dashboard 安装在同一目录）\n")
                .arg(expected));

        // The window says it on the first-run page.
        const QByteArray saved = qgetenv(kSimulatorVariable);
        qputenv(kSimulatorVariable, QFile::encodeName(expected));
        MainWindow window;
        CommandLineOptions options;
        options.demo = true;
        FleetSession session(&window, options);
        session.start();
        qputenv(kSimulatorVariable, saved);
        QVERIFY(window.isShowingFirstRun());
        QCOMPARE(firstRunPage(window)->reason(),
                 QStringLiteral("The demo cannot start: rd-sim is missing (looked for %1; it is "
                                "installed beside release-dashboard)")
                     .arg(expected));
    }

    void failingOrSilentRdSimIsABoundedError()
    {
        QTemporaryDir dir;
        QCOMPARE(startWithSimulator(fakeSimulator(dir, "echo 'no fleet today' >&2; exit 3"), 5000),
                 QStringLiteral("The demo cannot start: rd-sim ended before it was ready: no "
                                "fleet today"));
        QCOMPARE(startWithSimulator(fakeSimulator(dir, "exit 4"), 5000),
                 QStringLiteral("The demo cannot start: rd-sim ended before it was ready: exit "
                                "code 4"));
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(startWithSimulator(fakeSimulator(dir, "echo kubeconfig: /x; exec sleep 60"), 300),
                 QStringLiteral("The demo cannot start: rd-sim was not ready within 0.3 s"));
        QVERIFY(clock.elapsed() < 4000);
        QVERIFY(ChildProcesses::childrenOf(::getpid()).isEmpty()); // the silent one was ended
    }

    void clusterGoesOfflineAndComesBack()
    {
        DemoProcess demo;
        QString error;
        QVERIFY2(demo.start(&error), qPrintable(error));
        Kubeconfig kubeconfig;
        QVERIFY2(KubeconfigLoader::load(KubeconfigSource::fromEnvironment(demo.kubeconfigPath()),
                                        &kubeconfig, &error),
                 qPrintable(error));
        const QUrl server(
            kubeconfig.cluster(kubeconfig.context(QStringLiteral("dev"))->cluster)->server);
        QVERIFY(acceptsConnections(server.port()));
        QVERIFY2(demo.setClusterOnline(QStringLiteral("dev"), false, &error), qPrintable(error));
        QVERIFY(!acceptsConnections(server.port()));
        QVERIFY2(demo.setClusterOnline(QStringLiteral("dev"), true, &error), qPrintable(error));
        QVERIFY(acceptsConnections(server.port()));
        QVERIFY(!demo.setClusterOnline(QStringLiteral("qa"), false, &error));
        QCOMPARE(error,
                 QStringLiteral("Cluster qa was not taken offline: no cluster qa is served"));
    }

    void appHoldsNoSimulatorCode()
    {
        const auto symbols = [](const QString &binary) {
            QProcess nm;
            nm.start(QStringLiteral("nm"), {QStringLiteral("--demangle"), binary});
            nm.waitForFinished(120000);
            return QString::fromUtf8(nm.readAllStandardOutput());
        };
        QVERIFY(symbols(QFileInfo(kAppExe).dir().filePath(QStringLiteral("rd-sim")))
                    .contains(QStringLiteral("rdsim::"))); // nm sees the namespace where it is
        QVERIFY(!symbols(kAppExe).contains(QStringLiteral("rdsim::")));
    }
};

QTEST_MAIN(TestDemoProcess)
#include "tst_demoprocess.moc"
