// SPDX-License-Identifier: GPL-3.0-or-later
#include "analysischarts.h"

#include "metricdescription.h"

#include "promresult.h"
#include "rolloutdetail.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

// `result`, `result[0]` or a conversion of either; not len(result), isNaN(result) or
// result[1] (a chart shows the first value, as the analysis compares it).
const QString operandPattern = QStringLiteral(
    "(?:(?<![\\w.])(?:asFloat|float|asInt|int)\\(\\s*result(?:\\s*\\[\\s*0\\s*\\])?\\s*\\)"
    "|(?<![\\w.])(?<!\\w\\()result(?:\\s*\\[\\s*0\\s*\\])?(?![\\w.\\[]))");
const QString numberPattern = QStringLiteral("[-+]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][-+]?\\d+)?");
const QString comparisonPattern = QStringLiteral("(<=|>=|<|>)(?!=)");

bool precededByArithmetic(const QString &text, qsizetype position)
{
    for (qsizetype i = position - 1; i >= 0; --i) {
        const QChar c = text.at(i);
        if (c.isSpace())
            continue;
        return QStringLiteral("+-*/%").contains(c);
    }
    return false;
}

bool followedByArithmetic(const QString &text, qsizetype position)
{
    for (qsizetype i = position; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (c.isSpace())
            continue;
        return QStringLiteral("+-*/%.").contains(c) || c.isLetterOrNumber() || c == u'_';
    }
    return false;
}

ChartThreshold::Comparison comparisonOf(const QString &op, bool mirrored)
{
    using C = ChartThreshold::Comparison;
    if (op == QLatin1String("<"))
        return mirrored ? C::Greater : C::Less;
    if (op == QLatin1String("<="))
        return mirrored ? C::GreaterOrEqual : C::LessOrEqual;
    if (op == QLatin1String(">"))
        return mirrored ? C::Less : C::Greater;
    return mirrored ? C::LessOrEqual : C::GreaterOrEqual;
}

QString runHash(const AnalysisRun &run)
{
    return rolloutsPodTemplateHash(run.metadata);
}

bool containsAny(const QString &text, std::initializer_list<const char *> words)
{
    return std::any_of(words.begin(), words.end(),
                       [&](const char *word) { return text.contains(QLatin1String(word)); });
}

} // namespace

