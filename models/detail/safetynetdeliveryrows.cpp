// SPDX-License-Identifier: GPL-3.0-or-later
// The sections of SafetyNetsModel about how the release got here and runs: runtime alerts
// (Falco), the CI pipeline, the earlier environment's evidence and the feature flags.
#include "safetynetrows.h"

#include "detailtext.h"

#include <QDateTime>

#include <algorithm>
#include <cmath>

namespace SafetyNetRows {

namespace {

QString countText(double count)
{
    return QString::number(qint64(std::llround(count)));
}

double countOf(const QList<QPair<QString, double>> &counts, const QString &priority)
{
    for (const auto &[p, n] : counts) {
        if (p.compare(priority, Qt::CaseInsensitive) == 0)
            return n;
    }
    return 0;
}

// Succeeded green, Failed and Error red, Running blue, anything else (Skipped, Omitted,
// Pending) plain.
Tone phaseTone(const QString &phase)
{
    const QString word = phase.toLower();
    if (word == QLatin1String("succeeded") || word == QLatin1String("completed"))
        return Tone::Ok;
    if (word == QLatin1String("failed") || word == QLatin1String("error")
        || word.contains(QLatin1String("fail")) || word.contains(QLatin1String("timeout")))
        return Tone::Failed;
    if (word == QLatin1String("running") || word == QLatin1String("started"))
        return Tone::Active;
    return Tone::Default;
}

QString clock(qint64 ms)
{
    return ms > 0 ? DetailText::timestamp(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)) : QString();
}

void addPriorities(Node &section, const SafetyNets &nets)
{
    QStringList priorities;
    for (const auto *side : {&nets.falco.canary, &nets.falco.stable}) {
        for (const auto &[priority, count] : *side) {
            if (count > 0 && !priorities.contains(priority, Qt::CaseInsensitive))
                priorities.append(priority);
        }
    }
    if (priorities.isEmpty()) {
        addSentence(section, QStringLiteral("falco"),
                    Text::tr("No Falco alert on the canary's or the stable's pods during the "
                             "release"),
                    Tone::Ok);
        return;
    }
    std::sort(priorities.begin(), priorities.end(), [](const QString &a, const QString &b) {
        return SafetyNetsVerdict::priorityRank(a) < SafetyNetsVerdict::priorityRank(b);
    });
    for (const QString &priority : priorities) {
        DetailRow row(ColumnCount);
        const Tone tone = SafetyNetsVerdict::priorityTone(priority);
        row.cell(Item) = DetailCell(priority, QString(), tone);
        const double canary = countOf(nets.falco.canary, priority);
        row.cell(Canary)
            = DetailCell(countText(canary), QString(), canary > 0 ? tone : Tone::Default);
        row.cell(Canary).bold = canary > 0 && tone == Tone::Failed;
        row.cell(Stable).text = countText(countOf(nets.falco.stable, priority));
        addRow(section, QStringLiteral("priority:") + priority.toLower(), std::move(row));
    }
}

} // namespace

void addRuntime(Node &root, const SafetyNets &nets)
{
    Node *section = addSection(root, nets, Section::Runtime, Text::tr("Runtime alerts (Falco)"),
                               {Text::tr("Canary"), Text::tr("Stable"), Text::tr("Pod")});
    if (nets.canary.createdMs > 0)
        section->row.cell(Item).toolTip
            = Text::tr("Alerts counted since the canary's ReplicaSet was created (%1)")
                  .arg(clock(nets.canary.createdMs));
    if (!addSourceNotes(*section, nets, Section::Runtime))
        return;
    addPriorities(*section, nets);
    if (nets.falco.canaryAlerts.isEmpty())
        return;
    DetailRow group(ColumnCount);
    group.expandedByDefault = true;
    group.cell(Item).text = Text::tr("Rules that fired on the canary");
    Node *rules = addRow(*section, QStringLiteral("rules"), std::move(group));
    // The ten that fired most: a noisy rule must not bury the rest of the tab.
    for (const FalcoCount &alert : nets.falco.canaryAlerts.mid(0, 10)) {
        DetailRow row(ColumnCount);
        const Tone tone = SafetyNetsVerdict::priorityTone(alert.priority);
        row.cell(Item) = DetailCell(alert.rule, Text::tr("Priority: %1").arg(alert.priority));
        row.cell(Canary) = DetailCell(countText(alert.count), QString(), tone);
        row.cell(Stable) = DetailCell(alert.priority, QString(), tone);
        row.cell(Details).text = alert.pod;
        addRow(*rules, QStringLiteral("rule:%1/%2").arg(alert.rule, alert.pod), std::move(row));
    }
}

