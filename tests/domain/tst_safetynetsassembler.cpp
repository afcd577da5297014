// SPDX-License-Identifier: GPL-3.0-or-later
// SafetyNetsAssembler: the canary and stable sides of a rollout, and each join of an
// inventory to them (Trivy reports, policy results, Gatekeeper violations, admission denials,
// Falco counts, the CI run, staging evidence), on the hand-built scenario of
// safetynetsfixture.h.
#include "safetynetsassembler.h"
#include "safetynetsfixture.h"

#include <QTest>

using namespace SafetyNetsTest;

namespace {

SafetyNets assembled(const RolloutDetail &d = detail(), const SafetyNetInventory &own = inventory(),
                     const SafetyNetsConfig &c = config())
{
    const SafetyNetInventory earlier = staging();
    return SafetyNetsAssembler::assemble(d, own, &earlier, 1000, c);
}

QStringList ids(const QList<Vulnerability> &list)
{
    QStringList out;
    for (const Vulnerability &v : list)
        out.append(v.id + QLatin1Char('/') + v.package);
    return out;
}

QStringList rules(const QList<PolicyResult> &list)
{
    QStringList out;
    for (const PolicyResult &r : list)
        out.append(r.policy + QLatin1Char('/') + r.rule + QLatin1Char('=') + r.result);
    return out;
}

} // namespace

class TestSafetyNetsAssembler : public QObject
{
    Q_OBJECT

private slots:
    void sides()
    {
        const SafetyNetSide canary = SafetyNetsAssembler::canarySide(detail());
        QCOMPARE(canary.replicaSet, QStringLiteral("cart-new1"));
        QCOMPARE(canary.replicaSetUid, QStringLiteral("uid-rs-new1"));
        QCOMPARE(canary.podTemplateHash, QStringLiteral("new1"));
        QCOMPARE(canary.images, QStringList({canaryImage, proxyImage}));
        QCOMPARE(canary.pods, QStringList({"cart-new1-aaaaa", "cart-new1-bbbbb"}));
        QCOMPARE(canary.createdMs, 7000);
        const SafetyNetSide stable = SafetyNetsAssembler::stableSide(detail());
        QCOMPARE(stable.replicaSet, QStringLiteral("cart-old1"));
        QCOMPARE(stable.pods, QStringList({"cart-old1-ccccc"}));

        // Fully promoted: nothing to compare, only stable.
        RolloutDetail promoted = detail();
        promoted.rollout.status.stableRS = QStringLiteral("new1");
        QVERIFY(SafetyNetsAssembler::canarySide(promoted).replicaSet.isEmpty());
        QCOMPARE(SafetyNetsAssembler::stableSide(promoted).replicaSet, QStringLiteral("cart-new1"));
        // A hash no owned ReplicaSet has yet.
        RolloutDetail unknown = detail();
        unknown.rollout.status.currentPodHash = QStringLiteral("new2");
        QVERIFY(SafetyNetsAssembler::canarySide(unknown).replicaSet.isEmpty());
    }

    void vulnerabilities()
    {
        const SafetyNets nets = assembled();
        QCOMPARE(nets.environment, QStringLiteral("prod"));
        QCOMPARE(nets.namespace_, QStringLiteral("shop"));
        QCOMPARE(nets.rollout, QStringLiteral("cart"));
        const auto &v = nets.vulnerabilities;
        QVERIFY(v.canaryScanned);
        QVERIFY(v.stableScanned);
        // The newer scan of the canary's cart container only, plus its proxy.
        QCOMPARE(v.canary.critical, 1);
        QCOMPARE(v.canary.high, 1);
        QCOMPARE(v.canary.medium, 1);
        QCOMPARE(v.canary.low, 1);
        QCOMPARE(v.canary.unknown, 0);
        QCOMPARE(v.stable.critical, 0);
        QCOMPARE(v.stable.high, 2);
        QCOMPARE(v.stable.low, 1);
        QCOMPARE(ids(v.added), QStringList({"CVE-2024-0001/openssl", "CVE-2024-0003/libxml2"}));
        QCOMPARE(v.added.first().score, 9.8);
        QCOMPARE(v.added.first().fixedVersion, QStringLiteral("1.1"));
        QCOMPARE(ids(v.removed), QStringList({"CVE-2023-0004/curl"}));
        QCOMPARE(v.configFailures.size(), 1);
        QCOMPARE(v.configFailures.first().id, QStringLiteral("KSV014"));
    }

