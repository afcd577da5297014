// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's safety-net cases (issue 15), in-process on a frozen clock: the staging canary
// whose image adds a CRITICAL CVE and fails Kyverno's signature check, the failed and the
// green CI runs, staging's evidence for prod's canary, Falco on prod's canary pods, the
// feature flag, the Gatekeeper violation, and the kinds dev does not serve.
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "demo/demoscenario.h"
#include "fleet/simulator.h"
#include "frozendemo.h"
#include "metrics/promqlengine.h"
#include "scenario/scenario.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace rdsim;

namespace {

QJsonObject field(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toObject();
}

QString stringField(const QJsonObject &object, const char *key)
{
    return object.value(QLatin1String(key)).toString();
}

} // namespace

class TestDemoSafetyNets : public QObject
{
    Q_OBJECT

private:
    Scenario m_scenario;
    std::unique_ptr<Simulator> m_sim;

    SimCluster &cluster(const char *name) { return *m_sim->cluster(QLatin1String(name)); }

    // The report of the ReplicaSet of `rollout` whose pod template runs `tag`.
    QJsonObject vulnerabilityReport(const char *ns, const QString &tag)
    {
        for (const QJsonObject &report : cluster("staging").store().list(
                 servedKind("aquasecurity.github.io", "vulnerabilityreports"), QLatin1String(ns))) {
            if (stringField(field(field(report, "report"), "artifact"), "tag") == tag)
                return report;
        }
        return {};
    }

    // The result of Kyverno's check-signature rule for the ReplicaSet named in `report`.
    QString signatureResult(const QJsonObject &report)
    {
        const QString rs = stringField(field(field(report, "metadata"), "labels"),
                                       "trivy-operator.resource.name");
        for (const QJsonObject &polr : cluster("staging").store().list(
                 servedKind("wgpolicyk8s.io", "policyreports"), QStringLiteral("payments"))) {
            if (stringField(field(polr, "scope"), "name") != rs)
                continue;
            for (const QJsonValue &r : polr.value(QStringLiteral("results")).toArray()) {
                if (stringField(r.toObject(), "rule") == QStringLiteral("check-signature"))
                    return stringField(r.toObject(), "result");
            }
        }
        return {};
    }

private slots:
    void initTestCase()
    {
        QString error;
        m_sim = startFrozenDemo(&m_scenario, &error);
        QVERIFY2(m_sim, qPrintable(error));
        for (int second = 0; second < 120; ++second) {
            m_sim->clock().advance(1000);
            m_sim->reconcileOnce();
        }
    }

    void stagingCanaryAddsACriticalCveAndFailsASignatureCheck()
    {
        const QJsonObject canary = vulnerabilityReport("payments", QStringLiteral("2.8.0"));
        const QJsonObject stable = vulnerabilityReport("payments", QStringLiteral("2.7.0"));
        QVERIFY(!canary.isEmpty() && !stable.isEmpty());
        QCOMPARE(field(field(canary, "report"), "summary").value(QStringLiteral("criticalCount")),
                 QJsonValue(1));
        QCOMPARE(field(field(stable, "report"), "summary").value(QStringLiteral("criticalCount")),
                 QJsonValue(0));
        QCOMPARE(signatureResult(canary), QStringLiteral("fail"));
        QCOMPARE(signatureResult(stable), QStringLiteral("pass"));
    }

    void ciRunsForTheImagesBeingRolledOut()
    {
        const auto workflow = cluster("staging").store().get(servedKind("argoproj.io", "workflows"),
                                                             QStringLiteral("shop"),
                                                             QStringLiteral("checkout-ci-9qmvd"));
        QVERIFY(workflow);
        QCOMPARE(stringField(field(*workflow, "status"), "phase"), QStringLiteral("Failed"));
        QVERIFY(QJsonDocument(*workflow).toJson().contains("ghcr.io/acme/checkout:1.5.0-rc.1"));
        const auto pipelineRun = cluster("prod").store().get(
            servedKind("tekton.dev", "pipelineruns"), QStringLiteral("payments"),
            QStringLiteral("payments-gateway-build-x9k4t"));
        QVERIFY(pipelineRun);
        const QJsonObject succeeded = field(*pipelineRun, "status")
                                          .value(QStringLiteral("conditions"))
                                          .toArray()
                                          .first()
                                          .toObject();
        QCOMPARE(stringField(succeeded, "status"), QStringLiteral("True"));
        QCOMPARE(cluster("prod")
                     .store()
                     .list(servedKind("tekton.dev", "taskruns"), QStringLiteral("payments"))
                     .size(),
                 4);
    }

    void stagingEvidenceForProdsCanary()
    {
        const auto chaos = cluster("staging").store().get(
            servedKind("litmuschaos.io", "chaosresults"), QStringLiteral("shop"),
            QStringLiteral("checkout-chaos-pod-delete"));
        QVERIFY(chaos);
        QCOMPARE(stringField(field(field(*chaos, "status"), "experimentStatus"), "verdict"),
                 QStringLiteral("Fail"));
        QCOMPARE(
            stringField(field(field(*chaos, "metadata"), "labels"), "app.kubernetes.io/version"),
            QStringLiteral("1.4.1"));
        const auto load = cluster("staging").store().get(servedKind("k6.io", "testruns"),
                                                         QStringLiteral("shop"),
                                                         QStringLiteral("checkout-load-1-4-1"));
        QVERIFY(load);
        QCOMPARE(stringField(field(*load, "status"), "stage"), QStringLiteral("finished"));
    }

    void falcoAlertsOnProdsCanaryPods()
    {
        const qint64 now = m_sim->clock().nowMs();
        const promql::QueryResult result
            = promql::Engine(cluster("prod").metrics(), cluster("prod").history(), now)
                  .instantQuery(QStringLiteral("falco_events{priority=\"4\"} > 0"), now);
        QVERIFY2(result.ok(), qPrintable(result.error));
        QVERIFY(!result.vector.isEmpty());
        for (const promql::Sample &sample : result.vector) {
            QCOMPARE(promql::labelValue(sample.labels, QStringLiteral("rule")),
                     QStringLiteral("Read sensitive file untrusted"));
            QCOMPARE(promql::labelValue(sample.labels, QStringLiteral("k8s_ns_name")),
                     QStringLiteral("shop"));
            QVERIFY(promql::labelValue(sample.labels, QStringLiteral("k8s_pod_name"))
                        .startsWith(QStringLiteral("checkout-")));
        }
    }

    void flagsGatekeeperAndTheKindsDevLeavesOut()
    {
        for (const char *name : {"dev", "staging", "prod"})
            QVERIFY(cluster(name).store().get(servedKind("core.openfeature.dev", "featureflags"),
                                              QStringLiteral("shop"),
                                              QStringLiteral("checkout-flags")));
        const auto constraint = cluster("prod").store().get(
            servedKind("constraints.gatekeeper.sh", "k8srequiredlabels"), QString(),
            QStringLiteral("rollouts-must-have-owner"));
        QVERIFY(constraint);
        QCOMPARE(field(*constraint, "status").value(QStringLiteral("violations")).toArray().size(),
                 2);
        QVERIFY(m_scenario.clusters.at(0).unservedKinds.contains(
            QStringLiteral("k8srequiredlabels.constraints.gatekeeper.sh")));
        QVERIFY(m_scenario.clusters.at(0).unservedKinds.contains(
            QStringLiteral("pipelineruns.tekton.dev")));
        QVERIFY(m_scenario.clusters.at(2).unservedKinds.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDemoSafetyNets)
#include "tst_demosafetynets.moc"
