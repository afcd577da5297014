// SPDX-License-Identifier: GPL-3.0-or-later
#include "stepdescription.h"

#include <cmath>

#include "durationparser.h"

// Numerus texts: the English catalog (translations/release-dashboard_en.ts) says "1 replica",
// and every language gets its own plural rules.
QString StepDescription::replicas(qint32 n)
{
    return tr("%n replicas", nullptr, n);
}

QString StepDescription::templates(qsizetype n)
{
    return tr("%n templates", nullptr, int(n));
}

QString StepDescription::metrics(qsizetype n)
{
    return tr("%n metrics", nullptr, int(n));
}

QString StepDescription::percent(qint32 percent)
{
    return tr("%1 %").arg(percent);
}

QString StepDescription::duration(qint64 seconds)
{
    if (seconds <= 0)
        return tr("%1s").arg(seconds < 0 ? seconds : 0);
    const qint64 h = seconds / 3600;
    const qint64 m = seconds % 3600 / 60;
    const qint64 s = seconds % 60;
    QString text;
    if (h > 0)
        text += tr("%1h").arg(h);
    if (m > 0)
        text += tr("%1m").arg(m);
    if (s > 0)
        text += tr("%1s").arg(s);
    return text;
}

QString StepDescription::countdown(qint64 msecs)
{
    // Rounded up: a countdown that shows "0s" while time is left looks stuck.
    const qint64 seconds = msecs <= 0 ? 0 : (msecs + 999) / 1000;
    const qint64 h = seconds / 3600;
    const qint64 m = seconds % 3600 / 60;
    const qint64 s = seconds % 60;
    // Minutes and seconds keep two digits after a larger unit, so the text does not jitter
    // in width while it counts down.
    if (h > 0)
        return tr("%1h %2m %3s")
            .arg(h)
            .arg(m, 2, 10, QLatin1Char('0'))
            .arg(s, 2, 10, QLatin1Char('0'));
    if (m > 0)
        return tr("%1m %2s").arg(m).arg(s, 2, 10, QLatin1Char('0'));
    return tr("%1s").arg(s);
}

QString StepDescription::analysisTemplates(const RolloutAnalysis &analysis)
{
    QStringList names;
    for (const AnalysisTemplateRef &ref : analysis.templates)
        names.append(ref.templateName);
    if (names.isEmpty())
        return tr("(none)");
    return names.join(QStringLiteral(", "));
}

QString StepDescription::step(const RolloutStep &step)
{
    // The same precedence as canaryStepString, so the two never describe different members.
    if (step.setWeight)
        return tr("Set weight %1").arg(percent(*step.setWeight));
    if (step.hasPause) {
        if (!step.pauseDuration.isSet())
            return tr("Pause until promoted");
        const std::optional<qint64> seconds = durationSeconds(step.pauseDuration);
        if (!seconds || *seconds < 0)
            return tr("Pause (invalid duration: %1)").arg(step.pauseDuration.toString());
        return tr("Pause %1").arg(duration(*seconds));
    }
    if (step.experiment) {
        const ExperimentStep &experiment = *step.experiment;
        const QString count = templates(experiment.templates.size());
        if (experiment.duration.isEmpty())
            return tr("Experiment: %1").arg(count);
        const std::optional<qint64> seconds
            = durationSeconds(IntOrString::fromString(experiment.duration));
        const QString length = seconds ? duration(*seconds) : experiment.duration;
        return tr("Experiment: %1, %2").arg(count, length);
    }
    if (step.analysis)
        return tr("Analysis: %1").arg(analysisTemplates(*step.analysis));
    if (step.setCanaryScale) {
        const SetCanaryScale &scale = *step.setCanaryScale;
        if (scale.weight)
            return tr("Set canary scale: %1").arg(percent(*scale.weight));
        if (scale.matchTrafficWeight)
            return tr("Set canary scale: match traffic weight");
        if (scale.replicas)
            return tr("Set canary scale: %1").arg(replicas(*scale.replicas));
    }
    if (step.hasHeaderRoute)
        return tr("Header route: %1").arg(step.routeName);
    if (step.hasMirrorRoute) {
        if (step.mirrorPercentage)
            return tr("Mirror route: %1 (%2)").arg(step.routeName, percent(*step.mirrorPercentage));
        return tr("Mirror route: %1").arg(step.routeName);
    }
    if (step.hasPlugin)
        return tr("Plugin: %1").arg(step.routeName);
    return tr("Invalid step");
}

QString StepDescription::prePromotionAnalysis(const RolloutAnalysis &analysis)
{
    return tr("Pre-promotion analysis: %1").arg(analysisTemplates(analysis));
}

QString StepDescription::postPromotionAnalysis(const RolloutAnalysis &analysis)
{
    return tr("Post-promotion analysis: %1").arg(analysisTemplates(analysis));
}

