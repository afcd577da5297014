// SPDX-License-Identifier: GPL-3.0-or-later
// Credentials and TLS against the in-process simulator: token, tokenFile, client
// certificate, basic auth, exec plugins (with a 401 re-run), trust, insecure mode and
// tls-server-name.
#include "execcredentialcache.h"
#include "kubeclient.h"
#include "simfixture.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <curl/curl.h>

class TestKubeAuth : public QObject
{
    Q_OBJECT

private:
    SimFixture m_sim;
    QTemporaryDir m_dir;

    QString podPath() const
    {
        return KubePath::resource(QString(), QStringLiteral("v1"), QStringLiteral("pods"),
                                  QStringLiteral("shop"), QStringLiteral("web-0"));
    }
    // Which user the server saw for the last request.
    QString lastUser()
    {
        const QList<RecordedRequest> requests = m_sim.cluster().server().takeRecordedRequests();
        return requests.isEmpty() ? QString() : requests.last().user;
    }
    void writeFile(const QString &path, const QByteArray &content)
    {
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(content);
    }
    QString plugin(const QString &name, const QByteArray &body)
    {
        const QString path = m_dir.filePath(name);
        writeFile(path, "#!/bin/sh\n" + body);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path;
    }
    ClusterConnection execConnection(const QString &command)
    {
        ClusterConnection c = m_sim.connection(QStringLiteral("sim-exec"));
        c.token.clear();
        KubeExecConfig exec;
        exec.command = command;
        exec.apiVersion = ExecCredentialApi::v1;
        exec.interactiveMode = QStringLiteral("Never");
        c.exec = exec;
        return c;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QString error;
        QVERIFY2(m_sim.start(&error), qPrintable(error));
        m_sim.addPods(1);
        m_sim.cluster().server().setRecording(true);
    }

    void kubeconfigFromSimulator()
    {
        QCOMPARE(m_sim.kubeconfig().contextNames(),
                 (QStringList {QStringLiteral("sim"), QStringLiteral("sim-viewer"),
                               QStringLiteral("sim-basic"), QStringLiteral("sim-exec")}));
        const ClusterConnection admin = m_sim.connection(QStringLiteral("sim"));
        QCOMPARE(admin.server, m_sim.cluster().url());
        QCOMPARE(admin.caPem, m_sim.simulator().caPem());
        QVERIFY(!admin.clientCertificatePem.isEmpty());
    }

    void clientCertificate()
    {
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        const KubeResponse response = client.get(podPath());
        QVERIFY2(response.isOk(), qPrintable(response.error.message));
        QCOMPARE(response.status, 200);
        QVERIFY(response.body.contains("\"name\":\"web-0\""));
        QCOMPARE(lastUser(), QStringLiteral("admin"));
    }

    void bearerToken()
    {
        KubeClient client(m_sim.connection(QStringLiteral("sim-viewer")));
        const KubeResponse response = client.get(podPath());
        QVERIFY2(response.isOk(), qPrintable(response.error.message));
        QCOMPARE(lastUser(), QStringLiteral("viewer"));
    }

    void tokenFileIsReadOnEveryRequest()
    {
        const QString tokenFile = m_dir.filePath(QStringLiteral("token"));
        writeFile(tokenFile, "viewer-token\n");
        ClusterConnection c = m_sim.connection(QStringLiteral("sim-viewer"));
        c.token.clear();
        c.tokenFile = tokenFile;
        KubeClient client(c);
        QVERIFY(client.get(podPath()).isOk());
        QCOMPARE(lastUser(), QStringLiteral("viewer"));
        writeFile(tokenFile, "exec-good");
        QVERIFY(client.get(podPath()).isOk());
        QCOMPARE(lastUser(), QStringLiteral("exec"));

        QFile::remove(tokenFile);
        const KubeResponse missing = client.get(podPath());
        QCOMPARE(missing.error.kind, NetError::Kind::Config);
        QCOMPARE(missing.error.message,
                 QStringLiteral("%1: user \"sim-viewer\": cannot read tokenFile %2: No such file "
                                "or directory")
                     .arg(m_sim.simulator().kubeconfigPath(), tokenFile));
    }

