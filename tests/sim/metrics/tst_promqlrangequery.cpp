// SPDX-License-Identifier: GPL-3.0-or-later
// Range queries of the PromQL engine: series over the past as pods come and go or change
// role, the series API, and the limits of a range query.
#include "promqlenginefixture.h"

using namespace PromqlEngineTest;

class TestPromqlRangeQuery : public QObject, private EngineFixture
{
    Q_OBJECT

private slots:
    void init() { reset(); }
    void rangeQueryOverThePast();
    void roleChangeStartsANewSeries();
    void rangeQueryLimits();
};

void TestPromqlRangeQuery::rangeQueryOverThePast()
{
    PodHistory history;
    const MetricPod old
        = pod(QStringLiteral("web-old-1"), QStringLiteral("stable"), kT0 - 3600 * kSec);
    const MetricPod fresh
        = pod(QStringLiteral("web-new-1"), QStringLiteral("stable"), kT0 + 300 * kSec);
    history.record({old}, kT0 - 3600 * kSec);
    history.record({old}, kT0);
    history.record({fresh}, kT0 + 300 * kSec); // web-old-1 is gone from here on
    const Engine engine(*m_metrics, history, kT0 + 900 * kSec);
    const QueryResult r
        = engine.rangeQuery(QStringLiteral("sum by (pod) (increase(rd_http_requests_total[1m]))"),
                            kT0 + 120 * kSec, kT0 + 600 * kSec, 60 * kSec);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.type, ValueType::Matrix);
    QCOMPARE(r.matrix.size(), 2);
    const Series &gone = r.matrix.at(1);
    const Series &now = r.matrix.at(0);
    QCOMPARE(gone.labels, labels({{QStringLiteral("pod"), QStringLiteral("web-old-1")}}));
    QCOMPARE(now.labels, labels({{QStringLiteral("pod"), QStringLiteral("web-new-1")}}));
    const auto c = [&](const MetricPod &p, qint64 s) { return at(p, kT0 + s * kSec).requests; };
    QCOMPARE(gone.points.size(), 4); // 120, 180, 240, 300
    for (int i = 0; i < 3; ++i) {
        const qint64 s = 120 + 60 * i;
        QCOMPARE(gone.points.at(i).t, kT0 + s * kSec);
        QCOMPARE(gone.points.at(i).v, c(old, s) - c(old, s - 60));
    }
    // At 300 s its last sample is that of 285 s: 15 s short of the end, extrapolated.
    QCOMPARE(gone.points.at(3).t, kT0 + 300 * kSec);
    QCOMPARE(gone.points.at(3).v, (c(old, 285) - c(old, 240)) * 60 / 45);
    QCOMPARE(now.points.size(), 5); // 360 .. 600
    QCOMPARE(now.points.first().t, kT0 + 360 * kSec);
    QCOMPARE(now.points.first().v, c(fresh, 360));
    QCOMPARE(now.points.last().v, c(fresh, 600) - c(fresh, 540));

    // Instant queries and series in the past see the pod; after it is gone they do not.
    QCOMPARE(engine.instantQuery(QStringLiteral("rd_http_requests_total"), kT0 + 200 * kSec)
                 .vector.first()
                 .value,
             c(old, 195));
    QVERIFY(engine
                .instantQuery(QStringLiteral("rd_http_requests_total{pod=\"web-old-1\"}"),
                              kT0 + 310 * kSec)
                .vector.isEmpty());
    Matcher name;
    name.name = QStringLiteral("__name__");
    name.value = QStringLiteral("rd_http_requests_total");
    QList<Labels> found = engine.series({{name}}, kT0, kT0 + 200 * kSec);
    QCOMPARE(found.size(), 1);
    QCOMPARE(labelValue(found.first(), QStringLiteral("pod")), QStringLiteral("web-old-1"));
    found = engine.series({{name}}, kT0 + 400 * kSec, kT0 + 500 * kSec);
    QCOMPARE(found.size(), 1);
    QCOMPARE(labelValue(found.first(), QStringLiteral("pod")), QStringLiteral("web-new-1"));
    QCOMPARE(engine.series({{name}}, kT0, kT0 + 900 * kSec).size(), 2);
}

