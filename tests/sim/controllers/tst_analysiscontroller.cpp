// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/analysiscontroller.h"
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "metrics/syntheticmetrics.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTest>

#include <memory>

using namespace rdsim;

namespace {

const QString kCanaryQuery = QStringLiteral(
    "sum(rate(rd_http_request_errors_total{rollout=\"web\",role=\"canary\"}[1m])) / "
    "sum(rate(rd_http_requests_total{rollout=\"web\",role=\"canary\"}[1m]))");
const QString kStableQuery = QStringLiteral(
    "sum(rate(rd_http_request_errors_total{rollout=\"web\",role=\"stable\"}[1m])) / "
    "sum(rate(rd_http_requests_total{rollout=\"web\",role=\"stable\"}[1m]))");

const ResourceType &type(const char *group, const char *plural)
{
    return *ResourceCatalog::find(QString::fromLatin1(group), QString::fromLatin1(plural));
}

QJsonObject prometheus(const QString &query)
{
    return QJsonObject {{QStringLiteral("prometheus"),
                         QJsonObject {{QStringLiteral("address"), QStringLiteral("http://prom")},
                                      {QStringLiteral("query"), query}}}};
}

// One metric of spec.metrics: name, provider and any extra fields.
QJsonObject metric(const QString &name, const QJsonObject &provider, const QJsonObject &fields = {})
{
    QJsonObject m = fields;
    m.insert(QStringLiteral("name"), name);
    m.insert(QStringLiteral("provider"), provider);
    return m;
}

QString goFloat(double v)
{
    return QString::number(v, 'f', QLocale::FloatingPointShortest);
}

} // namespace

class TestAnalysisController : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void singleMeasurementStatusIsExact();
    void measurementTiming();
    void failureLimit();
    void failureLimitDisabled();
    void inconclusive();
    void consecutiveErrorLimit();
    void consecutiveErrorLimitDefault();
    void consecutiveSuccessLimit_data();
    void consecutiveSuccessLimit();
    void conditionParseError();
    void terminate();
    void terminateBeforeFirstMeasurement();
    void dryRun();
    void retention();
    void specErrors_data();
    void specErrors();
    void argsAreSubstituted();
    void webAndJobSucceed();
    void noWriteWithoutChange();

private:
    QJsonObject createRun(const QString &name, const QJsonArray &metrics,
                          const QJsonObject &specExtra = {});
    QJsonObject run(const QString &name) const;
    QJsonObject status(const QString &name) const;
    QJsonObject result(const QString &name, int index = 0) const;
    void step(qint64 ms);

    std::unique_ptr<VirtualClock> m_clock;
    std::unique_ptr<ObjectStore> m_store;
    std::unique_ptr<SyntheticMetrics> m_metrics;
    std::unique_ptr<AnalysisController> m_controller;
    qint64 m_t0 = 0;
};

