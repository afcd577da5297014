// SPDX-License-Identifier: GPL-3.0-or-later
// The values SyntheticMetrics makes up for a pod: the wobble of each signal, the behaviour's
// values per role, the exact time of a regression, and the counters and latency histogram
// that integrate them.
#include "syntheticmetricsfixture.h"

#include "metrics/metricsignal.h"

#include <cmath>
#include <functional>

using namespace SyntheticMetricsTest;

namespace {

// Composite Simpson over [a, b]; the integrands are smooth (periods of 30 s and more).
double simpson(const std::function<double(double)> &f, double a, double b)
{
    const int n = std::max(2, int(std::ceil((b - a) / 0.5)) * 2);
    const double h = (b - a) / n;
    double sum = f(a) + f(b);
    for (int i = 1; i < n; ++i)
        sum += f(a + i * h) * (i % 2 ? 4 : 2);
    return sum * h / 3;
}

} // namespace

class TestSyntheticMetricsValues : public QObject
{
    Q_OBJECT

private slots:
    void wobbleStaysWithinFivePercent();
    void valuesPerRole();
    void regressionSwitchTimeIsExact();
    void countersAreMonotonicAndMatchTheIntegral();
    void histogramIsCumulativeWithP99InPlace();

private:
    VirtualClock m_clock;
};

void TestSyntheticMetricsValues::wobbleStaysWithinFivePercent()
{
    const MetricSignal signal(QStringLiteral("web-abc-1"), MetricSignal::RequestRate);
    double low = 2;
    double high = 0;
    for (qint64 s = 0; s < 7200; ++s) {
        const double v = signal.value(double(kT0) / 1000 + double(s));
        low = std::min(low, v);
        high = std::max(high, v);
    }
    QVERIFY(low >= 0.95);
    QVERIFY(high <= 1.05);
    QVERIFY(high - low > 0.02); // it does move
    // The same pod name gives the same curve; another name another one.
    QCOMPARE(MetricSignal(QStringLiteral("web-abc-1"), MetricSignal::RequestRate).value(1.8e9),
             signal.value(1.8e9));
    QVERIFY(MetricSignal(QStringLiteral("web-abc-2"), MetricSignal::RequestRate).value(1.8e9)
            != signal.value(1.8e9));
    QCOMPARE(MetricSignal::stableHash(QStringLiteral("a")), 0xAF63DC4C8601EC8CULL);
}

void TestSyntheticMetricsValues::valuesPerRole()
{
    SyntheticMetrics metrics(&m_clock);
    metrics.setBehaviour(webBehaviour());
    const QString pod = QStringLiteral("web-bbb-1");
    const qint64 since = kT0;
    const qint64 at = kT0 + 600000; // long after the switch
    const double t = double(at) / 1000;
    const double fRate = MetricSignal(pod, MetricSignal::RequestRate).value(t);
    const double fError = MetricSignal(pod, MetricSignal::ErrorRatio).value(t);
    const double fLatency = MetricSignal(pod, MetricSignal::Latency).value(t);

    for (const char *role : {"stable", "active"}) {
        const auto s = metrics.sample(QStringLiteral("shop"), QStringLiteral("web"),
                                      QString::fromLatin1(role), pod, since, at);
        QCOMPARE(s.requestRate, 40 * fRate);
        QCOMPARE(s.errorRatio, 0.002 * fError);
        QCOMPARE(s.latencyP99Seconds, 0.12 * fLatency);
        QCOMPARE(s.cpuCores, 0.12 * MetricSignal(pod, MetricSignal::Cpu).value(t));
        QCOMPARE(s.memoryBytes,
                 180.0 * 1024 * 1024 * MetricSignal(pod, MetricSignal::Memory).value(t));
    }
    for (const char *role : {"canary", "preview"}) {
        const auto s = metrics.sample(QStringLiteral("shop"), QStringLiteral("web"),
                                      QString::fromLatin1(role), pod, since, at);
        QCOMPARE(s.requestRate, 40 * fRate);
        QCOMPARE(s.errorRatio, 0.08 * fError);
        QCOMPARE(s.latencyP99Seconds, 0.9 * fLatency);
    }
    // Unknown rollouts get the defaults; a canary without canary values keeps the base ones.
    const auto d = metrics.sample(QStringLiteral("shop"), QStringLiteral("other"),
                                  QStringLiteral("canary"), pod, since, at);
    QCOMPARE(d.errorRatio, 0.002 * fError);
    QCOMPARE(d.latencyP99Seconds, 0.12 * fLatency);
    QCOMPARE(metrics.behaviour(QStringLiteral("shop"), QStringLiteral("other")).rollout,
             QStringLiteral("other"));
}

void TestSyntheticMetricsValues::regressionSwitchTimeIsExact()
{
    SyntheticMetrics metrics(&m_clock);
    metrics.setBehaviour(webBehaviour());
    const QString pod = QStringLiteral("web-bbb-1");
    const qint64 switchAt = kT0 + 120000;
    for (const char *role : {"canary", "preview"}) {
        const auto before = metrics.sample(QStringLiteral("shop"), QStringLiteral("web"),
                                           QString::fromLatin1(role), pod, kT0, switchAt - 1);
        const auto after = metrics.sample(QStringLiteral("shop"), QStringLiteral("web"),
                                          QString::fromLatin1(role), pod, kT0, switchAt);
        const double fBefore
            = MetricSignal(pod, MetricSignal::ErrorRatio).value(double(switchAt - 1) / 1000);
        const double fAfter
            = MetricSignal(pod, MetricSignal::ErrorRatio).value(double(switchAt) / 1000);
        QCOMPARE(before.errorRatio, 0.002 * fBefore);
        QCOMPARE(after.errorRatio, 0.08 * fAfter);
    }
    const auto stable = metrics.sample(QStringLiteral("shop"), QStringLiteral("web"),
                                       QStringLiteral("stable"), pod, kT0, switchAt + 3600000);
    QVERIFY(stable.errorRatio < 0.0021);
}

