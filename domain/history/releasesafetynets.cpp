// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasesafetynets.h"

#include "releasecompare.h"
#include "releasereportbuilder.h"
#include "safetynetstext.h"

#include <QJsonArray>

namespace {

using State = SafetyNetSourceState::State;
using S = SafetyNetSource;

// safetyNetsJson's "sources" keys (its documented shape), in SafetyNetSource's order.
constexpr const char *sourceKeys[safetyNetSourceCount] = {
    "vulnerabilities", "configAudit", "policy",      "gatekeeper", "falco",       "argoWorkflows",
    "tekton",          "loadTests",   "litmusChaos", "chaosMesh",  "featureFlags"};

QJsonObject objectAt(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toObject();
}

QJsonArray arrayAt(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toArray();
}

QString textAt(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toString();
}

int countAt(const QJsonObject &o, const char *key)
{
    return o.value(QLatin1String(key)).toInt();
}

bool isRead(const QJsonObject &nets, std::initializer_list<S> sources)
{
    for (S source : sources) {
        if (ReleaseSafetyNetsReport::stateOf(nets, source) == State::Loaded)
            return true;
    }
    return false;
}

QString severities(const QJsonObject &counts)
{
    QStringList parts;
    for (const char *severity : {"critical", "high", "medium", "low"})
        parts.append(
            QStringLiteral("%1 %2")
                .arg(countAt(counts, severity))
                .arg(SafetyNetsText::severityName(QString::fromLatin1(severity)).toLower()));
    return parts.join(QStringLiteral(", "));
}

// "Warning 3, Error 1" from {"Warning": 3, "Error": 1}; empty when none.
QString priorities(const QJsonObject &counts)
{
    QStringList parts;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        parts.append(QStringLiteral("%1 %2").arg(it.key()).arg(it.value().toDouble()));
    return parts.join(QStringLiteral(", "));
}

} // namespace

SafetyNetSourceState::State ReleaseSafetyNetsReport::stateOf(const QString &word)
{
    if (word == QLatin1String("loaded"))
        return State::Loaded;
    if (word == QLatin1String("notServed"))
        return State::NotServed;
    if (word == QLatin1String("forbidden"))
        return State::Forbidden;
    if (word == QLatin1String("failed"))
        return State::Failed;
    return State::NotAsked;
}

SafetyNetSourceState::State ReleaseSafetyNetsReport::stateOf(const QJsonObject &nets,
                                                             SafetyNetSource source)
{
    return stateOf(textAt(objectAt(nets, "sources"), sourceKeys[int(source)]));
}

ReleaseReportSection ReleaseSafetyNetsReport::section(const ReleaseSafetyNets &recorded)
{
    using B = ReleaseReportBuilder;
    ReleaseReportSection section {tr("Safety nets"), {}};
    if (!recorded.isValid()) {
        section.blocks.append(B::paragraph(tr("No safety nets were recorded.")));
        return section;
    }
    const QJsonObject &nets = recorded.nets;
    section.blocks.append(B::paragraph(
        tr("What the canary brought compared with the stable version, as last read at %1.")
            .arg(ReleaseCompare::timeText(recorded.readAt))));
    section.blocks.append(B::table(overview(nets)));
    const ReleaseReportTable cves = addedCves(nets);
    if (!cves.rows.isEmpty()) {
        section.blocks.append(B::subheading(tr("Vulnerabilities the canary added")));
        section.blocks.append(B::table(cves));
    }
    const ReleaseReportTable policies = newPolicyFailures(nets);
    if (!policies.rows.isEmpty()) {
        section.blocks.append(B::subheading(tr("Policy failures new with the canary")));
        section.blocks.append(B::table(policies));
    }
    const QStringList notes = unreadNotes(nets);
    if (!notes.isEmpty()) {
        section.blocks.append(B::subheading(tr("Not read")));
        for (const QString &note : notes)
            section.blocks.append(B::paragraph(note));
    }
    return section;
}

