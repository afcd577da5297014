// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetynetsverdict.h"

#include "detailtext.h"
#include "safetynetstext.h"

#include <algorithm>

namespace {

using Tone = DetailRoles::Tone;
using Section = SafetyNetsVerdict::Section;
using State = SafetyNetSourceState::State;

bool loaded(const SafetyNets &nets, SafetyNetSource source)
{
    return nets.sources[int(source)].state == State::Loaded;
}

bool hasSeverity(const QList<Vulnerability> &list, const QString &severity)
{
    return std::any_of(list.cbegin(), list.cend(), [&](const Vulnerability &v) {
        return v.severity.compare(severity, Qt::CaseInsensitive) == 0;
    });
}

Tone vulnerabilitiesTone(const SafetyNets &nets)
{
    const auto &v = nets.vulnerabilities;
    const QString critical = QStringLiteral("CRITICAL");
    const QString high = QStringLiteral("HIGH");
    if (hasSeverity(v.added, critical)
        || (v.canaryScanned && v.stableScanned && v.canary.critical > v.stable.critical))
        return Tone::Failed;
    const bool auditSevere = std::any_of(
        v.configFailures.cbegin(), v.configFailures.cend(), [&](const ConfigAuditCheck &check) {
            return check.severity.compare(critical, Qt::CaseInsensitive) == 0
                || check.severity.compare(high, Qt::CaseInsensitive) == 0;
        });
    if (hasSeverity(v.added, high) || auditSevere)
        return Tone::Warning;
    // Clean only when the canary (or, fully promoted, the stable version) was scanned.
    const bool scanned = nets.canary.replicaSet.isEmpty() ? v.stableScanned : v.canaryScanned;
    return scanned ? Tone::Ok : Tone::Default;
}

Tone policyTone(const SafetyNets &nets)
{
    const auto &p = nets.policy;
    if (!p.newFailures.isEmpty() || !p.admissionDenials.isEmpty())
        return Tone::Failed;
    if (!p.failing.isEmpty() || !p.gatekeeper.isEmpty() || p.counts.warn > 0)
        return Tone::Warning;
    return Tone::Ok;
}

Tone runtimeTone(const SafetyNets &nets)
{
    Tone tone = Tone::Ok;
    for (const auto &[priority, count] : nets.falco.canary) {
        if (count <= 0)
            continue;
        if (SafetyNetsVerdict::priorityTone(priority) == Tone::Failed)
            return Tone::Failed;
        tone = Tone::Warning;
    }
    return tone;
}

Tone ciTone(const SafetyNets &nets)
{
    if (!nets.ci.found)
        return Tone::Default; // nothing matched: no verdict either way
    if (nets.ci.run.failed())
        return Tone::Failed;
    return nets.ci.run.succeeded() ? Tone::Ok : Tone::Default;
}

Tone stagingTone(const SafetyNets &nets)
{
    if (nets.staging.anyFailed())
        return Tone::Failed;
    return nets.staging.allPassed() ? Tone::Ok : Tone::Default;
}

} // namespace

QList<Section> SafetyNetsVerdict::sections()
{
    return {Section::Vulnerabilities, Section::Policy,      Section::Runtime, Section::Ci,
            Section::Staging,         Section::FeatureFlags};
}

QList<SafetyNetSource> SafetyNetsVerdict::sources(Section section)
{
    using S = SafetyNetSource;
    switch (section) {
    case Section::Vulnerabilities:
        return {S::Vulnerabilities, S::ConfigAudit};
    case Section::Policy:
        return {S::Policy, S::Gatekeeper};
    case Section::Runtime:
        return {S::Falco};
    case Section::Ci:
        return {S::ArgoWorkflows, S::Tekton};
    case Section::Staging:
        return {S::LoadTests, S::LitmusChaos, S::ChaosMesh};
    case Section::FeatureFlags:
        break;
    }
    return {S::FeatureFlags};
}

