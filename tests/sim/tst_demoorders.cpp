// SPDX-License-Identifier: GPL-3.0-or-later
// The demo's quality-gate case (resources/scenarios/demo.yaml, prod shop/checkout): a canary
// at 10 % watched for 30 minutes, whose error rate and latency stay healthy while, three
// minutes in, it starts failing 6 % of its orders (stable: 0.5 %). The built-in demo is played
// in process on a frozen virtual clock, and the order success rate a gate asks for is read
// back from the cluster's PromQL engine.
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "demo/demoscenario.h"
#include "fleet/simulator.h"
#include "frozendemo.h"
#include "metrics/metricsignal.h"
#include "metrics/promqlengine.h"
#include "scenario/scenario.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>

#include <cmath>
#include <memory>

using namespace rdsim;
using namespace rdsim::promql;

namespace {

const qint64 kSec = 1000;
const QString kProd = QStringLiteral("prod");
const QString kShop = QStringLiteral("shop");
const QString kCheckout = QStringLiteral("checkout");

// The gate's query with the dashboard's {{namespace}} and {{pod_regex}} filled in.
QString orderSuccessQuery(const QString &hash)
{
    const QString pods = QStringLiteral("namespace=\"shop\",pod=~\"checkout-%1-.*\"").arg(hash);
    return QStringLiteral("sum(rate(orders_total{%1,status=\"success\"}[1m])) / "
                          "sum(rate(orders_total{%1}[1m]))")
        .arg(pods);
}

// How far a success ratio 1 - r strays with the failure ratio's wobble.
double tolerance(double r)
{
    return MetricSignal::maxDeviation() * std::min(r, 1 - r);
}

} // namespace

class TestDemoOrders : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void scenarioDescribesTheCase();
    void canaryLosesOrdersDuringTheWatch();
    void httpMetricsStayHealthy();
    void onlyCheckoutTakesOrders();
    void watchEndsInFullPromotion();

private:
    void play(int seconds, int stepSeconds);
    SimCluster &prod() { return *m_sim->cluster(kProd); }
    QJsonObject checkout()
    {
        return prod()
            .store()
            .get(servedKind("argoproj.io", "rollouts"), kShop, kCheckout)
            .value_or(QJsonObject());
    }
    QueryResult rangeQuery(const QString &query, qint64 fromMs, qint64 toMs);
    QueryResult instantQuery(SimCluster &cluster, const QString &query);

    Scenario m_scenario;
    std::unique_ptr<Simulator> m_sim;
};

void TestDemoOrders::initTestCase()
{
    QString error;
    m_sim = startFrozenDemo(&m_scenario, &error);
    QVERIFY2(m_sim, qPrintable(error));
    // Ten virtual minutes: the canary starts within the first seconds and starts losing
    // orders three minutes later.
    play(600, 1);
}

void TestDemoOrders::play(int seconds, int stepSeconds)
{
    for (int played = 0; played < seconds; played += stepSeconds) {
        m_sim->clock().advance(stepSeconds * kSec);
        m_sim->reconcileOnce();
    }
}

QueryResult TestDemoOrders::rangeQuery(const QString &query, qint64 fromMs, qint64 toMs)
{
    const qint64 now = m_sim->clock().nowMs();
    return Engine(prod().metrics(), prod().history(), now)
        .rangeQuery(query, fromMs, toMs, 15 * kSec);
}

QueryResult TestDemoOrders::instantQuery(SimCluster &cluster, const QString &query)
{
    const qint64 now = m_sim->clock().nowMs();
    return Engine(cluster.metrics(), cluster.history(), now).instantQuery(query, now);
}

void TestDemoOrders::scenarioDescribesTheCase()
{
    const ClusterScenario &cluster = m_scenario.clusters.at(2);
    QCOMPARE(cluster.name, kProd);
    const MetricBehaviour &b = cluster.metrics.at(0);
    QCOMPARE(b.ns + u'/' + b.rollout, QStringLiteral("shop/checkout"));
    QCOMPARE(b.orderRate, 3.0);
    QCOMPARE(b.orderFailureRatio, 0.005);
    QCOMPARE(b.canaryOrderFailureRatio, 0.06);
    QCOMPARE(b.regressAfterSeconds, 180);
    QVERIFY(b.canaryErrorRatio < 0 && b.canaryLatencyP99Ms < 0); // HTTP: as healthy as stable
    const QJsonArray steps
        = valueAt(checkout(), QStringLiteral("spec.strategy.canary.steps")).toArray();
    QCOMPARE(steps.size(), 3);
    QCOMPARE(valueAt(steps.at(0).toObject(), QStringLiteral("setWeight")), QJsonValue(10));
    QCOMPARE(valueAt(steps.at(1).toObject(), QStringLiteral("pause.duration")),
             QJsonValue(QStringLiteral("30m")));
    QCOMPARE(valueAt(steps.at(2).toObject(), QStringLiteral("setWeight")), QJsonValue(100));
}

