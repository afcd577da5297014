// SPDX-License-Identifier: GPL-3.0-or-later
// safetyNetsJson: the `safetyNets` object of `get rollout(s) -o json`, every section of the
// documented shape, from the assembled scenario of safetynetsfixture.h.
#include "safetynetsassembler.h"
#include "safetynetsfixture.h"
#include "safetynetsjson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace SafetyNetsTest;

namespace {

QJsonObject scenarioJson()
{
    const SafetyNetInventory earlier = staging();
    return safetyNetsJson(
        SafetyNetsAssembler::assemble(detail(), inventory(), &earlier, 1000, config()));
}

QJsonObject parsed(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

} // namespace

class TestSafetyNetsJson : public QObject
{
    Q_OBJECT

private slots:
    void topLevelKeys()
    {
        QCOMPARE(scenarioJson().keys(),
                 QStringList({"ci", "falco", "featureFlags", "gatekeeper", "policy", "sources",
                              "staging", "vulnerabilities"}));
    }

    void vulnerabilities()
    {
        const QJsonObject v = scenarioJson().value(QLatin1String("vulnerabilities")).toObject();
        QCOMPARE(v.value(QLatin1String("canary")).toObject(),
                 parsed("{\"critical\":1,\"high\":1,\"medium\":1,\"low\":1,\"unknown\":0}"));
        QCOMPARE(v.value(QLatin1String("stable")).toObject(),
                 parsed("{\"critical\":0,\"high\":2,\"medium\":0,\"low\":1,\"unknown\":0}"));
        QCOMPARE(v.value(QLatin1String("canaryScanned")), QJsonValue(true));
        QCOMPARE(v.value(QLatin1String("stableScanned")), QJsonValue(true));
        const QJsonArray added = v.value(QLatin1String("added")).toArray();
        QCOMPARE(added.size(), 2);
        QCOMPARE(added[0].toObject(),
                 parsed("{\"id\":\"CVE-2024-0001\",\"package\":\"openssl\",\"installed\":\"1.0\","
                        "\"fixed\":\"1.1\",\"severity\":\"CRITICAL\",\"score\":9.8,"
                        "\"link\":\"https://avd.aquasec.com/nvd/cve-2024-0001\"}"));
        QCOMPARE(
            v.value(QLatin1String("removed")).toArray()[0].toObject().value(QLatin1String("id")),
            QJsonValue(QStringLiteral("CVE-2023-0004")));
        QCOMPARE(v.value(QLatin1String("configFailures")).toArray()[0].toObject(),
                 parsed("{\"id\":\"KSV014\",\"title\":\"Root file system is not read-only\","
                        "\"severity\":\"HIGH\"}"));
    }

    void unscoredVulnerabilityHasNullScore()
    {
        SafetyNets nets;
        nets.vulnerabilities.added = {vulnerability("CVE-1", "a", "LOW", -1)};
        const QJsonValue score = safetyNetsJson(nets)
                                     .value(QLatin1String("vulnerabilities"))
                                     .toObject()
                                     .value(QLatin1String("added"))
                                     .toArray()[0]
                                     .toObject()
                                     .value(QLatin1String("score"));
        QVERIFY(score.isNull());
    }

    void policyAndGatekeeper()
    {
        const QJsonObject json = scenarioJson();
        const QJsonObject p = json.value(QLatin1String("policy")).toObject();
        QCOMPARE(p.value(QLatin1String("pass")).toInt(), 1);
        QCOMPARE(p.value(QLatin1String("fail")).toInt(), 2);
        QCOMPARE(p.value(QLatin1String("warn")).toInt(), 1);
        QCOMPARE(p.value(QLatin1String("error")).toInt(), 1);
        QCOMPARE(p.value(QLatin1String("skip")).toInt(), 0);
        QCOMPARE(p.value(QLatin1String("failing")).toArray().size(), 3);
        QCOMPARE(p.value(QLatin1String("newFailures")).toArray()[1].toObject(),
                 parsed("{\"policy\":\"require-run-as-non-root\",\"rule\":\"check-containers\","
                        "\"result\":\"fail\",\"severity\":\"high\","
                        "\"message\":\"require-run-as-non-root: fail\"}"));
        QCOMPARE(p.value(QLatin1String("admissionDenials")).toArray().size(), 2);
        const QJsonArray gatekeeper = json.value(QLatin1String("gatekeeper")).toArray();
        QCOMPARE(gatekeeper.size(), 2);
        QCOMPARE(
            gatekeeper[0].toObject(),
            parsed("{\"constraintKind\":\"K8sRequiredLabels\","
                   "\"constraintName\":\"ns-must-have-owner\",\"enforcementAction\":\"dryrun\","
                   "\"kind\":\"Namespace\",\"name\":\"shop\","
                   "\"message\":\"you must provide labels: owner\"}"));
    }

