// SPDX-License-Identifier: GPL-3.0-or-later
// Decoding Flagger's Canary and MetricTemplate (flagger.app/v1beta1): realistic objects of
// every strategy, lists, watch events, wrong types and hostile sizes.
#include "jsondecoderfixture.h"

#include <QTest>

using namespace JsonDecoderTest;

namespace {

FlaggerCanary canary(const QString &file)
{
    const Decoded<FlaggerCanary> decoded = decodeObject<FlaggerCanary>(domainTestData(file));
    if (!decoded.isOk() || decoded.report.hasIssues())
        qWarning("%s: %s %s", qPrintable(file), qPrintable(decoded.report.error),
                 qPrintable(decoded.report.issuesText()));
    return decoded.value;
}

// A canary whose spec.analysis is `analysis` (JSON text).
Decoded<FlaggerCanary> withAnalysis(const QByteArray &analysis)
{
    return decodeObject<FlaggerCanary>(R"({"metadata":{"name":"c","namespace":"n"},)"
                                       R"("spec":{"analysis":)"
                                       + analysis + "}}");
}

QStringList issueTexts(const DecodeReport &report)
{
    QStringList texts;
    for (const DecodeIssue &issue : report.issues)
        texts.append(issue.text());
    return texts;
}

} // namespace

class TestFlaggerCanaryDecoder : public QObject
{
    Q_OBJECT

private slots:
    void canaryWithStepWeight()
    {
        const FlaggerCanary c = canary(QStringLiteral("flagger-canary-stepweight.json"));
        QCOMPARE(c.metadata.name, QStringLiteral("podinfo"));
        QCOMPARE(c.metadata.namespaceName, QStringLiteral("test"));
        QCOMPARE(c.metadata.generation, 4);
        QCOMPARE(c.spec.provider, QStringLiteral("istio"));
        QCOMPARE(c.spec.targetRef.kind, QStringLiteral("Deployment"));
        QCOMPARE(c.spec.targetRef.name, QStringLiteral("podinfo"));
        QCOMPARE(c.spec.autoscalerRef.name, QStringLiteral("podinfo"));
        QCOMPARE(c.spec.autoscalerRef.kind, QStringLiteral("HorizontalPodAutoscaler"));
        QCOMPARE(c.spec.servicePort, 9898);
        QCOMPARE(c.spec.servicePortName, QStringLiteral("http"));
        QCOMPARE(c.spec.progressDeadlineSeconds, std::optional<qint32>(60));
        QCOMPARE(c.spec.effectiveProgressDeadlineSeconds(), 60);
        QVERIFY(!c.spec.suspend && !c.spec.skipAnalysis && !c.spec.revertOnDeletion);
        QVERIFY(c.spec.analysis);
        QVERIFY(!c.spec.analysisFromDeprecatedAlias);
        const FlaggerAnalysis &a = *c.spec.analysis;
        QCOMPARE(a.interval, QStringLiteral("1m"));
        QCOMPARE(a.threshold, 5);
        QCOMPARE(a.maxWeight, 50);
        QCOMPARE(a.stepWeight, 10);
        QVERIFY(a.stepWeights.isEmpty());
        QCOMPARE(a.primaryReadyThreshold, std::optional<qint32>(90));
        QCOMPARE(a.canaryReadyThreshold, std::nullopt);
        QCOMPARE(a.matchCount, 0);

        QCOMPARE(a.metrics.size(), 3);
        QCOMPARE(a.metrics.at(0).name, QStringLiteral("request-success-rate"));
        QCOMPARE(a.metrics.at(0).thresholdMin, std::optional<double>(99));
        QCOMPARE(a.metrics.at(0).thresholdMax, std::nullopt);
        QCOMPARE(a.metrics.at(1).thresholdMax, std::optional<double>(500));
        QCOMPARE(a.metrics.at(1).interval, QStringLiteral("30s"));
        const FlaggerMetric &latency = a.metrics.at(2);
        QCOMPARE(latency.templateRef.name, QStringLiteral("latency"));
        QCOMPARE(latency.templateRef.namespaceName, QStringLiteral("istio-system"));
        QCOMPARE(latency.thresholdMax, std::optional<double>(0.5));
        QCOMPARE(latency.templateVariables.keys(),
                 QStringList({QStringLiteral("destination"), QStringLiteral("quantile")}));
        QCOMPARE(latency.templateVariables.value(u"quantile"), QStringLiteral("0.99"));

        QCOMPARE(a.webhooks.size(), 5);
        QCOMPARE(a.webhooks.at(0).type, QStringLiteral("confirm-rollout"));
        QCOMPARE(a.webhooks.at(0).url, QStringLiteral("http://flagger-loadtester.test/gate/check"));
        QCOMPARE(a.webhooks.at(1).timeout, QStringLiteral("30s"));
        // Only the keys: the values are commands and may carry tokens.
        QCOMPARE(a.webhooks.at(1).metadataKeys,
                 QStringList({QStringLiteral("cmd"), QStringLiteral("type")}));
        QVERIFY(a.webhooks.at(2).type.isEmpty()); // a rollout hook by default
        QCOMPARE(a.webhooks.at(4).type, QStringLiteral("rollback"));
        QVERIFY(a.webhooks.at(4).muteAlert);
        QVERIFY(!a.webhooks.at(3).muteAlert);

        QCOMPARE(a.alerts.size(), 2);
        QCOMPARE(a.alerts.at(0).name, QStringLiteral("on-call Slack"));
        QCOMPARE(a.alerts.at(0).severity, QStringLiteral("error"));
        QCOMPARE(a.alerts.at(0).providerRef.name, QStringLiteral("on-call"));
        QCOMPARE(a.alerts.at(0).providerRef.namespaceName, QStringLiteral("flagger"));
        QVERIFY(a.alerts.at(1).severity.isEmpty());

        QCOMPARE(c.status.phase, QStringLiteral("Progressing"));
        QCOMPARE(c.status.failedChecks, 1);
        QCOMPARE(c.status.canaryWeight, 30);
        QCOMPARE(c.status.iterations, 0);
        QCOMPARE(c.status.lastAppliedSpec, QStringLiteral("5b9d4f7c8"));
        QCOMPARE(c.status.lastPromotedSpec, QStringLiteral("7d8c9b6f5"));
        QCOMPARE(c.status.lastTransitionTime, utc("2026-12-01T09:12:30Z"));
        QCOMPARE(c.status.trackedConfigsCount, 2);
        QCOMPARE(c.status.observedGeneration, std::nullopt);
        QCOMPARE(c.status.conditions.size(), 1);
        QCOMPARE(c.status.conditions.at(0).type, QStringLiteral("Promoted"));
        QCOMPARE(c.status.conditions.at(0).status, QStringLiteral("Unknown"));
        QCOMPARE(c.status.conditions.at(0).reason, QStringLiteral("Progressing"));
        QCOMPARE(c.status.conditions.at(0).lastTransitionTime, utc("2026-12-01T09:10:00Z"));
    }

