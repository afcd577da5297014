// SPDX-License-Identifier: GPL-3.0-or-later
// The charts of a Flagger canary's analysis (FlaggerCharts, FlaggerQueryTemplate): the
// built-in metrics as Flagger's observers query them, MetricTemplates rendered with Flagger's
// values, canary against primary, the thresholds, and the reasons for what has no chart.
#include "flaggercharts.h"
#include "flaggerquerytemplate.h"
#include "jsondecoder.h"
#include "testdata.h"

#include <QTest>

namespace {

template<typename T> T fixture(const char *file)
{
    const Decoded<T> decoded = decodeObject<T>(domainTestData(QString::fromLatin1(file)));
    if (!decoded.isOk() || decoded.report.hasIssues())
        qWarning("%s: %s", file, qPrintable(decoded.report.issuesText()));
    return decoded.value;
}

// podinfo in test (istio): request-success-rate, request-duration and the MetricTemplate
// istio-system/latency.
FlaggerCanary podinfo()
{
    return fixture<FlaggerCanary>("flagger-canary-stepweight.json");
}

QList<FlaggerMetricTemplate> latencyTemplate()
{
    return {fixture<FlaggerMetricTemplate>("flagger-metrictemplate.json")};
}

FlaggerCanary withMetrics(const QString &provider, const QList<FlaggerMetric> &metrics)
{
    FlaggerCanary canary;
    canary.metadata.name = QStringLiteral("search-suggest");
    canary.metadata.namespaceName = QStringLiteral("search");
    canary.spec.provider = provider;
    canary.spec.targetRef.name = QStringLiteral("search-suggest");
    FlaggerAnalysis analysis;
    analysis.metrics = metrics;
    canary.spec.analysis = analysis;
    return canary;
}

FlaggerMetric metric(const char *name)
{
    FlaggerMetric m;
    m.name = QString::fromLatin1(name);
    return m;
}

FlaggerMetricTemplate promTemplate(const char *name, const char *query)
{
    FlaggerMetricTemplate t;
    t.metadata.name = QString::fromLatin1(name);
    t.metadata.namespaceName = QStringLiteral("search");
    t.providerType = QStringLiteral("prometheus");
    t.query = QString::fromLatin1(query);
    return t;
}

QString istioSuccessRate(const char *ns, const char *workload, const char *interval)
{
    const QString selector = QStringLiteral("reporter=\"destination\",destination_workload_"
                                            "namespace=\"%1\",destination_workload=~\"%2\"")
                                 .arg(QLatin1String(ns), QLatin1String(workload));
    return QStringLiteral("sum(rate(istio_requests_total{%1,response_code!~\"5.*\"}[%2])) / "
                          "sum(rate(istio_requests_total{%1}[%2])) * 100")
        .arg(selector, QLatin1String(interval));
}

QString istioDuration(const char *ns, const char *workload, const char *interval)
{
    return QStringLiteral("histogram_quantile(0.99, sum(rate(istio_request_duration_milliseconds_"
                          "bucket{reporter=\"destination\",destination_workload_namespace=\"%1\","
                          "destination_workload=~\"%2\"}[%3])) by (le))")
        .arg(QLatin1String(ns), QLatin1String(workload), QLatin1String(interval));
}

} // namespace

