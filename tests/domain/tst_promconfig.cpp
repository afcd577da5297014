// SPDX-License-Identifier: GPL-3.0-or-later
// The `prometheus:` block of the environment config (domain/prometheus/prometheusconfig): both
// modes, defaults, file paths, and the exact error for each broken value, none of which may quote
// a secret.
#include "environmentconfig.h"

#include <QDir>
#include <QTest>

namespace {

const QString fileName = QStringLiteral("/etc/rd/config.yaml");

bool parse(const QByteArray &prometheusBlock, PrometheusEndpoint *out, QString *error)
{
    EnvironmentConfig config;
    const QByteArray yaml = "environments:\n  - name: prod\n" + prometheusBlock;
    if (!EnvironmentConfig::fromYaml(yaml, fileName, &config, error))
        return false;
    *out = config.environments().first().prometheus;
    return true;
}

} // namespace

class TestPromConfig : public QObject
{
    Q_OBJECT

private slots:
    void implicitDefault()
    {
        PrometheusEndpoint endpoint;
        QString error;
        QVERIFY2(parse(QByteArray(), &endpoint, &error), qPrintable(error));
        QCOMPARE(endpoint.mode, PrometheusEndpoint::Mode::ServiceProxy);
        QVERIFY(endpoint.isImplicit);
        QCOMPARE(endpoint.describe(), QStringLiteral("service monitoring/prometheus:9090"));
        QCOMPARE(endpoint.serviceProxyPath(),
                 QStringLiteral("/api/v1/namespaces/monitoring/services/prometheus:9090/proxy"));
        // Environments from the kubeconfig alone get the same default.
        const EnvironmentConfig contexts = EnvironmentConfig::fromContexts({QStringLiteral("a")});
        QCOMPARE(contexts.environments().first().prometheus, PrometheusEndpoint());
    }

    void disabledAndExplicitDefault()
    {
        PrometheusEndpoint endpoint;
        QString error;
        QVERIFY2(parse("    prometheus: false\n", &endpoint, &error), qPrintable(error));
        QCOMPARE(endpoint.mode, PrometheusEndpoint::Mode::Disabled);
        QVERIFY(!endpoint.isEnabled());
        QVERIFY(!endpoint.isImplicit);
        QVERIFY2(parse("    prometheus: {}\n", &endpoint, &error), qPrintable(error));
        QCOMPARE(endpoint.mode, PrometheusEndpoint::Mode::ServiceProxy);
        QVERIFY(!endpoint.isImplicit);
        QCOMPARE(endpoint.serviceName, QStringLiteral("prometheus"));
    }

