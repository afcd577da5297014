// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricsplan.h"

#include "analysischarts.h"
#include "builtincharts.h"
#include "detailstyle.h"

#include <QCoreApplication>
#include <QDateTime>

#include <algorithm>

namespace MetricsPlan {

namespace {

constexpr qint64 hourMs = 3600 * 1000;
// Live refresh no more often than this, however fine the step: a 15-minute window at 1 s
// resolution would otherwise ask for every chart every second.
constexpr qint64 minimumLiveIntervalMs = 5000;

QString labelsText(const StringMap &labels)
{
    QStringList parts;
    for (const auto &[name, value] : labels) {
        if (name != QLatin1String("__name__"))
            parts.append(QStringLiteral("%1=\"%2\"").arg(name, value));
    }
    return parts.isEmpty() ? QString() : QLatin1Char('{') + parts.join(u',') + QLatin1Char('}');
}

// When the revision on screen started: its ReplicaSet's creation, else the rollout's.
qint64 revisionStart(const RolloutDetail &detail)
{
    const QString hash = detail.rollout.status.currentPodHash;
    for (const ReplicaSet &replicaSet : detail.replicaSets) {
        if (!hash.isEmpty() && replicaSet.podTemplateHash() == hash
            && replicaSet.metadata.creationTimestamp.isValid())
            return replicaSet.metadata.creationTimestamp.toMSecsSinceEpoch();
    }
    const QDateTime created = detail.rollout.metadata.creationTimestamp;
    return created.isValid() ? created.toMSecsSinceEpoch() : 0;
}

} // namespace

void Window::bounds(const RolloutDetail &detail, qint64 nowMs, qint64 *startMs, qint64 *endMs) const
{
    if (custom) {
        *startMs = customStart;
        *endMs = customEnd;
        return;
    }
    if (absolute) {
        *startMs = absoluteStart;
        *endMs = absoluteEnd;
        return;
    }
    *endMs = live || frozenEnd == 0 ? nowMs : frozenEnd;
    const qint64 duration = RolloutMetricsView::rangeDurationMs(range);
    if (duration > 0) {
        *startMs = *endMs - duration;
        return;
    }
    const qint64 start = revisionStart(detail);
    if (start <= 0 || start >= *endMs) {
        *startMs = *endMs - hourMs;
        return;
    }
    // A margin before the revision starts, so its first markers stand clear of the axis and
    // the stable revision's level just before is in view.
    *startMs = start - std::max<qint64>(15 * 1000, (*endMs - start) / 20);
}

QList<ChartSpec> charts(const RolloutDetail &detail, const QList<ChartSpec> &configured)
{
    QList<ChartSpec> charts = AnalysisCharts::fromDetail(detail);
    QList<ChartSpec> others;
    for (const ChartSpec &chart : configured) {
        if (chart.appliesTo(detail.environment))
            others.append(chart);
    }
    if (configured.isEmpty())
        others = BuiltinCharts::defaults();
    return charts + others;
}

// What makes a chart's queries differ (not its measurements or thresholds).
bool sameQueries(const QList<ChartSpec> &a, const QList<ChartSpec> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const ChartSpec &x = a.at(i);
        const ChartSpec &y = b.at(i);
        if (x.id != y.id || x.query != y.query || x.splitByRole != y.splitByRole
            || x.templated != y.templated || x.variables != y.variables)
            return false;
    }
    return true;
}

bool sameVariables(const ChartVariables &a, const ChartVariables &b)
{
    const QStringList names = a.names();
    return names == b.names()
        && std::all_of(names.cbegin(), names.cend(),
                       [&](const QString &name) { return a.value(name) == b.value(name); });
}

