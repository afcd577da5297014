// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetynetstext.h"

#include <QStringList>

#include <algorithm>
#include <initializer_list>

#include <cmath>
#include <limits>

namespace {

using State = SafetyNetSourceState::State;

bool loaded(const SafetyNets &nets, SafetyNetSource source)
{
    return nets.sources[int(source)].state == State::Loaded;
}

const SafetyNetSide &currentSide(const SafetyNets &nets)
{
    return nets.canary.replicaSet.isEmpty() ? nets.stable : nets.canary;
}

} // namespace

// The vulnerability part: what the canary adds when both sides were scanned, else what the
// current version has; "not scanned" when Trivy runs but has no report for it yet.
static QString vulnerabilityPart(const SafetyNets &nets)
{
    if (!loaded(nets, SafetyNetSource::Vulnerabilities))
        return {};
    const auto &v = nets.vulnerabilities;
    const bool hasCanary = !nets.canary.replicaSet.isEmpty();
    if (!(hasCanary ? v.canaryScanned : v.stableScanned))
        return currentSide(nets).replicaSet.isEmpty() ? QString()
                                                      : SafetyNetsText::tr("not scanned");
    if (hasCanary && v.stableScanned) {
        SeverityCounts added;
        for (const Vulnerability &a : v.added) {
            added.critical
                += a.severity.compare(QLatin1String("CRITICAL"), Qt::CaseInsensitive) == 0;
            added.high += a.severity.compare(QLatin1String("HIGH"), Qt::CaseInsensitive) == 0;
        }
        if (added.critical > 0)
            return SafetyNetsText::tr("+%n critical CVEs", nullptr, added.critical);
        if (added.high > 0)
            return SafetyNetsText::tr("+%n high CVEs", nullptr, added.high);
        return {};
    }
    const int critical = hasCanary ? v.canary.critical : v.stable.critical;
    if (critical == 0)
        return {};
    return SafetyNetsText::tr("%n critical CVEs", nullptr, critical);
}

static QStringList policyParts(const SafetyNets &nets)
{
    QStringList parts;
    const auto &p = nets.policy;
    if (loaded(nets, SafetyNetSource::Policy) && p.counts.fail + p.counts.error > 0)
        parts.append(SafetyNetsText::tr("policy: %1 fail").arg(p.counts.fail + p.counts.error));
    const int violations = int(p.gatekeeper.size());
    if (loaded(nets, SafetyNetSource::Gatekeeper) && violations > 0)
        parts.append(SafetyNetsText::tr("%n Gatekeeper violations", nullptr, violations));
    const int denials = int(p.admissionDenials.size());
    if (denials > 0)
        parts.append(SafetyNetsText::tr("%n admission denials", nullptr, denials));
    return parts;
}

static QString ciPart(const SafetyNets &nets)
{
    if (!nets.ci.found)
        return {};
    if (nets.ci.run.failed())
        return SafetyNetsText::tr("CI failed");
    if (nets.ci.run.succeeded())
        return SafetyNetsText::tr("CI green");
    if (nets.ci.run.phase.isEmpty())
        return SafetyNetsText::tr("CI pending");
    return SafetyNetsText::tr("CI %1").arg(nets.ci.run.phase);
}

static QString stagingPart(const SafetyNets &nets)
{
    const auto &s = nets.staging;
    QStringList failed;
    if (std::any_of(s.loadTests.cbegin(), s.loadTests.cend(),
                    [](const LoadTestRun &r) { return r.failed(); }))
        failed.append(SafetyNetsText::tr("%1 load test failed").arg(s.environment));
    if (std::any_of(s.chaos.cbegin(), s.chaos.cend(),
                    [](const ChaosExperiment &e) { return e.failed(); }))
        failed.append(SafetyNetsText::tr("%1 chaos failed").arg(s.environment));
    if (!failed.isEmpty())
        return failed.join(QStringLiteral(" · "));
    return s.allPassed() ? SafetyNetsText::tr("%1 passed").arg(s.environment) : QString();
}