namespace AnalysisCharts {

QString resolveArgs(const QString &text, const QList<AnalysisArg> &args)
{
    QString result = text;
    for (const AnalysisArg &arg : args) {
        if (arg.hasValueFrom && arg.value.isEmpty())
            continue; // a secret: never in the run's spec
        const QRegularExpression reference(QStringLiteral("\\{\\{\\s*args\\.%1\\s*\\}\\}")
                                               .arg(QRegularExpression::escape(arg.name)));
        result.replace(reference, arg.value);
    }
    return result;
}

QList<ChartThreshold> thresholds(const QString &condition, ChartThreshold::Source source)
{
    static const QRegularExpression valueFirst(
        QStringLiteral("(%1)\\s*%2\\s*(%3)").arg(operandPattern, comparisonPattern, numberPattern));
    static const QRegularExpression numberFirst(
        QStringLiteral("(?<![\\w.])(%1)\\s*%2\\s*(%3)")
            .arg(numberPattern, comparisonPattern, operandPattern));
    QList<std::pair<qsizetype, ChartThreshold>> found;
    for (const auto &[pattern, mirrored] :
         {std::pair {&valueFirst, false}, std::pair {&numberFirst, true}}) {
        QRegularExpressionMatchIterator it = pattern->globalMatch(condition);
        while (it.hasNext()) {
            const QRegularExpressionMatch m = it.next();
            if (precededByArithmetic(condition, m.capturedStart(0))
                || followedByArithmetic(condition, m.capturedEnd(0)))
                continue;
            const QString number = m.captured(mirrored ? 1 : 3);
            bool ok = false;
            const double value = number.toDouble(&ok);
            if (!ok)
                continue;
            ChartThreshold threshold;
            threshold.value = value;
            threshold.comparison = comparisonOf(m.captured(2), mirrored);
            threshold.source = source;
            threshold.text = m.captured(0).simplified();
            found.append({m.capturedStart(0), threshold});
        }
    }
    std::sort(found.begin(), found.end(),
              [](const auto &a, const auto &b) { return a.first < b.first; });
    QList<ChartThreshold> result;
    for (const auto &entry : std::as_const(found)) {
        const bool duplicate = std::any_of(result.cbegin(), result.cend(), [&](const auto &t) {
            return t.value == entry.second.value && t.comparison == entry.second.comparison;
        });
        if (!duplicate)
            result.append(entry.second);
    }
    return result;
}

ChartMeasurement::Phase measurementPhase(const QString &phase)
{
    if (phase == QLatin1String("Successful"))
        return ChartMeasurement::Phase::Successful;
    if (phase == QLatin1String("Failed"))
        return ChartMeasurement::Phase::Failed;
    if (phase == QLatin1String("Inconclusive"))
        return ChartMeasurement::Phase::Inconclusive;
    if (phase == QLatin1String("Error"))
        return ChartMeasurement::Phase::Error;
    return ChartMeasurement::Phase::Running;
}

double measurementValue(const QString &text)
{
    QString body = text.trimmed();
    if (body.startsWith(u'[') && body.endsWith(u']'))
        body = body.mid(1, body.size() - 2);
    body = body.section(u',', 0, 0).trimmed();
    const std::optional<double> value = parsePromValue(body);
    return value ? *value : std::numeric_limits<double>::quiet_NaN();
}

ChartUnit guessUnit(const QString &metricName, const QString &query)
{
    const auto guess = [](const QString &text, bool isQuery) -> std::optional<ChartUnit> {
        if (containsAny(text, {"_bytes", "memory"}))
            return ChartUnit::Bytes;
        if (text.contains(QLatin1String("cpu")))
            return ChartUnit::Cores;
        if (containsAny(text, {"error", "success", "availability", "ratio", "5.."}))
            return ChartUnit::Ratio;
        if (containsAny(text, {"latency", "duration", "quantile", "p99", "p95", "p90"})) {
            const bool seconds = isQuery && text.contains(QLatin1String("_seconds"));
            return seconds || text.contains(QLatin1String("seconds")) ? ChartUnit::Seconds
                                                                      : ChartUnit::Milliseconds;
        }
        if (containsAny(text, {"rate", "rps", "throughput", "requests"}))
            return ChartUnit::RequestsPerSecond;
        return std::nullopt;
    };
    const QString name = metricName.toLower();
    const QString promql = query.toLower();
    // The name first: it is what the author meant; queries get copied between metrics.
    if (const std::optional<ChartUnit> unit = guess(name, false)) {
        if (*unit == ChartUnit::Milliseconds && promql.contains(QLatin1String("_seconds")))
            return ChartUnit::Seconds;
        return *unit;
    }
    return guess(promql, true).value_or(ChartUnit::None);
}

// The runs of the revision being rolled out, or of the newest run's revision when it has
// none; newest first, as RolloutDetail keeps them.
static QList<const AnalysisRun *> revisionRuns(const RolloutDetail &detail, QString *revision)
{
    QString &revisionHash = *revision;
    revisionHash = detail.rollout.status.currentPodHash;
    const bool currentHasRuns
        = std::any_of(detail.analysisRuns.cbegin(), detail.analysisRuns.cend(),
                      [&](const AnalysisRun &run) { return runHash(run) == revisionHash; });
    if (!currentHasRuns && !detail.analysisRuns.isEmpty())
        revisionHash = runHash(detail.analysisRuns.first());
    QList<const AnalysisRun *> runs;
    for (const AnalysisRun &run : detail.analysisRuns) {
        if (runHash(run) == revisionHash)
            runs.append(&run);
    }
    return runs;
}

static bool isCharted(const AnalysisMetric &metric)
{
    return metric.provider.kind == QLatin1String("prometheus")
        && !metric.provider.query.trimmed().isEmpty();
}

QString unchartedNotice(const RolloutDetail &detail)
{
    QString revisionHash;
    QStringList kinds; // in the order the runs name them
    for (const AnalysisRun *run : revisionRuns(detail, &revisionHash)) {
        for (const AnalysisMetric &metric : run->metrics) {
            if (!isCharted(metric) && !kinds.contains(metric.provider.kind))
                kinds.append(metric.provider.kind);
        }
    }
    QStringList lines;
    for (const QString &kind : std::as_const(kinds)) {
        // A Prometheus metric without a query has nothing to re-run either.
        lines.append(
            kind == QLatin1String("prometheus")
                ? QCoreApplication::translate("AnalysisCharts",
                                              "Prometheus metrics without a query are not "
                                              "charted; the analysis lists their measurements.")
                : QCoreApplication::translate(
                      "AnalysisCharts",
                      "%1 metrics are not charted: the dashboard reads Prometheus only; "
                      "the analysis lists their measurements.")
                      .arg(MetricDescription::providerName(kind)));
    }
    return lines.join(QLatin1Char('\n'));
}

QList<ChartSpec> fromDetail(const RolloutDetail &detail)
{
    const RolloutStatus &status = detail.rollout.status;
    QString revisionHash;
    const QList<const AnalysisRun *> runs = revisionRuns(detail, &revisionHash);
    const bool canSplit = revisionHash == status.currentPodHash && !revisionHash.isEmpty()
        && !status.stableRS.isEmpty() && status.stableRS != revisionHash;

    QList<ChartSpec> charts;
    QSet<QString> seen;
    for (const AnalysisRun *run : std::as_const(runs)) {
        for (const AnalysisMetric &metric : run->metrics) {
            if (!isCharted(metric) || seen.contains(metric.name))
                continue;
            seen.insert(metric.name);
            ChartSpec chart;
            chart.id = QStringLiteral("analysis/") + metric.name;
            chart.origin = ChartSpec::Origin::Analysis;
            const bool dryRun = run->dryRunMetrics.contains(metric.name)
                || (run->metricResult(metric.name) && run->metricResult(metric.name)->dryRun);
            chart.title = dryRun
                ? QCoreApplication::translate("AnalysisCharts", "%1 (dry run)").arg(metric.name)
                : metric.name;
            const QString query = resolveArgs(metric.provider.query.trimmed(), run->args);
            chart.unit = guessUnit(metric.name, query);
            chart.query = query;
            // The canary's hash in the query is what lets the same query show the stable pods.
            if (canSplit && query.contains(revisionHash)) {
                chart.query.replace(revisionHash, QStringLiteral("{{hash}}"));
                chart.splitByRole = true;
            }
            chart.thresholds
                = thresholds(metric.successCondition, ChartThreshold::Source::SuccessCondition)
                + thresholds(metric.failureCondition, ChartThreshold::Source::FailureCondition);
            chart.description = QCoreApplication::translate(
                                    "AnalysisCharts", "Analysis metric %1 of AnalysisRun %2:\n%3")
                                    .arg(metric.name, run->metadata.name, query);
            for (const AnalysisRun *source : std::as_const(runs)) {
                const MetricResult *result = source->metricResult(metric.name);
                if (!result)
                    continue;
                for (const Measurement &measurement : result->measurements) {
                    const QDateTime time = measurement.finishedAt.isValid() ? measurement.finishedAt
                                                                            : measurement.startedAt;
                    if (!time.isValid())
                        continue;
                    chart.measurements.append({time.toMSecsSinceEpoch(),
                                               measurementValue(measurement.value),
                                               measurementPhase(measurement.phase),
                                               measurement.value, source->metadata.name});
                }
            }
            std::stable_sort(chart.measurements.begin(), chart.measurements.end(),
                             [](const ChartMeasurement &a, const ChartMeasurement &b) {
                                 return a.timeMs < b.timeMs;
                             });
            charts.append(chart);
        }
    }
    return charts;
}

} // namespace AnalysisCharts
