// SPDX-License-Identifier: GPL-3.0-or-later
// Istio's destination-side series (IstioMetrics) in the PromQL engine and the exposition:
// they answer what the rd_http_* series answer for the same pods (request and error rates,
// the p99 in milliseconds), Flagger's istio queries read them, a promotion does not reset
// their counters, and a selector over every name stays a fixed number of series per pod.
#include "promqlenginefixture.h"
#include "syntheticmetricsfixture.h"

#include "metrics/istiometrics.h"
#include "metrics/metricsignal.h"

#include <cmath>

using namespace PromqlEngineTest;

namespace {

bool closeTo(double actual, double expected, double relative = 1e-9)
{
    return std::abs(actual - expected) <= relative * std::max(1.0, std::abs(expected));
}

QString istioRateOfPod(const QString &pod, const QString &code)
{
    return QStringLiteral("sum(rate(istio_requests_total{pod=\"%1\"%2}[1m]))")
        .arg(pod, code.isEmpty() ? QString() : QStringLiteral(",response_code=\"%1\"").arg(code));
}

// Prometheus' interpolation inside the bucket that holds the quantile, for a distribution
// with this p99 (the test's own arithmetic).
double interpolatedP99Ms(double p99Ms, double lowerMs, double upperMs)
{
    const double below = LatencyDistribution::cdf(lowerMs / 1000, p99Ms / 1000);
    const double upTo = LatencyDistribution::cdf(upperMs / 1000, p99Ms / 1000);
    return lowerMs + (upperMs - lowerMs) * (0.99 - below) / (upTo - below);
}

} // namespace

class TestIstioMetrics : public QObject, private EngineFixture
{
    Q_OBJECT

private slots:
    void init() { reset(); }
    void requestsAndErrorsAgreeWithRdHttp();
    void flaggerSuccessRateQuery();
    void durationQuantileAgreesWithP99();
    void promotionKeepsCountersGoing();
    void everyNameStaysAFixedNumberOfSeriesPerPod();
    void primaryIsItsOwnWorkload();
    void expositionParsesBackToTheCounters();
};

void TestIstioMetrics::requestsAndErrorsAgreeWithRdHttp()
{
    const qint64 t = kT0 + 600 * kSec;
    for (const MetricPod &p : {m_s1, m_c1}) {
        const double requests = single(
            QStringLiteral("sum(rate(rd_http_requests_total{pod=\"%1\"}[1m]))").arg(p.name), t);
        const double errors = single(
            QStringLiteral("sum(rate(rd_http_request_errors_total{pod=\"%1\"}[1m]))").arg(p.name),
            t);
        QVERIFY(requests > 30);
        const double all = single(istioRateOfPod(p.name, QString()), t);
        QVERIFY2(closeTo(all, requests),
                 qPrintable(QStringLiteral("%1 %2").arg(all).arg(requests)));
        QCOMPARE(single(istioRateOfPod(p.name, QStringLiteral("503")), t), errors);
        QVERIFY(
            closeTo(single(istioRateOfPod(p.name, QStringLiteral("200")), t), requests - errors));
        // The samples themselves are the pod's counters.
        QCOMPARE(single(QStringLiteral("istio_requests_total{pod=\"%1\",response_code=\"503\"}")
                            .arg(p.name),
                        t),
                 at(p, t).errors);
        QCOMPARE(
            single(
                QStringLiteral("istio_request_duration_milliseconds_count{pod=\"%1\"}").arg(p.name),
                t),
            at(p, t).requests);
    }
    // The canary, regressed from +90 s, errs at its 30 %, the stable pods at 0.2 %.
    const double canaryRatio = single(istioRateOfPod(QStringLiteral("web-bbb-1"), "503"), t)
        / single(istioRateOfPod(QStringLiteral("web-bbb-1"), QString()), t);
    QVERIFY2(std::abs(canaryRatio - 0.3) <= 0.3 * MetricSignal::maxDeviation() * 2.1,
             qPrintable(QString::number(canaryRatio)));
}

void TestIstioMetrics::flaggerSuccessRateQuery()
{
    // Flagger's istio observer (request-success-rate), for the rollout's workload.
    const QString query = QStringLiteral(
        "sum(rate(istio_requests_total{reporter=\"destination\",destination_workload_namespace="
        "\"shop\",destination_workload=~\"web\",response_code!~\"5.*\"}[1m])) / "
        "sum(rate(istio_requests_total{reporter=\"destination\",destination_workload_namespace="
        "\"shop\",destination_workload=~\"web\"}[1m])) * 100");
    const qint64 t = kT0 + 600 * kSec;
    const double errors = single(QStringLiteral("sum(rate(rd_http_request_errors_total[1m]))"), t);
    const double requests = single(QStringLiteral("sum(rate(rd_http_requests_total[1m]))"), t);
    const double successRate = single(query, t);
    QVERIFY2(closeTo(successRate, (1 - errors / requests) * 100),
             qPrintable(QString::number(successRate)));
    // The Flagger controller judges the same pods over the same minute alike (on the scrape
    // grid, rate() needs no extrapolation).
    QString error;
    const std::optional<double> judged = SyntheticMetrics::evaluatePodsQuery(
        behaviour(), {m_s1, m_s2, m_c1}, query, t, 60 * kSec, &error);
    QVERIFY2(judged, qPrintable(error));
    QVERIFY2(closeTo(*judged * 100, successRate),
             qPrintable(QStringLiteral("%1 %2").arg(*judged * 100).arg(successRate)));
    QVERIFY(instant(QStringLiteral("istio_requests_total{destination_workload=\"other\"}"), t)
                .vector.isEmpty());
}

