// SPDX-License-Identifier: GPL-3.0-or-later
// Instant queries of the PromQL engine: selectors and staleness, rate and the other range
// functions, aggregations, binary operators and matching, and their errors.
#include "promqlenginefixture.h"

#include <cmath>

using namespace PromqlEngineTest;

namespace {

// Prometheus' quantile over cumulative buckets, written out for the test.
double quantileOf(const std::array<double, 12> &buckets, double q)
{
    const auto &bounds = SyntheticMetrics::kBucketBounds;
    const double rank = q * buckets[11];
    size_t i = 0;
    while (buckets[i] < rank)
        ++i;
    if (i == 11)
        return bounds[10];
    const double start = i == 0 ? 0 : bounds[i - 1];
    const double below = i == 0 ? 0 : buckets[i - 1];
    return start + (bounds[i] - start) * (rank - below) / (buckets[i] - below);
}

} // namespace

class TestPromqlInstantQuery : public QObject, private EngineFixture
{
    Q_OBJECT

private slots:
    void init() { reset(); }
    void instantSelectorsLookBackAndGoStale();
    void rateAndIncreaseExtrapolateLikePrometheus();
    void instantAndOverTimeFunctions();
    void errorRatioAndP99ByRole();
    void aggregationsAndMatching();
    void deploymentsAndRestarts();
};

void TestPromqlInstantQuery::instantSelectorsLookBackAndGoStale()
{
    const QString query = QStringLiteral("rd_http_requests_total{pod=\"web-bbb-1\"}");
    // The newest scrape at or before the time: 607 s reads the sample of 600 s.
    QueryResult r = instant(query, kT0 + 607 * kSec);
    QVERIFY(r.ok());
    QCOMPARE(r.vector.size(), 1);
    QCOMPARE(r.vector.first().labels,
             labels({{QStringLiteral("__name__"), QStringLiteral("rd_http_requests_total")},
                     {QStringLiteral("namespace"), QStringLiteral("shop")},
                     {QStringLiteral("pod"), QStringLiteral("web-bbb-1")},
                     {QStringLiteral("role"), QStringLiteral("canary")},
                     {QStringLiteral("rollout"), QStringLiteral("web")},
                     {QStringLiteral("rollouts_pod_template_hash"), QStringLiteral("bbb")}}));
    QCOMPARE(r.vector.first().value, at(m_c1, kT0 + 600 * kSec).requests);
    QCOMPARE(single(query, kT0 + 300 * kSec), at(m_c1, kT0 + 300 * kSec).requests);
    QCOMPARE(single(query, kT0), 0.0); // the first scrape, at the pod's start
    QVERIFY(instant(query, kT0 - 1).vector.isEmpty());
    // Beyond "now" the last sample stays visible for the 5 minute lookback, not longer.
    QCOMPARE(single(query, kT0 + 899 * kSec), at(m_c1, kT0 + 600 * kSec).requests);
    QCOMPARE(single(query, kT0 + 900 * kSec), at(m_c1, kT0 + 600 * kSec).requests);
    QVERIFY(instant(query, kT0 + 901 * kSec).vector.isEmpty());

    // A pod that goes away is stale from the first scrape that misses it.
    m_history->record({m_s1, m_s2}, kT0 + 700 * kSec);
    const auto late = [&](qint64 t) {
        return Engine(*m_metrics, *m_history, kT0 + 800 * kSec).instantQuery(query, t);
    };
    QCOMPARE(late(kT0 + 704 * kSec).vector.first().value, at(m_c1, kT0 + 690 * kSec).requests);
    QVERIFY(late(kT0 + 705 * kSec).vector.isEmpty());
    // offset reads the past.
    QCOMPARE(Engine(*m_metrics, *m_history, kT0 + 800 * kSec)
                 .instantQuery(query + QStringLiteral(" offset 10m"), kT0 + 800 * kSec)
                 .vector.first()
                 .value,
             at(m_c1, kT0 + 195 * kSec).requests);
}