ReleaseReportTable ReleaseSafetyNetsReport::overview(const QJsonObject &nets)
{
    const QString notRead = tr("not read");
    ReleaseReportTable t;
    t.headers = {tr("Safety net"), tr("Finding")};
    t.rows = {
        {SafetyNetsText::sourceName(S::Vulnerabilities),
         isRead(nets, {S::Vulnerabilities}) ? vulnerabilityText(nets) : notRead},
        {SafetyNetsText::sourceName(S::Policy),
         isRead(nets, {S::Policy}) ? policyText(nets) : notRead},
        {SafetyNetsText::sourceName(S::Gatekeeper),
         isRead(nets, {S::Gatekeeper}) ? gatekeeperText(nets) : notRead},
        {SafetyNetsText::sourceName(S::Falco),
         isRead(nets, {S::Falco}) ? falcoText(nets) : notRead},
        {tr("CI pipeline"), isRead(nets, {S::ArgoWorkflows, S::Tekton}) ? ciText(nets) : notRead},
        {tr("Earlier environment's evidence"), stagingText(nets)},
    };
    return t;
}

QString ReleaseSafetyNetsReport::vulnerabilityText(const QJsonObject &nets)
{
    const QJsonObject v = objectAt(nets, "vulnerabilities");
    if (!v.value(QLatin1String("canaryScanned")).toBool())
        return tr("the canary's image was not scanned");
    QString text = tr("canary: %1").arg(severities(objectAt(v, "canary")));
    text += v.value(QLatin1String("stableScanned")).toBool()
        ? tr("; stable: %1").arg(severities(objectAt(v, "stable")))
        : tr("; stable not scanned");
    text += tr("; %n added", nullptr, int(arrayAt(v, "added").size()));
    text += tr(", %n fixed", nullptr, int(arrayAt(v, "removed").size()));
    if (stateOf(nets, S::ConfigAudit) == State::Loaded)
        text += tr("; configuration audit failures: %1").arg(arrayAt(v, "configFailures").size());
    return text;
}

QString ReleaseSafetyNetsReport::policyText(const QJsonObject &nets)
{
    const QJsonObject p = objectAt(nets, "policy");
    QString text = tr("%1 fail, %2 warn, %3 error, %4 pass")
                       .arg(countAt(p, "fail"))
                       .arg(countAt(p, "warn"))
                       .arg(countAt(p, "error"))
                       .arg(countAt(p, "pass"));
    text += tr("; %n new with the canary", nullptr, int(arrayAt(p, "newFailures").size()));
    for (const QJsonValue &denial : arrayAt(p, "admissionDenials"))
        text += tr("; admission denied: %1").arg(denial.toString());
    return text;
}

QString ReleaseSafetyNetsReport::gatekeeperText(const QJsonObject &nets)
{
    QStringList lines;
    for (const QJsonValue &value : arrayAt(nets, "gatekeeper")) {
        const QJsonObject v = value.toObject();
        lines.append(tr("%1 %2 (%3, %4): %5")
                         .arg(textAt(v, "kind"), textAt(v, "name"), textAt(v, "constraintName"),
                              textAt(v, "enforcementAction"), textAt(v, "message")));
    }
    return lines.isEmpty() ? tr("no violations") : lines.join(QStringLiteral("; "));
}

QString ReleaseSafetyNetsReport::falcoText(const QJsonObject &nets)
{
    const QJsonObject falco = objectAt(nets, "falco");
    const QString canary = priorities(objectAt(falco, "canary"));
    const QString stable = priorities(objectAt(falco, "stable"));
    return tr("canary: %1; stable: %2")
        .arg(canary.isEmpty() ? tr("no alerts") : canary,
             stable.isEmpty() ? tr("no alerts") : stable);
}

