// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "metrics/metricexposition.h"
#include "metrics/metricsignal.h"
#include "metrics/syntheticmetrics.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTest>

#include <cmath>
#include <functional>

using namespace rdsim;

namespace {

const qint64 kT0 = VirtualClock::fromRfc3339(QStringLiteral("2026-11-25T17:00:00Z"));

MetricBehaviour webBehaviour()
{
    MetricBehaviour b;
    b.ns = QStringLiteral("shop");
    b.rollout = QStringLiteral("web");
    b.requestRate = 40;
    b.errorRatio = 0.002;
    b.latencyP99Ms = 120;
    b.cpuCores = 0.12;
    b.memoryMiB = 180;
    b.canaryErrorRatio = 0.08;
    b.canaryLatencyP99Ms = 900;
    b.regressAfterSeconds = 120;
    return b;
}

const ResourceType &type(const char *group, const char *plural)
{
    return *ResourceCatalog::find(QString::fromLatin1(group), QString::fromLatin1(plural));
}

QJsonObject meta(const QString &name, qint64 createdMs, const QJsonObject &extra = {})
{
    QJsonObject m = extra;
    m.insert(QStringLiteral("name"), name);
    m.insert(QStringLiteral("namespace"), QStringLiteral("shop"));
    m.insert(QStringLiteral("creationTimestamp"), VirtualClock::toRfc3339(createdMs));
    return m;
}

QJsonArray owner(const QString &kind, const QString &name)
{
    return QJsonArray {QJsonObject {{QStringLiteral("kind"), kind},
                                    {QStringLiteral("name"), name},
                                    {QStringLiteral("controller"), true}}};
}

void addRollout(ObjectStore &store, const QString &stable, const QString &current)
{
    QJsonObject rollout {{QStringLiteral("metadata"), meta(QStringLiteral("web"), kT0 - 3600000)},
                         {QStringLiteral("spec"),
                          QJsonObject {{QStringLiteral("strategy"),
                                        QJsonObject {{QStringLiteral("canary"), QJsonObject {}}}}}},
                         {QStringLiteral("status"),
                          QJsonObject {{QStringLiteral("stableRS"), stable},
                                       {QStringLiteral("currentPodHash"), current}}}};
    QVERIFY(store.load(type("argoproj.io", "rollouts"), rollout).ok());
}

void addReplicaSet(ObjectStore &store, const QString &hash, qint64 createdMs)
{
    QJsonObject rs {{QStringLiteral("metadata"),
                     meta(QStringLiteral("web-") + hash, createdMs,
                          {{QStringLiteral("ownerReferences"),
                            owner(QStringLiteral("Rollout"), QStringLiteral("web"))}})}};
    QVERIFY(store.load(type("apps", "replicasets"), rs).ok());
}

void addPod(ObjectStore &store, const QString &name, const QString &rsName,
            const QString &hashLabel, const QString &hash, qint64 startMs,
            const QJsonArray &containerStatuses = {})
{
    QJsonObject pod {
        {QStringLiteral("metadata"),
         meta(name, startMs,
              {{QStringLiteral("ownerReferences"), owner(QStringLiteral("ReplicaSet"), rsName)},
               {QStringLiteral("labels"), QJsonObject {{hashLabel, hash}}}})},
        {QStringLiteral("status"),
         QJsonObject {{QStringLiteral("phase"), QStringLiteral("Running")},
                      {QStringLiteral("startTime"), VirtualClock::toRfc3339(startMs)},
                      {QStringLiteral("containerStatuses"), containerStatuses}}}};
    QVERIFY(store.load(type("", "pods"), pod).ok());
}

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

// A sample line of the text format, parsed.
struct ParsedSample
{
    QString name;
    QList<QPair<QString, QString>> labels;
    double value = 0;
    QString label(const QString &key) const
    {
        for (const auto &[k, v] : labels) {
            if (k == key)
                return v;
        }
        return {};
    }
};

// Parses and validates the 0.0.4 text format: TYPE before samples, families not split, names
// and label names well-formed, escapes valid, values parse. Fails the test on any violation.
QList<ParsedSample> parseExposition(const QByteArray &text, QMap<QString, QString> *types)
{
    static const QRegularExpression metricName(QStringLiteral("^[a-zA-Z_:][a-zA-Z0-9_:]*$"));
    static const QRegularExpression labelName(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));
    QList<ParsedSample> samples;
    QStringList finishedFamilies;
    QString family;
    [&]() {
        QVERIFY(text.endsWith('\n'));
        const QList<QByteArray> lines = text.split('\n');
        for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
            const QString line = QString::fromUtf8(lines.at(i));
            if (line.startsWith(QLatin1String("# HELP ")))
                continue;
            if (line.startsWith(QLatin1String("# TYPE "))) {
                const QStringList parts = line.split(u' ');
                QCOMPARE(parts.size(), 4);
                QVERIFY2(!finishedFamilies.contains(parts[2]), qPrintable(parts[2]));
                if (!family.isEmpty())
                    finishedFamilies << family;
                family = parts[2];
                QVERIFY(metricName.match(family).hasMatch());
                types->insert(family, parts[3]);
                continue;
            }
            ParsedSample s;
            qsizetype pos = 0;
            while (pos < line.size() && line[pos] != u'{' && line[pos] != u' ')
                ++pos;
            s.name = line.left(pos);
            QVERIFY2(metricName.match(s.name).hasMatch(), qPrintable(line));
            QVERIFY2(s.name == family || s.name == family + QLatin1String("_bucket")
                         || s.name == family + QLatin1String("_sum")
                         || s.name == family + QLatin1String("_count"),
                     qPrintable(line));
            if (line[pos] == u'{') {
                ++pos;
                while (line[pos] != u'}') {
                    const qsizetype eq = line.indexOf(u'=', pos);
                    const QString key = line.mid(pos, eq - pos);
                    QVERIFY2(labelName.match(key).hasMatch(), qPrintable(line));
                    QCOMPARE(line[eq + 1], u'"');
                    QString value;
                    pos = eq + 2;
                    while (line[pos] != u'"') {
                        if (line[pos] == u'\\') {
                            const QChar next = line[pos + 1];
                            QVERIFY2(next == u'\\' || next == u'"' || next == u'n',
                                     qPrintable(line));
                            value += next == u'n' ? u'\n' : next;
                            pos += 2;
                        } else {
                            value += line[pos++];
                        }
                    }
                    s.labels.append({key, value});
                    ++pos;
                    if (line[pos] == u',')
                        ++pos;
                }
                ++pos;
            }
            QCOMPARE(line[pos], u' ');
            const QString valueText = line.mid(pos + 1);
            if (valueText == QLatin1String("+Inf")) {
                s.value = std::numeric_limits<double>::infinity();
            } else {
                bool ok = false;
                s.value = valueText.toDouble(&ok);
                QVERIFY2(ok, qPrintable(line));
            }
            samples.append(s);
        }
    }();
    return samples;
}

} // namespace

