// SPDX-License-Identifier: GPL-3.0-or-later
// The shop's business metric orders_total{status}: its closed-form counters, its exposition,
// and the order success rate a quality gate asks the PromQL engine for over a query_range,
// for a canary that starts losing orders three minutes in and for the stable pods.
#include "syntheticmetricsfixture.h"

#include "metrics/metricsignal.h"
#include "metrics/podhistory.h"
#include "metrics/promqlengine.h"

#include <cmath>
#include <functional>

using namespace SyntheticMetricsTest;
using namespace rdsim::promql;

namespace {

const qint64 kSec = 1000;
const QString kStableHash = QStringLiteral("7c9d5b8f4");
const QString kCanaryHash = QStringLiteral("5f6b9c7d8");
const double kStableFailure = 0.005;
const double kCanaryFailure = 0.06;

MetricBehaviour checkout()
{
    MetricBehaviour b;
    b.ns = QStringLiteral("shop");
    b.rollout = QStringLiteral("checkout");
    b.orderRate = 3;
    b.orderFailureRatio = kStableFailure;
    b.canaryOrderFailureRatio = kCanaryFailure;
    b.regressAfterSeconds = 180;
    return b;
}

MetricPod checkoutPod(const QString &hash, const QString &suffix, qint64 startMs, bool canary)
{
    MetricPod p;
    p.ns = QStringLiteral("shop");
    p.name = QStringLiteral("checkout-") + hash + u'-' + suffix;
    p.rollout = QStringLiteral("checkout");
    p.hash = hash;
    p.role = canary ? QStringLiteral("canary") : QStringLiteral("stable");
    p.startMs = startMs;
    p.roleSinceMs = startMs;
    p.regresses = canary;
    return p;
}

// The order success rate of the pods of one pod-template hash, as the gate asks for it.
QString successRateQuery(const QString &hash)
{
    const QString pods = QStringLiteral("namespace=\"shop\",pod=~\"checkout-%1-.*\"").arg(hash);
    return QStringLiteral("sum(rate(orders_total{%1,status=\"success\"}[1m])) / "
                          "sum(rate(orders_total{%1}[1m]))")
        .arg(pods);
}

// Composite Simpson over [a, b] (seconds); the integrands are smooth.
double simpson(const std::function<double(double)> &f, double a, double b)
{
    const int n = std::max(2, int(std::ceil((b - a) / 0.5)) * 2);
    const double h = (b - a) / n;
    double sum = f(a) + f(b);
    for (int i = 1; i < n; ++i)
        sum += f(a + i * h) * (i % 2 ? 4 : 2);
    return sum * h / 3;
}

// Orders per second of a pod whose ReplicaSet was made at kT0, at s seconds: the failed or the
// succeeded ones.
std::function<double(double)> orderFlow(const MetricBehaviour &b, const QString &pod,
                                        bool regresses, bool failedOnes)
{
    return [b, pod, regresses, failedOnes](double s) {
        const SyntheticMetrics::PodSample x
            = SyntheticMetrics::sampleWith(b, regresses, pod, kT0, qint64(std::llround(s * 1000)));
        return x.orderRate * (failedOnes ? x.orderFailureRatio : 1 - x.orderFailureRatio);
    };
}

// The widest a success ratio 1 - r strays: the failure ratio's wobble is scaled to min(r, 1-r).
double tolerance(double r)
{
    return MetricSignal::maxDeviation() * std::min(r, 1 - r);
}

} // namespace

class TestOrderMetrics : public QObject
{
    Q_OBJECT

private slots:
    void countersMatchTheIntegralAndSwitch();
    void onlyRolloutsWithAnOrderRateExportOrders();
    void gateQueryOverARange();
    void gateQueryCountsEveryPodOfTheHash();
};