    void canaryWithStepWeights()
    {
        const FlaggerCanary c = canary(QStringLiteral("flagger-canary-stepweights.json"));
        QVERIFY(c.spec.analysis);
        QCOMPARE(c.spec.analysis->stepWeights, QList<qint32>({1, 2, 10, 80}));
        QCOMPARE(c.spec.analysis->stepWeight, 0);
        QCOMPARE(c.spec.analysis->stepWeightPromotion, 20);
        // The deprecated bound of the built-in metrics.
        QCOMPARE(c.spec.analysis->metrics.at(0).threshold, std::optional<double>(99));
        QCOMPARE(c.spec.progressDeadlineSeconds, std::nullopt);
        QCOMPARE(c.spec.effectiveProgressDeadlineSeconds(), 600);
        QCOMPARE(c.status.phase, QStringLiteral("Succeeded"));
    }

    void blueGreenAndAbTesting()
    {
        const FlaggerCanary blueGreen = canary(QStringLiteral("flagger-canary-bluegreen.json"));
        QCOMPARE(blueGreen.spec.analysis->iterations, 10);
        QCOMPARE(blueGreen.spec.analysis->matchCount, 0);
        QVERIFY(blueGreen.spec.revertOnDeletion);
        QVERIFY(blueGreen.spec.analysis->metrics.at(0).query.startsWith(
            QStringLiteral("sum(rate(http_requests_total{status=~\"5..\"")));
        QCOMPARE(blueGreen.status.iterations, 3);

        const FlaggerCanary ab = canary(QStringLiteral("flagger-canary-abtesting.json"));
        QCOMPARE(ab.spec.analysis->iterations, 10);
        QCOMPARE(ab.spec.analysis->matchCount, 2);
        QCOMPARE(ab.spec.serviceName, QStringLiteral("frontend-svc"));
        QCOMPARE(ab.status.phase, QStringLiteral("WaitingPromotion"));
    }