void TestPromqlInstantQuery::rateAndIncreaseExtrapolateLikePrometheus()
{
    const QString sel = QStringLiteral("rd_http_requests_total{pod=\"web-aaa-1\"}[1m]");
    const auto c = [&](qint64 s) { return at(m_s1, kT0 + s * kSec).requests; };
    // Aligned: five samples 540..600 cover the whole minute, no extrapolation.
    QCOMPARE(single(QStringLiteral("rate(%1)").arg(sel), kT0 + 600 * kSec), (c(600) - c(540)) / 60);
    QCOMPARE(single(QStringLiteral("increase(%1)").arg(sel), kT0 + 600 * kSec), c(600) - c(540));
    // 607 s: samples 555..600 (four); 8 s to the start and 7 s to the end are both within
    // 1.1 sample spacings, so the increase is stretched from 45 s to the full 60 s.
    QCOMPARE(single(QStringLiteral("increase(%1)").arg(sel), kT0 + 607 * kSec),
             (c(600) - c(555)) * 60 / 45);
    QCOMPARE(single(QStringLiteral("rate(%1)").arg(sel), kT0 + 607 * kSec), (c(600) - c(555)) / 45);
    // A window with one sample has no rate.
    QVERIFY(instant(QStringLiteral("rate(rd_http_requests_total[10s])"), kT0 + 607 * kSec)
                .vector.isEmpty());

    // A pod that started 30 s into the window: its counter starts at 0, so the increase is not
    // extrapolated below zero (to before the pod existed).
    m_history->record({m_s1, m_s2, m_c1,
                       pod(QStringLiteral("web-ccc-1"), QStringLiteral("stable"), kT0 + 30 * kSec)},
                      kT0 + 30 * kSec);
    const MetricPod late
        = pod(QStringLiteral("web-ccc-1"), QStringLiteral("stable"), kT0 + 30 * kSec);
    QCOMPARE(single(QStringLiteral("increase(rd_http_requests_total{pod=\"web-ccc-1\"}[1m])"),
                    kT0 + 60 * kSec),
             at(late, kT0 + 60 * kSec).requests);
    // delta() knows no counters: the 30 s gap to the window's start is more than 1.1 sample
    // spacings, so only half a spacing (7.5 s) is added there.
    QCOMPARE(single(QStringLiteral("delta(rd_http_requests_total{pod=\"web-ccc-1\"}[1m])"),
                    kT0 + 60 * kSec),
             at(late, kT0 + 60 * kSec).requests * 37.5 / 30);
}

void TestPromqlInstantQuery::instantAndOverTimeFunctions()
{
    const auto c = [&](qint64 s) { return at(m_s1, kT0 + s * kSec).requests; };
    const auto m = [&](qint64 s) {
        return SyntheticMetrics::sampleWith(behaviour(), false, m_s1.name, m_s1.roleSinceMs,
                                            kT0 + s * kSec)
            .memoryBytes;
    };
    const qint64 t = kT0 + 600 * kSec;
    QCOMPARE(single(QStringLiteral("irate(rd_http_requests_total{pod=\"web-aaa-1\"}[1m])"), t),
             (c(600) - c(585)) / 15);
    QCOMPARE(single(QStringLiteral("idelta(rd_http_requests_total{pod=\"web-aaa-1\"}[1m])"), t),
             c(600) - c(585));
    const QString mem
        = QStringLiteral("rd_container_memory_working_set_bytes{pod=\"web-aaa-1\"}[1m]");
    double max = m(540);
    double sum = 0;
    double mean = 0;
    for (int i = 0; i < 5; ++i) {
        max = std::max(max, m(540 + 15 * i));
        sum += m(540 + 15 * i);
        mean += m(540 + 15 * i) / (i + 1) - mean / (i + 1);
    }
    QCOMPARE(single(QStringLiteral("max_over_time(%1)").arg(mem), t), max);
    QCOMPARE(single(QStringLiteral("sum_over_time(%1)").arg(mem), t), sum);
    QCOMPARE(single(QStringLiteral("avg_over_time(%1)").arg(mem), t), mean);
    QCOMPARE(single(QStringLiteral("count_over_time(%1)").arg(mem), t), 5.0);
    QCOMPARE(single(QStringLiteral("delta(%1)").arg(mem), t), m(600) - m(540));
    // last_over_time keeps the metric name; the others drop it.
    QCOMPARE(
        labelValue(instant(QStringLiteral("last_over_time(%1)").arg(mem), t).vector.first().labels,
                   QStringLiteral("__name__")),
        QStringLiteral("rd_container_memory_working_set_bytes"));
    QVERIFY(
        labelValue(instant(QStringLiteral("max_over_time(%1)").arg(mem), t).vector.first().labels,
                   QStringLiteral("__name__"))
            .isEmpty());
    QCOMPARE(single(QStringLiteral("clamp_max(rd_http_requests_total{pod=\"web-aaa-1\"}, 5)"), t),
             5.0);
    QCOMPARE(
        single(QStringLiteral("clamp_min(rd_http_requests_total{pod=\"web-aaa-1\"}, 1e12)"), t),
        1e12);
    QCOMPARE(single(QStringLiteral("clamp(vector(7), 1, 3)"), t), 3.0);
    QVERIFY(instant(QStringLiteral("clamp(vector(7), 3, 1)"), t).vector.isEmpty());
    QCOMPARE(single(QStringLiteral("round(vector(2.345), 0.1)"), t), 2.3);
    QCOMPARE(single(QStringLiteral("sqrt(vector(16)) + abs(vector(-1)) + ceil(vector(0.2))"), t),
             6.0);
}