class TestSyntheticMetrics : public QObject
{
    Q_OBJECT

private slots:
    void wobbleStaysWithinFivePercent();
    void valuesPerRole();
    void regressionSwitchTimeIsExact();
    void countersAreMonotonicAndMatchTheIntegral();
    void histogramIsCumulativeWithP99InPlace();
    void expositionIsExact();
    void expositionParsesBackToTheCounters();
    void deploymentPodsAreStable();
    void blueGreenAndOldRoles();
    void evaluateQueryPicksMetricAndPods();
    void evaluateQueryErrors();
    void formatValue();

private:
    VirtualClock m_clock;
};

void TestSyntheticMetrics::wobbleStaysWithinFivePercent()
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

void TestSyntheticMetrics::valuesPerRole()
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

void TestSyntheticMetrics::regressionSwitchTimeIsExact()
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

void TestSyntheticMetrics::countersAreMonotonicAndMatchTheIntegral()
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

void TestSyntheticMetrics::histogramIsCumulativeWithP99InPlace()
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

void TestSyntheticMetrics::expositionIsExact()
{
    ObjectStore store(&m_clock);
    addRollout(store, QStringLiteral("aaa"), QStringLiteral("aaa"));
    addReplicaSet(store, QStringLiteral("aaa"), kT0);
    addPod(store, QStringLiteral("web-aaa-x1"), QStringLiteral("web-aaa"),
           QStringLiteral("rollouts-pod-template-hash"), QStringLiteral("aaa"), kT0,
           QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("app\"x\\y")},
                                    {QStringLiteral("restartCount"), 3}}});
    SyntheticMetrics metrics(&m_clock);
    MetricBehaviour b = webBehaviour();
    b.memoryMiB = 0; // every other value is a counter, zero at the pod's start
    metrics.setBehaviour(b);

    const QString labels = QStringLiteral("namespace=\"shop\",pod=\"web-aaa-x1\",rollout=\"web\","
                                          "rollouts_pod_template_hash=\"aaa\",role=\"stable\"");
    QString expected
        = QStringLiteral(
              "# HELP rd_http_requests_total HTTP requests served by the pod.\n"
              "# TYPE rd_http_requests_total counter\n"
              "rd_http_requests_total{%1} 0\n"
              "# HELP rd_http_request_errors_total HTTP requests answered with a 5xx status.\n"
              "# TYPE rd_http_request_errors_total counter\n"
              "rd_http_request_errors_total{%1} 0\n"
              "# HELP rd_http_request_duration_seconds HTTP request latency.\n"
              "# TYPE rd_http_request_duration_seconds histogram\n")
              .arg(labels);
    for (const char *le :
         {"0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "+Inf"}) {
        expected += QStringLiteral("rd_http_request_duration_seconds_bucket{%1,le=\"%2\"} 0\n")
                        .arg(labels, QString::fromLatin1(le));
    }
    expected
        += QStringLiteral(
               "rd_http_request_duration_seconds_sum{%1} 0\n"
               "rd_http_request_duration_seconds_count{%1} 0\n"
               "# HELP rd_container_cpu_usage_seconds_total CPU time used by the pod.\n"
               "# TYPE rd_container_cpu_usage_seconds_total counter\n"
               "rd_container_cpu_usage_seconds_total{%1} 0\n"
               "# HELP rd_container_memory_working_set_bytes Working set memory of the pod.\n"
               "# TYPE rd_container_memory_working_set_bytes gauge\n"
               "rd_container_memory_working_set_bytes{%1} 0\n"
               "# HELP kube_pod_container_status_restarts_total Container restarts, from the pod's "
               "containerStatuses.\n"
               "# TYPE kube_pod_container_status_restarts_total counter\n"
               "kube_pod_container_status_restarts_total{%1,container=\"app\\\"x\\\\y\"} 3\n")
               .arg(labels);
    QCOMPARE(QString::fromUtf8(metrics.exposition(store, kT0)), expected);

    // Before the pod started it is not there at all (families stay, without samples).
    const QByteArray early = metrics.exposition(store, kT0 - 1);
    QVERIFY(!early.contains("web-aaa-x1"));
    QVERIFY(early.contains("# TYPE rd_http_requests_total counter\n"));
}

