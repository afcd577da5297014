// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison section of the release report: this release against the previous one.
#include "releasecompare.h"
#include "releasereportbuilder.h"

#include <algorithm>

namespace {

int warningCount(const ReleaseTimeline &timeline)
{
    return int(
        std::count_if(timeline.events.cbegin(), timeline.events.cend(),
                      [](const ReleaseEvent &e) { return e.type == QLatin1String("Warning"); }));
}

int failedCount(const ReleaseTimeline &timeline)
{
    return int(std::count_if(timeline.measurements.cbegin(), timeline.measurements.cend(),
                             [](const ReleaseMeasurement &m) {
                                 return m.phase == QLatin1String("Failed")
                                     || m.phase == QLatin1String("Error");
                             }));
}

QString signedCount(int difference)
{
    return difference > 0 ? QStringLiteral("+%1").arg(difference)
        : difference < 0  ? QStringLiteral("−%1").arg(-difference)
                          : QStringLiteral("±0");
}

} // namespace

ReleaseReportSection ReleaseReportBuilder::comparisonSection() const
{
    const ReleaseSummary &p = m_previous->summary;
    ReleaseReportSection section {tr("Comparison with the previous release"), {}};
    section.blocks.append(
        paragraph(tr("Compared with revision %1, started %2 (%3).")
                      .arg(p.key.revision)
                      .arg(ReleaseCompare::timeText(p.startedAt), outcomeText(p.outcome))));
    section.blocks.append(table(comparisonOverview()));
    section.blocks.append(subheading(tr("Time per step")));
    section.blocks.append(tableOr(comparisonSteps(), tr("Neither release recorded steps.")));
    section.blocks.append(subheading(tr("Metrics")));
    section.blocks.append(
        tableOr(comparisonMetrics(), tr("Neither release recorded measurements.")));
    return section;
}

ReleaseReportTable ReleaseReportBuilder::comparisonOverview() const
{
    const ReleaseTimeline &now = m_timeline;
    const ReleaseTimeline &before = *m_previous;
    ReleaseReportTable t;
    t.headers = {tr("Measure"), tr("This release (revision %1)").arg(now.summary.key.revision),
                 tr("Previous (revision %1)").arg(before.summary.key.revision), tr("Difference")};
    const qint64 thisDuration = now.summary.durationMSecs();
    const qint64 previousDuration = before.summary.durationMSecs();
    t.rows.append({tr("Outcome"), outcomeText(now.summary.outcome),
                   outcomeText(before.summary.outcome), QString()});
    t.rows.append({tr("Duration"), ReleaseCompare::durationText(thisDuration),
                   ReleaseCompare::durationText(previousDuration),
                   thisDuration >= 0 && previousDuration >= 0
                       ? ReleaseCompare::differenceText(thisDuration - previousDuration)
                       : QStringLiteral("—")});
    const auto countRow = [&t](const QString &name, int a, int b) {
        t.rows.append({name, QString::number(a), QString::number(b), signedCount(a - b)});
    };
    countRow(tr("Measurements"), int(now.measurements.size()), int(before.measurements.size()));
    countRow(tr("Failed or errored measurements"), failedCount(now), failedCount(before));
    countRow(tr("Actions"), int(now.actions.size()), int(before.actions.size()));
    countRow(tr("Warning events"), warningCount(now), warningCount(before));
    return t;
}

ReleaseReportTable ReleaseReportBuilder::comparisonSteps() const
{
    const QMap<qint32, qint64> now = ReleaseCompare::stepDurations(m_timeline);
    const QMap<qint32, qint64> before = ReleaseCompare::stepDurations(*m_previous);
    QList<qint32> steps = now.keys();
    for (qint32 step : before.keys()) {
        if (!now.contains(step))
            steps.append(step);
    }
    std::sort(steps.begin(), steps.end());
    ReleaseReportTable t;
    t.headers = {tr("Step"), tr("This release"), tr("Previous"), tr("Difference")};
    for (qint32 step : std::as_const(steps)) {
        const qint64 a = now.value(step, -1);
        const qint64 b = before.value(step, -1);
        t.rows.append(
            {stepName(step), a >= 0 ? ReleaseCompare::durationText(a) : tr("not reached"),
             b >= 0 ? ReleaseCompare::durationText(b) : tr("not reached"),
             a >= 0 && b >= 0 ? ReleaseCompare::differenceText(a - b) : QStringLiteral("—")});
    }
    return t;
}

ReleaseReportTable ReleaseReportBuilder::comparisonMetrics() const
{
    using Summary = ReleaseCompare::MetricSummary;
    QMap<QString, Summary> now;
    QMap<QString, Summary> before;
    for (const Summary &s : ReleaseCompare::metricSummaries(m_timeline.measurements))
        now.insert(s.metric, s);
    for (const Summary &s : ReleaseCompare::metricSummaries(m_previous->measurements))
        before.insert(s.metric, s);
    QStringList metrics = now.keys() + before.keys();
    metrics.removeDuplicates();
    std::sort(metrics.begin(), metrics.end());
    // A metric with no numeric value shows its last value as recorded; one missing as "—".
    const auto mean = [](const QMap<QString, Summary> &map, const QString &metric) {
        const auto it = map.constFind(metric);
        return it == map.cend() || it->numeric == 0 ? QStringLiteral("—")
                                                    : ReleaseCompare::numberText(it->mean);
    };
    const auto last = [](const QMap<QString, Summary> &map, const QString &metric) {
        const auto it = map.constFind(metric);
        if (it == map.cend())
            return QStringLiteral("—");
        return it->numeric == 0 ? it->lastValue : ReleaseCompare::numberText(it->last);
    };
    ReleaseReportTable t;
    t.headers
        = {tr("Metric"),          tr("Mean (this)"),     tr("Last (this)"),
           tr("Mean (previous)"), tr("Last (previous)"), tr("Measurements (this / previous)")};
    for (const QString &metric : std::as_const(metrics)) {
        t.rows.append({metric, mean(now, metric), last(now, metric), mean(before, metric),
                       last(before, metric),
                       tr("%1 / %2")
                           .arg(now.value(metric).measurements)
                           .arg(before.value(metric).measurements)});
    }
    return t;
}