void TestPromqlInstantQuery::errorRatioAndP99ByRole()
{
    const qint64 t = kT0 + 300 * kSec; // the canary regressed at +90 s
    const QString ratio
        = QStringLiteral("sum(rate(rd_http_request_errors_total{role=\"%1\"}[1m])) / "
                         "sum(rate(rd_http_requests_total{role=\"%1\"}[1m]))");
    const auto delta = [&](const MetricPod &p, auto field) {
        return field(at(p, t)) - field(at(p, t - 60 * kSec));
    };
    const auto errors = [](const SyntheticMetrics::PodCounters &c) { return c.errors; };
    const auto requests = [](const SyntheticMetrics::PodCounters &c) { return c.requests; };
    const double canary = single(ratio.arg(QStringLiteral("canary")), t);
    QCOMPARE(canary, delta(m_c1, errors) / delta(m_c1, requests));
    QVERIFY(std::abs(canary / 0.3 - 1) < 0.1);
    const double stable = single(ratio.arg(QStringLiteral("stable")), t);
    QCOMPARE(stable,
             (delta(m_s1, errors) + delta(m_s2, errors))
                 / (delta(m_s1, requests) + delta(m_s2, requests)));
    QVERIFY(std::abs(stable / 0.002 - 1) < 0.1);

    // p99 per role from the histogram buckets.
    const QueryResult r
        = instant(QStringLiteral("histogram_quantile(0.99, sum by (le, role) "
                                 "(rate(rd_http_request_duration_seconds_bucket[1m])))"),
                  t);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.vector.size(), 2);
    QCOMPARE(r.vector.at(0).labels, labels({{QStringLiteral("role"), QStringLiteral("canary")}}));
    QCOMPARE(r.vector.at(1).labels, labels({{QStringLiteral("role"), QStringLiteral("stable")}}));
    std::array<double, 12> canaryBuckets {};
    std::array<double, 12> stableBuckets {};
    for (size_t i = 0; i < 12; ++i) {
        canaryBuckets[i] = at(m_c1, t).buckets[i] - at(m_c1, t - 60 * kSec).buckets[i];
        stableBuckets[i] = at(m_s1, t).buckets[i] - at(m_s1, t - 60 * kSec).buckets[i]
            + at(m_s2, t).buckets[i] - at(m_s2, t - 60 * kSec).buckets[i];
    }
    QCOMPARE(r.vector.at(0).value, quantileOf(canaryBuckets, 0.99));
    QCOMPARE(r.vector.at(1).value, quantileOf(stableBuckets, 0.99));
    QVERIFY(r.vector.at(0).value > 0.5 && r.vector.at(0).value <= 1); // regressed to 900 ms
    QVERIFY(r.vector.at(1).value > 0.1 && r.vector.at(1).value <= 0.25); // 120 ms
    // Before the regression the canary is as fast as the stable pods.
    const double early = instant(QStringLiteral("histogram_quantile(0.99, sum by (le) (rate("
                                                "rd_http_request_duration_seconds_bucket{role="
                                                "\"canary\"}[1m])))"),
                                 kT0 + 75 * kSec)
                             .vector.first()
                             .value;
    QVERIFY(early > 0.1 && early <= 0.25);
    // Out-of-range quantiles, as Prometheus defines them.
    QCOMPARE(single(QStringLiteral("histogram_quantile(1.5, sum by (le) "
                                   "(rd_http_request_duration_seconds_bucket))"),
                    t),
             std::numeric_limits<double>::infinity());
}

