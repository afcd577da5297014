// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the safety-net assembler, text and JSON tests share: the rollout "cart" in prod's
// namespace "shop" half-way through a canary (ReplicaSet cart-new1 against cart-old1), and an
// inventory of reports about it and its neighbours. The canary adds a critical CVE and fixes
// another, fails a policy rule stable passes, runs in a namespace Gatekeeper flags, raised
// Falco alerts on one pod, and was built by a Workflow that failed its test step; staging's
// chaos experiment failed; Tekton may not be listed (403).

#include "rolloutdetail.h"
#include "safetynets.h"
#include "safetynetsconfig.h"

#include <QDateTime>

namespace SafetyNetsTest {

inline const QString canaryImage = QStringLiteral("reg.example/shop/cart:2.0.4");
inline const QString stableImage = QStringLiteral("reg.example/shop/cart:2.0.3");
inline const QString proxyImage = QStringLiteral(
    "reg.example/"
    "proxy:1.2@sha256:1111111111111111111111111111111111111111111111111111111111111111");

inline ReplicaSet replicaSet(const QString &hash, const QStringList &images, qint64 createdMs)
{
    ReplicaSet rs;
    rs.metadata.name = QStringLiteral("cart-") + hash;
    rs.metadata.namespaceName = QStringLiteral("shop");
    rs.metadata.uid = QStringLiteral("uid-rs-") + hash;
    rs.metadata.creationTimestamp = QDateTime::fromMSecsSinceEpoch(createdMs, Qt::UTC);
    rs.metadata.labels.insert(QStringLiteral("rollouts-pod-template-hash"), hash);
    const QStringList names {QStringLiteral("cart"), QStringLiteral("proxy")};
    for (int i = 0; i < images.size(); ++i)
        rs.podTemplate.containers.append(ContainerSpec {names.value(i), images[i], false});
    return rs;
}

inline Pod pod(const QString &name)
{
    Pod p;
    p.metadata.name = name;
    p.metadata.namespaceName = QStringLiteral("shop");
    return p;
}

inline Event event(const QString &type, const QString &reason, const QString &message)
{
    Event e;
    e.type = type;
    e.reason = reason;
    e.message = message;
    return e;
}

// Canary "new1" (cart 2.0.4 and the proxy, two pods) against stable "old1" (cart 2.0.3).
inline RolloutDetail detail()
{
    RolloutDetail d;
    d.environment = QStringLiteral("prod");
    d.rollout.metadata.name = QStringLiteral("cart");
    d.rollout.metadata.namespaceName = QStringLiteral("shop");
    d.rollout.metadata.uid = QStringLiteral("uid-cart");
    d.rollout.status.currentPodHash = QStringLiteral("new1");
    d.rollout.status.stableRS = QStringLiteral("old1");
    d.replicaSets = {replicaSet(QStringLiteral("new1"), {canaryImage, proxyImage}, 7000),
                     replicaSet(QStringLiteral("old1"), {stableImage, proxyImage}, 1000)};
    d.podsByReplicaSetUid.insert(
        QStringLiteral("uid-rs-new1"),
        {pod(QStringLiteral("cart-new1-aaaaa")), pod(QStringLiteral("cart-new1-bbbbb"))});
    d.podsByReplicaSetUid.insert(QStringLiteral("uid-rs-old1"),
                                 {pod(QStringLiteral("cart-old1-ccccc"))});
    const QString denied = QStringLiteral(
        "Error creating: admission webhook \"validate.kyverno.svc-fail\" denied the request: "
        "policy Pod/shop/cart for resource violation: require-run-as-non-root");
    d.events = {
        event(QStringLiteral("Warning"), QStringLiteral("FailedCreate"), denied),
        event(QStringLiteral("Warning"), QStringLiteral("FailedCreate"),
              QStringLiteral("Error creating: pods \"cart-new1-x\" is forbidden: violates "
                             "PodSecurity \"restricted:latest\": runAsNonRoot != true")),
        event(QStringLiteral("Warning"), QStringLiteral("FailedCreate"), denied),
        event(QStringLiteral("Normal"), QStringLiteral("Note"),
              QStringLiteral("admission webhook \"x\" denied nothing: dry run")),
        event(QStringLiteral("Warning"), QStringLiteral("BackOff"),
              QStringLiteral("Back-off restarting failed container")),
    };
    return d;
}

inline Vulnerability vulnerability(const char *id, const char *package, const char *severity,
                                   double score)
{
    Vulnerability v;
    v.id = QString::fromLatin1(id);
    v.package = QString::fromLatin1(package);
    v.installedVersion = QStringLiteral("1.0");
    v.fixedVersion = QStringLiteral("1.1");
    v.severity = QString::fromLatin1(severity);
    v.score = score;
    v.link = QStringLiteral("https://avd.aquasec.com/nvd/") + v.id.toLower();
    return v;
}

inline VulnerabilityReport vulnerabilityReport(const QString &replicaSet, const char *container,
                                               const QList<Vulnerability> &vulnerabilities,
                                               qint64 updatedMs = 5000)
{
    VulnerabilityReport r;
    r.name = QStringLiteral("replicaset-") + replicaSet + QLatin1Char('-')
        + QString::fromLatin1(container);
    r.namespace_ = QStringLiteral("shop");
    r.owner = ObjectRef {QStringLiteral("ReplicaSet"), QStringLiteral("shop"), replicaSet, {}};
    r.container = QString::fromLatin1(container);
    r.updatedMs = updatedMs;
    r.vulnerabilities = vulnerabilities;
    for (const Vulnerability &v : vulnerabilities) {
        const QString s = v.severity;
        r.summary.critical += s == QLatin1String("CRITICAL");
        r.summary.high += s == QLatin1String("HIGH");
        r.summary.medium += s == QLatin1String("MEDIUM");
        r.summary.low += s == QLatin1String("LOW");
        r.summary.unknown += s == QLatin1String("UNKNOWN");
    }
    return r;
}

inline ObjectRef ref(const char *kind, const char *name, const char *ns = "shop")
{
    return ObjectRef {
        QString::fromLatin1(kind), QString::fromLatin1(ns), QString::fromLatin1(name), {}};
}

inline PolicyResult result(const char *policy, const char *rule, const char *outcome,
                           qint64 timestampMs, const QList<ObjectRef> &resources = {})
{
    PolicyResult r;
    r.source = QStringLiteral("kyverno");
    r.policy = QString::fromLatin1(policy);
    r.rule = QString::fromLatin1(rule);
    r.result = QString::fromLatin1(outcome);
    r.severity = QStringLiteral("high");
    r.message = r.policy + QStringLiteral(": ") + r.result;
    r.timestampMs = timestampMs;
    r.resources = resources;
    return r;
}

inline PolicyReport policyReport(const ObjectRef &scope, const QList<PolicyResult> &results)
{
    PolicyReport r;
    r.name = scope.name;
    r.namespace_ = scope.namespace_;
    r.scope = scope;
    r.results = results;
    return r;
}

inline FalcoCount falco(const char *pod, const char *rule, const char *priority, double count)
{
    return FalcoCount {QString::fromLatin1(pod), QString::fromLatin1(rule),
                       QString::fromLatin1(priority), count};
}

inline CiRun ciRun(CiRun::Kind kind, const char *name, const char *phase, qint64 startedMs,
                   const QStringList &values)
{
    CiRun run;
    run.kind = kind;
    run.name = QString::fromLatin1(name);
    run.namespace_ = QStringLiteral("ci");
    run.phase = QString::fromLatin1(phase);
    run.startedMs = startedMs;
    run.values = values;
    return run;
}

// Trivy, policy and Gatekeeper reports about the canary, the stable and their neighbours.
inline void addReports(SafetyNetInventory *own)
{
    const QString canary = QStringLiteral("cart-new1"), stable = QStringLiteral("cart-old1");
    const auto shared = vulnerability("CVE-2023-0002", "zlib", "HIGH", 7.5);
    const auto low = vulnerability("CVE-2022-0009", "busybox", "LOW", 3.1);
    own->vulnerabilityReports = {
        // Listed before the critical one: `added` is sorted, not in report order.
        vulnerabilityReport(canary, "cart",
                            {vulnerability("CVE-2024-0003", "libxml2", "MEDIUM", 5.3),
                             vulnerability("CVE-2024-0001", "openssl", "CRITICAL", 9.8), shared}),
        // An older scan of the same container, superseded by the one above.
        vulnerabilityReport(canary, "cart", {vulnerability("CVE-2019-1", "old", "CRITICAL", 10)},
                            100),
        vulnerabilityReport(canary, "proxy", {low}),
        vulnerabilityReport(stable, "cart",
                            {shared, vulnerability("CVE-2023-0004", "curl", "HIGH", 8.1)}),
        vulnerabilityReport(stable, "proxy", {low}),
        vulnerabilityReport(QStringLiteral("payments-abc"), "payments",
                            {vulnerability("CVE-2020-7", "x", "CRITICAL", 9)}),
    };
    ConfigAuditReport audit;
    audit.owner = ref("ReplicaSet", "cart-new1");
    audit.checks = {ConfigAuditCheck {QStringLiteral("KSV014"),
                                      QStringLiteral("Root file system is not read-only"),
                                      QStringLiteral("HIGH"),
                                      {},
                                      {},
                                      false},
                    ConfigAuditCheck {QStringLiteral("KSV003"),
                                      QStringLiteral("Drops ALL"),
                                      QStringLiteral("LOW"),
                                      {},
                                      {},
                                      true}};
    ConfigAuditReport rolloutAudit;
    rolloutAudit.owner = ref("Rollout", "cart");
    rolloutAudit.checks = {ConfigAuditCheck {QStringLiteral("KSV001"),
                                             QStringLiteral("Escalation"),
                                             QStringLiteral("MEDIUM"),
                                             {},
                                             {},
                                             false}};
    own->configAuditReports = {rolloutAudit, audit};
    own->policyReports = {
        policyReport(ref("ReplicaSet", "cart-new1"),
                     {result("require-run-as-non-root", "check-containers", "fail", 2000),
                      result("disallow-latest-tag", "validate-image-tag", "pass", 1000)}),
        policyReport(ref("ReplicaSet", "cart-old1"),
                     {result("require-run-as-non-root", "check-containers", "pass", 900),
                      result("disallow-latest-tag", "validate-image-tag", "pass", 900)}),
        // Failing for both sides: not new.
        policyReport(ref("Pod", "cart-new1-aaaaa"),
                     {result("require-limits", "check", "fail", 3000)}),
        policyReport(ref("Pod", "cart-old1-ccccc"),
                     {result("require-limits", "check", "fail", 800)}),
        policyReport(ref("Rollout", "cart"), {result("require-labels", "check-team", "warn", 500)}),
        // Cluster-scoped, naming its resources; the same pod name elsewhere does not count.
        policyReport(ObjectRef {},
                     {result("verify-images", "check-signature", "error", 2500,
                             {ref("Pod", "cart-new1-bbbbb")}),
                      result("verify-images", "check-signature", "fail", 2600,
                             {ref("Pod", "cart-new1-bbbbb", "other")})}),
        policyReport(ref("ReplicaSet", "payments-abc"),
                     {result("require-limits", "check", "fail", 4000)}),
    };
    GatekeeperConstraint labels;
    labels.kind = QStringLiteral("K8sRequiredLabels");
    labels.name = QStringLiteral("ns-must-have-owner");
    labels.enforcementAction = QStringLiteral("dryrun");
    for (const ObjectRef &object : {ref("Namespace", "shop", ""), ref("Namespace", "other", ""),
                                    ref("Deployment", "payments")})
        labels.violations.append(GatekeeperViolation {
            {}, {}, {}, object, QStringLiteral("you must provide labels: owner")});
    GatekeeperConstraint limits;
    limits.kind = QStringLiteral("K8sContainerLimits");
    limits.name = QStringLiteral("container-must-have-limits");
    limits.enforcementAction = QStringLiteral("deny");
    limits.violations = {GatekeeperViolation {
        limits.kind, limits.name, QStringLiteral("warn"), ref("Pod", "cart-old1-ccccc"),
        QStringLiteral("container <cart> has no memory limit")}};
    own->gatekeeperConstraints = {labels, limits};
}

// Falco counts, CI runs and feature flags.
inline void addEvidence(SafetyNetInventory *own)
{
    own->falco = {
        falco("cart-new1-aaaaa", "Terminal shell in container", "Notice", 2),
        falco("cart-new1-aaaaa", "Read sensitive file untrusted", "Warning", 1),
        // A canary pod replaced during the release: no longer listed, still the canary's.
        falco("cart-new1-zzzzz", "Terminal shell in container", "Notice", 1),
        falco("cart-new1-bbbbb", "Launch package management process", "Error", 0),
        falco("cart-old1-ccccc", "Contact K8S API server", "Notice", 1),
        falco("payments-abc-ddddd", "Terminal shell in container", "Critical", 5),
    };
    using Kind = CiRun::Kind;
    CiRun failed = ciRun(Kind::ArgoWorkflow, "cart-build-101", "Failed", 5000, {canaryImage});
    failed.message = QStringLiteral("child 'test' failed");
    failed.steps = {CiStep {QStringLiteral("build"), QStringLiteral("Succeeded"), {}, 5000, 5100},
                    CiStep {QStringLiteral("test"), QStringLiteral("Failed"),
                            QStringLiteral("exit code 1"), 5100, 5200}};
    own->ciRuns = {
        ciRun(Kind::ArgoWorkflow, "cart-build-099", "Succeeded", 4000, {canaryImage}),
        failed,
        ciRun(Kind::ArgoWorkflow, "cart-build-100", "Succeeded", 6000, {stableImage}),
        ciRun(Kind::TektonPipelineRun, "cart-bare", "Succeeded", 7000,
              {QStringLiteral("reg.example/shop/cart")}),
    };
    FeatureFlag flag;
    flag.resource = QStringLiteral("cart-flags");
    flag.namespace_ = QStringLiteral("shop");
    flag.key = QStringLiteral("new-checkout");
    flag.state = QStringLiteral("ENABLED");
    flag.defaultVariant = QStringLiteral("off");
    flag.variants = {QStringLiteral("on=true"), QStringLiteral("off=false")};
    flag.targeting = QStringLiteral("{\"fractional\":[[\"on\",10],[\"off\",90]]}");
    own->featureFlags = {flag};
}

// Every source loaded except Tekton (403).
inline SafetyNetInventory inventory()
{
    SafetyNetInventory own;
    own.environment = QStringLiteral("prod");
    own.namespace_ = QStringLiteral("shop");
    for (SafetyNetSourceState &s : own.sources)
        s.state = SafetyNetSourceState::State::Loaded;
    own.source(SafetyNetSource::Tekton).state = SafetyNetSourceState::State::Forbidden;
    own.source(SafetyNetSource::Tekton).detail = QStringLiteral("pipelineruns is forbidden");
    addReports(&own);
    addEvidence(&own);
    return own;
}

// Staging: a finished k6 run, Litmus pod-delete failed, Chaos Mesh's network chaos recovered;
// runs older than the version (before 1000) or aimed at other apps do not count.
inline SafetyNetInventory staging()
{
    SafetyNetInventory earlier;
    earlier.environment = QStringLiteral("staging");
    earlier.namespace_ = QStringLiteral("shop");
    for (SafetyNetSourceState &s : earlier.sources)
        s.state = SafetyNetSourceState::State::Loaded;
    earlier.source(SafetyNetSource::Tekton).state = SafetyNetSourceState::State::NotServed;
    const auto load = [](const char *name, const char *stage, qint64 createdMs,
                         QHash<QString, QString> labels = {}) {
        return LoadTestRun {QString::fromLatin1(name), QStringLiteral("shop"),
                            QString::fromLatin1(stage), createdMs, labels};
    };
    earlier.loadTests
        = {load("cart-load-7", "finished", 9000), load("cartography-load", "error", 9000),
           load("smoke", "finished", 8500, {{QStringLiteral("app"), QStringLiteral("cart")}}),
           load("cart-load-1", "error", 500)};
    const auto chaos = [](ChaosExperiment::Kind kind, const char *name, const char *verdict,
                          const char *phase, const char *target, qint64 createdMs) {
        ChaosExperiment e;
        e.kind = kind;
        e.resourceKind = kind == ChaosExperiment::Kind::ChaosMesh ? QStringLiteral("NetworkChaos")
                                                                  : QStringLiteral("ChaosResult");
        e.name = QString::fromLatin1(name);
        e.verdict = QString::fromLatin1(verdict);
        e.phase = QString::fromLatin1(phase);
        e.target = QString::fromLatin1(target);
        e.createdMs = createdMs;
        return e;
    };
    using Kind = ChaosExperiment::Kind;
    earlier.chaosExperiments = {
        chaos(Kind::ChaosMesh, "cart-delay", "", "Recovered",
              "tier=web,app.kubernetes.io/name=cart", 8000),
        chaos(Kind::LitmusChaosResult, "cart-pod-delete", "Fail", "Completed", "app=cart", 9500),
        chaos(Kind::LitmusChaosResult, "cart-old", "Fail", "Completed", "app=cart", 100),
        chaos(Kind::LitmusChaosResult, "payments-pod-delete", "Fail", "Completed", "app=payments",
              9600),
        chaos(Kind::LitmusChaosResult, "cart-checkout", "Fail", "Completed", "app=cart-checkout",
              9600),
    };
    return earlier;
}

inline SafetyNetsConfig config()
{
    SafetyNetsConfig c;
    c.argoWorkflowsUrl = QStringLiteral("https://workflows.example.com/");
    c.tektonDashboardUrl = QStringLiteral("https://tekton.example.com");
    return c;
}

} // namespace SafetyNetsTest
