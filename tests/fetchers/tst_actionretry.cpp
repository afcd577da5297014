// SPDX-License-Identifier: GPL-3.0-or-later
// An action's own retry policy against rd-sim's faults: a write is never repeated when the
// server may have applied it, 429 is retried, a Retry-After past the deadline ends the
// action at once, each send is in the result and the audit, and the wait is announced.
#include "actionretry.h"
#include "actionsimfixture.h"

#include <QElapsedTimer>

class TestActionRetry : public QObject
{
    Q_OBJECT

    ActionSimFixture m_fixture;

    FaultRule fault(const char *method, int status, int retryAfterSeconds)
    {
        FaultRule rule;
        rule.kind = FaultRule::Kind::Status;
        rule.method = QLatin1String(method);
        rule.path = QRegularExpression(QStringLiteral("/rollouts/payments-api$"));
        rule.status = status;
        rule.retryAfterSeconds = retryAfterSeconds;
        rule.remaining = 1;
        return rule;
    }
    void inject(const FaultRule &rule)
    {
        m_fixture.sim.cluster(QStringLiteral("staging")).faults().add(rule);
    }

    RolloutActionResult pause(QStringList *progress = nullptr)
    {
        return m_fixture.run(QStringLiteral("staging"), QStringLiteral("payments"),
                             QStringLiteral("payments-api"), RolloutAction::Pause, false, 0,
                             [progress](RolloutActionExecutor &executor) {
                                 if (progress)
                                     executor.setProgress([progress](const QString &text) {
                                         progress->append(text);
                                     });
                             });
    }
    bool paused()
    {
        return m_fixture
            .rollout(QStringLiteral("staging"), QStringLiteral("payments"),
                     QStringLiteral("payments-api"))
            .spec.paused;
    }
    void resume()
    {
        m_fixture.run(QStringLiteral("staging"), QStringLiteral("payments"),
                      QStringLiteral("payments-api"), RolloutAction::Resume);
    }
    QString pausePatch() const
    {
        return ActionSimFixture::path(QStringLiteral("payments"), QStringLiteral("payments-api"))
            + QLatin1Char('|') + ActionSimFixture::merge()
            + QStringLiteral("|{\"spec\":{\"paused\":true}}");
    }

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_fixture.start(&error), qPrintable(error));
        QVERIFY(!paused());
    }

    void writeIsNotRepeatedAfterA5xx()
    {
        inject(fault("PATCH", 503, 0));
        const RolloutActionResult result = pause();
        QCOMPARE(result.result, AuditRecord::Result::Failed);
        QCOMPARE(m_fixture.patches(QStringLiteral("staging")), QStringList {pausePatch()});
        QCOMPARE(result.responses, QList<int> {503});
        QVERIFY2(result.message.endsWith(QStringLiteral(
                     "It was not sent again: the server may have applied it. Look at the rollout "
                     "before you try again.")),
                 qPrintable(result.message));
        QVERIFY(!paused());
    }

    void writeIsRetriedAfter429()
    {
        inject(fault("PATCH", 429, 1));
        QStringList progress;
        const RolloutActionResult result = pause(&progress);
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(m_fixture.patches(QStringLiteral("staging")),
                 QStringList({pausePatch(), pausePatch()}));
        QCOMPARE(result.requests.size(), 2);
        QCOMPARE(result.responses, QList<int>({429, 200}));
        QCOMPARE(progress.size(), 1);
        QVERIFY2(progress.first().contains(
                     QStringLiteral("Trying again in 1 s (attempt 2 of 3; gives up at ")),
                 qPrintable(progress.first()));
        // The audit counts both sends.
        const AuditFile file = readAuditFile(m_fixture.audit->path());
        const AuditRecord &outcome = file.records.last();
        QCOMPARE(outcome.requests.size(), 2);
        QCOMPARE(outcome.responses, QList<int>({429, 200}));
        m_fixture.sim.step(1);
        QVERIFY(paused());
        resume();
        m_fixture.sim.step(1);
    }

    void retryAfterPastTheDeadlineEndsAtOnce()
    {
        inject(fault("GET", 503, 30));
        QElapsedTimer timer;
        timer.start();
        const RolloutActionResult result = pause();
        QVERIFY(timer.elapsed() < 5000);
        QCOMPARE(result.result, AuditRecord::Result::Failed);
        QVERIFY2(result.message.endsWith(QStringLiteral(
                     "The server asked to wait 30 s (Retry-After), past this action's deadline: "
                     "not retried. Try again later.")),
                 qPrintable(result.message));
        QCOMPARE(m_fixture.patches(QStringLiteral("staging")), QStringList());
    }

    void readIsRetried()
    {
        FaultRule rule = fault("GET", 503, 0);
        rule.remaining = 2;
        inject(rule);
        const RolloutActionResult result = pause();
        QVERIFY2(result.succeeded(), qPrintable(result.message));
        QCOMPARE(result.responses, QList<int> {200});
        m_fixture.sim.step(1);
        resume();
        m_fixture.sim.step(1);
    }

    void kubeClientNeverRepeatsAWriteOn5xx()
    {
        // Whoever uses KubeClient's own retries (informers, the CLI's reads): a PATCH with a
        // 503 and Retry-After is not sent again, a GET is.
        inject(fault("PATCH", 503, 0));
        KubeClient client(m_fixture.sim.connection(QStringLiteral("staging")));
        client.setRetryPolicy(5, 1);
        m_fixture.sim.takeRequests(QStringLiteral("staging"));
        const KubeResponse patched = client.patch(
            ActionSimFixture::path(QStringLiteral("payments"), QStringLiteral("payments-api")),
            PatchType::Merge, "{\"metadata\":{\"labels\":{\"x\":\"y\"}}}");
        QCOMPARE(patched.error.httpStatus, 503);
        QCOMPARE(m_fixture.patches(QStringLiteral("staging")).size(), 1);
    }

    void policyDecisions()
    {
        const QDateTime start = QDateTime::currentDateTimeUtc();
        const ActionRetry retry(ActionRetryPolicy(), start);
        NetError reset;
        reset.kind = NetError::Kind::Network;
        reset.curlCode = 56; // CURLE_RECV_ERROR: sent, answer lost
        QVERIFY(!retry.decide(ActionRetry::Request::Write, reset, 1, start).retry);
        QVERIFY(retry.decide(ActionRetry::Request::Read, reset, 1, start).retry);
        NetError refused;
        refused.kind = NetError::Kind::Network;
        refused.curlCode = 7; // CURLE_COULDNT_CONNECT: nothing sent
        QVERIFY(retry.decide(ActionRetry::Request::Write, refused, 1, start).retry);
        QCOMPARE(retry.decide(ActionRetry::Request::Write, refused, 2, start).delayMs, 2000);
        QVERIFY(!retry.decide(ActionRetry::Request::Write, refused, 3, start).retry);
        NetError conflict;
        conflict.kind = NetError::Kind::Conflict;
        QVERIFY(!retry.decide(ActionRetry::Request::Read, conflict, 1, start).retry);
        QVERIFY(!retry.decide(ActionRetry::Request::Read, reset, 1, start.addSecs(25)).retry);
    }
};

QTEST_GUILESS_MAIN(TestActionRetry)
#include "tst_actionretry.moc"
