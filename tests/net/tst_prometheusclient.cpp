// SPDX-License-Identifier: GPL-3.0-or-later
// PrometheusClient's requests and failures: the exact request (headers, auth, GET or POST
// form, parameters) against a loopback stub, what proxies and auth layers answer, TLS
// against rd-sim's HTTPS, and the service-proxy route through a kubeconfig connection.
#include "prometheusclient.h"
#include "prometheusfixture.h"
#include "prometheusstub.h"
#include "simfixture.h"

#include <QTemporaryDir>
#include <QTest>

#include <thread>

namespace {

PrometheusEndpoint direct(const QString &url, const QString &prefix)
{
    PrometheusEndpoint endpoint;
    endpoint.mode = PrometheusEndpoint::Mode::Direct;
    endpoint.isImplicit = false;
    endpoint.url = url;
    endpoint.pathPrefix = prefix;
    return endpoint;
}

// The labels the stub echoed for the one series it answers with.
StringMap echoed(const PromQueryResult &result)
{
    return result.series.isEmpty() ? StringMap() : result.series.first().labels;
}

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(content) == content.size();
}

} // namespace

class TestPrometheusClient : public QObject
{
    Q_OBJECT

private:
    PrometheusStub m_stub;
    SimFixture m_sim;
    QTemporaryDir m_dir;
    QString m_caFile;

    PrometheusEndpoint simEndpoint()
    {
        // A path the simulator serves nothing on: any answer proves the TLS handshake worked.
        return direct(m_sim.cluster().server().url(), QStringLiteral("/nothing"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_stub.start());
        QString error;
        QVERIFY2(m_sim.start(&error), qPrintable(error));
        m_caFile = m_dir.filePath(QStringLiteral("ca.pem"));
        QVERIFY(writeFile(m_caFile, m_sim.simulator().caPem()));
    }

    void cleanupTestCase() { m_stub.stop(); }

    void getWithHeadersAndBearerToken()
    {
        PrometheusEndpoint endpoint = direct(m_stub.url(), QStringLiteral("/echo"));
        endpoint.headers = {{QStringLiteral("X-Scope-OrgID"), QStringLiteral("team-a")}};
        endpoint.bearerToken = QStringLiteral("t0ken");
        PrometheusClient client(endpoint);
        const PromQueryResult result = client.query(QStringLiteral("up"), 1700000000250);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        const StringMap labels = echoed(result);
        QCOMPARE(labels.value(QStringLiteral("method")), QStringLiteral("GET"));
        QCOMPARE(labels.value(QStringLiteral("path")), QStringLiteral("/echo/api/v1/query"));
        QCOMPARE(labels.value(QStringLiteral("authorization")), QStringLiteral("Bearer t0ken"));
        QCOMPARE(labels.value(QStringLiteral("orgid")), QStringLiteral("team-a"));
        QCOMPARE(labels.value(QStringLiteral("user_agent")),
                 QStringLiteral("release-dashboard/0.1"));
        QCOMPARE(labels.value(QStringLiteral("query")), QStringLiteral("up"));
        QCOMPARE(labels.value(QStringLiteral("time")), QStringLiteral("1700000000.25"));
        QCOMPARE(labels.value(QStringLiteral("timeout")), QStringLiteral("25s"));
        QCOMPARE(result.series.first().samples.first().timestampMs, 1700000000500);
    }

    void longQueriesArePostedAsForms()
    {
        PrometheusClient client(direct(m_stub.url(), QStringLiteral("/echo")));
        client.setPostThreshold(10);
        client.setQueryTimeoutSeconds(0);
        const QString query = QStringLiteral("sum(rate(x{a=\"b c&d=e+f\"}[1m]))");
        const PromQueryResult result = client.query(query);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        const StringMap labels = echoed(result);
        QCOMPARE(labels.value(QStringLiteral("method")), QStringLiteral("POST"));
        QCOMPARE(labels.value(QStringLiteral("content_type")),
                 QStringLiteral("application/x-www-form-urlencoded"));
        QCOMPARE(labels.value(QStringLiteral("query")), query);
        QVERIFY(!labels.contains(QStringLiteral("time")));
        QVERIFY(!labels.contains(QStringLiteral("timeout")));
    }

    void rangeParametersAndStepClamp()
    {
        PrometheusClient client(direct(m_stub.url(), QStringLiteral("/echo")));
        const PromQueryResult result
            = client.queryRange(QStringLiteral("up"), 0, qint64(2592000) * 1000, 1000);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.stepMs, 235637);
        const StringMap labels = echoed(result);
        QCOMPARE(labels.value(QStringLiteral("path")), QStringLiteral("/echo/api/v1/query_range"));
        QCOMPARE(labels.value(QStringLiteral("start")), QStringLiteral("0"));
        QCOMPARE(labels.value(QStringLiteral("end")), QStringLiteral("2592000"));
        QCOMPARE(labels.value(QStringLiteral("step")), QStringLiteral("235.637"));
    }