void TestAnalysisController::init()
{
    m_clock = std::make_unique<VirtualClock>();
    m_clock->setFrozen(true);
    // Whole seconds, as stored timestamps are: schedules then land exactly.
    m_clock->advance(1000 - m_clock->nowMs() % 1000);
    m_t0 = m_clock->nowMs();
    m_store = std::make_unique<ObjectStore>(m_clock.get());
    m_metrics = std::make_unique<SyntheticMetrics>(m_clock.get());
    m_controller = std::make_unique<AnalysisController>(*m_store, *m_clock, *m_metrics);

    MetricBehaviour b;
    b.ns = QStringLiteral("shop");
    b.rollout = QStringLiteral("web");
    b.errorRatio = 0.002;
    b.canaryErrorRatio = 0.08;
    b.regressAfterSeconds = 0; // the canary is bad from the start
    m_metrics->setBehaviour(b);

    const auto at = [this](qint64 offsetMs) { return VirtualClock::toRfc3339(m_t0 + offsetMs); };
    const auto meta = [](const QString &name, const QString &created, const QJsonObject &extra) {
        QJsonObject m = extra;
        m.insert(QStringLiteral("name"), name);
        m.insert(QStringLiteral("namespace"), QStringLiteral("shop"));
        m.insert(QStringLiteral("creationTimestamp"), created);
        return m;
    };
    const auto owner = [](const QString &kind, const QString &name) {
        return QJsonArray {QJsonObject {{QStringLiteral("kind"), kind},
                                        {QStringLiteral("name"), name},
                                        {QStringLiteral("controller"), true}}};
    };
    QVERIFY(
        m_store
            ->load(type("argoproj.io", "rollouts"),
                   QJsonObject {
                       {QStringLiteral("metadata"), meta(QStringLiteral("web"), at(-7200000), {})},
                       {QStringLiteral("spec"),
                        QJsonObject {{QStringLiteral("strategy"),
                                      QJsonObject {{QStringLiteral("canary"), QJsonObject {}}}}}},
                       {QStringLiteral("status"),
                        QJsonObject {{QStringLiteral("stableRS"), QStringLiteral("aaa")},
                                     {QStringLiteral("currentPodHash"), QStringLiteral("bbb")}}}})
            .ok());
    for (const char *hash : {"aaa", "bbb"}) {
        const QString h = QString::fromLatin1(hash);
        const QString created = at(h == QLatin1String("aaa") ? -7200000 : -600000);
        QVERIFY(m_store
                    ->load(type("apps", "replicasets"),
                           QJsonObject {
                               {QStringLiteral("metadata"),
                                meta(QStringLiteral("web-") + h, created,
                                     {{QStringLiteral("ownerReferences"),
                                       owner(QStringLiteral("Rollout"), QStringLiteral("web"))}})}})
                    .ok());
        QVERIFY(
            m_store
                ->load(
                    type("", "pods"),
                    QJsonObject {
                        {QStringLiteral("metadata"),
                         meta(QStringLiteral("web-") + h + QStringLiteral("-1"), created,
                              {{QStringLiteral("ownerReferences"),
                                owner(QStringLiteral("ReplicaSet"), QStringLiteral("web-") + h)},
                               {QStringLiteral("labels"),
                                QJsonObject {{QStringLiteral("rollouts-pod-template-hash"), h}}}})},
                        {QStringLiteral("status"),
                         QJsonObject {{QStringLiteral("phase"), QStringLiteral("Running")},
                                      {QStringLiteral("startTime"), created}}}})
                .ok());
    }
}

void TestAnalysisController::cleanup()
{
    m_controller.reset();
    m_metrics.reset();
    m_store.reset();
    m_clock.reset();
}

QJsonObject TestAnalysisController::createRun(const QString &name, const QJsonArray &metrics,
                                              const QJsonObject &specExtra)
{
    QJsonObject spec = specExtra;
    spec.insert(QStringLiteral("metrics"), metrics);
    QJsonObject object {
        {QStringLiteral("metadata"),
         QJsonObject {{QStringLiteral("name"), name},
                      {QStringLiteral("namespace"), QStringLiteral("shop")},
                      {QStringLiteral("ownerReferences"),
                       QJsonArray {QJsonObject {{QStringLiteral("kind"), QStringLiteral("Rollout")},
                                                {QStringLiteral("name"), QStringLiteral("web")},
                                                {QStringLiteral("controller"), true}}}}}},
        {QStringLiteral("spec"), spec}};
    const StoreResult created = m_store->create(type("argoproj.io", "analysisruns"), object);
    return created.object;
}

QJsonObject TestAnalysisController::run(const QString &name) const
{
    return m_store->get(type("argoproj.io", "analysisruns"), QStringLiteral("shop"), name)
        .value_or(QJsonObject());
}

QJsonObject TestAnalysisController::status(const QString &name) const
{
    return run(name).value(QStringLiteral("status")).toObject();
}

QJsonObject TestAnalysisController::result(const QString &name, int index) const
{
    return status(name).value(QStringLiteral("metricResults")).toArray().at(index).toObject();
}

void TestAnalysisController::step(qint64 ms)
{
    m_clock->advance(ms);
    m_controller->reconcile();
}

