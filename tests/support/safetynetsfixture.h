// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Hand-made safety nets of one rollout (shop/checkout in prod) for the model and view tests:
// every section with something to show, as the assembler would join them.

#include "safetynets.h"

namespace SafetyNetsFixture {

// 2024-05-03 14:00:00 UTC.
inline constexpr qint64 baseMs = 1714744800000;

inline Vulnerability cve(const QString &id, const QString &package, const QString &severity,
                         double score, const QString &fixed = QStringLiteral("1.0.1"))
{
    Vulnerability v;
    v.id = id;
    v.package = package;
    v.installedVersion = QStringLiteral("1.0.0");
    v.fixedVersion = fixed;
    v.severity = severity;
    v.score = score;
    v.title = package + QStringLiteral(": a flaw");
    v.link = QStringLiteral("https://avd.aquasec.com/nvd/") + id.toLower();
    return v;
}

inline void loadEverything(SafetyNets &nets)
{
    for (SafetyNetSourceState &state : nets.sources) {
        state.state = SafetyNetSourceState::State::Loaded;
        state.fetchedMs = baseMs + 60000;
    }
}

inline PolicyResult policyResult(const QString &policy, const QString &rule, const QString &result,
                                 const QString &message)
{
    PolicyResult r;
    r.source = QStringLiteral("kyverno");
    r.policy = policy;
    r.rule = rule;
    r.result = result;
    r.severity = QStringLiteral("high");
    r.message = message;
    return r;
}

inline void fillFindings(SafetyNets &nets)
{
    auto &v = nets.vulnerabilities;
    v.canaryScanned = v.stableScanned = true;
    v.canary = SeverityCounts {1, 3, 5, 2, 0};
    v.stable = SeverityCounts {0, 4, 5, 2, 0};
    v.added = {cve(QStringLiteral("CVE-2024-3094"), QStringLiteral("xz-utils"),
                   QStringLiteral("CRITICAL"), 10.0, QStringLiteral("5.6.1"))};
    v.removed = {cve(QStringLiteral("CVE-2023-44487"), QStringLiteral("golang.org/x/net"),
                     QStringLiteral("HIGH"), 7.5)};
    ConfigAuditCheck check;
    check.id = QStringLiteral("KSV014");
    check.title = QStringLiteral("Root file system is not read-only");
    check.severity = QStringLiteral("HIGH");
    v.configFailures = {check};

    auto &p = nets.policy;
    p.counts = PolicyCounts {12, 2, 1, 0, 0};
    const PolicyResult labels
        = policyResult(QStringLiteral("require-labels"), QStringLiteral("check-team"),
                       QStringLiteral("fail"), QStringLiteral("label 'team' is required"));
    const PolicyResult probes
        = policyResult(QStringLiteral("require-probes"), QStringLiteral("liveness"),
                       QStringLiteral("fail"), QStringLiteral("livenessProbe is required"));
    p.failing = {probes, labels};
    p.newFailures = {labels};
    GatekeeperViolation violation;
    violation.constraintKind = QStringLiteral("K8sAllowedRepos");
    violation.constraintName = QStringLiteral("prod-repos");
    violation.enforcementAction = QStringLiteral("dryrun");
    violation.object = {QStringLiteral("Rollout"), QStringLiteral("shop"),
                        QStringLiteral("checkout"), QString()};
    violation.message = QStringLiteral("image is not from an allowed repository");
    p.gatekeeper = {violation};
    p.admissionDenials = {QStringLiteral("admission webhook \"validate.kyverno.svc\" denied the "
                                         "request: label 'team' is required")};

    nets.falco.canary = {{QStringLiteral("Critical"), 2}, {QStringLiteral("Notice"), 1}};
    nets.falco.stable = {{QStringLiteral("Notice"), 4}};
    nets.falco.canaryAlerts
        = {{QStringLiteral("checkout-7d9f-abcde"), QStringLiteral("Terminal shell in container"),
            QStringLiteral("Critical"), 2}};
}

inline void fillDelivery(SafetyNets &nets)
{
    auto &ci = nets.ci;
    ci.found = true;
    ci.matchedBy = QStringLiteral("ghcr.io/shop/checkout:2.0.4");
    ci.url = QStringLiteral("https://workflows.example.com/workflows/argo/build-checkout-x7");
    ci.run.kind = CiRun::Kind::ArgoWorkflow;
    ci.run.name = QStringLiteral("build-checkout-x7");
    ci.run.namespace_ = QStringLiteral("argo");
    ci.run.phase = QStringLiteral("Succeeded");
    ci.run.startedMs = baseMs - 600000;
    ci.run.finishedMs = baseMs - 348000; // 4m12s
    ci.run.steps = {{QStringLiteral("build"), QStringLiteral("Succeeded"), QString(),
                     baseMs - 600000, baseMs - 480000},
                    {QStringLiteral("test"), QStringLiteral("Succeeded"), QString(),
                     baseMs - 480000, baseMs - 348000}};

    nets.staging.environment = QStringLiteral("staging");
    LoadTestRun load;
    load.name = QStringLiteral("checkout-load");
    load.stage = QStringLiteral("finished");
    load.createdMs = baseMs - 3600000;
    nets.staging.loadTests = {load};
    ChaosExperiment chaos;
    chaos.resourceKind = QStringLiteral("ChaosResult");
    chaos.name = QStringLiteral("checkout-pod-delete");
    chaos.experiment = QStringLiteral("pod-delete");
    chaos.phase = QStringLiteral("Completed");
    chaos.verdict = QStringLiteral("Pass");
    chaos.probeSuccessPercentage = 100;
    chaos.target = QStringLiteral("app=checkout");
    nets.staging.chaos = {chaos};

    FeatureFlag flag;
    flag.resource = QStringLiteral("checkout-flags");
    flag.namespace_ = QStringLiteral("shop");
    flag.key = QStringLiteral("new-checkout");
    flag.state = QStringLiteral("ENABLED");
    flag.defaultVariant = QStringLiteral("off");
    flag.variants = {QStringLiteral("on=true"), QStringLiteral("off=false")};
    flag.targeting = QStringLiteral("{\"fractional\":[[\"on\",10],[\"off\",90]]}");
    nets.featureFlags = {flag};
}

// Every source read; the canary adds a critical CVE and fails a new policy rule.
inline SafetyNets checkout()
{
    SafetyNets nets;
    nets.environment = QStringLiteral("prod");
    nets.namespace_ = QStringLiteral("shop");
    nets.rollout = QStringLiteral("checkout");
    nets.canary.replicaSet = QStringLiteral("checkout-7d9f");
    nets.canary.images = {QStringLiteral("ghcr.io/shop/checkout:2.0.4")};
    nets.canary.createdMs = baseMs;
    nets.stable.replicaSet = QStringLiteral("checkout-5c6b");
    nets.stable.images = {QStringLiteral("ghcr.io/shop/checkout:2.0.3")};
    loadEverything(nets);
    fillFindings(nets);
    fillDelivery(nets);
    return nets;
}

// Nothing but the feature flags could be read: Trivy and Gatekeeper are not installed,
// PolicyReports are forbidden, Falco was not asked, CI failed to read.
inline SafetyNets unread()
{
    SafetyNets nets;
    nets.environment = QStringLiteral("prod");
    nets.namespace_ = QStringLiteral("shop");
    nets.rollout = QStringLiteral("checkout");
    nets.canary.replicaSet = QStringLiteral("checkout-7d9f");
    nets.stable.replicaSet = QStringLiteral("checkout-5c6b");
    using State = SafetyNetSourceState::State;
    const auto set = [&](SafetyNetSource source, State state, const QString &detail = {}) {
        nets.sources[int(source)].state = state;
        nets.sources[int(source)].detail = detail;
    };
    set(SafetyNetSource::Vulnerabilities, State::NotServed);
    set(SafetyNetSource::ConfigAudit, State::NotServed);
    set(SafetyNetSource::Policy, State::Forbidden);
    set(SafetyNetSource::Gatekeeper, State::NotServed);
    set(SafetyNetSource::ArgoWorkflows, State::Failed, QStringLiteral("HTTP 500"));
    set(SafetyNetSource::Tekton, State::NotServed);
    set(SafetyNetSource::FeatureFlags, State::Loaded);
    nets.staging.environment = QStringLiteral("staging");
    set(SafetyNetSource::LoadTests, State::NotServed);
    set(SafetyNetSource::LitmusChaos, State::NotServed);
    set(SafetyNetSource::ChaosMesh, State::NotServed);
    return nets;
}

} // namespace SafetyNetsFixture