void TestOrderMetrics::countersMatchTheIntegralAndSwitch()
{
    const MetricBehaviour b = checkout();
    const MetricPod canary = checkoutPod(kCanaryHash, QStringLiteral("q4m7z"), kT0, true);
    const auto counters = [&](qint64 at) {
        return SyntheticMetrics::countersWith(b, true, canary.name, kT0, kT0, at);
    };
    const auto sample = [&](double seconds) {
        return SyntheticMetrics::sampleWith(b, true, canary.name, kT0,
                                            qint64(std::llround(seconds * 1000)));
    };
    QCOMPARE(counters(kT0).ordersSucceeded, 0.0);
    SyntheticMetrics::PodCounters previous = counters(kT0);
    for (qint64 at = kT0 + 7 * kSec; at <= kT0 + 900 * kSec; at += 7 * kSec) {
        const SyntheticMetrics::PodCounters c = counters(at);
        QVERIFY(c.ordersSucceeded > previous.ordersSucceeded);
        QVERIFY(c.ordersFailed > previous.ordersFailed);
        previous = c;
    }
    // The failure ratio switches exactly regressAfterSeconds after the ReplicaSet's creation.
    QVERIFY(std::abs(sample(double(kT0) / 1000 + 179.999).orderFailureRatio - kStableFailure)
            <= tolerance(kStableFailure));
    QVERIFY(std::abs(sample(double(kT0) / 1000 + 180).orderFailureRatio - kCanaryFailure)
            <= tolerance(kCanaryFailure));

    // Ten minutes integrated: the closed form against Simpson, each side of the switch apart
    // (before it, the values of a pod that does not regress, which are the same there).
    const double a = double(kT0) / 1000;
    const double sw = a + 180;
    const double end = a + 600;
    const auto integral = [&](bool failedOnes) {
        return simpson(orderFlow(b, canary.name, false, failedOnes), a, sw)
            + simpson(orderFlow(b, canary.name, true, failedOnes), sw, end);
    };
    const SyntheticMetrics::PodCounters c = counters(kT0 + 600 * kSec);
    QVERIFY(std::abs(c.ordersFailed / integral(true) - 1) < 1e-9);
    QVERIFY(std::abs(c.ordersSucceeded / integral(false) - 1) < 1e-9);
    // Roughly what the behaviour says: 3 orders/s for 600 s, 0.5 % then 6 % failing.
    QVERIFY(std::abs((c.ordersSucceeded + c.ordersFailed) / 1800 - 1) < 0.05);
    QVERIFY(std::abs(c.ordersFailed / (3 * (180 * 0.005 + 420 * 0.06)) - 1) < 0.1);

    // A ratio of 1 fails every order and never lets the success counter stray below 0.
    MetricBehaviour all = b;
    all.orderFailureRatio = 1;
    const auto lost
        = SyntheticMetrics::countersWith(all, false, canary.name, kT0, kT0, kT0 + 600 * kSec);
    QCOMPARE(lost.ordersSucceeded, 0.0);
    QVERIFY(lost.ordersFailed > 1700);
}

