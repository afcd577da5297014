// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasereportbuilder.h"

#include "releasecompare.h"
#include "releasegates.h"
#include "releasesafetynets.h"

#include <algorithm>

namespace {

// Rows in time order whatever order the recorder kept; no time sorts first (stable).
template<typename T, typename TimeOf> QList<T> byTime(QList<T> list, TimeOf timeOf)
{
    std::stable_sort(list.begin(), list.end(),
                     [&](const T &a, const T &b) { return timeOf(a) < timeOf(b); });
    return list;
}

QString weightPercent(qint32 weight)
{
    return QStringLiteral("%1 %").arg(weight);
}

} // namespace

ReleaseReportBuilder::ReleaseReportBuilder(const ReleaseTimeline &timeline,
                                           const ReleaseTimeline *previous) :
    m_timeline(timeline), m_previous(previous)
{ }

ReleaseReport ReleaseReportBuilder::build() const
{
    ReleaseReport report;
    report.title = title();
    report.sections = {summarySection(),
                       timelineSection(),
                       stepsSection(),
                       gatesSection(),
                       ReleaseSafetyNetsReport::section(m_timeline.safetyNets),
                       analysisSection(),
                       actionsSection(),
                       eventsSection()};
    if (m_previous)
        report.sections.append(comparisonSection());
    return report;
}

QString ReleaseReportBuilder::outcomeText(ReleaseOutcome outcome)
{
    switch (outcome) {
    case ReleaseOutcome::InProgress:
        return tr("in progress");
    case ReleaseOutcome::Promoted:
        return tr("promoted");
    case ReleaseOutcome::Aborted:
        return tr("aborted");
    case ReleaseOutcome::Superseded:
        return tr("superseded");
    case ReleaseOutcome::Deleted:
        return tr("deleted");
    }
    return QString();
}

QString ReleaseReportBuilder::actorText(const ReleaseAction &action)
{
    // Another client's action is only seen as its effect: nobody is known.
    if (action.source == ReleaseAction::Source::Observed || action.user.isEmpty())
        return tr("observed");
    return action.user;
}

QString ReleaseReportBuilder::stepName(qint32 step)
{
    return step < 0 ? tr("no step") : tr("step %1").arg(step);
}

QString ReleaseReportBuilder::title() const
{
    const ReleaseSummary &s = m_timeline.summary;
    return tr("Release report: %1 revision %2 in %3")
        .arg(s.workload.isEmpty() ? tr("(unnamed workload)") : s.workload)
        .arg(s.key.revision)
        .arg(s.key.environment.isEmpty() ? tr("(no environment)") : s.key.environment);
}

ReleaseReportSection ReleaseReportBuilder::summarySection() const
{
    const ReleaseSummary &s = m_timeline.summary;
    ReleaseReportTable t;
    t.headers = {tr("Field"), tr("Value")};
    t.rows = {
        {tr("Environment"), s.key.environment},
        {tr("Namespace"), s.namespaceName},
        {tr("Workload"), s.kind.isEmpty() ? s.workload : s.kind + QLatin1Char('/') + s.workload},
        {tr("Revision"), QString::number(s.key.revision)},
        {tr("Images"),
         s.images.isEmpty() ? tr("(none recorded)") : s.images.join(QStringLiteral(", "))},
        {tr("Strategy"), s.strategy.isEmpty() ? tr("(unknown)") : s.strategy},
        {tr("Started"), ReleaseCompare::timeText(s.startedAt)},
        {tr("Ended"), s.endedAt.isValid() ? ReleaseCompare::timeText(s.endedAt) : tr("not yet")},
        {tr("Duration"),
         s.durationMSecs() >= 0 ? ReleaseCompare::durationText(s.durationMSecs())
                                : tr("unknown (not finished)")},
        {tr("Outcome"), outcomeText(s.outcome)},
    };
    ReleaseReportSection section {tr("Summary"), {table(t)}};
    if (s.partiallyObserved) {
        section.blocks.append(paragraph(
            tr("Partially observed: the dashboard first saw this release at %1; what came "
               "before is what the cluster still held then.")
                .arg(ReleaseCompare::timeText(s.firstObservedAt))));
    }
    if (s.workloadDeletedAt.isValid()) {
        section.blocks.append(paragraph(tr("The workload was deleted at %1.")
                                            .arg(ReleaseCompare::timeText(s.workloadDeletedAt))));
    }
    return section;
}