    void falcoCiStaging()
    {
        const QJsonObject json = scenarioJson();
        QCOMPARE(json.value(QLatin1String("falco")).toObject(),
                 parsed("{\"canary\":{\"Warning\":1,\"Notice\":3},\"stable\":{\"Notice\":1}}"));
        QCOMPARE(
            json.value(QLatin1String("ci")).toObject(),
            parsed("{\"kind\":\"ArgoWorkflow\",\"name\":\"cart-build-101\",\"namespace\":\"ci\","
                   "\"phase\":\"Failed\",\"failedStep\":\"test\","
                   "\"message\":\"child 'test' failed\","
                   "\"url\":\"https://workflows.example.com/workflows/ci/cart-build-101\","
                   "\"matchedBy\":\"reg.example/shop/cart:2.0.4\"}"));
        QCOMPARE(json.value(QLatin1String("staging")).toObject(),
                 parsed("{\"environment\":\"staging\","
                        "\"loadTests\":[{\"name\":\"cart-load-7\",\"stage\":\"finished\"},"
                        "{\"name\":\"smoke\",\"stage\":\"finished\"}],"
                        "\"chaos\":[{\"name\":\"cart-pod-delete\",\"kind\":\"ChaosResult\","
                        "\"verdict\":\"Fail\",\"phase\":\"Completed\"},"
                        "{\"name\":\"cart-delay\",\"kind\":\"NetworkChaos\","
                        "\"verdict\":\"\",\"phase\":\"Recovered\"}]}"));

        SafetyNets none;
        QVERIFY(safetyNetsJson(none).value(QLatin1String("ci")).isNull());
        QVERIFY(safetyNetsJson(none).contains(QLatin1String("ci")));
    }

    void flagsAndSources()
    {
        const QJsonObject json = scenarioJson();
        QCOMPARE(
            json.value(QLatin1String("featureFlags")).toArray()[0].toObject(),
            parsed("{\"key\":\"new-checkout\",\"resource\":\"cart-flags\",\"state\":\"ENABLED\","
                   "\"defaultVariant\":\"off\",\"variants\":[\"on=true\",\"off=false\"],"
                   "\"targeting\":\"{\\\"fractional\\\":[[\\\"on\\\",10],[\\\"off\\\",90]]}\"}"));
        QCOMPARE(
            json.value(QLatin1String("sources")).toObject(),
            parsed(
                "{\"vulnerabilities\":\"loaded\",\"configAudit\":\"loaded\",\"policy\":\"loaded\","
                "\"gatekeeper\":\"loaded\",\"falco\":\"loaded\",\"argoWorkflows\":\"loaded\","
                "\"tekton\":\"forbidden\",\"loadTests\":\"loaded\",\"litmusChaos\":\"loaded\","
                "\"chaosMesh\":\"loaded\",\"featureFlags\":\"loaded\"}"));
        SafetyNets nets;
        nets.sources[int(SafetyNetSource::Vulnerabilities)].state
            = SafetyNetSourceState::State::NotServed;
        nets.sources[int(SafetyNetSource::Policy)].state = SafetyNetSourceState::State::Failed;
        const QJsonObject sources = safetyNetsJson(nets).value(QLatin1String("sources")).toObject();
        QCOMPARE(sources.value(QLatin1String("vulnerabilities")).toString(),
                 QStringLiteral("notServed"));
        QCOMPARE(sources.value(QLatin1String("policy")).toString(), QStringLiteral("failed"));
        QCOMPARE(sources.value(QLatin1String("falco")).toString(), QStringLiteral("notAsked"));
    }
};

QTEST_GUILESS_MAIN(TestSafetyNetsJson)
#include "tst_safetynetsjson.moc"
