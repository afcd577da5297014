// SPDX-License-Identifier: GPL-3.0-or-later
// `release-dashboard ACTION NAME --wait [--timeout DURATION]` against the demo fleet: with its
// controller running the command returns once the rollout shows the effect (exit 0); with
// the controller stopped the API server still accepts the patch, the rollout never shows it
// and the command gives up (exit 5); a failed, denied, refused or empty action exits as
// without --wait; a bad duration is a usage error (exit 2) of the real executable.

#include "actioncommand.h"
#include "commandline.h"
#include "demofleet.h"
#include "headlessrun.h"
#include <atomic>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <thread>

namespace {

// The fleet's controllers on a thread of their own, every 100 ms, as rd-sim runs them; the
// test fleet otherwise runs them only when a test steps it.
class ControllerThread
{
public:
    explicit ControllerThread(DemoFleet *fleet) :
        m_thread([this, fleet] {
            while (m_running) {
                fleet->reconcileOnce();
                std::this_thread::sleep_for(std::chrono::milliseconds(100));
            }
        })
    { }
    ~ControllerThread()
    {
        m_running = false;
        m_thread.join();
    }

private:
    std::atomic<bool> m_running {true};
    std::thread m_thread;
};

const QString waiting
    = QStringLiteral("release-dashboard: staging: The API server accepted %1 for "
                     "payments/payments-api; waiting up to %2 s for the controller to show it.\n");

} // namespace

class TestActionWait : public QObject
{
    Q_OBJECT

    DemoFleet m_demo {DemoFleet::Options {false}};
    QTemporaryDir m_dir;

    HeadlessRun run(const QString &line)
    {
        return runHeadless(headlessArguments({QStringLiteral("--demo")}, line), &ActionCommand::run,
                           &m_demo);
    }

    // staging/payments/payments-api as the simulator stores it: a canary waiting for
    // promotion, so it can be paused.
    QJsonObject paymentsApi() const
    {
        for (const QJsonObject &rollout :
             m_demo.objects(QStringLiteral("staging"), QStringLiteral("argoproj.io"),
                            QStringLiteral("rollouts"))) {
            const QJsonObject metadata = rollout.value(QStringLiteral("metadata")).toObject();
            if (metadata.value(QStringLiteral("name")).toString() == QLatin1String("payments-api"))
                return rollout;
        }
        return QJsonObject();
    }

    static qint64 generation(const QJsonObject &rollout)
    {
        return rollout.value(QStringLiteral("metadata"))
            .toObject()
            .value(QStringLiteral("generation"))
            .toInteger();
    }

    // status.observedGeneration is a string in Argo Rollouts.
    static qint64 observedGeneration(const QJsonObject &rollout)
    {
        const QJsonValue value = rollout.value(QStringLiteral("status"))
                                     .toObject()
                                     .value(QStringLiteral("observedGeneration"));
        return value.isString() ? value.toString().toLongLong() : value.toInteger();
    }

    static bool paused(const QJsonObject &rollout)
    {
        return rollout.value(QStringLiteral("spec"))
            .toObject()
            .value(QStringLiteral("paused"))
            .toBool();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        qputenv("RELEASE_DASHBOARD_AUDIT_FILE",
                m_dir.filePath(QStringLiteral("audit.jsonl")).toUtf8());
        QString error;
        QVERIFY2(m_demo.start(&error), qPrintable(error));
        m_demo.settle(60);
    }

    void pauseAndResumeWaitForTheController()
    {
        const QRegularExpression confirmed(QStringLiteral(
            "^staging: (paused|resumed) payments/payments-api; the controller shows it \\(after "
            "\\d+\\.\\d s\\)\\n$"));
        ControllerThread controller(&m_demo);
        HeadlessRun result
            = run(QStringLiteral("pause payments-api -n payments --env staging --wait"));
        QCOMPARE(result.code, 0);
        QCOMPARE(result.err, waiting.arg(QStringLiteral("pause"), QStringLiteral("60")));
        QVERIFY2(confirmed.match(result.out).hasMatch(), qPrintable(result.out));
        QVERIFY(result.out.startsWith(QStringLiteral("staging: paused ")));
        // What the command claimed is what the cluster holds.
        QJsonObject stored = paymentsApi();
        QVERIFY(paused(stored));
        QCOMPARE(observedGeneration(stored), generation(stored));
        QCOMPARE(stored.value(QStringLiteral("status"))
                     .toObject()
                     .value(QStringLiteral("phase"))
                     .toString(),
                 QStringLiteral("Paused"));

        result = run(
            QStringLiteral("resume payments-api -n payments --env staging --wait --timeout 30s"));
        QCOMPARE(result.code, 0);
        QCOMPARE(result.err, waiting.arg(QStringLiteral("resume"), QStringLiteral("30")));
        QVERIFY2(confirmed.match(result.out).hasMatch(), qPrintable(result.out));
        QVERIFY(result.out.startsWith(QStringLiteral("staging: resumed ")));
        stored = paymentsApi();
        QVERIFY(!paused(stored));
        QCOMPARE(observedGeneration(stored), generation(stored));
    }

