// SPDX-License-Identifier: GPL-3.0-or-later
// FlaggerActions on hand-built canaries: which gate each action switches and where its POST
// goes, the refusals with their reasons, the permissions, and when the canary can show the
// effect.
#include "flaggeraction.h"

#include <QTest>

namespace {

FlaggerWebhook webhook(const char *type, const char *url)
{
    FlaggerWebhook hook;
    hook.type = QLatin1String(type);
    hook.name = QStringLiteral("gate");
    hook.url = QLatin1String(url);
    return hook;
}

FlaggerCanary canary(const QList<FlaggerWebhook> &webhooks, const char *phase = "Progressing")
{
    FlaggerCanary c;
    c.metadata.name = QStringLiteral("podinfo");
    c.metadata.namespaceName = QStringLiteral("test");
    c.status.phase = QLatin1String(phase);
    FlaggerAnalysis analysis;
    analysis.webhooks = webhooks;
    c.spec.analysis = analysis;
    return c;
}

} // namespace

class TestFlaggerActions : public QObject
{
    Q_OBJECT

private slots:
    void idsRoundTrip()
    {
        for (FlaggerAction action : FlaggerActions::all())
            QCOMPARE(FlaggerActions::fromId(FlaggerActions::id(action)), action);
        QCOMPARE(FlaggerActions::fromId(QStringLiteral("pause")), std::nullopt);
    }

    void suspendPatches()
    {
        FlaggerCanary c = canary({});
        FlaggerActionPlan plan = FlaggerActions::plan(FlaggerAction::Pause, c);
        QVERIFY(plan.enabled);
        QVERIFY(!plan.isGate());
        QCOMPARE(plan.patch, QByteArray(R"({"spec":{"suspend":true}})"));
        QCOMPARE(FlaggerActions::permission(plan).displayName(), QStringLiteral("patch canaries"));
        QCOMPARE(FlaggerActions::namespaceOf(plan, c), QStringLiteral("test"));
        QVERIFY(!FlaggerActions::plan(FlaggerAction::Resume, c).enabled);
        c.spec.suspend = true;
        QCOMPARE(FlaggerActions::plan(FlaggerAction::Resume, c).patch,
                 QByteArray(R"({"spec":{"suspend":false}})"));
        QCOMPARE(FlaggerActions::plan(FlaggerAction::Pause, c).reason,
                 QStringLiteral("The canary is already suspended."));
    }

    void promoteOpensTheConfirmPromotionGate()
    {
        // The load tester in another namespace, on an https port: the proxy path says so.
        const FlaggerCanary c
            = canary({webhook("confirm-rollout", "http://flagger-loadtester.test/gate/approve"),
                      webhook("confirm-promotion",
                              "https://loadtester.tools.svc.cluster.local:8443/gate/check")},
                     "WaitingPromotion");
        const FlaggerActionPlan plan = FlaggerActions::plan(FlaggerAction::Promote, c);
        QVERIFY2(plan.enabled, qPrintable(plan.reason));
        QCOMPARE(plan.endpoint.proxyPath(plan.gatePath),
                 QStringLiteral(
                     "/api/v1/namespaces/tools/services/https:loadtester:8443/proxy/gate/open"));
        QCOMPARE(plan.gateBody, QByteArray(R"({"name":"podinfo","namespace":"test"})"));
        QCOMPARE(FlaggerActions::permission(plan).displayName(),
                 QStringLiteral("create services/proxy"));
        QCOMPARE(FlaggerActions::namespaceOf(plan, c), QStringLiteral("tools"));
    }

