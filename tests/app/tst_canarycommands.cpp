// SPDX-License-Identifier: GPL-3.0-or-later
// The headless Flagger canary commands against rd-sim in-process
// (tests/data/scenarios/flagger-actions.yaml, its Flagger controller stepped by hand so the
// canaries hold still while a command reads them): `get canaries` as a table and as JSON
// against what the simulator stores, and `pause|resume|promote|abort|halt canary NAME` with
// their exit codes, messages, --wait and audit lines.
#include "actioncommand.h"
#include "auditrecord.h"
#include "canarycommand.h"
#include "commandline.h"

// After the client headers: the simulator has its own WatchEvent.
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "fleet/simulator.h"

#include "../fetchers/flaggeractionscenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include <memory>

using namespace rdsim;

namespace {

struct Run
{
    int code = -1;
    QString out;
    QString err;
};

QJsonObject at(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toObject();
}

} // namespace

class TestCanaryCommands : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<Simulator> m_sim;

    const ResourceType &canaries() const
    {
        return *ResourceCatalog::find(QStringLiteral("flagger.app"), QStringLiteral("canaries"));
    }

    QJsonObject storedCanary(const QString &name) const
    {
        return m_sim->cluster(QStringLiteral("dev"))
            ->store()
            .get(canaries(), QStringLiteral("test"), name)
            .value_or(QJsonObject());
    }

    QString storedPhase(const QString &name = QStringLiteral("podinfo")) const
    {
        return at(storedCanary(name), "status").value(QLatin1String("phase")).toString();
    }

    bool stepUntilPhase(const QString &phase, int limit = 300)
    {
        for (int i = 0; i < limit && storedPhase() != phase; ++i) {
            m_sim->clock().advance(1000);
            m_sim->reconcileOnce();
        }
        return storedPhase() == phase;
    }

    Run run(const QString &line)
    {
        QStringList arguments = {QStringLiteral("release-dashboard"),
                                 QStringLiteral("--kubeconfig"), m_sim->kubeconfigPath()};
        arguments += line.split(u' ', Qt::SkipEmptyParts);
        CommandLineOptions options;
        QString text;
        Run result;
        if (CommandLine::parse(arguments, &options, &text) != CommandLine::Result::Ok) {
            result.err = text;
            result.code = 2;
            return result;
        }
        QTextStream out(&result.out);
        QTextStream err(&result.err);
        result.code = options.mode == CommandLineOptions::Mode::GetCanaries
            ? CanaryCommand::get(options, out, err)
            : ActionCommand::run(options, out, err);
        return result;
    }

    QString auditPath() const { return m_dir.filePath(QStringLiteral("audit.jsonl")); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("RELEASE_DASHBOARD_AUDIT_FILE", auditPath().toUtf8());
        startFlaggerActionsSim(m_sim);
        if (QTest::currentTestFailed())
            return;
        QVERIFY(stepUntilPhase(QStringLiteral("Initialized")));
    }

    void commandLineGrammar()
    {
        CommandLineOptions options;
        QString text;
        const QString program = QStringLiteral("release-dashboard");
        QCOMPARE(CommandLine::parse({program, QStringLiteral("get"), QStringLiteral("canaries")},
                                    &options, &text),
                 CommandLine::Result::Ok);
        QCOMPARE(options.mode, CommandLineOptions::Mode::GetCanaries);
        QCOMPARE(CommandLine::parse({program, QStringLiteral("abort"),
                                     QStringLiteral("canary.flagger.app"), QStringLiteral("web")},
                                    &options, &text),
                 CommandLine::Result::Ok);
        QCOMPARE(options.mode, CommandLineOptions::Mode::Action);
        QVERIFY(options.canary);
        QCOMPARE(options.action, RolloutAction::Abort);
        QCOMPARE(options.name, QStringLiteral("web"));
        // Two words still name a rollout called "canary".
        options = CommandLineOptions();
        QCOMPARE(CommandLine::parse({program, QStringLiteral("pause"), QStringLiteral("canary")},
                                    &options, &text),
                 CommandLine::Result::Ok);
        QVERIFY(!options.canary);
        QCOMPARE(options.name, QStringLiteral("canary"));
        // halt is a canary's only: with the resource word, and never a rollout.
        options = CommandLineOptions();
        QCOMPARE(CommandLine::parse({program, QStringLiteral("halt"), QStringLiteral("canaries"),
                                     QStringLiteral("web")},
                                    &options, &text),
                 CommandLine::Result::Ok);
        QVERIFY(options.canary);
        QCOMPARE(options.canaryAction, FlaggerAction::Halt);
        QCOMPARE(options.actionWord(), QStringLiteral("halt"));
        QVERIFY(CommandLine::headlessCommands().contains(QStringLiteral("halt")));
        for (const QString &line : {QStringLiteral("halt web"), QStringLiteral("halt")}) {
            const Run refused = run(line);
            QCOMPARE(refused.code, 2);
            QCOMPARE(refused.err, QStringLiteral("halt: name the canary: halt canary NAME"));
        }

        Run result = run(QStringLiteral("undo canary podinfo"));
        QCOMPARE(result.code, 2);
        QCOMPARE(result.err,
                 QStringLiteral("undo is not an action on a Flagger canary (actions: "
                                "pause, resume, promote, abort, halt)"));
        result = run(QStringLiteral("promote canary podinfo --full"));
        QCOMPARE(result.err, QStringLiteral("--full is not valid for a Flagger canary"));
        result = run(QStringLiteral("pause canary podinfo -o json"));
        QCOMPARE(result.code, 2);
        result = run(QStringLiteral("get canaries --env dev -o wide"));
        QCOMPARE(result.code, 2);
        QVERIFY2(result.err.contains(QStringLiteral("-o wide is not available")),
                 qPrintable(result.err));
    }

    void getCanariesTable()
    {
        const Run result = run(QStringLiteral("get canaries --env dev -n test"));
        QCOMPARE(result.code, 0);
        QCOMPARE(result.err, QString());
        const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0).simplified(),
                 QStringLiteral("ENVIRONMENT NAMESPACE NAME STRATEGY PHASE STATUS WEIGHT "
                                "FAILED-CHECKS STEP AGE SUMMARY"));
        // Columns up to STEP; the age depends on the clock.
        QCOMPARE(lines.at(1).simplified().section(u' ', 0, 8),
                 QStringLiteral("dev test nogate BlueGreen Initialized Healthy 0 0/1 -"));
        QCOMPARE(lines.at(2).simplified().section(u' ', 0, 8),
                 QStringLiteral("dev test podinfo Canary Initialized Healthy 0 0/5 -"));
        QVERIFY(lines.at(2).endsWith(
            QStringLiteral("Initialized: the primary runs, no new revision yet")));
    }

    void getCanariesJsonFollowsTheStore()
    {
        // A new revision of podinfo, analysed up to its promotion gate.
        QJsonObject deployment = m_sim->cluster(QStringLiteral("dev"))
                                     ->store()
                                     .get(*ResourceCatalog::find(QStringLiteral("apps"),
                                                                 QStringLiteral("deployments")),
                                          QStringLiteral("test"), QStringLiteral("podinfo"))
                                     .value();
        QJsonObject spec = at(deployment, "spec");
        QJsonObject podTemplate = at(spec, "template");
        QJsonObject podSpec = at(podTemplate, "spec");
        QJsonArray containers = podSpec.value(QLatin1String("containers")).toArray();
        QJsonObject container = containers.at(0).toObject();
        container.insert(QStringLiteral("image"),
                         QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
        containers.replace(0, container);
        podSpec.insert(QStringLiteral("containers"), containers);
        podTemplate.insert(QStringLiteral("spec"), podSpec);
        spec.insert(QStringLiteral("template"), podTemplate);
        deployment.insert(QStringLiteral("spec"), spec);
        QVERIFY(m_sim->cluster(QStringLiteral("dev"))
                    ->store()
                    .update(*ResourceCatalog::find(QStringLiteral("apps"),
                                                   QStringLiteral("deployments")),
                            deployment, WriteScope::Spec)
                    .ok());
        QVERIFY(stepUntilPhase(QStringLiteral("WaitingPromotion")));

        const Run result = run(QStringLiteral("get canaries -A -o json"));
        QCOMPARE(result.code, 0);
        const QJsonObject list = QJsonDocument::fromJson(result.out.toUtf8()).object();
        QCOMPARE(list.value(QLatin1String("kind")).toString(), QStringLiteral("CanaryList"));
        QCOMPARE(list.value(QLatin1String("errors")).toArray().size(), 0);
        const QJsonArray items = list.value(QLatin1String("items")).toArray();
        // The contexts share one server, so they are one environment (ContextGroups): dev.
        QCOMPARE(items.size(), 2);
        for (const QJsonValue &value : items) {
            const QJsonObject item = value.toObject();
            const QString name = item.value(QLatin1String("name")).toString();
            const QJsonObject stored = at(storedCanary(name), "status");
            QCOMPARE(item.value(QLatin1String("namespace")).toString(), QStringLiteral("test"));
            for (const char *field : {"phase", "canaryWeight", "failedChecks", "iterations"})
                QCOMPARE(item.value(QLatin1String(field)), stored.value(QLatin1String(field)));
        }
        const QJsonObject podinfo = items.at(1).toObject();
        QCOMPARE(podinfo.value(QLatin1String("environment")).toString(), QStringLiteral("dev"));
        QCOMPARE(podinfo.value(QLatin1String("name")).toString(), QStringLiteral("podinfo"));
        QCOMPARE(podinfo.value(QLatin1String("phase")).toString(),
                 QStringLiteral("WaitingPromotion"));
        QCOMPARE(podinfo.value(QLatin1String("status")).toString(), QStringLiteral("Paused"));
        QCOMPARE(podinfo.value(QLatin1String("waitsFor")).toString(),
                 QStringLiteral("confirm-promotion"));
        QCOMPARE(podinfo.value(QLatin1String("summary")).toString(),
                 QStringLiteral("Waiting for promotion approval"));
        QCOMPARE(podinfo.value(QLatin1String("strategy")).toString(), QStringLiteral("Canary"));
        QCOMPARE(podinfo.value(QLatin1String("step")).toString(), QStringLiteral("1/1"));
        const QJsonArray gates = podinfo.value(QLatin1String("gates")).toArray();
        QCOMPARE(gates.size(), 2);
        QCOMPARE(gates.at(0).toObject().value(QLatin1String("type")).toString(),
                 QStringLiteral("confirm-promotion"));
        QCOMPARE(items.at(0).toObject().value(QLatin1String("strategy")).toString(),
                 QStringLiteral("BlueGreen"));
    }

    void actionsAndTheirExitCodes()
    {
        Run result = run(QStringLiteral("pause canary podinfo -n test --env dev --wait"));
        QCOMPARE(result.code, int(ActionCommand::Success));
        QVERIFY2(result.out.startsWith(
                     QStringLiteral("dev: suspended test/podinfo; the canary shows it (after ")),
                 qPrintable(result.out));
        QVERIFY(at(storedCanary(QStringLiteral("podinfo")), "spec")
                    .value(QLatin1String("suspend"))
                    .toBool());
        result = run(QStringLiteral("pause canary podinfo -n test --env dev"));
        QCOMPARE(result.code, int(ActionCommand::Refused));
        QCOMPARE(result.err,
                 QStringLiteral("release-dashboard: dev: The canary is already suspended.\n"));
        result = run(QStringLiteral("resume canary podinfo -n test --env dev"));
        QCOMPARE(result.code, int(ActionCommand::Success));
        QCOMPARE(result.out,
                 QStringLiteral("dev: The API server accepted canary-resume for test/podinfo.\n"));

        result = run(QStringLiteral("promote canary nogate -n test --env dev"));
        QCOMPARE(result.code, int(ActionCommand::Refused));
        QVERIFY(result.err.contains(QStringLiteral("no confirm-promotion webhook")));
        result = run(QStringLiteral("abort canary podinfo -n test --context dev-viewer"));
        QCOMPARE(result.code, int(ActionCommand::Denied));
        QCOMPARE(result.err,
                 QStringLiteral("release-dashboard: dev-viewer: You may not create services/proxy "
                                "in namespace test, so canary-rollback cannot be sent (checked "
                                "with a SelfSubjectAccessReview).\n"));

        // Nobody reconciles while the command waits: sent, not shown, exit 5.
        result
            = run(QStringLiteral("promote canary podinfo -n test --env dev --wait --timeout 2s"));
        QCOMPARE(result.code, int(ActionCommand::NotConfirmed));
        QVERIFY2(result.err.contains(QStringLiteral(
                     "dev: canary-promote for test/podinfo was sent, but the canary has not shown "
                     "it within 2 s. Is Flagger running?")),
                 qPrintable(result.err));
        QVERIFY(stepUntilPhase(QStringLiteral("Succeeded")));
    }

    // halt closes the gate promote opened, as the window's Close gate: the same permission
    // check, audit and exit codes; the gate lives in the load tester, so --wait has nothing to
    // wait for.
    void haltClosesTheGate()
    {
        Run result = run(QStringLiteral("halt canary podinfo -n test --context dev-viewer"));
        QCOMPARE(result.code, int(ActionCommand::Denied));
        QCOMPARE(result.err,
                 QStringLiteral("release-dashboard: dev-viewer: You may not create services/proxy "
                                "in namespace test, so canary-halt cannot be sent (checked "
                                "with a SelfSubjectAccessReview).\n"));
        result = run(QStringLiteral("halt canary podinfo -n test --env dev --read-only"));
        QCOMPARE(result.code, int(ActionCommand::Refused));
        QVERIFY2(result.err.contains(
                     QStringLiteral("Read-only: canary-halt was not sent to test/podinfo.")),
                 qPrintable(result.err));

        result = run(QStringLiteral("halt canary podinfo -n test --env dev --wait"));
        QCOMPARE(result.code, int(ActionCommand::Success));
        QCOMPARE(result.out,
                 QStringLiteral("dev: canary-halt for test/podinfo: sent; Flagger acts on its "
                                "next check (interval 10s)\n"));
        QVERIFY2(result.err.contains(QStringLiteral("nothing to wait for")),
                 qPrintable(result.err));
        const AuditFile file = readAuditFile(auditPath());
        QVERIFY(!file.records.isEmpty());
        const AuditRecord &outcome = file.records.last();
        QCOMPARE(outcome.action, QStringLiteral("canary-halt"));
        QCOMPARE(outcome.client, QStringLiteral("cli"));
        QCOMPARE(outcome.requests,
                 QList<QByteArray> {"POST /api/v1/namespaces/test/services/flagger-loadtester:80/"
                                    "proxy/gate/close application/json "
                                    R"({"name":"podinfo","namespace":"test"})"});
        QCOMPARE(outcome.responses, QList<int> {202});
    }

    void auditNamesTheCanaryActions()
    {
        const AuditFile file = readAuditFile(auditPath());
        QVERIFY(file.problems.isEmpty());
        QStringList outcomes;
        for (const AuditRecord &record : file.records) {
            if (record.stage == AuditRecord::Stage::Outcome)
                outcomes << QStringLiteral("%1 %2 %3 %4")
                                .arg(record.environment, record.action, record.user,
                                     AuditRecord::resultName(record.result));
        }
        // Read-only sends nothing, so nobody asks the server who the user is: the kubeconfig's.
        QCOMPARE(outcomes,
                 QStringList({QStringLiteral("dev canary-pause admin succeeded"),
                              QStringLiteral("dev canary-pause admin refused"),
                              QStringLiteral("dev canary-resume admin succeeded"),
                              QStringLiteral("dev canary-promote admin refused"),
                              QStringLiteral("dev-viewer canary-rollback viewer denied"),
                              QStringLiteral("dev canary-promote admin succeeded"),
                              QStringLiteral("dev-viewer canary-halt viewer denied"),
                              QStringLiteral("dev canary-halt dev-admin refused"),
                              QStringLiteral("dev canary-halt admin succeeded")}));
    }

    void cleanupTestCase() { m_sim.reset(); }
};

QTEST_GUILESS_MAIN(TestCanaryCommands)
#include "tst_canarycommands.moc"