void TestSyntheticMetrics::expositionParsesBackToTheCounters()
{
    ObjectStore store(&m_clock);
    addRollout(store, QStringLiteral("aaa"), QStringLiteral("bbb"));
    addReplicaSet(store, QStringLiteral("aaa"), kT0 - 3600000);
    addReplicaSet(store, QStringLiteral("bbb"), kT0);
    addPod(store, QStringLiteral("web-aaa-1"), QStringLiteral("web-aaa"),
           QStringLiteral("rollouts-pod-template-hash"), QStringLiteral("aaa"), kT0 - 3500000);
    addPod(store, QStringLiteral("web-bbb-1"), QStringLiteral("web-bbb"),
           QStringLiteral("rollouts-pod-template-hash"), QStringLiteral("bbb"), kT0 + 10000);
    SyntheticMetrics metrics(&m_clock);
    metrics.setBehaviour(webBehaviour());
    const qint64 at = kT0 + 400000;

    QMap<QString, QString> types;
    const QList<ParsedSample> samples = parseExposition(metrics.exposition(store, at), &types);
    QCOMPARE(types.value(QStringLiteral("rd_http_request_duration_seconds")),
             QStringLiteral("histogram"));
    QCOMPARE(types.value(QStringLiteral("rd_container_memory_working_set_bytes")),
             QStringLiteral("gauge"));
    QCOMPARE(types.size(), 6);

    const auto stable
        = metrics.counters(QStringLiteral("shop"), QStringLiteral("web"), QStringLiteral("stable"),
                           QStringLiteral("web-aaa-1"), kT0 - 3500000, kT0 - 3600000, at);
    const auto canary
        = metrics.counters(QStringLiteral("shop"), QStringLiteral("web"), QStringLiteral("canary"),
                           QStringLiteral("web-bbb-1"), kT0 + 10000, kT0, at);
    int checked = 0;
    QList<double> bucketsSeen;
    for (const ParsedSample &s : samples) {
        const bool isCanary = s.label(QStringLiteral("pod")) == QLatin1String("web-bbb-1");
        const auto &c = isCanary ? canary : stable;
        QCOMPARE(s.label(QStringLiteral("role")),
                 isCanary ? QStringLiteral("canary") : QStringLiteral("stable"));
        QCOMPARE(s.label(QStringLiteral("rollouts_pod_template_hash")),
                 isCanary ? QStringLiteral("bbb") : QStringLiteral("aaa"));
        if (s.name == QLatin1String("rd_http_requests_total")
            || s.name == QLatin1String("rd_http_request_duration_seconds_count")) {
            QCOMPARE(s.value, c.requests); // shortest round-trip text parses back exactly
            ++checked;
        } else if (s.name == QLatin1String("rd_http_request_errors_total")) {
            QCOMPARE(s.value, c.errors);
            ++checked;
        } else if (s.name == QLatin1String("rd_container_cpu_usage_seconds_total")) {
            QCOMPARE(s.value, c.cpuSeconds);
            ++checked;
        } else if (s.name == QLatin1String("rd_http_request_duration_seconds_sum")) {
            QCOMPARE(s.value, c.latencySumSeconds);
            ++checked;
        } else if (s.name == QLatin1String("rd_http_request_duration_seconds_bucket")) {
            bucketsSeen.append(s.value);
            QCOMPARE(s.value, c.buckets[size_t(bucketsSeen.size() - 1) % 12]);
            if (s.label(QStringLiteral("le")) == QLatin1String("+Inf"))
                QCOMPARE(s.value, c.requests);
            ++checked;
        }
    }
    QCOMPARE(checked, 2 * (5 + 12));
    QCOMPARE(bucketsSeen.size(), 24);
}