    void addedSortedBySeverityThenScore()
    {
        SafetyNetInventory own = inventory();
        own.vulnerabilityReports[0].vulnerabilities.append(
            {vulnerability("CVE-2024-0005", "glibc", "CRITICAL", 7.0),
             vulnerability("CVE-2024-0006", "pcre", "CRITICAL", 9.9)});
        QCOMPARE(ids(assembled(detail(), own).vulnerabilities.added),
                 QStringList({"CVE-2024-0006/pcre", "CVE-2024-0001/openssl", "CVE-2024-0005/glibc",
                              "CVE-2024-0003/libxml2"}));
    }

    void partialScanComparesNothing()
    {
        SafetyNetInventory own = inventory();
        own.vulnerabilityReports.removeAt(4); // stable's proxy not scanned yet
        const auto v = assembled(detail(), own).vulnerabilities;
        QVERIFY(v.canaryScanned);
        QVERIFY(!v.stableScanned);
        QCOMPARE(v.stable.high, 2);
        // With a container unscanned, every canary CVE would look added.
        QVERIFY(v.added.isEmpty());
        QVERIFY(v.removed.isEmpty());
    }

    void configFailuresFallBackToTheRollout()
    {
        SafetyNetInventory own = inventory();
        own.configAuditReports.removeLast();
        const auto failures = assembled(detail(), own).vulnerabilities.configFailures;
        QCOMPARE(failures.size(), 1);
        QCOMPARE(failures.first().id, QStringLiteral("KSV001"));
    }

    void policy()
    {
        const auto p = assembled().policy;
        // Canary ReplicaSet: 1 fail 1 pass; its pods: 1 fail, 1 error; the rollout: 1 warn.
        QCOMPARE(p.counts.pass, 1);
        QCOMPARE(p.counts.fail, 2);
        QCOMPARE(p.counts.warn, 1);
        QCOMPARE(p.counts.error, 1);
        QCOMPARE(p.counts.skip, 0);
        QCOMPARE(rules(p.failing),
                 QStringList({"require-limits/check=fail", "verify-images/check-signature=error",
                              "require-run-as-non-root/check-containers=fail"}));
        // require-limits fails for stable's pod as well.
        QCOMPARE(rules(p.newFailures),
                 QStringList({"verify-images/check-signature=error",
                              "require-run-as-non-root/check-containers=fail"}));

        RolloutDetail promoted = detail();
        promoted.rollout.status.stableRS = QStringLiteral("new1");
        const auto stable = assembled(promoted).policy;
        QCOMPARE(stable.counts.fail, 2); // the current (stable) version's results
        QVERIFY(stable.newFailures.isEmpty());
    }

    void gatekeeper()
    {
        const auto violations = assembled().policy.gatekeeper;
        QCOMPARE(violations.size(), 2);
        QCOMPARE(violations[0].object.kind, QStringLiteral("Namespace"));
        QCOMPARE(violations[0].object.name, QStringLiteral("shop"));
        QCOMPARE(violations[0].constraintKind, QStringLiteral("K8sRequiredLabels"));
        QCOMPARE(violations[0].constraintName, QStringLiteral("ns-must-have-owner"));
        QCOMPARE(violations[0].enforcementAction, QStringLiteral("dryrun"));
        QCOMPARE(violations[1].object.name, QStringLiteral("cart-old1-ccccc"));
        QCOMPARE(violations[1].enforcementAction, QStringLiteral("warn"));
    }

    void admissionDenials()
    {
        const QStringList denials = assembled().policy.admissionDenials;
        QCOMPARE(denials.size(), 2);
        QVERIFY(denials[0].contains(QLatin1String("validate.kyverno.svc-fail")));
        QVERIFY(denials[1].contains(QLatin1String("violates PodSecurity")));
    }

    void falco()
    {
        const auto f = assembled().falco;
        using Counts = QList<QPair<QString, double>>;
        QCOMPARE(f.canary, Counts({{"Warning", 1.0}, {"Notice", 3.0}}));
        QCOMPARE(f.stable, Counts({{"Notice", 1.0}}));
        QCOMPARE(f.canaryAlerts.size(), 2);
        QCOMPARE(f.canaryAlerts[0].rule, QStringLiteral("Terminal shell in container"));
        QCOMPARE(f.canaryAlerts[0].count, 3.0);
        QVERIFY(f.canaryAlerts[0].pod.isEmpty()); // two pods raised it
        QCOMPARE(f.canaryAlerts[1].rule, QStringLiteral("Read sensitive file untrusted"));
        QCOMPARE(f.canaryAlerts[1].pod, QStringLiteral("cart-new1-aaaaa"));
    }

