// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggerstrategy.h"

#include <algorithm>

FlaggerStrategy flaggerStrategy(const FlaggerCanary &canary)
{
    if (!canary.spec.analysis)
        return FlaggerStrategy::Canary;
    const FlaggerAnalysis &analysis = *canary.spec.analysis;
    if (analysis.matchCount > 0 && analysis.iterations > 0)
        return FlaggerStrategy::ABTesting;
    if (analysis.iterations > 0)
        return FlaggerStrategy::BlueGreen;
    return FlaggerStrategy::Canary;
}

bool usesMirroring(const FlaggerCanary &canary)
{
    return canary.spec.analysis && canary.spec.analysis->mirror
        && flaggerStrategy(canary) != FlaggerStrategy::ABTesting;
}

qint32 flaggerThreshold(const FlaggerCanary &canary)
{
    return canary.spec.analysis && canary.spec.analysis->threshold > 0
        ? canary.spec.analysis->threshold
        : 1;
}

qint32 flaggerIterations(const FlaggerCanary &canary)
{
    return canary.spec.analysis ? canary.spec.analysis->iterations : 0;
}

qint32 flaggerMaxWeight(const FlaggerAnalysis &analysis)
{
    if (!analysis.stepWeights.isEmpty())
        return std::min(flaggerTotalWeight, analysis.stepWeights.last());
    if (analysis.maxWeight > 0)
        return analysis.maxWeight;
    return flaggerTotalWeight;
}

namespace {

// Controller.nextStepWeight: how much the weight rises from canaryWeight.
// 64 bits: a hostile stepWeights entry near INT_MIN must not overflow the difference.
qint64 nextStepWeight(const FlaggerAnalysis &analysis, qint64 canaryWeight)
{
    const QList<qint32> &steps = analysis.stepWeights;
    if (analysis.stepWeight > 0 || steps.isEmpty())
        return analysis.stepWeight;
    const qint64 maxStep = flaggerTotalWeight - canaryWeight;
    if (maxStep == 0)
        return 1;
    if (canaryWeight == 0)
        return std::min<qint64>(maxStep, steps.first());
    for (qsizetype i = 0; i + 1 < steps.size(); ++i) {
        if (steps.at(i) == canaryWeight)
            return std::min<qint64>(maxStep, steps.at(i + 1) - canaryWeight);
    }
    return maxStep;
}

} // namespace

QList<qint32> flaggerWeightSchedule(const FlaggerCanary &canary)
{
    QList<qint32> weights;
    if (!canary.spec.analysis || flaggerStrategy(canary) != FlaggerStrategy::Canary)
        return weights;
    const FlaggerAnalysis &analysis = *canary.spec.analysis;
    const qint32 maxWeight = flaggerMaxWeight(analysis);
    qint32 weight = 0;
    // Every step rises by at least 1 and the weight stops at 100 (with a max weight above
    // it Flagger stays there and never promotes): at most 100 steps.
    while (weight < maxWeight && weight < flaggerTotalWeight) {
        const qint64 step = nextStepWeight(analysis, weight);
        if (step <= 0)
            break; // Flagger does not advance either (a descending stepWeights list)
        weight = qint32(std::min<qint64>(weight + step, flaggerTotalWeight));
        weights.append(weight);
    }
    return weights;
}

std::optional<FlaggerGateKind> flaggerGateKind(const QString &webhookType)
{
    for (FlaggerGateKind kind :
         {FlaggerGateKind::ConfirmRollout, FlaggerGateKind::ConfirmTrafficIncrease,
          FlaggerGateKind::ConfirmPromotion, FlaggerGateKind::Rollback}) {
        if (webhookType == flaggerGateWebhookType(kind))
            return kind;
    }
    return std::nullopt;
}

QString flaggerGateWebhookType(FlaggerGateKind kind)
{
    switch (kind) {
    case FlaggerGateKind::ConfirmRollout:
        return QStringLiteral("confirm-rollout");
    case FlaggerGateKind::ConfirmTrafficIncrease:
        return QStringLiteral("confirm-traffic-increase");
    case FlaggerGateKind::ConfirmPromotion:
        return QStringLiteral("confirm-promotion");
    case FlaggerGateKind::Rollback:
        return QStringLiteral("rollback");
    }
    return QString();
}

QList<FlaggerGateWebhook> flaggerGateWebhooks(const FlaggerCanary &canary)
{
    QList<FlaggerGateWebhook> gates;
    if (!canary.spec.analysis)
        return gates;
    for (const FlaggerWebhook &webhook : canary.spec.analysis->webhooks) {
        if (const std::optional<FlaggerGateKind> kind = flaggerGateKind(webhook.type))
            gates.append(FlaggerGateWebhook {*kind, webhook});
    }
    return gates;
}

std::optional<FlaggerWebhook> flaggerGateWebhook(const FlaggerCanary &canary, FlaggerGateKind kind)
{
    for (const FlaggerGateWebhook &gate : flaggerGateWebhooks(canary)) {
        if (gate.kind == kind)
            return gate.webhook;
    }
    return std::nullopt;
}
