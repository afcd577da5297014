// SPDX-License-Identifier: GPL-3.0-or-later
// `release-dashboard pause|resume|promote|abort|retry|restart|undo` against the demo fleet:
// exit codes, messages, the state the controller reaches, the audit file, and an audit that
// survives the process dying right after the action.

#include "actioncommand.h"
#include "auditrecord.h"
#include "commandline.h"
#include "demofleet.h"
#include "headlessrun.h"
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

class TestActionCommand : public QObject
{
    Q_OBJECT

    DemoFleet m_demo {DemoFleet::Options {false}};
    QTemporaryDir m_dir;

    QString auditPath() const { return m_dir.filePath(QStringLiteral("audit.jsonl")); }

    HeadlessRun run(const QString &line)
    {
        return runHeadless(headlessArguments({QStringLiteral("--demo")}, line), &ActionCommand::run,
                           &m_demo);
    }

    QJsonObject status(const QString &cluster, const QString &ns, const QString &name) const
    {
        for (const QJsonObject &rollout :
             m_demo.objects(cluster, QStringLiteral("argoproj.io"), QStringLiteral("rollouts"))) {
            const QJsonObject metadata = rollout.value(QStringLiteral("metadata")).toObject();
            if (metadata.value(QStringLiteral("namespace")).toString() == ns
                && metadata.value(QStringLiteral("name")).toString() == name)
                return rollout;
        }
        return QJsonObject();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
        qputenv("RELEASE_DASHBOARD_AUDIT_FILE", auditPath().toUtf8());
        QString error;
        QVERIFY2(m_demo.start(&error), qPrintable(error));
        m_demo.settle(60);
    }

    void pauseAndResume()
    {
        HeadlessRun result = run(QStringLiteral("pause payments-api -n payments --env staging"));
        QCOMPARE(result.err, QString());
        QCOMPARE(result.code, 0);
        QCOMPARE(result.out,
                 QStringLiteral("staging: The API server accepted pause for "
                                "payments/payments-api.\n"));
        QCOMPARE(status(QStringLiteral("staging"), QStringLiteral("payments"),
                        QStringLiteral("payments-api"))
                     .value(QStringLiteral("spec"))
                     .toObject()
                     .value(QStringLiteral("paused"))
                     .toBool(),
                 true);
        result = run(QStringLiteral("resume payments-api -n payments --env staging"));
        QCOMPARE(result.code, 0);
        result = run(QStringLiteral("resume payments-api -n payments --env staging"));
        QCOMPARE(result.code, int(ActionCommand::Refused));
        QCOMPARE(result.err,
                 QStringLiteral("release-dashboard: staging: The rollout is not "
                                "paused by hand.\n"));
    }

    void abortAndRetry()
    {
        HeadlessRun result = run(QStringLiteral("abort checkout -n shop --env dev"));
        QCOMPARE(result.code, 0);
        m_demo.settle(2);
        QCOMPARE(status(QStringLiteral("dev"), QStringLiteral("shop"), QStringLiteral("checkout"))
                     .value(QStringLiteral("status"))
                     .toObject()
                     .value(QStringLiteral("phase"))
                     .toString(),
                 QStringLiteral("Degraded"));
        result = run(QStringLiteral("retry checkout -n shop --env dev"));
        QCOMPARE(result.code, 0);
        m_demo.settle(2);
        QCOMPARE(status(QStringLiteral("dev"), QStringLiteral("shop"), QStringLiteral("checkout"))
                     .value(QStringLiteral("status"))
                     .toObject()
                     .value(QStringLiteral("abort"))
                     .toBool(),
                 false);
    }

    void exitCodes()
    {
        HeadlessRun result = run(QStringLiteral("pause checkout -n shop"));
        QCOMPARE(result.code, int(ActionCommand::UsageError));
        QCOMPARE(result.err,
                 QStringLiteral("release-dashboard: pause: name the environment with "
                                "--env or --context (environments: dev, staging, "
                                "prod)\n"));
        result
            = run(QStringLiteral("promote payments-gateway -n payments --context prod-deployer"));
        QCOMPARE(result.code, int(ActionCommand::Denied));
        result = run(QStringLiteral("abort nosuch -n shop --env prod"));
        QCOMPARE(result.code, int(ActionCommand::Failure));
        QCOMPARE(result.err,
                 QStringLiteral("release-dashboard: prod: Rollout shop/nosuch was not found in "
                                "prod.\n"));
        result = run(QStringLiteral("--read-only abort checkout -n shop --env staging"));
        QCOMPARE(result.code, int(ActionCommand::Refused));
        QCOMPARE(result.err,
                 QStringLiteral("release-dashboard: staging: Read-only: abort was not "
                                "sent to shop/checkout.\n"));
    }

    void auditRecordsEveryAttempt()
    {
        const AuditFile file = readAuditFile(auditPath());
        QCOMPARE(file.problems, QStringList());
        // pause, resume, resume (refused), abort, retry, promote (denied), abort (not
        // found), abort (read-only): an attempt and an outcome each.
        QCOMPARE(file.records.size(), 16);
        QCOMPARE(file.records.at(0).client, QStringLiteral("cli"));
        QCOMPARE(file.records.at(1).result, AuditRecord::Result::Succeeded);
        QCOMPARE(file.records.at(11).result, AuditRecord::Result::Denied);
        QCOMPARE(file.records.at(11).user, QStringLiteral("deployer"));
        QCOMPARE(file.records.at(15).result, AuditRecord::Result::Refused);
    }

    // The real executable, with its own demo fleet, dies right after the action: both
    // records are on disk, whole.
    void auditSurvivesACrashRightAfterTheAction()
    {
        const QString path = m_dir.filePath(QStringLiteral("crash.jsonl"));
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("RELEASE_DASHBOARD_AUDIT_FILE"), path);
        environment.insert(QStringLiteral("RELEASE_DASHBOARD_CRASH_AFTER_ACTION"),
                           QStringLiteral("1"));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(RD_APP_EXE),
                      {QStringLiteral("--demo"), QStringLiteral("pause"),
                       QStringLiteral("payments-api"), QStringLiteral("-n"),
                       QStringLiteral("payments"), QStringLiteral("--env"),
                       QStringLiteral("staging")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        const AuditFile file = readAuditFile(path);
        QCOMPARE(file.problems, QStringList());
        QCOMPARE(file.records.size(), 2);
        QCOMPARE(file.records.at(0).stage, AuditRecord::Stage::Attempt);
        QCOMPARE(file.records.at(1).result, AuditRecord::Result::Succeeded);
        QCOMPARE(file.records.at(1).action, QStringLiteral("pause"));
        QCOMPARE(file.records.at(1).user, QStringLiteral("admin"));
    }
};

QTEST_GUILESS_MAIN(TestActionCommand)
#include "tst_actioncommand.moc"