    void deprecatedAlias()
    {
        const FlaggerCanary c = canary(QStringLiteral("flagger-canary-alias.json"));
        QVERIFY(c.spec.analysis);
        QVERIFY(c.spec.analysisFromDeprecatedAlias);
        QCOMPARE(c.spec.analysis->interval, QStringLiteral("2m"));
        QVERIFY(c.spec.analysis->mirror);
        QCOMPARE(c.spec.analysis->mirrorWeight, 5);
        QCOMPARE(c.spec.analysis->canaryReadyThreshold, std::optional<qint32>(80));
        QVERIFY(c.spec.suspend);

        // spec.analysis wins over the alias in either order, as GetAnalysis() decides.
        for (const char *spec :
             {R"({"spec":{"canaryAnalysis":{"threshold":1},"analysis":{"threshold":7}}})",
              R"({"spec":{"analysis":{"threshold":7},"canaryAnalysis":{"threshold":1}}})"}) {
            const Decoded<FlaggerCanary> both = decodeObject<FlaggerCanary>(spec);
            QVERIFY(both.isOk());
            QCOMPARE(both.value.spec.analysis->threshold, 7);
            QVERIFY(!both.value.spec.analysisFromDeprecatedAlias);
        }
        const Decoded<FlaggerCanary> none = decodeObject<FlaggerCanary>(R"({"spec":{}})");
        QVERIFY(!none.value.spec.analysis);
    }

    void equality()
    {
        const FlaggerCanary a = canary(QStringLiteral("flagger-canary-stepweight.json"));
        FlaggerCanary b = canary(QStringLiteral("flagger-canary-stepweight.json"));
        QCOMPARE(a, b);
        b.spec.analysis->webhooks[3].url = QStringLiteral("http://other/gate/check");
        QVERIFY(a != b);
        b = a;
        b.status.failedChecks = 2;
        QVERIFY(a != b);
        b = a;
        b.spec.analysis->metrics[0].thresholdMin = 98;
        QVERIFY(a != b);
        QVERIFY(QVariant::fromValue(a).value<FlaggerCanary>() == a);
    }

    void metricTemplate()
    {
        const Decoded<FlaggerMetricTemplate> t
            = decodeObject<FlaggerMetricTemplate>(domainTestData("flagger-metrictemplate.json"));
        QVERIFY(t.isOk());
        QVERIFY(!t.report.hasIssues());
        QCOMPARE(t.value.name(), QStringLiteral("latency"));
        QCOMPARE(t.value.namespaceName(), QStringLiteral("istio-system"));
        QCOMPARE(t.value.providerType, QStringLiteral("prometheus"));
        QCOMPARE(t.value.providerAddress, QStringLiteral("http://prometheus.istio-system:9090"));
        QCOMPARE(t.value.providerSecretName, QStringLiteral("prom-auth"));
        QVERIFY(t.value.providerInsecureSkipVerify);
        QVERIFY(t.value.query.startsWith(QStringLiteral("histogram_quantile({{ variables.")));

        const ObjectList<FlaggerMetricTemplate> list = decodeList<FlaggerMetricTemplate>(
            R"({"kind":"MetricTemplateList","metadata":{"resourceVersion":"40"},"items":[)"
            + domainTestData("flagger-metrictemplate.json")
            + R"(,{"metadata":{"name":"errors"},"spec":{"provider":{"type":"datadog",)"
              R"("region":"eu"},"query":"avg:errors{*}"}}]})");
        QVERIFY(list.isOk());
        QCOMPARE(list.items.size(), 2);
        QCOMPARE(list.items.at(0), t.value);
        QCOMPARE(list.items.at(1).providerType, QStringLiteral("datadog"));
        QCOMPARE(list.items.at(1).providerRegion, QStringLiteral("eu"));
        QCOMPARE(list.resourceVersion, QStringLiteral("40"));

        const Decoded<FlaggerMetricTemplate> wrong = decodeObject<FlaggerMetricTemplate>(
            R"({"metadata":{"name":"w"},"spec":{"provider":{"type":"prometheus",)"
            R"("insecureSkipVerify":"yes","secretRef":"prom-auth"},"query":5}})");
        QVERIFY(wrong.isOk());
        QCOMPARE(issueTexts(wrong.report),
                 QStringList({QStringLiteral("spec.provider.insecureSkipVerify: expected true or "
                                             "false"),
                              QStringLiteral("spec.provider.secretRef: expected an object"),
                              QStringLiteral("spec.query: expected a string")}));
        QCOMPARE(wrong.value.providerType, QStringLiteral("prometheus"));
    }