void TestAnalysisController::singleMeasurementStatusIsExact()
{
    createRun(
        QStringLiteral("r"),
        {metric(QStringLiteral("error-rate"), prometheus(kStableQuery),
                {{QStringLiteral("successCondition"), QStringLiteral("result[0] <= 0.05")}})});
    m_controller->reconcile();
    QString error;
    const std::optional<double> value = m_metrics->evaluateQuery(
        *m_store, QStringLiteral("shop"), QStringLiteral("web"), kStableQuery, m_t0, &error);
    QVERIFY(value);
    const QString now = VirtualClock::toRfc3339(m_t0);
    const QJsonObject expected {
        {QStringLiteral("phase"), QStringLiteral("Successful")},
        {QStringLiteral("metricResults"),
         QJsonArray {QJsonObject {
             {QStringLiteral("name"), QStringLiteral("error-rate")},
             {QStringLiteral("phase"), QStringLiteral("Successful")},
             {QStringLiteral("measurements"),
              QJsonArray {
                  QJsonObject {{QStringLiteral("phase"), QStringLiteral("Successful")},
                               {QStringLiteral("startedAt"), now},
                               {QStringLiteral("finishedAt"), now},
                               {QStringLiteral("value"), QString(u'[' + goFloat(*value) + u']')}}}},
             {QStringLiteral("count"), 1},
             {QStringLiteral("successful"), 1},
             {QStringLiteral("consecutiveSuccess"), 1},
             {QStringLiteral("metadata"),
              QJsonObject {{QStringLiteral("ResolvedPrometheusQuery"), kStableQuery}}}}}},
        {QStringLiteral("startedAt"), now},
        {QStringLiteral("runSummary"),
         QJsonObject {{QStringLiteral("count"), 1}, {QStringLiteral("successful"), 1}}},
        {QStringLiteral("dryRunSummary"), QJsonObject {}},
        {QStringLiteral("completedAt"), now}};
    QCOMPARE(QJsonDocument(status(QStringLiteral("r"))).toJson(), QJsonDocument(expected).toJson());
    QVERIFY(*value > 0.0018 && *value < 0.0022);
}

void TestAnalysisController::measurementTiming()
{
    createRun(QStringLiteral("r"),
              {metric(QStringLiteral("m"), prometheus(kStableQuery),
                      {{QStringLiteral("successCondition"), QStringLiteral("result[0] <= 0.05")},
                       {QStringLiteral("interval"), QStringLiteral("30s")},
                       {QStringLiteral("count"), 3},
                       {QStringLiteral("initialDelay"), QStringLiteral("10s")}})});
    m_controller->reconcile();
    QCOMPARE(status(QStringLiteral("r")).value(QStringLiteral("phase")).toString(),
             QStringLiteral("Running"));
    QCOMPARE(status(QStringLiteral("r")).value(QStringLiteral("startedAt")).toString(),
             VirtualClock::toRfc3339(m_t0));
    QVERIFY(!status(QStringLiteral("r")).contains(QStringLiteral("metricResults")));

    step(9999); // initialDelay not over
    QVERIFY(!status(QStringLiteral("r")).contains(QStringLiteral("metricResults")));
    step(1);
    QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("count")).toInt(), 1);
    QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("phase")).toString(),
             QStringLiteral("Running"));
    step(29999);
    QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("count")).toInt(), 1);
    step(1);
    QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("count")).toInt(), 2);
    step(30000);
    const QJsonObject r = result(QStringLiteral("r"));
    QCOMPARE(r.value(QStringLiteral("count")).toInt(), 3);
    QCOMPARE(r.value(QStringLiteral("phase")).toString(), QStringLiteral("Successful"));
    const QJsonArray measurements = r.value(QStringLiteral("measurements")).toArray();
    QCOMPARE(measurements.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(measurements.at(i).toObject().value(QStringLiteral("startedAt")).toString(),
                 VirtualClock::toRfc3339(m_t0 + 10000 + 30000 * i));
    }
    const QJsonObject s = status(QStringLiteral("r"));
    QCOMPARE(s.value(QStringLiteral("phase")).toString(), QStringLiteral("Successful"));
    QCOMPARE(s.value(QStringLiteral("message")).toString(), QString());
    QCOMPARE(s.value(QStringLiteral("completedAt")).toString(),
             VirtualClock::toRfc3339(m_t0 + 70000));
    step(60000); // completed runs are left alone
    QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("count")).toInt(), 3);
}

