// SPDX-License-Identifier: GPL-3.0-or-later
// Flagger canary actions against rd-sim (tests/data/scenarios/flagger-actions.yaml, its
// Flagger controller stepped by hand): the exact requests (merge patches of spec.suspend,
// POSTs to the load tester's gates through the service proxy), the audit lines, the effect the
// canary then shows, and the refusals (state, no webhook, RBAC) that send nothing.

#include "actionrunner.h"
#include "flaggeractionsim.h"

// After the client headers: the simulator has its own WatchEvent.
#include "api/faultinjector.h"
#include "flaggeractionscenario.h"

#include <QSignalSpy>

class TestFlaggerActionExecutor : public QObject, public FlaggerActionSim
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        startFlaggerActionsSim(m_sim);
        if (QTest::currentTestFailed())
            return;
        QString error;
        KubeconfigSource source;
        source.explicitPath = m_sim->kubeconfigPath();
        QVERIFY2(KubeconfigLoader::load(source, &m_kubeconfig, &error), qPrintable(error));
        m_sim->cluster(dev)->server().setRecording(true);
        m_audit = std::make_unique<AuditLog>(m_dir.filePath(QStringLiteral("audit.jsonl")));
        QVERIFY(stepUntilPhase(QStringLiteral("Initialized")));
    }

    void pauseThenResume()
    {
        FlaggerActionResult result = run(FlaggerAction::Pause);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(result.user, QStringLiteral("admin"));
        QCOMPARE(result.message,
                 QStringLiteral("The API server accepted canary-pause for test/podinfo."));
        QCOMPARE(writes(),
                 QStringList {QStringLiteral("PATCH %1podinfo|application/merge-patch+json|"
                                             R"({"spec":{"suspend":true}}|200)")
                                  .arg(canaryPath)});
        QVERIFY(result.awaitsEffect());
        QVERIFY(FlaggerActions::confirmed(result.expectation, canary()));

        result = run(FlaggerAction::Resume);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(writes(),
                 QStringList {QStringLiteral("PATCH %1podinfo|application/merge-patch+json|"
                                             R"({"spec":{"suspend":false}}|200)")
                                  .arg(canaryPath)});
        QVERIFY(FlaggerActions::confirmed(result.expectation, canary()));
        QVERIFY(!canary().spec.suspend);
    }

    void auditKeepsAttemptAndOutcome()
    {
        const FlaggerActionResult result = run(FlaggerAction::Pause);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        writes();
        const AuditFile file = readAuditFile(m_audit->path());
        QVERIFY(file.problems.isEmpty());
        QVERIFY(file.records.size() >= 2);
        const AuditRecord attempt = file.records.at(file.records.size() - 2);
        const AuditRecord outcome = file.records.last();
        QCOMPARE(attempt.id, outcome.id);
        QCOMPARE(attempt.stage, AuditRecord::Stage::Attempt);
        QCOMPARE(attempt.result, AuditRecord::Result::None);
        QCOMPARE(attempt.action, QStringLiteral("canary-pause"));
        QCOMPARE(attempt.rollout, podinfo);
        QCOMPARE(attempt.namespaceName, test);
        QCOMPARE(attempt.user, QStringLiteral("admin"));
        QCOMPARE(attempt.userSource, QStringLiteral("SelfSubjectReview"));
        QCOMPARE(attempt.client, QStringLiteral("cli"));
        QVERIFY(attempt.requests.isEmpty());
        QCOMPARE(outcome.stage, AuditRecord::Stage::Outcome);
        QCOMPARE(outcome.result, AuditRecord::Result::Succeeded);
        QCOMPARE(outcome.requests,
                 QList<QByteArray> {
                     "PATCH " + canaryPath.toUtf8()
                     + R"(podinfo application/merge-patch+json {"spec":{"suspend":true}})"});
        QCOMPARE(outcome.responses, QList<int> {200});
        // Undo the pause for the tests that follow.
        QVERIFY(run(FlaggerAction::Resume).succeeded());
        writes();
    }

    void refusalsSendNothing()
    {
        FlaggerActionResult result = run(FlaggerAction::Resume);
        QCOMPARE(result.result, AuditRecord::Result::Refused);
        QCOMPARE(result.message,
                 QStringLiteral("The canary is not suspended: Flagger is reconciling it."));
        QCOMPARE(writes(), QStringList());

        result = run(FlaggerAction::Promote, QStringLiteral("nogate"));
        QCOMPARE(result.result, AuditRecord::Result::Refused);
        QCOMPARE(result.message,
                 QStringLiteral("This canary has no confirm-promotion webhook: Flagger promotes "
                                "by itself when the analysis passes."));
        result = run(FlaggerAction::Rollback, QStringLiteral("nogate"));
        QCOMPARE(result.result, AuditRecord::Result::Refused);
        QCOMPARE(result.message,
                 QStringLiteral("This canary has no rollback webhook: Flagger rolls back by "
                                "itself only when its checks fail."));
        // podinfo has the gate, but no analysis runs: the gate would approve the next revision.
        result = run(FlaggerAction::Promote);
        QCOMPARE(result.result, AuditRecord::Result::Refused);
        QCOMPARE(result.message,
                 QStringLiteral("No analysis is running (phase Initialized): opening the "
                                "promotion gate now would approve the next revision in "
                                "advance."));
        QCOMPARE(writes(), QStringList());

        result = run(FlaggerAction::Pause, QStringLiteral("missing"));
        QCOMPARE(result.result, AuditRecord::Result::Failed);
        QCOMPARE(result.message, QStringLiteral("Canary test/missing was not found in dev."));
        QCOMPARE(result.error.httpStatus, 404);
    }

    void viewerMayNotPause()
    {
        const FlaggerActionResult result
            = run(FlaggerAction::Pause, podinfo, QStringLiteral("dev-viewer"));
        QCOMPARE(result.result, AuditRecord::Result::Denied);
        QCOMPARE(result.user, QStringLiteral("viewer"));
        QCOMPARE(result.message,
                 QStringLiteral("You may not patch canaries in namespace test, so canary-pause "
                                "cannot be sent (checked with a SelfSubjectAccessReview)."));
        QCOMPARE(writes(), QStringList());
        QVERIFY(!canary().spec.suspend);
    }

    // The window sends the uid of the canary the person confirmed: a canary of that name created
    // again since is another one, and nothing is sent to it.
    void anotherCanaryOfTheSameNameIsRefused()
    {
        const QString confirmed = QStringLiteral("0a0a0a0a-0000-4000-8000-000000000000");
        const QString current = canary().metadata.uid;
        QVERIFY(!current.isEmpty() && current != confirmed);
        FlaggerActionResult result = run(FlaggerAction::Pause, podinfo, dev, confirmed);
        QCOMPARE(result.result, AuditRecord::Result::Refused);
        QCOMPARE(result.message,
                 QStringLiteral("canary-pause was not sent: canary test/podinfo in dev is no "
                                "longer the one that was confirmed (it was deleted and created "
                                "again: uid %1, confirmed %2).")
                     .arg(current, confirmed));
        QCOMPARE(writes(), QStringList());
        QVERIFY(!canary().spec.suspend);

        // The same uid: sent.
        result = run(FlaggerAction::Pause, podinfo, dev, current);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QVERIFY(canary().spec.suspend);
        QVERIFY(run(FlaggerAction::Resume, podinfo, dev, current).succeeded());
        writes();
    }

    // What the canary action bar asks before the person clicks: the executor's two permissions
    // through the runner, answered per user as the executor's own check answers them.
    void runnerChecksCanaryPermissions()
    {
        ActionRunner runner(m_kubeconfig, m_audit.get());
        EnvironmentSpec admin;
        admin.name = dev;
        admin.context = dev;
        EnvironmentSpec viewer;
        viewer.name = QStringLiteral("dev-viewer");
        viewer.context = viewer.name;
        runner.setEnvironments({admin, viewer});
        QSignalSpy checked(&runner, &ActionRunner::permissionsChecked);
        const quint64 adminTicket
            = runner.checkPermissions(dev, test, FlaggerActions::permissions());
        QVERIFY(checked.wait(20000));
        const quint64 viewerTicket
            = runner.checkPermissions(viewer.name, test, FlaggerActions::permissions());
        QVERIFY(QTest::qWaitFor([&] { return checked.size() == 2; }, 20000));
        QHash<quint64, QMap<QString, bool>> answers;
        for (const QList<QVariant> &signal : std::as_const(checked)) {
            QCOMPARE(signal.at(2).toString(), test);
            answers.insert(signal.at(0).toULongLong(), signal.at(3).value<QMap<QString, bool>>());
        }
        const QMap<QString, bool> everything {{QStringLiteral("patch canaries"), true},
                                              {QStringLiteral("create services/proxy"), true}};
        const QMap<QString, bool> nothing {{QStringLiteral("patch canaries"), false},
                                           {QStringLiteral("create services/proxy"), false}};
        QCOMPARE(answers.value(adminTicket), everything);
        QCOMPARE(answers.value(viewerTicket), nothing);
        // The executor's check is answered from the same cache.
        QCOMPARE(runner.accessCache()->allowed(viewer.name, test,
                                               FlaggerActions::permissions().constFirst()),
                 std::optional<bool>(false));
    }

    void promoteOpensTheGateThroughTheProxy()
    {
        deployImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.1"));
        QVERIFY(stepUntilPhase(QStringLiteral("WaitingPromotion")));

        FlaggerActionResult result
            = run(FlaggerAction::Promote, podinfo, QStringLiteral("dev-deployer"));
        QCOMPARE(result.result, AuditRecord::Result::Denied);
        QCOMPARE(result.message,
                 QStringLiteral("You may not create services/proxy in namespace test, so "
                                "canary-promote cannot be sent (checked with a "
                                "SelfSubjectAccessReview)."));
        QCOMPARE(writes(), QStringList());

        result = run(FlaggerAction::Promote);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(result.message,
                 QStringLiteral("canary-promote for test/podinfo: sent; Flagger acts on its next "
                                "check (interval 10s)"));
        QCOMPARE(
            writes(),
            QStringList {
                QStringLiteral("POST %1/gate/open|application/json|%2|202").arg(proxy, payload)});
        QCOMPARE(result.requests,
                 QList<QByteArray> {"POST " + proxy.toUtf8() + "/gate/open application/json "
                                    + payload.toUtf8()});
        QVERIFY(gateOpen());
        // Sent at WaitingPromotion, the promotion shows in the canary.
        QVERIFY(result.awaitsEffect());
        QVERIFY(!FlaggerActions::confirmed(result.expectation, canary()));
        QVERIFY(stepUntilPhase(QStringLiteral("Succeeded")));
        QVERIFY(FlaggerActions::confirmed(result.expectation, canary()));
    }

    void haltClosesTheGateUnconfirmed()
    {
        const FlaggerActionResult result = run(FlaggerAction::Halt);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(
            writes(),
            QStringList {
                QStringLiteral("POST %1/gate/close|application/json|%2|202").arg(proxy, payload)});
        QVERIFY(!gateOpen());
        // The gate lives in the load tester: nothing in the canary can confirm it.
        QVERIFY(!result.awaitsEffect());
        QVERIFY(!FlaggerActions::confirmed(result.expectation, canary()));
    }

    void rollbackOpensTheRollbackGate()
    {
        deployImage(QStringLiteral("ghcr.io/stefanprodan/podinfo:6.0.2"));
        QVERIFY(stepUntilPhase(QStringLiteral("Progressing")));
        const FlaggerActionResult result = run(FlaggerAction::Rollback);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(writes(),
                 QStringList {QStringLiteral("POST %1/rollback/open|application/json|%2|202")
                                  .arg(proxy, payload)});
        QVERIFY(result.awaitsEffect());
        QVERIFY(stepUntilPhase(QStringLiteral("Failed")));
        QVERIFY(FlaggerActions::confirmed(result.expectation, canary()));
    }

    // Answers the API server may give instead: each is told in words and audited, and a write
    // whose outcome is unknown (500) is not repeated.
    void serverErrorsAreTold()
    {
        const auto fault = [this](const char *method, int status) {
            FaultRule rule;
            rule.kind = FaultRule::Kind::Status;
            rule.status = status;
            rule.method = QLatin1String(method);
            rule.path = QRegularExpression(QStringLiteral("/canaries/podinfo$"));
            rule.remaining = 1;
            m_sim->cluster(dev)->faults().add(rule);
        };
        const QString pause = QStringLiteral("PATCH %1podinfo|application/merge-patch+json|"
                                             R"({"spec":{"suspend":true}}|%2)")
                                  .arg(canaryPath);
        fault("PATCH", 403);
        FlaggerActionResult result = run(FlaggerAction::Pause);
        QCOMPARE(result.result, AuditRecord::Result::Denied);
        QCOMPARE(result.error.httpStatus, 403);
        QVERIFY2(result.message.startsWith(QStringLiteral(
                     "The server refused: you may not patch canaries in namespace test.")),
                 qPrintable(result.message));
        QCOMPARE(writes(), QStringList {pause.arg(403)});

        fault("PATCH", 409);
        result = run(FlaggerAction::Pause);
        QCOMPARE(result.result, AuditRecord::Result::Failed);
        QCOMPARE(result.message,
                 QStringLiteral("canary-pause of test/podinfo failed: the canary changed "
                                "meanwhile (409 Conflict); look at it again and retry."));
        QCOMPARE(writes(), QStringList {pause.arg(409)});

        fault("PATCH", 500);
        result = run(FlaggerAction::Pause);
        QCOMPARE(result.result, AuditRecord::Result::Failed);
        QCOMPARE(result.error.httpStatus, 500);
        QVERIFY2(result.message.startsWith(QStringLiteral("canary-pause of test/podinfo failed: ")),
                 qPrintable(result.message));
        QCOMPARE(writes(), QStringList {pause.arg(500)});
        QCOMPARE(result.responses, QList<int> {500});

        fault("GET", 401);
        result = run(FlaggerAction::Pause);
        QCOMPARE(result.result, AuditRecord::Result::Failed);
        QVERIFY2(result.message.startsWith(
                     QStringLiteral("The API server did not accept your credentials (401): ")),
                 qPrintable(result.message));
        QCOMPARE(writes(), QStringList());
        QVERIFY(!canary().spec.suspend);
    }

    void unrecordedAttemptSendsNothing()
    {
        // A folder cannot be appended to: the attempt is not recorded, so nothing is sent.
        AuditLog unwritable(m_dir.path());
        KubeClient client(connection(dev));
        m_sim->cluster(dev)->server().takeRecordedRequests();
        FlaggerActionRequest request;
        request.environment = dev;
        request.namespaceName = test;
        request.name = podinfo;
        request.action = FlaggerAction::Pause;
        const FlaggerActionResult result
            = FlaggerActionExecutor(&client, &unwritable, &m_access).run(request);
        QCOMPARE(result.result, AuditRecord::Result::Failed);
        QVERIFY2(result.message.startsWith(
                     QStringLiteral("Nothing was sent: the attempt could not be recorded.")),
                 qPrintable(result.message));
        QCOMPARE(writes(), QStringList());
        QVERIFY(!canary().spec.suspend);
    }

    // The window's way: ActionRunner runs the executor on its pool, the environment's context
    // and readOnly from its spec, and answers by signal with the ticket.
    void runnerRunsCanaryActions()
    {
        ActionRunner runner(m_kubeconfig, m_audit.get());
        EnvironmentSpec spec;
        spec.name = QStringLiteral("development");
        spec.context = dev;
        runner.setEnvironments({spec});
        QSignalSpy finished(&runner, &ActionRunner::canaryFinished);
        FlaggerActionRequest request;
        request.environment = spec.name;
        request.namespaceName = test;
        request.name = podinfo;
        request.action = FlaggerAction::Pause;
        const quint64 ticket = runner.submit(request);
        QVERIFY(finished.wait(20000));
        FlaggerActionResult result = finished.takeFirst().at(0).value<FlaggerActionResult>();
        QCOMPARE(result.ticket, ticket);
        QCOMPARE(result.request.context, dev);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QVERIFY(canary().spec.suspend);

        spec.readOnly = true;
        runner.setEnvironments({spec});
        request.action = FlaggerAction::Resume;
        runner.submit(request);
        QVERIFY(finished.wait(20000));
        result = finished.takeFirst().at(0).value<FlaggerActionResult>();
        QCOMPARE(result.result, AuditRecord::Result::Refused);
        QCOMPARE(result.message,
                 QStringLiteral("Read-only: canary-resume was not sent to test/podinfo."));
        QVERIFY(canary().spec.suspend);
    }

    void cleanupTestCase() { m_sim.reset(); }
};

QTEST_GUILESS_MAIN(TestFlaggerActionExecutor)
#include "tst_flaggeractionexecutor.moc"