    void seriesMatchers()
    {
        PrometheusClient client(direct(m_stub.url(), QStringLiteral("/echo")));
        // The stub answers series with a vector; only the request matters here.
        ServiceAnswer answer = client.connection()->send(
            QStringLiteral("/api/v1/series"),
            {{QStringLiteral("match[]"), QStringLiteral("up")},
             {QStringLiteral("match[]"), QStringLiteral("{job=\"a\"}")}},
            true);
        QCOMPARE(answer.status, 200);
        const PromQueryResult echo = PromDecoder().decodeQuery(answer.body);
        QCOMPARE(echoed(echo).value(QStringLiteral("match[]")), QStringLiteral("up|{job=\"a\"}"));
    }

    void rotatedCredentialFiles()
    {
        const QString passwordFile = m_dir.filePath(QStringLiteral("password"));
        QVERIFY(writeFile(passwordFile, "first\n"));
        PrometheusEndpoint endpoint = direct(m_stub.url(), QStringLiteral("/echo"));
        endpoint.username = QStringLiteral("grafana");
        endpoint.passwordFile = passwordFile;
        PrometheusClient client(endpoint);
        QCOMPARE(echoed(client.query(QStringLiteral("up"))).value(QStringLiteral("authorization")),
                 QString(QStringLiteral("Basic ")
                         + QString::fromLatin1(QByteArray("grafana:first").toBase64())));
        QVERIFY(writeFile(passwordFile, "second"));
        QCOMPARE(echoed(client.query(QStringLiteral("up"))).value(QStringLiteral("authorization")),
                 QString(QStringLiteral("Basic ")
                         + QString::fromLatin1(QByteArray("grafana:second").toBase64())));

        const QString tokenFile = m_dir.filePath(QStringLiteral("token"));
        QVERIFY(writeFile(tokenFile, "abc\n"));
        PrometheusEndpoint tokenEndpoint = direct(m_stub.url(), QStringLiteral("/echo"));
        tokenEndpoint.bearerTokenFile = tokenFile;
        PrometheusClient tokenClient(tokenEndpoint);
        QCOMPARE(
            echoed(tokenClient.query(QStringLiteral("up"))).value(QStringLiteral("authorization")),
            QStringLiteral("Bearer abc"));

        tokenEndpoint.bearerTokenFile = m_dir.filePath(QStringLiteral("missing"));
        PrometheusClient missing(tokenEndpoint);
        const PromQueryResult result = missing.query(QStringLiteral("up"));
        QCOMPARE(result.error.kind, PromError::Kind::Config);
        QCOMPARE(result.error.message,
                 QStringLiteral("Prometheus bearerTokenFile %1: cannot read it: No such file or "
                                "directory")
                     .arg(tokenEndpoint.bearerTokenFile));
    }

