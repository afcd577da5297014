// SPDX-License-Identifier: GPL-3.0-or-later
// The rd-sim command line: input errors exit 2 with file and line, --load keeps status as
// given, --frozen changes nothing, and signals stop it cleanly.
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

const QString kData = QStringLiteral(RD_TEST_DATA_DIR "/rdsim");

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run runSim(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral(RD_SIM_EXE), args);
    Run run;
    if (!process.waitForFinished(20000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

} // namespace

class TestRdSimCli : public QObject
{
    Q_OBJECT

private:
    // Starts rd-sim and waits for its "ready" line; returns the banner.
    QString startSim(QProcess &sim, const QStringList &args)
    {
        sim.start(QStringLiteral(RD_SIM_EXE), args);
        QString banner;
        while (!banner.contains(QStringLiteral("ready")) && sim.waitForReadyRead(20000))
            banner += QString::fromUtf8(sim.readAllStandardOutput());
        return banner;
    }

    QJsonObject kubectlJson(const QString &kubeconfig, const QStringList &args)
    {
        QProcess kubectl;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("KUBECONFIG"), kubeconfig);
        env.insert(QStringLiteral("HOME"), QFileInfo(kubeconfig).absolutePath());
        kubectl.setProcessEnvironment(env);
        kubectl.start(QStandardPaths::findExecutable(QStringLiteral("kubectl")),
                      args + QStringList {QStringLiteral("-o"), QStringLiteral("json")});
        kubectl.waitForFinished(60000);
        return QJsonDocument::fromJson(kubectl.readAllStandardOutput()).object();
    }

private slots:
    void badScenarioExitsTwoWithFileAndLine()
    {
        const Run run = runSim(
            {QStringLiteral("--scenario"), kData + QStringLiteral("/broken-scenario.yaml")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.startsWith(QStringLiteral("rd-sim: ")), qPrintable(run.err));
        QVERIFY2(
            run.err.contains(QStringLiteral("broken-scenario.yaml:5: clusters[0].users[0].token")),
            qPrintable(run.err));
    }

    void missingScenarioExitsTwo()
    {
        const Run run
            = runSim({QStringLiteral("--scenario"), kData + QStringLiteral("/no-such-file.yaml")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("no-such-file.yaml")), qPrintable(run.err));
    }

    void badManifestExitsTwoWithFileAndLine()
    {
        const Run run
            = runSim({QStringLiteral("--load"), kData + QStringLiteral("/bad-manifests")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QStringLiteral("broken.yaml:8: end of sequence flow not found")),
                 qPrintable(run.err));
    }

    void badCommandLineExitsTwo()
    {
        QCOMPARE(runSim({QStringLiteral("--port"), QStringLiteral("http")}).exitCode, 2);
        QCOMPARE(runSim({QStringLiteral("--no-such-option")}).exitCode, 2);
        QCOMPARE(runSim({QStringLiteral("--load"), kData + QStringLiteral("/broken-scenario.yaml")})
                     .exitCode,
                 2);
    }

    void frozenLoadKeepsStatusExactly()
    {
        QTemporaryDir dir;
        const QString kubeconfig = dir.filePath(QStringLiteral("kubeconfig"));
        QProcess sim;
        const QString banner = startSim(
            sim,
            {QStringLiteral("--load"), kData + QStringLiteral("/manifests"),
             QStringLiteral("--frozen"), QStringLiteral("--kubeconfig-out"), kubeconfig});
        QVERIFY2(banner.contains(QStringLiteral("ready (frozen)")), qPrintable(banner));

        const QJsonObject rollout = kubectlJson(
            kubeconfig,
            {QStringLiteral("get"), QStringLiteral("rollouts.argoproj.io"),
             QStringLiteral("checkout"), QStringLiteral("-n"), QStringLiteral("shop")});
        const QJsonObject status = rollout.value(QStringLiteral("status")).toObject();
        QCOMPARE(status.value(QStringLiteral("phase")).toString(), QStringLiteral("Paused"));
        QCOMPARE(status.value(QStringLiteral("currentStepIndex")).toInt(), 1);
        QCOMPARE(status.value(QStringLiteral("observedGeneration")).toString(),
                 QStringLiteral("3"));
        QCOMPARE(status.value(QStringLiteral("pauseConditions"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("startTime"))
                     .toString(),
                 QStringLiteral("2026-11-20T10:00:00Z"));
        QCOMPARE(rollout.value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("generation"))
                     .toInt(),
                 3);
        const QString rv = rollout.value(QStringLiteral("metadata"))
                               .toObject()
                               .value(QStringLiteral("resourceVersion"))
                               .toString();

        // Frozen: no controller touches anything, no pods appear.
        QTest::qWait(600);
        const QJsonObject again = kubectlJson(
            kubeconfig,
            {QStringLiteral("get"), QStringLiteral("rollouts.argoproj.io"),
             QStringLiteral("checkout"), QStringLiteral("-n"), QStringLiteral("shop")});
        QCOMPARE(again.value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("resourceVersion"))
                     .toString(),
                 rv);
        const QJsonObject pods = kubectlJson(
            kubeconfig, {QStringLiteral("get"), QStringLiteral("pods"), QStringLiteral("-A")});
        QCOMPARE(pods.value(QStringLiteral("items")).toArray().size(), 0);

        // The List file's item and the Service from the multi-document file are there too.
        const QJsonObject templ = kubectlJson(
            kubeconfig,
            {QStringLiteral("get"), QStringLiteral("analysistemplates.argoproj.io"),
             QStringLiteral("error-rate"), QStringLiteral("-n"), QStringLiteral("shop")});
        QCOMPARE(templ.value(QStringLiteral("kind")).toString(),
                 QStringLiteral("AnalysisTemplate"));
        const QJsonObject service = kubectlJson(kubeconfig,
                                                {QStringLiteral("get"), QStringLiteral("service"),
                                                 QStringLiteral("checkout"), QStringLiteral("-n"),
                                                 QStringLiteral("shop")});
        QCOMPARE(service.value(QStringLiteral("spec"))
                     .toObject()
                     .value(QStringLiteral("clusterIP"))
                     .toString(),
                 QStringLiteral("10.96.0.15"));

        ::kill(static_cast<pid_t>(sim.processId()), SIGINT);
        QVERIFY(sim.waitForFinished(10000));
        QCOMPARE(sim.exitCode(), 0);
        QVERIFY(QString::fromUtf8(sim.readAllStandardOutput())
                    .contains(QStringLiteral("stopping on SIGINT")));
    }
};

QTEST_GUILESS_MAIN(TestRdSimCli)
#include "tst_rdsimcli.moc"
