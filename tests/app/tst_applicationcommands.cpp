// SPDX-License-Identifier: GPL-3.0-or-later
// `release-dashboard get applications` and `app sync|rollback|terminate` against the demo
// fleet's Argo CD servers (rd-sim, in-process, reached through each cluster's service proxy
// with the argocd.token cookie): what they list, exit codes and messages, the requests sent
// and their effect on the workloads, and the audit file.
#include "actioncommand.h"
#include "appactioncommand.h"
#include "applicationscommand.h"
#include "commandline.h"
#include "demofleet.h"
#include "headlessrun.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

namespace {

// Every environment of the demo reads its cluster's Argo CD as admin; staging's a second
// time as the viewer (the same applications, another instance name); prod is protected.
const QByteArray fleetConfig = "environments:\n"
                               "  - name: dev\n"
                               "    argocd:\n"
                               "      - token: dev-argocd-admin-token\n"
                               "  - name: staging\n"
                               "    argocd:\n"
                               "      - token: staging-argocd-admin-token\n"
                               "      - { name: viewer, token: staging-argocd-viewer-token }\n"
                               "  - name: prod\n"
                               "    protected: true\n"
                               "    argocd:\n"
                               "      - token: prod-argocd-admin-token\n";

// dev's token is wrong, staging's fine, prod has no Argo CD.
const QByteArray brokenConfig
    = "environments:\n"
      "  - { name: dev, argocd: [{ token: not-a-token }] }\n"
      "  - { name: staging, argocd: [{ token: staging-argocd-admin-token }] }\n"
      "  - name: prod\n";

} // namespace

class TestApplicationCommands : public QObject
{
    Q_OBJECT

    DemoFleet m_demo {DemoFleet::Options {false}};
    QTemporaryDir m_dir;
    QString m_config;
    QString m_broken;

    QString auditPath() const { return m_dir.filePath(QStringLiteral("audit.jsonl")); }

    QString writeFile(const QString &name, const QByteArray &content)
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(name));
        return file.fileName();
    }

    HeadlessRun run(const QString &line, const QString &config = QString())
    {
        const QStringList leading = {QStringLiteral("--demo"), QStringLiteral("--config"),
                                     config.isEmpty() ? m_config : config};
        return runHeadless(
            headlessArguments(leading, line),
            [this](const CommandLineOptions &options, QTextStream &out, QTextStream &err) {
                return options.mode == CommandLineOptions::Mode::GetApplications
                    ? ApplicationsCommand::run(options, out, err, &m_demo)
                    : AppActionCommand::run(options, out, err, &m_demo);
            });
    }

    QJsonObject listed(const QString &environment, const QString &name)
    {
        const HeadlessRun result
            = run(QStringLiteral("get applications -o json --env ") + environment);
        const QJsonArray items = QJsonDocument::fromJson(result.out.toUtf8())
                                     .object()
                                     .value(QStringLiteral("items"))
                                     .toArray();
        for (const QJsonValue &item : items) {
            if (item.toObject().value(QStringLiteral("name")).toString() == name)
                return item.toObject();
        }
        return QJsonObject();
    }

    QString rolloutImage(const QString &cluster, const QString &ns, const QString &name) const
    {
        for (const QJsonObject &rollout :
             m_demo.objects(cluster, QStringLiteral("argoproj.io"), QStringLiteral("rollouts"))) {
            const QJsonObject metadata = rollout.value(QStringLiteral("metadata")).toObject();
            if (metadata.value(QStringLiteral("namespace")).toString() == ns
                && metadata.value(QStringLiteral("name")).toString() == name)
                return rollout[QStringLiteral("spec")][QStringLiteral("template")][QStringLiteral(
                    "spec")][QStringLiteral("containers")][0][QStringLiteral("image")]
                    .toString();
        }
        return QString();
    }

    QList<AuditRecord> outcomes(const QString &action) const
    {
        QList<AuditRecord> found;
        for (const AuditRecord &record : readAuditFile(auditPath()).records) {
            if (record.action == action && record.stage == AuditRecord::Stage::Outcome)
                found.append(record);
        }
        return found;
    }

private slots:
    void initTestCase();
    void table();
    void json();
    void unreadableServer();
    void environmentWithoutArgoCd();
    void syncDryRunSendsExactlyTheRequest();
    void syncStartsTheCanary();
    void rollbackRefusedUnderAutoSync();
    void rollback();
    void deniedByCanI();
    void ambiguousAndUnknownNames();
    void terminate();
    void auditHoldsNoToken();
};

