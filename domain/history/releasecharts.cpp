// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasecharts.h"

#include "analysischarts.h"
#include "releasecompare.h"

#include <QCoreApplication>
#include <QMap>

#include <algorithm>

namespace ReleaseCharts {

namespace {

constexpr qint64 minimumMarginMs = 2 * 60 * 1000;
constexpr qint64 hourMs = 3600 * 1000;

// The marker an observed or audited action draws, if any.
std::optional<ChartMarker> actionMarker(const ReleaseAction &action)
{
    ChartMarker marker;
    marker.timeMs = action.time.toMSecsSinceEpoch();
    marker.detail = action.user.isEmpty()
        ? action.message
        : QCoreApplication::translate("ReleaseCharts", "%1 by %2").arg(action.action, action.user);
    if (action.action == QLatin1String("pause")) {
        marker.kind = ChartMarker::Kind::Pause;
        marker.label = QCoreApplication::translate("ReleaseCharts", "paused");
    } else if (action.action == QLatin1String("resume")
               || action.action == QLatin1String("promote")) {
        marker.kind = ChartMarker::Kind::Resume;
        marker.label = QCoreApplication::translate("ReleaseCharts", "resumed");
    } else if (action.action == QLatin1String("abort")) {
        marker.kind = ChartMarker::Kind::Abort;
        marker.label = QCoreApplication::translate("ReleaseCharts", "aborted");
    } else {
        return std::nullopt;
    }
    return marker;
}

} // namespace

void window(const ReleaseSummary &release, qint64 nowMs, qint64 *startMs, qint64 *endMs)
{
    const QDateTime started
        = release.startedAt.isValid() ? release.startedAt : release.firstObservedAt;
    const qint64 end = release.endedAt.isValid() ? release.endedAt.toMSecsSinceEpoch() : nowMs;
    if (!started.isValid() || started.toMSecsSinceEpoch() >= end) {
        *endMs = std::min(end, nowMs);
        *startMs = *endMs - hourMs;
        return;
    }
    const qint64 start = started.toMSecsSinceEpoch();
    const qint64 margin = std::max(minimumMarginMs, (end - start) / 10);
    *startMs = start - margin;
    // Ended: the margin after it too. In progress: nothing after now is known yet.
    *endMs = release.endedAt.isValid() ? end + margin : end;
}

RolloutDetail detail(const ReleaseSummary &release, const QString &stableHash)
{
    RolloutDetail result;
    result.environment = release.key.environment;
    ObjectMeta &meta = result.rollout.metadata;
    meta.uid = release.key.workloadUid;
    meta.namespaceName = release.namespaceName;
    meta.name = release.workload;
    meta.annotations.insert(QStringLiteral("rollout.argoproj.io/revision"),
                            QString::number(release.key.revision));
    if (release.strategy == QLatin1String("BlueGreen"))
        result.rollout.spec.blueGreen = BlueGreenStrategy();
    else
        result.rollout.spec.canary = CanaryStrategy();
    result.rollout.status.currentPodHash = release.podTemplateHash;
    if (stableHash != release.podTemplateHash)
        result.rollout.status.stableRS = stableHash;
    return result;
}

QList<ChartSpec> recordedCharts(const ReleaseTimeline &timeline)
{
    QMap<QString, ChartSpec> charts; // by metric name: a stable order
    QMap<QString, qint64> newest;
    for (const ReleaseMeasurement &measurement : timeline.measurements) {
        const QList<double> numbers = ReleaseCompare::measurementNumbers(measurement.value);
        const QDateTime time = ReleaseCompare::measurementTime(measurement);
        if (numbers.isEmpty() || !time.isValid())
            continue; // nothing to place on a value axis
        ChartSpec &chart = charts[measurement.metric];
        if (chart.id.isEmpty()) {
            chart.id = QStringLiteral("recorded/") + measurement.metric;
            chart.title = QCoreApplication::translate("ReleaseCharts", "%1 (recorded)")
                              .arg(measurement.metric);
            chart.origin = ChartSpec::Origin::Analysis;
            chart.unit = AnalysisCharts::guessUnit(measurement.metric, QString());
            chart.description = QCoreApplication::translate(
                                    "ReleaseCharts",
                                    "What analysis metric %1 measured during the release, as "
                                    "recorded then")
                                    .arg(measurement.metric);
        }
        const qint64 timeMs = time.toMSecsSinceEpoch();
        chart.measurements.append({timeMs, numbers.first(),
                                   AnalysisCharts::measurementPhase(measurement.phase),
                                   measurement.value, measurement.analysisRun});
        if (timeMs >= newest.value(measurement.metric, 0)) {
            newest.insert(measurement.metric, timeMs);
            chart.thresholds = AnalysisCharts::thresholds(measurement.successCondition,
                                                          ChartThreshold::Source::SuccessCondition)
                + AnalysisCharts::thresholds(measurement.failureCondition,
                                             ChartThreshold::Source::FailureCondition);
        }
    }
    QList<ChartSpec> result;
    for (ChartSpec &chart : charts) {
        std::stable_sort(chart.measurements.begin(), chart.measurements.end(),
                         [](const ChartMeasurement &a, const ChartMeasurement &b) {
                             return a.timeMs < b.timeMs;
                         });
        result.append(chart);
    }
    return result;
}

QList<ChartMarker> markers(const ReleaseTimeline &timeline)
{
    const ReleaseSummary &release = timeline.summary;
    QList<ChartMarker> result;
    if (release.startedAt.isValid())
        result.append(
            {release.startedAt.toMSecsSinceEpoch(), ChartMarker::Kind::Revision,
             QCoreApplication::translate("ReleaseCharts", "rev %1").arg(release.key.revision),
             release.displayName(), -1, release.key.revision});
    // What was done: an audited attempt that was denied, refused or failed changed nothing.
    for (const ReleaseAction &action : actionsSeenOnce(timeline.actions)) {
        const bool done = action.source == ReleaseAction::Source::Observed
            || action.result == QLatin1String("succeeded");
        if (const std::optional<ChartMarker> marker = actionMarker(action);
            marker && done && action.time.isValid())
            result.append(*marker);
    }
    if (release.endedAt.isValid() && release.outcome == ReleaseOutcome::Promoted)
        result.append({release.endedAt.toMSecsSinceEpoch(), ChartMarker::Kind::Promotion,
                       QCoreApplication::translate("ReleaseCharts", "promoted"), QString(), -1,
                       release.key.revision});
    else if (release.endedAt.isValid() && release.outcome == ReleaseOutcome::Aborted)
        result.append({release.endedAt.toMSecsSinceEpoch(), ChartMarker::Kind::Abort,
                       QCoreApplication::translate("ReleaseCharts", "aborted"), QString(), -1, 0});
    std::stable_sort(result.begin(), result.end(), [](const ChartMarker &a, const ChartMarker &b) {
        return a.timeMs < b.timeMs;
    });
    return result;
}

} // namespace ReleaseCharts