static QString falcoPart(const SafetyNets &nets)
{
    if (!loaded(nets, SafetyNetSource::Falco))
        return {};
    double sum = 0;
    for (const auto &[priority, count] :
         nets.canary.replicaSet.isEmpty() ? nets.falco.stable : nets.falco.canary)
        sum += count;
    const auto alerts = qint64(std::llround(sum));
    if (alerts == 0)
        return {};
    // %n is an int; a sum of alert counts from Prometheus could be anything.
    const auto shown = int(std::clamp<qint64>(alerts, std::numeric_limits<int>::min(),
                                              std::numeric_limits<int>::max()));
    return SafetyNetsText::tr("%n Falco alerts", nullptr, shown);
}

QString SafetyNetsText::summary(const SafetyNets &nets)
{
    QStringList parts {vulnerabilityPart(nets)};
    parts += policyParts(nets);
    parts << ciPart(nets) << stagingPart(nets) << falcoPart(nets);
    parts.removeAll(QString());
    if (!parts.isEmpty())
        return parts.join(QStringLiteral(" · "));
    const auto any = [&](std::initializer_list<State> states) {
        return std::any_of(
            std::cbegin(nets.sources), std::cend(nets.sources), [&](const SafetyNetSourceState &s) {
                return std::find(states.begin(), states.end(), s.state) != states.end();
            });
    };
    if (!any({State::Loaded}))
        return tr("not scanned");
    // A tool that is installed but could not be read may hold findings: say so.
    return any({State::Forbidden, State::Failed}) ? tr("no findings in what could be read")
                                                  : tr("no findings");
}

QString SafetyNetsText::sourceName(SafetyNetSource source)
{
    switch (source) {
    case SafetyNetSource::Vulnerabilities:
        return tr("Image vulnerabilities (Trivy)");
    case SafetyNetSource::ConfigAudit:
        return tr("Configuration audit (Trivy)");
    case SafetyNetSource::Policy:
        return tr("Policy reports");
    case SafetyNetSource::Gatekeeper:
        return tr("Gatekeeper constraints");
    case SafetyNetSource::Falco:
        return tr("Runtime alerts (Falco)");
    case SafetyNetSource::ArgoWorkflows:
        return tr("CI pipelines (Argo Workflows)");
    case SafetyNetSource::Tekton:
        return tr("CI pipelines (Tekton)");
    case SafetyNetSource::LoadTests:
        return tr("Load tests (k6)");
    case SafetyNetSource::LitmusChaos:
        return tr("Chaos experiments (LitmusChaos)");
    case SafetyNetSource::ChaosMesh:
        return tr("Chaos experiments (Chaos Mesh)");
    case SafetyNetSource::FeatureFlags:
        return tr("Feature flags (OpenFeature)");
    }
    return {};
}

namespace {

// The tool that would write the source's objects and the kind the API lacks when it is not
// installed; proper names, not translated.
struct SourceWords
{
    const char *tool = "";
    const char *kind = "";
    const char *plural = "";
};

SourceWords wordsOf(SafetyNetSource source)
{
    switch (source) {
    case SafetyNetSource::Vulnerabilities:
        return {"Trivy Operator", "VulnerabilityReport", "VulnerabilityReports"};
    case SafetyNetSource::ConfigAudit:
        return {"Trivy Operator", "ConfigAuditReport", "ConfigAuditReports"};
    case SafetyNetSource::Policy:
        return {"Kyverno", "PolicyReport", "PolicyReports"};
    case SafetyNetSource::Gatekeeper:
        return {"OPA Gatekeeper", "constraints.gatekeeper.sh", "Gatekeeper constraints"};
    case SafetyNetSource::Falco:
        return {"Falco exporter", "falco_events", "falco_events"};
    case SafetyNetSource::ArgoWorkflows:
        return {"Argo Workflows", "Workflow", "Workflows"};
    case SafetyNetSource::Tekton:
        return {"Tekton Pipelines", "PipelineRun", "PipelineRuns"};
    case SafetyNetSource::LoadTests:
        return {"k6 operator", "TestRun", "TestRuns"};
    case SafetyNetSource::LitmusChaos:
        return {"LitmusChaos", "ChaosResult", "ChaosResults"};
    case SafetyNetSource::ChaosMesh:
        return {"Chaos Mesh", "chaos-mesh.org", "Chaos Mesh experiments"};
    case SafetyNetSource::FeatureFlags:
        return {"OpenFeature operator", "FeatureFlag", "FeatureFlags"};
    }
    return {};
}

} // namespace