void TestApplicationCommands::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_dir.isValid());
    qputenv("RELEASE_DASHBOARD_AUDIT_FILE", auditPath().toUtf8());
    m_config = writeFile(QStringLiteral("fleet.yaml"), fleetConfig);
    m_broken = writeFile(QStringLiteral("broken.yaml"), brokenConfig);
    QString error;
    QVERIFY2(m_demo.start(&error), qPrintable(error));
    m_demo.settle(2);
}

void TestApplicationCommands::table()
{
    const HeadlessRun result = run(QStringLiteral("get applications --env dev"));
    QCOMPARE(result.err, QString());
    QCOMPARE(result.code, 0);
    // The demo's dev applications: cart-dev's Git head bumps its image (OutOfSync); the
    // revision is what main resolves to, shortened; storefront-dev is a chart.
    const QStringList lines = result.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 5);
    QCOMPARE(lines.at(0).simplified(),
             QStringLiteral("ENVIRONMENT NAME PROJECT SYNC HEALTH REVISION TARGET"));
    QVERIFY2(lines.at(1).startsWith(QStringLiteral("dev           cart-dev         shop      "
                                                   "OutOfSync   ")),
             qPrintable(lines.at(1)));
    QVERIFY2(lines.at(1).endsWith(QStringLiteral("71095e9    main")), qPrintable(lines.at(1)));
    QVERIFY2(lines.at(4).endsWith(QStringLiteral("3.2.0      3.2.0")), qPrintable(lines.at(4)));

    // Every environment by default, in the fleet's order; wide names the instance.
    const HeadlessRun all = run(QStringLiteral("get applications -o wide"));
    QCOMPARE(all.code, 0);
    const QStringList wide = all.out.split(u'\n', Qt::SkipEmptyParts);
    QCOMPARE(wide.size(), 1 + 4 + 3 + 3 + 4);
    QVERIFY(wide.at(0).simplified().endsWith(QStringLiteral("OPERATION LAST SYNC")));
    QVERIFY2(wide.at(8).contains(QStringLiteral(" viewer ")), qPrintable(wide.at(8)));
    QVERIFY2(wide.at(14).startsWith(QStringLiteral("prod          search-indexer-prod")),
             qPrintable(wide.at(14)));
}

void TestApplicationCommands::json()
{
    const QJsonObject cart = listed(QStringLiteral("dev"), QStringLiteral("cart-dev"));
    QCOMPARE(cart.value(QStringLiteral("instance")).toString(), QStringLiteral("argocd"));
    QCOMPARE(cart.value(QStringLiteral("namespace")).toString(), QStringLiteral("argocd"));
    QCOMPARE(cart.value(QStringLiteral("project")).toString(), QStringLiteral("shop"));
    QCOMPARE(cart.value(QStringLiteral("syncStatus")).toString(), QStringLiteral("OutOfSync"));
    QCOMPARE(cart.value(QStringLiteral("revision")).toString(),
             QStringLiteral("71095e92309015a3ab47bba5b1ee6c888e8b7287"));
    QCOMPARE(cart.value(QStringLiteral("targetRevision")).toString(), QStringLiteral("main"));
    QCOMPARE(cart.value(QStringLiteral("path")).toString(), QStringLiteral("envs/dev/cart"));
    QCOMPARE(cart.value(QStringLiteral("autoSync")).toBool(), false);
    const QJsonObject operation = cart.value(QStringLiteral("operation")).toObject();
    QCOMPARE(operation.value(QStringLiteral("phase")).toString(), QStringLiteral("Succeeded"));
    QVERIFY(operation.value(QStringLiteral("finishedAt")).toString().endsWith(u'Z'));
}

void TestApplicationCommands::unreadableServer()
{
    // As get rollouts with an unreachable environment: the others are printed, exit code 1.
    HeadlessRun result = run(QStringLiteral("get applications"), m_broken);
    QCOMPARE(result.code, 1);
    QCOMPARE(result.out.split(u'\n', Qt::SkipEmptyParts).size(), 1 + 3);
    QVERIFY(result.out.contains(QStringLiteral("staging       checkout-staging")));
    QVERIFY2(result.err.startsWith(QStringLiteral("release-dashboard: dev: Argo CD argocd: The "
                                                  "server did not accept the credentials (HTTP "
                                                  "401)")),
             qPrintable(result.err));
    QVERIFY(!result.err.contains(QStringLiteral("not-a-token")));
    result = run(QStringLiteral("get applications -o json"), m_broken);
    QCOMPARE(result.code, 1);
    const QJsonArray errors = QJsonDocument::fromJson(result.out.toUtf8())
                                  .object()
                                  .value(QStringLiteral("errors"))
                                  .toArray();
    QCOMPARE(errors.size(), 1);
    QCOMPARE(errors.at(0)[QStringLiteral("instance")].toString(), QStringLiteral("argocd"));
    // An action does not guess while a server that may hold the name cannot be read.
    result = run(QStringLiteral("app sync checkout-staging"), m_broken);
    QCOMPARE(result.code, 1);
    QVERIFY2(result.err.endsWith(QStringLiteral("release-dashboard: application checkout-staging "
                                                "is in staging/argocd, but dev/argocd could not "
                                                "be read and may have one of that name too: name "
                                                "it with --env and --instance\n")),
             qPrintable(result.err));
}

