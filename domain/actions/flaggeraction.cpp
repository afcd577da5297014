// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggeraction.h"

#include "flaggerstrategy.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace {

// Flagger asks the rollback gate in these phases only (scheduler.go), and the confirm-promotion
// gate only once an analysis runs: a gate opened in another phase would act on the next
// revision instead.
bool analysisRunsOrWaits(const FlaggerCanary &canary)
{
    return canary.isPhase("Progressing") || canary.isPhase("Waiting")
        || canary.isPhase("WaitingPromotion");
}

FlaggerActionPlan refused(const QString &reason)
{
    FlaggerActionPlan plan;
    plan.reason = reason;
    return plan;
}

QString phaseName(const FlaggerCanary &canary)
{
    return canary.status.phase.isEmpty() ? FlaggerActions::tr("none yet") : canary.status.phase;
}

FlaggerActionPlan suspendPlan(const FlaggerCanary &canary, bool suspend)
{
    if (canary.spec.suspend == suspend)
        return refused(suspend ? FlaggerActions::tr("The canary is already suspended.")
                               : FlaggerActions::tr("The canary is not suspended: Flagger is "
                                                    "reconciling it."));
    FlaggerActionPlan plan;
    plan.enabled = true;
    plan.patch = suspend ? QByteArrayLiteral(R"({"spec":{"suspend":true}})")
                         : QByteArrayLiteral(R"({"spec":{"suspend":false}})");
    return plan;
}

// The gating webhook an action switches: the first of `kinds` the analysis has.
std::optional<FlaggerGateWebhook> gateFor(const FlaggerCanary &canary,
                                          const QList<FlaggerGateKind> &kinds)
{
    for (FlaggerGateKind kind : kinds) {
        if (const std::optional<FlaggerWebhook> webhook = flaggerGateWebhook(canary, kind))
            return FlaggerGateWebhook {kind, *webhook};
    }
    return std::nullopt;
}

// The POST to the webhook's load tester: its /check endpoint's sibling `switchTo`.
FlaggerActionPlan gatePlan(const FlaggerCanary &canary, const FlaggerGateWebhook &gate,
                           const QString &switchTo)
{
    const QString type = flaggerGateWebhookType(gate.kind);
    const FlaggerGateEndpoint endpoint = parseLoadTesterUrl(gate.webhook.url);
    if (!endpoint.valid)
        return refused(FlaggerActions::tr("The %1 webhook %2 does not point at a load tester in "
                                          "the cluster: %3.")
                           .arg(type, gate.webhook.name, endpoint.invalidReason));
    if (!endpoint.isSwitchable())
        return refused(FlaggerActions::tr("The %1 webhook %2 calls %3, which answers the same "
                                          "whatever is sent: only a load tester's /check "
                                          "endpoint has a gate to switch.")
                           .arg(type, gate.webhook.name, endpoint.path));
    if (canary.spec.suspend)
        return refused(FlaggerActions::tr("The canary is suspended: Flagger asks no gate until it "
                                          "is resumed."));
    FlaggerActionPlan plan;
    plan.enabled = true;
    plan.endpoint = endpoint;
    plan.gatePath = endpoint.siblingPath(switchTo);
    // The load tester keys a gate by the canary's name and namespace, as Flagger's webhook
    // payload names them.
    plan.gateBody
        = QJsonDocument(QJsonObject {{QStringLiteral("name"), canary.metadata.name},
                                     {QStringLiteral("namespace"), canary.metadata.namespaceName}})
              .toJson(QJsonDocument::Compact);
    return plan;
}

FlaggerActionPlan promotePlan(const FlaggerCanary &canary)
{
    const std::optional<FlaggerGateWebhook> gate
        = gateFor(canary, {FlaggerGateKind::ConfirmPromotion});
    if (!gate)
        return refused(FlaggerActions::tr("This canary has no confirm-promotion webhook: Flagger "
                                          "promotes by itself when the analysis passes."));
    if (!canary.spec.suspend && !canary.isPhase("Progressing")
        && !canary.isPhase("WaitingPromotion"))
        return refused(FlaggerActions::tr("No analysis is running (phase %1): opening the "
                                          "promotion gate now would approve the next revision "
                                          "in advance.")
                           .arg(phaseName(canary)));
    return gatePlan(canary, *gate, QStringLiteral("open"));
}

FlaggerActionPlan haltPlan(const FlaggerCanary &canary)
{
    // After a rollback the load tester's rollback gate is still open (it keeps its gates until
    // told otherwise) and would roll back the next revision at once: that is the gate to close.
    if (canary.isPhase("Failed")) {
        if (const std::optional<FlaggerGateWebhook> rollback
            = gateFor(canary, {FlaggerGateKind::Rollback}))
            return gatePlan(canary, *rollback, QStringLiteral("close"));
    }
    const std::optional<FlaggerGateWebhook> gate
        = gateFor(canary,
                  {FlaggerGateKind::ConfirmPromotion, FlaggerGateKind::ConfirmTrafficIncrease,
                   FlaggerGateKind::ConfirmRollout});
    if (!gate)
        return refused(FlaggerActions::tr("This canary has no confirm-promotion, "
                                          "confirm-traffic-increase or confirm-rollout webhook: "
                                          "there is no gate to close."));
    return gatePlan(canary, *gate, QStringLiteral("close"));
}

