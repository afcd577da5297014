// SPDX-License-Identifier: GPL-3.0-or-later
#include "safetynetsjson.h"

#include <QJsonArray>

namespace {

QJsonObject severityJson(const SeverityCounts &c)
{
    return {{QStringLiteral("critical"), c.critical},
            {QStringLiteral("high"), c.high},
            {QStringLiteral("medium"), c.medium},
            {QStringLiteral("low"), c.low},
            {QStringLiteral("unknown"), c.unknown}};
}

QJsonArray vulnerabilitiesJson(const QList<Vulnerability> &list)
{
    QJsonArray out;
    for (const Vulnerability &v : list)
        out.append(QJsonObject {
            {QStringLiteral("id"), v.id},
            {QStringLiteral("package"), v.package},
            {QStringLiteral("installed"), v.installedVersion},
            {QStringLiteral("fixed"), v.fixedVersion},
            {QStringLiteral("severity"), v.severity},
            {QStringLiteral("score"), v.score < 0 ? QJsonValue() : QJsonValue(v.score)},
            {QStringLiteral("link"), v.link},
        });
    return out;
}

QJsonObject vulnerabilitySection(const SafetyNets::Vulnerabilities &v)
{
    QJsonArray config;
    for (const ConfigAuditCheck &c : v.configFailures)
        config.append(QJsonObject {{QStringLiteral("id"), c.id},
                                   {QStringLiteral("title"), c.title},
                                   {QStringLiteral("severity"), c.severity}});
    return {{QStringLiteral("canary"), severityJson(v.canary)},
            {QStringLiteral("stable"), severityJson(v.stable)},
            {QStringLiteral("canaryScanned"), v.canaryScanned},
            {QStringLiteral("stableScanned"), v.stableScanned},
            {QStringLiteral("added"), vulnerabilitiesJson(v.added)},
            {QStringLiteral("removed"), vulnerabilitiesJson(v.removed)},
            {QStringLiteral("configFailures"), config}};
}

QJsonArray policyResultsJson(const QList<PolicyResult> &list)
{
    QJsonArray out;
    for (const PolicyResult &r : list)
        out.append(QJsonObject {{QStringLiteral("policy"), r.policy},
                                {QStringLiteral("rule"), r.rule},
                                {QStringLiteral("result"), r.result},
                                {QStringLiteral("severity"), r.severity},
                                {QStringLiteral("message"), r.message}});
    return out;
}

QJsonObject policySection(const SafetyNets::Policy &p)
{
    return {{QStringLiteral("pass"), p.counts.pass},
            {QStringLiteral("fail"), p.counts.fail},
            {QStringLiteral("warn"), p.counts.warn},
            {QStringLiteral("error"), p.counts.error},
            {QStringLiteral("skip"), p.counts.skip},
            {QStringLiteral("failing"), policyResultsJson(p.failing)},
            {QStringLiteral("newFailures"), policyResultsJson(p.newFailures)},
            {QStringLiteral("admissionDenials"), QJsonArray::fromStringList(p.admissionDenials)}};
}

QJsonArray gatekeeperSection(const QList<GatekeeperViolation> &list)
{
    QJsonArray out;
    for (const GatekeeperViolation &v : list)
        out.append(QJsonObject {{QStringLiteral("constraintKind"), v.constraintKind},
                                {QStringLiteral("constraintName"), v.constraintName},
                                {QStringLiteral("enforcementAction"), v.enforcementAction},
                                {QStringLiteral("kind"), v.object.kind},
                                {QStringLiteral("name"), v.object.name},
                                {QStringLiteral("message"), v.message}});
    return out;
}

QJsonObject byPriorityJson(const QList<QPair<QString, double>> &counts)
{
    QJsonObject out;
    for (const auto &[priority, count] : counts)
        out.insert(priority, count);
    return out;
}

QJsonValue ciSection(const SafetyNets::Ci &ci)
{
    if (!ci.found)
        return QJsonValue::Null;
    QString failedStep;
    for (const CiStep &step : ci.run.steps) {
        if (step.phase == QLatin1String("Failed") || step.phase == QLatin1String("Error")) {
            failedStep = step.name;
            break;
        }
    }
    const bool argo = ci.run.kind == CiRun::Kind::ArgoWorkflow;
    return QJsonObject {
        {QStringLiteral("kind"),
         argo ? QStringLiteral("ArgoWorkflow") : QStringLiteral("TektonPipelineRun")},
        {QStringLiteral("name"), ci.run.name},
        {QStringLiteral("namespace"), ci.run.namespace_},
        {QStringLiteral("phase"), ci.run.phase},
        {QStringLiteral("failedStep"), failedStep},
        {QStringLiteral("message"), ci.run.message},
        {QStringLiteral("url"), ci.url},
        {QStringLiteral("matchedBy"), ci.matchedBy},
    };
}

QJsonObject stagingSection(const SafetyNets::Staging &s)
{
    QJsonArray loadTests, chaos;
    for (const LoadTestRun &r : s.loadTests)
        loadTests.append(
            QJsonObject {{QStringLiteral("name"), r.name}, {QStringLiteral("stage"), r.stage}});
    for (const ChaosExperiment &e : s.chaos)
        chaos.append(QJsonObject {{QStringLiteral("name"), e.name},
                                  {QStringLiteral("kind"), e.resourceKind},
                                  {QStringLiteral("verdict"), e.verdict},
                                  {QStringLiteral("phase"), e.phase}});
    return {{QStringLiteral("environment"), s.environment},
            {QStringLiteral("loadTests"), loadTests},
            {QStringLiteral("chaos"), chaos}};
}

QJsonArray flagsSection(const QList<FeatureFlag> &flags)
{
    QJsonArray out;
    for (const FeatureFlag &f : flags)
        out.append(
            QJsonObject {{QStringLiteral("key"), f.key},
                         {QStringLiteral("resource"), f.resource},
                         {QStringLiteral("state"), f.state},
                         {QStringLiteral("defaultVariant"), f.defaultVariant},
                         {QStringLiteral("variants"), QJsonArray::fromStringList(f.variants)},
                         {QStringLiteral("targeting"), f.targeting}});
    return out;
}

QString stateWord(SafetyNetSourceState::State state)
{
    using State = SafetyNetSourceState::State;
    switch (state) {
    case State::Loaded:
        return QStringLiteral("loaded");
    case State::NotServed:
        return QStringLiteral("notServed");
    case State::Forbidden:
        return QStringLiteral("forbidden");
    case State::Failed:
        return QStringLiteral("failed");
    case State::NotAsked:
        break;
    }
    return QStringLiteral("notAsked");
}

QJsonObject sourcesSection(const SafetyNets &nets)
{
    // In SafetyNetSource's order.
    static const char *const keys[safetyNetSourceCount]
        = {"vulnerabilities", "configAudit",   "policy",      "gatekeeper",
           "falco",           "argoWorkflows", "tekton",      "loadTests",
           "litmusChaos",     "chaosMesh",     "featureFlags"};
    QJsonObject out;
    for (int i = 0; i < safetyNetSourceCount; ++i)
        out.insert(QLatin1String(keys[i]), stateWord(nets.sources[i].state));
    return out;
}

} // namespace

QJsonObject safetyNetsJson(const SafetyNets &nets)
{
    return {
        {QStringLiteral("vulnerabilities"), vulnerabilitySection(nets.vulnerabilities)},
        {QStringLiteral("policy"), policySection(nets.policy)},
        {QStringLiteral("gatekeeper"), gatekeeperSection(nets.policy.gatekeeper)},
        {QStringLiteral("falco"),
         QJsonObject {{QStringLiteral("canary"), byPriorityJson(nets.falco.canary)},
                      {QStringLiteral("stable"), byPriorityJson(nets.falco.stable)}}},
        {QStringLiteral("ci"), ciSection(nets.ci)},
        {QStringLiteral("staging"), stagingSection(nets.staging)},
        {QStringLiteral("featureFlags"), flagsSection(nets.featureFlags)},
        {QStringLiteral("sources"), sourcesSection(nets)},
    };
}
