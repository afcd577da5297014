// SPDX-License-Identifier: GPL-3.0-or-later
#include "kubeconfigloader.h"
#include "kubeconfigparser.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestKubeconfig : public QObject
{
    Q_OBJECT

private:
    static QString dir() { return QStringLiteral(RD_TEST_DATA_DIR "/net/kubeconfig"); }
    static QString file(const QString &name) { return dir() + QLatin1Char('/') + name; }
    static KubeconfigSource listed(const QString &value)
    {
        KubeconfigSource source;
        source.kubeconfigEnv = value;
        source.homeDir = QStringLiteral("/nonexistent-home");
        return source;
    }

private slots:
    void parsesEveryField()
    {
        KubeconfigFile parsed;
        QString error;
        QVERIFY2(KubeconfigParser::parseFile(file(QStringLiteral("a.yaml")), &parsed, &error),
                 qPrintable(error));
        QCOMPARE(parsed.path, file(QStringLiteral("a.yaml")));
        QCOMPARE(parsed.currentContext, QString());
        QCOMPARE(parsed.clusters.size(), 2);
        const KubeCluster &shared = parsed.clusters.at(0);
        QCOMPARE(shared.name, QStringLiteral("shared"));
        QCOMPARE(shared.sourceFile, file(QStringLiteral("a.yaml")));
        QCOMPARE(shared.server, QStringLiteral("https://a.example:6443"));
        QCOMPARE(shared.certificateAuthority, file(QStringLiteral("certs/ca.pem")));
        QCOMPARE(shared.tlsServerName, QStringLiteral("api.a.example"));
        QCOMPARE(shared.proxyUrl, QStringLiteral("socks5://proxy.example:1080"));
        QCOMPARE(shared.disableCompression, true);
        QCOMPARE(shared.insecureSkipTlsVerify, false);
        QCOMPARE(shared.execExtension,
                 (QJsonObject {{QStringLiteral("audience"), QStringLiteral("a-cluster")},
                               {QStringLiteral("retries"), 3}}));
        QCOMPARE(parsed.clusters.at(1).insecureSkipTlsVerify, true);

        QCOMPARE(parsed.users.size(), 4);
        const KubeUser &certUser = parsed.users.at(0);
        QCOMPARE(certUser.clientCertificate, file(QStringLiteral("certs/client.crt")));
        QCOMPARE(certUser.clientKey, file(QStringLiteral("certs/client.key")));
        QCOMPARE(parsed.users.at(1).tokenFile, file(QStringLiteral("tokens/dev.token")));
        const KubeUser &plugin = parsed.users.at(2);
        QVERIFY(plugin.exec.has_value());
        QCOMPARE(plugin.exec->command, file(QStringLiteral("bin/plugin.sh")));
        QCOMPARE(plugin.exec->args,
                 (QStringList {QStringLiteral("--cluster"), QStringLiteral("a")}));
        QCOMPARE(plugin.exec->env.size(), 1);
        QCOMPARE(plugin.exec->env.at(0).first, QStringLiteral("PLUGIN_MODE"));
        QCOMPARE(plugin.exec->env.at(0).second, QStringLiteral("fast"));
        QCOMPARE(plugin.exec->apiVersion, QStringLiteral("client.authentication.k8s.io/v1"));
        QCOMPARE(plugin.exec->installHint, QStringLiteral("install the plugin"));
        QCOMPARE(plugin.exec->provideClusterInfo, true);
        QCOMPARE(plugin.exec->interactiveMode, QStringLiteral("Never"));
        // A bare command name is looked up on PATH, so it stays as written.
        QCOMPARE(parsed.users.at(3).exec->command, QStringLiteral("gke-gcloud-auth-plugin"));

        QCOMPARE(parsed.contexts.size(), 2);
        QCOMPARE(parsed.contexts.at(0).namespaceName, QStringLiteral("shop"));
        QCOMPARE(parsed.contexts.at(0).effectiveNamespace(), QStringLiteral("shop"));
        QCOMPARE(parsed.contexts.at(1).effectiveNamespace(), QStringLiteral("default"));
    }

    void decodesBase64Data()
    {
        KubeconfigFile parsed;
        QString error;
        QVERIFY(KubeconfigParser::parseFile(file(QStringLiteral("b.yaml")), &parsed, &error));
        QCOMPARE(parsed.clusters.at(1).certificateAuthorityData,
                 QByteArray("-----BEGIN CERTIFICATE-----\nfixture-ca-b\n"
                            "-----END CERTIFICATE-----\n"));
    }

    void mergeFirstDefinitionWins()
    {
        Kubeconfig config;
        QString error;
        const QString list = file(QStringLiteral("a.yaml")) + QLatin1Char(':')
            + file(QStringLiteral("b.yaml")) + QLatin1Char(':') + file(QStringLiteral("c.yaml"));
        QVERIFY2(KubeconfigLoader::load(listed(list), &config, &error), qPrintable(error));
        QCOMPARE(config.files(),
                 (QStringList {file(QStringLiteral("a.yaml")), file(QStringLiteral("b.yaml")),
                               file(QStringLiteral("c.yaml"))}));
        QCOMPARE(config.cluster(QStringLiteral("shared"))->server,
                 QStringLiteral("https://a.example:6443"));
        QCOMPARE(config.cluster(QStringLiteral("only-b"))->server,
                 QStringLiteral("https://only-b.example:8443/prefix/"));
        // Whole entries win, never merged field by field.
        const KubeUser *user = config.user(QStringLiteral("shared-user"));
        QCOMPARE(user->token, QString());
        QCOMPARE(user->sourceFile, file(QStringLiteral("a.yaml")));
        QVERIFY(config.user(QStringLiteral("plugin-user"))->exec.has_value());
        QCOMPARE(config.context(QStringLiteral("shared-ctx"))->cluster, QStringLiteral("only-a"));
        // a.yaml's current-context is empty, so b.yaml's (first non-empty) wins over c.yaml's.
        QCOMPARE(config.currentContext(), QStringLiteral("ctx-b"));
        QCOMPARE(config.contextNames(),
                 (QStringList {QStringLiteral("ctx-a"), QStringLiteral("shared-ctx"),
                               QStringLiteral("ctx-b"), QStringLiteral("ctx-c")}));
        QCOMPARE(config.context(QStringLiteral("nope")), nullptr);
    }

    void kubeconfigListSkipsMissingAndDuplicates()
    {
        const QString a = file(QStringLiteral("a.yaml"));
        const QString b = file(QStringLiteral("b.yaml"));
        const QString missing = file(QStringLiteral("missing.yaml"));
        const KubeconfigSource source = listed(QLatin1Char(':') + missing + QLatin1Char(':') + a
                                               + QLatin1Char(':') + a + QStringLiteral("::") + b);
        QCOMPARE(KubeconfigLoader::candidateFiles(source), (QStringList {missing, a, b}));
        Kubeconfig config;
        QString error;
        QVERIFY2(KubeconfigLoader::load(source, &config, &error), qPrintable(error));
        QCOMPARE(config.files(), (QStringList {a, b}));
    }

    void kubeconfigListAllMissing()
    {
        Kubeconfig config;
        QString error;
        QVERIFY(
            !KubeconfigLoader::load(listed(QStringLiteral("/no/one:/no/two")), &config, &error));
        QCOMPARE(error, QStringLiteral("None of the files in KUBECONFIG exist: /no/one, /no/two"));
    }

    void explicitPathIsTheOnlyFile()
    {
        KubeconfigSource source = listed(file(QStringLiteral("a.yaml")));
        source.explicitPath = file(QStringLiteral("b.yaml"));
        QCOMPARE(KubeconfigLoader::candidateFiles(source), QStringList {source.explicitPath});
        Kubeconfig config;
        QString error;
        QVERIFY(KubeconfigLoader::load(source, &config, &error));
        QCOMPARE(config.files(), QStringList {source.explicitPath});
        QCOMPARE(config.currentContext(), QStringLiteral("ctx-b"));
        QCOMPARE(config.cluster(QStringLiteral("shared"))->server,
                 QStringLiteral("https://b.example"));

        source.explicitPath = file(QStringLiteral("missing.yaml"));
        QVERIFY(!KubeconfigLoader::load(source, &config, &error));
        QCOMPARE(error,
                 file(QStringLiteral("missing.yaml"))
                     + QStringLiteral(": the kubeconfig file does not exist"));

        source.explicitPath = dir();
        QVERIFY(!KubeconfigLoader::load(source, &config, &error));
        QCOMPARE(error, dir() + QStringLiteral(": not a file"));
    }

    void defaultFileInHome()
    {
        QTemporaryDir home;
        QVERIFY(home.isValid());
        KubeconfigSource source;
        source.homeDir = home.path();
        Kubeconfig config;
        QString error;
        QVERIFY(!KubeconfigLoader::load(source, &config, &error));
        QCOMPARE(error,
                 QStringLiteral("No kubeconfig found: %1/.kube/config does not exist and "
                                "KUBECONFIG is not set")
                     .arg(home.path()));

        QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".kube")));
        QVERIFY(QFile::copy(file(QStringLiteral("b.yaml")),
                            home.filePath(QStringLiteral(".kube/config"))));
        QVERIFY2(KubeconfigLoader::load(source, &config, &error), qPrintable(error));
        QCOMPARE(config.files(), QStringList {home.filePath(QStringLiteral(".kube/config"))});
        // An empty KUBECONFIG (or only separators) means "not set", as in client-go.
        source.kubeconfigEnv = QStringLiteral("::");
        QVERIFY(KubeconfigLoader::load(source, &config, &error));
        QCOMPARE(config.currentContext(), QStringLiteral("ctx-b"));
    }

    void fromEnvironment()
    {
        const QByteArray saved = qgetenv("KUBECONFIG");
        const bool wasSet = qEnvironmentVariableIsSet("KUBECONFIG");
        qputenv("KUBECONFIG", "/x:/y");
        KubeconfigSource source = KubeconfigSource::fromEnvironment(QStringLiteral("/explicit"));
        QCOMPARE(source.explicitPath, QStringLiteral("/explicit"));
        QCOMPARE(source.kubeconfigEnv.value_or(QString()), QStringLiteral("/x:/y"));
        QCOMPARE(source.homeDir, QDir::homePath());
        qunsetenv("KUBECONFIG");
        source = KubeconfigSource::fromEnvironment();
        QVERIFY(!source.kubeconfigEnv.has_value());
        if (wasSet)
            qputenv("KUBECONFIG", saved);
    }

    void emptyFileIsEmptyConfig()
    {
        Kubeconfig config;
        QString error;
        KubeconfigSource source;
        source.explicitPath = file(QStringLiteral("empty.yaml"));
        QVERIFY2(KubeconfigLoader::load(source, &config, &error), qPrintable(error));
        QVERIFY(config.contexts().isEmpty());
        QCOMPARE(config.currentContext(), QString());
    }

    void structuralErrors_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("expected");
        QTest::newRow("syntax") << "syntax.yaml"
                                << ":4:1: invalid YAML: end of map flow not found";
        QTest::newRow("top level") << "top-level-list.yaml"
                                   << ": not a kubeconfig: the top level is not a map";
        QTest::newRow("clusters map") << "clusters-map.yaml"
                                      << ":3: clusters must be a list";
        QTest::newRow("unnamed") << "unnamed.yaml"
                                 << ":4: users[1] has no name";
        QTest::newRow("duplicate") << "duplicate.yaml"
                                   << ":4: context \"dev\" is defined twice in this file";
        QTest::newRow("server type") << "server-type.yaml"
                                     << ":4: cluster \"c\": server must be a string";
        QTest::newRow("bool type")
            << "bool-type.yaml"
            << ":5: cluster \"c\": insecure-skip-tls-verify must be true or false";
        QTest::newRow("base64") << "bad-base64.yaml"
                                << ":5: user \"u\": client-key-data is not valid base64";
        QTest::newRow("args") << "args-type.yaml"
                              << ":6: user \"u\": exec: args must be a list of strings";
        QTest::newRow("env entry")
            << "env-entry.yaml"
            << ":7: user \"u\": exec: env[0] must be a map with name and value";
        QTest::newRow("body type") << "body-type.yaml"
                                   << ":3: cluster \"c\": cluster must be a map";
        QTest::newRow("provider name") << "auth-provider-noname.yaml"
                                       << ":5: user \"u\": auth-provider has no name";
    }

    void structuralErrors()
    {
        QFETCH(QString, name);
        QFETCH(QString, expected);
        const QString path = file(QStringLiteral("invalid/") + name);
        KubeconfigSource source;
        source.explicitPath = path;
        Kubeconfig config;
        QString error;
        QVERIFY(!KubeconfigLoader::load(source, &config, &error));
        QCOMPARE(error, path + expected);
    }
};

QTEST_GUILESS_MAIN(TestKubeconfig)
#include "tst_kubeconfig.moc"
