// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggeranalysistext.h"

#include "durationparser.h"
#include "secretredaction.h"

#include <QRegularExpression>
#include <QStringList>

namespace {

constexpr qint64 defaultIntervalMs = 60 * 1000;
constexpr qint64 minimumIntervalMs = 10 * 1000;
const QString defaultMetricInterval = QStringLiteral("1m");
const QString arrow = QStringLiteral(" → ");
const QString ellipsis = QStringLiteral("…");

bool isBuiltIn(const FlaggerMetric &metric)
{
    return metric.name == QLatin1String("request-success-rate")
        || metric.name == QLatin1String("request-duration");
}

// What the built-ins measure: a percentage and milliseconds.
QString withUnit(const FlaggerMetric &metric, double value)
{
    const QString number = QString::number(value);
    if (metric.name == QLatin1String("request-success-rate"))
        return number + QLatin1Char('%');
    if (metric.name == QLatin1String("request-duration"))
        return number + QStringLiteral(" ms");
    return number;
}

QString weightText(qint32 weight)
{
    return QString::number(weight) + QLatin1Char('%');
}

} // namespace

QString FlaggerAnalysisText::strategy(const FlaggerCanary &canary)
{
    const bool mirrored = usesMirroring(canary);
    switch (flaggerStrategy(canary)) {
    case FlaggerStrategy::Canary:
        return mirrored ? tr("Canary with traffic mirroring") : tr("Canary");
    case FlaggerStrategy::BlueGreen:
        return mirrored ? tr("Blue/green with traffic mirroring") : tr("Blue/green");
    case FlaggerStrategy::ABTesting:
        return tr("A/B testing");
    }
    return QString();
}

QString FlaggerAnalysisText::interval(const FlaggerAnalysis &analysis)
{
    if (analysis.interval.isEmpty())
        return tr("Every %1 (default)").arg(compactDuration(defaultIntervalMs));
    const std::optional<qint64> nanos = parseGoDuration(analysis.interval);
    if (!nanos) {
        return tr("Every %1 (\"%2\" is not a duration)")
            .arg(compactDuration(defaultIntervalMs), analysis.interval);
    }
    const qint64 ms = *nanos / 1000000;
    if (ms < minimumIntervalMs) {
        return tr("Every %1 (%2 is below Flagger's minimum)")
            .arg(compactDuration(minimumIntervalMs), analysis.interval);
    }
    return tr("Every %1").arg(compactDuration(ms));
}

QString FlaggerAnalysisText::threshold(const FlaggerAnalysis &analysis)
{
    if (analysis.threshold <= 0)
        return tr("Rolls back at the first failed check (default)");
    if (analysis.threshold == 1)
        return tr("Rolls back at the first failed check");
    return tr("Rolls back after %n failed checks", nullptr, analysis.threshold);
}

QString FlaggerAnalysisText::progressDeadline(const FlaggerCanarySpec &spec)
{
    const QString deadline
        = compactDuration(qint64(spec.effectiveProgressDeadlineSeconds()) * 1000);
    return spec.progressDeadlineSeconds ? tr("Progress deadline %1").arg(deadline)
                                        : tr("Progress deadline %1 (default)").arg(deadline);
}

QString FlaggerAnalysisText::schedule(const QList<qint32> &weights)
{
    QStringList parts;
    if (weights.size() <= 4) {
        for (qint32 weight : weights)
            parts.append(weightText(weight));
    } else {
        parts = {weightText(weights.at(0)), weightText(weights.at(1)), ellipsis,
                 weightText(weights.last())};
    }
    return parts.join(arrow);
}