void TestOrderMetrics::onlyRolloutsWithAnOrderRateExportOrders()
{
    VirtualClock clock;
    ObjectStore store(&clock);
    addRollout(store, QStringLiteral("aaa"), QStringLiteral("aaa"));
    addReplicaSet(store, QStringLiteral("aaa"), kT0);
    addPod(store, QStringLiteral("web-aaa-x1"), QStringLiteral("web-aaa"),
           QStringLiteral("rollouts-pod-template-hash"), QStringLiteral("aaa"), kT0);
    SyntheticMetrics metrics(&clock);
    MetricBehaviour web = webBehaviour();
    metrics.setBehaviour(web);
    // No rollout takes orders: no family at all, as client_golang leaves an empty vector out.
    QVERIFY(!metrics.exposition(store, kT0 + 60 * kSec).contains("orders_total"));
    QCOMPARE(
        SyntheticMetrics::sampleWith(web, false, QStringLiteral("web-aaa-x1"), kT0, kT0).orderRate,
        0.0);

    web.orderRate = 2;
    web.orderFailureRatio = 0.01;
    metrics.setBehaviour(web);
    const qint64 at = kT0 + 60 * kSec;
    QMap<QString, QString> types;
    const QList<ParsedSample> samples = parseExposition(metrics.exposition(store, at), &types);
    QCOMPARE(types.value(QStringLiteral("orders_total")), QStringLiteral("counter"));
    const auto expected
        = SyntheticMetrics::countersWith(web, false, QStringLiteral("web-aaa-x1"), kT0, kT0, at);
    QStringList statuses;
    for (const ParsedSample &s : samples) {
        if (s.name != QLatin1String("orders_total"))
            continue;
        statuses << s.label(QStringLiteral("status"));
        QCOMPARE(s.label(QStringLiteral("pod")), QStringLiteral("web-aaa-x1"));
        QCOMPARE(s.label(QStringLiteral("rollout")), QStringLiteral("web"));
        QCOMPARE(s.label(QStringLiteral("rollouts_pod_template_hash")), QStringLiteral("aaa"));
        QCOMPARE(s.label(QStringLiteral("role")), QStringLiteral("stable"));
        QCOMPARE(s.value,
                 s.label(QStringLiteral("status")) == QLatin1String("failed")
                     ? expected.ordersFailed
                     : expected.ordersSucceeded);
    }
    QCOMPARE(statuses, (QStringList {QStringLiteral("failed"), QStringLiteral("success")}));
    QVERIFY(
        std::abs(expected.ordersFailed / (expected.ordersFailed + expected.ordersSucceeded) - 0.01)
        <= tolerance(0.01));
}

// Two stable pods up for an hour; the canary starts at kT0 and loses 6 % of its orders from
// +180 s. Every step of the range is on the 15 s scrape grid, so a [1m] window holds samples
// at both of its ends and rate() does not extrapolate: each value is the ratio of the closed
// forms' increases, and it stays within the failure ratio's wobble of 1 - r.
void TestOrderMetrics::gateQueryOverARange()
{
    SyntheticMetrics metrics(nullptr);
    metrics.setBehaviour(checkout());
    const MetricPod s1
        = checkoutPod(kStableHash, QStringLiteral("x2k9p"), kT0 - 3600 * kSec, false);
    const MetricPod s2
        = checkoutPod(kStableHash, QStringLiteral("m8d4w"), kT0 - 3600 * kSec, false);
    const MetricPod c1 = checkoutPod(kCanaryHash, QStringLiteral("q4m7z"), kT0, true);
    PodHistory history;
    history.record({s1, s2}, kT0 - 3600 * kSec);
    history.record({s1, s2, c1}, kT0);
    const Engine engine(metrics, history, kT0 + 900 * kSec);
    const qint64 from = kT0 + 60 * kSec;
    const qint64 to = kT0 + 900 * kSec;

    const auto delta = [](const MetricPod &p, qint64 t) {
        const auto c = [&](qint64 at) {
            return SyntheticMetrics::countersWith(checkout(), p.regresses, p.name, p.startMs,
                                                  p.roleSinceMs, at);
        };
        return QPair<double, double> {c(t).ordersSucceeded - c(t - 60 * kSec).ordersSucceeded,
                                      c(t).ordersFailed - c(t - 60 * kSec).ordersFailed};
    };
    const auto expectedRatio = [&](const QList<MetricPod> &pods, qint64 t) {
        double succeeded = 0;
        double all = 0;
        for (const MetricPod &p : pods) {
            const auto [s, f] = delta(p, t);
            succeeded += s;
            all += s + f;
        }
        return succeeded / all;
    };

    for (const bool canary : {true, false}) {
        const QueryResult r = engine.rangeQuery(
            successRateQuery(canary ? kCanaryHash : kStableHash), from, to, 30 * kSec);
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.matrix.size(), 1);
        QVERIFY(r.matrix.first().labels.isEmpty()); // sum() / sum(): one series, no labels
        const QList<Point> &points = r.matrix.first().points;
        QCOMPARE(points.size(), 29); // +60 s .. +900 s
        for (const Point &p : points) {
            const double expected
                = canary ? expectedRatio({c1}, p.t) : expectedRatio({s1, s2}, p.t);
            QVERIFY2(std::abs(p.v - expected) < 1e-12,
                     qPrintable(QStringLiteral("%1 s: %2, expected %3")
                                    .arg((p.t - kT0) / kSec)
                                    .arg(p.v, 0, 'g', 17)
                                    .arg(expected, 0, 'g', 17)));
            const qint64 since = (p.t - kT0) / kSec;
            const bool regressed = canary && since - 60 >= 180; // the whole window after it
            const double r0 = regressed ? kCanaryFailure : kStableFailure;
            if (!canary || since <= 180 || regressed)
                QVERIFY(std::abs(p.v - (1 - r0)) <= tolerance(r0));
            // A gate with min 0.97 passes before the regression and fails from +210 s on, when
            // half of the window has the canary's failure ratio.
            QCOMPARE(p.v >= 0.97, !canary || since <= 180);
        }
    }
}

