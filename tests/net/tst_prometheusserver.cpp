// SPDX-License-Identifier: GPL-3.0-or-later
// PrometheusClient against the real Debian Prometheus 2.42: data laid out with exactly known
// values is backfilled with promtool, then every API call is checked for exact series and
// values, the 11,000-point step clamp, the server's own error text, warnings, and a server
// under a path prefix (as Mimir and VictoriaMetrics serve the API).
#include "prometheusfixture.h"
#include "querystep.h"

#include <QDateTime>
#include <QTest>

namespace {

constexpr qint64 samplesEverySeconds = 15;
constexpr qint64 hoursOfData = 3;

// Requests grow linearly (canary 10/s, stable 40/s), so rate() is exact. The latency
// histogram splits them: canary 50 % <= 0.1 s, 90 % <= 0.25 s, all <= 0.5 s; stable 80 %,
// 95 %, all.
struct Role
{
    const char *name;
    qint64 perSecond;
    qint64 bucketShares[3]; // requests per second in le=0.1, 0.25, 0.5
};
constexpr Role roles[] = {{"canary", 10, {5, 9, 10}}, {"stable", 40, {32, 38, 40}}};

QByteArray openMetrics(qint64 t0)
{
    QByteArray text;
    text += "# TYPE rd_http_requests counter\n# HELP rd_http_requests Requests served.\n";
    for (const Role &role : roles) {
        for (qint64 t = t0; t <= t0 + hoursOfData * 3600; t += samplesEverySeconds) {
            text += "rd_http_requests_total{namespace=\"shop\",role=\"" + QByteArray(role.name)
                + "\",rollout=\"checkout\"} " + QByteArray::number(role.perSecond * (t - t0)) + ' '
                + QByteArray::number(t) + '\n';
        }
    }
    text += "# TYPE rd_http_request_duration_seconds histogram\n";
    const char *bounds[] = {"0.1", "0.25", "0.5"};
    for (const Role &role : roles) {
        const QByteArray labels
            = "namespace=\"shop\",role=\"" + QByteArray(role.name) + "\",rollout=\"checkout\"";
        for (qint64 t = t0; t <= t0 + hoursOfData * 3600; t += samplesEverySeconds) {
            const qint64 elapsed = t - t0;
            const QByteArray at = ' ' + QByteArray::number(t) + '\n';
            for (int b = 0; b < 3; ++b) {
                text += "rd_http_request_duration_seconds_bucket{" + labels + ",le=\"" + bounds[b]
                    + "\"} " + QByteArray::number(role.bucketShares[b] * elapsed) + at;
            }
            text += "rd_http_request_duration_seconds_bucket{" + labels + ",le=\"+Inf\"} "
                + QByteArray::number(role.perSecond * elapsed) + at;
            text += "rd_http_request_duration_seconds_sum{" + labels + "} "
                + QByteArray::number(elapsed) + at;
            text += "rd_http_request_duration_seconds_count{" + labels + "} "
                + QByteArray::number(role.perSecond * elapsed) + at;
        }
    }
    text += "# EOF\n";
    return text;
}

StringMap checkoutLabels(const QString &role)
{
    return StringMap {{QStringLiteral("namespace"), QStringLiteral("shop")},
                      {QStringLiteral("role"), role},
                      {QStringLiteral("rollout"), QStringLiteral("checkout")}};
}

} // namespace

class TestPrometheusServer : public QObject
{
    Q_OBJECT

private:
    PrometheusFixture m_prometheus;
    PrometheusFixture m_prefixed; // --web.route-prefix=/prometheus, failing remote_read
    qint64 m_t0 = 0; // seconds: the first sample
    std::unique_ptr<PrometheusClient> m_client;

    qint64 at(qint64 secondsAfterT0) const { return (m_t0 + secondsAfterT0) * 1000; }

private slots:
    void initTestCase()
    {
        // Six hours back, on the hour: older than the head block, well inside retention.
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        m_t0 = (now - 6 * 3600) / 3600 * 3600;
        QString error;
        QVERIFY2(m_prometheus.backfill(openMetrics(m_t0), &error), qPrintable(error));
        QVERIFY2(m_prometheus.start("global:\n  scrape_interval: 1m\n", {}, &error),
                 qPrintable(error));
        m_client = std::make_unique<PrometheusClient>(m_prometheus.directEndpoint());

        // A remote_read target that refuses connections: every query over it succeeds from
        // local data with a warning.
        m_prefixed.setReadyPrefix(QStringLiteral("/prometheus"));
        QVERIFY2(
            m_prefixed.start("global:\n  scrape_interval: 1m\nremote_read:\n"
                             "  - url: http://127.0.0.1:1/api/v1/read\n    read_recent: true\n",
                             {QStringLiteral("--web.route-prefix=/prometheus")}, &error),
            qPrintable(error));
    }