    void proxyPagesAndRateLimits()
    {
        PrometheusClient gateway(direct(m_stub.url(), QStringLiteral("/gateway")));
        PromQueryResult result = gateway.query(QStringLiteral("up"));
        QCOMPARE(result.error.kind, PromError::Kind::Http);
        QCOMPARE(result.error.message,
                 QStringLiteral("The server answered HTTP 502 instead of a Prometheus response: "
                                "502 Bad Gateway"));

        PrometheusClient limited(direct(m_stub.url(), QStringLiteral("/limited")));
        limited.setRetryPolicy(0, 0);
        int before = m_stub.requests();
        result = limited.query(QStringLiteral("up"));
        QCOMPARE(result.error.kind, PromError::Kind::TooManyRequests);
        QCOMPARE(result.error.retryAfterSeconds, 7);
        QCOMPARE(result.error.message,
                 QStringLiteral("Too many requests; the server asks to wait 7 s (HTTP 429): rate "
                                "limited"));
        QCOMPARE(m_stub.requests(), before + 1);
        // One retry, waiting at most 0 s instead of 7: still limited, two requests.
        limited.setRetryPolicy(1, 0);
        before = m_stub.requests();
        QCOMPARE(limited.query(QStringLiteral("up")).error.kind, PromError::Kind::TooManyRequests);
        QCOMPARE(m_stub.requests(), before + 2);

        PrometheusClient login(direct(m_stub.url(), QStringLiteral("/login")));
        result = login.query(QStringLiteral("up"));
        QCOMPARE(result.error.kind, PromError::Kind::Decode);
        QCOMPARE(result.error.message,
                 QStringLiteral("The answer is not a Prometheus API response: the body is not "
                                "JSON: Sign in"));
    }

    void busyServerIsRetried()
    {
        PrometheusClient flaky(direct(m_stub.url(), QStringLiteral("/flaky")));
        // The stub fails every odd-numbered request; make the next one odd.
        if (m_stub.requests() % 2 == 1)
            PrometheusClient(direct(m_stub.url(), QStringLiteral("/echo")))
                .query(QStringLiteral("up"));
        const int before = m_stub.requests();
        const PromQueryResult result = flaky.query(QStringLiteral("up"));
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(m_stub.requests(), before + 2);
    }

    void timeoutAndCancel()
    {
        m_stub.hold();
        PrometheusClient slow(direct(m_stub.url(), QStringLiteral("/slow")));
        HttpLimits limits;
        limits.totalTimeoutMs = 200;
        slow.setLimits(limits);
        PromQueryResult result = slow.query(QStringLiteral("up"));
        QCOMPARE(result.error.kind, PromError::Kind::NoAnswer);
        QVERIFY2(result.error.message.startsWith(QStringLiteral(
                     "The server did not answer in time: Operation timed out after")),
                 qPrintable(result.error.message));

        slow.setLimits(HttpLimits());
        CancelToken cancel;
        const int waitingBefore = m_stub.waiting();
        std::thread canceller([&] {
            while (m_stub.waiting() <= waitingBefore)
                std::this_thread::sleep_for(std::chrono::milliseconds(5));
            cancel.cancel();
        });
        result = slow.query(QStringLiteral("up"), -1, cancel);
        canceller.join();
        QCOMPARE(result.error.kind, PromError::Kind::Cancelled);
        QCOMPARE(result.error.message, QStringLiteral("Cancelled"));
        m_stub.release();
    }

    void unreachableAndUnconfigured()
    {
        PrometheusClient nobody(direct(
            QStringLiteral("http://127.0.0.1:%1").arg(PrometheusFixture::freePort()), QString()));
        PromQueryResult result = nobody.query(QStringLiteral("up"));
        QCOMPARE(result.error.kind, PromError::Kind::Network);
        QVERIFY2(result.error.message.startsWith(QStringLiteral("Cannot reach the server: ")),
                 qPrintable(result.error.message));

        PrometheusEndpoint off;
        off.mode = PrometheusEndpoint::Mode::Disabled;
        result = PrometheusClient(off).query(QStringLiteral("up"));
        QCOMPARE(result.error.kind, PromError::Kind::Config);
        QCOMPARE(result.error.message,
                 QStringLiteral("Metrics are turned off for this environment (prometheus: false)"));

        result = PrometheusClient(PrometheusEndpoint()).query(QStringLiteral("up"));
        QCOMPARE(result.error.message,
                 QStringLiteral("Prometheus service monitoring/prometheus:9090 needs the "
                                "environment's cluster connection"));
    }