void TestAnalysisController::failureLimit()
{
    createRun(QStringLiteral("r"),
              {metric(QStringLiteral("error-rate"), prometheus(kCanaryQuery),
                      {{QStringLiteral("successCondition"), QStringLiteral("result[0] <= 0.01")},
                       {QStringLiteral("interval"), QStringLiteral("10s")},
                       {QStringLiteral("count"), 5},
                       {QStringLiteral("failureLimit"), 1}}),
               metric(QStringLiteral("slow"), prometheus(kStableQuery),
                      {{QStringLiteral("interval"), QStringLiteral("1m")}})});
    m_controller->reconcile();
    QJsonObject r = result(QStringLiteral("r"));
    QCOMPARE(r.value(QStringLiteral("failed")).toInt(), 1);
    QCOMPARE(r.value(QStringLiteral("phase")).toString(), QStringLiteral("Running"));
    QCOMPARE(status(QStringLiteral("r")).value(QStringLiteral("phase")).toString(),
             QStringLiteral("Running"));

    step(10000);
    r = result(QStringLiteral("r"));
    QCOMPARE(r.value(QStringLiteral("failed")).toInt(), 2);
    QCOMPARE(r.value(QStringLiteral("count")).toInt(), 2);
    QCOMPARE(r.value(QStringLiteral("phase")).toString(), QStringLiteral("Failed"));
    QCOMPARE(r.value(QStringLiteral("message")).toString(), QString());
    const QJsonObject s = status(QStringLiteral("r"));
    QCOMPARE(s.value(QStringLiteral("phase")).toString(), QStringLiteral("Failed"));
    QCOMPARE(s.value(QStringLiteral("message")).toString(),
             QStringLiteral("Metric \"error-rate\" assessed Failed due to failed (2) > "
                            "failureLimit (1)"));
    // The other metric, still running, finishes as Successful when the run terminates.
    QCOMPARE(result(QStringLiteral("r"), 1).value(QStringLiteral("phase")).toString(),
             QStringLiteral("Successful"));
    QCOMPARE(s.value(QStringLiteral("runSummary")).toObject(),
             QJsonObject({{QStringLiteral("count"), 2},
                          {QStringLiteral("successful"), 1},
                          {QStringLiteral("failed"), 1}}));
    QCOMPARE(s.value(QStringLiteral("completedAt")).toString(),
             VirtualClock::toRfc3339(m_t0 + 10000));
    const QJsonObject last = r.value(QStringLiteral("measurements")).toArray().last().toObject();
    QCOMPARE(last.value(QStringLiteral("phase")).toString(), QStringLiteral("Failed"));
    QVERIFY(last.value(QStringLiteral("value")).toString().startsWith(QStringLiteral("[0.0")));
}

void TestAnalysisController::failureLimitDisabled()
{
    createRun(QStringLiteral("r"),
              {metric(QStringLiteral("error-rate"), prometheus(kCanaryQuery),
                      {{QStringLiteral("successCondition"), QStringLiteral("result[0] <= 0.01")},
                       {QStringLiteral("interval"), QStringLiteral("10s")},
                       {QStringLiteral("count"), QStringLiteral("3")}, // IntOrString
                       {QStringLiteral("failureLimit"), -1}})});
    m_controller->reconcile();
    step(10000);
    QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("phase")).toString(),
             QStringLiteral("Running"));
    step(10000);
    QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("failed")).toInt(), 3);
    QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("phase")).toString(),
             QStringLiteral("Successful"));
    QCOMPARE(status(QStringLiteral("r")).value(QStringLiteral("phase")).toString(),
             QStringLiteral("Successful"));
}

void TestAnalysisController::inconclusive()
{
    createRun(QStringLiteral("r"),
              {metric(QStringLiteral("error-rate"), prometheus(kCanaryQuery),
                      {{QStringLiteral("successCondition"), QStringLiteral("result[0] < 0.01")},
                       {QStringLiteral("failureCondition"), QStringLiteral("result[0] > 0.5")},
                       {QStringLiteral("interval"), QStringLiteral("10s")},
                       {QStringLiteral("inconclusiveLimit"), 1}})});
    m_controller->reconcile();
    QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("inconclusive")).toInt(), 1);
    QCOMPARE(status(QStringLiteral("r")).value(QStringLiteral("phase")).toString(),
             QStringLiteral("Running"));
    step(10000);
    QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("phase")).toString(),
             QStringLiteral("Inconclusive"));
    const QJsonObject s = status(QStringLiteral("r"));
    QCOMPARE(s.value(QStringLiteral("phase")).toString(), QStringLiteral("Inconclusive"));
    QCOMPARE(s.value(QStringLiteral("message")).toString(),
             QStringLiteral("Metric \"error-rate\" assessed Inconclusive due to inconclusive (2) > "
                            "inconclusiveLimit (1)"));
    QCOMPARE(s.value(QStringLiteral("runSummary")).toObject(),
             QJsonObject({{QStringLiteral("count"), 1}, {QStringLiteral("inconclusive"), 1}}));
}