    void ciMatchedByImage()
    {
        const auto ci = assembled().ci;
        QVERIFY(ci.found);
        // The newest of the two runs naming 2.0.4; the stable's and the bare repository's not.
        QCOMPARE(ci.run.name, QStringLiteral("cart-build-101"));
        QCOMPARE(ci.matchedBy, canaryImage);
        QCOMPARE(ci.url,
                 QStringLiteral("https://workflows.example.com/workflows/ci/cart-build-101"));
    }

    void ciMatchedByDigest()
    {
        const QString digest = QStringLiteral("sha256:") + QString(64, QLatin1Char('b'));
        RolloutDetail d = detail();
        d.replicaSets[0].podTemplate.containers[0].image
            = QStringLiteral("reg.example/shop/cart@") + digest;
        SafetyNetInventory own = inventory();
        CiRun run = ciRun(CiRun::Kind::TektonPipelineRun, "cart build#7", "Succeeded", 100,
                          {QStringLiteral("main"), digest});
        // Runs naming only the proxy both sides run are not the release's pipeline.
        own.ciRuns = {run, ciRun(CiRun::Kind::ArgoWorkflow, "proxy", "Failed", 900, {proxyImage})};
        auto ci = assembled(d, own).ci;
        QVERIFY(ci.found);
        QCOMPARE(ci.run.name, QStringLiteral("cart build#7"));
        QCOMPARE(ci.matchedBy, digest);
        QCOMPARE(ci.url,
                 QStringLiteral("https://tekton.example.com/#/namespaces/ci/pipelineruns/"
                                "cart%20build%237"));

        // A tag-only image: the digest Trivy resolved for the canary's container.
        const QString resolved = QStringLiteral("sha256:") + QString(64, QLatin1Char('c'));
        own = inventory();
        own.vulnerabilityReports[0].digest = resolved;
        own.ciRuns = {ciRun(CiRun::Kind::TektonPipelineRun, "cart-pr", "Succeeded", 100,
                            {QStringLiteral("reg.example/shop/cart@") + resolved})};
        ci = assembled(detail(), own).ci;
        QCOMPARE(ci.run.name, QStringLiteral("cart-pr"));
        QCOMPARE(ci.matchedBy, resolved);

        // Only the shared proxy named: still better than nothing.
        own.ciRuns = {ciRun(CiRun::Kind::ArgoWorkflow, "proxy", "Failed", 900, {proxyImage})};
        ci = assembled(detail(), own).ci;
        QCOMPARE(ci.run.name, QStringLiteral("proxy"));
        QCOMPARE(ci.matchedBy, proxyImage.mid(proxyImage.indexOf(QLatin1Char('@')) + 1));
    }

    void ciMatchedByLabels()
    {
        SafetyNetsConfig c = config();
        c.ciLabels = {{QStringLiteral("app.kubernetes.io/name"), QStringLiteral("{{rollout}}")},
                      {QStringLiteral("env"), QStringLiteral("{{ environment }}")}};
        CiRun labelled = ciRun(CiRun::Kind::ArgoWorkflow, "nightly", "Running", 100, {});
        labelled.labels = {{QStringLiteral("app.kubernetes.io/name"), QStringLiteral("cart")},
                           {QStringLiteral("env"), QStringLiteral("prod")}};
        CiRun partly = ciRun(CiRun::Kind::ArgoWorkflow, "partly", "Running", 200, {});
        partly.labels = {{QStringLiteral("app.kubernetes.io/name"), QStringLiteral("cart")}};
        SafetyNetInventory own = inventory();
        own.ciRuns = {labelled, partly};
        auto ci = assembled(detail(), own, c).ci;
        QVERIFY(ci.found);
        QCOMPARE(ci.run.name, QStringLiteral("nightly"));
        QCOMPARE(ci.matchedBy, QStringLiteral("app.kubernetes.io/name=cart,env=prod"));
        QCOMPARE(ci.url, QStringLiteral("https://workflows.example.com/workflows/ci/nightly"));

        // An image match wins over a newer label match.
        own = inventory();
        labelled.startedMs = 99999;
        own.ciRuns.append(labelled);
        QCOMPARE(assembled(detail(), own, c).ci.run.name, QStringLiteral("cart-build-101"));

        // Neither: nothing found, no link.
        own.ciRuns = {partly};
        ci = assembled(detail(), own, c).ci;
        QVERIFY(!ci.found);
        QVERIFY(ci.url.isEmpty());
        QVERIFY(ci.matchedBy.isEmpty());
    }