void TestSyntheticMetrics::deploymentPodsAreStable()
{
    ObjectStore store(&m_clock);
    QJsonObject rs {{QStringLiteral("metadata"),
                     meta(QStringLiteral("api-5d9f"), kT0,
                          {{QStringLiteral("ownerReferences"),
                            owner(QStringLiteral("Deployment"), QStringLiteral("api"))}})}};
    QVERIFY(store.load(type("apps", "replicasets"), rs).ok());
    addPod(store, QStringLiteral("api-5d9f-q"), QStringLiteral("api-5d9f"),
           QStringLiteral("pod-template-hash"), QStringLiteral("5d9f"), kT0);
    SyntheticMetrics metrics(&m_clock);
    QMap<QString, QString> types;
    const QList<ParsedSample> samples
        = parseExposition(metrics.exposition(store, kT0 + 1000), &types);
    QVERIFY(!samples.isEmpty());
    const ParsedSample &first = samples.first();
    QCOMPARE(first.labels.size(), 6);
    QCOMPARE(first.label(QStringLiteral("rollout")), QString());
    QCOMPARE(first.label(QStringLiteral("deployment")), QStringLiteral("api"));
    QCOMPARE(first.label(QStringLiteral("role")), QStringLiteral("stable"));
    QCOMPARE(first.label(QStringLiteral("rollouts_pod_template_hash")), QStringLiteral("5d9f"));
    QCOMPARE(first.labels.at(5).first, QStringLiteral("deployment"));
}