void TestAnalysisController::consecutiveErrorLimit()
{
    const QJsonObject datadog {
        {QStringLiteral("datadog"), QJsonObject {{QStringLiteral("query"), QStringLiteral("x")}}}};
    createRun(QStringLiteral("r"),
              {metric(QStringLiteral("dd"), datadog,
                      {{QStringLiteral("interval"), QStringLiteral("1m")},
                       {QStringLiteral("consecutiveErrorLimit"), 2}})});
    m_controller->reconcile();
    QJsonObject r = result(QStringLiteral("r"));
    QCOMPARE(r.value(QStringLiteral("error")).toInt(), 1);
    QCOMPARE(r.value(QStringLiteral("consecutiveError")).toInt(), 1);
    QVERIFY(!r.contains(QStringLiteral("count"))); // errors do not count
    const QJsonObject first = r.value(QStringLiteral("measurements")).toArray().at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("phase")).toString(), QStringLiteral("Error"));
    QCOMPARE(first.value(QStringLiteral("message")).toString(),
             QStringLiteral("provider \"datadog\" is not simulated by rd-sim"));
    // After an error the next try comes 10 s later, whatever the interval.
    step(9999);
    QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("error")).toInt(), 1);
    step(1);
    QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("error")).toInt(), 2);
    step(10000);
    r = result(QStringLiteral("r"));
    QCOMPARE(r.value(QStringLiteral("consecutiveError")).toInt(), 3);
    QCOMPARE(r.value(QStringLiteral("phase")).toString(), QStringLiteral("Error"));
    QCOMPARE(r.value(QStringLiteral("message")).toString(),
             QStringLiteral("provider \"datadog\" is not simulated by rd-sim"));
    const QJsonObject s = status(QStringLiteral("r"));
    QCOMPARE(s.value(QStringLiteral("phase")).toString(), QStringLiteral("Error"));
    QCOMPARE(s.value(QStringLiteral("message")).toString(),
             QStringLiteral("Metric \"dd\" assessed Error due to consecutiveErrors (3) > "
                            "consecutiveErrorLimit (2): \"Error Message: provider \"datadog\" is "
                            "not simulated by rd-sim\""));
    QCOMPARE(s.value(QStringLiteral("runSummary")).toObject(),
             QJsonObject({{QStringLiteral("count"), 1}, {QStringLiteral("error"), 1}}));
}

void TestAnalysisController::consecutiveErrorLimitDefault()
{
    // No owning rollout: a Prometheus metric cannot be answered, an Error each time.
    QJsonObject orphan {
        {QStringLiteral("metadata"),
         QJsonObject {{QStringLiteral("name"), QStringLiteral("orphan")},
                      {QStringLiteral("namespace"), QStringLiteral("shop")}}},
        {QStringLiteral("spec"),
         QJsonObject {{QStringLiteral("metrics"),
                       QJsonArray {metric(QStringLiteral("m"), prometheus(kCanaryQuery))}}}}};
    QVERIFY(m_store->create(type("argoproj.io", "analysisruns"), orphan).ok());
    m_controller->reconcile();
    for (int i = 0; i < 3; ++i)
        step(10000);
    QCOMPARE(result(QStringLiteral("orphan")).value(QStringLiteral("error")).toInt(), 4);
    QCOMPARE(status(QStringLiteral("orphan")).value(QStringLiteral("phase")).toString(),
             QStringLiteral("Running"));
    step(10000);
    QCOMPARE(status(QStringLiteral("orphan")).value(QStringLiteral("message")).toString(),
             QStringLiteral("Metric \"m\" assessed Error due to consecutiveErrors (5) > "
                            "consecutiveErrorLimit (4): \"Error Message: the AnalysisRun has no "
                            "owning Rollout; rd-sim answers Prometheus queries for a rollout's "
                            "pods\""));
}

void TestAnalysisController::consecutiveSuccessLimit_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QJsonValue>("failureLimit");
    QTest::addColumn<int>("measurements");
    QTest::addColumn<QString>("phase");
    QTest::newRow("reached") << kStableQuery << QJsonValue() << 2 << QStringLiteral("Successful");
    QTest::newRow("count out, failureLimit applies")
        << kCanaryQuery << QJsonValue(3) << 3 << QStringLiteral("Inconclusive");
    QTest::newRow("count out, failureLimit disabled")
        << kCanaryQuery << QJsonValue(-1) << 3 << QStringLiteral("Failed");
}