    void tlsWithTheClustersCa()
    {
        PrometheusEndpoint endpoint = simEndpoint();
        endpoint.caFile = m_caFile;
        PromBuildInfo info = PrometheusClient(endpoint).buildInfo();
        QCOMPARE(PromError::kindName(info.error.kind), QStringLiteral("Forbidden"));
        QCOMPARE(info.error.httpStatus, 403);

        // Without the CA the handshake fails; skipping verification gets the same answer.
        info = PrometheusClient(simEndpoint()).buildInfo();
        QCOMPARE(info.error.kind, PromError::Kind::Tls);
        QVERIFY2(info.error.message.startsWith(QStringLiteral("Secure connection failed: ")),
                 qPrintable(info.error.message));
        endpoint = simEndpoint();
        endpoint.insecureSkipVerify = true;
        QCOMPARE(PrometheusClient(endpoint).buildInfo().error.httpStatus, 403);
    }

    void tlsServerName()
    {
        PrometheusEndpoint endpoint = simEndpoint();
        endpoint.caFile = m_caFile;
        endpoint.serverName = QStringLiteral("localhost");
        QCOMPARE(PrometheusClient(endpoint).buildInfo().error.httpStatus, 403);
        endpoint.serverName = QStringLiteral("prometheus.example");
        const PromBuildInfo info = PrometheusClient(endpoint).buildInfo();
        QCOMPARE(info.error.kind, PromError::Kind::Tls);
    }

    void clientCertificate()
    {
        // The simulator knows the user by the certificate: the anonymous 403 becomes a 404.
        const PemKeyPair pair = m_sim.simulator().certificateAuthority().issueClientCertificate(
            QStringLiteral("admin"), {});
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("admin.pem")), pair.certificatePem));
        QVERIFY(writeFile(m_dir.filePath(QStringLiteral("admin-key.pem")), pair.privateKeyPem));
        PrometheusEndpoint endpoint = simEndpoint();
        endpoint.caFile = m_caFile;
        endpoint.certFile = m_dir.filePath(QStringLiteral("admin.pem"));
        endpoint.keyFile = m_dir.filePath(QStringLiteral("admin-key.pem"));
        const PromBuildInfo info = PrometheusClient(endpoint).buildInfo();
        QCOMPARE(PromError::kindName(info.error.kind), QStringLiteral("NotFound"));

        endpoint.keyFile = m_dir.filePath(QStringLiteral("no-key.pem"));
        const PromBuildInfo missing = PrometheusClient(endpoint).buildInfo();
        QCOMPARE(missing.error.kind, PromError::Kind::Config);
        QCOMPARE(missing.error.message,
                 QStringLiteral("Prometheus tls.key %1: cannot read it: No such file or directory")
                     .arg(endpoint.keyFile));
    }

    void serviceProxyRoute()
    {
        SimCluster &cluster = m_sim.cluster();
        cluster.server().setRecording(true);
        cluster.server().takeRecordedRequests();
        PrometheusEndpoint endpoint; // the default: monitoring/prometheus:9090
        endpoint.headers = {{QStringLiteral("X-Scope-OrgID"), QStringLiteral("team-a")}};
        PrometheusClient client(endpoint, m_sim.connection(QStringLiteral("sim")));
        client.query(QStringLiteral("up"));
        client.setPostThreshold(1);
        client.query(QStringLiteral("up"));
        const QList<RecordedRequest> requests = cluster.server().takeRecordedRequests();
        cluster.server().setRecording(false);
        QCOMPARE(requests.size(), 2);
        const QString path = QStringLiteral(
            "/api/v1/namespaces/monitoring/services/prometheus:9090/proxy/api/v1/query");
        QCOMPARE(requests.at(0).method, QStringLiteral("GET"));
        QCOMPARE(requests.at(0).path, path);
        QCOMPARE(requests.at(0).query, QStringLiteral("query=up&timeout=25s"));
        QCOMPARE(requests.at(0).accept, QStringLiteral("application/json"));
        QCOMPARE(requests.at(0).user, QStringLiteral("admin"));
        QCOMPARE(requests.at(1).method, QStringLiteral("POST"));
        QCOMPARE(requests.at(1).path, path);
        QCOMPARE(requests.at(1).contentType, QStringLiteral("application/x-www-form-urlencoded"));
        QCOMPARE(requests.at(1).body, QByteArray("query=up&timeout=25s"));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusClient)
#include "tst_prometheusclient.moc"