    void list()
    {
        JsonDecoder decoder;
        const ObjectList<FlaggerCanary> list = decoder.decodeList<FlaggerCanary>(
            R"({"apiVersion":"flagger.app/v1beta1","kind":"CanaryList",)"
            R"("metadata":{"resourceVersion":"48300","continue":"next-page"},"items":[)"
            + domainTestData("flagger-canary-stepweight.json") + ','
            + domainTestData("flagger-canary-bluegreen.json") + ','
            + domainTestData("flagger-canary-abtesting.json") + "]}");
        QVERIFY(list.isOk());
        QVERIFY(!list.report.hasIssues());
        QCOMPARE(list.items.size(), 3);
        QCOMPARE(list.resourceVersion, QStringLiteral("48300"));
        QCOMPARE(list.continueToken, QStringLiteral("next-page"));
        QCOMPARE(list.items.at(0), canary(QStringLiteral("flagger-canary-stepweight.json")));
        QCOMPARE(list.items.at(2).metadata.name, QStringLiteral("frontend"));

        const ObjectList<FlaggerCanary> forbidden = decoder.decodeList<FlaggerCanary>(
            R"({"kind":"Status","status":"Failure","reason":"Forbidden",)"
            R"("message":"canaries.flagger.app is forbidden","code":403})");
        QVERIFY(!forbidden.isOk());
        QVERIFY(forbidden.report.error.contains(QStringLiteral("forbidden")));
    }

    void watchEvents()
    {
        JsonDecoder decoder;
        const QByteArray json = domainTestData("flagger-canary-abtesting.json");
        const Decoded<WatchEvent<FlaggerCanary>> modified = decoder.decodeWatchEvent<FlaggerCanary>(
            "{\"type\":\"MODIFIED\",\"object\":" + json + '}');
        QVERIFY(modified.isOk());
        QCOMPARE(int(modified.value.type), int(WatchEventType::Modified));
        QCOMPARE(modified.value.object, canary(QStringLiteral("flagger-canary-abtesting.json")));

        const Decoded<WatchEvent<FlaggerCanary>> deleted = decoder.decodeWatchEvent<FlaggerCanary>(
            R"({"type":"DELETED","object":{"metadata":{"name":"frontend","namespace":"web",)"
            R"("resourceVersion":"31400"}}})");
        QCOMPARE(int(deleted.value.type), int(WatchEventType::Deleted));
        QCOMPARE(deleted.value.object.metadata.resourceVersion, QStringLiteral("31400"));

        const Decoded<WatchEvent<FlaggerCanary>> expired = decoder.decodeWatchEvent<FlaggerCanary>(
            R"({"type":"ERROR","object":{"kind":"Status","status":"Failure",)"
            R"("reason":"Expired","message":"too old resource version","code":410}})");
        QCOMPARE(int(expired.value.type), int(WatchEventType::Error));
        QVERIFY(expired.value.status.isExpired());
    }

    void wrongTypesAreIssues()
    {
        const Decoded<FlaggerCanary> d = decodeObject<FlaggerCanary>(
            R"({"metadata":{"name":"c"},"spec":{"provider":7,"suspend":"yes",)"
            R"("service":{"port":"http"},"analysis":{"stepWeight":"10","stepWeights":[5,"x"],)"
            R"("match":{},"metrics":[{"name":"m","thresholdRange":{"min":"99"}}],)"
            R"("webhooks":[{"type":"confirm-rollout","muteAlert":1,"metadata":[]}]}},)"
            R"("status":{"phase":"Progressing","canaryWeight":1e300,"trackedConfigs":[],)"
            R"("lastTransitionTime":"yesterday","conditions":{}}})");
        QVERIFY(d.isOk()); // the object is still decoded
        const QStringList issues = issueTexts(d.report);
        const QStringList expected = {
            QStringLiteral("spec.provider: expected a string"),
            QStringLiteral("spec.suspend: expected true or false"),
            QStringLiteral("spec.service.port: expected an integer"),
            QStringLiteral("spec.analysis.stepWeight: expected an integer"),
            QStringLiteral("spec.analysis.stepWeights[1]: expected an integer"),
            QStringLiteral("spec.analysis.match: expected an array"),
            QStringLiteral("spec.analysis.metrics[0].thresholdRange.min: expected a number"),
            QStringLiteral("spec.analysis.webhooks[0].muteAlert: expected true or false"),
            QStringLiteral("spec.analysis.webhooks[0].metadata: expected an object"),
            QStringLiteral("status.canaryWeight: expected an integer"),
            QStringLiteral("status.trackedConfigs: expected an object"),
            QStringLiteral("status.conditions: expected an array"),
        };
        for (const QString &text : expected)
            QVERIFY2(issues.contains(text), qPrintable(issues.join(QLatin1Char('\n'))));
        QVERIFY(issues.contains(QStringLiteral(
            "status.lastTransitionTime: expected an RFC 3339 timestamp, got \"yesterday\"")));
        // What could be read was kept.
        QCOMPARE(d.value.metadata.name, QStringLiteral("c"));
        QCOMPARE(d.value.spec.analysis->stepWeights, QList<qint32>({5, 0}));
        QCOMPARE(d.value.spec.analysis->webhooks.at(0).type, QStringLiteral("confirm-rollout"));
        QCOMPARE(d.value.status.phase, QStringLiteral("Progressing"));
        QVERIFY(!d.value.spec.suspend);

        const Decoded<FlaggerCanary> notObject = decodeObject<FlaggerCanary>(R"({"spec":[]})");
        QCOMPARE(issueTexts(notObject.report),
                 QStringList(QStringLiteral("spec: expected an object")));
        QVERIFY(!decodeObject<FlaggerCanary>("[1,2]").isOk());
        QVERIFY(!decodeObject<FlaggerCanary>(R"({"spec":)").isOk());
    }