    void lineBreaksInCredentialsAreRefused()
    {
        // A token file or an exec plugin whose token holds a line break would inject a
        // header: nothing is sent, and the message says why without the token (issue 10).
        m_sim.cluster().server().takeRecordedRequests();
        const QString tokenFile = m_dir.filePath(QStringLiteral("token-crlf"));
        writeFile(tokenFile, "viewer-token\r\nX-Impersonate-User: admin\n");
        ClusterConnection c = m_sim.connection(QStringLiteral("sim-viewer"));
        c.token.clear();
        c.tokenFile = tokenFile;
        KubeClient client(c);
        const KubeResponse response = client.get(podPath());
        QCOMPARE(response.error.kind, NetError::Kind::Config);
        QCOMPARE(response.error.message,
                 QStringLiteral("The Authorization header holds a line break or NUL character (a "
                                "token or password file with several lines?): nothing was sent."));
        QVERIFY(!response.error.message.contains(QStringLiteral("viewer-token")));
        QVERIFY(m_sim.cluster().server().takeRecordedRequests().isEmpty());

        const QString path
            = plugin(QStringLiteral("crlf.sh"),
                     "printf '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":"
                     "\"ExecCredential\",\"status\":{\"token\":\"exec-good\\\\r\\\\nX: y\"}}'\n");
        ExecCredentialCache cache;
        KubeClient execClient(execConnection(path));
        execClient.setExecCredentialCache(&cache);
        const KubeResponse execResponse = execClient.get(podPath());
        QCOMPARE(execResponse.error.kind, NetError::Kind::Config);
        QVERIFY(m_sim.cluster().server().takeRecordedRequests().isEmpty());
    }

    void basicAuth()
    {
        KubeClient client(m_sim.connection(QStringLiteral("sim-basic")));
        QVERIFY(client.get(podPath()).isOk());
        QCOMPARE(lastUser(), QStringLiteral("basic"));
    }

    void execPlugin()
    {
        const QString counter = m_dir.filePath(QStringLiteral("exec-runs"));
        const QString path
            = plugin(QStringLiteral("good.sh"),
                     "echo x >> '" + counter.toUtf8()
                         + "'\n"
                           "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":"
                           "\"ExecCredential\",\"status\":{\"token\":\"exec-good\"}}'\n");
        ExecCredentialCache cache;
        KubeClient client(execConnection(path));
        client.setExecCredentialCache(&cache);
        QVERIFY(client.get(podPath()).isOk());
        QVERIFY(client.get(podPath()).isOk());
        QCOMPARE(lastUser(), QStringLiteral("exec"));
        QCOMPARE(cache.runCount(client.connection()), 1); // cached, no expiry
    }