void TestSyntheticMetricsValues::countersAreMonotonicAndMatchTheIntegral()
{
    SyntheticMetrics metrics(&m_clock);
    metrics.setBehaviour(webBehaviour());
    const QString ns = QStringLiteral("shop");
    const QString ro = QStringLiteral("web");
    const QString pod = QStringLiteral("web-bbb-1");
    const QString canary = QStringLiteral("canary");
    const qint64 start = kT0 + 5000; // the pod starts 5 s after its ReplicaSet
    const qint64 switchAt = kT0 + 120000;

    const auto zero = metrics.counters(ns, ro, canary, pod, start, kT0, start);
    QCOMPARE(zero.requests, 0.0);
    QCOMPARE(zero.errors, 0.0);
    QCOMPARE(zero.cpuSeconds, 0.0);

    SyntheticMetrics::PodCounters previous = zero;
    for (qint64 at = start + 7000; at <= start + 900000; at += 7000) {
        const auto c = metrics.counters(ns, ro, canary, pod, start, kT0, at);
        QVERIFY(c.requests > previous.requests);
        QVERIFY(c.errors > previous.errors);
        QVERIFY(c.cpuSeconds > previous.cpuSeconds);
        QVERIFY(c.latencySumSeconds > previous.latencySumSeconds);
        for (size_t i = 0; i < c.buckets.size(); ++i)
            QVERIFY(c.buckets[i] >= previous.buckets[i]);
        previous = c;
    }

    const auto sampleAt = [&](double seconds) {
        return metrics.sample(ns, ro, canary, pod, kT0, qint64(std::llround(seconds * 1000)));
    };
    const auto rate = [&](double s) { return sampleAt(s).requestRate; };
    const auto errorRate = [&](double s) {
        const auto x = sampleAt(s);
        return x.requestRate * x.errorRatio;
    };
    const auto cpu = [&](double s) { return sampleAt(s).cpuCores; };
    const double a = double(start) / 1000;
    const double sw = double(switchAt) / 1000;
    const qint64 at = start + 600000;
    const double b = double(at) / 1000;
    const auto c = metrics.counters(ns, ro, canary, pod, start, kT0, at);
    QVERIFY(std::abs(c.requests / simpson(rate, a, b) - 1) < 1e-9);
    // The error rate jumps at the switch, so integrate both sides separately. sample() takes
    // whole milliseconds: the last millisecond before the switch is added as a rectangle.
    const double errorsBefore = simpson(errorRate, a, sw - 0.001) + 0.001 * errorRate(sw - 0.001);
    const double errorsAfter = simpson(errorRate, sw, b);
    // 1e-8: the Simpson points of the first piece fall between whole milliseconds.
    QVERIFY(std::abs(c.errors / (errorsBefore + errorsAfter) - 1) < 1e-8);
    QVERIFY(std::abs(c.cpuSeconds / simpson(cpu, a, b) - 1) < 1e-9);
    // Roughly what the behaviour says: 40/s for 600 s, 0.2 % then 8 % errors.
    QVERIFY(std::abs(c.requests / 24000 - 1) < 0.05);
    QVERIFY(std::abs(c.errors / (40 * (115 * 0.002 + 485 * 0.08)) - 1) < 0.1);
}

void TestSyntheticMetricsValues::histogramIsCumulativeWithP99InPlace()
{
    SyntheticMetrics metrics(&m_clock);
    metrics.setBehaviour(webBehaviour());
    const QString pod = QStringLiteral("web-aaa-1");
    const qint64 at = kT0 + 300000;
    const auto c = metrics.counters(QStringLiteral("shop"), QStringLiteral("web"),
                                    QStringLiteral("stable"), pod, kT0, kT0, at);
    for (size_t i = 1; i < c.buckets.size(); ++i)
        QVERIFY(c.buckets[i] >= c.buckets[i - 1]);
    QCOMPARE(c.buckets.back(), c.requests);
    QCOMPARE(c.latencySumSeconds, c.requests * LatencyDistribution::mean(0.12));
    // p99 = 120 ms lies between the 0.1 and 0.25 buckets.
    QVERIFY(c.buckets[4] / c.requests < 0.99); // le=0.1
    QVERIFY(c.buckets[5] / c.requests >= 0.99); // le=0.25
    QVERIFY(std::abs(LatencyDistribution::cdf(0.12, 0.12) - 0.99) < 1e-12);
    QVERIFY(std::abs(LatencyDistribution::cdf(0.9, 0.9) - 0.99) < 1e-12);
    // A regressed canary (p99 900 ms) puts its p99 between the 0.5 and 1 buckets.
    const auto late
        = metrics.counters(QStringLiteral("shop"), QStringLiteral("web"), QStringLiteral("canary"),
                           pod, kT0 + 3600000 - 1000, kT0, kT0 + 3600000 + 600000);
    QVERIFY(late.buckets[6] / late.requests < 0.99); // le=0.5
    QVERIFY(late.buckets[7] / late.requests >= 0.99); // le=1
    QCOMPARE(late.latencySumSeconds, late.requests * LatencyDistribution::mean(0.9));
}

QTEST_GUILESS_MAIN(TestSyntheticMetricsValues)
#include "tst_syntheticmetricsvalues.moc"