void TestSyntheticMetrics::blueGreenAndOldRoles()
{
    ObjectStore store(&m_clock);
    const auto setRollout = [&](const QJsonObject &status, bool create) {
        QJsonObject rollout {
            {QStringLiteral("metadata"), meta(QStringLiteral("web"), kT0 - 3600000)},
            {QStringLiteral("spec"),
             QJsonObject {{QStringLiteral("strategy"),
                           QJsonObject {{QStringLiteral("blueGreen"), QJsonObject {}}}}}},
            {QStringLiteral("status"), status}};
        if (create) {
            QVERIFY(store.load(type("argoproj.io", "rollouts"), rollout).ok());
        } else {
            QVERIFY(store.update(type("argoproj.io", "rollouts"), rollout, WriteScope::Whole).ok());
        }
    };
    setRollout({{QStringLiteral("stableRS"), QStringLiteral("aaa")},
                {QStringLiteral("currentPodHash"), QStringLiteral("bbb")},
                {QStringLiteral("blueGreen"),
                 QJsonObject {{QStringLiteral("activeSelector"), QStringLiteral("aaa")},
                              {QStringLiteral("previewSelector"), QStringLiteral("bbb")}}}},
               true);
    for (const char *hash : {"aaa", "bbb", "ccc"}) {
        const QString h = QString::fromLatin1(hash);
        addReplicaSet(store, h, kT0);
        addPod(store, QStringLiteral("web-") + h + QStringLiteral("-1"), QStringLiteral("web-") + h,
               QStringLiteral("rollouts-pod-template-hash"), h, kT0);
    }
    MetricBehaviour b = webBehaviour();
    b.regressAfterSeconds = 0;
    SyntheticMetrics metrics(&m_clock);
    metrics.setBehaviour(b);
    const qint64 at = kT0 + 120000;

    const auto rolesAndRatios = [&]() {
        QMap<QString, QString> types;
        QStringList out;
        for (const ParsedSample &s : parseExposition(metrics.exposition(store, at), &types)) {
            if (s.name == QLatin1String("rd_http_requests_total"))
                out << s.label(QStringLiteral("pod")) + u'=' + s.label(QStringLiteral("role"));
        }
        return out;
    };
    QCOMPARE(rolesAndRatios(),
             QStringList({QStringLiteral("web-aaa-1=active"), QStringLiteral("web-bbb-1=preview"),
                          QStringLiteral("web-ccc-1=old")}));
    QString error;
    const std::optional<double> preview = metrics.evaluateQuery(
        store, QStringLiteral("shop"), QStringLiteral("web"), QStringLiteral("error"), at, &error);
    QVERIFY(preview && *preview > 0.07); // the preview regressed
    const std::optional<double> active
        = metrics.evaluateQuery(store, QStringLiteral("shop"), QStringLiteral("web"),
                                QStringLiteral("error{role=\"active\"}"), at, &error);
    QVERIFY(active && *active < 0.003);

    // Promoted but not yet stable (post-promotion analysis): the new active pods keep the
    // canary values until stableRS moves.
    setRollout({{QStringLiteral("stableRS"), QStringLiteral("aaa")},
                {QStringLiteral("currentPodHash"), QStringLiteral("bbb")},
                {QStringLiteral("blueGreen"),
                 QJsonObject {{QStringLiteral("activeSelector"), QStringLiteral("bbb")}}}},
               false);
    QCOMPARE(rolesAndRatios(),
             QStringList({QStringLiteral("web-aaa-1=stable"), QStringLiteral("web-bbb-1=active"),
                          QStringLiteral("web-ccc-1=old")}));
    const std::optional<double> postPromotion = metrics.evaluateQuery(
        store, QStringLiteral("shop"), QStringLiteral("web"), QStringLiteral("error"), at, &error);
    QVERIFY(postPromotion && *postPromotion > 0.07);
}

