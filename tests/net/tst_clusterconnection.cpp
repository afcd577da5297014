// SPDX-License-Identifier: GPL-3.0-or-later
#include "clusterconnection.h"
#include "kubeconfigloader.h"

#include <QTest>

class TestClusterConnection : public QObject
{
    Q_OBJECT

private:
    static QString dir() { return QStringLiteral(RD_TEST_DATA_DIR "/net/kubeconfig"); }
    static QString file(const QString &name) { return dir() + QLatin1Char('/') + name; }
    static Kubeconfig load(const QStringList &names)
    {
        KubeconfigSource source;
        QStringList paths;
        for (const QString &name : names)
            paths << file(name);
        source.kubeconfigEnv = paths.join(QLatin1Char(':'));
        Kubeconfig config;
        QString error;
        if (!KubeconfigLoader::load(source, &config, &error))
            qFatal("cannot load the fixture: %s", qPrintable(error));
        return config;
    }

private slots:
    void resolvesCertificateUserAndFiles()
    {
        const Kubeconfig config = load({QStringLiteral("a.yaml"), QStringLiteral("b.yaml")});
        ClusterConnection c;
        QString error;
        QVERIFY2(ClusterConnection::resolve(config, QStringLiteral("ctx-a"), &c, &error),
                 qPrintable(error));
        QCOMPARE(c.contextName, QStringLiteral("ctx-a"));
        QCOMPARE(c.clusterName, QStringLiteral("shared"));
        QCOMPARE(c.userName, QStringLiteral("shared-user"));
        QCOMPARE(c.namespaceName, QStringLiteral("shop"));
        QCOMPARE(c.server, QStringLiteral("https://a.example:6443"));
        QCOMPARE(c.caPem,
                 QByteArray("-----BEGIN CERTIFICATE-----\nfixture-ca-a\n"
                            "-----END CERTIFICATE-----\n"));
        QCOMPARE(c.tlsServerName, QStringLiteral("api.a.example"));
        QCOMPARE(c.proxyUrl, QStringLiteral("socks5://proxy.example:1080"));
        QCOMPARE(c.disableCompression, true);
        QCOMPARE(c.clientCertificatePem,
                 QByteArray("-----BEGIN CERTIFICATE-----\nfixture-client-cert\n"
                            "-----END CERTIFICATE-----\n"));
        QCOMPARE(c.clientKeyPem,
                 QByteArray("-----BEGIN PRIVATE KEY-----\nfixture-client-key\n"
                            "-----END PRIVATE KEY-----\n"));
        QCOMPARE(c.token, QString());
        QVERIFY(!c.exec.has_value());
        QVERIFY(c.warnings.isEmpty());
    }

    void currentContextAndDataAndPrefix()
    {
        const Kubeconfig config = load({QStringLiteral("a.yaml"), QStringLiteral("b.yaml")});
        ClusterConnection c;
        QString error;
        QVERIFY2(ClusterConnection::resolve(config, QString(), &c, &error), qPrintable(error));
        QCOMPARE(c.contextName, QStringLiteral("ctx-b"));
        QCOMPARE(c.namespaceName, QStringLiteral("default"));
        QCOMPARE(c.server, QStringLiteral("https://only-b.example:8443/prefix"));
        QCOMPARE(c.caPem,
                 QByteArray("-----BEGIN CERTIFICATE-----\nfixture-ca-b\n"
                            "-----END CERTIFICATE-----\n"));
        // shared-user comes from a.yaml (first definition), so no token from b.yaml.
        QCOMPARE(c.token, QString());
        QVERIFY(!c.clientCertificatePem.isEmpty());
    }

    void tokenFileIsKeptAsPath()
    {
        const Kubeconfig config = load({QStringLiteral("a.yaml")});
        ClusterConnection c;
        QString error;
        QVERIFY2(ClusterConnection::resolve(config, QStringLiteral("shared-ctx"), &c, &error),
                 qPrintable(error));
        QCOMPARE(c.tokenFile, file(QStringLiteral("tokens/dev.token")));
        QCOMPARE(c.insecureSkipTlsVerify, true);
        QCOMPARE(c.server, QStringLiteral("https://only-a.example"));
    }

    void bareHostGetsScheme()
    {
        const Kubeconfig config = load({QStringLiteral("validation.yaml")});
        ClusterConnection c;
        QString error;
        QVERIFY2(ClusterConnection::resolve(config, QStringLiteral("bare-host"), &c, &error),
                 qPrintable(error));
        QCOMPARE(c.server, QStringLiteral("https://10.0.0.1:6443"));
        QCOMPARE(c.userName, QString());
    }

    void dataWinsOverPathWithWarning()
    {
        const Kubeconfig config = load({QStringLiteral("validation.yaml")});
        ClusterConnection c;
        QString error;
        QVERIFY2(ClusterConnection::resolve(config, QStringLiteral("both-ca-data"), &c, &error),
                 qPrintable(error));
        QCOMPARE(c.clientCertificatePem, QByteArray("data-cert"));
        QCOMPARE(c.warnings,
                 QStringList {file(QStringLiteral("validation.yaml"))
                              + QStringLiteral(": user \"both-ca-data\": both client-certificate "
                                               "and client-certificate-data are given; the data "
                                               "is used")});
    }

