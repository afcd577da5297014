// SPDX-License-Identifier: GPL-3.0-or-later
// What SafetyNetDecoder reads from Trivy's reports, policy reports of every group, Gatekeeper
// constraints and the discovery of their kinds (data shaped like the real APIs' JSON).
#include "safetynetdecoder.h"
#include "safetynetdecoderdata.h"

#include <QtTest>

class TestSafetyNetDecoder : public QObject
{
    Q_OBJECT

private slots:
    void vulnerabilityReports();
    void configAuditReports();
    void policyReport();
    void clusterPolicyReport();
    void openReportsReport();
    void gatekeeperConstraints();
    void constraintPlurals();
    void constraintPluralsRefused();
};

void TestSafetyNetDecoder::vulnerabilityReports()
{
    const ObjectList<VulnerabilityReport> list
        = SafetyNetDecoder::vulnerabilityReports(safetyNetData("vulnerabilityreports.json"));
    QVERIFY2(list.isOk(), qPrintable(list.report.error));
    QVERIFY2(!list.report.hasIssues(), qPrintable(list.report.issuesText()));
    QCOMPARE(list.resourceVersion, QStringLiteral("4210"));
    QCOMPARE(list.continueToken, QStringLiteral("eyJ2IjoibWV0YS5rOHMuaW8vdjEiLCJydiI6NDIxMH0"));
    QCOMPARE(list.remainingItemCount, 3);
    QCOMPARE(list.items.size(), 2);

    const VulnerabilityReport &canary = list.items.at(0);
    QCOMPARE(canary.name, QStringLiteral("replicaset-checkout-7d9f8b6c5-checkout"));
    QCOMPARE(canary.namespace_, QStringLiteral("shop"));
    QCOMPARE(canary.owner.kind, QStringLiteral("ReplicaSet"));
    QCOMPARE(canary.owner.name, QStringLiteral("checkout-7d9f8b6c5"));
    QCOMPARE(canary.owner.namespace_, QStringLiteral("shop"));
    QCOMPARE(canary.container, QStringLiteral("checkout"));
    QCOMPARE(canary.repository, QStringLiteral("shop/checkout"));
    QCOMPARE(canary.tag, QStringLiteral("2.0.4"));
    QCOMPARE(canary.digest, QStringLiteral("sha256:9c1e7f1b8a3d"));
    QCOMPARE(canary.scanner, QStringLiteral("Trivy 0.50.1"));
    QCOMPARE(canary.updatedMs, msOf("2026-11-28T09:01:10Z"));
    QCOMPARE(canary.summary.critical, 1);
    QCOMPARE(canary.summary.high, 2);
    QCOMPARE(canary.summary.medium, 1);
    QCOMPARE(canary.summary.total(), 4);
    QVERIFY(!canary.truncated);
    QCOMPARE(canary.vulnerabilities.size(), 4);
    const Vulnerability &xz = canary.vulnerabilities.at(0);
    QCOMPARE(xz.id, QStringLiteral("CVE-2024-3094"));
    QCOMPARE(xz.package, QStringLiteral("xz-utils"));
    QCOMPARE(xz.installedVersion, QStringLiteral("5.6.0-0.2"));
    QCOMPARE(xz.fixedVersion, QStringLiteral("5.6.1-1"));
    QCOMPARE(xz.severity, QStringLiteral("CRITICAL"));
    QCOMPARE(xz.title, QStringLiteral("xz: malicious code in distributed source"));
    QCOMPARE(xz.link, QStringLiteral("https://avd.aquasec.com/nvd/cve-2024-3094"));
    QCOMPARE(xz.score, 10.0); // an integer in the JSON
    QCOMPARE(canary.vulnerabilities.at(1).score, 7.5);
    QCOMPARE(canary.vulnerabilities.at(2).score, -1.0); // omitted: no score known
    QVERIFY(canary.vulnerabilities.at(2).fixedVersion.isEmpty());

    const VulnerabilityReport &stable = list.items.at(1);
    QCOMPARE(stable.owner.name, QStringLiteral("checkout-6c4b9f7d8"));
    QCOMPARE(stable.tag, QStringLiteral("2.0.3"));
    QVERIFY(stable.digest.isEmpty());
    QCOMPARE(stable.summary.low, 3);
    QVERIFY(stable.vulnerabilities.isEmpty());
}