void TestAnalysisController::consecutiveSuccessLimit()
{
    QFETCH(QString, query);
    QFETCH(QJsonValue, failureLimit);
    QFETCH(int, measurements);
    QFETCH(QString, phase);
    QJsonObject fields {{QStringLiteral("successCondition"), QStringLiteral("result[0] <= 0.01")},
                        {QStringLiteral("interval"), QStringLiteral("10s")},
                        {QStringLiteral("count"), 3},
                        {QStringLiteral("consecutiveSuccessLimit"), 2}};
    if (!failureLimit.isUndefined() && !failureLimit.isNull())
        fields.insert(QStringLiteral("failureLimit"), failureLimit);
    createRun(QStringLiteral("r"), {metric(QStringLiteral("m"), prometheus(query), fields)});
    m_controller->reconcile();
    for (int i = 1; i < measurements; ++i) {
        QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("phase")).toString(),
                 QStringLiteral("Running"));
        step(10000);
    }
    QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("count")).toInt(), measurements);
    QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("phase")).toString(), phase);
    QCOMPARE(status(QStringLiteral("r")).value(QStringLiteral("phase")).toString(), phase);
}

void TestAnalysisController::conditionParseError()
{
    createRun(QStringLiteral("r"),
              {metric(QStringLiteral("m"), prometheus(kStableQuery),
                      {{QStringLiteral("successCondition"), QStringLiteral("result[0] <")}})});
    m_controller->reconcile();
    const QJsonObject m = result(QStringLiteral("r"))
                              .value(QStringLiteral("measurements"))
                              .toArray()
                              .at(0)
                              .toObject();
    QCOMPARE(m.value(QStringLiteral("phase")).toString(), QStringLiteral("Error"));
    QCOMPARE(m.value(QStringLiteral("message")).toString(),
             QStringLiteral("cannot parse condition \"result[0] <\": unexpected end of expression "
                            "(1:12)"));
    QVERIFY(!m.contains(QStringLiteral("value")));
}

void TestAnalysisController::terminate()
{
    createRun(QStringLiteral("r"),
              {metric(QStringLiteral("m"), prometheus(kStableQuery),
                      {{QStringLiteral("interval"), QStringLiteral("30s")}})});
    m_controller->reconcile();
    step(30000);
    QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("count")).toInt(), 2);
    QJsonObject object = run(QStringLiteral("r"));
    QJsonObject spec = object.value(QStringLiteral("spec")).toObject();
    spec.insert(QStringLiteral("terminate"), true);
    object.insert(QStringLiteral("spec"), spec);
    QVERIFY(m_store->update(type("argoproj.io", "analysisruns"), object, WriteScope::Whole).ok());
    step(1000);
    const QJsonObject s = status(QStringLiteral("r"));
    QCOMPARE(s.value(QStringLiteral("phase")).toString(), QStringLiteral("Successful"));
    QCOMPARE(s.value(QStringLiteral("message")).toString(), QStringLiteral("Run Terminated"));
    QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("count")).toInt(), 2);
    QCOMPARE(result(QStringLiteral("r")).value(QStringLiteral("phase")).toString(),
             QStringLiteral("Successful"));
    QCOMPARE(s.value(QStringLiteral("completedAt")).toString(),
             VirtualClock::toRfc3339(m_t0 + 31000));
}

void TestAnalysisController::terminateBeforeFirstMeasurement()
{
    createRun(QStringLiteral("r"),
              {metric(QStringLiteral("m"), prometheus(kStableQuery),
                      {{QStringLiteral("initialDelay"), QStringLiteral("5m")}})},
              {{QStringLiteral("terminate"), true}});
    m_controller->reconcile();
    const QJsonObject s = status(QStringLiteral("r"));
    QCOMPARE(s.value(QStringLiteral("phase")).toString(), QStringLiteral("Successful"));
    QCOMPARE(s.value(QStringLiteral("message")).toString(), QStringLiteral("Run Terminated"));
    QVERIFY(!s.contains(QStringLiteral("metricResults")));
    QCOMPARE(s.value(QStringLiteral("runSummary")).toObject(),
             QJsonObject({{QStringLiteral("count"), 1}}));
}

