// SPDX-License-Identifier: GPL-3.0-or-later
#include "clusterconnection.h"
#include "execcredential.h"
#include "execcredentialcache.h"
#include "execscripts.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <thread>

// Running exec credential plugins (shell scripts written at test time) and caching their
// credentials; containment of hostile plugins is in tst_execcontainment.
class TestExecPlugin : public QObject
{
    Q_OBJECT

private:
    ExecScripts m_scripts;

    QString script(const QString &name, const QByteArray &body)
    {
        return m_scripts.script(name, body);
    }

    static ClusterConnection connection(const QString &command, const QString &apiVersion)
    {
        return ExecScripts::connection(command, apiVersion);
    }

    static QByteArray credentialJson(const QString &apiVersion, const QJsonObject &status)
    {
        return QJsonDocument(
                   QJsonObject {{QStringLiteral("apiVersion"), apiVersion},
                                {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                                {QStringLiteral("status"), status}})
            .toJson(QJsonDocument::Compact);
    }

    // True on success, else *error holds the message.
    static bool runPlugin(const ClusterConnection &c, int timeoutMs, ExecCredential *credential,
                          QString *error, const CancelToken &cancel = CancelToken())
    {
        const NetError failure = ExecPlugin::run(c, timeoutMs, cancel, credential);
        *error = failure.message;
        return !failure;
    }

private slots:
    void initTestCase() { QVERIFY(m_scripts.isValid()); }

    void requestWithoutClusterInfo()
    {
        const ClusterConnection c = connection(QStringLiteral("p"), ExecCredentialApi::v1);
        QCOMPARE(ExecPlugin::requestJson(c),
                 QByteArray("{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                            "\"kind\":\"ExecCredential\",\"spec\":{\"interactive\":false}}"));
    }

    void requestWithClusterInfo()
    {
        ClusterConnection c = connection(QStringLiteral("p"), ExecCredentialApi::v1beta1);
        c.exec->provideClusterInfo = true;
        c.caPem = "PEM";
        c.tlsServerName = QStringLiteral("api.example");
        c.proxyUrl = QStringLiteral("http://proxy:3128");
        c.execClusterConfig = QJsonObject {{QStringLiteral("audience"), QStringLiteral("x")}};
        const QJsonObject request = QJsonDocument::fromJson(ExecPlugin::requestJson(c)).object();
        const QJsonObject cluster = request.value(QStringLiteral("spec"))
                                        .toObject()
                                        .value(QStringLiteral("cluster"))
                                        .toObject();
        QCOMPARE(
            cluster,
            (QJsonObject {{QStringLiteral("server"), QStringLiteral("https://127.0.0.1:6443")},
                          {QStringLiteral("tls-server-name"), QStringLiteral("api.example")},
                          {QStringLiteral("certificate-authority-data"), QStringLiteral("UEVN")},
                          {QStringLiteral("proxy-url"), QStringLiteral("http://proxy:3128")},
                          {QStringLiteral("config"),
                           QJsonObject {{QStringLiteral("audience"), QStringLiteral("x")}}}}));
    }

    void runsV1WithEnvAndArgs()
    {
        const QString infoFile = m_scripts.filePath(QStringLiteral("info-v1.json"));
        const QString path
            = script(QStringLiteral("v1.sh"),
                     "printf '%s' \"$KUBERNETES_EXEC_INFO\" > '" + infoFile.toUtf8()
                         + "'\n"
                           "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":"
                           "\"ExecCredential\",\"status\":{\"token\":\"'\"$PLUGIN_MODE-$1\"'\","
                           "\"expirationTimestamp\":\"2030-01-02T03:04:05Z\"}}'\n");
        ClusterConnection c = connection(path, ExecCredentialApi::v1);
        c.exec->args = QStringList {QStringLiteral("first")};
        c.exec->env = {{QStringLiteral("PLUGIN_MODE"), QStringLiteral("fast")}};
        ExecCredential credential;
        QString error;
        QVERIFY2(runPlugin(c, 10000, &credential, &error), qPrintable(error));
        QCOMPARE(credential.token, QStringLiteral("fast-first"));
        QCOMPARE(credential.expiration, QDateTime(QDate(2030, 1, 2), QTime(3, 4, 5), Qt::UTC));
        QFile info(infoFile);
        QVERIFY(info.open(QIODevice::ReadOnly));
        QCOMPARE(info.readAll(), ExecPlugin::requestJson(c));
    }

    void runsOnAWorkerThread()
    {
        // Fetchers run plugins on their own threads, which may not be QThreads.
        const QString path
            = script(QStringLiteral("thread.sh"),
                     "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":"
                     "\"ExecCredential\",\"status\":{\"token\":\"from-thread\"}}'\n");
        ExecCredential credential;
        QString error;
        bool ok = false;
        std::thread worker([&] {
            ok = runPlugin(connection(path, ExecCredentialApi::v1), 10000, &credential, &error);
        });
        worker.join();
        QVERIFY2(ok, qPrintable(error));
        QCOMPARE(credential.token, QStringLiteral("from-thread"));
    }

    void runsV1beta1WithCertificate()
    {
        const QString path
            = script(QStringLiteral("v1beta1.sh"),
                     "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1beta1\",\"kind\":"
                     "\"ExecCredential\",\"status\":{\"clientCertificateData\":\"CERT\\n\","
                     "\"clientKeyData\":\"KEY\\n\"}}'\n");
        const ClusterConnection c = connection(path, ExecCredentialApi::v1beta1);
        ExecCredential credential;
        QString error;
        QVERIFY2(runPlugin(c, 10000, &credential, &error), qPrintable(error));
        QCOMPARE(credential.token, QString());
        QCOMPARE(credential.clientCertificatePem, QByteArray("CERT\n"));
        QCOMPARE(credential.clientKeyPem, QByteArray("KEY\n"));
        QVERIFY(!credential.expiration.isValid());
        QVERIFY(!credential.isExpired(QDateTime::currentDateTimeUtc().addYears(100)));
    }

    void failureCarriesStderrAndHint()
    {
        const QString path = script(QStringLiteral("fails.sh"),
                                    "echo 'partial output'\n"
                                    "echo '  error: login required  ' >&2\nexit 3\n");
        ExecCredential credential;
        QString error;
        QVERIFY(!runPlugin(connection(path, ExecCredentialApi::v1), 10000, &credential, &error));
        QCOMPARE(error,
                 QStringLiteral("exec plugin \"%1\" (user \"dev\") failed with exit code 3: "
                                "error: login required\n"
                                "Install it with: apt install dev-plugin")
                     .arg(path));
    }

    void missingPlugin()
    {
        const QString path = m_scripts.filePath(QStringLiteral("not-installed"));
        ExecCredential credential;
        QString error;
        QVERIFY(!runPlugin(connection(path, ExecCredentialApi::v1), 10000, &credential, &error));
        QCOMPARE(error,
                 QStringLiteral("exec plugin \"%1\" (user \"dev\") could not be started: "
                                "No such file or directory\n"
                                "Install it with: apt install dev-plugin")
                     .arg(path));
    }

    void timeout()
    {
        const QString path = script(QStringLiteral("hangs.sh"), "exec sleep 30\n");
        ExecCredential credential;
        QString error;
        QVERIFY(!runPlugin(connection(path, ExecCredentialApi::v1), 200, &credential, &error));
        QCOMPARE(error,
                 QStringLiteral("exec plugin \"%1\" (user \"dev\") did not finish within "
                                "0.2 seconds; it was stopped with every process it started\n"
                                "Install it with: apt install dev-plugin")
                     .arg(path));
    }

    void badOutput_data()
    {
        QTest::addColumn<QByteArray>("output");
        QTest::addColumn<QString>("expected");
        const QString v1 = ExecCredentialApi::v1;
        QTest::newRow("not json") << QByteArray("token: abc")
                                  << "printed output that is not a "
                                     "JSON object";
        QTest::newRow("api version")
            << credentialJson(ExecCredentialApi::v1beta1,
                              {{QStringLiteral("token"), QStringLiteral("t")}})
            << "returned apiVersion \"client.authentication.k8s.io/v1beta1\", expected "
               "\"client.authentication.k8s.io/v1\"";
        QTest::newRow("kind") << QByteArray("{\"apiVersion\":\"client.authentication.k8s.io/v1\","
                                            "\"kind\":\"Token\",\"status\":{\"token\":\"t\"}}")
                              << "returned kind \"Token\", expected \"ExecCredential\"";
        QTest::newRow("no status") << QByteArray("{\"apiVersion\":\"client.authentication.k8s.io/"
                                                 "v1\",\"kind\":\"ExecCredential\"}")
                                   << "returned no status";
        QTest::newRow("cert only")
            << credentialJson(v1, {{QStringLiteral("clientCertificateData"), QStringLiteral("C")}})
            << "returned only a client certificate or key, not both";
        QTest::newRow("nothing") << credentialJson(v1, {})
                                 << "returned neither a token nor a client certificate and key";
        QTest::newRow("expiry") << credentialJson(
            v1,
            {{QStringLiteral("token"), QStringLiteral("t")},
             {QStringLiteral("expirationTimestamp"), QStringLiteral("tomorrow")}})
                                << "returned an invalid expirationTimestamp \"tomorrow\"";
    }

    void badOutput()
    {
        QFETCH(QByteArray, output);
        QFETCH(QString, expected);
        ExecCredential credential;
        QString error;
        QVERIFY(!ExecPlugin::parseOutput(
            output, connection(QStringLiteral("dev-plugin"), ExecCredentialApi::v1), &credential,
            &error));
        QCOMPARE(error, QStringLiteral("exec plugin \"dev-plugin\" (user \"dev\") ") + expected);
    }

    void fractionalExpiry()
    {
        ExecCredential credential;
        QString error;
        QVERIFY2(ExecPlugin::parseOutput(
                     credentialJson(ExecCredentialApi::v1,
                                    {{QStringLiteral("token"), QStringLiteral("t")},
                                     {QStringLiteral("expirationTimestamp"),
                                      QStringLiteral("2030-01-02T03:04:05.250+01:00")}}),
                     connection(QStringLiteral("p"), ExecCredentialApi::v1), &credential, &error),
                 qPrintable(error));
        QCOMPARE(credential.expiration.toUTC(),
                 QDateTime(QDate(2030, 1, 2), QTime(2, 4, 5, 250), Qt::UTC));
    }

    void cacheReusesUntilExpiry()
    {
        // Each run prints the next token from a counter file; run n expires on 2030-01-0n.
        const QString counter = m_scripts.filePath(QStringLiteral("counter"));
        const QString path
            = script(QStringLiteral("counting.sh"),
                     "n=$(cat '" + counter.toUtf8()
                         + "' 2>/dev/null || echo 0)\nn=$((n+1))\n"
                           "echo $n > '"
                         + counter.toUtf8()
                         + "'\n"
                           "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":"
                           "\"ExecCredential\",\"status\":{\"token\":\"token-'$n'\","
                           "\"expirationTimestamp\":\"2030-01-0'$n'T00:00:00Z\"}}'\n");
        const ClusterConnection c = connection(path, ExecCredentialApi::v1);
        ExecCredentialCache cache;
        QDateTime now(QDate(2029, 12, 31), QTime(23, 0), Qt::UTC);
        cache.setClock([&now] { return now; });

        ExecCredential first;
        NetError error;
        QVERIFY(cache.credential(c, &first, &error));
        QCOMPARE(first.token, QStringLiteral("token-1"));
        ExecCredential again;
        QVERIFY(cache.credential(c, &again, &error));
        QCOMPARE(again.token, QStringLiteral("token-1"));
        QCOMPARE(cache.runCount(c), 1);

        now = QDateTime(QDate(2030, 1, 1), QTime(0, 0), Qt::UTC); // not yet after expiry
        QVERIFY(cache.credential(c, &again, &error));
        QCOMPARE(again.token, QStringLiteral("token-1"));
        now = now.addSecs(1);
        QVERIFY(cache.credential(c, &again, &error));
        QCOMPARE(again.token, QStringLiteral("token-2"));
        QCOMPARE(cache.runCount(c), 2);

        // A 401 with a credential that was already replaced changes nothing ...
        cache.invalidate(c, first);
        QVERIFY(cache.credential(c, &again, &error));
        QCOMPARE(again.token, QStringLiteral("token-2"));
        // ... but with the current one forces a new run.
        cache.invalidate(c, again);
        QVERIFY(cache.credential(c, &again, &error));
        QCOMPARE(again.token, QStringLiteral("token-3"));
        QCOMPARE(cache.runCount(c), 3);
    }

    void cacheKeyFollowsConfig()
    {
        ClusterConnection a = connection(QStringLiteral("p"), ExecCredentialApi::v1);
        ClusterConnection b = a;
        QCOMPARE(ExecCredentialCache::cacheKey(a), ExecCredentialCache::cacheKey(b));
        b.server = QStringLiteral("https://other:6443"); // not given to the plugin
        QCOMPARE(ExecCredentialCache::cacheKey(a), ExecCredentialCache::cacheKey(b));
        b.exec->provideClusterInfo = true; // now it is
        QVERIFY(ExecCredentialCache::cacheKey(a) != ExecCredentialCache::cacheKey(b));
        b = a;
        b.exec->args << QStringLiteral("--profile=x");
        QVERIFY(ExecCredentialCache::cacheKey(a) != ExecCredentialCache::cacheKey(b));
    }

    void cacheReportsFailure()
    {
        const QString path = script(QStringLiteral("denied.sh"), "echo denied >&2\nexit 1\n");
        ExecCredentialCache cache;
        ExecCredential credential;
        NetError error;
        QVERIFY(!cache.credential(connection(path, ExecCredentialApi::v1), &credential, &error));
        QCOMPARE(error.kind, NetError::Kind::Config);
        QCOMPARE(error.message,
                 QStringLiteral("exec plugin \"%1\" (user \"dev\") failed with exit "
                                "code 1: denied\nInstall it with: apt install "
                                "dev-plugin")
                     .arg(path));
    }
};

QTEST_GUILESS_MAIN(TestExecPlugin)
#include "tst_execplugin.moc"