FlaggerActionPlan rollbackPlan(const FlaggerCanary &canary)
{
    const std::optional<FlaggerGateWebhook> gate = gateFor(canary, {FlaggerGateKind::Rollback});
    if (!gate)
        return refused(FlaggerActions::tr("This canary has no rollback webhook: Flagger rolls "
                                          "back by itself only when its checks fail."));
    if (!canary.spec.suspend && !analysisRunsOrWaits(canary))
        return refused(FlaggerActions::tr("Flagger asks the rollback gate only while an analysis "
                                          "runs or waits (phase %1): opening it now would roll "
                                          "back the next revision as soon as it starts.")
                           .arg(phaseName(canary)));
    return gatePlan(canary, *gate, QStringLiteral("open"));
}

} // namespace

QList<FlaggerAction> FlaggerActions::all()
{
    return {FlaggerAction::Pause, FlaggerAction::Resume, FlaggerAction::Promote,
            FlaggerAction::Halt, FlaggerAction::Rollback};
}

QString FlaggerActions::id(FlaggerAction action)
{
    switch (action) {
    case FlaggerAction::Pause:
        return QStringLiteral("canary-pause");
    case FlaggerAction::Resume:
        return QStringLiteral("canary-resume");
    case FlaggerAction::Promote:
        return QStringLiteral("canary-promote");
    case FlaggerAction::Halt:
        return QStringLiteral("canary-halt");
    case FlaggerAction::Rollback:
        break;
    }
    return QStringLiteral("canary-rollback");
}

std::optional<FlaggerAction> FlaggerActions::fromId(const QString &text)
{
    for (FlaggerAction action : all()) {
        if (id(action) == text)
            return action;
    }
    return std::nullopt;
}

QString FlaggerActions::label(FlaggerAction action)
{
    switch (action) {
    case FlaggerAction::Pause:
        return tr("Suspend");
    case FlaggerAction::Resume:
        return tr("Resume");
    case FlaggerAction::Promote:
        return tr("Promote");
    case FlaggerAction::Halt:
        return tr("Close gate");
    case FlaggerAction::Rollback:
        break;
    }
    return tr("Roll back");
}

FlaggerActionPlan FlaggerActions::plan(FlaggerAction action, const FlaggerCanary &canary)
{
    switch (action) {
    case FlaggerAction::Pause:
        return suspendPlan(canary, true);
    case FlaggerAction::Resume:
        return suspendPlan(canary, false);
    case FlaggerAction::Promote:
        return promotePlan(canary);
    case FlaggerAction::Halt:
        return haltPlan(canary);
    case FlaggerAction::Rollback:
        break;
    }
    return rollbackPlan(canary);
}

ResourcePermission FlaggerActions::permission(const FlaggerActionPlan &plan)
{
    if (plan.isGate())
        return {QStringLiteral("create"), QString(), QStringLiteral("services"),
                QStringLiteral("proxy")};
    return {QStringLiteral("patch"), QStringLiteral("flagger.app"), QStringLiteral("canaries"),
            QString()};
}

QList<ResourcePermission> FlaggerActions::permissions()
{
    FlaggerActionPlan gate;
    gate.gatePath = QStringLiteral("/gate/open");
    return {permission(FlaggerActionPlan()), permission(gate)};
}

QString FlaggerActions::namespaceOf(const FlaggerActionPlan &plan, const FlaggerCanary &canary)
{
    return plan.isGate() ? plan.endpoint.namespaceName : canary.metadata.namespaceName;
}

FlaggerActionExpectation FlaggerActions::expectation(FlaggerAction action,
                                                     const FlaggerCanary &canary)
{
    FlaggerActionExpectation expectation;
    expectation.action = action;
    expectation.phaseBefore = canary.status.phase;
    const QString interval = canary.spec.analysis ? canary.spec.analysis->interval : QString();
    expectation.interval = interval.isEmpty() ? QStringLiteral("1m") : interval;
    switch (action) {
    case FlaggerAction::Pause:
    case FlaggerAction::Resume:
        expectation.observable = true;
        break;
    case FlaggerAction::Promote:
        // Opened during the analysis, the gate only lets a later check pass.
        expectation.observable = !canary.spec.suspend && canary.isPhase("WaitingPromotion");
        break;
    case FlaggerAction::Halt:
        break;
    case FlaggerAction::Rollback:
        expectation.observable = !canary.spec.suspend;
        break;
    }
    return expectation;
}

bool FlaggerActions::confirmed(const FlaggerActionExpectation &expectation,
                               const FlaggerCanary &canary)
{
    if (!expectation.observable)
        return false;
    switch (expectation.action) {
    case FlaggerAction::Pause:
        return canary.spec.suspend;
    case FlaggerAction::Resume:
        return !canary.spec.suspend;
    case FlaggerAction::Promote:
        return canary.isPhase("Promoting") || canary.isPhase("Finalising")
            || canary.isPhase("Succeeded");
    case FlaggerAction::Halt:
        return false;
    case FlaggerAction::Rollback:
        break;
    }
    return canary.isPhase("Failed");
}

QString FlaggerActions::sentText(const FlaggerActionExpectation &expectation)
{
    return tr("sent; Flagger acts on its next check (interval %1)").arg(expectation.interval);
}