void TestApplicationCommands::environmentWithoutArgoCd()
{
    HeadlessRun result = run(QStringLiteral("get applications --env prod"), m_broken);
    QCOMPARE(result.code, 2);
    QCOMPARE(result.err,
             QStringLiteral("release-dashboard: environment 'prod' has no Argo CD server: add an "
                            "argocd: list to its entry in the config file\n"));
    result = run(QStringLiteral("get applications --env staging --instance nosuch"));
    QCOMPARE(result.code, 2);
    QCOMPARE(result.err,
             QStringLiteral("release-dashboard: --instance nosuch: no such Argo CD "
                            "server (servers: argocd, viewer)\n"));
}

void TestApplicationCommands::syncDryRunSendsExactlyTheRequest()
{
    const QString before
        = rolloutImage(QStringLiteral("dev"), QStringLiteral("shop"), QStringLiteral("cart"));
    const HeadlessRun result = run(QStringLiteral("app sync cart-dev --dry-run"));
    QCOMPARE(result.err, QString());
    QCOMPARE(result.code, 0);
    QCOMPARE(result.out,
             QStringLiteral("dev: Argo CD argocd accepted sync (dry run) of cart-dev: "
                            "Running: one or more tasks are running\n"));
    const AuditRecord record = outcomes(QStringLiteral("app-sync")).constLast();
    QCOMPARE(record.requests,
             QList<QByteArray>({"POST /api/v1/applications/cart-dev/sync application/json "
                                "{\"appNamespace\":\"argocd\",\"dryRun\":true,\"name\":"
                                "\"cart-dev\",\"project\":\"shop\",\"prune\":false}"}));
    m_demo.settle(10);
    QCOMPARE(rolloutImage(QStringLiteral("dev"), QStringLiteral("shop"), QStringLiteral("cart")),
             before);
    QCOMPARE(listed(QStringLiteral("dev"), QStringLiteral("cart-dev"))
                 .value(QStringLiteral("syncStatus"))
                 .toString(),
             QStringLiteral("OutOfSync"));
}

void TestApplicationCommands::syncStartsTheCanary()
{
    const HeadlessRun result = run(QStringLiteral("app sync cart-dev --env dev --prune"));
    QCOMPARE(result.code, 0);
    QVERIFY2(result.out.startsWith(QStringLiteral("dev: Argo CD argocd accepted sync of cart-dev")),
             qPrintable(result.out));
    m_demo.settle(10);
    // Git's head sets cart 2.0.4: the Rollouts controller now runs it as a canary.
    QCOMPARE(rolloutImage(QStringLiteral("dev"), QStringLiteral("shop"), QStringLiteral("cart")),
             QStringLiteral("ghcr.io/acme/cart:2.0.4"));
    const QJsonObject cart = listed(QStringLiteral("dev"), QStringLiteral("cart-dev"));
    QCOMPARE(cart.value(QStringLiteral("syncStatus")).toString(), QStringLiteral("Synced"));
}

void TestApplicationCommands::rollbackRefusedUnderAutoSync()
{
    HeadlessRun result = run(QStringLiteral("app rollback checkout-prod 1"));
    QCOMPARE(result.code, int(ActionCommand::Refused));
    QCOMPARE(result.err,
             QStringLiteral("release-dashboard: prod: This environment is protected: "
                            "add --yes to rollback checkout-prod.\n"));
    result = run(QStringLiteral("app rollback checkout-prod 1 --yes"));
    QCOMPARE(result.code, int(ActionCommand::Refused));
    QCOMPARE(result.err,
             QStringLiteral("release-dashboard: prod: checkout-prod: auto-sync is on: Argo CD "
                            "would undo a rollback; turn off auto-sync first or revert in Git.\n"));
    // Refused before anything was sent.
    QCOMPARE(outcomes(QStringLiteral("app-rollback")).constLast().requests, QList<QByteArray>());
}