class TestFlaggerCharts : public QObject
{
    Q_OBJECT

private slots:
    void istioCanaryWithTemplate()
    {
        const FlaggerCanary canary = podinfo();
        const FlaggerCharts::Charts result = FlaggerCharts::forCanary(canary, latencyTemplate());
        QVERIFY2(result.reasons.isEmpty(), qPrintable(result.reasons.join(u'\n')));
        QCOMPARE(result.charts.size(), 3);
        QCOMPARE(FlaggerCharts::canaryWorkload(canary), QStringLiteral("podinfo"));
        QCOMPARE(FlaggerCharts::primaryWorkload(canary), QStringLiteral("podinfo-primary"));

        const ChartSpec &success = result.charts.at(0);
        QCOMPARE(success.id, QStringLiteral("flagger/request-success-rate"));
        QCOMPARE(success.title, QStringLiteral("request-success-rate"));
        QCOMPARE(success.unit, ChartUnit::Percent);
        QVERIFY(success.splitByRole);
        // Flagger's word for the promoted version in the legend (Argo's charts say "stable").
        QCOMPARE(success.stableName, QStringLiteral("primary"));
        for (const ChartSpec &chart : result.charts)
            QCOMPARE(chart.stableName, QStringLiteral("primary"));
        QCOMPARE(FlaggerCharts::queryFor(success, QStringLiteral("podinfo")),
                 istioSuccessRate("test", "podinfo", "1m"));
        QCOMPARE(FlaggerCharts::queryFor(success, QStringLiteral("podinfo-primary")),
                 istioSuccessRate("test", "podinfo-primary", "1m"));
        QCOMPARE(success.thresholds.size(), 1);
        QCOMPARE(success.thresholds.first().value, 99.0);
        QVERIFY(!success.thresholds.first().failsAbove());
        QCOMPARE(success.thresholds.first().label(success.unit), QStringLiteral("pass ≥ 99 %"));

        const ChartSpec &duration = result.charts.at(1);
        QCOMPARE(duration.id, QStringLiteral("flagger/request-duration"));
        QCOMPARE(duration.unit, ChartUnit::Milliseconds);
        QCOMPARE(FlaggerCharts::queryFor(duration, QStringLiteral("podinfo")),
                 istioDuration("test", "podinfo", "30s"));
        QCOMPARE(FlaggerCharts::queryFor(duration, QStringLiteral("podinfo-primary")),
                 istioDuration("test", "podinfo-primary", "30s"));
        QCOMPARE(duration.thresholds.size(), 1);
        QCOMPARE(duration.thresholds.first().value, 500.0);
        QVERIFY(duration.thresholds.first().failsAbove());
        QCOMPARE(duration.thresholds.first().label(duration.unit), QStringLiteral("pass ≤ 500 ms"));

        // The template's query with its variable and the metric's interval; "/ 1000": seconds.
        const ChartSpec &latency = result.charts.at(2);
        QCOMPARE(latency.id, QStringLiteral("flagger/latency"));
        QCOMPARE(latency.unit, ChartUnit::Seconds);
        QCOMPARE(FlaggerCharts::queryFor(latency, QStringLiteral("podinfo-primary")),
                 QStringLiteral("histogram_quantile(0.99, sum(rate(istio_request_duration_"
                                "milliseconds_bucket{reporter=\"destination\",destination_"
                                "workload_namespace=\"test\",destination_workload=~\"podinfo-"
                                "primary\"}[1m])) by (le)) / 1000"));
        QCOMPARE(latency.thresholds.size(), 1);
        QCOMPARE(latency.thresholds.first().value, 0.5);
        QVERIFY(latency.thresholds.first().failsAbove());
        QVERIFY(latency.description.contains(QStringLiteral("istio-system/latency")));
    }

