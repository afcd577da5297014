// SPDX-License-Identifier: GPL-3.0-or-later
// MetricQuerier: results arrive by queued signal, the latest request per key wins (stale
// requests cancelled, stale answers never delivered), the LRU cache, and errors for
// environments without a usable Prometheus. The server is the loopback stub of the net
// tests, which can hold a request until released.
#include "../net/prometheusstub.h"
#include "metricquerier.h"

#include <QSignalSpy>
#include <QTest>

namespace {

EnvironmentSpec environment(const QString &name, const QString &url, const QString &prefix)
{
    EnvironmentSpec spec;
    spec.name = name;
    spec.context = name;
    spec.prometheus.mode = PrometheusEndpoint::Mode::Direct;
    spec.prometheus.isImplicit = false;
    spec.prometheus.url = url;
    spec.prometheus.pathPrefix = prefix;
    return spec;
}

MetricQuery request(const QString &key, const QString &environment, const QString &query,
                    qint64 startMs = 1700000000000)
{
    return MetricQuery {key, environment, query, startMs, startMs + 3600000, 15000};
}

QString echoedQuery(const MetricQueryResult &result)
{
    return result.result.series.isEmpty()
        ? QString()
        : result.result.series.first().labels.value(QStringLiteral("query"));
}

MetricQueryResult resultAt(const QSignalSpy &spy, int index)
{
    return spy.at(index).at(0).value<MetricQueryResult>();
}

} // namespace

class TestMetricQuerier : public QObject
{
    Q_OBJECT

private:
    PrometheusStub m_stub;
    QList<EnvironmentSpec> m_environments;

private slots:
    void initTestCase()
    {
        QVERIFY(m_stub.start());
        EnvironmentSpec off;
        off.name = QStringLiteral("off");
        off.prometheus.mode = PrometheusEndpoint::Mode::Disabled;
        EnvironmentSpec proxied; // the default service proxy, in a context nobody has
        proxied.name = QStringLiteral("proxied");
        proxied.context = QStringLiteral("gone");
        m_environments
            = {environment(QStringLiteral("fast"), m_stub.url(), QStringLiteral("/echo")),
               environment(QStringLiteral("slow"), m_stub.url(), QStringLiteral("/slow")), off,
               proxied};
    }

    void cleanupTestCase() { m_stub.stop(); }

    void resultThenCacheHit()
    {
        MetricQuerier querier(Kubeconfig(), m_environments);
        QSignalSpy spy(&querier, &MetricQuerier::resultReady);
        const MetricQuery asked = request(QStringLiteral("chart-1"), QStringLiteral("fast"),
                                          QStringLiteral("rate(x[1m])"));
        const quint64 generation = querier.request(asked);
        QTRY_COMPARE(spy.count(), 1);
        MetricQueryResult result = resultAt(spy, 0);
        QCOMPARE(result.request, asked);
        QCOMPARE(result.generation, generation);
        QVERIFY2(result.result.isOk(), qPrintable(result.result.error.message));
        QVERIFY(!result.fromCache);
        QCOMPARE(result.result.stepMs, 15000);
        const StringMap labels = result.result.series.first().labels;
        QCOMPARE(labels.value(QStringLiteral("query")), QStringLiteral("rate(x[1m])"));
        QCOMPARE(labels.value(QStringLiteral("start")), QStringLiteral("1700000000"));
        QCOMPARE(labels.value(QStringLiteral("end")), QStringLiteral("1700003600"));
        QCOMPARE(labels.value(QStringLiteral("step")), QStringLiteral("15"));

        // The same range again (another chart showing it): from the cache, no request.
        const int sent = m_stub.requests();
        const quint64 second = querier.request(asked);
        QCOMPARE(spy.count(), 1); // never delivered from inside request()
        QTRY_COMPARE(spy.count(), 2);
        result = resultAt(spy, 1);
        QVERIFY(result.fromCache);
        QCOMPARE(result.generation, second);
        QCOMPARE(result.result.series, resultAt(spy, 0).result.series);
        QCOMPARE(m_stub.requests(), sent);
        QCOMPARE(querier.stats().cacheHits, 1);
        QCOMPARE(querier.stats().sent, 1);
    }

    void latestRequestWinsAndCancelsTheOlder()
    {
        m_stub.hold();
        MetricQuerier querier(Kubeconfig(), m_environments);
        QSignalSpy spy(&querier, &MetricQuerier::resultReady);
        const int waiting = m_stub.waiting();
        querier.request(
            request(QStringLiteral("chart"), QStringLiteral("slow"), QStringLiteral("old")));
        QTRY_COMPARE(m_stub.waiting(), waiting + 1); // in flight, held by the server
        const quint64 newest = querier.request(
            request(QStringLiteral("chart"), QStringLiteral("fast"), QStringLiteral("new")));
        // The older query is cancelled while it waits for its answer, so the newer one runs
        // without waiting for the server to release it.
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(resultAt(spy, 0).generation, newest);
        QCOMPARE(echoedQuery(resultAt(spy, 0)), QStringLiteral("new"));
        QCOMPARE(querier.stats().cancelled, 1);
        m_stub.release();
    }

