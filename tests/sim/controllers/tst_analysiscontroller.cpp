// SPDX-License-Identifier: GPL-3.0-or-later
// The AnalysisController's measurements: the exact status of a run, when measurements are
// taken, condition and spec errors, retention, argument substitution, the web and job
// providers (a job metric waits for its Job), and that nothing is written when nothing changed.
#include "analysiscontrollerfixture.h"

using namespace AnalysisControllerTest;

class TestAnalysisController : public QObject, private AnalysisControllerFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }
    void singleMeasurementStatusIsExact();
    void measurementTiming();
    void conditionParseError();
    void retention();
    void specErrors_data();
    void specErrors();
    void argsAreSubstituted();
    void webSucceedsJobWaitsForItsJob();
    void noWriteWithoutChange();
};

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

void TestAnalysisController::webSucceedsJobWaitsForItsJob()
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
    QCOMPARE(result(QStringLiteral("r"), 0).value(QStringLiteral("successful")).toInt(), 1);
    // The job metric waits for its Job (here finished by hand: no Job controller runs).
    QCOMPARE(status(QStringLiteral("r")).value(QStringLiteral("phase")).toString(),
             QStringLiteral("Running"));
    const QString uid = run(QStringLiteral("r"))
                            .value(QStringLiteral("metadata"))
                            .toObject()
                            .value(QStringLiteral("uid"))
                            .toString();
    const ResourceType &jobs = type("batch", "jobs");
    std::optional<QJsonObject> job
        = m_store->get(jobs, QStringLiteral("shop"), uid + QStringLiteral(".job.1"));
    QVERIFY(job);
    QJsonObject status = job->value(QStringLiteral("status")).toObject();
    status.insert(QStringLiteral("conditions"),
                  QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("Complete")},
                                           {QStringLiteral("status"), QStringLiteral("True")}}});
    job->insert(QStringLiteral("status"), status);
    QVERIFY(m_store->update(jobs, *job, WriteScope::Whole).ok());
    m_controller->reconcile();
    QCOMPARE(this->status(QStringLiteral("r")).value(QStringLiteral("phase")).toString(),
             QStringLiteral("Successful"));
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