void TestSafetyNetDecoder::configAuditReports()
{
    const ObjectList<ConfigAuditReport> list
        = SafetyNetDecoder::configAuditReports(safetyNetData("configauditreports.json"));
    QVERIFY2(list.isOk(), qPrintable(list.report.error));
    QVERIFY2(!list.report.hasIssues(), qPrintable(list.report.issuesText()));
    QCOMPARE(list.items.size(), 1);
    const ConfigAuditReport &report = list.items.constFirst();
    QCOMPARE(report.owner.kind, QStringLiteral("ReplicaSet"));
    QCOMPARE(report.owner.name, QStringLiteral("checkout-7d9f8b6c5"));
    QCOMPARE(report.summary.high, 1);
    QCOMPARE(report.summary.low, 1);
    // The passed check (KSV003) is left out.
    QCOMPARE(report.checks.size(), 2);
    QCOMPARE(report.checks.at(0).id, QStringLiteral("KSV014"));
    QCOMPARE(report.checks.at(0).severity, QStringLiteral("HIGH"));
    QCOMPARE(report.checks.at(0).title, QStringLiteral("Root file system is not read-only"));
    QVERIFY(report.checks.at(0).description.startsWith(QStringLiteral("An immutable root")));
    QCOMPARE(report.checks.at(0).messages.size(), 1);
    QVERIFY(report.checks.at(0).messages.constFirst().contains(
        QStringLiteral("readOnlyRootFilesystem")));
    QVERIFY(!report.checks.at(0).success);
    QCOMPARE(report.checks.at(1).id, QStringLiteral("KSV021"));
}

void TestSafetyNetDecoder::policyReport()
{
    const ObjectList<PolicyReport> list
        = SafetyNetDecoder::policyReports(safetyNetData("policyreports.json"));
    QVERIFY2(list.isOk(), qPrintable(list.report.error));
    QVERIFY2(!list.report.hasIssues(), qPrintable(list.report.issuesText()));
    QCOMPARE(list.items.size(), 1);
    const PolicyReport &report = list.items.constFirst();
    QCOMPARE(report.name, QStringLiteral("5e7a9d0c-1b2f-4c3d-8e9f-0a1b2c3d4e5f"));
    QCOMPARE(report.namespace_, QStringLiteral("shop"));
    QCOMPARE(report.scope.kind, QStringLiteral("ReplicaSet"));
    QCOMPARE(report.scope.name, QStringLiteral("checkout-7d9f8b6c5"));
    QCOMPARE(report.scope.uid, QStringLiteral("5e7a9d0c-1b2f-4c3d-8e9f-0a1b2c3d4e5f"));
    QCOMPARE(report.summary.pass, 1);
    QCOMPARE(report.summary.fail, 1);
    QCOMPARE(report.results.size(), 2);
    const PolicyResult &fail = report.results.at(0);
    QCOMPARE(fail.source, QStringLiteral("kyverno"));
    QCOMPARE(fail.policy, QStringLiteral("require-run-as-nonroot"));
    QCOMPARE(fail.rule, QStringLiteral("run-as-non-root"));
    QCOMPARE(fail.category, QStringLiteral("Pod Security Standards (Restricted)"));
    QCOMPARE(fail.severity, QStringLiteral("medium"));
    QCOMPARE(fail.result, QStringLiteral("fail"));
    QVERIFY(fail.message.startsWith(QStringLiteral("validation error: Running as root")));
    // metav1.Timestamp: seconds and nanos.
    QCOMPARE(fail.timestampMs, Q_INT64_C(1795856470250));
    QVERIFY(fail.resources.isEmpty()); // the report's scope
    const PolicyResult &pass = report.results.at(1);
    QCOMPARE(pass.resources.size(), 1);
    QCOMPARE(pass.resources.constFirst().kind, QStringLiteral("ReplicaSet"));
    QCOMPARE(pass.resources.constFirst().namespace_, QStringLiteral("shop"));
    QCOMPARE(pass.resources.constFirst().uid, QStringLiteral("5e7a9d0c"));
}

void TestSafetyNetDecoder::clusterPolicyReport()
{
    const ObjectList<PolicyReport> list
        = SafetyNetDecoder::policyReports(safetyNetData("clusterpolicyreports.json"));
    QVERIFY2(list.isOk(), qPrintable(list.report.error));
    QVERIFY2(!list.report.hasIssues(), qPrintable(list.report.issuesText()));
    QCOMPARE(list.items.size(), 1);
    const PolicyReport &report = list.items.constFirst();
    QCOMPARE(report.name, QStringLiteral("cpol-namespaces"));
    QVERIFY(report.namespace_.isEmpty());
    QCOMPARE(report.scope.kind, QStringLiteral("Namespace"));
    QCOMPARE(report.summary.error, 1);
    QCOMPARE(report.summary.skip, 2);
    QCOMPARE(report.summary.warn, 1);
    QCOMPARE(report.results.size(), 2);
    // v1beta1: a result without a source takes the report's.
    QCOMPARE(report.results.at(0).source, QStringLiteral("kube-bench"));
    QCOMPARE(report.results.at(0).timestampMs, Q_INT64_C(1795852800000));
    QCOMPARE(report.results.at(1).source, QStringLiteral("kyverno"));
    QCOMPARE(report.results.at(1).result, QStringLiteral("error"));
    QCOMPARE(report.results.at(1).timestampMs, 0);
}