void TestPromqlRangeQuery::roleChangeStartsANewSeries()
{
    MetricPod promoted = m_c1;
    promoted.role = QStringLiteral("stable");
    promoted.regresses = false;
    m_history->record({m_s1, m_s2, promoted}, kT0 + 420 * kSec);
    const Engine engine(*m_metrics, *m_history, kT0 + 600 * kSec);
    const QueryResult r
        = engine.rangeQuery(QStringLiteral("rd_http_request_errors_total{pod=\"web-bbb-1\"}"),
                            kT0 + 360 * kSec, kT0 + 480 * kSec, 30 * kSec);
    QVERIFY2(r.ok(), qPrintable(r.error));
    QCOMPARE(r.matrix.size(), 2);
    const Series &canary = r.matrix.at(0);
    const Series &stable = r.matrix.at(1);
    QCOMPARE(labelValue(canary.labels, QStringLiteral("role")), QStringLiteral("canary"));
    QCOMPARE(labelValue(stable.labels, QStringLiteral("role")), QStringLiteral("stable"));
    QCOMPARE(canary.points.size(), 2); // 360, 390; stale from the scrape at 420
    QCOMPARE(canary.points.at(1).v, at(m_c1, kT0 + 390 * kSec).errors);
    QCOMPARE(stable.points.size(), 3); // 420, 450, 480
    QCOMPARE(stable.points.at(0).t, kT0 + 420 * kSec);
    QCOMPARE(stable.points.at(0).v, at(promoted, kT0 + 420 * kSec).errors);
    // As the exposition does, the promoted pod's counter is recomputed with stable values.
    QVERIFY(stable.points.at(0).v < canary.points.at(1).v);
}

void TestPromqlRangeQuery::rangeQueryLimits()
{
    const Engine engine(*m_metrics, *m_history, kT0 + 600 * kSec);
    QueryResult r = engine.rangeQuery(QStringLiteral("1"), kT0, kT0 - 1, 1000);
    QCOMPARE(r.errorType, QStringLiteral("bad_data"));
    QCOMPARE(r.error, QStringLiteral("end timestamp must not be before start time"));
    r = engine.rangeQuery(QStringLiteral("1"), kT0, kT0, 0);
    QCOMPARE(r.error,
             QStringLiteral("zero or negative query resolution step widths are not "
                            "accepted. Try a positive integer"));
    r = engine.rangeQuery(QStringLiteral("1"), kT0, kT0 + 11001 * kSec, kSec);
    QCOMPARE(r.error,
             QStringLiteral("exceeded maximum resolution of 11,000 points per "
                            "timeseries. Try decreasing the query resolution "
                            "(?step=XX)"));
    r = engine.rangeQuery(QStringLiteral("2 * 3"), kT0, kT0 + 11000 * kSec, kSec);
    QVERIFY(r.ok());
    QCOMPARE(r.matrix.size(), 1);
    QVERIFY(r.matrix.first().labels.isEmpty());
    QCOMPARE(r.matrix.first().points.size(), 11001);
    QCOMPARE(r.matrix.first().points.last().v, 6.0);
    r = engine.rangeQuery(QStringLiteral("rd_http_requests_total[5m]"), kT0, kT0, kSec);
    QCOMPARE(r.errorType, QStringLiteral("bad_data"));
    QCOMPARE(r.error,
             QStringLiteral("invalid expression type \"range vector\" for range query, "
                            "must be Scalar or instant Vector"));
    // A week at a one minute step over three pods (each sample closed-form) stays cheap.
    const Engine week(*m_metrics, *m_history, kT0 + 7 * 86400 * kSec);
    r = week.rangeQuery(QStringLiteral("sum by (role) (rate(rd_http_requests_total[5m]))"), kT0,
                        kT0 + 7 * 86400 * kSec, 60 * kSec);
    QVERIFY(r.ok());
    QCOMPARE(r.matrix.size(), 2);
    QCOMPARE(r.matrix.at(1).points.size(), 10081);
}

QTEST_GUILESS_MAIN(TestPromqlRangeQuery)
#include "tst_promqlrangequery.moc"