Tone SafetyNetsVerdict::tone(const SafetyNets &nets, Section section)
{
    const QList<SafetyNetSource> own = sources(section);
    const int read = int(std::count_if(own.cbegin(), own.cend(),
                                       [&](SafetyNetSource s) { return loaded(nets, s); }));
    if (read == 0 || (section == Section::Staging && nets.staging.environment.isEmpty()))
        return Tone::Muted;
    Tone found = Tone::Default;
    switch (section) {
    case Section::Vulnerabilities:
        found = vulnerabilitiesTone(nets);
        break;
    case Section::Policy:
        found = policyTone(nets);
        break;
    case Section::Runtime:
        found = runtimeTone(nets);
        break;
    case Section::Ci:
        found = ciTone(nets);
        break;
    case Section::Staging:
        found = stagingTone(nets);
        break;
    case Section::FeatureFlags:
        return Tone::Default; // flags are facts, not findings
    }
    // A finding stands however little was read; a clean result only when all was.
    if (found == Tone::Ok && read < own.size())
        return Tone::Default;
    return found;
}

Tone SafetyNetsVerdict::worst(const SafetyNets &nets)
{
    bool anyRead = false;
    bool allRead = true;
    bool anyClean = false;
    Tone worst = Tone::Default;
    for (Section section : sections()) {
        const Tone t = tone(nets, section);
        if (t == Tone::Failed)
            return Tone::Failed;
        if (t == Tone::Warning)
            worst = Tone::Warning;
        anyRead = anyRead || t != Tone::Muted;
        anyClean = anyClean || t == Tone::Ok;
        if (section != Section::FeatureFlags && section != Section::Staging)
            allRead = allRead && t != Tone::Muted;
    }
    if (worst == Tone::Warning)
        return worst;
    if (!anyRead)
        return Tone::Muted;
    return allRead && anyClean ? Tone::Ok : Tone::Default;
}

QString SafetyNetsVerdict::toolTip(const SafetyNets &nets)
{
    QStringList lines;
    for (int i = 0; i < safetyNetSourceCount; ++i) {
        const auto source = SafetyNetSource(i);
        const SafetyNetSourceState &state = nets.sources[i];
        QString what = SafetyNetsText::sourceNote(source, state);
        if (state.state == State::Loaded) {
            const QDateTime at = QDateTime::fromMSecsSinceEpoch(state.fetchedMs, Qt::UTC);
            what = state.fetchedMs > 0 ? tr("read %1").arg(DetailText::timestamp(at)) : tr("read");
            if (!state.detail.isEmpty())
                what += tr("; reading it again failed: %1").arg(state.detail);
        }
        lines.append(tr("%1: %2").arg(SafetyNetsText::sourceName(source), what));
    }
    return lines.join(QLatin1Char('\n'));
}

Tone SafetyNetsVerdict::severityTone(const QString &severity)
{
    const QString word = severity.toUpper();
    if (word == QLatin1String("CRITICAL") || word == QLatin1String("HIGH"))
        return Tone::Failed;
    if (word == QLatin1String("MEDIUM"))
        return Tone::Warning;
    if (word == QLatin1String("UNKNOWN"))
        return Tone::Muted;
    return Tone::Default;
}

int SafetyNetsVerdict::priorityRank(const QString &priority)
{
    static const QStringList order
        = {QStringLiteral("emergency"),     QStringLiteral("alert"),   QStringLiteral("critical"),
           QStringLiteral("error"),         QStringLiteral("warning"), QStringLiteral("notice"),
           QStringLiteral("informational"), QStringLiteral("debug")};
    const qsizetype at = order.indexOf(priority.toLower());
    return at < 0 ? int(order.size()) : int(at);
}

Tone SafetyNetsVerdict::priorityTone(const QString &priority)
{
    const int rank = priorityRank(priority);
    if (rank <= 3)
        return Tone::Failed;
    return rank == 4 ? Tone::Warning : Tone::Default;
}

QString SafetyNetsVerdict::symbol(Tone tone)
{
    switch (tone) {
    case Tone::Failed:
        return QStringLiteral("Degraded");
    case Tone::Warning:
        return QStringLiteral("Paused");
    case Tone::Ok:
        return QStringLiteral("Healthy");
    default:
        return QString();
    }
}