    void thresholdRangeBothEndsAndDeprecatedThreshold()
    {
        FlaggerMetric range = metric("error-budget");
        range.query
            = QStringLiteral("sum(rate(errors{workload=\"{{ target }}\"}[{{ interval }}]))");
        range.thresholdMin = 1;
        range.thresholdMax = 5;
        FlaggerMetric old = metric("request-success-rate");
        old.threshold = 95;
        FlaggerMetric oldDuration = metric("request-duration");
        oldDuration.threshold = 300;
        const FlaggerCharts::Charts result = FlaggerCharts::forCanary(
            withMetrics(QStringLiteral("istio"), {range, old, oldDuration}), {});
        QCOMPARE(result.charts.size(), 3);
        const QList<ChartThreshold> &both = result.charts.at(0).thresholds;
        QCOMPARE(both.size(), 2);
        QCOMPARE(both.at(0).value, 1.0);
        QVERIFY(!both.at(0).failsAbove());
        QCOMPARE(both.at(1).value, 5.0);
        QVERIFY(both.at(1).failsAbove());
        QCOMPARE(FlaggerCharts::queryFor(result.charts.at(0), QStringLiteral("search-suggest")),
                 QStringLiteral("sum(rate(errors{workload=\"search-suggest\"}[1m]))"));
        QCOMPARE(result.charts.at(1).thresholds.size(), 1);
        QVERIFY(!result.charts.at(1).thresholds.first().failsAbove());
        QCOMPARE(result.charts.at(2).thresholds.size(), 1);
        QVERIFY(result.charts.at(2).thresholds.first().failsAbove());

        // A repeated name still gets a chart of its own.
        const FlaggerCharts::Charts twice
            = FlaggerCharts::forCanary(withMetrics(QStringLiteral("istio"), {old, old}), {});
        QCOMPARE(twice.charts.size(), 2);
        QCOMPARE(twice.charts.at(0).id, QStringLiteral("flagger/request-success-rate"));
        QCOMPARE(twice.charts.at(1).id, QStringLiteral("flagger/request-success-rate#2"));
    }

    void otherKnownProviders()
    {
        FlaggerMetric duration = metric("request-duration");
        duration.thresholdMax = 500;
        duration.interval = QStringLiteral("2m");
        const FlaggerCharts::Charts kubernetes = FlaggerCharts::forCanary(
            withMetrics(QStringLiteral("kubernetes"), {metric("request-success-rate"), duration}),
            {});
        QCOMPARE(kubernetes.charts.size(), 2);
        QCOMPARE(FlaggerCharts::queryFor(kubernetes.charts.at(1),
                                         QStringLiteral("search-suggest-primary")),
                 QStringLiteral("histogram_quantile(0.99, sum(rate(http_request_duration_seconds_"
                                "bucket{kubernetes_namespace=\"search\",kubernetes_pod_name=~"
                                "\"search-suggest-primary-[0-9a-zA-Z]+(-[0-9a-zA-Z]+)\"}[2m])) "
                                "by (le))"));
        // Flagger reads this query in seconds and compares milliseconds.
        QCOMPARE(kubernetes.charts.at(1).unit, ChartUnit::Seconds);
        QCOMPARE(kubernetes.charts.at(1).thresholds.first().value, 0.5);

        const FlaggerCharts::Charts linkerd = FlaggerCharts::forCanary(
            withMetrics(QStringLiteral("linkerd"), {metric("request-success-rate")}), {});
        QCOMPARE(linkerd.charts.size(), 1);
        QCOMPARE(FlaggerCharts::queryFor(linkerd.charts.first(), QStringLiteral("search-suggest")),
                 QStringLiteral("sum(rate(response_total{namespace=\"search\",deployment=~"
                                "\"search-suggest\",classification!=\"failure\",direction="
                                "\"inbound\"}[1m])) / sum(rate(response_total{namespace="
                                "\"search\",deployment=~\"search-suggest\",direction="
                                "\"inbound\"}[1m])) * 100"));
    }

    void unknownProviderHasReasons()
    {
        FlaggerCanary canary = podinfo();
        canary.spec.provider = QStringLiteral("skipper");
        const FlaggerCharts::Charts result = FlaggerCharts::forCanary(canary, latencyTemplate());
        // The template does not depend on the provider.
        QCOMPARE(result.charts.size(), 1);
        QCOMPARE(result.charts.first().id, QStringLiteral("flagger/latency"));
        QCOMPARE(result.reasons.size(), 2);
        QVERIFY(result.reasons.at(0).startsWith(QStringLiteral("request-success-rate: ")));
        QVERIFY(result.reasons.at(0).contains(QStringLiteral("skipper")));
        QVERIFY(result.reasons.at(1).startsWith(QStringLiteral("request-duration: ")));

        canary.spec.provider.clear();
        QVERIFY(FlaggerCharts::forCanary(canary, latencyTemplate())
                    .reasons.first()
                    .contains(QStringLiteral("names no provider")));
    }