void TestPromqlInstantQuery::aggregationsAndMatching()
{
    const qint64 t = kT0 + 600 * kSec;
    const double r1 = at(m_s1, t).requests;
    const double r2 = at(m_s2, t).requests;
    const double r3 = at(m_c1, t).requests;
    QCOMPARE(single(QStringLiteral("sum(rd_http_requests_total)"), t), r1 + r2 + r3);
    QCOMPARE(single(QStringLiteral("count(rd_http_requests_total)"), t), 3.0);
    QCOMPARE(single(QStringLiteral("max(rd_http_requests_total)"), t), std::max({r1, r2, r3}));
    QCOMPARE(single(QStringLiteral("min(rd_http_requests_total)"), t), std::min({r1, r2, r3}));
    double mean = r1; // the order of the series: by labels, web-aaa-1 first
    mean += r2 / 2 - mean / 2;
    mean += r3 / 3 - mean / 3;
    QCOMPARE(single(QStringLiteral("avg(rd_http_requests_total)"), t), mean);
    QueryResult r = instant(QStringLiteral("sum without (pod) (rd_http_requests_total)"), t);
    QCOMPARE(r.vector.size(), 2);
    QCOMPARE(r.vector.at(1).labels,
             labels({{QStringLiteral("namespace"), QStringLiteral("shop")},
                     {QStringLiteral("role"), QStringLiteral("stable")},
                     {QStringLiteral("rollout"), QStringLiteral("web")},
                     {QStringLiteral("rollouts_pod_template_hash"), QStringLiteral("aaa")}}));
    QCOMPARE(r.vector.at(1).value, r1 + r2);
    QCOMPARE(single(QStringLiteral("group(rd_http_requests_total)"), t), 1.0);

    // One-to-one matching on the same labels, on(...) and ignoring(...).
    r = instant(QStringLiteral("rd_http_request_errors_total / rd_http_requests_total"), t);
    QCOMPARE(r.vector.size(), 3);
    QCOMPARE(labelValue(r.vector.at(2).labels, QStringLiteral("__name__")), QString());
    QCOMPARE(r.vector.at(2).value, at(m_c1, t).errors / r3);
    r = instant(QStringLiteral("sum by (role, pod) (rd_http_request_errors_total) / on (pod) "
                               "sum by (pod) (rd_http_requests_total)"),
                t);
    QCOMPARE(r.vector.size(), 3);
    QCOMPARE(r.vector.at(0).labels, labels({{QStringLiteral("pod"), QStringLiteral("web-aaa-1")}}));
    r = instant(QStringLiteral("sum by (role, pod) (rd_http_request_errors_total) / ignoring "
                               "(role) sum by (pod) (rd_http_requests_total)"),
                t);
    QCOMPARE(r.vector.size(), 3);
    QCOMPARE(r.vector.at(0).labels, labels({{QStringLiteral("pod"), QStringLiteral("web-aaa-1")}}));
    // Comparisons filter (keeping the left value) or, with bool, answer 0 / 1.
    r = instant(QStringLiteral("rd_http_requests_total{role=\"canary\"} > 1000"), t);
    QCOMPARE(r.vector.size(), 1);
    QCOMPARE(r.vector.first().value, r3);
    QCOMPARE(labelValue(r.vector.first().labels, QStringLiteral("__name__")),
             QStringLiteral("rd_http_requests_total"));
    r = instant(QStringLiteral("1000 < rd_http_requests_total{role=\"canary\"}"), t);
    QCOMPARE(r.vector.first().value, r3);
    QVERIFY(instant(QStringLiteral("rd_http_requests_total < 0"), t).vector.isEmpty());
    r = instant(QStringLiteral("rd_http_requests_total > bool 0"), t);
    QCOMPARE(r.vector.size(), 3);
    QCOMPARE(r.vector.at(0).value, 1.0);
    QCOMPARE(labelValue(r.vector.at(0).labels, QStringLiteral("__name__")), QString());
    // Set operators.
    QCOMPARE(
        instant(
            QStringLiteral("rd_http_requests_total and rd_http_requests_total{role=\"canary\"}"), t)
            .vector.size(),
        1);
    QCOMPARE(instant(QStringLiteral(
                         "rd_http_requests_total unless rd_http_requests_total{role=\"canary\"}"),
                     t)
                 .vector.size(),
             2);
    QCOMPARE(instant(QStringLiteral("rd_http_requests_total{role=\"canary\"} or "
                                    "rd_http_requests_total"),
                     t)
                 .vector.size(),
             3);

    // Errors during evaluation are "execution" errors with Prometheus' messages.
    r = instant(QStringLiteral("rd_http_requests_total / on (rollout) rd_http_requests_total"), t);
    QCOMPARE(r.errorType, QStringLiteral("execution"));
    QCOMPARE(
        r.error,
        QStringLiteral("found duplicate series for the match group {rollout=\"web\"} on the right "
                       "hand-side of the operation: [{__name__=\"rd_http_requests_total\", "
                       "namespace=\"shop\", pod=\"web-aaa-2\", role=\"stable\", rollout=\"web\", "
                       "rollouts_pod_template_hash=\"aaa\"}, {__name__=\"rd_http_requests_total\", "
                       "namespace=\"shop\", pod=\"web-aaa-1\", role=\"stable\", rollout=\"web\", "
                       "rollouts_pod_template_hash=\"aaa\"}];many-to-many matching not allowed: "
                       "matching labels must be unique on one side"));
    r = instant(
        QStringLiteral("rd_http_requests_total / on (rollout) group(rd_http_requests_total) "
                       "by (rollout)"),
        t);
    QCOMPARE(r.error,
             QStringLiteral("multiple matches for labels: many-to-one matching must be "
                            "explicit (group_left/group_right)"));
    r = instant(QStringLiteral("rate({__name__=~\"rd_http_requests_total|rd_http_request_"
                               "errors_total\"}[1m])"),
                t);
    QCOMPARE(r.errorType, QStringLiteral("execution"));
    QCOMPARE(r.error, QStringLiteral("vector cannot contain metrics with the same labelset"));
}

