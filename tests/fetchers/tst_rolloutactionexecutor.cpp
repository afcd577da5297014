// SPDX-License-Identifier: GPL-3.0-or-later
// Actions against the demo fleet in rd-sim: the exact requests, the controller state they
// lead to, refusals (state, permission, read-only), 403, 409 and 404 paths, and the audit.

#include "actionsimfixture.h"
#include "rolloutstatus.h"

#include <QFile>

class TestRolloutActionExecutor : public QObject
{
    Q_OBJECT

    ActionSimFixture m_fixture;
    DemoSim &m_sim = m_fixture.sim;

    RolloutActionResult run(const QString &context, const QString &ns, const QString &name,
                            RolloutAction action, bool readOnly = false, qint64 revision = 0)
    {
        return m_fixture.run(context, ns, name, action, readOnly, revision);
    }
    QStringList patches(const QString &cluster) { return m_fixture.patches(cluster); }
    Rollout rollout(const QString &cluster, const QString &ns, const QString &name)
    {
        return m_fixture.rollout(cluster, ns, name);
    }
    static QString merge() { return ActionSimFixture::merge(); }
    static QString path(const QString &ns, const QString &name, const char *sub = "")
    {
        return ActionSimFixture::path(ns, name, sub);
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.start(&error), qPrintable(error));
    }

    void pauseThenResume()
    {
        RolloutActionResult result = run(QStringLiteral("staging"), QStringLiteral("payments"),
                                         QStringLiteral("payments-api"), RolloutAction::Pause);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(result.user, QStringLiteral("admin"));
        QCOMPARE(patches(QStringLiteral("staging")),
                 QStringList {path(QStringLiteral("payments"), QStringLiteral("payments-api"))
                              + QLatin1Char('|') + merge()
                              + QStringLiteral("|{\"spec\":{\"paused\":true}}")});
        m_sim.step(1);
        Rollout now = rollout(QStringLiteral("staging"), QStringLiteral("payments"),
                              QStringLiteral("payments-api"));
        QVERIFY(now.spec.paused);
        // The generation the patch answered with, read by the domain decoder.
        QCOMPARE(result.expectation.generation, now.metadata.generation);
        QVERIFY(rolloutActionConfirmed(result.expectation, now));

        result = run(QStringLiteral("staging"), QStringLiteral("payments"),
                     QStringLiteral("payments-api"), RolloutAction::Resume);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(patches(QStringLiteral("staging")),
                 QStringList {path(QStringLiteral("payments"), QStringLiteral("payments-api"))
                              + QLatin1Char('|') + merge()
                              + QStringLiteral("|{\"spec\":{\"paused\":false}}")});
        m_sim.step(1);
        now = rollout(QStringLiteral("staging"), QStringLiteral("payments"),
                      QStringLiteral("payments-api"));
        QVERIFY(!now.spec.paused);
        QVERIFY(rolloutActionConfirmed(result.expectation, now));
        // Still waiting at its pause step: resume never skips a step.
        QCOMPARE(rolloutPhase(now).phase, QStringLiteral("Paused"));
    }

    void promoteLeavesTheIndefinitePause()
    {
        const Rollout before = rollout(QStringLiteral("staging"), QStringLiteral("payments"),
                                       QStringLiteral("payments-api"));
        QVERIFY(!before.status.pauseConditions.isEmpty());
        const RolloutActionResult result
            = run(QStringLiteral("staging"), QStringLiteral("payments"),
                  QStringLiteral("payments-api"), RolloutAction::Promote);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(
            patches(QStringLiteral("staging")),
            QStringList {path(QStringLiteral("payments"), QStringLiteral("payments-api"), "/status")
                         + QLatin1Char('|') + merge()
                         + QStringLiteral("|{\"status\":{\"pauseConditions\":null}}")});
        m_sim.step(2);
        const Rollout now = rollout(QStringLiteral("staging"), QStringLiteral("payments"),
                                    QStringLiteral("payments-api"));
        QVERIFY(rolloutActionConfirmed(result.expectation, now));
        QVERIFY(*now.status.currentStepIndex > *before.status.currentStepIndex);
    }

    void abortThenRetry()
    {
        const QString dev = QStringLiteral("dev");
        const QString shop = QStringLiteral("shop");
        const QString checkout = QStringLiteral("checkout");
        QVERIFY(!isFullyPromoted(rollout(dev, shop, checkout)));
        RolloutActionResult result = run(dev, shop, checkout, RolloutAction::Abort);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(patches(dev),
                 QStringList {path(shop, checkout, "/status") + QLatin1Char('|') + merge()
                              + QStringLiteral("|{\"status\":{\"abort\":true}}")});
        m_sim.step(2);
        Rollout now = rollout(dev, shop, checkout);
        QCOMPARE(rolloutPhase(now).phase, QStringLiteral("Degraded"));
        QVERIFY(rolloutActionConfirmed(result.expectation, now));

        result = run(dev, shop, checkout, RolloutAction::Retry);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(patches(dev),
                 QStringList {path(shop, checkout, "/status") + QLatin1Char('|') + merge()
                              + QStringLiteral("|{\"status\":{\"abort\":false}}")});
        m_sim.step(2);
        now = rollout(dev, shop, checkout);
        QVERIFY(!now.status.abort);
        QVERIFY(rolloutActionConfirmed(result.expectation, now));
        QCOMPARE(rolloutPhase(now).phase, QStringLiteral("Progressing"));
    }

    void refusedByTheStateSendsNothing()
    {
        const RolloutActionResult result = run(QStringLiteral("dev"), QStringLiteral("shop"),
                                               QStringLiteral("cart"), RolloutAction::Abort);
        QCOMPARE(result.result, AuditRecord::Result::Refused);
        QCOMPARE(result.message,
                 QStringLiteral("The rollout is fully promoted: there is no update to abort."));
        QCOMPARE(patches(QStringLiteral("dev")), QStringList());
    }

    void deployerMayNotPromote()
    {
        const RolloutActionResult result
            = run(QStringLiteral("prod-deployer"), QStringLiteral("payments"),
                  QStringLiteral("payments-gateway"), RolloutAction::Promote);
        QCOMPARE(result.result, AuditRecord::Result::Denied);
        QCOMPARE(result.user, QStringLiteral("deployer"));
        QCOMPARE(result.message,
                 QStringLiteral("You may not patch rollouts/status in namespace payments, so "
                                "promote cannot be sent (checked with a "
                                "SelfSubjectAccessReview)."));
        QCOMPARE(patches(QStringLiteral("prod")), QStringList());
    }

    void serverForbiddenNamesVerbAndResource()
    {
        FaultRule rule;
        rule.kind = FaultRule::Kind::Status;
        rule.status = 403;
        rule.method = QStringLiteral("PATCH");
        rule.path = QRegularExpression(QStringLiteral("/status$"));
        rule.remaining = 1;
        m_sim.cluster(QStringLiteral("prod")).faults().add(rule);
        const RolloutActionResult result
            = run(QStringLiteral("prod"), QStringLiteral("payments"),
                  QStringLiteral("payments-gateway"), RolloutAction::Abort);
        QCOMPARE(result.result, AuditRecord::Result::Denied);
        QCOMPARE(result.error.httpStatus, 403);
        QVERIFY2(result.message.startsWith(QStringLiteral(
                     "The server refused: you may not patch rollouts/status in namespace "
                     "payments.")),
                 qPrintable(result.message));
        QVERIFY(!rollout(QStringLiteral("prod"), QStringLiteral("payments"),
                         QStringLiteral("payments-gateway"))
                     .status.abort);
    }

    void conflictIsRetried()
    {
        FaultRule rule;
        rule.kind = FaultRule::Kind::Status;
        rule.status = 409;
        rule.method = QStringLiteral("PATCH");
        rule.remaining = 2;
        m_sim.cluster(QStringLiteral("staging")).faults().add(rule);
        const RolloutActionResult result
            = run(QStringLiteral("staging"), QStringLiteral("payments"),
                  QStringLiteral("payments-api"), RolloutAction::Pause);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        const QString pause = path(QStringLiteral("payments"), QStringLiteral("payments-api"))
            + QLatin1Char('|') + merge() + QStringLiteral("|{\"spec\":{\"paused\":true}}");
        QCOMPARE(patches(QStringLiteral("staging")), QStringList({pause, pause, pause}));
        run(QStringLiteral("staging"), QStringLiteral("payments"), QStringLiteral("payments-api"),
            RolloutAction::Resume);
    }

    void notFoundStatusFallsBackToTheObject()
    {
        FaultRule rule;
        rule.kind = FaultRule::Kind::Status;
        rule.status = 404;
        rule.method = QStringLiteral("PATCH");
        rule.path = QRegularExpression(QStringLiteral("/status$"));
        rule.remaining = 1;
        m_sim.cluster(QStringLiteral("staging")).faults().add(rule);
        const RolloutActionResult result
            = run(QStringLiteral("staging"), QStringLiteral("payments"),
                  QStringLiteral("payments-api"), RolloutAction::PromoteFull);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(
            patches(QStringLiteral("staging")),
            QStringList({path(QStringLiteral("payments"), QStringLiteral("payments-api"), "/status")
                             + QLatin1Char('|') + merge()
                             + QStringLiteral("|{\"status\":{\"promoteFull\":true}}"),
                         path(QStringLiteral("payments"), QStringLiteral("payments-api"))
                             + QLatin1Char('|') + merge()
                             + QStringLiteral("|{\"spec\":{\"paused\":false},\"status\":{"
                                              "\"promoteFull\":true}}")}));
    }

    void readOnlySendsNothing()
    {
        const RolloutActionResult result
            = run(QStringLiteral("prod"), QStringLiteral("shop"), QStringLiteral("checkout"),
                  RolloutAction::Retry, true);
        QCOMPARE(result.result, AuditRecord::Result::Refused);
        QCOMPARE(result.message, QStringLiteral("Read-only: retry was not sent to shop/checkout."));
        QCOMPARE(m_sim.takeRequests(QStringLiteral("prod")).size(), 0);
    }

    void undoRollsBackToThePreviousRevision()
    {
        const QString dev = QStringLiteral("dev");
        const QString shop = QStringLiteral("shop");
        const QString checkout = QStringLiteral("checkout");
        const RolloutActionResult result = run(dev, shop, checkout, RolloutAction::Undo);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        const QStringList sent = patches(dev);
        QCOMPARE(sent.size(), 1);
        QVERIFY2(sent.first().startsWith(path(shop, checkout)
                                         + QStringLiteral("|application/json-patch+json|[{\"op\":"
                                                          "\"replace\",\"path\":\"/spec/"
                                                          "template\",\"value\":{")),
                 qPrintable(sent.first()));
        QVERIFY(sent.first().contains(QStringLiteral("ghcr.io/acme/checkout:1.4.1")));
        QVERIFY(!sent.first().contains(QStringLiteral("rollouts-pod-template-hash")));
        m_sim.step(2);
        const Rollout now = rollout(dev, shop, checkout);
        QCOMPARE(now.spec.podTemplate.containers.value(0).image,
                 QStringLiteral("ghcr.io/acme/checkout:1.4.1"));
        QVERIFY(rolloutActionConfirmed(result.expectation, now));
    }

    void restartSendsThePluginsBody()
    {
        KubeClient client(m_sim.connection(QStringLiteral("dev")));
        RolloutActionRequest request;
        request.environment = request.context = QStringLiteral("dev");
        request.namespaceName = QStringLiteral("shop");
        request.name = QStringLiteral("cart");
        request.action = RolloutAction::Restart;
        request.restartAt = QDateTime(QDate(2026, 11, 25), QTime(20, 0, 5), Qt::UTC);
        m_sim.takeRequests(QStringLiteral("dev"));
        const RolloutActionResult result
            = RolloutActionExecutor(&client, m_fixture.audit.get(), &m_fixture.access).run(request);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(patches(QStringLiteral("dev")),
                 QStringList {path(QStringLiteral("shop"), QStringLiteral("cart"))
                              + QLatin1Char('|') + merge()
                              + QStringLiteral("|{\n\t\"spec\": {\n\t\t\"restartAt\": "
                                               "\"2026-11-25T20:00:05Z\"\n\t}\n}")});
    }

    // Runs last: every run above left an attempt and an outcome, and no credential.
    void zzAuditHoldsEveryAttemptAndNoSecret()
    {
        const AuditFile file = readAuditFile(m_fixture.audit->path());
        QCOMPARE(file.problems, QStringList());
        QCOMPARE(file.records.size(), 2 * 14);
        for (int i = 0; i < file.records.size(); i += 2) {
            const AuditRecord &attempt = file.records.at(i);
            const AuditRecord &outcome = file.records.at(i + 1);
            QCOMPARE(attempt.stage, AuditRecord::Stage::Attempt);
            QCOMPARE(outcome.stage, AuditRecord::Stage::Outcome);
            QCOMPARE(outcome.id, attempt.id);
            QVERIFY(outcome.result != AuditRecord::Result::None);
        }
        const AuditRecord &denied = file.records.at(2 * 6 + 1);
        QCOMPARE(denied.action, QStringLiteral("promote"));
        QCOMPARE(denied.user, QStringLiteral("deployer"));
        QCOMPARE(denied.userSource, QStringLiteral("SelfSubjectReview"));
        QCOMPARE(denied.result, AuditRecord::Result::Denied);
        QFile raw(m_fixture.audit->path());
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray text = raw.readAll();
        for (const char *secret :
             {"dev-admin-token", "staging-admin-token", "prod-admin-token", "PRIVATE KEY"})
            QVERIFY2(!text.contains(secret), secret);
    }
};

QTEST_GUILESS_MAIN(TestRolloutActionExecutor)
#include "tst_rolloutactionexecutor.moc"