QList<Part> partsOf(const ChartSpec &chart, const RolloutDetail &detail)
{
    if (!chart.splitByRole)
        return {Part()};
    const RolloutStatus &status = detail.rollout.status;
    const bool blueGreen = detail.rollout.isBlueGreen();
    // Stable first: lines drawn later lie on top, and the canary is what is being judged
    // (equal values show as the canary's line over the stable one).
    QList<Part> parts;
    const QString stableHash = status.stableRS;
    if (!stableHash.isEmpty()) {
        Part stable;
        // The legend, hover and CSV say the role in the user's language.
        stable.roleKey = blueGreen ? QStringLiteral("active") : QStringLiteral("stable");
        stable.name = !chart.stableName.isEmpty() ? chart.stableName
                                                  : DetailStyle::roleName(stable.roleKey);
        stable.role = ChartSeries::Role::Stable;
        stable.hash = stableHash;
        parts.append(stable);
    }
    // A fully promoted rollout has only its stable pods.
    if (!status.currentPodHash.isEmpty() && status.currentPodHash != stableHash) {
        Part canary;
        canary.roleKey = blueGreen ? QStringLiteral("preview") : QStringLiteral("canary");
        canary.name = DetailStyle::roleName(canary.roleKey);
        canary.role = ChartSeries::Role::Canary;
        canary.hash = status.currentPodHash;
        parts.append(canary);
    }
    return parts;
}

bool queryOf(const ChartSpec &chart, const Part &part, const ChartVariables &variables,
             QString *query, QString *error)
{
    *query = chart.query;
    if (!chart.templated)
        return true;
    ChartVariables values
        = chart.splitByRole ? variables.withRole(part.roleKey, part.hash) : variables;
    values.insert(chart.variables);
    return values.substitute(chart.query, query, error);
}

QString queryKey(const RolloutDetail &detail, const QString &chartId, qsizetype part)
{
    const QString prefix = QStringList {detail.environment, detail.rollout.metadata.namespaceName,
                                        detail.rollout.metadata.name}
                               .join(u'/');
    return QStringLiteral("%1/%2#%3").arg(prefix, chartId).arg(part);
}

qint64 liveIntervalMs(const QHash<QString, QueryStep::Range> &plans)
{
    qint64 step = 0;
    for (const QueryStep::Range &range : plans)
        step = step == 0 ? range.stepMs : std::min(step, range.stepMs);
    return std::max(minimumLiveIntervalMs, step);
}

void answer(Part *part, const ChartSpec *chart, const MetricQueryResult &result)
{
    part->answered = true;
    part->warnings = result.result.warnings;
    if (!result.result.isOk()) {
        part->error = result.result.error.message;
        return;
    }
    part->error.clear();
    part->series.clear();
    const PromQueryResult &answer = result.result;
    for (const PromSeries &series : answer.series) {
        ChartSeries data;
        const QString labels = answer.series.size() > 1 ? labelsText(series.labels) : QString();
        if (!part->name.isEmpty())
            data.name = labels.isEmpty() ? part->name : part->name + QLatin1Char(' ') + labels;
        else
            data.name = labels.isEmpty() && chart ? chart->title : labels;
        data.role = part->role;
        data.samples = series.samples;
        data.stepMs = answer.stepMs > 0 ? answer.stepMs : result.request.stepMs;
        part->series.append(data);
    }
}

ChartView chartView(const QList<Part> &parts)
{
    ChartView view;
    QStringList errors;
    QStringList warnings;
    bool answered = true;
    qsizetype samples = 0;
    for (const Part &part : parts) {
        view.series += part.series;
        for (const ChartSeries &s : part.series)
            samples += s.samples.size();
        if (!part.error.isEmpty())
            errors.append(part.name.isEmpty() ? part.error
                                              : part.name + QStringLiteral(": ") + part.error);
        for (const QString &warning : part.warnings)
            warnings.append(
                QCoreApplication::translate("MetricsController", "Prometheus warning: %1")
                    .arg(warning));
        answered = answered && part.answered;
    }
    if (!errors.isEmpty()) {
        view.message = errors.join(QLatin1Char('\n'));
        view.isError = true;
    } else if (samples == 0) {
        // MetricsController's context: the strings were its own and are translated so.
        view.message = answered
            ? QCoreApplication::translate("MetricsController", "No data in this range")
            : QCoreApplication::translate("MetricsController", "Loading…");
    } else {
        view.message = warnings.join(QLatin1Char('\n'));
    }
    return view;
}

} // namespace MetricsPlan