void addCi(Node &root, const SafetyNets &nets)
{
    Node *section = addSection(root, nets, Section::Ci, Text::tr("CI pipeline"),
                               {Text::tr("Outcome"), Text::tr("Duration"), Text::tr("Details")});
    if (!addSourceNotes(*section, nets, Section::Ci))
        return;
    if (!nets.ci.found) {
        addSentence(*section, QStringLiteral("ci"),
                    Text::tr("No pipeline run names the canary's image (%1)")
                        .arg(nets.canary.images.join(QStringLiteral(", "))),
                    Tone::Muted);
        return;
    }
    const CiRun &run = nets.ci.run;
    DetailRow head(ColumnCount);
    head.expandedByDefault = true;
    head.cell(Item).text = run.kind == CiRun::Kind::ArgoWorkflow
        ? Text::tr("Argo Workflow %1").arg(run.name)
        : Text::tr("Tekton PipelineRun %1").arg(run.name);
    head.cell(Item).bold = true;
    head.cell(Item).toolTip = Text::tr("%1 in namespace %2, started %3")
                                  .arg(run.name, run.namespace_, clock(run.startedMs));
    setLink(head, nets.ci.url);
    head.cell(Canary) = DetailCell(run.phase, QString(), phaseTone(run.phase));
    head.cell(Canary).bold = run.failed();
    head.cell(Stable).text = duration(run.startedMs, run.finishedMs);
    const QString matched = Text::tr("matched by %1").arg(nets.ci.matchedBy);
    head.cell(Details) = run.message.isEmpty()
        ? DetailCell(matched)
        : DetailCell(oneLine(run.message), run.message + QLatin1Char('\n') + matched);
    Node *runNode = addRow(*section, QStringLiteral("run:") + run.name, std::move(head));
    for (const CiStep &step : run.steps) {
        DetailRow row(ColumnCount);
        const Tone tone = phaseTone(step.phase);
        row.cell(Item).text = step.name;
        row.cell(Canary) = DetailCell(step.phase, QString(), tone);
        row.cell(Stable).text = duration(step.startedMs, step.finishedMs);
        row.cell(Details) = DetailCell(oneLine(step.message), step.message);
        if (tone == Tone::Failed) {
            for (DetailCell &cell : row.cells) {
                cell.tint = Tone::Failed;
                if (cell.tone == Tone::Default)
                    cell.tone = Tone::Text;
            }
        }
        addRow(*runNode, QStringLiteral("step:") + step.name, std::move(row));
    }
}

void addStaging(Node &root, const SafetyNets &nets)
{
    const auto &s = nets.staging;
    const QString title = s.environment.isEmpty() ? Text::tr("Evidence from an earlier environment")
                                                  : Text::tr("Evidence from %1").arg(s.environment);
    Node *section = addSection(root, nets, Section::Staging, title,
                               {Text::tr("Outcome"), QString(), Text::tr("Details")});
    if (s.environment.isEmpty()) {
        addSentence(*section, QStringLiteral("staging"),
                    Text::tr("No earlier environment in the config: nothing ran this version "
                             "before"),
                    Tone::Muted);
        return;
    }
    if (!addSourceNotes(*section, nets, Section::Staging))
        return;
    if (s.loadTests.isEmpty() && s.chaos.isEmpty())
        addSentence(
            *section, QStringLiteral("none"),
            Text::tr("No load test or chaos experiment ran this version in %1").arg(s.environment),
            Tone::Muted);
    for (const LoadTestRun &test : s.loadTests) {
        DetailRow row(ColumnCount);
        row.cell(Item).text = Text::tr("k6 TestRun %1").arg(test.name);
        row.cell(Canary) = DetailCell(test.stage, QString(),
                                      test.failed()         ? Tone::Failed
                                          : test.finished() ? Tone::Ok
                                                            : Tone::Active);
        row.cell(Details).text = Text::tr("created %1").arg(clock(test.createdMs));
        addRow(*section, QStringLiteral("load:") + test.name, std::move(row));
    }
    for (const ChaosExperiment &e : s.chaos) {
        DetailRow row(ColumnCount);
        row.cell(Item).text = QStringLiteral("%1 %2").arg(e.resourceKind, e.name);
        const QString outcome = e.verdict.isEmpty() ? e.phase : e.verdict;
        row.cell(Canary) = DetailCell(outcome, e.phase,
                                      e.failed()       ? Tone::Failed
                                          : e.passed() ? Tone::Ok
                                                       : Tone::Default);
        row.cell(Canary).bold = e.failed();
        QStringList details {e.experiment};
        if (e.probeSuccessPercentage >= 0)
            details.append(Text::tr("probes %1 % passed").arg(e.probeSuccessPercentage));
        if (!e.target.isEmpty())
            details.append(Text::tr("target %1").arg(e.target));
        details.removeAll(QString());
        row.cell(Details).text = details.join(QStringLiteral(" · "));
        addRow(*section, QStringLiteral("chaos:%1/%2").arg(e.resourceKind, e.name), std::move(row));
    }
}

void addFeatureFlags(Node &root, const SafetyNets &nets)
{
    Node *section
        = addSection(root, nets, Section::FeatureFlags, Text::tr("Feature flags"),
                     {Text::tr("State"), Text::tr("Default"), Text::tr("Variants and targeting")});
    if (!addSourceNotes(*section, nets, Section::FeatureFlags))
        return;
    if (nets.featureFlags.isEmpty()) {
        addSentence(*section, QStringLiteral("none"),
                    Text::tr("No FeatureFlag in namespace %1").arg(nets.namespace_), Tone::Muted);
        return;
    }
    for (const FeatureFlag &flag : nets.featureFlags) {
        DetailRow row(ColumnCount);
        row.cell(Item) = DetailCell(flag.key, Text::tr("In FeatureFlag %1").arg(flag.resource));
        const bool enabled = flag.state.compare(QLatin1String("ENABLED"), Qt::CaseInsensitive) == 0;
        row.cell(Canary) = DetailCell(enabled ? Text::tr("enabled") : Text::tr("disabled"),
                                      QString(), enabled ? Tone::Ok : Tone::Muted);
        row.cell(Stable).text = flag.defaultVariant;
        QString details = flag.variants.join(QStringLiteral(", "));
        QString tip = details;
        if (!flag.targeting.isEmpty()) {
            details += Text::tr(" · targeting %1").arg(flag.targeting);
            tip += QLatin1Char('\n') + Text::tr("Targeting: %1").arg(flag.targeting);
        }
        row.cell(Details) = DetailCell(oneLine(details), tip);
        addRow(*section, QStringLiteral("flag:%1/%2").arg(flag.resource, flag.key), std::move(row));
    }
}

} // namespace SafetyNetRows
