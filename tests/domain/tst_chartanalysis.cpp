// SPDX-License-Identifier: GPL-3.0-or-later
// Analysis-derived charts: thresholds parsed from success/failure conditions, measurement
// values and points, units, and the charts of realistic rollouts (decoded fixtures).
#include "../widgets/detailfixture.h"
#include "analysischarts.h"

#include <QTest>

#include <cmath>

using Comparison = ChartThreshold::Comparison;
using Source = ChartThreshold::Source;

namespace {

ChartThreshold threshold(double value, Comparison comparison, Source source, const char *text)
{
    ChartThreshold t;
    t.value = value;
    t.comparison = comparison;
    t.source = source;
    t.text = QLatin1String(text);
    return t;
}

QDateTime utc(const char *text)
{
    return QDateTime::fromString(QLatin1String(text), Qt::ISODate);
}

qint64 ms(const char *text)
{
    return utc(text).toMSecsSinceEpoch();
}

} // namespace

class TestChartAnalysis : public QObject
{
    Q_OBJECT

private slots:
    void thresholds_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<int>("source");
        QTest::addColumn<QList<ChartThreshold>>("expected");
        const int success = int(Source::SuccessCondition);
        const int failure = int(Source::FailureCondition);
        QTest::addRow("le") << QStringLiteral("result[0] <= 0.05") << success
                            << QList<ChartThreshold> {threshold(0.05, Comparison::LessOrEqual,
                                                                Source::SuccessCondition,
                                                                "result[0] <= 0.05")};
        QTest::addRow("ge") << QStringLiteral("result[0] >= 0.95") << success
                            << QList<ChartThreshold> {threshold(0.95, Comparison::GreaterOrEqual,
                                                                Source::SuccessCondition,
                                                                "result[0] >= 0.95")};
        QTest::addRow("bare") << QStringLiteral("result < 0.5") << success
                              << QList<ChartThreshold> {threshold(0.5, Comparison::Less,
                                                                  Source::SuccessCondition,
                                                                  "result < 0.5")};
        QTest::addRow("len guard")
            << QStringLiteral("len(result) > 0 && result[0] >= 0.95") << success
            << QList<ChartThreshold> {threshold(0.95, Comparison::GreaterOrEqual,
                                                Source::SuccessCondition, "result[0] >= 0.95")};
        QTest::addRow("number first")
            << QStringLiteral("0.95 <= result[0]") << success
            << QList<ChartThreshold> {threshold(0.95, Comparison::GreaterOrEqual,
                                                Source::SuccessCondition, "0.95 <= result[0]")};
        QTest::addRow("failure") << QStringLiteral("isNaN(result[0]) || result[0] > 0.1") << failure
                                 << QList<ChartThreshold> {threshold(0.1, Comparison::Greater,
                                                                     Source::FailureCondition,
                                                                     "result[0] > 0.1")};
        QTest::addRow("range") << QStringLiteral("result[0] >= 0.9 && result[0] <= 1.5") << success
                               << QList<ChartThreshold> {
                                      threshold(0.9, Comparison::GreaterOrEqual,
                                                Source::SuccessCondition, "result[0] >= 0.9"),
                                      threshold(1.5, Comparison::LessOrEqual,
                                                Source::SuccessCondition, "result[0] <= 1.5")};
        QTest::addRow("asFloat") << QStringLiteral("asFloat(result) >= 0.9") << success
                                 << QList<ChartThreshold> {threshold(
                                        0.9, Comparison::GreaterOrEqual, Source::SuccessCondition,
                                        "asFloat(result) >= 0.9")};
        QTest::addRow("exponent") << QStringLiteral("result > 1e-3") << failure
                                  << QList<ChartThreshold> {threshold(0.001, Comparison::Greater,
                                                                      Source::FailureCondition,
                                                                      "result > 1e-3")};
        QTest::addRow("parenthesised")
            << QStringLiteral("(result[0] < 2)") << success
            << QList<ChartThreshold> {
                   threshold(2, Comparison::Less, Source::SuccessCondition, "result[0] < 2")};
        QTest::addRow("arithmetic")
            << QStringLiteral("result[0] * 100 > 5") << success << QList<ChartThreshold> {};
        QTest::addRow("scaled number")
            << QStringLiteral("result[0] > 5 * 2") << success << QList<ChartThreshold> {};
        QTest::addRow("equality") << QStringLiteral("result == 'ok'") << success
                                  << QList<ChartThreshold> {};
        QTest::addRow("second value")
            << QStringLiteral("result[1] < 3") << success << QList<ChartThreshold> {};
        QTest::addRow("empty") << QString() << success << QList<ChartThreshold> {};
    }

    void thresholds()
    {
        QFETCH(QString, condition);
        QFETCH(int, source);
        QFETCH(QList<ChartThreshold>, expected);
        QCOMPARE(AnalysisCharts::thresholds(condition, Source(source)), expected);
    }

    void thresholdLabels()
    {
        QCOMPARE(threshold(0.05, Comparison::LessOrEqual, Source::SuccessCondition, "")
                     .label(ChartUnit::Ratio),
                 QStringLiteral("pass ≤ 5 %"));
        QCOMPARE(threshold(0.1, Comparison::Greater, Source::FailureCondition, "")
                     .label(ChartUnit::Seconds),
                 QStringLiteral("fail > 100 ms"));
        QCOMPARE(
            threshold(0.05, Comparison::LessOrEqual, Source::Config, "").label(ChartUnit::Ratio),
            QStringLiteral("max 5 %"));
        QCOMPARE(threshold(0.9, Comparison::GreaterOrEqual, Source::Config, "SLO")
                     .label(ChartUnit::Ratio),
                 QStringLiteral("SLO"));
        QVERIFY(
            threshold(0.05, Comparison::LessOrEqual, Source::SuccessCondition, "").failsAbove());
        QVERIFY(!threshold(0.95, Comparison::GreaterOrEqual, Source::SuccessCondition, "")
                     .failsAbove());
        QVERIFY(threshold(0.1, Comparison::Greater, Source::FailureCondition, "").failsAbove());
        QVERIFY(!threshold(0.1, Comparison::Less, Source::FailureCondition, "").failsAbove());
    }

    void measurementValues()
    {
        QCOMPARE(AnalysisCharts::measurementValue(QStringLiteral("[0.97]")), 0.97);
        QCOMPARE(AnalysisCharts::measurementValue(QStringLiteral("[0.97, 0.5]")), 0.97);
        QCOMPARE(AnalysisCharts::measurementValue(QStringLiteral("0.99")), 0.99);
        QCOMPARE(AnalysisCharts::measurementValue(QStringLiteral("1e-3")), 0.001);
        QVERIFY(std::isnan(AnalysisCharts::measurementValue(QStringLiteral("ok"))));
        QVERIFY(std::isnan(AnalysisCharts::measurementValue(QStringLiteral("[]"))));
        QVERIFY(std::isnan(AnalysisCharts::measurementValue(QStringLiteral("[NaN]"))));
    }

    void units()
    {
        using AnalysisCharts::guessUnit;
        QCOMPARE(guessUnit(QStringLiteral("error-rate"), QStringLiteral("a / b")),
                 ChartUnit::Ratio);
        QCOMPARE(guessUnit(QStringLiteral("success-rate"), QString()), ChartUnit::Ratio);
        QCOMPARE(guessUnit(QStringLiteral("latency-p99"), QStringLiteral("x")),
                 ChartUnit::Milliseconds);
        QCOMPARE(guessUnit(QStringLiteral("latency"),
                           QStringLiteral("histogram_quantile(0.99, "
                                          "rate(http_request_duration_seconds_bucket[1m]))")),
                 ChartUnit::Seconds);
        QCOMPARE(guessUnit(QStringLiteral("mem"), QStringLiteral("container_memory_rss_bytes")),
                 ChartUnit::Bytes);
        QCOMPARE(guessUnit(QStringLiteral("cpu-usage"), QString()), ChartUnit::Cores);
        QCOMPARE(guessUnit(QStringLiteral("throughput"), QString()), ChartUnit::RequestsPerSecond);
        QCOMPARE(guessUnit(QStringLiteral("queue-depth"), QStringLiteral("kafka_lag")),
                 ChartUnit::None);
    }

    void chartsOfAPausedCanary()
    {
        const DetailFixture fixture = DetailFixture::load(QStringLiteral("paused-canary.json"));
        QVERIFY2(fixture.error.isEmpty(), qPrintable(fixture.error));
        const QList<ChartSpec> charts = AnalysisCharts::fromDetail(fixture.detail);
        QCOMPARE(charts.size(), 3);
        // The background run (newest) first; the step run adds "latency"; the older
        // revision's run is not charted.
        const ChartSpec &errors = charts.at(0);
        QCOMPARE(errors.id, QStringLiteral("analysis/error-rate"));
        QCOMPARE(errors.title, QStringLiteral("error-rate"));
        QCOMPARE(errors.origin, ChartSpec::Origin::Analysis);
        QCOMPARE(errors.unit, ChartUnit::Ratio);
        QCOMPARE(errors.query,
                 QStringLiteral("sum(rate(http_requests_total{code=~\"5..\"}[2m])) "
                                "/ sum(rate(http_requests_total[2m]))"));
        QVERIFY(!errors.splitByRole); // the query does not name the canary's hash
        QCOMPARE(
            errors.thresholds,
            (QList<ChartThreshold> {threshold(0.01, Comparison::LessOrEqual,
                                              Source::SuccessCondition, "result[0] <= 0.01")}));
        QCOMPARE(errors.measurements.size(), 6);
        QCOMPARE(errors.measurements.first(),
                 (ChartMeasurement {ms("2024-05-02T10:09:06Z"), 0.003,
                                    ChartMeasurement::Phase::Successful, QStringLiteral("[0.003]"),
                                    QStringLiteral("search-7f9c6d5b8-7-2")}));
        QCOMPARE(errors.measurements.at(3),
                 (ChartMeasurement {ms("2024-05-02T10:17:01Z"), 0.021,
                                    ChartMeasurement::Phase::Failed, QStringLiteral("[0.021]"),
                                    QStringLiteral("search-7f9c6d5b8-7-bg")}));
        QCOMPARE(errors.description,
                 QStringLiteral("Analysis metric error-rate of AnalysisRun "
                                "search-7f9c6d5b8-7-bg:\n")
                     + errors.query);

        QCOMPARE(charts.at(1).title, QStringLiteral("latency-p99 (dry run)"));
        QCOMPARE(charts.at(1).unit, ChartUnit::Milliseconds);
        QCOMPARE(charts.at(1).thresholds,
                 (QList<ChartThreshold> {threshold(500, Comparison::Less, Source::SuccessCondition,
                                                   "result[0] < 500")}));
        QCOMPARE(charts.at(1).measurements.size(), 3);
        QCOMPARE(charts.at(1).measurements.last().value, 903.7);
        QCOMPARE(charts.at(2).title, QStringLiteral("latency"));
        QCOMPARE(charts.at(2).measurements.size(), 1);
    }

    void chartsOfAnAbortedCanary()
    {
        const DetailFixture fixture = DetailFixture::load(QStringLiteral("aborted-canary.json"));
        QVERIFY2(fixture.error.isEmpty(), qPrintable(fixture.error));
        const QList<ChartSpec> charts = AnalysisCharts::fromDetail(fixture.detail);
        QCOMPARE(charts.size(), 1);
        QCOMPARE(charts.first().title, QStringLiteral("success-rate"));
        QCOMPARE(charts.first().thresholds.first().failsAbove(), false);
        QList<ChartMeasurement::Phase> phases;
        for (const ChartMeasurement &m : charts.first().measurements)
            phases.append(m.phase);
        using P = ChartMeasurement::Phase;
        QCOMPARE(phases,
                 (QList<P> {P::Successful, P::Successful, P::Failed, P::Failed, P::Failed}));
    }

    void nonPrometheusMetricsAreNotCharted()
    {
        const DetailFixture fixture = DetailFixture::load(QStringLiteral("bluegreen.json"));
        QVERIFY2(fixture.error.isEmpty(), qPrintable(fixture.error));
        QVERIFY(AnalysisCharts::fromDetail(fixture.detail).isEmpty()); // a web metric
    }

    void queryNamingTheCanaryIsSplitByRole()
    {
        RolloutDetail detail;
        detail.rollout.metadata.name = QStringLiteral("checkout");
        detail.rollout.status.currentPodHash = QStringLiteral("6d9f7c8b5");
        detail.rollout.status.stableRS = QStringLiteral("5c7d8b9f4");
        AnalysisRun run;
        run.metadata.name = QStringLiteral("checkout-6d9f7c8b5-5-2");
        run.metadata.labels.insert(QStringLiteral("rollouts-pod-template-hash"),
                                   QStringLiteral("6d9f7c8b5"));
        AnalysisMetric metric;
        metric.name = QStringLiteral("error-rate");
        metric.failureCondition = QStringLiteral("result[0] > 0.05");
        metric.provider.kind = QStringLiteral("prometheus");
        // As the run keeps it: the template's text, the args resolved beside it.
        metric.provider.query
            = QStringLiteral("sum(rate(rd_http_request_errors_total{rollouts_pod_template_hash=\"{{"
                             "args.canary-hash}}\"}"
                             "[1m])) / sum(rate(rd_http_requests_total{rollouts_pod_template_hash="
                             "\"{{ args.canary-hash "
                             "}}\",ns=\"{{args.namespace}}\",key=\"{{args.api-key}}\"}[1m]))\n");
        run.metrics = {metric};
        run.args = {AnalysisArg {QStringLiteral("canary-hash"), QStringLiteral("6d9f7c8b5"), true},
                    AnalysisArg {QStringLiteral("namespace"), QStringLiteral("shop"), false},
                    AnalysisArg {QStringLiteral("api-key"), QString(), true}};
        MetricResult result;
        result.name = metric.name;
        Measurement running;
        running.phase = QStringLiteral("Running");
        running.startedAt = utc("2024-05-05T10:00:00Z");
        Measurement unstamped; // neither started nor finished: not a point in time
        unstamped.phase = QStringLiteral("Pending");
        result.measurements = {running, unstamped};
        run.metricResults = {result};
        detail.analysisRuns = {run};

        const QList<ChartSpec> charts = AnalysisCharts::fromDetail(detail);
        QCOMPARE(charts.size(), 1);
        QVERIFY(charts.first().splitByRole);
        QVERIFY(charts.first().templated);
        QCOMPARE(charts.first().query,
                 QStringLiteral("sum(rate(rd_http_request_errors_total{rollouts_pod_template_hash="
                                "\"{{hash}}\"}[1m])) / sum(rate(rd_http_requests_total{"
                                "rollouts_pod_template_hash=\"{{hash}}\",ns=\"shop\","
                                "key=\"{{args.api-key}}\"}[1m]))"));
        QCOMPARE(charts.first().thresholds.first().failsAbove(), true);
        QCOMPARE(charts.first().measurements.size(), 1);
        QCOMPARE(charts.first().measurements.first().phase, ChartMeasurement::Phase::Running);
        QVERIFY(std::isnan(charts.first().measurements.first().value));

        // Fully promoted: nothing to compare with, the query runs as written.
        detail.rollout.status.stableRS = detail.rollout.status.currentPodHash;
        QVERIFY(!AnalysisCharts::fromDetail(detail).first().splitByRole);
    }
};

QTEST_GUILESS_MAIN(TestChartAnalysis)
#include "tst_chartanalysis.moc"