void TestAnalysisController::dryRun()
{
    createRun(
        QStringLiteral("r"),
        {metric(QStringLiteral("canary-errors"), prometheus(kCanaryQuery),
                {{QStringLiteral("successCondition"), QStringLiteral("result[0] <= 0.01")}}),
         metric(QStringLiteral("stable-errors"), prometheus(kStableQuery),
                {{QStringLiteral("successCondition"), QStringLiteral("result[0] <= 0.01")},
                 {QStringLiteral("interval"), QStringLiteral("10s")},
                 {QStringLiteral("count"), 2}})},
        {{QStringLiteral("dryRun"),
          QJsonArray {QJsonObject {{QStringLiteral("metricName"), QStringLiteral("^canary")}}}}});
    m_controller->reconcile();
    QJsonObject dry = result(QStringLiteral("r"), 0);
    QCOMPARE(dry.value(QStringLiteral("phase")).toString(), QStringLiteral("Failed"));
    QCOMPARE(dry.value(QStringLiteral("dryRun")).toBool(), true);
    QCOMPARE(dry.value(QStringLiteral("message")).toString(),
             QStringLiteral("Metric assessed Failed due to failed (1) > failureLimit (0)"));
    QCOMPARE(status(QStringLiteral("r")).value(QStringLiteral("phase")).toString(),
             QStringLiteral("Running")); // a failing dry-run metric does not end the run
    step(10000);
    const QJsonObject s = status(QStringLiteral("r"));
    QCOMPARE(s.value(QStringLiteral("phase")).toString(), QStringLiteral("Successful"));
    QCOMPARE(s.value(QStringLiteral("message")).toString(), QString());
    QCOMPARE(s.value(QStringLiteral("runSummary")).toObject(),
             QJsonObject({{QStringLiteral("count"), 1}, {QStringLiteral("successful"), 1}}));
    QCOMPARE(s.value(QStringLiteral("dryRunSummary")).toObject(),
             QJsonObject({{QStringLiteral("count"), 1}, {QStringLiteral("failed"), 1}}));
}

void TestAnalysisController::retention()
{
    createRun(QStringLiteral("a"),
              {metric(QStringLiteral("m"), prometheus(kStableQuery),
                      {{QStringLiteral("interval"), QStringLiteral("1s")}})});
    createRun(QStringLiteral("b"),
              {metric(QStringLiteral("err-rate"), prometheus(kStableQuery),
                      {{QStringLiteral("interval"), QStringLiteral("1s")}})},
              {{QStringLiteral("measurementRetention"),
                QJsonArray {QJsonObject {{QStringLiteral("metricName"), QStringLiteral("err.*")},
                                         {QStringLiteral("limit"), 3}}}}});
    m_controller->reconcile();
    for (int i = 1; i < 12; ++i)
        step(1000);
    for (const char *name : {"a", "b"}) {
        const QJsonObject r = result(QString::fromLatin1(name));
        QCOMPARE(r.value(QStringLiteral("count")).toInt(), 12);
        const QJsonArray kept = r.value(QStringLiteral("measurements")).toArray();
        const int limit = name[0] == 'a' ? 10 : 3;
        QCOMPARE(kept.size(), limit);
        // The newest are kept.
        QCOMPARE(kept.last().toObject().value(QStringLiteral("startedAt")).toString(),
                 VirtualClock::toRfc3339(m_t0 + 11000));
        QCOMPARE(kept.first().toObject().value(QStringLiteral("startedAt")).toString(),
                 VirtualClock::toRfc3339(m_t0 + (12 - limit) * 1000));
    }
}

void TestAnalysisController::specErrors_data()
{
    QTest::addColumn<QJsonArray>("metrics");
    QTest::addColumn<QJsonObject>("spec");
    QTest::addColumn<QString>("message");
    const QJsonObject p = prometheus(kStableQuery);
    QTest::newRow("unresolved arg")
        << QJsonArray {metric(QStringLiteral("m"),
                              prometheus(QStringLiteral("error{svc=\"{{args.missing}}\"}")))}
        << QJsonObject()
        << QStringLiteral("Unable to resolve metric arguments: failed to resolve {{args.missing}}");
    QTest::newRow("count without interval")
        << QJsonArray {metric(QStringLiteral("m"), p, {{QStringLiteral("count"), 3}})}
        << QJsonObject()
        << QStringLiteral("Analysis spec invalid: metrics[0]: interval must be specified when "
                          "count > 1");
    QTest::newRow("bad interval")
        << QJsonArray {metric(QStringLiteral("m"), p,
                              {{QStringLiteral("interval"), QStringLiteral("30x")}})}
        << QJsonObject()
        << QStringLiteral("Analysis spec invalid: metrics[0]: invalid interval string: time: "
                          "unknown unit \"x\" in duration \"30x\"");
    QTest::newRow("duplicate")
        << QJsonArray {metric(QStringLiteral("m"), p), metric(QStringLiteral("m"), p)}
        << QJsonObject() << QStringLiteral("Analysis spec invalid: metrics[1]: duplicate name 'm'");
    QTest::newRow("no provider")
        << QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("m")}}} << QJsonObject()
        << QStringLiteral("Analysis spec invalid: metrics[0]: no provider specified");
    QTest::newRow("no metrics") << QJsonArray() << QJsonObject()
                                << QStringLiteral("Analysis spec invalid: no metrics specified");
    QTest::newRow("dry run rule")
        << QJsonArray {metric(QStringLiteral("m"), p)}
        << QJsonObject {{QStringLiteral("dryRun"),
                         QJsonArray {
                             QJsonObject {{QStringLiteral("metricName"), QStringLiteral("x")}}}}}
        << QStringLiteral("Analysis spec invalid: dryRun[0]: Rule didn't match any metric name(s)");
}