    void badTemplatesHaveReasons()
    {
        FlaggerMetric unknownFunction = metric("upper");
        unknownFunction.templateRef.name = QStringLiteral("upper");
        FlaggerMetric missingVariable = metric("missing");
        missingVariable.templateRef.name = QStringLiteral("missing");
        FlaggerMetric notFound = metric("gone");
        notFound.templateRef.name = QStringLiteral("gone");
        FlaggerMetric datadog = metric("dd");
        datadog.templateRef = {QString(), QString(), QStringLiteral("dd"), QStringLiteral("ops")};
        FlaggerMetricTemplate dd = promTemplate("dd", "avg:errors{*}");
        dd.metadata.namespaceName = QStringLiteral("ops");
        dd.providerType = QStringLiteral("datadog");
        const QList<FlaggerMetricTemplate> templates {
            promTemplate("upper", "sum(up{job=\"{{ upper target }}\"})"),
            promTemplate("missing", "sum(up{job=\"{{ variables.job }}\"}[{{ interval }}])"), dd};
        const FlaggerCharts::Charts result = FlaggerCharts::forCanary(
            withMetrics(QStringLiteral("istio"),
                        {unknownFunction, missingVariable, notFound, datadog}),
            templates);
        QVERIFY(result.charts.isEmpty());
        QCOMPARE(result.reasons.size(), 4);
        QVERIFY2(result.reasons.at(0).contains(QStringLiteral("function \"upper\" is not defined")),
                 qPrintable(result.reasons.at(0)));
        QVERIFY2(result.reasons.at(1).contains(QStringLiteral("no entry for key \"job\"")),
                 qPrintable(result.reasons.at(1)));
        QVERIFY(result.reasons.at(2).contains(QStringLiteral("search/gone was not found")));
        QVERIFY(result.reasons.at(3).contains(QStringLiteral("datadog")));

        // One whose read failed is not said to be missing.
        const FlaggerCharts::Charts unread = FlaggerCharts::forCanary(
            withMetrics(QStringLiteral("istio"), {notFound}), {}, {QStringLiteral("search/gone")});
        QCOMPARE(unread.reasons,
                 QStringList {
                     QStringLiteral("gone: the MetricTemplate search/gone could not be read.")});
    }

    void rendersLikeFlagger()
    {
        FlaggerQueryModel model;
        model.name = QStringLiteral("podinfo");
        model.namespaceName = QStringLiteral("test");
        model.target = QStringLiteral("podinfo");
        model.service = QStringLiteral("podinfo-svc");
        model.interval = QStringLiteral("1m");
        model.variables.insert(QStringLiteral("code"), QStringLiteral("5.."));
        QString out;
        QString error;
        QVERIFY(FlaggerQueryTemplate::render(
            QStringLiteral("a{s=\"{{service}}\",c=~\"{{ index variables \"code\" }}\","
                           "n=\"{{ name }}\"}  {{- /* trimmed */ -}}  [{{ interval }}]"),
            model, &out, &error));
        QCOMPARE(out, QStringLiteral("a{s=\"podinfo-svc\",c=~\"5..\",n=\"podinfo\"}[1m]"));
        QVERIFY(!FlaggerQueryTemplate::render(QStringLiteral("x{{ target"), model, &out, &error));
        QVERIFY(error.contains(QStringLiteral("unclosed")));
        QVERIFY(!FlaggerQueryTemplate::render(QStringLiteral("{{ if target }}x{{ end }}"), model,
                                              &out, &error));
        QVERIFY(error.contains(QStringLiteral("\"if\"")));
    }
};

QTEST_GUILESS_MAIN(TestFlaggerCharts)
#include "tst_flaggercharts.moc"
