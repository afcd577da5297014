// SPDX-License-Identifier: GPL-3.0-or-later
// Every Argo Rollouts metric provider decoded from a realistic AnalysisRun
// (tests/data/domain/traffic/analysisrun-providers.json) and described by MetricDescription:
// the provider with its settings, what it is asked and under which label; a Web metric's
// header values, its body and a plugin's config values never appear in any text; the charts
// say why the metrics they cannot chart have no chart.
#include "analysischarts.h"
#include "jsondecoder.h"
#include "metricdescription.h"
#include "rolloutdetail.h"
#include "testdata.h"

#include <QTest>

namespace {

const QStringList secrets = {QStringLiteral("s3cr3t"), QStringLiteral("tenant-42-secret"),
                             QStringLiteral("hunter2"), QStringLiteral("plugin-secret-token")};

} // namespace

class TestMetricProviders : public QObject
{
    Q_OBJECT

private:
    AnalysisRun m_run;

    const AnalysisMetric *metric(const QString &name) const
    {
        for (const AnalysisMetric &m : m_run.metrics) {
            if (m.name == name)
                return &m;
        }
        return nullptr;
    }

private slots:
    void initTestCase()
    {
        const auto list = decodeList<AnalysisRun>(
            domainTestData(QStringLiteral("traffic/analysisrun-providers.json")));
        QVERIFY(list.report.error.isEmpty());
        QVERIFY2(list.report.issues.isEmpty(), qPrintable(list.report.issuesText()));
        QCOMPARE(list.items.size(), 1);
        m_run = list.items.constFirst();
        QCOMPARE(m_run.metrics.size(), 12);
    }

    void described_data()
    {
        QTest::addColumn<QString>("metric");
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("request");
        QTest::newRow("job") << "smoke-test"
                             << "Job \u00b7 backoffLimit 0 \u00b7 image "
                                "registry.example.com/smoke-tests:1.8.0"
                             << "Command"
                             << "sh -c ./run.sh --target {{args.service}}";
        QTest::newRow("web") << "health"
                             << "Web \u00b7 method POST \u00b7 headers Authorization, X-Scope "
                                "\u00b7 jsonPath {$.status} \u00b7 timeoutSeconds 20"
                             << "URL"
                             << "https://checkout-canary.shop.svc/healthz?service={{args.service}}";
        QTest::newRow("datadog v2")
            << "dd-errors"
            << "Datadog \u00b7 apiVersion v2 \u00b7 interval 5m \u00b7 formula a / b"
            << "Queries"
            << "a: sum:requests.error{service:checkout}.as_count() \u00b7 b: "
               "sum:requests{service:checkout}.as_count()";
        QTest::newRow("datadog v1") << "dd-latency"
                                    << "Datadog \u00b7 interval 10m"
                                    << "Query"
                                    << "avg:trace.http.request.duration{service:checkout}";
        QTest::newRow("new relic") << "nr-errors"
                                   << "New Relic \u00b7 profile newrelic-prod"
                                   << "Query"
                                   << "FROM Transaction SELECT percentage(count(*), WHERE error "
                                      "IS true) WHERE appName = 'checkout'";
        QTest::newRow("cloudwatch") << "cw-errors"
                                    << "CloudWatch \u00b7 interval 5m"
                                    << "Metric data queries"
                                    << "rate: errors / requests \u00b7 errors: "
                                       "AWS/ApplicationELB HTTPCode_Target_5XX_Count Sum";
        QTest::newRow("wavefront") << "wf-latency"
                                   << "Wavefront at example.wavefront.com"
                                   << "Query"
                                   << "avg(ts(checkout.latency))";
        QTest::newRow("kayenta") << "kayenta-judge"
                                 << "Kayenta at http://kayenta.kayenta:8090 \u00b7 application "
                                    "checkout \u00b7 pass 95 \u00b7 marginal 75 \u00b7 scopes "
                                    "default"
                                 << "Canary config"
                                 << "checkout-canary-config";
        QTest::newRow("graphite") << "graphite-errors"
                                  << "Graphite at http://graphite.monitoring:8080"
                                  << "Query"
                                  << "sumSeries(checkout.errors)";
        QTest::newRow("influxdb") << "influx-errors"
                                  << "InfluxDB \u00b7 profile influxdb-secret"
                                  << "Query"
                                  << "from(bucket: \"app\") |> range(start: -15m)";
        QTest::newRow("skywalking")
            << "sw-latency"
            << "SkyWalking at http://skywalking-oap:12800 \u00b7 interval 5m"
            << "Query"
            << "query queryData { readMetricsValues }";
        QTest::newRow("plugin") << "plugin-metric"
                                << "Plugin argoproj-labs/sample-prometheus \u00b7 config keys "
                                   "address, query, token"
                                << "Query" << QString();
    }
    void described()
    {
        QFETCH(QString, metric);
        QFETCH(QString, provider);
        QFETCH(QString, label);
        QFETCH(QString, request);
        const AnalysisMetric *m = this->metric(metric);
        QVERIFY(m);
        QCOMPARE(MetricDescription::provider(m->provider), provider);
        QCOMPARE(MetricDescription::requestLabel(m->provider), label);
        QCOMPARE(MetricDescription::request(m->provider), request);
    }

