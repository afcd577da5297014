// SPDX-License-Identifier: GPL-3.0-or-later
// The whole metric path with real parts: rd-sim runs a canary paused at 25 %, the real
// Prometheus 2.42 scrapes rd-sim's /metrics over HTTPS (the cluster's CA, a user's bearer
// token) every second, and PrometheusClient reads the canary and stable series back.
#include "simscrape.h"

#include "metrics/syntheticmetrics.h"

#include <QTest>

#include <cmath>

using namespace rdsim;

namespace {

const QString ratesByRole = QStringLiteral(
    "avg by (role) "
    "(irate(rd_http_requests_total{namespace=\"payments\",rollout=\"payments-api\"}[5s]))");

} // namespace

class TestPrometheusSim : public QObject
{
    Q_OBJECT

private:
    SimScrape m_scrape;
    PrometheusFixture &m_prometheus = m_scrape.prometheus();

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_scrape.start(&error), qPrintable(error));
    }

    void cleanupTestCase() { m_scrape.stop(); }

    void canaryAndStableRates()
    {
        PrometheusClient client(m_prometheus.directEndpoint());
        PromQueryResult result;
        // irate: the last two scrapes (one second apart), so the first pair already gives the
        // true rate; rate() over a window the series only partly covers would extrapolate
        // from too little and report a fraction of it.
        QTRY_VERIFY_WITH_TIMEOUT((result = client.query(ratesByRole), result.series.size() == 2),
                                 15000);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        sortSeriesByLabels(result.series); // an instant vector comes in no fixed order
        QCOMPARE(result.series.at(0).labels,
                 (StringMap {{QStringLiteral("role"), QStringLiteral("canary")}}));
        QCOMPARE(result.series.at(1).labels,
                 (StringMap {{QStringLiteral("role"), QStringLiteral("stable")}}));
        // 40 requests per second per pod, with the simulator's small wobble.
        for (const PromSeries &series : std::as_const(result.series)) {
            const double perPod = series.samples.first().value;
            QVERIFY2(perPod > 30 && perPod < 50, qPrintable(QString::number(perPod)));
        }

        // The canary's error ratio is the scenario's 20 %, the stable one's 1 %.
        PromQueryResult errors = client.query(QStringLiteral(
            "sum by (role) (irate(rd_http_request_errors_total{rollout=\"payments-api\"}[5s])) / "
            "sum by (role) (irate(rd_http_requests_total{rollout=\"payments-api\"}[5s]))"));
        QVERIFY2(errors.isOk(), qPrintable(errors.error.message));
        sortSeriesByLabels(errors.series);
        QCOMPARE(errors.series.size(), 2);
        const double canary = errors.series.at(0).samples.first().value;
        const double stable = errors.series.at(1).samples.first().value;
        QVERIFY2(canary > 0.15 && canary < 0.25, qPrintable(QString::number(canary)));
        QVERIFY2(stable > 0.005 && stable < 0.02, qPrintable(QString::number(stable)));

        // The scrape itself: up, over HTTPS with the token.
        const PromQueryResult up = client.query(QStringLiteral("up{job=\"rd-sim\"}"));
        QCOMPARE(up.series.size(), 1);
        QCOMPARE(up.series.first().samples.first().value, 1.0);
    }

    void istioSeriesAgreeWithRdHttp()
    {
        // Istio's series of the same pods, scraped with rd_http's in the same scrapes: each
        // ratio is of two series sampled at the same times, so it is exact (up to rounding).
        PrometheusClient client(m_prometheus.directEndpoint());
        const QString ratios[] = {
            QStringLiteral("sum(irate(istio_requests_total{reporter=\"destination\","
                           "destination_workload=\"payments-api\"}[5s])) / "
                           "sum(irate(rd_http_requests_total{rollout=\"payments-api\"}[5s]))"),
            QStringLiteral(
                "sum(irate(istio_requests_total{destination_workload=\"payments-api\","
                "response_code=\"503\"}[5s])) / "
                "sum(irate(rd_http_request_errors_total{rollout=\"payments-api\"}[5s]))"),
            // Between 5 ms and 10 s both histograms have the same bounds: the p99 in
            // milliseconds is exactly a thousand times the one in seconds.
            QStringLiteral("histogram_quantile(0.99, sum by (le) (irate("
                           "istio_request_duration_milliseconds_bucket{destination_workload="
                           "\"payments-api\"}[5s]))) / histogram_quantile(0.99, sum by (le) ("
                           "irate(rd_http_request_duration_seconds_bucket{rollout=\"payments-api\"}"
                           "[5s])))")};
        const double expected[] = {1, 1, 1000};
        for (int i = 0; i < 3; ++i) {
            PromQueryResult result;
            QTRY_VERIFY_WITH_TIMEOUT((result = client.query(ratios[i]), result.series.size() == 1),
                                     15000);
            const double value = result.series.first().samples.first().value;
            QVERIFY2(std::abs(value - expected[i]) <= 1e-6 * expected[i],
                     qPrintable(QStringLiteral("%1: %2").arg(ratios[i]).arg(value, 0, 'g', 17)));
        }
        // The primary of a Flagger canary would be its own workload; here the canary's and the
        // stable's pods are all the rollout's, one series per pod and response code.
        const PromQueryResult pods = client.query(QStringLiteral(
            "count by (destination_workload_namespace) (istio_requests_total{reporter="
            "\"destination\",destination_workload=\"payments-api\",response_code=\"200\"})"));
        QVERIFY2(pods.isOk(), qPrintable(pods.error.message));
        QCOMPARE(pods.series.size(), 1);
        QCOMPARE(pods.series.first().labels.value(QStringLiteral("destination_workload_namespace")),
                 QStringLiteral("payments"));
        QVERIFY(pods.series.first().samples.first().value >= 2); // a stable and a canary pod
    }

    void rangeQueryOverTheScrapes()
    {
        PrometheusClient client(m_prometheus.directEndpoint());
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const PromQueryResult result = client.queryRange(
            QStringLiteral("sum by (role) (rd_http_requests_total{rollout=\"payments-api\"})"),
            now - 60000, now, 1000);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.series.size(), 2);
        for (const PromSeries &series : std::as_const(result.series)) {
            QVERIFY(series.samples.size() >= 2);
            // Counters never go down while nothing is promoted.
            for (qsizetype i = 1; i < series.samples.size(); ++i)
                QVERIFY(series.samples.at(i).value >= series.samples.at(i - 1).value);
        }
    }
};

QTEST_GUILESS_MAIN(TestPrometheusSim)
#include "tst_prometheussim.moc"
