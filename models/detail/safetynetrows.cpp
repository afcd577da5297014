// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetynetrows.h"

#include "detailtext.h"
#include "durationparser.h"
#include "safetynetstext.h"

#include <QDateTime>

namespace SafetyNetRows {

using State = SafetyNetSourceState::State;

Node *addSection(Node &root, const SafetyNets &nets, Section section, const QString &title,
                 const QStringList &captions)
{
    DetailRow row(ColumnCount);
    row.expandedByDefault = true;
    DetailCell &head = row.cell(Item);
    head.text = title;
    head.bold = true;
    const Tone tone = SafetyNetsVerdict::tone(nets, section);
    // Every section keeps the room of a symbol, so the titles line up.
    head.symbol = SafetyNetsVerdict::symbol(tone);
    if (head.symbol.isEmpty())
        head.symbol = QLatin1String(DetailRoles::blankSymbol);
    for (int column = Canary; column < ColumnCount && column - 1 < captions.size(); ++column)
        row.cell(column) = DetailCell(captions.at(column - 1), QString(), Tone::Muted);
    return addRow(root, QStringLiteral("section:%1").arg(int(section)), std::move(row));
}

Node *addRow(Node &parent, const QString &key, DetailRow row)
{
    QString unique = key;
    for (int n = 2;; ++n) {
        const bool taken = std::any_of(parent.children.cbegin(), parent.children.cend(),
                                       [&](const auto &child) { return child->key == unique; });
        if (!taken)
            break;
        unique = key + QLatin1Char('#') + QString::number(n);
    }
    return parent.append(unique, std::move(row));
}

Node *addSentence(Node &parent, const QString &key, const QString &text, Tone tone,
                  const QString &toolTip)
{
    DetailRow row(ColumnCount);
    row.firstColumnSpanned = true;
    row.cell(Item) = DetailCell(text, toolTip, tone);
    return addRow(parent, key, std::move(row));
}

bool addSourceNotes(Node &section, const SafetyNets &nets, Section which)
{
    bool anyRead = false;
    for (SafetyNetSource source : SafetyNetsVerdict::sources(which)) {
        const SafetyNetSourceState &state = nets.sources[int(source)];
        const QString key = QStringLiteral("note:%1").arg(int(source));
        if (state.state != State::Loaded) {
            addSentence(section, key, SafetyNetsText::sourceNote(source, state), Tone::Muted,
                        SafetyNetsText::sourceName(source));
            continue;
        }
        anyRead = true;
        // Read before, not now: what is shown is as old as that read, and says so.
        if (!state.detail.isEmpty()) {
            const QDateTime at = QDateTime::fromMSecsSinceEpoch(state.fetchedMs, Qt::UTC);
            addSentence(section, key,
                        Text::tr("%1: as read at %2; reading it again failed: %3")
                            .arg(SafetyNetsText::sourceName(source), DetailText::timestamp(at),
                                 state.detail),
                        Tone::Warning);
        }
        if (state.truncated)
            addSentence(section, key + QStringLiteral(":cut"),
                        Text::tr("%1: more objects than the dashboard reads; only the first "
                                 "ones are shown")
                            .arg(SafetyNetsText::sourceName(source)),
                        Tone::Warning);
    }
    return anyRead;
}

void setLink(DetailRow &row, const QString &url)
{
    row.extra = url;
    if (!url.isEmpty())
        row.cell(Item).toolTip
            += (row.cell(Item).toolTip.isEmpty() ? QString() : QStringLiteral("\n"))
            + Text::tr("Opens %1 in the browser").arg(url);
}

QString duration(qint64 startedMs, qint64 finishedMs)
{
    if (startedMs <= 0 || finishedMs < startedMs)
        return QString();
    return compactDuration((finishedMs - startedMs) / 1000 * 1000);
}

QString oneLine(const QString &text, int maxLength)
{
    QString line = text.simplified();
    if (line.size() > maxLength)
        line = line.left(maxLength - 1) + QChar(0x2026);
    return line;
}

namespace {

QString scoreText(const Vulnerability &v)
{
    const QString severity = SafetyNetsText::severityName(v.severity);
    return v.score < 0 ? severity
                       : Text::tr("%1 · %2").arg(severity, QString::number(v.score, 'f', 1));
}

DetailRow cveRow(const Vulnerability &v, bool added)
{
    DetailRow row(ColumnCount);
    const Tone tone = SafetyNetsVerdict::severityTone(v.severity);
    row.cell(Item) = DetailCell(v.id, v.title);
    setLink(row, v.link);
    DetailCell severity(scoreText(v), QString(), tone);
    severity.bold = v.severity.compare(QLatin1String("CRITICAL"), Qt::CaseInsensitive) == 0;
    // The side that has it shows its severity, the other why not.
    row.cell(added ? Canary : Stable) = severity;
    row.cell(added ? Stable : Canary)
        = DetailCell(added ? Text::tr("not in stable") : Text::tr("fixed"), QString(),
                     added ? Tone::Muted : Tone::Ok);
    const QString fixed = v.fixedVersion.isEmpty() ? Text::tr("no fix yet") : v.fixedVersion;
    row.cell(Details) = DetailCell(Text::tr("%1 %2 → %3").arg(v.package, v.installedVersion, fixed),
                                   v.title.isEmpty() ? QString() : v.title);
    return row;
}

void addSeverityCounts(Node &section, const SafetyNets &nets)
{
    const auto &v = nets.vulnerabilities;
    const bool hasCanary = !nets.canary.replicaSet.isEmpty();
    struct Count
    {
        const char *word;
        int canary;
        int stable;
    };
    const Count counts[] = {{"CRITICAL", v.canary.critical, v.stable.critical},
                            {"HIGH", v.canary.high, v.stable.high},
                            {"MEDIUM", v.canary.medium, v.stable.medium},
                            {"LOW", v.canary.low, v.stable.low},
                            {"UNKNOWN", v.canary.unknown, v.stable.unknown}};
    const QString notScanned = Text::tr("not scanned");
    for (const Count &count : counts) {
        const QString word = QString::fromLatin1(count.word);
        if (word == QLatin1String("UNKNOWN") && count.canary == 0 && count.stable == 0)
            continue; // Trivy rarely has these; an empty row would only add noise
        DetailRow row(ColumnCount);
        const Tone tone = SafetyNetsVerdict::severityTone(word);
        row.cell(Item) = DetailCell(SafetyNetsText::severityName(word), QString(), tone);
        const bool canaryKnown = hasCanary && v.canaryScanned;
        row.cell(Canary).text = !hasCanary ? QStringLiteral("\u2013")
            : canaryKnown                  ? QString::number(count.canary)
                                           : notScanned;
        row.cell(Stable).text = v.stableScanned ? QString::number(count.stable) : notScanned;
        if (canaryKnown && v.stableScanned && count.canary != count.stable) {
            const int change = count.canary - count.stable;
            const bool worse = change > 0;
            row.cell(Canary).tone = worse && tone != Tone::Muted ? tone : Tone::Default;
            row.cell(Canary).bold = worse && word == QLatin1String("CRITICAL");
            row.cell(Details)
                = DetailCell(worse ? Text::tr("+%1 with the canary").arg(change)
                                   : Text::tr("\u2212%1 with the canary").arg(-change),
                             QString(), worse ? Tone::Default : Tone::Ok);
        }
        addRow(section, QStringLiteral("count:") + word, std::move(row));
    }
}

void addCveGroup(Node &section, const QList<Vulnerability> &list, bool added)
{
    if (list.isEmpty()) {
        // Both sides were scanned (the caller's condition): no new CVE is a finding too.
        if (added)
            addSentence(section, QStringLiteral("added"),
                        Text::tr("The canary adds no vulnerability"), Tone::Ok);
        return;
    }
    DetailRow group(ColumnCount);
    group.expandedByDefault = added || list.size() <= 5;
    group.cell(Item).text = added ? Text::tr("Added by the canary (%1)").arg(list.size())
                                  : Text::tr("Fixed by the canary (%1)").arg(list.size());
    group.cell(Item).bold = added;
    Node *node = addRow(section, added ? QStringLiteral("added") : QStringLiteral("removed"),
                        std::move(group));
    for (const Vulnerability &v : list)
        addRow(*node, v.id + QLatin1Char('/') + v.package, cveRow(v, added));
}

void addConfigAudit(Node &section, const SafetyNets &nets)
{
    const auto &failures = nets.vulnerabilities.configFailures;
    if (failures.isEmpty()) {
        addSentence(section, QStringLiteral("config"), Text::tr("No configuration audit failure"),
                    Tone::Ok);
        return;
    }
    DetailRow group(ColumnCount);
    group.expandedByDefault = true;
    group.cell(Item).text = Text::tr("Configuration audit failures (%1)").arg(failures.size());
    Node *node = addRow(section, QStringLiteral("config"), std::move(group));
    for (const ConfigAuditCheck &check : failures) {
        DetailRow row(ColumnCount);
        row.cell(Item) = DetailCell(check.id, check.description);
        row.cell(Canary) = DetailCell(SafetyNetsText::severityName(check.severity), QString(),
                                      SafetyNetsVerdict::severityTone(check.severity));
        QStringList tip {check.description};
        tip += check.messages;
        tip.removeAll(QString());
        row.cell(Details) = DetailCell(check.title, tip.join(QLatin1Char('\n')));
        addRow(*node, check.id, std::move(row));
    }
}

} // namespace

void addVulnerabilities(Node &root, const SafetyNets &nets)
{
    Node *section
        = addSection(root, nets, Section::Vulnerabilities, Text::tr("Image vulnerabilities"),
                     {Text::tr("Canary"), Text::tr("Stable"), Text::tr("Package and fix")});
    addSourceNotes(*section, nets, Section::Vulnerabilities);
    const auto &v = nets.vulnerabilities;
    const bool hasCanary = !nets.canary.replicaSet.isEmpty();
    if (nets.sources[int(SafetyNetSource::Vulnerabilities)].state == State::Loaded) {
        if (!hasCanary)
            addSentence(*section, QStringLiteral("noCanary"),
                        Text::tr("No canary: the stable version's counts alone"), Tone::Muted);
        else if (!v.canaryScanned)
            addSentence(*section, QStringLiteral("unscanned"),
                        Text::tr("Trivy has no report yet for every canary container (%1)")
                            .arg(nets.canary.images.join(QStringLiteral(", "))),
                        Tone::Warning);
        addSeverityCounts(*section, nets);
        if (hasCanary && v.canaryScanned && v.stableScanned) {
            addCveGroup(*section, v.added, true);
            addCveGroup(*section, v.removed, false);
        }
    }
    if (nets.sources[int(SafetyNetSource::ConfigAudit)].state == State::Loaded)
        addConfigAudit(*section, nets);
}

} // namespace SafetyNetRows