    // No controller runs: the API server accepts the pause, the rollout's observed
    // generation stays behind, and after the timeout the command says so with exit code 5.
    void stoppedControllerIsNotConfirmed()
    {
        const qint64 before = generation(paymentsApi());
        const HeadlessRun result = run(
            QStringLiteral("pause payments-api -n payments --env staging --wait --timeout 1.5s"));
        QCOMPARE(result.code, int(ActionCommand::NotConfirmed));
        QCOMPARE(result.out, QString());
        QCOMPARE(result.err,
                 waiting.arg(QStringLiteral("pause"), QStringLiteral("1.5"))
                     + QStringLiteral(
                         "release-dashboard: staging: The API server accepted pause "
                         "for payments/payments-api, but the controller has not shown it within "
                         "1.5 s. Is the Argo Rollouts controller running?\n"));
        QVERIFY2(result.ms >= 1500 && result.ms < 15000, qPrintable(QString::number(result.ms)));
        const QJsonObject stored = paymentsApi();
        QVERIFY(paused(stored));
        QCOMPARE(generation(stored), before + 1);
        QCOMPARE(observedGeneration(stored), before);

        // Once the controller has caught up, the same command has nothing left to send and is
        // refused as without --wait, at once.
        m_demo.settle(2);
        QCOMPARE(observedGeneration(paymentsApi()), before + 1);
        const HeadlessRun again
            = run(QStringLiteral("pause payments-api -n payments --env staging --wait"));
        QCOMPARE(again.code, int(ActionCommand::Refused));
        QCOMPARE(again.err,
                 QStringLiteral("release-dashboard: staging: The rollout is already paused.\n"));
        QCOMPARE(run(QStringLiteral("resume payments-api -n payments --env staging")).code, 0);
        m_demo.settle(2);
    }

    // --wait changes nothing when nothing was patched.
    void failuresExitAsWithoutWait()
    {
        HeadlessRun result = run(QStringLiteral("abort nosuch -n shop --env prod --wait"));
        QCOMPARE(result.code, int(ActionCommand::Failure));
        QCOMPARE(result.err,
                 QStringLiteral("release-dashboard: prod: Rollout shop/nosuch was not found in "
                                "prod.\n"));
        result = run(
            QStringLiteral("promote payments-gateway -n payments --context prod-deployer --wait"));
        QCOMPARE(result.code, int(ActionCommand::Denied));
        QVERIFY2(!result.err.contains(QStringLiteral("waiting")), qPrintable(result.err));
        result = run(QStringLiteral("--read-only abort checkout -n shop --env staging --wait"));
        QCOMPARE(result.code, int(ActionCommand::Refused));
        QCOMPARE(result.err,
                 QStringLiteral("release-dashboard: staging: Read-only: abort was not "
                                "sent to shop/checkout.\n"));
        // Nothing to do: told on stdout at once, no controller needed.
        result = run(QStringLiteral("undo cart -n shop --env dev --to-revision 1 --wait"));
        QCOMPARE(result.code, 0);
        QCOMPARE(result.err, QString());
        QCOMPARE(result.out,
                 QStringLiteral("dev: Skipped: the current pod template already matches "
                                "revision 1.\n"));
    }

    // The real executable: a bad duration is a usage error before anything is started.
    void badTimeoutIsAUsageError_data()
    {
        QTest::addColumn<QString>("timeout");
        QTest::addColumn<QString>("error");
        QTest::addRow("no unit") << "90"
                                 << "--timeout: '90' is not a duration (e.g. 90s, 2m, 1m30s)";
        QTest::addRow("too long") << "2h"
                                  << "--timeout: 2h is outside 1s to 1h";
        QTest::addRow("too short") << "500ms"
                                   << "--timeout: 500ms is outside 1s to 1h";
    }

    void badTimeoutIsAUsageError()
    {
        QFETCH(QString, timeout);
        QFETCH(QString, error);
        QProcess process;
        process.start(QStringLiteral(RD_APP_EXE),
                      {QStringLiteral("--timeout"), timeout, QStringLiteral("--wait"),
                       QStringLiteral("pause"), QStringLiteral("cart"), QStringLiteral("-n"),
                       QStringLiteral("shop"), QStringLiteral("--env"), QStringLiteral("dev")});
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), int(ActionCommand::UsageError));
        QCOMPARE(process.readAllStandardOutput(), QByteArray());
        QCOMPARE(
            QString::fromUtf8(process.readAllStandardError()),
            QStringLiteral("release-dashboard: %1\nTry 'release-dashboard --help'.\n").arg(error));
    }

    // The real executable with its own rd-sim child, whose controller runs: confirmed.
    void executableWaitsForTheDemo()
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("RELEASE_DASHBOARD_AUDIT_FILE"),
                           m_dir.filePath(QStringLiteral("executable.jsonl")));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(RD_APP_EXE),
                      {QStringLiteral("--demo"), QStringLiteral("--timeout"), QStringLiteral("30s"),
                       QStringLiteral("pause"), QStringLiteral("payments-api"),
                       QStringLiteral("-n"), QStringLiteral("payments"), QStringLiteral("--env"),
                       QStringLiteral("staging"), QStringLiteral("--wait")});
        QVERIFY(process.waitForFinished(60000));
        const QString err = QString::fromUtf8(process.readAllStandardError());
        QCOMPARE(err,
                 QStringLiteral("release-dashboard: staging: The API server accepted pause for "
                                "payments/payments-api; waiting up to 30 s for the controller to "
                                "show it.\n"));
        const QString out = QString::fromUtf8(process.readAllStandardOutput());
        QVERIFY2(
            QRegularExpression(QStringLiteral("^staging: paused payments/payments-api; the "
                                              "controller shows it \\(after \\d+\\.\\d s\\)\\n$"))
                .match(out)
                .hasMatch(),
            qPrintable(out));
        QCOMPARE(process.exitCode(), 0);
    }
};

QTEST_GUILESS_MAIN(TestActionWait)
#include "tst_actionwait.moc"