ReleaseReportSection ReleaseReportBuilder::timelineSection() const
{
    ReleaseReportTable t;
    t.headers = {tr("Time"),          tr("Phase"),  tr("Step"),   tr("Desired weight"),
                 tr("Actual weight"), tr("Paused"), tr("Message")};
    const auto transitions
        = byTime(m_timeline.transitions, [](const ReleaseTransition &x) { return x.time; });
    for (const ReleaseTransition &x : transitions) {
        t.rows.append({ReleaseCompare::timeText(x.time), x.phase,
                       x.step < 0 ? QStringLiteral("—") : QString::number(x.step),
                       weightPercent(x.desiredWeight), weightPercent(x.actualWeight),
                       x.paused ? tr("paused") : tr("no"), x.message});
    }
    ReleaseReportSection section {tr("Timeline"), {}};
    ReleaseReportBlock drawing;
    drawing.kind = ReleaseReportBlock::Kind::TimelineDrawing;
    section.blocks.append(drawing);
    section.blocks.append(tableOr(t, tr("No transitions were recorded.")));
    return section;
}

ReleaseReportSection ReleaseReportBuilder::stepsSection() const
{
    const QMap<qint32, qint64> spent = ReleaseCompare::stepDurations(m_timeline);
    ReleaseReportTable t;
    t.headers = {tr("Step"), tr("Definition"), tr("Time spent")};
    // Every defined step, then any index the transitions reached beyond them (the end): at
    // most one past the defined ones, whatever index a status claimed.
    qint32 count = qint32(m_timeline.stepTexts.size());
    if (!spent.isEmpty())
        count = std::max(count, std::min(spent.lastKey() + 1, count + 1));
    for (qint32 step = 0; step < count; ++step) {
        if (!spent.contains(step) && step >= m_timeline.stepTexts.size())
            continue;
        const QString definition = step < m_timeline.stepTexts.size()
            ? m_timeline.stepTexts.at(step)
            : tr("(after the last step)");
        const QString time = spent.contains(step) ? ReleaseCompare::durationText(spent.value(step))
                                                  : tr("not reached");
        t.rows.append({QString::number(step), definition, time});
    }
    ReleaseReportSection section {tr("Steps"), {}};
    section.blocks.append(tableOr(t, tr("No steps were recorded.")));
    return section;
}

ReleaseReportSection ReleaseReportBuilder::gatesSection() const
{
    ReleaseReportTable t;
    t.headers = {tr("Gate"),         tr("Source"),     tr("Worst outcome"),
                 tr("First failed"), tr("Last value"), tr("Bound")};
    for (const ReleaseGates::Summary &gate : ReleaseGates::summaries(m_timeline.gates)) {
        t.rows.append({gate.gate, ReleaseGates::sourceText(gate.source),
                       GateOutcomes::label(gate.worst),
                       gate.firstFailedAt.isValid() ? ReleaseCompare::timeText(gate.firstFailedAt)
                                                    : tr("never"),
                       ReleaseGates::valueText(gate.last),
                       gate.last.bound.isEmpty() ? QStringLiteral("—") : gate.last.bound});
    }
    ReleaseReportSection section {tr("Quality gates"), {}};
    if (t.rows.isEmpty()) {
        section.blocks.append(paragraph(tr("No quality gate evaluations were recorded.")));
        return section;
    }
    // What the rows are made of: the record is not every evaluation.
    section.blocks.append(
        paragraph(tr("The live evaluations of each gate on this release's canary: every change "
                     "of a gate's outcome was recorded, and otherwise one evaluation a minute.")));
    section.blocks.append(table(t));
    return section;
}