void TestIstioMetrics::durationQuantileAgreesWithP99()
{
    const qint64 t = kT0 + 600 * kSec;
    const auto p99Of = [&](const QString &metric, const QString &pod) {
        return single(QStringLiteral("histogram_quantile(0.99, sum by (le) (rate(%1_bucket{pod="
                                     "\"%2\"}[1m])))")
                          .arg(metric, pod),
                      t);
    };
    // Stable pods: p99 120 ms, inside Istio's 100..250 bucket (and rd_http's 0.1..0.25).
    const double stableMs
        = p99Of(QStringLiteral("istio_request_duration_milliseconds"), "web-aaa-1");
    QVERIFY2(closeTo(stableMs, interpolatedP99Ms(120, 100, 250), 1e-6),
             qPrintable(QString::number(stableMs)));
    QVERIFY(closeTo(stableMs,
                    1000 * p99Of(QStringLiteral("rd_http_request_duration_seconds"), "web-aaa-1"),
                    1e-6));
    QVERIFY(stableMs > 100 && stableMs < 250);
    // The canary's regressed p99 is 900 ms (500..1000).
    const double canaryMs
        = p99Of(QStringLiteral("istio_request_duration_milliseconds"), "web-bbb-1");
    QVERIFY2(closeTo(canaryMs, interpolatedP99Ms(900, 500, 1000), 1e-6),
             qPrintable(QString::number(canaryMs)));
    QVERIFY(closeTo(canaryMs,
                    1000 * p99Of(QStringLiteral("rd_http_request_duration_seconds"), "web-bbb-1"),
                    1e-6));
    // The mean from _sum and _count is the distribution's, in milliseconds.
    const double meanMs = single(
        QStringLiteral("sum(rate(istio_request_duration_milliseconds_sum{pod=\"web-bbb-1\"}"
                       "[1m])) / sum(rate(istio_request_duration_milliseconds_count{pod="
                       "\"web-bbb-1\"}[1m]))"),
        t);
    QVERIFY2(closeTo(meanMs, 1000 * LatencyDistribution::mean(0.9), 1e-6),
             qPrintable(QString::number(meanMs)));
}

void TestIstioMetrics::promotionKeepsCountersGoing()
{
    MetricPod promoted = m_c1;
    promoted.role = QStringLiteral("stable");
    promoted.regresses = false;
    m_history->record({m_s1, m_s2, promoted}, kT0 + 420 * kSec);
    const Engine engine(*m_metrics, *m_history, kT0 + 600 * kSec);
    const QString errors
        = QStringLiteral("istio_requests_total{pod=\"web-bbb-1\",response_code=\"503\"}");
    const QueryResult r = engine.rangeQuery(errors, kT0 + 300 * kSec, kT0 + 540 * kSec, 15 * kSec);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.matrix.size(), 1); // no role label: one series across the promotion
    const QList<Point> &points = r.matrix.first().points;
    QCOMPARE(points.size(), 17);
    for (qsizetype i = 1; i < points.size(); ++i)
        QVERIFY2(points.at(i).v >= points.at(i - 1).v, qPrintable(QString::number(i)));
    // Before: the canary's counter; after: it goes on at the stable rate rd_http reports.
    QCOMPARE(points.at(7).v, at(m_c1, kT0 + 405 * kSec).errors);
    const double istioIncrease
        = engine.instantQuery(QStringLiteral("increase(%1[1m])").arg(errors), kT0 + 480 * kSec)
              .vector.value(0)
              .value;
    const double rdHttpIncrease
        = engine
              .instantQuery(
                  QStringLiteral("increase(rd_http_request_errors_total{pod=\"web-bbb-1\","
                                 "role=\"stable\"}[1m])"),
                  kT0 + 480 * kSec)
              .vector.value(0)
              .value;
    QVERIFY(rdHttpIncrease > 0);
    QVERIFY2(closeTo(istioIncrease, rdHttpIncrease, 1e-6),
             qPrintable(QStringLiteral("%1 %2").arg(istioIncrease).arg(rdHttpIncrease)));
}