void TestPromqlInstantQuery::deploymentsAndRestarts()
{
    MetricPod d = pod(QStringLiteral("front-ddd-1"), QStringLiteral("stable"), kT0);
    d.rollout.clear();
    d.deployment = QStringLiteral("front");
    d.restarts = {{QStringLiteral("app"), 2}, {QStringLiteral("sidecar"), 0}};
    m_history->record({m_s1, m_s2, m_c1, d}, kT0 + 30 * kSec);
    const QueryResult r
        = instant(QStringLiteral("kube_pod_container_status_restarts_total"), kT0 + 60 * kSec);
    QCOMPARE(r.vector.size(), 2);
    // An empty label is no label: a Deployment's pod has no `rollout`.
    QCOMPARE(r.vector.at(0).labels,
             labels({{QStringLiteral("__name__"),
                      QStringLiteral("kube_pod_container_status_restarts_total")},
                     {QStringLiteral("container"), QStringLiteral("app")},
                     {QStringLiteral("deployment"), QStringLiteral("front")},
                     {QStringLiteral("namespace"), QStringLiteral("shop")},
                     {QStringLiteral("pod"), QStringLiteral("front-ddd-1")},
                     {QStringLiteral("role"), QStringLiteral("stable")},
                     {QStringLiteral("rollouts_pod_template_hash"), QStringLiteral("ddd")}}));
    QCOMPARE(r.vector.at(0).value, 2.0);
    QCOMPARE(single(QStringLiteral("count(rd_http_requests_total{rollout=\"\"})"), kT0 + 60 * kSec),
             1.0);
}

QTEST_GUILESS_MAIN(TestPromqlInstantQuery)
#include "tst_promqlinstantquery.moc"