    void gatesThatCannotBeSwitched()
    {
        FlaggerCanary c
            = canary({webhook("confirm-promotion", "http://flagger-loadtester.test/gate/halt")});
        QCOMPARE(FlaggerActions::plan(FlaggerAction::Promote, c).reason,
                 QStringLiteral("The confirm-promotion webhook gate calls /gate/halt, which "
                                "answers the same whatever is sent: only a load tester's /check "
                                "endpoint has a gate to switch."));
        c = canary({webhook("rollback", "http://10.0.0.7/rollback/check")});
        const QString reason = FlaggerActions::plan(FlaggerAction::Rollback, c).reason;
        QVERIFY2(reason.startsWith(QStringLiteral(
                     "The rollback webhook gate does not point at a load tester in the cluster: ")),
                 qPrintable(reason));
        c = canary({webhook("rollback", "http://flagger-loadtester.test/rollback/check")});
        c.spec.suspend = true;
        QCOMPARE(FlaggerActions::plan(FlaggerAction::Rollback, c).reason,
                 QStringLiteral("The canary is suspended: Flagger asks no gate until it is "
                                "resumed."));
        c.spec.suspend = false;
        c.status.phase = QStringLiteral("Succeeded");
        QVERIFY(
            FlaggerActions::plan(FlaggerAction::Rollback, c)
                .reason.startsWith(QStringLiteral("Flagger asks the rollback gate only while")));
        QCOMPARE(FlaggerActions::plan(FlaggerAction::Halt, c).reason,
                 QStringLiteral("This canary has no confirm-promotion, confirm-traffic-increase "
                                "or confirm-rollout webhook: there is no gate to close."));
    }

    void haltClosesTheFirstGatingWebhook()
    {
        const FlaggerCanary c
            = canary({webhook("confirm-rollout", "http://flagger-loadtester.test/gate/check"),
                      webhook("rollback", "http://flagger-loadtester.test/rollback/check")},
                     "Waiting");
        const FlaggerActionPlan plan = FlaggerActions::plan(FlaggerAction::Halt, c);
        QVERIFY2(plan.enabled, qPrintable(plan.reason));
        QCOMPARE(plan.gatePath, QStringLiteral("/gate/close"));
        QCOMPARE(FlaggerActions::plan(FlaggerAction::Rollback, c).gatePath,
                 QStringLiteral("/rollback/open"));
        // Rolled back: the load tester's rollback gate is still open and would roll back the
        // next revision at once; that is the one Close gate closes.
        const FlaggerCanary failed
            = canary({webhook("confirm-rollout", "http://flagger-loadtester.test/gate/check"),
                      webhook("rollback", "http://flagger-loadtester.test/rollback/check")},
                     "Failed");
        QCOMPARE(FlaggerActions::plan(FlaggerAction::Halt, failed).gatePath,
                 QStringLiteral("/rollback/close"));
    }

    void whatTheCanaryShows()
    {
        FlaggerCanary c = canary({}, "Progressing");
        c.spec.analysis->interval = QStringLiteral("30s");
        FlaggerActionExpectation promote = FlaggerActions::expectation(FlaggerAction::Promote, c);
        // Opened during the analysis: only a later check passes, nothing to see yet.
        QVERIFY(!promote.observable);
        QCOMPARE(FlaggerActions::sentText(promote),
                 QStringLiteral("sent; Flagger acts on its next check (interval 30s)"));
        c.status.phase = QStringLiteral("WaitingPromotion");
        promote = FlaggerActions::expectation(FlaggerAction::Promote, c);
        QVERIFY(promote.observable);
        QVERIFY(!FlaggerActions::confirmed(promote, c));
        c.status.phase = QStringLiteral("Promoting");
        QVERIFY(FlaggerActions::confirmed(promote, c));
        c.status.phase = QStringLiteral("Failed");
        QVERIFY(!FlaggerActions::confirmed(promote, c));
        const FlaggerActionExpectation rollback
            = FlaggerActions::expectation(FlaggerAction::Rollback, c);
        QVERIFY(FlaggerActions::confirmed(rollback, c));
        QVERIFY(!FlaggerActions::expectation(FlaggerAction::Halt, c).observable);
        c.spec.analysis.reset();
        QCOMPARE(FlaggerActions::expectation(FlaggerAction::Halt, c).interval,
                 QStringLiteral("1m"));
    }
};

QTEST_GUILESS_MAIN(TestFlaggerActions)
#include "tst_flaggeractions.moc"
