// SPDX-License-Identifier: GPL-3.0-or-later
// How the AnalysisController ends a run: failure, inconclusive, consecutive error and
// consecutive success limits, termination, and dry-run metrics that do not end it.
#include "analysiscontrollerfixture.h"

using namespace AnalysisControllerTest;

class TestAnalysisRunOutcome : public QObject, private AnalysisControllerFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void failureLimit();
    void failureLimitDisabled();
    void inconclusive();
    void consecutiveErrorLimit();
    void consecutiveErrorLimitDefault();
    void consecutiveSuccessLimit_data();
    void consecutiveSuccessLimit();
    void terminate();
    void terminateBeforeFirstMeasurement();
    void dryRun();
};

void TestAnalysisRunOutcome::failureLimit()
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

void TestAnalysisRunOutcome::failureLimitDisabled()
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

void TestAnalysisRunOutcome::inconclusive()
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

void TestAnalysisRunOutcome::consecutiveErrorLimit()
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

void TestAnalysisRunOutcome::consecutiveErrorLimitDefault()
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

void TestAnalysisRunOutcome::consecutiveSuccessLimit_data()
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

void TestAnalysisRunOutcome::consecutiveSuccessLimit()
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

void TestAnalysisRunOutcome::terminate()
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

void TestAnalysisRunOutcome::terminateBeforeFirstMeasurement()
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

void TestAnalysisRunOutcome::dryRun()
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

QTEST_GUILESS_MAIN(TestAnalysisRunOutcome)
#include "tst_analysisrunoutcome.moc"