    void stagingEvidence()
    {
        const auto s = assembled().staging;
        QCOMPARE(s.environment, QStringLiteral("staging"));
        QCOMPARE(s.loadTests.size(), 2);
        QCOMPARE(s.loadTests[0].name, QStringLiteral("cart-load-7"));
        QCOMPARE(s.loadTests[1].name, QStringLiteral("smoke"));
        QCOMPARE(s.chaos.size(), 2);
        QCOMPARE(s.chaos[0].name, QStringLiteral("cart-pod-delete"));
        QCOMPARE(s.chaos[1].name, QStringLiteral("cart-delay"));
        QVERIFY(s.anyFailed());
        QVERIFY(!s.allPassed());

        // Version unknown: every run aimed at cart counts.
        const SafetyNetInventory earlier = staging();
        const auto any
            = SafetyNetsAssembler::assemble(detail(), inventory(), &earlier, 0, config()).staging;
        QCOMPARE(any.loadTests.size(), 3);
        QCOMPARE(any.chaos.size(), 3);

        const auto none
            = SafetyNetsAssembler::assemble(detail(), inventory(), nullptr, 0, config());
        QVERIFY(none.staging.environment.isEmpty());
        QVERIFY(none.staging.loadTests.isEmpty());
        QVERIFY(!none.staging.anyFailed());
        QVERIFY(!none.staging.allPassed());
        QCOMPARE(none.sources[int(SafetyNetSource::LitmusChaos)].state,
                 SafetyNetSourceState::State::NotAsked);
    }

    // Litmus names its targets "kind/name" (status.history.targets), and a ChaosResult made
    // for one application carries that application's labels: both say which rollout it hit.
    void stagingChaosByLitmusTargetOrLabels()
    {
        SafetyNetInventory earlier = staging();
        ChaosExperiment byTarget;
        byTarget.name = QStringLiteral("pod-delete-a");
        byTarget.target = QStringLiteral("deployment/cart");
        ChaosExperiment byLabel;
        byLabel.name = QStringLiteral("pod-delete-b");
        byLabel.labels.insert(QStringLiteral("app.kubernetes.io/name"), QStringLiteral("cart"));
        ChaosExperiment other;
        other.name = QStringLiteral("pod-delete-c");
        other.target = QStringLiteral("deployment/cart-checkout");
        other.labels.insert(QStringLiteral("app"), QStringLiteral("payments"));
        earlier.chaosExperiments = {byTarget, byLabel, other};
        const auto s
            = SafetyNetsAssembler::assemble(detail(), inventory(), &earlier, 0, config()).staging;
        QStringList names;
        for (const ChaosExperiment &e : s.chaos)
            names.append(e.name);
        names.sort();
        QCOMPARE(names, (QStringList {"pod-delete-a", "pod-delete-b"}));
    }

    void stagingAllPassed()
    {
        SafetyNets::Staging s;
        s.chaos = {staging().chaosExperiments[0]}; // Chaos Mesh, recovered
        QVERIFY(s.allPassed());
        s.loadTests
            = {LoadTestRun {QStringLiteral("cart-load"), {}, QStringLiteral("started"), 0, {}}};
        QVERIFY(!s.allPassed()); // still running
        QVERIFY(!s.anyFailed());
        s.loadTests[0].stage = QStringLiteral("finished");
        QVERIFY(s.allPassed());
    }

    void sourcesAndFlags()
    {
        const SafetyNets nets = assembled();
        using State = SafetyNetSourceState::State;
        QCOMPARE(nets.sources[int(SafetyNetSource::Vulnerabilities)].state, State::Loaded);
        QCOMPARE(nets.sources[int(SafetyNetSource::Tekton)].state, State::Forbidden);
        QCOMPARE(nets.sources[int(SafetyNetSource::Tekton)].detail,
                 QStringLiteral("pipelineruns is forbidden"));
        // Staging's sources are staging's: its Tekton is not installed, its chaos kinds are.
        QCOMPARE(nets.sources[int(SafetyNetSource::LitmusChaos)].state, State::Loaded);
        SafetyNetInventory earlier = staging();
        earlier.source(SafetyNetSource::ChaosMesh).state = State::NotServed;
        const auto withEarlier
            = SafetyNetsAssembler::assemble(detail(), inventory(), &earlier, 0, config());
        QCOMPARE(withEarlier.sources[int(SafetyNetSource::ChaosMesh)].state, State::NotServed);
        QCOMPARE(nets.featureFlags.size(), 1);
        QCOMPARE(nets.featureFlags.first().key, QStringLiteral("new-checkout"));
    }
};

QTEST_GUILESS_MAIN(TestSafetyNetsAssembler)
#include "tst_safetynetsassembler.moc"