QString FlaggerAnalysisText::weights(const FlaggerCanary &canary)
{
    if (!canary.spec.analysis)
        return tr("No analysis: promoted without checks");
    const FlaggerAnalysis &analysis = *canary.spec.analysis;
    switch (flaggerStrategy(canary)) {
    case FlaggerStrategy::BlueGreen:
        return usesMirroring(canary)
            ? tr("%n iterations with mirrored traffic, then all traffic switched", nullptr,
                 analysis.iterations)
            : tr("%n iterations, then all traffic switched", nullptr, analysis.iterations);
    case FlaggerStrategy::ABTesting:
        return tr("%n iterations on requests matching %1 conditions, then promote", nullptr,
                  analysis.iterations)
            .arg(analysis.matchCount);
    case FlaggerStrategy::Canary:
        break;
    }
    const QList<qint32> steps = flaggerWeightSchedule(canary);
    if (steps.isEmpty())
        return tr("No weight step set: the canary does not advance");
    QString text = analysis.stepWeightPromotion > 0
        ? tr("%1, then promote in %2 steps")
              .arg(schedule(steps), weightText(analysis.stepWeightPromotion))
        : tr("%1, then promote").arg(schedule(steps));
    return usesMirroring(canary) ? tr("Mirrored traffic, then %1").arg(text) : text;
}

QString FlaggerAnalysisText::bound(const FlaggerMetric &metric)
{
    const QString &name = metric.name;
    if (metric.thresholdMin && metric.thresholdMax) {
        return tr("%1 between %2 and %3")
            .arg(name, withUnit(metric, *metric.thresholdMin),
                 withUnit(metric, *metric.thresholdMax));
    }
    if (metric.thresholdMin)
        return tr("%1 ≥ %2").arg(name, withUnit(metric, *metric.thresholdMin));
    if (metric.thresholdMax)
        return tr("%1 ≤ %2").arg(name, withUnit(metric, *metric.thresholdMax));
    // The deprecated threshold: a minimum for the success rate, a maximum for the others.
    if (metric.threshold && name == QLatin1String("request-success-rate"))
        return tr("%1 ≥ %2").arg(name, withUnit(metric, *metric.threshold));
    if (metric.threshold)
        return tr("%1 ≤ %2").arg(name, withUnit(metric, *metric.threshold));
    return tr("%1 (no threshold)").arg(name);
}

QString FlaggerAnalysisText::metric(const FlaggerMetric &metric, const QString &canaryNamespace)
{
    const QString interval = metric.interval.isEmpty() ? defaultMetricInterval : metric.interval;
    const QString checked = tr("%1 over %2").arg(bound(metric), interval);
    if (!metric.templateRef.name.isEmpty()) {
        const QString ns = metric.templateRef.namespaceName.isEmpty()
            ? canaryNamespace
            : metric.templateRef.namespaceName;
        return tr("%1 from template %2")
            .arg(checked, metric.templateRef.name + QLatin1Char('.') + ns);
    }
    if (!metric.query.isEmpty())
        return tr("%1 (query)").arg(checked);
    if (isBuiltIn(metric))
        return tr("%1 (built-in)").arg(checked);
    return tr("%1 (neither built-in, query nor template: Flagger fails it)").arg(checked);
}

QString FlaggerAnalysisText::webhook(const FlaggerWebhook &webhook)
{
    const QString &type = webhook.type;
    QString kind;
    if (flaggerGateKind(type))
        kind = tr("%1 gate").arg(type);
    else if (type.isEmpty() || type == QLatin1String("rollout"))
        kind = tr("rollout hook (every iteration)");
    else
        kind = tr("%1 hook").arg(type);
    return tr("%1: %2").arg(kind, shownUrl(webhook.url));
}

QString FlaggerAnalysisText::shownUrl(const QString &url)
{
    QString shown = SecretRedaction::url(url);
    const qsizetype query = shown.indexOf(QRegularExpression(QStringLiteral("[?#]")));
    if (query >= 0)
        shown = shown.left(query) + QStringLiteral("?\u2026");
    return shown;
}

QString FlaggerAnalysisText::alert(const FlaggerAlert &alert, const QString &canaryNamespace)
{
    const QString severity = alert.severity.isEmpty() ? QStringLiteral("info") : alert.severity;
    const QString ns = alert.providerRef.namespaceName.isEmpty() ? canaryNamespace
                                                                 : alert.providerRef.namespaceName;
    return tr("%1 (%2) through %3")
        .arg(alert.name, severity, alert.providerRef.name + QLatin1Char('.') + ns);
}