QString StepDescription::backgroundAnalysis(const CanaryStrategy &canary)
{
    const QString templates = analysisTemplates(canary.backgroundAnalysis);
    if (canary.backgroundAnalysisStartingStep && *canary.backgroundAnalysisStartingStep > 0)
        return tr("Background analysis: %1, from step %2")
            .arg(templates)
            .arg(*canary.backgroundAnalysisStartingStep + 1);
    return tr("Background analysis: %1").arg(templates);
}

QString StepDescription::autoPromotion(const BlueGreenStrategy &blueGreen)
{
    if (!blueGreen.isAutoPromotionEnabled())
        return tr("Auto-promotion disabled: promote by hand");
    if (blueGreen.autoPromotionSeconds <= 0)
        return tr("Auto-promotion as soon as the preview is ready");
    return tr("Auto-promotion after %1").arg(duration(blueGreen.autoPromotionSeconds));
}

namespace {

// Four significant digits: providers write a float's full precision ("0.0019844782560148526"),
// which says no more to a person than 0.001984. Anything that is not a number stays as sent.
QString roundedNumber(const QString &text)
{
    bool ok = false;
    const double number = text.toDouble(&ok);
    if (!ok || !std::isfinite(number))
        return text;
    return QString::number(number, 'g', 4);
}

} // namespace

QString StepDescription::measurementValue(const Measurement &measurement)
{
    const QString value = measurement.value.trimmed();
    if (value.isEmpty())
        return QStringLiteral("\u2013");
    if (!value.startsWith(QLatin1Char('[')) || !value.endsWith(QLatin1Char(']')))
        return roundedNumber(value);
    const QString inner = value.mid(1, value.size() - 2).trimmed();
    if (inner.isEmpty())
        return QString();
    QStringList elements = inner.split(QLatin1Char(','));
    for (QString &element : elements)
        element = roundedNumber(element.trimmed());
    if (elements.size() == 1)
        return elements.first();
    return QLatin1Char('[') + elements.join(QStringLiteral(", ")) + QLatin1Char(']');
}

QString StepDescription::latestValues(const MetricResult &metric, int count)
{
    QStringList values;
    for (auto it = metric.measurements.crbegin();
         it != metric.measurements.crend() && values.size() < count; ++it) {
        if (it->phase == QLatin1String("Running") || it->phase == QLatin1String("Pending"))
            continue; // not measured yet
        values.prepend(measurementValue(*it));
    }
    return values.join(QStringLiteral(", "));
}

QString StepDescription::metricCounts(const MetricResult &metric)
{
    QStringList parts;
    if (metric.successful > 0)
        parts.append(tr("%1 successful").arg(metric.successful));
    if (metric.failed > 0)
        parts.append(tr("%1 failed").arg(metric.failed));
    if (metric.inconclusive > 0)
        parts.append(tr("%1 inconclusive").arg(metric.inconclusive));
    if (metric.error > 0)
        parts.append(tr("%n errors", nullptr, metric.error));
    if (parts.isEmpty())
        return tr("No measurements yet");
    return parts.join(QStringLiteral(", "));
}

QString StepDescription::metricFailureMessage(const MetricResult &metric, const AnalysisRun &run)
{
    if (!isFailedPhase(metric.phase) && metric.phase != QLatin1String("Inconclusive"))
        return QString();
    if (!metric.message.isEmpty())
        return metric.message;
    for (auto it = metric.measurements.crbegin(); it != metric.measurements.crend(); ++it) {
        if (!it->message.isEmpty())
            return it->message;
    }
    return run.message;
}

QString StepDescription::runSummary(const AnalysisRun &run)
{
    if (run.metricResults.isEmpty())
        return tr("No metrics yet");
    int successful = 0, running = 0, pending = 0, inconclusive = 0, failed = 0, error = 0;
    int dryRun = 0;
    for (const MetricResult &metric : run.metricResults) {
        if (metric.dryRun)
            ++dryRun;
        if (metric.phase == QLatin1String("Successful"))
            ++successful;
        else if (metric.phase == QLatin1String("Running"))
            ++running;
        else if (metric.phase == QLatin1String("Inconclusive"))
            ++inconclusive;
        else if (metric.phase == QLatin1String("Failed"))
            ++failed;
        else if (metric.phase == QLatin1String("Error"))
            ++error;
        else
            ++pending;
    }
    QStringList parts;
    if (successful > 0)
        parts.append(tr("%1 successful").arg(successful));
    if (running > 0)
        parts.append(tr("%1 running").arg(running));
    if (pending > 0)
        parts.append(tr("%1 pending").arg(pending));
    if (inconclusive > 0)
        parts.append(tr("%1 inconclusive").arg(inconclusive));
    if (failed > 0)
        parts.append(tr("%1 failed").arg(failed));
    if (error > 0)
        parts.append(tr("%n errors", nullptr, error));
    if (dryRun > 0)
        parts.append(tr("%1 dry run").arg(dryRun));
    return tr("%1: %2").arg(metrics(run.metricResults.size()), parts.join(QStringLiteral(", ")));
}

bool StepDescription::isFailedPhase(const QString &phase)
{
    return phase == QLatin1String("Failed") || phase == QLatin1String("Error");
}
