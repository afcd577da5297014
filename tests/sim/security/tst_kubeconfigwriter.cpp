// SPDX-License-Identifier: GPL-3.0-or-later
#include "security/kubeconfigwriter.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <sys/stat.h>

using namespace rdsim;

namespace {

QString text(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>());
}

QByteArray decoded(const YAML::Node &node)
{
    return QByteArray::fromBase64(QByteArray::fromStdString(node.as<std::string>()));
}

int mode(const QString &path)
{
    struct stat info = {};
    if (::stat(path.toLocal8Bit().constData(), &info) != 0)
        return -1;
    return int(info.st_mode & 0777);
}

QList<KubeconfigEntry> fleetEntries()
{
    KubeconfigEntry admin;
    admin.clusterName = QStringLiteral("dev");
    admin.server = QStringLiteral("https://127.0.0.1:40001");
    admin.caPem = "-----BEGIN CERTIFICATE-----\nCA\n-----END CERTIFICATE-----\n";
    admin.userName = QStringLiteral("dev-admin");
    admin.contextName = QStringLiteral("dev");
    admin.clientCertificatePem = "-----BEGIN CERTIFICATE-----\nADMIN\n-----END CERTIFICATE-----\n";
    admin.clientKeyPem = "-----BEGIN PRIVATE KEY-----\nKEY\n-----END PRIVATE KEY-----\n";
    admin.token = QStringLiteral("dev-admin-token");
    admin.namespaceName = QStringLiteral("shop");

    KubeconfigEntry viewer = admin;
    viewer.userName = QStringLiteral("dev-viewer");
    viewer.contextName = QStringLiteral("dev-viewer");
    viewer.clientCertificatePem.clear();
    viewer.clientKeyPem.clear();
    viewer.token = QStringLiteral("view:only"); // a YAML-special character must round-trip
    viewer.namespaceName.clear();

    KubeconfigEntry basic;
    basic.clusterName = QStringLiteral("prod");
    basic.server = QStringLiteral("https://127.0.0.1:40002");
    basic.caPem = admin.caPem;
    basic.userName = QStringLiteral("prod-ops");
    basic.username = QStringLiteral("ops");
    basic.password = QStringLiteral("true"); // would turn into a bool if left unquoted
    basic.namespaceName = QStringLiteral("0123"); // and this into a number
    return {admin, viewer, basic};
}

} // namespace

class TestKubeconfigWriter : public QObject
{
    Q_OBJECT

private slots:
    void rendersAStandaloneKubeconfig()
    {
        const QByteArray rendered = KubeconfigWriter::render(fleetEntries(), QStringLiteral("dev"));
        const YAML::Node config = YAML::Load(rendered.toStdString());
        QCOMPARE(text(config["apiVersion"]), QStringLiteral("v1"));
        QCOMPARE(text(config["kind"]), QStringLiteral("Config"));
        QCOMPARE(text(config["current-context"]), QStringLiteral("dev"));

        // One cluster entry per cluster, however many users it has.
        const YAML::Node clusters = config["clusters"];
        QCOMPARE(int(clusters.size()), 2);
        QCOMPARE(text(clusters[0]["name"]), QStringLiteral("dev"));
        QCOMPARE(text(clusters[0]["cluster"]["server"]), QStringLiteral("https://127.0.0.1:40001"));
        QCOMPARE(decoded(clusters[0]["cluster"]["certificate-authority-data"]),
                 fleetEntries().first().caPem);
        QCOMPARE(text(clusters[1]["name"]), QStringLiteral("prod"));

        const YAML::Node users = config["users"];
        QCOMPARE(int(users.size()), 3);
        QCOMPARE(text(users[0]["name"]), QStringLiteral("dev-admin"));
        QCOMPARE(decoded(users[0]["user"]["client-certificate-data"]),
                 fleetEntries().first().clientCertificatePem);
        QCOMPARE(decoded(users[0]["user"]["client-key-data"]), fleetEntries().first().clientKeyPem);
        QCOMPARE(text(users[0]["user"]["token"]), QStringLiteral("dev-admin-token"));
        QCOMPARE(text(users[1]["user"]["token"]), QStringLiteral("view:only"));
        QVERIFY(!users[1]["user"]["client-certificate-data"]);
        QCOMPARE(text(users[2]["user"]["username"]), QStringLiteral("ops"));
        QCOMPARE(users[2]["user"]["password"].Tag(), std::string("!")); // quoted: a string
        QCOMPARE(text(users[2]["user"]["password"]), QStringLiteral("true"));

        const YAML::Node contexts = config["contexts"];
        QCOMPARE(int(contexts.size()), 3);
        QCOMPARE(text(contexts[0]["name"]), QStringLiteral("dev"));
        QCOMPARE(text(contexts[0]["context"]["cluster"]), QStringLiteral("dev"));
        QCOMPARE(text(contexts[0]["context"]["user"]), QStringLiteral("dev-admin"));
        QCOMPARE(text(contexts[0]["context"]["namespace"]), QStringLiteral("shop"));
        QCOMPARE(text(contexts[1]["name"]), QStringLiteral("dev-viewer"));
        QVERIFY(!contexts[1]["context"]["namespace"]);
        // No context name given: "<cluster>-<user>".
        QCOMPARE(text(contexts[2]["name"]), QStringLiteral("prod-prod-ops"));
        QCOMPARE(text(contexts[2]["context"]["user"]), QStringLiteral("prod-ops"));
        QCOMPARE(contexts[2]["context"]["namespace"].Tag(), std::string("!"));
        QCOMPARE(text(contexts[2]["context"]["namespace"]), QStringLiteral("0123"));
        // Plain names stay plain, as kubectl writes them.
        QVERIFY(rendered.contains("\npreferences: {}\nclusters:\n  - name: dev\n"));
    }

    void basicAuthIsLeftOutNextToAToken()
    {
        KubeconfigEntry entry = fleetEntries().at(2);
        entry.token = QStringLiteral("t");
        const YAML::Node config
            = YAML::Load(KubeconfigWriter::render({entry}, QString()).toStdString());
        QCOMPARE(text(config["users"][0]["user"]["token"]), QStringLiteral("t"));
        QVERIFY(!config["users"][0]["user"]["username"]);
        QVERIFY(!config["users"][0]["user"]["password"]);
    }

    void writesOwnerOnly()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("kubeconfig"));
        QString error;
        QVERIFY2(KubeconfigWriter::write(path, fleetEntries(), QStringLiteral("dev"), &error),
                 qPrintable(error));
        QCOMPARE(mode(path), 0600);
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), KubeconfigWriter::render(fleetEntries(), QStringLiteral("dev")));
    }

    void tightensAnExistingFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("config"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("a much longer old content that must not survive the rewrite .........\n");
        file.close();
        QVERIFY(::chmod(path.toLocal8Bit().constData(), 0644) == 0);
        QString error;
        QVERIFY(KubeconfigWriter::write(path, fleetEntries(), QStringLiteral("prod"), &error));
        QCOMPARE(mode(path), 0600);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), KubeconfigWriter::render(fleetEntries(), QStringLiteral("prod")));
    }

    void reportsWhyItCannotWrite()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("missing/kubeconfig"));
        QString error;
        QVERIFY(!KubeconfigWriter::write(path, fleetEntries(), QStringLiteral("dev"), &error));
        QCOMPARE(error,
                 path + QStringLiteral(": cannot open for writing: No such file or directory"));
    }
};

QTEST_GUILESS_MAIN(TestKubeconfigWriter)
#include "tst_kubeconfigwriter.moc"