void TestIstioMetrics::everyNameStaysAFixedNumberOfSeriesPerPod()
{
    const qint64 t = kT0 + 600 * kSec;
    // Per pod: two response codes, twenty buckets, _sum and _count.
    QCOMPARE(single(QStringLiteral("count({__name__=~\"istio_.+\"})"), t), 3.0 * 24);
    // With rd_http's (requests, errors, twelve buckets, _sum, _count), CPU and memory.
    QCOMPARE(single(QStringLiteral("count({__name__=~\".+\"})"), t), 3.0 * (24 + 16 + 2));
}

void TestIstioMetrics::primaryIsItsOwnWorkload()
{
    MetricPod primary = pod(QStringLiteral("api-primary-5d9f-q"), QStringLiteral("stable"), kT0);
    primary.rollout.clear();
    primary.deployment = QStringLiteral("api-primary");
    QCOMPARE(IstioMetrics::workload(primary), QStringLiteral("api-primary"));
    QCOMPARE(IstioMetrics::workload(m_c1), QStringLiteral("web"));
    QCOMPARE(IstioMetrics::bucketBound(0), QStringLiteral("0.5"));
    QCOMPARE(IstioMetrics::bucketBound(IstioMetrics::kDurationBuckets - 1), QStringLiteral("+Inf"));
    m_history->record({m_s1, m_s2, m_c1, primary}, kT0 + 30 * kSec);
    const QueryResult r
        = instant(QStringLiteral("istio_requests_total{destination_workload=\"api-primary\"}"),
                  kT0 + 60 * kSec);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.vector.size(), 2);
    QCOMPARE(labelValue(r.vector.first().labels, QStringLiteral("response_code")),
             QStringLiteral("200"));
    QCOMPARE(labelValue(r.vector.first().labels, QStringLiteral("pod")), primary.name);
}

void TestIstioMetrics::expositionParsesBackToTheCounters()
{
    using namespace SyntheticMetricsTest;
    VirtualClock clock;
    ObjectStore store(&clock);
    addRollout(store, QStringLiteral("aaa"), QStringLiteral("bbb"));
    addReplicaSet(store, QStringLiteral("aaa"), SyntheticMetricsTest::kT0 - 3600000);
    addReplicaSet(store, QStringLiteral("bbb"), SyntheticMetricsTest::kT0);
    addPod(store, QStringLiteral("web-bbb-1"), QStringLiteral("web-bbb"),
           QStringLiteral("rollouts-pod-template-hash"), QStringLiteral("bbb"),
           SyntheticMetricsTest::kT0 + 10000);
    SyntheticMetrics metrics(&clock);
    metrics.setBehaviour(webBehaviour());
    const qint64 t = SyntheticMetricsTest::kT0 + 400000;
    QMap<QString, QString> types;
    const QList<ParsedSample> samples = parseExposition(metrics.exposition(store, t), &types);
    const auto c
        = metrics.counters(QStringLiteral("shop"), QStringLiteral("web"), QStringLiteral("canary"),
                           QStringLiteral("web-bbb-1"), SyntheticMetricsTest::kT0 + 10000,
                           SyntheticMetricsTest::kT0, t);
    int buckets = 0;
    int checked = 0;
    for (const ParsedSample &s : samples) {
        if (!s.name.startsWith(QLatin1String("istio_")))
            continue;
        QCOMPARE(s.label(QStringLiteral("reporter")), QStringLiteral("destination"));
        QCOMPARE(s.label(QStringLiteral("destination_workload")), QStringLiteral("web"));
        QCOMPARE(s.label(QStringLiteral("destination_workload_namespace")), QStringLiteral("shop"));
        QCOMPARE(s.label(QStringLiteral("namespace")), QStringLiteral("shop"));
        QCOMPARE(s.label(QStringLiteral("pod")), QStringLiteral("web-bbb-1"));
        QCOMPARE(s.label(QStringLiteral("role")), QString());
        ++checked;
        if (s.name == QLatin1String("istio_requests_total")) {
            const bool errors = s.label(QStringLiteral("response_code")) == QLatin1String("503");
            QCOMPARE(s.value, errors ? c.errors : c.requests - c.errors);
        } else if (s.name == QLatin1String("istio_request_duration_milliseconds_bucket")) {
            const QString le = s.label(QStringLiteral("le"));
            QCOMPARE(le, IstioMetrics::bucketBound(buckets));
            QCOMPARE(s.value,
                     le == QLatin1String("+Inf") ? c.requests
                                                 : c.requestsWithin(le.toDouble() / 1000));
            ++buckets;
        } else if (s.name == QLatin1String("istio_request_duration_milliseconds_sum")) {
            QCOMPARE(s.value, c.latencySumSeconds * 1000);
        } else {
            QCOMPARE(s.name, QStringLiteral("istio_request_duration_milliseconds_count"));
            QCOMPARE(s.value, c.requests);
        }
    }
    QCOMPARE(buckets, IstioMetrics::kDurationBuckets);
    QCOMPARE(checked, 2 + IstioMetrics::kDurationBuckets + 2);
}

QTEST_GUILESS_MAIN(TestIstioMetrics)
#include "tst_istiometrics.moc"
