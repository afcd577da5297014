// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 15's safety-net kinds in rd-sim, through the machine's real kubectl against the real
// rd-sim executable (tests/data/rdsim/safetynets.yaml): discovery, list and watch, Trivy's
// and Kyverno's reports following a new ReplicaSet, a family a cluster leaves out (404), a
// user without the right (403), and the Falco exporter's counter in the query API.
#include "kubectlrunner.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

class TestRdSimSafetyNets : public QObject
{
    Q_OBJECT

private:
    using Result = KubectlSim::Result;

    KubectlSim m_k;

    Result kubectl(const QStringList &args) { return m_k.run(args); }

    // The items of `kubectl get KIND -n shop -o json` in a context.
    QJsonArray items(const QString &context, const QString &kind)
    {
        const Result r = kubectl({QStringLiteral("--context"), context, QStringLiteral("get"), kind,
                                  QStringLiteral("-n"), QStringLiteral("shop"),
                                  QStringLiteral("-o"), QStringLiteral("json")});
        return r.exitCode == 0 ? r.json().value(QStringLiteral("items")).toArray() : QJsonArray();
    }

    static QString label(const QJsonObject &object, const char *key)
    {
        return object.value(QStringLiteral("metadata"))
            .toObject()
            .value(QStringLiteral("labels"))
            .toObject()
            .value(QLatin1String(key))
            .toString();
    }

    // The VulnerabilityReport whose artifact has `tag`, waiting up to 20 s for it to appear.
    QJsonObject reportFor(const QString &tag)
    {
        for (int attempt = 0; attempt < 40; ++attempt) {
            for (const QJsonValue &v : items(QStringLiteral("a"), QStringLiteral("vulns"))) {
                const QJsonObject report = v.toObject().value(QStringLiteral("report")).toObject();
                if (report.value(QStringLiteral("artifact")).toObject().value(QStringLiteral("tag"))
                    == tag)
                    return v.toObject();
            }
            QTest::qWait(500);
        }
        return {};
    }

private slots:
    void initTestCase() { m_k.start(QStringLiteral(RD_TEST_DATA_DIR "/rdsim/safetynets.yaml")); }

    void cleanupTestCase() { m_k.stop(); }

    void discoveryListsTheKindsAClusterServes()
    {
        const Result a = kubectl({QStringLiteral("--context"), QStringLiteral("a"),
                                  QStringLiteral("api-resources"), QStringLiteral("-o"),
                                  QStringLiteral("name")});
        QVERIFY2(a.exitCode == 0, qPrintable(a.err));
        for (const char *kind :
             {"vulnerabilityreports.aquasecurity.github.io",
              "configauditreports.aquasecurity.github.io", "policyreports.wgpolicyk8s.io",
              "clusterpolicyreports.wgpolicyk8s.io", "k8srequiredlabels.constraints.gatekeeper.sh",
              "workflows.argoproj.io", "pipelineruns.tekton.dev", "taskruns.tekton.dev",
              "testruns.k6.io", "chaosresults.litmuschaos.io", "podchaos.chaos-mesh.org",
              "networkchaos.chaos-mesh.org", "featureflags.core.openfeature.dev"})
            QVERIFY2(a.out.split(u'\n').contains(QLatin1String(kind)), kind);
        const Result b = kubectl({QStringLiteral("--context"), QStringLiteral("b"),
                                  QStringLiteral("api-resources"), QStringLiteral("-o"),
                                  QStringLiteral("name")});
        QVERIFY2(b.exitCode == 0, qPrintable(b.err));
        QVERIFY(!b.out.contains(QStringLiteral("aquasecurity.github.io")));
        QVERIFY(!b.out.contains(QStringLiteral("workflows.argoproj.io")));
        QVERIFY(b.out.contains(QStringLiteral("rollouts.argoproj.io")));
        QVERIFY(b.out.contains(QStringLiteral("policyreports.wgpolicyk8s.io")));
    }