void TestAnalysisController::specErrors()
{
    QFETCH(QJsonArray, metrics);
    QFETCH(QJsonObject, spec);
    QFETCH(QString, message);
    createRun(QStringLiteral("r"), metrics, spec);
    m_controller->reconcile();
    const QJsonObject s = status(QStringLiteral("r"));
    QCOMPARE(s.value(QStringLiteral("phase")).toString(), QStringLiteral("Error"));
    QCOMPARE(s.value(QStringLiteral("message")).toString(), message);
}

void TestAnalysisController::argsAreSubstituted()
{
    createRun(QStringLiteral("r"),
              {metric(QStringLiteral("m"),
                      prometheus(QStringLiteral("sum(rate(rd_http_request_errors_total{role="
                                                "\"{{ args.role }}\"}[1m]))")),
                      {{QStringLiteral("successCondition"),
                        QStringLiteral("result[0] <= {{args.limit}}")}})},
              {{QStringLiteral("args"),
                QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("role")},
                                         {QStringLiteral("value"), QStringLiteral("stable")}},
                            QJsonObject {{QStringLiteral("name"), QStringLiteral("limit")},
                                         {QStringLiteral("value"), QStringLiteral("0.01")}}}}});
    m_controller->reconcile();
    const QJsonObject r = result(QStringLiteral("r"));
    QCOMPARE(r.value(QStringLiteral("metadata"))
                 .toObject()
                 .value(QStringLiteral("ResolvedPrometheusQuery"))
                 .toString(),
             QStringLiteral("sum(rate(rd_http_request_errors_total{role=\"stable\"}[1m]))"));
    QCOMPARE(r.value(QStringLiteral("phase")).toString(), QStringLiteral("Successful"));
    // The spec itself keeps its templates.
    QVERIFY(QJsonDocument(run(QStringLiteral("r"))).toJson().contains("{{args.limit}}"));
}

void TestAnalysisController::webAndJobSucceed()
{
    createRun(
        QStringLiteral("r"),
        {metric(QStringLiteral("web"),
                QJsonObject {{QStringLiteral("web"),
                              QJsonObject {{QStringLiteral("url"), QStringLiteral("http://x")}}}},
                {{QStringLiteral("successCondition"), QStringLiteral("result.ok")}}),
         metric(QStringLiteral("job"),
                QJsonObject {{QStringLiteral("job"),
                              QJsonObject {{QStringLiteral("spec"), QJsonObject {}}}}})});
    m_controller->reconcile();
    QCOMPARE(status(QStringLiteral("r")).value(QStringLiteral("phase")).toString(),
             QStringLiteral("Successful"));
    QCOMPARE(result(QStringLiteral("r"), 0).value(QStringLiteral("successful")).toInt(), 1);
    QCOMPARE(result(QStringLiteral("r"), 1).value(QStringLiteral("successful")).toInt(), 1);
}

void TestAnalysisController::noWriteWithoutChange()
{
    createRun(QStringLiteral("r"),
              {metric(QStringLiteral("m"), prometheus(kStableQuery),
                      {{QStringLiteral("interval"), QStringLiteral("30s")}})});
    m_controller->reconcile();
    const QString rv = run(QStringLiteral("r"))
                           .value(QStringLiteral("metadata"))
                           .toObject()
                           .value(QStringLiteral("resourceVersion"))
                           .toString();
    const qint64 storeRv = m_store->resourceVersion();
    step(10000); // nothing due
    QCOMPARE(m_store->resourceVersion(), storeRv);
    QCOMPARE(run(QStringLiteral("r"))
                 .value(QStringLiteral("metadata"))
                 .toObject()
                 .value(QStringLiteral("resourceVersion"))
                 .toString(),
             rv);
    step(20000);
    QVERIFY(m_store->resourceVersion() > storeRv);
}

QTEST_GUILESS_MAIN(TestAnalysisController)
#include "tst_analysiscontroller.moc"
