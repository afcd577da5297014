// SPDX-License-Identifier: GPL-3.0-or-later
// SyntheticMetrics::evaluateQuery, the answer to an analysis' query: the roles of a blue-green
// Rollout's pods, which metric and pods a query picks, and the errors it reports.
#include "syntheticmetricsfixture.h"

#include "metrics/metricsignal.h"

#include <cmath>
#include <functional>
#include <optional>

using namespace SyntheticMetricsTest;

class TestSyntheticMetricsQuery : public QObject
{
    Q_OBJECT

private slots:
    void blueGreenAndOldRoles();
    void evaluateQueryPicksMetricAndPods();
    void evaluateQueryErrors();

private:
    VirtualClock m_clock;
};

void TestSyntheticMetricsQuery::blueGreenAndOldRoles()
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

void TestSyntheticMetricsQuery::evaluateQueryPicksMetricAndPods()
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

void TestSyntheticMetricsQuery::evaluateQueryErrors()
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

QTEST_GUILESS_MAIN(TestSyntheticMetricsQuery)
#include "tst_syntheticmetricsquery.moc"