ReleaseReportSection ReleaseReportBuilder::analysisSection() const
{
    ReleaseReportTable runs;
    runs.headers = {tr("Analysis run"), tr("Kind"),      tr("Phase"),
                    tr("Started"),      tr("Completed"), tr("Message")};
    const auto ordered
        = byTime(m_timeline.analysisRuns, [](const ReleaseAnalysisRun &r) { return r.startedAt; });
    for (const ReleaseAnalysisRun &run : ordered) {
        runs.rows.append({run.name, run.runKind, run.phase, ReleaseCompare::timeText(run.startedAt),
                          ReleaseCompare::timeText(run.completedAt), run.message});
    }
    ReleaseReportSection section {tr("Analysis (gates)"), {}};
    section.blocks.append(tableOr(runs, tr("No analysis runs were recorded.")));
    section.blocks.append(subheading(tr("Measurements")));
    section.blocks.append(tableOr(measurementsTable(), tr("No measurements were recorded.")));
    return section;
}

ReleaseReportTable ReleaseReportBuilder::measurementsTable() const
{
    ReleaseReportTable t;
    t.headers = {tr("Time"),
                 tr("Analysis run"),
                 tr("Metric"),
                 tr("Value"),
                 tr("Phase"),
                 tr("Success condition"),
                 tr("Failure condition"),
                 tr("Message")};
    const auto ordered = byTime(m_timeline.measurements, &ReleaseCompare::measurementTime);
    for (const ReleaseMeasurement &m : ordered) {
        t.rows.append({ReleaseCompare::timeText(ReleaseCompare::measurementTime(m)), m.analysisRun,
                       m.metric, m.value, m.phase,
                       m.successCondition.isEmpty() ? QStringLiteral("—") : m.successCondition,
                       m.failureCondition.isEmpty() ? QStringLiteral("—") : m.failureCondition,
                       m.message});
    }
    return t;
}

ReleaseReportSection ReleaseReportBuilder::actionsSection() const
{
    ReleaseReportTable t;
    t.headers = {tr("Time"), tr("Action"), tr("By"), tr("Result"), tr("Message")};
    const auto ordered = byTime(actionsSeenOnce(m_timeline.actions),
                                [](const ReleaseAction &a) { return a.time; });
    for (const ReleaseAction &a : ordered) {
        t.rows.append({ReleaseCompare::timeText(a.time), a.action, actorText(a),
                       a.result.isEmpty() ? QStringLiteral("—") : a.result, a.message});
    }
    ReleaseReportSection section {tr("Actions"), {}};
    section.blocks.append(tableOr(t, tr("No actions were recorded.")));
    return section;
}

ReleaseReportSection ReleaseReportBuilder::eventsSection() const
{
    ReleaseReportTable t;
    t.headers = {tr("Time"), tr("Type"), tr("Reason"), tr("Object"), tr("Message"), tr("Count")};
    const auto timeOf
        = [](const ReleaseEvent &e) { return e.firstSeen.isValid() ? e.firstSeen : e.lastSeen; };
    for (const ReleaseEvent &e : byTime(m_timeline.events, timeOf)) {
        const QString object = e.objectKind.isEmpty()
            ? e.objectName
            : e.objectKind + QLatin1Char('/') + e.objectName;
        t.rows.append({ReleaseCompare::timeText(timeOf(e)), e.type, e.reason, object, e.message,
                       QString::number(std::max(1, e.count))});
    }
    ReleaseReportSection section {tr("Events"), {}};
    section.blocks.append(tableOr(t, tr("No events were recorded.")));
    return section;
}

ReleaseReportBlock ReleaseReportBuilder::paragraph(const QString &text)
{
    ReleaseReportBlock block;
    block.kind = ReleaseReportBlock::Kind::Paragraph;
    block.text = text;
    return block;
}

ReleaseReportBlock ReleaseReportBuilder::subheading(const QString &text)
{
    ReleaseReportBlock block = paragraph(text);
    block.kind = ReleaseReportBlock::Kind::Subheading;
    return block;
}

ReleaseReportBlock ReleaseReportBuilder::table(const ReleaseReportTable &table)
{
    ReleaseReportBlock block;
    block.kind = ReleaseReportBlock::Kind::Table;
    block.table = table;
    return block;
}

ReleaseReportBlock ReleaseReportBuilder::tableOr(const ReleaseReportTable &t, const QString &empty)
{
    return t.rows.isEmpty() ? paragraph(empty) : table(t);
}