QString ReleaseSafetyNetsReport::ciText(const QJsonObject &nets)
{
    const QJsonObject ci = nets.value(QLatin1String("ci")).toObject();
    if (ci.isEmpty())
        return tr("no run matched the canary's image");
    const QString tool = textAt(ci, "kind") == QLatin1String("ArgoWorkflow")
        ? QStringLiteral("Argo Workflows")
        : QStringLiteral("Tekton");
    QString text = tr("%1 %2/%3: %4")
                       .arg(tool, textAt(ci, "namespace"), textAt(ci, "name"), textAt(ci, "phase"));
    if (!textAt(ci, "failedStep").isEmpty())
        text += tr("; failed step %1").arg(textAt(ci, "failedStep"));
    if (!textAt(ci, "message").isEmpty())
        text += QStringLiteral("; ") + textAt(ci, "message");
    return text;
}

QString ReleaseSafetyNetsReport::stagingText(const QJsonObject &nets)
{
    const QJsonObject staging = objectAt(nets, "staging");
    const QString environment = textAt(staging, "environment");
    if (environment.isEmpty())
        return tr("no earlier environment");
    if (!isRead(nets, {S::LoadTests, S::LitmusChaos, S::ChaosMesh}))
        return tr("not read in %1").arg(environment);
    QStringList runs;
    for (const QJsonValue &value : arrayAt(staging, "loadTests"))
        runs.append(tr("load test %1: %2")
                        .arg(textAt(value.toObject(), "name"), textAt(value.toObject(), "stage")));
    for (const QJsonValue &value : arrayAt(staging, "chaos")) {
        const QJsonObject e = value.toObject();
        const QString verdict = textAt(e, "verdict");
        runs.append(tr("%1 %2: %3")
                        .arg(textAt(e, "kind"), textAt(e, "name"),
                             verdict.isEmpty() ? textAt(e, "phase") : verdict));
    }
    if (runs.isEmpty())
        return tr("in %1: no load test or chaos experiment of this version").arg(environment);
    return tr("in %1: %2").arg(environment, runs.join(QStringLiteral("; ")));
}

ReleaseReportTable ReleaseSafetyNetsReport::addedCves(const QJsonObject &nets)
{
    ReleaseReportTable t;
    t.headers
        = {tr("ID"), tr("Package"), tr("Installed"), tr("Fixed"), tr("Severity"), tr("Score")};
    for (const QJsonValue &value : arrayAt(objectAt(nets, "vulnerabilities"), "added")) {
        const QJsonObject v = value.toObject();
        const QJsonValue score = v.value(QLatin1String("score"));
        t.rows.append({textAt(v, "id"), textAt(v, "package"), textAt(v, "installed"),
                       textAt(v, "fixed").isEmpty() ? QStringLiteral("—") : textAt(v, "fixed"),
                       SafetyNetsText::severityName(textAt(v, "severity")),
                       score.isDouble() ? QString::number(score.toDouble()) : QStringLiteral("—")});
    }
    return t;
}

ReleaseReportTable ReleaseSafetyNetsReport::newPolicyFailures(const QJsonObject &nets)
{
    ReleaseReportTable t;
    t.headers = {tr("Policy"), tr("Rule"), tr("Result"), tr("Message")};
    for (const QJsonValue &value : arrayAt(objectAt(nets, "policy"), "newFailures")) {
        const QJsonObject r = value.toObject();
        t.rows.append(
            {textAt(r, "policy"), textAt(r, "rule"), textAt(r, "result"), textAt(r, "message")});
    }
    return t;
}

QStringList ReleaseSafetyNetsReport::unreadNotes(const QJsonObject &nets)
{
    QStringList notes;
    for (int i = 0; i < safetyNetSourceCount; ++i) {
        const auto source = SafetyNetSource(i);
        SafetyNetSourceState state;
        state.state = stateOf(nets, source);
        if (state.state != State::Loaded)
            notes.append(QStringLiteral("%1: %2").arg(SafetyNetsText::sourceName(source),
                                                      SafetyNetsText::sourceNote(source, state)));
    }
    return notes;
}