    void cleanupTestCase()
    {
        m_client.reset();
        m_prometheus.stop();
        m_prefixed.stop();
    }

    void instantRate()
    {
        PromQueryResult result
            = m_client->query(QStringLiteral("rate(rd_http_requests_total[1m])"), at(3600));
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        sortSeriesByLabels(result.series);
        QCOMPARE(result.resultType, PromResultType::Vector);
        QVERIFY(result.warnings.isEmpty());
        QCOMPARE(result.series.size(), 2);
        QCOMPARE(result.series.at(0),
                 (PromSeries {checkoutLabels(QStringLiteral("canary")), {{at(3600), 10.0}}}));
        QCOMPARE(result.series.at(1),
                 (PromSeries {checkoutLabels(QStringLiteral("stable")), {{at(3600), 40.0}}}));
    }

    void rangeOfRates()
    {
        const PromQueryResult result = m_client->queryRange(
            QStringLiteral("sum by (role) (rate(rd_http_requests_total[1m]))"), at(3600),
            at(3600 + 300), 60000);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.resultType, PromResultType::Matrix);
        QCOMPARE(result.stepMs, 60000);
        QCOMPARE(result.series.size(), 2);
        for (int r = 0; r < 2; ++r) {
            QList<PromSample> expected;
            for (qint64 s = 3600; s <= 3900; s += 60)
                expected.append({at(s), double(roles[r].perSecond)});
            QCOMPARE(result.series.at(r).labels,
                     (StringMap {{QStringLiteral("role"), QLatin1String(roles[r].name)}}));
            QCOMPARE(result.series.at(r).samples, expected);
        }
    }

    void rawCounter()
    {
        const PromQueryResult result = m_client->queryRange(
            QStringLiteral("rd_http_requests_total{role=\"canary\"}"), at(600), at(660), 15000);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.series.size(), 1);
        QCOMPARE(result.series.first().labels.value(QStringLiteral("__name__")),
                 QStringLiteral("rd_http_requests_total"));
        QCOMPARE(result.series.first().samples,
                 (QList<PromSample> {{at(600), 6000},
                                     {at(615), 6150},
                                     {at(630), 6300},
                                     {at(645), 6450},
                                     {at(660), 6600}}));
    }

    void histogramQuantiles()
    {
        PromQueryResult result = m_client->query(
            QStringLiteral("histogram_quantile(0.95, sum by (le, role) "
                           "(rate(rd_http_request_duration_seconds_bucket[1m])))"),
            at(7200));
        sortSeriesByLabels(result.series); // an instant vector comes in no fixed order
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.series.size(), 2);
        // Canary: rank 0.95 * 10 = 9.5 falls in (0.25, 0.5] holding 9..10.
        QCOMPARE(result.series.at(0).labels.value(QStringLiteral("role")),
                 QStringLiteral("canary"));
        QCOMPARE(result.series.at(0).samples.first().value, 0.25 + (0.5 - 0.25) * (0.5 / 1.0));
        // Stable: rank 0.95 * 40 = 38 is the top of (0.1, 0.25] holding 32..38.
        QCOMPARE(result.series.at(1).samples.first().value, 0.1 + (0.25 - 0.1) * (6.0 / 6.0));

        PromQueryResult mean = m_client->query(
            QStringLiteral(
                "sum by (role) (rate(rd_http_request_duration_seconds_sum[1m])) / sum by "
                "(role) (rate(rd_http_request_duration_seconds_count[1m]))"),
            at(7200));
        QVERIFY2(mean.isOk(), qPrintable(mean.error.message));
        sortSeriesByLabels(mean.series);
        QCOMPARE(mean.series.at(0).samples.first().value, 1.0 / 10.0);
        QCOMPARE(mean.series.at(1).samples.first().value, 1.0 / 40.0);
    }

    void thirtyDaysAtOneSecondIsClamped()
    {
        const qint64 end = at(hoursOfData * 3600);
        const qint64 start = end - qint64(30) * 86400 * 1000;
        const PromQueryResult result
            = m_client->queryRange(QStringLiteral("sum(rd_http_requests_total)"), start, end, 1000);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.stepMs, 235637);
        QCOMPARE(result.series.size(), 1);
        const QList<PromSample> &samples = result.series.first().samples;
        QVERIFY(!samples.isEmpty());
        for (const PromSample &sample : samples)
            QCOMPARE((sample.timestampMs - start) % 235637, 0);
        // The last step at or before `end`; its value is the sum of the latest samples.
        const qint64 lastMs = start + (end - start) / 235637 * 235637;
        const qint64 lastSample = (lastMs - m_t0 * 1000) / 15000 * 15;
        QCOMPARE(samples.last(), (PromSample {lastMs, double(50 * lastSample)}));

        // The same window with the step the chooser plans for a 1,200 px chart.
        const QueryStep::Range range = QueryStep::plan(start, end, 1200);
        QCOMPARE(range.stepMs, 3600000);
        const PromQueryResult planned
            = m_client->queryRange(QStringLiteral("sum(rd_http_requests_total)"), range.startMs,
                                   range.endMs, range.stepMs);
        QVERIFY2(planned.isOk(), qPrintable(planned.error.message));
        QCOMPARE(planned.stepMs, 3600000);
        QCOMPARE(planned.series.first().samples.first(), (PromSample {at(0), 0.0}));
    }

    void badQueryKeepsTheServersText()
    {
        const PromQueryResult result
            = m_client->query(QStringLiteral("sum(rate(rd_http_requests_total[1m])"), at(3600));
        QCOMPARE(result.error.kind, PromError::Kind::BadData);
        QCOMPARE(result.error.httpStatus, 400);
        QCOMPARE(result.error.errorType, QStringLiteral("bad_data"));
        QCOMPARE(result.error.message,
                 QStringLiteral("The query is not valid (HTTP 400): invalid parameter \"query\": "
                                "1:37: parse error: unclosed left parenthesis"));

        const PromQueryResult reversed
            = m_client->queryRange(QStringLiteral("up"), at(3600), at(0), 15000);
        QCOMPARE(reversed.error.kind, PromError::Kind::BadData);
        QCOMPARE(reversed.error.message,
                 QStringLiteral("The query is not valid (HTTP 400): invalid parameter \"end\": "
                                "end timestamp must not be before start time"));
    }

    void executionError()
    {
        // Two series with the same labels on one side of a one-to-one match.
        const PromQueryResult result
            = m_client->query(QStringLiteral("rd_http_requests_total / on (namespace) "
                                             "rd_http_request_duration_seconds_count"),
                              at(3600));
        QCOMPARE(result.error.kind, PromError::Kind::Execution);
        QCOMPARE(result.error.httpStatus, 422);
        QCOMPARE(result.error.message,
                 QStringLiteral(
                     "The query failed (HTTP 422): found duplicate series for the match group "
                     "{namespace=\"shop\"} on the right hand-side of the operation: "
                     "[{__name__=\"rd_http_request_duration_seconds_count\", namespace=\"shop\", "
                     "role=\"stable\", rollout=\"checkout\"}, "
                     "{__name__=\"rd_http_request_duration_seconds_count\", namespace=\"shop\", "
                     "role=\"canary\", rollout=\"checkout\"}];many-to-many matching not allowed: "
                     "matching labels must be unique on one side"));
    }

    void seriesAndLabels()
    {
        const PromSeriesList series
            = m_client->series({QStringLiteral("rd_http_requests_total")}, at(0), at(3600));
        QVERIFY2(series.isOk(), qPrintable(series.error.message));
        StringMap canary = checkoutLabels(QStringLiteral("canary"));
        canary.insert(QStringLiteral("__name__"), QStringLiteral("rd_http_requests_total"));
        StringMap stable = checkoutLabels(QStringLiteral("stable"));
        stable.insert(QStringLiteral("__name__"), QStringLiteral("rd_http_requests_total"));
        QCOMPARE(series.series, (QList<StringMap> {canary, stable}));

        const PromStringList labels = m_client->labels();
        QVERIFY2(labels.isOk(), qPrintable(labels.error.message));
        QCOMPARE(labels.values,
                 QStringList({QStringLiteral("__name__"), QStringLiteral("le"),
                              QStringLiteral("namespace"), QStringLiteral("role"),
                              QStringLiteral("rollout")}));

        const PromStringList roles = m_client->labelValues(QStringLiteral("role"));
        QVERIFY2(roles.isOk(), qPrintable(roles.error.message));
        QCOMPARE(roles.values, QStringList({QStringLiteral("canary"), QStringLiteral("stable")}));

        const PromStringList names = m_client->labelValues(
            QStringLiteral("__name__"), {QStringLiteral("{role=\"canary\"}")}, at(0), at(3600));
        QVERIFY2(names.isOk(), qPrintable(names.error.message));
        QCOMPARE(names.values,
                 QStringList({QStringLiteral("rd_http_request_duration_seconds_bucket"),
                              QStringLiteral("rd_http_request_duration_seconds_count"),
                              QStringLiteral("rd_http_request_duration_seconds_sum"),
                              QStringLiteral("rd_http_requests_total")}));
    }

    void buildInfo()
    {
        const PromBuildInfo info = m_client->buildInfo();
        QVERIFY2(info.isOk(), qPrintable(info.error.message));
        // Debian's build says "2.42.0+ds".
        QCOMPARE(info.version.section(QLatin1Char('+'), 0, 0), QStringLiteral("2.42.0"));
        QVERIFY(info.goVersion.startsWith(QStringLiteral("go")));
    }

    void longQueriesArePosted()
    {
        // Over 4 KB of PromQL: sent as a form body; the answer is the same.
        QStringList terms;
        for (int i = 0; i < 120; ++i)
            terms << QStringLiteral("rd_http_requests_total{role=\"canary\",rollout!=\"x%1\"}")
                         .arg(i);
        const QString query = QStringLiteral("max(") + terms.join(QStringLiteral(" or ")) + u')';
        QVERIFY(query.size() > 4000);
        ServiceAnswer answer = m_client->connection()->send(
            QStringLiteral("/api/v1/query"),
            {{QStringLiteral("query"), query}, {QStringLiteral("time"), formatPromTime(at(60))}},
            true);
        QVERIFY(answer.wasPost);
        QCOMPARE(answer.status, 200);
        const PromQueryResult result = m_client->query(query, at(60));
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.series.size(), 1);
        QCOMPARE(result.series.first().samples, (QList<PromSample> {{at(60), 600.0}}));
    }

    void pathPrefixAndWarnings()
    {
        PrometheusEndpoint endpoint = m_prefixed.directEndpoint();
        endpoint.pathPrefix = QStringLiteral("/prometheus");
        PrometheusClient client(endpoint);
        // A selector reads storage, remote read included (vector(1) alone would not).
        const PromQueryResult result = client.query(QStringLiteral("sum(up) or vector(1)"));
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.series.size(), 1);
        QCOMPARE(result.series.first().samples.first().value, 1.0);
        QCOMPARE(result.warnings,
                 QStringList {QStringLiteral("remote_read: error sending request: Post "
                                             "\"http://127.0.0.1:1/api/v1/read\": dial tcp "
                                             "127.0.0.1:1: connect: connection refused")});
        QVERIFY(!client.ready());

        // Without the prefix there is no API at that address.
        PrometheusClient unprefixed(m_prefixed.directEndpoint());
        const PromQueryResult missing = unprefixed.query(QStringLiteral("vector(1)"));
        QCOMPARE(missing.error.kind, PromError::Kind::NotFound);
        QCOMPARE(missing.error.message,
                 QStringLiteral("No Prometheus API at this address (HTTP 404); check url and "
                                "pathPrefix: 404 page not found"));
    }

    void cancelled()
    {
        CancelToken cancel;
        cancel.cancel();
        const PromQueryResult result = m_client->query(QStringLiteral("up"), -1, cancel);
        QCOMPARE(result.error.kind, PromError::Kind::Cancelled);
        QCOMPARE(result.error.message, QStringLiteral("Cancelled"));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusServer)
#include "tst_prometheusserver.moc"
