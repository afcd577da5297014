// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysisgates.h"

#include "analysischarts.h"
#include "metricdescription.h"

#include <cmath>

namespace {

int limitOf(const IntOrString &limit, int unset)
{
    if (limit.isInt())
        return limit.intValue;
    bool ok = false;
    const int value = limit.stringValue.toInt(&ok);
    return ok ? value : unset;
}

struct Counts
{
    int measured = 0; // finished measurements
    int failed = 0;
    int inconclusive = 0;
    int consecutiveErrors = 0;
    const Measurement *latest = nullptr;
};

Counts countUntil(const MetricResult &result, const QDateTime &at)
{
    Counts counts;
    for (const Measurement &m : result.measurements) {
        if (!m.finishedAt.isValid() || m.finishedAt > at)
            continue;
        ++counts.measured;
        counts.latest = &m;
        if (m.phase == QLatin1String("Error")) {
            ++counts.consecutiveErrors;
            continue;
        }
        counts.consecutiveErrors = 0;
        if (m.phase == QLatin1String("Failed"))
            ++counts.failed;
        else if (m.phase == QLatin1String("Inconclusive"))
            ++counts.inconclusive;
    }
    return counts;
}

// The metric's outcome from its finished measurements, by the controller's limits.
GateOutcome outcomeOf(const AnalysisMetric &metric, const Counts &counts, QString *message)
{
    const int failureLimit = limitOf(metric.failureLimit, MetricDescription::defaultFailureLimit);
    const int inconclusiveLimit
        = limitOf(metric.inconclusiveLimit, MetricDescription::defaultInconclusiveLimit);
    const int errorLimit
        = limitOf(metric.consecutiveErrorLimit, MetricDescription::defaultConsecutiveErrorLimit);
    if (counts.consecutiveErrors > errorLimit) {
        *message = AnalysisGates::tr("%n errors in a row, more than the limit of %1", nullptr,
                                     counts.consecutiveErrors)
                       .arg(errorLimit);
        return GateOutcome::Error;
    }
    if (counts.inconclusive > inconclusiveLimit) {
        *message = AnalysisGates::tr("%n inconclusive measurements, more than the limit of %1",
                                     nullptr, counts.inconclusive)
                       .arg(inconclusiveLimit);
        return GateOutcome::Inconclusive;
    }
    if (failureLimit >= 0 && counts.failed > failureLimit) {
        *message = AnalysisGates::tr("%n failed measurements, more than the limit of %1", nullptr,
                                     counts.failed)
                       .arg(failureLimit);
        return GateOutcome::Fail;
    }
    if (counts.measured == 0) {
        *message = AnalysisGates::tr("no measurement yet");
        return GateOutcome::Inconclusive;
    }
    *message = AnalysisGates::tr("running: %n measurements, within the limits so far", nullptr,
                                 counts.measured);
    return GateOutcome::Pass;
}

GateOutcome completedOutcome(const QString &phase)
{
    if (phase == QLatin1String("Successful"))
        return GateOutcome::Pass;
    if (phase == QLatin1String("Failed"))
        return GateOutcome::Fail;
    if (phase == QLatin1String("Error"))
        return GateOutcome::Error;
    return GateOutcome::Inconclusive;
}

QString conditions(const AnalysisMetric &metric)
{
    QStringList parts;
    if (!metric.successCondition.isEmpty())
        parts.append(AnalysisGates::tr("success: %1").arg(metric.successCondition));
    if (!metric.failureCondition.isEmpty())
        parts.append(AnalysisGates::tr("failure: %1").arg(metric.failureCondition));
    return parts.join(QStringLiteral("; "));
}

GateResult metricGate(const AnalysisRun &run, const AnalysisMetric &metric,
                      const MetricResult *result, const QDateTime &at)
{
    GateResult gate;
    gate.name = run.metadata.name + QLatin1Char('/') + metric.name;
    gate.source = GateResult::Source::Analysis;
    gate.bound = conditions(metric);
    gate.query = metric.provider.query.isEmpty() ? metric.provider.url : metric.provider.query;
    gate.evaluatedAtMs = at.toMSecsSinceEpoch();
    const MetricResult empty;
    const MetricResult &measured = result ? *result : empty;
    const Counts counts = countUntil(measured, at);
    gate.samples = counts.measured;
    if (counts.latest) {
        const double value = AnalysisCharts::measurementValue(counts.latest->value);
        if (!std::isnan(value))
            gate.value = value;
    }
    const bool completedBy = run.isCompleted() && result && run.completedAt.isValid()
        && run.completedAt <= at && counts.measured == measured.measurements.size();
    if (completedBy && !measured.phase.isEmpty() && measured.phase != QLatin1String("Running")
        && measured.phase != QLatin1String("Pending")) {
        gate.outcome = completedOutcome(measured.phase);
        gate.message = measured.message.isEmpty()
            ? AnalysisGates::tr("%1 after %n measurements", nullptr, counts.measured)
                  .arg(measured.phase)
            : measured.message;
        return gate;
    }
    gate.outcome = outcomeOf(metric, counts, &gate.message);
    return gate;
}

} // namespace

QList<GateResult> AnalysisGates::judge(const QList<AnalysisRun> &runs, const QString &canaryHash,
                                       const QDateTime &at)
{
    QList<GateResult> gates;
    if (canaryHash.isEmpty())
        return gates;
    for (const AnalysisRun &run : runs) {
        if (run.podTemplateHash() != canaryHash || !run.metadata.creationTimestamp.isValid()
            || run.metadata.creationTimestamp > at)
            continue;
        for (const AnalysisMetric &metric : run.metrics) {
            if (run.dryRunMetrics.contains(metric.name))
                continue;
            gates.append(metricGate(run, metric, run.metricResult(metric.name), at));
        }
    }
    return gates;
}
