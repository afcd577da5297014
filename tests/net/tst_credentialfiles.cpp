// SPDX-License-Identifier: GPL-3.0-or-later
// Files a kubeconfig or a Prometheus config names for a CA, a key or a token: /dev/zero, a
// FIFO nobody writes, a huge file. Each is refused at once with the field and the reason.
#include "boundedfile.h"
#include "clusterconnection.h"
#include "kubeclient.h"
#include "kubeconfigloader.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

class TestCredentialFiles : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;

    QString kubeconfig(const QByteArray &clusterLine, const QByteArray &userLine)
    {
        const QString path = m_dir.filePath(QStringLiteral("config"));
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write the kubeconfig");
        file.write("apiVersion: v1\nkind: Config\ncurrent-context: c\nclusters:\n- name: c\n"
                   "  cluster:\n    server: https://127.0.0.1:1\n    "
                   + clusterLine + "\nusers:\n- name: u\n  user:\n    " + userLine
                   + "\ncontexts:\n- name: c\n  context: {cluster: c, user: u}\n");
        return path;
    }

    // Resolves the context; the error or "".
    QString resolve(const QString &path)
    {
        KubeconfigSource source;
        source.kubeconfigEnv = path;
        Kubeconfig config;
        QString error;
        if (!KubeconfigLoader::load(source, &config, &error))
            return error;
        ClusterConnection connection;
        ClusterConnection::resolve(config, QString(), &connection, &error);
        return error;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void deviceAsCertificateAuthority()
    {
        const QString path = kubeconfig("certificate-authority: /dev/zero", "token: t0k3n-value");
        QCOMPARE(resolve(path),
                 QStringLiteral("%1: cluster \"c\": cannot read "
                                "certificate-authority /dev/zero: not a regular "
                                "file")
                     .arg(path));
    }

    void fifoAsClientKeyDoesNotBlock()
    {
        const QString fifo = m_dir.filePath(QStringLiteral("key.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const QString path
            = kubeconfig("insecure-skip-tls-verify: true",
                         "client-certificate-data: Q0VSVA==\n    client-key: " + fifo.toUtf8());
        QElapsedTimer timer;
        timer.start();
        const QString error = resolve(path);
        QVERIFY(timer.elapsed() < 5000);
        QVERIFY2(error.endsWith(
                     QStringLiteral("cannot read client-key %1: not a regular file").arg(fifo)),
                 qPrintable(error));
    }

    void hugeTokenFile()
    {
        const QString token = m_dir.filePath(QStringLiteral("token"));
        QFile file(token);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(2 * 1024 * 1024, 'a'));
        file.close();
        const QString path
            = kubeconfig("insecure-skip-tls-verify: true", "tokenFile: " + token.toUtf8());
        KubeconfigSource source;
        source.kubeconfigEnv = path;
        Kubeconfig config;
        QString error;
        QVERIFY2(KubeconfigLoader::load(source, &config, &error), qPrintable(error));
        ClusterConnection connection;
        QVERIFY2(ClusterConnection::resolve(config, QString(), &connection, &error),
                 qPrintable(error));
        KubeClient client(connection);
        const KubeResponse response = client.get(QStringLiteral("/version"));
        QCOMPARE(response.error.kind, NetError::Kind::Config);
        QVERIFY2(response.error.message.endsWith(
                     QStringLiteral("cannot read tokenFile %1: larger than 1024 KiB").arg(token)),
                 qPrintable(response.error.message));
    }

    void smallRegularFileIsRead()
    {
        const QString path = m_dir.filePath(QStringLiteral("small"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("abc\n");
        file.close();
        QByteArray content;
        QString problem;
        QVERIFY(BoundedFile::read(path, 4, &content, &problem));
        QCOMPARE(content, QByteArray("abc\n"));
        QVERIFY(!BoundedFile::read(path, 3, &content, &problem));
        QCOMPARE(problem, QStringLiteral("larger than 3 bytes"));
        QVERIFY(
            !BoundedFile::read(m_dir.filePath(QStringLiteral("missing")), 4, &content, &problem));
        QCOMPARE(problem, QStringLiteral("No such file or directory"));
    }
};

QTEST_GUILESS_MAIN(TestCredentialFiles)
#include "tst_credentialfiles.moc"