    void execPluginRerunsOn401()
    {
        // The first token the plugin prints is refused; the second run's token works.
        const QString counter = m_dir.filePath(QStringLiteral("rotating-runs"));
        const QString path
            = plugin(QStringLiteral("rotating.sh"),
                     "n=$(cat '" + counter.toUtf8()
                         + "' 2>/dev/null || echo 0)\nn=$((n+1))\n"
                           "echo $n > '"
                         + counter.toUtf8()
                         + "'\n"
                           "if [ $n = 1 ]; then t=revoked; else t=exec-good; fi\n"
                           "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":"
                           "\"ExecCredential\",\"status\":{\"token\":\"'$t'\"}}'\n");
        ExecCredentialCache cache;
        KubeClient client(execConnection(path));
        client.setExecCredentialCache(&cache);
        const KubeResponse response = client.get(podPath());
        QVERIFY2(response.isOk(), qPrintable(response.error.message));
        QCOMPARE(cache.runCount(client.connection()), 2);
        const QList<RecordedRequest> requests = m_sim.cluster().server().takeRecordedRequests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).status, 401);
        QCOMPARE(requests.at(1).status, 200);
        QCOMPARE(requests.at(1).user, QStringLiteral("exec"));
    }

    void execPluginRerunsOnlyOnce()
    {
        const QString path
            = plugin(QStringLiteral("always-wrong.sh"),
                     "echo '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":"
                     "\"ExecCredential\",\"status\":{\"token\":\"wrong\"}}'\n");
        ExecCredentialCache cache;
        KubeClient client(execConnection(path));
        client.setExecCredentialCache(&cache);
        const KubeResponse response = client.get(podPath());
        QCOMPARE(response.error.kind, NetError::Kind::Unauthorized);
        QCOMPARE(response.error.httpStatus, 401);
        QCOMPARE(response.error.reason, QStringLiteral("Unauthorized"));
        QCOMPARE(cache.runCount(client.connection()), 2);
        QCOMPARE(m_sim.cluster().server().takeRecordedRequests().size(), 2);
    }

    void execPluginCertificate()
    {
        const PemKeyPair pair = m_sim.simulator().certificateAuthority().issueClientCertificate(
            QStringLiteral("admin"), {});
        const QString certFile = m_dir.filePath(QStringLiteral("exec-cert.json"));
        QJsonObject credential {{QStringLiteral("apiVersion"), ExecCredentialApi::v1beta1},
                                {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                                {QStringLiteral("status"),
                                 QJsonObject {{QStringLiteral("clientCertificateData"),
                                               QString::fromLatin1(pair.certificatePem)},
                                              {QStringLiteral("clientKeyData"),
                                               QString::fromLatin1(pair.privateKeyPem)}}}};
        writeFile(certFile, QJsonDocument(credential).toJson());
        ClusterConnection c = execConnection(
            plugin(QStringLiteral("cert.sh"), "cat '" + certFile.toUtf8() + "'\n"));
        c.exec->apiVersion = ExecCredentialApi::v1beta1;
        ExecCredentialCache cache;
        KubeClient client(c);
        client.setExecCredentialCache(&cache);
        const KubeResponse response = client.get(podPath());
        QVERIFY2(response.isOk(), qPrintable(response.error.message));
        QCOMPARE(lastUser(), QStringLiteral("admin"));
    }

    void wrongTokenIsUnauthorized()
    {
        ClusterConnection c = m_sim.connection(QStringLiteral("sim-viewer"));
        c.token = QStringLiteral("not-a-token");
        KubeClient client(c);
        const KubeResponse response = client.get(podPath());
        QCOMPARE(response.error.kind, NetError::Kind::Unauthorized);
        QCOMPARE(response.error.message,
                 QStringLiteral("The server did not accept the credentials (HTTP 401): %1")
                     .arg(response.error.statusMessage));
        QVERIFY(!response.error.message.contains(QStringLiteral("not-a-token")));
    }

    void wrongCaIsRejected()
    {
        CertificateAuthority other(QStringLiteral("someone-else"));
        ClusterConnection c = m_sim.connection(QStringLiteral("sim-viewer"));
        c.caPem = other.certificatePem();
        KubeClient client(c);
        const KubeResponse response = client.get(podPath());
        QCOMPARE(response.error.kind, NetError::Kind::Tls);
        QCOMPARE(response.error.curlCode, int(CURLE_PEER_FAILED_VERIFICATION));
        QVERIFY(response.error.message.startsWith(QStringLiteral("Secure connection failed: ")));

        c.caPem.clear(); // the system trust store does not know the simulator's CA either
        KubeClient system(c);
        QCOMPARE(system.get(podPath()).error.kind, NetError::Kind::Tls);
    }

    void insecureSkipsVerification()
    {
        ClusterConnection c = m_sim.connection(QStringLiteral("sim-viewer"));
        c.caPem.clear();
        c.insecureSkipTlsVerify = true;
        KubeClient client(c);
        const KubeResponse response = client.get(podPath());
        QVERIFY2(response.isOk(), qPrintable(response.error.message));
    }

    void tlsServerName()
    {
        // The certificate names localhost and 127.0.0.1; connect by IP, verify as localhost.
        ClusterConnection c = m_sim.connection(QStringLiteral("sim-viewer"));
        QVERIFY(c.server.startsWith(QStringLiteral("https://127.0.0.1:")));
        c.tlsServerName = QStringLiteral("localhost");
        KubeClient client(c);
        const KubeResponse response = client.get(podPath());
        QVERIFY2(response.isOk(), qPrintable(response.error.message));

        c.tlsServerName = QStringLiteral("api.other.example");
        KubeClient wrong(c);
        const KubeResponse refused = wrong.get(podPath());
        QCOMPARE(refused.error.kind, NetError::Kind::Tls);
        QCOMPARE(refused.error.curlCode, int(CURLE_PEER_FAILED_VERIFICATION));
    }

    void connectionIsReused()
    {
        KubeClient client(m_sim.connection(QStringLiteral("sim-viewer")));
        for (int i = 0; i < 5; ++i)
            QVERIFY(client.get(podPath()).isOk());
        QCOMPARE(client.connectionsOpened(), 1);
    }

    void cleanupTestCase() { m_sim.simulator().stop(); }
};

QTEST_GUILESS_MAIN(TestKubeAuth)
#include "tst_kubeauth.moc"