QString SafetyNetsText::sourceNote(SafetyNetSource source, const SafetyNetSourceState &state)
{
    const SourceWords words = wordsOf(source);
    const QString tool = QString::fromLatin1(words.tool);
    const QString kind = QString::fromLatin1(words.kind);
    const QString plural = QString::fromLatin1(words.plural);
    const bool falco = source == SafetyNetSource::Falco;
    switch (state.state) {
    case State::Loaded:
        return {};
    case State::NotAsked:
        return falco ? tr("Not asked: no Prometheus to query falco_events in.")
                     : tr("Not read yet.");
    case State::NotServed:
        if (falco)
            return tr("%1 reports nothing here (Prometheus has no %2 series).").arg(tool, kind);
        if (source == SafetyNetSource::Policy)
            return tr("No policy engine writes PolicyReports in this cluster (the API has no "
                      "PolicyReport kind).");
        if (kind.contains(QLatin1Char('.')))
            return tr("%1 is not installed in this cluster (the API has no %2 group).")
                .arg(tool, kind);
        return tr("%1 is not installed in this cluster (the API has no %2 kind).").arg(tool, kind);
    case State::Forbidden:
        return falco ? tr("Not allowed to query Prometheus for %1 here (403).").arg(kind)
                     : tr("Not allowed to list %1 here (403).").arg(plural);
    case State::Failed:
        return state.detail.isEmpty() ? tr("Could not read %1.").arg(plural)
                                      : tr("Could not read %1: %2").arg(plural, state.detail);
    }
    return {};
}

QString SafetyNetsText::severityName(const QString &trivySeverity)
{
    const QString upper = trivySeverity.toUpper();
    if (upper == QLatin1String("CRITICAL"))
        return tr("Critical");
    if (upper == QLatin1String("HIGH"))
        return tr("High");
    if (upper == QLatin1String("MEDIUM"))
        return tr("Medium");
    if (upper == QLatin1String("LOW"))
        return tr("Low");
    if (upper == QLatin1String("UNKNOWN"))
        return tr("Unknown");
    return trivySeverity;
}

SafetyNetsText::Evidence SafetyNetsText::evidence(const SafetyNets &nets, QString *line)
{
    const auto &s = nets.staging;
    const auto say = [&](Evidence verdict, const QString &text) {
        if (line)
            *line = text;
        return verdict;
    };
    if (s.environment.isEmpty())
        return say(Evidence::None, {});
    QStringList failed;
    for (const LoadTestRun &run : s.loadTests) {
        if (run.failed())
            failed.append(run.name);
    }
    for (const ChaosExperiment &e : s.chaos) {
        if (e.failed())
            failed.append(e.name);
    }
    if (!failed.isEmpty())
        return say(Evidence::Failed,
                   tr("%1: failed (%2)").arg(s.environment, failed.join(QStringLiteral(", "))));
    const int runs = int(s.loadTests.size() + s.chaos.size());
    if (s.allPassed())
        return say(
            Evidence::Passed,
            tr("%1: %n passed", "load tests and chaos experiments", runs).arg(s.environment));
    if (runs > 0)
        return say(
            Evidence::Missing,
            tr("%1: %n not finished", "load tests and chaos experiments", runs).arg(s.environment));
    // The staging sources' states are the earlier environment's (SafetyNetsAssembler).
    const auto read = [&](SafetyNetSource source) {
        return nets.sources[int(source)].state == SafetyNetSourceState::State::Loaded;
    };
    if (!read(SafetyNetSource::LoadTests) && !read(SafetyNetSource::LitmusChaos)
        && !read(SafetyNetSource::ChaosMesh))
        return say(Evidence::None, {});
    return say(Evidence::Missing,
               tr("%1: no load test or chaos experiment for this version").arg(s.environment));
}