// More canary pods and a pod of another rollout whose name merely starts alike: the regular
// expression is anchored, so checkout-<hash>- takes exactly the hash's pods.
void TestOrderMetrics::gateQueryCountsEveryPodOfTheHash()
{
    SyntheticMetrics metrics(nullptr);
    metrics.setBehaviour(checkout());
    MetricBehaviour other = checkout();
    other.rollout = QStringLiteral("checkout-worker");
    other.orderFailureRatio = 0.5;
    metrics.setBehaviour(other);
    const MetricPod c1 = checkoutPod(kCanaryHash, QStringLiteral("q4m7z"), kT0, true);
    const MetricPod c2 = checkoutPod(kCanaryHash, QStringLiteral("h7t2n"), kT0, true);
    MetricPod worker = checkoutPod(kCanaryHash, QStringLiteral("zz"), kT0, false);
    worker.name = QStringLiteral("x-checkout-") + kCanaryHash + QStringLiteral("-zz");
    worker.rollout = other.rollout;
    PodHistory history;
    history.record({c1, c2, worker}, kT0);
    const Engine engine(metrics, history, kT0 + 600 * kSec);
    const qint64 at = kT0 + 600 * kSec;
    const QueryResult r = engine.instantQuery(successRateQuery(kCanaryHash), at);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.vector.size(), 1);
    QVERIFY(std::abs(r.vector.first().value - (1 - kCanaryFailure)) <= tolerance(kCanaryFailure));

    // By status: both pods' counters, summed; the denominator is the sum of both statuses.
    const QueryResult byStatus = engine.instantQuery(
        QStringLiteral("sum by (status) (increase(orders_total{pod=~\"checkout-%1-.*\"}[1m]))")
            .arg(kCanaryHash),
        at);
    QVERIFY2(byStatus.ok(), qPrintable(byStatus.error));
    QCOMPARE(byStatus.vector.size(), 2);
    QCOMPARE(labelValue(byStatus.vector.at(0).labels, QStringLiteral("status")),
             QStringLiteral("failed"));
    double failed = 0;
    double succeeded = 0;
    for (const MetricPod &p : {c1, c2}) {
        const auto c = [&](qint64 t) {
            return SyntheticMetrics::countersWith(checkout(), true, p.name, kT0, kT0, t);
        };
        failed += c(at).ordersFailed - c(at - 60 * kSec).ordersFailed;
        succeeded += c(at).ordersSucceeded - c(at - 60 * kSec).ordersSucceeded;
    }
    QVERIFY(std::abs(byStatus.vector.at(0).value - failed) < 1e-9);
    QVERIFY(std::abs(byStatus.vector.at(1).value - succeeded) < 1e-9);
    QVERIFY(std::abs(r.vector.first().value - succeeded / (succeeded + failed)) < 1e-12);
}

QTEST_GUILESS_MAIN(TestOrderMetrics)
#include "tst_ordermetrics.moc"