    void hostileSizesAreBounded()
    {
        QByteArray webhooks = "[";
        for (int i = 0; i < 250; ++i)
            webhooks += (i ? "," : "") + QByteArray("{\"name\":\"w\",\"url\":\"http://x/\"}");
        webhooks += ']';
        QByteArray steps = "[";
        for (int i = 0; i < 1000; ++i)
            steps += (i ? "," : "") + QByteArray::number(i % 100);
        steps += ']';
        const QByteArray query(70 * 1024, 'q');
        const Decoded<FlaggerCanary> d
            = withAnalysis(R"({"webhooks":)" + webhooks + R"(,"stepWeights":)" + steps
                           + ",\"metrics\":[{\"name\":\"big\",\"query\":\"" + query + "\"}]}");
        QVERIFY(d.isOk());
        const FlaggerAnalysis &a = *d.value.spec.analysis;
        QCOMPARE(a.webhooks.size(), 200);
        QCOMPARE(a.stepWeights.size(), 200);
        QCOMPARE(a.metrics.at(0).query.size(), 64 * 1024);
        const QStringList issues = issueTexts(d.report);
        QVERIFY2(issues.contains(QStringLiteral(
                     "spec.analysis.webhooks: more than 200 entries; the rest are not shown")),
                 qPrintable(issues.join(QLatin1Char('\n'))));
        QVERIFY(issues.contains(QStringLiteral(
            "spec.analysis.stepWeights: more than 200 entries; the rest are not shown")));
        QVERIFY(issues.contains(
            QStringLiteral("spec.analysis.metrics[0].query: longer than 65536 bytes: cut")));

        QByteArray variables = "{";
        QByteArray conditions = "[";
        for (int i = 0; i < 300; ++i) {
            variables += (i ? ",\"v" : "\"v") + QByteArray::number(i) + "\":\"x\"";
            conditions += (i ? "," : "") + QByteArray("{\"type\":\"Promoted\"}");
        }
        const Decoded<FlaggerCanary> many = decodeObject<FlaggerCanary>(
            "{\"spec\":{\"analysis\":{\"metrics\":[{\"templateVariables\":" + variables
            + "}}]}},\"status\":{\"conditions\":" + conditions + "]}}");
        QVERIFY(many.isOk());
        QCOMPARE(many.value.spec.analysis->metrics.at(0).templateVariables.size(), 200);
        QCOMPARE(many.value.status.conditions.size(), 200);
        QCOMPARE(many.report.issues.size(), 2);

        // A multi-byte character across the cut is not split.
        const QByteArray accented = QByteArray(64 * 1024 - 1, 'a') + "\xc3\xa9" + "tail";
        const Decoded<FlaggerCanary> cut
            = withAnalysis("{\"metrics\":[{\"query\":\"" + accented + "\"}]}");
        const QString text = cut.value.spec.analysis->metrics.at(0).query;
        QCOMPARE(text.size(), 64 * 1024 - 1);
        QVERIFY(!text.contains(QChar::ReplacementCharacter));
    }
};

QTEST_GUILESS_MAIN(TestFlaggerCanaryDecoder)
#include "tst_flaggercanarydecoder.moc"