void TestSafetyNetDecoder::openReportsReport()
{
    const ObjectList<PolicyReport> list
        = SafetyNetDecoder::policyReports(safetyNetData("openreports.json"));
    QVERIFY2(list.isOk(), qPrintable(list.report.error));
    QVERIFY2(!list.report.hasIssues(), qPrintable(list.report.issuesText()));
    QCOMPARE(list.items.size(), 1);
    const PolicyReport &report = list.items.constFirst();
    QCOMPARE(report.scope.kind, QStringLiteral("Rollout"));
    QCOMPARE(report.scope.name, QStringLiteral("checkout"));
    QCOMPARE(report.summary.fail, 1);
    QCOMPARE(report.results.size(), 1);
    QCOMPARE(report.results.constFirst().source, QStringLiteral("kyverno"));
    QCOMPARE(report.results.constFirst().severity, QStringLiteral("high"));
    QCOMPARE(report.results.constFirst().timestampMs, Q_INT64_C(1795856400999));
}

void TestSafetyNetDecoder::gatekeeperConstraints()
{
    const ObjectList<GatekeeperConstraint> list = SafetyNetDecoder::gatekeeperConstraints(
        safetyNetData("gatekeeper-k8srequiredlabels.json"));
    QVERIFY2(list.isOk(), qPrintable(list.report.error));
    QVERIFY2(!list.report.hasIssues(), qPrintable(list.report.issuesText()));
    QVERIFY(list.continueToken.isEmpty());
    QCOMPARE(list.items.size(), 2);
    const GatekeeperConstraint &labels = list.items.at(0);
    QCOMPARE(labels.kind, QStringLiteral("K8sRequiredLabels"));
    QCOMPARE(labels.name, QStringLiteral("must-have-owner"));
    QCOMPARE(labels.enforcementAction, QStringLiteral("dryrun"));
    QCOMPARE(labels.totalViolations, 2);
    QCOMPARE(labels.violations.size(), 2);
    const GatekeeperViolation &first = labels.violations.at(0);
    QCOMPARE(first.constraintKind, QStringLiteral("K8sRequiredLabels"));
    QCOMPARE(first.constraintName, QStringLiteral("must-have-owner"));
    QCOMPARE(first.enforcementAction, QStringLiteral("dryrun"));
    QCOMPARE(first.object.kind, QStringLiteral("ReplicaSet"));
    QCOMPARE(first.object.namespace_, QStringLiteral("shop"));
    QCOMPARE(first.object.name, QStringLiteral("checkout-7d9f8b6c5"));
    QCOMPARE(first.message, QStringLiteral("you must provide labels: {\"owner\"}"));
    // scoped: the actions it lists.
    QCOMPARE(labels.violations.at(1).enforcementAction, QStringLiteral("warn,deny"));

    // No kind on the item: the list's, and no action: Gatekeeper's default.
    const GatekeeperConstraint &team = list.items.at(1);
    QCOMPARE(team.kind, QStringLiteral("K8sRequiredLabels"));
    QCOMPARE(team.enforcementAction, QStringLiteral("deny"));
    QCOMPARE(team.totalViolations, 0);
    QVERIFY(team.violations.isEmpty());
}

void TestSafetyNetDecoder::constraintPlurals()
{
    QString error = QStringLiteral("stale");
    const QStringList plurals
        = SafetyNetDecoder::resourcePlurals(safetyNetData("gatekeeper-discovery.json"), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(plurals,
             QStringList({QStringLiteral("k8srequiredlabels"), QStringLiteral("k8sallowedrepos")}));
}

void TestSafetyNetDecoder::constraintPluralsRefused()
{
    QString error;
    QVERIFY(SafetyNetDecoder::resourcePlurals("{\"kind\": \"APIResourceList\"", &error).isEmpty());
    QVERIFY2(error.startsWith(QStringLiteral("malformed JSON at byte")), qPrintable(error));
    QVERIFY(SafetyNetDecoder::resourcePlurals(R"({"resources": {"name": "x"}})", &error).isEmpty());
    QCOMPARE(error, QStringLiteral("the answer is not an API resource list"));
    QVERIFY(
        SafetyNetDecoder::resourcePlurals(
            R"({"kind": "Status", "status": "Failure", "message": "the server could not find the requested resource", "reason": "NotFound", "code": 404})",
            &error)
            .isEmpty());
    QCOMPARE(error,
             QStringLiteral("the server returned an error instead of data: the server could "
                            "not find the requested resource"));
    QVERIFY(SafetyNetDecoder::resourcePlurals(R"({"resources": null})", &error).isEmpty());
    QVERIFY(error.isEmpty());
}

QTEST_GUILESS_MAIN(TestSafetyNetDecoder)
#include "tst_safetynetdecoder.moc"
