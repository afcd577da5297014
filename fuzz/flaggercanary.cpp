// SPDX-License-Identifier: GPL-3.0-or-later
// The Flagger Canary and MetricTemplate decoders (issue 16) and what is derived from a canary:
// the first byte picks the kind and the shape (a list body, a watch event, one object), the
// rest is the body. Beyond not crashing, every decoded list and query stays within the
// decoder's bounds, the weight schedule within Flagger's 100 steps, and every derived text
// and load tester endpoint is computed.
#include "decoderinput.h"
#include "flaggeranalysistext.h"
#include "flaggergate.h"
#include "flaggerstatus.h"
#include "flaggerstrategy.h"

namespace {

constexpr qsizetype maxEntries = 200; // flaggercanarydecoder.cpp
constexpr qsizetype maxQuery = 64 * 1024;

void check(const FlaggerCanary &canary)
{
    RD_FUZZ_CHECK(canary.status.conditions.size() <= maxEntries);
    FlaggerStatus::phase(canary);
    FlaggerStatus::summary(canary);
    FlaggerStatus::stepString(canary);
    FlaggerStatus::wait(canary);
    const QList<qint32> weights = flaggerWeightSchedule(canary);
    RD_FUZZ_CHECK(weights.size() <= flaggerTotalWeight);
    for (qint32 weight : weights)
        RD_FUZZ_CHECK(weight > 0 && weight <= flaggerTotalWeight);
    FlaggerAnalysisText::strategy(canary);
    FlaggerAnalysisText::weights(canary);
    FlaggerAnalysisText::progressDeadline(canary.spec);
    if (!canary.spec.analysis)
        return;
    const FlaggerAnalysis &analysis = *canary.spec.analysis;
    RD_FUZZ_CHECK(analysis.metrics.size() <= maxEntries && analysis.webhooks.size() <= maxEntries
                  && analysis.alerts.size() <= maxEntries
                  && analysis.stepWeights.size() <= maxEntries);
    FlaggerAnalysisText::interval(analysis);
    FlaggerAnalysisText::threshold(analysis);
    const QString &ns = canary.metadata.namespaceName;
    for (const FlaggerMetric &metric : analysis.metrics) {
        RD_FUZZ_CHECK(metric.query.size() <= maxQuery);
        RD_FUZZ_CHECK(metric.templateVariables.size() <= maxEntries);
        FlaggerAnalysisText::metric(metric, ns);
    }
    for (const FlaggerWebhook &webhook : analysis.webhooks) {
        RD_FUZZ_CHECK(webhook.metadataKeys.size() <= maxEntries);
        FlaggerAnalysisText::webhook(webhook);
        const FlaggerGateEndpoint endpoint = parseLoadTesterUrl(webhook.url);
        RD_FUZZ_CHECK(endpoint.valid == endpoint.invalidReason.isEmpty());
        if (endpoint.isSwitchable())
            endpoint.proxyPath(endpoint.siblingPath(QStringLiteral("open")));
    }
    for (const FlaggerAlert &alert : analysis.alerts)
        FlaggerAnalysisText::alert(alert, ns);
    for (const FlaggerGateWebhook &gate : flaggerGateWebhooks(canary))
        RD_FUZZ_CHECK(flaggerGateKind(gate.webhook.type) == gate.kind);
}

void check(const FlaggerMetricTemplate &metricTemplate)
{
    RD_FUZZ_CHECK(metricTemplate.query.size() <= maxQuery);
}

} // namespace

RD_FUZZ_TARGET(data, size)
{
    return decodeEitherKind<FlaggerCanary, FlaggerMetricTemplate>(
        data, size, [](const auto &value) { check(value); });
}