    void direct()
    {
        PrometheusEndpoint endpoint;
        QString error;
        QVERIFY2(parse(R"(    prometheus:
      url: https://mimir.example:8080/
      pathPrefix: /prometheus/
      headers: { X-Scope-OrgID: team-a, X-Extra: "1" }
      basicAuth: { username: grafana, passwordFile: secrets/prom-pass }
      tls:
        ca: ca.pem
        cert: /pki/client.pem
        key: ~/client-key.pem
        insecureSkipVerify: false
        serverName: mimir.internal
)",
                       &endpoint, &error),
                 qPrintable(error));
        QCOMPARE(endpoint.mode, PrometheusEndpoint::Mode::Direct);
        QCOMPARE(endpoint.url, QStringLiteral("https://mimir.example:8080"));
        QCOMPARE(endpoint.pathPrefix, QStringLiteral("/prometheus"));
        QCOMPARE(endpoint.describe(), QStringLiteral("https://mimir.example:8080/prometheus"));
        QCOMPARE(endpoint.headers,
                 (QList<QPair<QString, QString>> {
                     {QStringLiteral("X-Scope-OrgID"), QStringLiteral("team-a")},
                     {QStringLiteral("X-Extra"), QStringLiteral("1")}}));
        QCOMPARE(endpoint.username, QStringLiteral("grafana"));
        QVERIFY(endpoint.password.isEmpty());
        QCOMPARE(endpoint.passwordFile, QStringLiteral("/etc/rd/secrets/prom-pass"));
        QCOMPARE(endpoint.caFile, QStringLiteral("/etc/rd/ca.pem"));
        QCOMPARE(endpoint.certFile, QStringLiteral("/pki/client.pem"));
        QCOMPARE(endpoint.keyFile, QDir::home().filePath(QStringLiteral("client-key.pem")));
        QCOMPARE(endpoint.insecureSkipVerify, false);
        QCOMPARE(endpoint.serverName, QStringLiteral("mimir.internal"));
    }

    void bearerToken()
    {
        PrometheusEndpoint endpoint;
        QString error;
        QVERIFY2(
            parse("    prometheus: { url: 'http://127.0.0.1:9090', bearerToken: s3cr3t-t0ken }\n",
                  &endpoint, &error),
            qPrintable(error));
        QCOMPARE(endpoint.bearerToken, QStringLiteral("s3cr3t-t0ken"));
        QString debugText;
        QDebug(&debugText) << endpoint;
        QCOMPARE(debugText,
                 QStringLiteral("ServiceEndpoint(http://127.0.0.1:9090, bearerToken=<redacted>) "));
    }

    void service()
    {
        PrometheusEndpoint endpoint;
        QString error;
        QVERIFY2(
            parse("    prometheus:\n      service: { namespace: openshift-monitoring, name: "
                  "thanos-querier, port: web, scheme: https }\n      headers: { X-Scope-OrgID: "
                  "t }\n",
                  &endpoint, &error),
            qPrintable(error));
        QCOMPARE(endpoint.mode, PrometheusEndpoint::Mode::ServiceProxy);
        QCOMPARE(endpoint.serviceProxyPath(),
                 QStringLiteral("/api/v1/namespaces/openshift-monitoring/services/"
                                "https:thanos-querier:web/proxy"));
        QCOMPARE(endpoint.describe(),
                 QStringLiteral("service openshift-monitoring/https:thanos-querier:web"));
    }

    void errors_data()
    {
        QTest::addColumn<QByteArray>("block");
        QTest::addColumn<QString>("error");
        const QString p = fileName + QStringLiteral(":%1: environments[0].prometheus");
        QTest::addRow("scalar") << QByteArray("    prometheus: http://x\n")
                                << p.arg(3) + ": must be a mapping, or false to turn metrics off";
        QTest::addRow("unknown key") << QByteArray("    prometheus: { address: x }\n")
                                     << p.arg(3)
                + ": unknown key 'address' (expected one of: url, pathPrefix, headers, "
                  "bearerToken, "
                  "bearerTokenFile, basicAuth, tls, service)";
        QTest::addRow("url and service")
            << QByteArray("    prometheus:\n      url: http://a\n      service: {}\n")
            << p.arg(5) + ": set 'url' or 'service', not both";
        QTest::addRow("bad url") << QByteArray("    prometheus: { url: 'ftp://a' }\n")
                                 << p.arg(3) + ".url: 'ftp://a' is not an http or https URL";
        QTest::addRow("url with password")
            << QByteArray("    prometheus: { url: 'https://u:hunter2@a' }\n")
            << p.arg(3) + ".url: must not contain credentials; use basicAuth";
        QTest::addRow("url with query")
            << QByteArray("    prometheus: { url: 'https://a/?x=1' }\n")
            << p.arg(3) + ".url: 'https://a/?x=1' must not have a query or fragment";
        QTest::addRow("prefix") << QByteArray(
            "    prometheus: { url: 'https://a', pathPrefix: p }\n")
                                << p.arg(3) + ".pathPrefix: 'p' must be a path starting with '/'";
        QTest::addRow("token not a string")
            << QByteArray("    prometheus:\n      url: https://a\n      bearerToken: [hunter2]\n")
            << p.arg(5) + ".bearerToken: must be a non-empty string";
        QTest::addRow("token twice")
            << QByteArray("    prometheus:\n      url: https://a\n      bearerToken: hunter2\n"
                          "      bearerTokenFile: t\n")
            << p.arg(6) + ": set bearerToken or bearerTokenFile, not both";
        QTest::addRow("token and basic")
            << QByteArray("    prometheus:\n      url: https://a\n      bearerToken: hunter2\n"
                          "      basicAuth: { username: u, password: hunter2 }\n")
            << p.arg(6) + ": set a bearer token or basicAuth, not both";
        QTest::addRow("basic without password")
            << QByteArray(
                   "    prometheus:\n      url: https://a\n      basicAuth: { username: u }\n")
            << p.arg(5) + ".basicAuth: 'password' or 'passwordFile' is missing";
        QTest::addRow("basic without username") << QByteArray(
            "    prometheus:\n      url: https://a\n      basicAuth: { password: hunter2 }\n")
                                                << p.arg(5) + ".basicAuth: 'username' is missing";
        QTest::addRow("password twice")
            << QByteArray(
                   "    prometheus:\n      url: https://a\n      basicAuth:\n        username: u\n"
                   "        password: hunter2\n        passwordFile: f\n")
            << p.arg(8) + ".basicAuth: set password or passwordFile, not both";
        QTest::addRow("cert without key")
            << QByteArray("    prometheus:\n      url: https://a\n      tls: { cert: c.pem }\n")
            << p.arg(5) + ".tls: 'cert' and 'key' must be set together";
        QTest::addRow("insecure not bool") << QByteArray(
            "    prometheus:\n      url: https://a\n      tls: { insecureSkipVerify: maybe }\n")
                                           << p.arg(5)
                + ".tls.insecureSkipVerify: must be true or false";
        QTest::addRow("tls with service")
            << QByteArray("    prometheus:\n      service: { name: prom }\n      tls: { ca: x }\n")
            << p.arg(5)
                + ".tls: only used with 'url'; through the service proxy the kubeconfig's "
                  "credentials apply";
        QTest::addRow("token with service")
            << QByteArray("    prometheus:\n      bearerToken: hunter2\n")
            << p.arg(4)
                + ".bearerToken: only used with 'url'; through the service proxy the kubeconfig's "
                  "credentials apply";
        QTest::addRow("service port")
            << QByteArray("    prometheus: { service: { port: 70000 } }\n")
            << p.arg(3) + ".service.port: '70000' is not a port number (1-65535) or port name";
        QTest::addRow("service scheme")
            << QByteArray("    prometheus: { service: { scheme: ftp } }\n")
            << p.arg(3) + ".service.scheme: 'ftp' must be http or https";
        QTest::addRow("service name")
            << QByteArray("    prometheus: { service: { name: Prom_1 } }\n")
            << p.arg(3) + ".service.name: 'Prom_1' is not a valid service name";
        QTest::addRow("service unknown key")
            << QByteArray("    prometheus: { service: { ns: x } }\n")
            << p.arg(3)
                + ".service: unknown key 'ns' (expected one of: namespace, name, port, scheme)";
        QTest::addRow("header name")
            << QByteArray("    prometheus: { url: 'https://a', headers: { 'X Bad': 1 } }\n")
            << p.arg(3) + ".headers: 'X Bad' is not a valid header name";
        QTest::addRow("header value") << QByteArray("    prometheus:\n      url: https://a\n      "
                                                    "headers:\n        X-Key: \"hunter2\\nx\"\n")
                                      << p.arg(6) + ".headers.X-Key: must not contain line breaks";
        QTest::addRow("reserved header")
            << QByteArray("    prometheus: { url: 'https://a', headers: { Host: x } }\n")
            << p.arg(3) + ".headers: 'Host' is set by the client";
        QTest::addRow("authorization and token")
            << QByteArray("    prometheus:\n      url: https://a\n      bearerToken: hunter2\n"
                          "      headers: { Authorization: Bearer hunter2 }\n")
            << p.arg(6)
                + ".headers: 'Authorization' cannot be combined with a bearer token, basicAuth or "
                  "the service proxy";
    }

    void errors()
    {
        QFETCH(QByteArray, block);
        QFETCH(QString, error);
        PrometheusEndpoint endpoint;
        QString actual;
        QVERIFY(!parse(block, &endpoint, &actual));
        QCOMPARE(actual, error);
        QVERIFY2(!actual.contains(QStringLiteral("hunter2")), "a secret leaked into an error");
    }
};

QTEST_GUILESS_MAIN(TestPromConfig)
#include "tst_promconfig.moc"
