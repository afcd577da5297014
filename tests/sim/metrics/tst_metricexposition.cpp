// SPDX-License-Identifier: GPL-3.0-or-later
// The Prometheus text exposition of the simulated metrics: exact text, read back to the
// counters, the labels of a Deployment's pods, and the formatting of values and escapes.
#include "syntheticmetricsfixture.h"

#include "metrics/metricexposition.h"

#include <cmath>

using namespace SyntheticMetricsTest;

class TestMetricExposition : public QObject
{
    Q_OBJECT

private slots:
    void expositionIsExact();
    void expositionParsesBackToTheCounters();
    void deploymentPodsAreStable();
    void formatValue();

private:
    VirtualClock m_clock;
};

void TestMetricExposition::expositionIsExact()
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
    // Istio's destination-side series of the same pod, named by its workload.
    const QString mesh = QStringLiteral(
        "destination_workload=\"web\",destination_workload_namespace=\"shop\",namespace=\"shop\","
        "pod=\"web-aaa-x1\",reporter=\"destination\"");
    expected += QStringLiteral("# HELP istio_requests_total Requests the pod's sidecar received, "
                               "by response code.\n"
                               "# TYPE istio_requests_total counter\n"
                               "istio_requests_total{%1,response_code=\"200\"} 0\n"
                               "istio_requests_total{%1,response_code=\"503\"} 0\n"
                               "# HELP istio_request_duration_milliseconds Duration of the "
                               "requests the pod's sidecar received.\n"
                               "# TYPE istio_request_duration_milliseconds histogram\n")
                    .arg(mesh);
    for (const char *le : {"0.5",   "1",      "5",      "10",      "25",      "50",    "100",
                           "250",   "500",    "1000",   "2500",    "5000",    "10000", "30000",
                           "60000", "300000", "600000", "1800000", "3600000", "+Inf"}) {
        expected += QStringLiteral("istio_request_duration_milliseconds_bucket{%1,le=\"%2\"} 0\n")
                        .arg(mesh, QString::fromLatin1(le));
    }
    expected += QStringLiteral("istio_request_duration_milliseconds_sum{%1} 0\n"
                               "istio_request_duration_milliseconds_count{%1} 0\n")
                    .arg(mesh);
    QCOMPARE(QString::fromUtf8(metrics.exposition(store, kT0)), expected);

    // Before the pod started it is not there at all (families stay, without samples).
    const QByteArray early = metrics.exposition(store, kT0 - 1);
    QVERIFY(!early.contains("web-aaa-x1"));
    QVERIFY(early.contains("# TYPE rd_http_requests_total counter\n"));
}

void TestMetricExposition::expositionParsesBackToTheCounters()
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
    QCOMPARE(types.value(QStringLiteral("istio_request_duration_milliseconds")),
             QStringLiteral("histogram"));
    QCOMPARE(types.value(QStringLiteral("istio_requests_total")), QStringLiteral("counter"));
    QCOMPARE(types.size(), 8);

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
        if (s.name.startsWith(QLatin1String("istio_")))
            continue; // Istio's labels: tst_istiometrics
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

void TestMetricExposition::deploymentPodsAreStable()
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

void TestMetricExposition::formatValue()
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

QTEST_GUILESS_MAIN(TestMetricExposition)
#include "tst_metricexposition.moc"
