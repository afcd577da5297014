// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flaggercanary.h"

#include <QList>
#include <QString>

#include <optional>

// What Flagger derives from a canary's spec, computed as its controller does
// (pkg/apis/flagger/v1beta1/canary.go, pkg/controller/scheduler.go): pure functions of the
// value, for the fleet table, the detail view and the actions.

enum class FlaggerStrategy {
    Canary, // progressive traffic shifting by weight
    BlueGreen, // iterations: all traffic switched after the analysis
    ABTesting, // iterations and match[]: only matching requests reach the canary
};

// Canary.DeploymentStrategy(): match and iterations are A/B testing, iterations alone
// blue/green, anything else (also no analysis) a canary.
FlaggerStrategy flaggerStrategy(const FlaggerCanary &canary);
// analysis.mirror on a canary (one mirrored step before the traffic shifts) or a blue/green
// (mirrored during the whole analysis); A/B testing never mirrors.
bool usesMirroring(const FlaggerCanary &canary);

// Canary.GetAnalysisThreshold(): analysis.threshold, at least 1 (also without analysis).
qint32 flaggerThreshold(const FlaggerCanary &canary);
// analysis.iterations, 0 without analysis.
qint32 flaggerIterations(const FlaggerCanary &canary);

// Flagger's total weight: the primary's and the canary's weights add up to it.
constexpr qint32 flaggerTotalWeight = 100;
// Controller.maxWeight(): the last of stepWeights (at most 100), else maxWeight, else 100.
qint32 flaggerMaxWeight(const FlaggerAnalysis &analysis);
// The canary weights in the order Flagger sets them, the promotion following the last
// (Controller.nextStepWeight and runCanary): stepWeight increments while below the max
// weight, capped at 100 ("stepWeight 30, maxWeight 50" gives 30, 60), else the stepWeights;
// empty for blue/green, A/B testing, no analysis or no positive step. At most 100 entries,
// however hostile the spec.
QList<qint32> flaggerWeightSchedule(const FlaggerCanary &canary);

// The webhooks that hold or end a run until someone acts.
enum class FlaggerGateKind {
    ConfirmRollout, // before the canary is scaled up: phase Waiting
    ConfirmTrafficIncrease, // before each weight increase
    ConfirmPromotion, // before promotion: phase WaitingPromotion
    Rollback, // polled while Progressing or Waiting: a 2xx rolls the canary back
};
// The gate a webhook type is, nullopt for the others (pre-rollout, rollout, post-rollout,
// event).
std::optional<FlaggerGateKind> flaggerGateKind(const QString &webhookType);
// The webhook type of a gate ("confirm-promotion").
QString flaggerGateWebhookType(FlaggerGateKind kind);

struct FlaggerGateWebhook
{
    FlaggerGateKind kind = FlaggerGateKind::ConfirmRollout;
    FlaggerWebhook webhook;

    bool operator==(const FlaggerGateWebhook &o) const
    {
        return kind == o.kind && webhook == o.webhook;
    }
    bool operator!=(const FlaggerGateWebhook &o) const { return !(*this == o); }
};
// The analysis' gating webhooks in spec order.
QList<FlaggerGateWebhook> flaggerGateWebhooks(const FlaggerCanary &canary);
// The first gating webhook of that kind, nullopt without one.
std::optional<FlaggerWebhook> flaggerGateWebhook(const FlaggerCanary &canary, FlaggerGateKind kind);
