// SPDX-License-Identifier: GPL-3.0-or-later
// The Policy section of SafetyNetsModel: PolicyReport results, Gatekeeper violations and
// admission denials.
#include "safetynetrows.h"

namespace SafetyNetRows {

namespace {

using State = SafetyNetSourceState::State;

bool sameResult(const PolicyResult &a, const PolicyResult &b)
{
    return a.policy == b.policy && a.rule == b.rule && a.result == b.result
        && a.message == b.message;
}

QString resultName(const QString &result)
{
    const QString word = result.toLower();
    if (word == QLatin1String("fail"))
        return Text::tr("Fail");
    if (word == QLatin1String("error"))
        return Text::tr("Error");
    if (word == QLatin1String("warn"))
        return Text::tr("Warn");
    if (word == QLatin1String("pass"))
        return Text::tr("Pass");
    if (word == QLatin1String("skip"))
        return Text::tr("Skip");
    return result;
}

QString resultToolTip(const PolicyResult &result)
{
    QStringList lines {Text::tr("Policy: %1").arg(result.policy),
                       Text::tr("Rule: %1").arg(result.rule)};
    if (!result.category.isEmpty())
        lines.append(Text::tr("Category: %1").arg(result.category));
    if (!result.severity.isEmpty())
        lines.append(Text::tr("Severity: %1").arg(result.severity));
    if (!result.source.isEmpty())
        lines.append(Text::tr("Reported by: %1").arg(result.source));
    for (const ObjectRef &resource : result.resources)
        lines.append(Text::tr("About: %1 %2").arg(resource.kind, resource.name));
    return lines.join(QLatin1Char('\n'));
}

DetailRow resultRow(const PolicyResult &result, bool isNew)
{
    DetailRow row(ColumnCount);
    const QString name = result.rule.isEmpty() || result.rule == result.policy
        ? result.policy
        : result.policy + QStringLiteral(" / ") + result.rule;
    row.cell(Item) = DetailCell(name, resultToolTip(result));
    const bool failed = result.result.compare(QLatin1String("fail"), Qt::CaseInsensitive) == 0;
    row.cell(Canary)
        = DetailCell(resultName(result.result), QString(), failed ? Tone::Failed : Tone::Warning);
    row.cell(Canary).bold = isNew;
    if (isNew) {
        row.cell(Stable) = DetailCell(Text::tr("new"),
                                      Text::tr("Fails for the canary, not for the stable version"),
                                      Tone::Failed);
        row.cell(Stable).bold = true;
    }
    row.cell(Details) = DetailCell(oneLine(result.message), result.message);
    if (isNew) {
        // What this release brings is tinted, as the gates tab tints a failed gate.
        for (DetailCell &cell : row.cells) {
            cell.tint = Tone::Failed;
            if (cell.tone == Tone::Default)
                cell.tone = Tone::Text;
        }
    }
    return row;
}

void addResults(Node &section, const SafetyNets &nets)
{
    const auto &p = nets.policy;
    const PolicyCounts &c = p.counts;
    if (c.pass + c.fail + c.warn + c.error + c.skip == 0 && p.failing.isEmpty()) {
        addSentence(section, QStringLiteral("results"),
                    Text::tr("No policy report has a result about this rollout"), Tone::Muted);
        return;
    }
    DetailRow counts(ColumnCount);
    counts.cell(Item).text = Text::tr("Results");
    const int failing = c.fail + c.error;
    counts.cell(Canary) = failing > 0
        ? DetailCell(Text::tr("%n failing", "policy results", failing), QString(), Tone::Failed)
        : DetailCell(Text::tr("none failing"), QString(), Tone::Ok);
    counts.cell(Details).text = Text::tr("%1 pass · %2 fail · %3 warn · %4 error · %5 skip")
                                    .arg(c.pass)
                                    .arg(c.fail)
                                    .arg(c.warn)
                                    .arg(c.error)
                                    .arg(c.skip);
    addRow(section, QStringLiteral("results"), std::move(counts));
    // The new failures first: they are what this release changes.
    QList<PolicyResult> ordered = p.newFailures;
    for (const PolicyResult &result : p.failing) {
        if (std::none_of(p.newFailures.cbegin(), p.newFailures.cend(),
                         [&](const PolicyResult &n) { return sameResult(n, result); }))
            ordered.append(result);
    }
    // Kyverno reports a rule once per object (the Rollout, its ReplicaSet, each pod): one row
    // per rule, the newest result's message, and how many objects it failed on.
    QStringList keys;
    QHash<QString, int> objects;
    QHash<QString, int> firstIndex;
    for (int i = 0; i < ordered.size(); ++i) {
        const QString key
            = QStringLiteral("result:%1/%2").arg(ordered.at(i).policy, ordered.at(i).rule);
        if (!firstIndex.contains(key)) {
            firstIndex.insert(key, i);
            keys.append(key);
        }
        ++objects[key];
    }
    for (const QString &key : std::as_const(keys)) {
        const int i = firstIndex.value(key);
        DetailRow row = resultRow(ordered.at(i), i < p.newFailures.size());
        const int count = objects.value(key);
        if (count > 1) {
            const QString message
                = Text::tr("on %n object(s): %1", "", count).arg(ordered.at(i).message);
            row.cell(Details).text = oneLine(message);
            row.cell(Details).toolTip = message;
        }
        addRow(section, key, std::move(row));
    }
}

void addGatekeeper(Node &section, const SafetyNets &nets)
{
    const auto &violations = nets.policy.gatekeeper;
    if (violations.isEmpty()) {
        addSentence(section, QStringLiteral("gatekeeper"),
                    Text::tr("No Gatekeeper violation names this rollout or its namespace"),
                    Tone::Ok);
        return;
    }
    for (const GatekeeperViolation &v : violations) {
        DetailRow row(ColumnCount);
        row.cell(Item)
            = DetailCell(Text::tr("Gatekeeper %1 / %2").arg(v.constraintKind, v.constraintName),
                         Text::tr("A violation in the status of the constraint %1 %2")
                             .arg(v.constraintKind, v.constraintName));
        const bool deny = v.enforcementAction.isEmpty()
            || v.enforcementAction.compare(QLatin1String("deny"), Qt::CaseInsensitive) == 0;
        row.cell(Canary) = DetailCell(
            v.enforcementAction.isEmpty() ? QStringLiteral("deny") : v.enforcementAction,
            Text::tr("The constraint's enforcement action"), deny ? Tone::Failed : Tone::Warning);
        const QString text = Text::tr("%1 %2: %3").arg(v.object.kind, v.object.name, v.message);
        row.cell(Details) = DetailCell(oneLine(text), text);
        addRow(section,
               QStringLiteral("gatekeeper:%1/%2/%3")
                   .arg(v.constraintKind, v.constraintName, v.object.name),
               std::move(row));
    }
}

} // namespace

void addPolicy(Node &root, const SafetyNets &nets)
{
    Node *section
        = addSection(root, nets, Section::Policy, Text::tr("Policy"),
                     {Text::tr("Result"), Text::tr("Against stable"), Text::tr("Message")});
    addSourceNotes(*section, nets, Section::Policy);
    if (nets.sources[int(SafetyNetSource::Policy)].state == State::Loaded)
        addResults(*section, nets);
    if (nets.sources[int(SafetyNetSource::Gatekeeper)].state == State::Loaded)
        addGatekeeper(*section, nets);
    for (const QString &denial : nets.policy.admissionDenials) {
        DetailRow row(ColumnCount);
        row.cell(Item).text = Text::tr("Admission denied");
        row.cell(Canary) = DetailCell(Text::tr("denied"), QString(), Tone::Failed);
        row.cell(Details) = DetailCell(oneLine(denial), denial);
        addRow(*section, QStringLiteral("denial"), std::move(row));
    }
}

} // namespace SafetyNetRows