void TestSyntheticMetrics::evaluateQueryPicksMetricAndPods()
{
    ObjectStore store(&m_clock);
    addRollout(store, QStringLiteral("aaa"), QStringLiteral("bbb"));
    addReplicaSet(store, QStringLiteral("aaa"), kT0 - 3600000);
    addReplicaSet(store, QStringLiteral("bbb"), kT0);
    for (const char *name : {"web-aaa-1", "web-aaa-2"}) {
        addPod(store, QString::fromLatin1(name), QStringLiteral("web-aaa"),
               QStringLiteral("rollouts-pod-template-hash"), QStringLiteral("aaa"), kT0 - 3500000);
    }
    for (const char *name : {"web-bbb-1", "web-bbb-2"}) {
        addPod(store, QString::fromLatin1(name), QStringLiteral("web-bbb"),
               QStringLiteral("rollouts-pod-template-hash"), QStringLiteral("bbb"), kT0 + 5000);
    }
    SyntheticMetrics metrics(&m_clock);
    metrics.setBehaviour(webBehaviour());
    const QString ns = QStringLiteral("shop");
    const QString ro = QStringLiteral("web");
    const qint64 at = kT0 + 300000; // 3 minutes after the canary regressed

    const auto windowRatio = [&](const QString &role, const QStringList &pods, qint64 startMs,
                                 qint64 sinceMs) {
        double errors = 0;
        double requests = 0;
        for (const QString &pod : pods) {
            const auto now = metrics.counters(ns, ro, role, pod, startMs, sinceMs, at);
            const auto then = metrics.counters(ns, ro, role, pod, startMs, sinceMs, at - 60000);
            errors += now.errors - then.errors;
            requests += now.requests - then.requests;
        }
        return errors / requests;
    };
    const QStringList canaryPods {QStringLiteral("web-bbb-1"), QStringLiteral("web-bbb-2")};
    const QStringList stablePods {QStringLiteral("web-aaa-1"), QStringLiteral("web-aaa-2")};
    const double canaryRatio = windowRatio(QStringLiteral("canary"), canaryPods, kT0 + 5000, kT0);
    const double stableRatio
        = windowRatio(QStringLiteral("stable"), stablePods, kT0 - 3500000, kT0 - 3600000);

    QString error;
    const QString errorQuery = QStringLiteral(
        "sum(rate(rd_http_request_errors_total{rollout=\"web\",role=\"canary\"}[1m])) / "
        "sum(rate(rd_http_requests_total{rollout=\"web\",role=\"canary\"}[1m]))");
    QCOMPARE(metrics.evaluateQuery(store, ns, ro, errorQuery, at, &error), canaryRatio);
    QVERIFY(std::abs(canaryRatio / 0.08 - 1) < 0.1);
    QString stableQuery = errorQuery;
    stableQuery.replace(QStringLiteral("canary"), QStringLiteral("stable"));
    QCOMPARE(metrics.evaluateQuery(store, ns, ro, stableQuery, at, &error), stableRatio);
    // A hash in the selector picks the pods too, and "stable" without a role matcher.
    QCOMPARE(metrics.evaluateQuery(store, ns, ro,
                                   QStringLiteral("errors{rollouts_pod_template_hash=\"aaa\"}"), at,
                                   &error),
             stableRatio);
    QCOMPARE(
        metrics.evaluateQuery(store, ns, ro, QStringLiteral("error ratio of stable"), at, &error),
        stableRatio);
    QCOMPARE(metrics.evaluateQuery(store, ns, ro, QStringLiteral("error ratio"), at, &error),
             canaryRatio);
    QCOMPARE(metrics.evaluateQuery(store, ns, ro,
                                   QStringLiteral("sum(rate(http_requests_total{code!~\"5..\"}"
                                                  "[1m])) / sum(rate(http_requests_total[1m]))"),
                                   at, &error),
             1 - canaryRatio);

    const double t = double(at) / 1000;
    const auto meanOf = [&](const std::function<double(const QString &)> &f) {
        return (f(canaryPods[0]) + f(canaryPods[1])) / 2;
    };
    QCOMPARE(
        metrics.evaluateQuery(
            store, ns, ro,
            QStringLiteral("histogram_quantile(0.99, rd_http_request_duration_seconds_bucket)"), at,
            &error),
        meanOf([&](const QString &p) {
            return 0.9 * MetricSignal(p, MetricSignal::Latency).value(t);
        }));
    QCOMPARE(
        metrics.evaluateQuery(store, ns, ro, QStringLiteral("container_cpu_usage"), at, &error),
        meanOf(
            [&](const QString &p) { return 0.12 * MetricSignal(p, MetricSignal::Cpu).value(t); }));
    QCOMPARE(metrics.evaluateQuery(store, ns, ro, QStringLiteral("memory_working_set_bytes"), at,
                                   &error),
             meanOf([&](const QString &p) {
                 return 180.0 * 1024 * 1024 * MetricSignal(p, MetricSignal::Memory).value(t);
             }));
    const std::optional<double> rate = metrics.evaluateQuery(
        store, ns, ro, QStringLiteral("sum(rate(rd_http_requests_total[1m]))"), at, &error);
    QVERIFY(rate);
    QVERIFY(std::abs(*rate / 40 - 1) < 0.05);
    QCOMPARE(error, QString()); // never touched on success
}