    void execDefaultsInteractiveMode()
    {
        const Kubeconfig config = load({QStringLiteral("validation.yaml")});
        ClusterConnection c;
        QString error;
        QVERIFY2(ClusterConnection::resolve(config, QStringLiteral("exec-defaults"), &c, &error),
                 qPrintable(error));
        QVERIFY(c.exec.has_value());
        // v1beta1 defaults to IfAvailable; the kubeconfig itself left it empty.
        QCOMPARE(c.exec->interactiveMode, QStringLiteral("IfAvailable"));
        QVERIFY(config.user(QStringLiteral("exec-defaults"))->exec->interactiveMode.isEmpty());
        QCOMPARE(c.exec->command, QStringLiteral("kubelogin"));
        QCOMPARE(c.namespaceName, QStringLiteral("team-a"));
    }

    void validationErrors_data()
    {
        QTest::addColumn<QString>("context");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *context, const QString &expected) {
            QTest::newRow(context) << QString::fromLatin1(context) << expected;
        };
        const QString f = file(QStringLiteral("validation.yaml")) + QStringLiteral(": ");
        row("no-cluster", f + QStringLiteral("context \"no-cluster\": no cluster given"));
        row("missing-cluster",
            f + QStringLiteral("context \"missing-cluster\": cluster \"ghost\" not found"));
        row("missing-user",
            f + QStringLiteral("context \"missing-user\": user \"ghost\" not found"));
        row("bad-namespace",
            f
                + QStringLiteral("context \"bad-namespace\": namespace \"Shop_1\" is "
                                 "not a valid DNS label"));
        row("no-server", f + QStringLiteral("cluster \"no-server\": no server found"));
        row("bad-server",
            f
                + QStringLiteral("cluster \"bad-server\": server "
                                 "\"ftp://files.example\" is not an http or https URL"));
        row("ca-missing",
            f
                + QStringLiteral("cluster \"ca-missing\": cannot read "
                                 "certificate-authority %1: No such file or directory")
                      .arg(file(QStringLiteral("missing/ca.pem"))));
        row("ca-and-insecure",
            f
                + QStringLiteral("cluster \"ca-and-insecure\": "
                                 "certificate-authority and "
                                 "insecure-skip-tls-verify cannot both be set"));
        row("bad-proxy",
            f
                + QStringLiteral("cluster \"bad-proxy\": proxy-url "
                                 "\"ftp://proxy.example\" must be an http, https or "
                                 "socks5 URL"));
        row("secret-proxy",
            f
                + QStringLiteral("cluster \"secret-proxy\": proxy-url "
                                 "\"ftp://[redacted]@proxy.example:21\" must be an http, "
                                 "https or socks5 URL"));
        row("dev-admin",
            f + QStringLiteral("user \"dev-admin\": client-certificate given without client-key"));
        row("key-no-cert",
            f
                + QStringLiteral("user \"key-no-cert\": client-key given without "
                                 "client-certificate"));
        row("token-and-basic",
            f
                + QStringLiteral("user \"token-and-basic\": more than one "
                                 "authentication method found (token and basic "
                                 "auth); only one is allowed"));
        row("gcp",
            f
                + QStringLiteral("user \"gcp\": the auth-provider \"gcp\" is not supported; "
                                 "use an exec credential plugin instead"));
        row("provider-and-exec",
            f
                + QStringLiteral("user \"provider-and-exec\": auth-provider "
                                 "and exec cannot both be set"));
        row("exec-no-command",
            f + QStringLiteral("user \"exec-no-command\": exec: command must be specified"));
        row("exec-no-api",
            f + QStringLiteral("user \"exec-no-api\": exec: apiVersion must be specified"));
        row("exec-bad-api",
            f
                + QStringLiteral("user \"exec-bad-api\": exec: invalid apiVersion "
                                 "\"client.authentication.k8s.io/v1alpha1\"; use "
                                 "client.authentication.k8s.io/v1 or "
                                 "client.authentication.k8s.io/v1beta1"));
        row("exec-v1-no-mode",
            f
                + QStringLiteral("user \"exec-v1-no-mode\": exec: "
                                 "interactiveMode must be specified for "
                                 "client.authentication.k8s.io/v1"));
        row("exec-bad-mode",
            f
                + QStringLiteral("user \"exec-bad-mode\": exec: invalid "
                                 "interactiveMode \"Sometimes\"; use Never, "
                                 "IfAvailable or Always"));
        row("exec-always",
            f
                + QStringLiteral("user \"exec-always\": exec: interactiveMode is "
                                 "Always, but this application cannot run an "
                                 "interactive plugin; log in with the plugin in a "
                                 "terminal first or set interactiveMode to "
                                 "IfAvailable\nRun: sudo apt install kubelogin"));
        row("exec-env-noname",
            f + QStringLiteral("user \"exec-env-noname\": exec: env[0] has no name"));
        row("cert-file-missing",
            f
                + QStringLiteral("user \"cert-file-missing\": cannot read "
                                 "client-certificate %1: No such file or "
                                 "directory")
                      .arg(file(QStringLiteral("nope.crt"))));
        row("unknown",
            QStringLiteral("Context \"unknown\" not found in %1")
                .arg(file(QStringLiteral("validation.yaml"))));
        row("",
            QStringLiteral("No context given and no current-context set in %1")
                .arg(file(QStringLiteral("validation.yaml"))));
    }

    void validationErrors()
    {
        QFETCH(QString, context);
        QFETCH(QString, expected);
        const Kubeconfig config = load({QStringLiteral("validation.yaml")});
        ClusterConnection c;
        QString error;
        QVERIFY(!ClusterConnection::resolve(config, context, &c, &error));
        QCOMPARE(error, expected);
    }
};

QTEST_GUILESS_MAIN(TestClusterConnection)
#include "tst_clusterconnection.moc"
