// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatejudge.h"

#include "chartvariables.h"
#include "durationparser.h"

#include <algorithm>
#include <cmath>

namespace {

// The points of one role's answer inside the window.
struct RoleData
{
    QString problem; // an Error's message
    int samples = 0;
    double mean = 0;
    double highest = 0;
    double lowest = 0;
};

RoleData roleData(const PromQueryResult &result, qint64 fromMs, qint64 toMs, const QString &role)
{
    RoleData data;
    if (!result.isOk()) {
        data.problem = GateJudge::tr("the %1 query failed: %2").arg(role, result.error.message);
        return data;
    }
    if (result.series.size() > 1) {
        data.problem = GateJudge::tr("the %1 query returned %2 series; a gate needs one "
                                     "(aggregate it with sum, avg or max)")
                           .arg(role)
                           .arg(result.series.size());
        return data;
    }
    double sum = 0;
    for (const PromSeries &series : result.series) {
        for (const PromSample &sample : series.samples) {
            if (sample.timestampMs < fromMs || sample.timestampMs > toMs
                || std::isnan(sample.value))
                continue;
            data.highest = data.samples == 0 ? sample.value : std::max(data.highest, sample.value);
            data.lowest = data.samples == 0 ? sample.value : std::min(data.lowest, sample.value);
            sum += sample.value;
            ++data.samples;
        }
    }
    data.mean = data.samples > 0 ? sum / data.samples : 0;
    return data;
}

QString fractionPercent(double fraction)
{
    return QStringLiteral("%1 %").arg(GateJudge::number(fraction * 100));
}

// The first bound the canary breaks, as the message of a Fail; empty when none.
QString brokenBound(const GateSpec &spec, double canary, const RoleData *stable)
{
    const QString value = GateJudge::number(canary);
    if (spec.max && canary > *spec.max)
        return GateJudge::tr("canary %1 is above the maximum %2")
            .arg(value, GateJudge::number(*spec.max));
    if (spec.min && canary < *spec.min)
        return GateJudge::tr("canary %1 is below the minimum %2")
            .arg(value, GateJudge::number(*spec.min));
    if (!stable)
        return QString();
    const double base = stable->mean;
    const QString stableText = GateJudge::number(base);
    const double change = base != 0 ? (canary - base) / std::fabs(base) : 0;
    if (spec.maxIncrease && canary > base + std::fabs(base) * *spec.maxIncrease) {
        if (base == 0)
            return GateJudge::tr("canary %1 is above stable 0 (at most %2 more allowed)")
                .arg(value, fractionPercent(*spec.maxIncrease));
        return GateJudge::tr("canary %1 is %2 above stable %3 (at most %4 allowed)")
            .arg(value, fractionPercent(change), stableText, fractionPercent(*spec.maxIncrease));
    }
    if (spec.maxDecrease && canary < base - std::fabs(base) * *spec.maxDecrease) {
        if (base == 0)
            return GateJudge::tr("canary %1 is below stable 0 (at most %2 less allowed)")
                .arg(value, fractionPercent(*spec.maxDecrease));
        return GateJudge::tr("canary %1 is %2 below stable %3 (at most %4 allowed)")
            .arg(value, fractionPercent(-change), stableText, fractionPercent(*spec.maxDecrease));
    }
    return QString();
}

} // namespace

QString GateJudge::number(double value)
{
    return QString::number(value, 'g', 4);
}

QString GateJudge::boundText(const GateSpec &spec)
{
    QStringList parts;
    if (spec.max)
        parts.append(tr("max %1").arg(number(*spec.max)));
    if (spec.min)
        parts.append(tr("min %1").arg(number(*spec.min)));
    if (spec.maxIncrease)
        parts.append(tr("stable + %1").arg(fractionPercent(*spec.maxIncrease)));
    if (spec.maxDecrease)
        parts.append(tr("stable − %1").arg(fractionPercent(*spec.maxDecrease)));
    return parts.join(QStringLiteral(", "));
}

bool GateJudge::queries(const GateSpec &spec, const ChartVariables &variables,
                        const QString &canaryHash, const QString &stableHash, GateQueries *out,
                        QString *error)
{
    ChartVariables canary = variables.withRole(QStringLiteral("canary"), canaryHash);
    canary.insert(spec.variables);
    if (!canary.substitute(spec.query, &out->canary, error))
        return false;
    out->stable.clear();
    if (!spec.isRelative())
        return true;
    ChartVariables stable = variables.withRole(QStringLiteral("stable"), stableHash);
    stable.insert(spec.variables);
    return stable.substitute(spec.query, &out->stable, error);
}

GateResult GateJudge::unjudged(const GateSpec &spec, GateOutcome outcome, const QString &message,
                               qint64 atMs)
{
    GateResult result;
    result.name = spec.name;
    result.source = GateResult::Source::Config;
    result.outcome = outcome;
    result.bound = boundText(spec);
    result.windowMs = spec.windowMs;
    result.stepMs = spec.stepMs;
    result.message = message;
    result.evaluatedAtMs = atMs;
    return result;
}

GateResult GateJudge::judge(const GateSpec &spec, const GateQueries &queries,
                            const PromQueryResult &canary, const PromQueryResult *stable,
                            qint64 atMs)
{
    GateResult result = unjudged(spec, GateOutcome::Inconclusive, QString(), atMs);
    result.query = queries.canary;
    result.stableQuery = queries.stable;
    const qint64 fromMs = atMs - spec.windowMs;
    const RoleData canaryData = roleData(canary, fromMs, atMs, tr("canary"));
    RoleData stableData;
    if (stable)
        stableData = roleData(*stable, fromMs, atMs, tr("stable"));
    result.samples = canaryData.samples;
    if (canaryData.samples > 0) {
        result.value = canaryData.mean;
        result.worstValue = spec.max || spec.maxIncrease ? canaryData.highest : canaryData.lowest;
    }
    if (stable) {
        result.stableSamples = stableData.samples;
        if (stableData.samples > 0)
            result.stableValue = stableData.mean;
    }
    const QString problem = !canaryData.problem.isEmpty() ? canaryData.problem : stableData.problem;
    const int required = spec.requiredSamples();
    const QString window = compactDuration(spec.windowMs);
    if (!problem.isEmpty()) {
        result.outcome = GateOutcome::Error;
        result.message = problem;
    } else if (canaryData.samples < required) {
        result.message = tr("too little data: %1 of the %n points the canary needs in the last "
                            "%2 had a value",
                            nullptr, required)
                             .arg(canaryData.samples)
                             .arg(window);
    } else if (stable && stableData.samples < required) {
        result.message = tr("too little data: %1 of the %n points the stable needs in the last "
                            "%2 had a value",
                            nullptr, required)
                             .arg(stableData.samples)
                             .arg(window);
    } else {
        const QString broken = brokenBound(spec, canaryData.mean, stable ? &stableData : nullptr);
        result.outcome = broken.isEmpty() ? GateOutcome::Pass : GateOutcome::Fail;
        result.message = broken.isEmpty()
            ? tr("canary %1 is within %2 (mean of %n points over %3)", nullptr, canaryData.samples)
                  .arg(number(canaryData.mean), result.bound, window)
            : broken;
    }
    return result;
}