void TestSyntheticMetrics::evaluateQueryErrors()
{
    ObjectStore store(&m_clock);
    addRollout(store, QStringLiteral("aaa"), QStringLiteral("bbb"));
    SyntheticMetrics metrics(&m_clock);
    QString error;
    QCOMPARE(metrics.evaluateQuery(store, QStringLiteral("shop"), QStringLiteral("web"),
                                   QStringLiteral("up{job=\"x\"}"), kT0, &error),
             std::nullopt);
    QCOMPARE(error,
             QStringLiteral("rd-sim cannot answer the query \"up{job=\"x\"}\": it names no "
                            "simulated metric (error, success, latency or duration, request or "
                            "rate, cpu, memory)"));
    QCOMPARE(metrics.evaluateQuery(store, QStringLiteral("shop"), QStringLiteral("nope"),
                                   QStringLiteral("error"), kT0, &error),
             std::nullopt);
    QCOMPARE(error, QStringLiteral("rollout \"shop/nope\" not found"));
    QCOMPARE(metrics.evaluateQuery(store, QStringLiteral("shop"), QStringLiteral("web"),
                                   QStringLiteral("error"), kT0, &error),
             std::nullopt);
    QCOMPARE(error,
             QStringLiteral("query returned no data: rollout \"shop/web\" has no running canary "
                            "pods"));
}

void TestSyntheticMetrics::formatValue()
{
    QCOMPARE(MetricExposition::formatValue(0), QByteArray("0"));
    QCOMPARE(MetricExposition::formatValue(10), QByteArray("10"));
    QCOMPARE(MetricExposition::formatValue(0.1), QByteArray("0.1"));
    QCOMPARE(MetricExposition::formatValue(2.5), QByteArray("2.5"));
    QCOMPARE(MetricExposition::formatValue(std::numeric_limits<double>::infinity()),
             QByteArray("+Inf"));
    QCOMPARE(MetricExposition::formatValue(-std::numeric_limits<double>::infinity()),
             QByteArray("-Inf"));
    QCOMPARE(MetricExposition::formatValue(std::nan("")), QByteArray("NaN"));
    QCOMPARE(MetricExposition::formatValue(1234.5678).toDouble(), 1234.5678);
    QCOMPARE(MetricExposition::escapeLabelValue(QStringLiteral("a\"b\\c\nd")),
             QStringLiteral("a\\\"b\\\\c\\nd"));
    QCOMPARE(MetricExposition::escapeHelp(QStringLiteral("x\\y\n\"z\"")),
             QStringLiteral("x\\\\y\\n\"z\""));
}

QTEST_GUILESS_MAIN(TestSyntheticMetrics)
#include "tst_syntheticmetrics.moc"