// Ten minutes in: the canary (one pod of five at 10 %) is in its watch; its order success
// rate is the stable one's 99.5 % until three minutes after its ReplicaSet was made and 94 %
// once a whole [1m] window lies after that, so a gate with min 0.97 fails during the watch.
void TestDemoOrders::canaryLosesOrdersDuringTheWatch()
{
    const QJsonObject rollout = checkout();
    QCOMPARE(valueAt(rollout, QStringLiteral("status.currentStepIndex")), QJsonValue(1));
    const QString stable = valueAt(rollout, QStringLiteral("status.stableRS")).toString();
    const QString canary = valueAt(rollout, QStringLiteral("status.currentPodHash")).toString();
    QVERIFY(!stable.isEmpty() && !canary.isEmpty() && stable != canary);
    const auto rs
        = prod().store().get(servedKind("apps", "replicasets"), kShop, kCheckout + u'-' + canary);
    QVERIFY(rs);
    const qint64 created = VirtualClock::fromRfc3339(
        valueAt(*rs, QStringLiteral("metadata.creationTimestamp")).toString());
    QCOMPARE(valueAt(*rs, QStringLiteral("spec.replicas")), QJsonValue(1));
    const qint64 regressAt = created + 180 * kSec;
    const qint64 now = m_sim->clock().nowMs();
    QVERIFY(now - regressAt >= 300 * kSec);

    // From the first window that lies wholly in the canary pod's life (it starts with its
    // ReplicaSet; the scrape grid is 15 s) to now.
    const qint64 from = (created / (15 * kSec) + 6) * 15 * kSec;
    const QueryResult c = rangeQuery(orderSuccessQuery(canary), from, now);
    QVERIFY2(c.ok(), qPrintable(c.error));
    QCOMPARE(c.matrix.size(), 1);
    int failing = 0;
    for (const Point &p : c.matrix.first().points) {
        if (p.t <= regressAt)
            QVERIFY2(std::abs(p.v - 0.995) <= tolerance(0.005), qPrintable(QString::number(p.v)));
        if (p.t - 60 * kSec >= regressAt)
            QVERIFY2(std::abs(p.v - 0.94) <= tolerance(0.06), qPrintable(QString::number(p.v)));
        // A gate with min 0.97: passes before the regression, fails once half of the window
        // lies after it (in between it depends on where in the window the switch falls).
        if (p.t <= regressAt)
            QVERIFY(p.v >= 0.97);
        if (p.t >= regressAt + 30 * kSec)
            QVERIFY(p.v < 0.97);
        failing += p.v < 0.97 ? 1 : 0;
    }
    QVERIFY(failing >= 20); // the last five minutes and more, at a 15 s step
    QVERIFY(c.matrix.first().points.last().v < 0.97);

    const QueryResult s = rangeQuery(orderSuccessQuery(stable), from, now);
    QVERIFY2(s.ok(), qPrintable(s.error));
    QCOMPARE(s.matrix.size(), 1);
    for (const Point &p : s.matrix.first().points)
        QVERIFY2(std::abs(p.v - 0.995) <= tolerance(0.005), qPrintable(QString::number(p.v)));
}

// What the classic analysis looks at stays healthy: the background run passes.
void TestDemoOrders::httpMetricsStayHealthy()
{
    const QString canary = valueAt(checkout(), QStringLiteral("status.currentPodHash")).toString();
    const QString pods = QStringLiteral("namespace=\"shop\",pod=~\"checkout-%1-.*\"").arg(canary);
    const QueryResult errors
        = instantQuery(prod(),
                       QStringLiteral("sum(rate(rd_http_request_errors_total{%1}[1m])) / "
                                      "sum(rate(rd_http_requests_total{%1}[1m]))")
                           .arg(pods));
    QVERIFY2(errors.ok() && errors.vector.size() == 1, qPrintable(errors.error));
    QVERIFY(errors.vector.first().value < 0.0025);
    const QueryResult p99
        = instantQuery(prod(),
                       QStringLiteral("histogram_quantile(0.99, sum by (le) "
                                      "(rate(rd_http_request_duration_seconds_bucket{%1}[1m])))")
                           .arg(pods));
    QVERIFY2(p99.ok() && p99.vector.size() == 1, qPrintable(p99.error));
    QVERIFY(p99.vector.first().value < 0.25);

    QStringList phases;
    for (const QJsonObject &run :
         prod().store().list(servedKind("argoproj.io", "analysisruns"), kShop))
        phases << valueAt(run, QStringLiteral("status.phase")).toString();
    QCOMPARE(phases, QStringList {QStringLiteral("Successful")});
}

void TestDemoOrders::onlyCheckoutTakesOrders()
{
    const QString query = QStringLiteral("count by (namespace, rollout, status) (orders_total)");
    const QueryResult r = instantQuery(prod(), query);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.vector.size(), 2);
    for (const Sample &s : r.vector) {
        QCOMPARE(labelValue(s.labels, QStringLiteral("namespace")), kShop);
        QCOMPARE(labelValue(s.labels, QStringLiteral("rollout")), kCheckout);
        QCOMPARE(s.value, 6.0); // five stable pods and the canary
    }
    QCOMPARE(labelValue(r.vector.at(0).labels, QStringLiteral("status")), QStringLiteral("failed"));
    QCOMPARE(labelValue(r.vector.at(1).labels, QStringLiteral("status")),
             QStringLiteral("success"));
    for (const char *name : {"dev", "staging"}) {
        const QueryResult none = instantQuery(*m_sim->cluster(QString::fromLatin1(name)), query);
        QVERIFY2(none.ok(), qPrintable(none.error));
        QVERIFY2(none.vector.isEmpty(), name);
    }
}

// Nobody gates it here: after the 30-minute watch the canary goes to 100 % and is promoted.
void TestDemoOrders::watchEndsInFullPromotion()
{
    play(1500, 5);
    const QJsonObject rollout = checkout();
    QCOMPARE(valueAt(rollout, QStringLiteral("status.currentStepIndex")), QJsonValue(3));
    QCOMPARE(valueAt(rollout, QStringLiteral("status.stableRS")),
             valueAt(rollout, QStringLiteral("status.currentPodHash")));
}

QTEST_GUILESS_MAIN(TestDemoOrders)
#include "tst_demoorders.moc"