    void datadogQueriesAreSentOnePerLine()
    {
        QCOMPARE(MetricDescription::requestAsSent(metric(QStringLiteral("dd-errors"))->provider),
                 QStringLiteral("a: sum:requests.error{service:checkout}.as_count()\nb: "
                                "sum:requests{service:checkout}.as_count()"));
    }

    void secretsNeverAppear()
    {
        for (const AnalysisMetric &m : std::as_const(m_run.metrics)) {
            const MetricProvider &p = m.provider;
            QStringList texts {MetricDescription::provider(p),
                               MetricDescription::request(p),
                               MetricDescription::requestAsSent(p),
                               p.address,
                               p.query,
                               p.url,
                               p.command};
            texts += p.queries;
            for (const ProviderSetting &setting : p.settings)
                texts << setting.field << setting.value;
            for (const QString &text : std::as_const(texts)) {
                for (const QString &secret : secrets)
                    QVERIFY2(!text.contains(secret),
                             qPrintable(m.name + QStringLiteral(": ") + text));
            }
        }
    }

    // A command line or URL written with a token in it: what is shown replaces the token.
    void tokensInCommandsAndUrlsAreRedacted()
    {
        MetricProvider job;
        job.kind = QStringLiteral("job");
        job.command = QStringLiteral("curl -H 'Authorization: Bearer tok-9f8e7d6c5b4a' "
                                     "https://smoke/run --token=abcdef123456");
        const QString shownJob = MetricDescription::requestAsSent(job);
        QVERIFY2(!shownJob.contains(QStringLiteral("tok-9f8e7d6c5b4a"))
                     && !shownJob.contains(QStringLiteral("abcdef123456")),
                 qPrintable(shownJob));
        QVERIFY(shownJob.startsWith(QStringLiteral("curl")));
        MetricProvider web;
        web.kind = QStringLiteral("web");
        web.url = QStringLiteral("https://user:pw-123456@status.example.com/api?api_key=k-998877");
        const QString shownUrl = MetricDescription::request(web);
        QVERIFY2(!shownUrl.contains(QStringLiteral("pw-123456"))
                     && !shownUrl.contains(QStringLiteral("k-998877")),
                 qPrintable(shownUrl));
    }

    void measurementsStillDecoded()
    {
        const MetricResult *result = m_run.metricResult(QStringLiteral("dd-errors"));
        QVERIFY(result);
        QCOMPARE(result->measurements.size(), 2);
        QCOMPARE(result->measurements.at(1).value, QStringLiteral("0.006"));
    }

    void chartsSayWhyTheyDoNotChart()
    {
        RolloutDetail detail;
        detail.rollout.metadata.uid = QStringLiteral("uid-checkout");
        detail.rollout.status.currentPodHash = QStringLiteral("7f9c6d5b8");
        detail.analysisRuns = {m_run};
        QVERIFY(AnalysisCharts::fromDetail(detail).isEmpty());
        const QStringList lines = AnalysisCharts::unchartedNotice(detail).split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 11); // one per provider, Datadog once for its two metrics
        QCOMPARE(lines.at(0),
                 QStringLiteral("Job metrics are not charted: the dashboard reads "
                                "Prometheus only; the analysis lists their "
                                "measurements."));
        QVERIFY(lines.contains(QStringLiteral("Datadog metrics are not charted: the dashboard "
                                              "reads Prometheus only; the analysis lists their "
                                              "measurements.")));
        // A Prometheus metric with a query is charted and needs no word.
        AnalysisRun prometheusOnly = m_run;
        prometheusOnly.metrics = {*metric(QStringLiteral("dd-latency"))};
        prometheusOnly.metrics[0].provider = MetricProvider();
        prometheusOnly.metrics[0].provider.kind = QStringLiteral("prometheus");
        prometheusOnly.metrics[0].provider.query = QStringLiteral("sum(rate(errors[1m]))");
        detail.analysisRuns = {prometheusOnly};
        QCOMPARE(AnalysisCharts::fromDetail(detail).size(), 1);
        QVERIFY(AnalysisCharts::unchartedNotice(detail).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestMetricProviders)
#include "tst_metricproviders.moc"