    void staticObjectsListWithTheirColumns()
    {
        const Result r
            = kubectl({QStringLiteral("--context"), QStringLiteral("a"), QStringLiteral("get"),
                       QStringLiteral("wf"), QStringLiteral("-n"), QStringLiteral("shop")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("STATUS"))
                     && r.out.contains(QStringLiteral("MESSAGE")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("web-ci-abcde"))
                     && r.out.contains(QStringLiteral("Failed")),
                 qPrintable(r.out));
    }

    void reportsFollowANewReplicaSet()
    {
        const QJsonObject stable = reportFor(QStringLiteral("1.0.0"));
        QVERIFY(!stable.isEmpty());
        QCOMPARE(label(stable, "trivy-operator.resource.kind"), QStringLiteral("ReplicaSet"));
        QCOMPARE(label(stable, "trivy-operator.container.name"), QStringLiteral("web"));
        const QString rs = label(stable, "trivy-operator.resource.name");
        QCOMPARE(stable.value(QStringLiteral("metadata")).toObject().value(QStringLiteral("name")),
                 QString(QStringLiteral("replicaset-") + rs + QStringLiteral("-web")));

        const Result patch = kubectl(
            {QStringLiteral("--context"), QStringLiteral("a"), QStringLiteral("patch"),
             QStringLiteral("rollout.argoproj.io"), QStringLiteral("web"), QStringLiteral("-n"),
             QStringLiteral("shop"), QStringLiteral("--type"), QStringLiteral("merge"),
             QStringLiteral("-p"),
             QStringLiteral(
                 R"({"spec":{"template":{"spec":{"containers":[{"name":"web","image":"ghcr.io/acme/web:1.1.0"}]}}}})")});
        QVERIFY2(patch.exitCode == 0, qPrintable(patch.err));
        const QJsonObject canary = reportFor(QStringLiteral("1.1.0"));
        QVERIFY(!canary.isEmpty());
        QVERIFY(label(canary, "trivy-operator.resource.name") != rs);
        const QJsonObject report = canary.value(QStringLiteral("report")).toObject();
        const QJsonArray vulnerabilities
            = report.value(QStringLiteral("vulnerabilities")).toArray();
        const QJsonObject summary = report.value(QStringLiteral("summary")).toObject();
        int critical = 0;
        for (const QJsonValue &v : vulnerabilities)
            critical
                += v.toObject().value(QStringLiteral("severity")) == QStringLiteral("CRITICAL");
        QCOMPARE(critical, 1);
        QCOMPARE(summary.value(QStringLiteral("criticalCount")).toInt(), 1);
        QCOMPARE(summary.value(QStringLiteral("criticalCount")).toInt()
                     + summary.value(QStringLiteral("mediumCount")).toInt()
                     + summary.value(QStringLiteral("lowCount")).toInt()
                     + summary.value(QStringLiteral("highCount")).toInt(),
                 int(vulnerabilities.size()));
        // The baseline belongs to the repository: the stable report's findings are all there.
        QCOMPARE(vulnerabilities.size(),
                 stable.value(QStringLiteral("report"))
                         .toObject()
                         .value(QStringLiteral("vulnerabilities"))
                         .toArray()
                         .size()
                     + 1);

        // Kyverno: the canary's ReplicaSet fails the signature check, the stable one passes.
        QString canaryResult, stableResult;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (const QJsonValue &v : items(QStringLiteral("a"), QStringLiteral("polr"))) {
                    const QJsonObject polr = v.toObject();
                    const QString scope = polr.value(QStringLiteral("scope"))
                                              .toObject()
                                              .value(QStringLiteral("name"))
                                              .toString();
                    for (const QJsonValue &r : polr.value(QStringLiteral("results")).toArray()) {
                        if (r.toObject().value(QStringLiteral("rule"))
                            != QStringLiteral("check-signature"))
                            continue;
                        const QString result
                            = r.toObject().value(QStringLiteral("result")).toString();
                        if (scope == label(canary, "trivy-operator.resource.name"))
                            canaryResult = result;
                        if (scope == rs)
                            stableResult = result;
                    }
                }
                return !canaryResult.isEmpty() && !stableResult.isEmpty();
            }(),
            20000);
        QCOMPARE(canaryResult, QStringLiteral("fail"));
        QCOMPARE(stableResult, QStringLiteral("pass"));
    }

    void watchStreamsReports()
    {
        const Result r
            = kubectl({QStringLiteral("--context"), QStringLiteral("a"), QStringLiteral("get"),
                       QStringLiteral("--raw"),
                       QStringLiteral("/apis/aquasecurity.github.io/v1alpha1/namespaces/"
                                      "shop/configauditreports?watch=1&timeoutSeconds=1")});
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
        QVERIFY2(r.out.contains(QStringLiteral("\"type\":\"ADDED\""))
                     && r.out.contains(QStringLiteral("\"kind\":\"ConfigAuditReport\"")),
                 qPrintable(r.out));
    }

    void aKindTheClusterDoesNotServeIsNotFound()
    {
        for (const char *path :
             {"/apis/aquasecurity.github.io/v1alpha1",
              "/apis/aquasecurity.github.io/v1alpha1/namespaces/shop/vulnerabilityreports",
              "/apis/argoproj.io/v1alpha1/namespaces/shop/workflows"}) {
            const Result r
                = kubectl({QStringLiteral("--context"), QStringLiteral("b"), QStringLiteral("get"),
                           QStringLiteral("--raw"), QLatin1String(path)});
            QVERIFY2(r.exitCode != 0 && r.err.contains(QStringLiteral("NotFound")),
                     qPrintable(QLatin1String(path) + u' ' + r.err));
        }
        const Result rollouts
            = kubectl({QStringLiteral("--context"), QStringLiteral("b"), QStringLiteral("get"),
                       QStringLiteral("--raw"),
                       QStringLiteral("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts")});
        QVERIFY2(rollouts.exitCode == 0, qPrintable(rollouts.err));
    }

    void aUserWithoutTheRightIsForbidden()
    {
        const Result r = kubectl({QStringLiteral("--context"), QStringLiteral("a-limited"),
                                  QStringLiteral("get"), QStringLiteral("vulns"),
                                  QStringLiteral("-n"), QStringLiteral("shop")});
        QVERIFY(r.exitCode != 0);
        QVERIFY2(r.err.contains(QStringLiteral("Forbidden")), qPrintable(r.err));
        const Result polr = kubectl({QStringLiteral("--context"), QStringLiteral("a-limited"),
                                     QStringLiteral("get"), QStringLiteral("polr"),
                                     QStringLiteral("-n"), QStringLiteral("shop")});
        QVERIFY2(polr.exitCode == 0, qPrintable(polr.err));
    }

    void falcoEventsAnswerPromQl()
    {
        QJsonArray result;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const Result r = kubectl(
                    {QStringLiteral("--context"), QStringLiteral("a"), QStringLiteral("get"),
                     QStringLiteral("--raw"),
                     QStringLiteral("/prometheus/api/v1/"
                                    "query?query=falco_events%7Bk8s_ns_name%3D%22shop%22%7D%3E0")});
                result = r.json()
                             .value(QStringLiteral("data"))
                             .toObject()
                             .value(QStringLiteral("result"))
                             .toArray();
                return !result.isEmpty();
            }(),
            30000);
        const QJsonObject metric
            = result.first().toObject().value(QStringLiteral("metric")).toObject();
        QCOMPARE(metric.value(QStringLiteral("rule")).toString(),
                 QStringLiteral("Terminal shell in container"));
        QCOMPARE(metric.value(QStringLiteral("priority")).toString(), QStringLiteral("2"));
        QCOMPARE(metric.value(QStringLiteral("tags")).toString(),
                 QStringLiteral(",container,shell,"));
        QVERIFY(metric.value(QStringLiteral("k8s_pod_name"))
                    .toString()
                    .startsWith(QStringLiteral("web-")));
    }
};

QTEST_GUILESS_MAIN(TestRdSimSafetyNets)
#include "tst_rdsimsafetynets.moc"