void TestApplicationCommands::rollback()
{
    HeadlessRun result = run(QStringLiteral("app rollback checkout-dev 9"));
    QCOMPARE(result.code, int(ActionCommand::Refused));
    QCOMPARE(result.err,
             QStringLiteral("release-dashboard: dev: checkout-dev has no history entry "
                            "9 (entries: 1 (29c7962), 2 (95b40c8)).\n"));
    result = run(QStringLiteral("app rollback checkout-dev 1"));
    QCOMPARE(result.code, 0);
    QCOMPARE(outcomes(QStringLiteral("app-rollback")).constLast().revision, 1);
    m_demo.settle(10);
    QCOMPARE(
        rolloutImage(QStringLiteral("dev"), QStringLiteral("shop"), QStringLiteral("checkout")),
        QStringLiteral("ghcr.io/acme/checkout:1.4.1"));
}

void TestApplicationCommands::deniedByCanI()
{
    const HeadlessRun result = run(QStringLiteral("app sync checkout-staging --instance viewer"));
    QCOMPARE(result.code, int(ActionCommand::Denied));
    QCOMPARE(result.err,
             QStringLiteral("release-dashboard: staging: You may not sync applications "
                            "shop/checkout-staging in Argo CD viewer, so app-sync cannot be sent "
                            "(checked with Argo CD's can-i).\n"));
    const AuditRecord record = outcomes(QStringLiteral("app-sync")).constLast();
    QCOMPARE(record.result, AuditRecord::Result::Denied);
    QCOMPARE(record.user, QStringLiteral("viewer"));
}

void TestApplicationCommands::ambiguousAndUnknownNames()
{
    HeadlessRun result = run(QStringLiteral("app sync checkout-staging"));
    QCOMPARE(result.code, int(ActionCommand::UsageError));
    QCOMPARE(
        result.err,
        QStringLiteral("release-dashboard: application checkout-staging is in "
                       "staging/argocd, staging/viewer: name one with --env and --instance\n"));
    result = run(QStringLiteral("app terminate nosuch --env dev"));
    QCOMPARE(result.code, int(ActionCommand::Failure));
    QCOMPARE(result.err,
             QStringLiteral("release-dashboard: application nosuch was not found in dev/argocd\n"));
}

void TestApplicationCommands::terminate()
{
    HeadlessRun result = run(QStringLiteral("app sync search-api-dev"));
    QCOMPARE(result.code, 0);
    // The sync runs for five virtual seconds: the clock stands still until it is stopped.
    result = run(QStringLiteral("app sync search-api-dev"));
    QCOMPARE(result.code, int(ActionCommand::Refused));
    QVERIFY2(result.err.contains(QStringLiteral("Another operation is running on search-api-dev "
                                                "(Running (admin))")),
             qPrintable(result.err));
    result = run(QStringLiteral("app terminate search-api-dev"));
    QCOMPARE(result.code, 0);
    QCOMPARE(result.out,
             QStringLiteral("dev: Argo CD argocd is terminating the operation on "
                            "search-api-dev.\n"));
    m_demo.settle(2);
    const QJsonObject operation = listed(QStringLiteral("dev"), QStringLiteral("search-api-dev"))
                                      .value(QStringLiteral("operation"))
                                      .toObject();
    QCOMPARE(operation.value(QStringLiteral("phase")).toString(), QStringLiteral("Failed"));
    QCOMPARE(operation.value(QStringLiteral("message")).toString(),
             QStringLiteral("Operation terminated"));
    result = run(QStringLiteral("app terminate search-api-dev"));
    QCOMPARE(result.code, 0);
    QCOMPARE(result.out,
             QStringLiteral("dev: No operation is running on search-api-dev: nothing to "
                            "terminate.\n"));
    QCOMPARE(outcomes(QStringLiteral("app-terminate")).at(0).requests.value(0),
             QByteArray("DELETE /api/v1/applications/search-api-dev/operation"));
}

void TestApplicationCommands::auditHoldsNoToken()
{
    QFile file(auditPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    QVERIFY(!text.contains("argocd-admin-token"));
    const AuditFile audit = readAuditFile(auditPath());
    QCOMPARE(audit.problems, QStringList());
    // Each attempt has its outcome; the protected refusal sent nothing and wrote nothing.
    int attempts = 0;
    for (const AuditRecord &record : audit.records)
        attempts += record.stage == AuditRecord::Stage::Attempt ? 1 : 0;
    QCOMPARE(attempts * 2, audit.records.size());
    QCOMPARE(outcomes(QStringLiteral("app-sync")).at(1).user, QStringLiteral("admin"));
}

QTEST_GUILESS_MAIN(TestApplicationCommands)
#include "tst_applicationcommands.moc"