    void staleAnswersAreNeverDelivered()
    {
        MetricQuerier querier(Kubeconfig(), m_environments);
        QSignalSpy spy(&querier, &MetricQuerier::resultReady);
        // Ten requests of one key in a row, faster than any answer: only the last arrives.
        quint64 last = 0;
        for (int i = 0; i < 10; ++i) {
            last = querier.request(request(QStringLiteral("chart"), QStringLiteral("fast"),
                                           QStringLiteral("q%1").arg(i)));
        }
        // Another key is independent.
        querier.request(
            request(QStringLiteral("other"), QStringLiteral("fast"), QStringLiteral("other")));
        QTRY_COMPARE(spy.count(), 2);
        // Answers come in request order through one queue, so nothing older can follow.
        QCoreApplication::processEvents();
        QCOMPARE(spy.count(), 2);
        QCOMPARE(resultAt(spy, 0).generation, last);
        QCOMPARE(echoedQuery(resultAt(spy, 0)), QStringLiteral("q9"));
        QCOMPARE(echoedQuery(resultAt(spy, 1)), QStringLiteral("other"));
        const MetricQuerier::Stats stats = querier.stats();
        QCOMPARE(stats.cancelled + stats.dropped, 9);
    }

    void cancelledKeyGetsNothing()
    {
        m_stub.hold();
        MetricQuerier querier(Kubeconfig(), m_environments);
        QSignalSpy spy(&querier, &MetricQuerier::resultReady);
        const int waiting = m_stub.waiting();
        querier.request(
            request(QStringLiteral("closed"), QStringLiteral("slow"), QStringLiteral("q")));
        QTRY_COMPARE(m_stub.waiting(), waiting + 1);
        querier.cancel(QStringLiteral("closed"));
        QTRY_COMPARE(querier.stats().cancelled, 1);
        // The worker is free again: a later request is answered, the cancelled one never.
        querier.request(
            request(QStringLiteral("open"), QStringLiteral("fast"), QStringLiteral("later")));
        QTRY_COMPARE(spy.count(), 1);
        QCOMPARE(echoedQuery(resultAt(spy, 0)), QStringLiteral("later"));
        m_stub.release();
    }

    void lruEviction()
    {
        MetricQuerier querier(Kubeconfig(), m_environments);
        querier.setCacheCapacity(2);
        QSignalSpy spy(&querier, &MetricQuerier::resultReady);
        const QStringList queries
            = {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("a")};
        for (qsizetype i = 0; i < queries.size(); ++i) {
            querier.request(request(queries.at(i), QStringLiteral("fast"), queries.at(i)));
            QTRY_COMPARE(spy.count(), i + 1);
        }
        // "a" was pushed out by "b" and "c": asked again, it went to the server.
        QVERIFY(!resultAt(spy, 3).fromCache);
        QCOMPARE(querier.stats().sent, 4);
        querier.request(request(QStringLiteral("c"), QStringLiteral("fast"), QStringLiteral("c")));
        QTRY_COMPARE(spy.count(), 5);
        QVERIFY(resultAt(spy, 4).fromCache);
    }

    void environmentsWithoutPrometheus()
    {
        MetricQuerier querier(Kubeconfig(), m_environments);
        QSignalSpy spy(&querier, &MetricQuerier::resultReady);
        querier.request(request(QStringLiteral("1"), QStringLiteral("off"), QStringLiteral("up")));
        querier.request(request(QStringLiteral("2"), QStringLiteral("nope"), QStringLiteral("up")));
        querier.request(
            request(QStringLiteral("3"), QStringLiteral("proxied"), QStringLiteral("up")));
        QTRY_COMPARE(spy.count(), 3);
        QCOMPARE(resultAt(spy, 0).result.error.kind, PromError::Kind::Config);
        QCOMPARE(resultAt(spy, 0).result.error.message,
                 QStringLiteral("Metrics are turned off for this environment (prometheus: false)"));
        QCOMPARE(resultAt(spy, 1).result.error.message,
                 QStringLiteral("Unknown environment 'nope'"));
        QCOMPARE(resultAt(spy, 2).result.error.kind, PromError::Kind::Config);
        // No kubeconfig file at all, hence nothing after "in".
        QCOMPARE(resultAt(spy, 2).result.error.message,
                 QStringLiteral("Context \"gone\" not found in "));
    }

    void stopIsPromptAndFinal()
    {
        m_stub.hold();
        MetricQuerier querier(Kubeconfig(), m_environments);
        QSignalSpy spy(&querier, &MetricQuerier::resultReady);
        const int waiting = m_stub.waiting();
        querier.request(request(QStringLiteral("k"), QStringLiteral("slow"), QStringLiteral("q")));
        QTRY_COMPARE(m_stub.waiting(), waiting + 1);
        QElapsedTimer timer;
        timer.start();
        querier.stop();
        QVERIFY(timer.elapsed() < 3000); // the server would hold it for 5 s
        QVERIFY(!querier.isRunning());
        querier.request(request(QStringLiteral("k"), QStringLiteral("fast"), QStringLiteral("q")));
        QCoreApplication::processEvents();
        QCOMPARE(spy.count(), 0);
        m_stub.release();
    }
};

QTEST_GUILESS_MAIN(TestMetricQuerier)
#include "tst_metricquerier.moc"
