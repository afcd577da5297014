// SPDX-License-Identifier: GPL-3.0-or-later
// Secrets planted in every place a credential can come from (token, token file, basic auth,
// exec plugin, proxy URL, Prometheus URL) against a server that echoes them back in its
// error bodies and a plugin that prints them on failure. The real program runs its
// commands and its window; nothing it prints, and nothing in the audit file, may hold one.
#include "../loopbackserver.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <thread>

namespace {

const QStringList &planted()
{
    static const QStringList secrets {
        QStringLiteral("PLANTED-token-5b1f0c9d"),    QStringLiteral("PLANTED-file-77aa31e0"),
        QStringLiteral("PLANTED-password-c3d4e5"),   QStringLiteral("PLANTED-exec-0e9d8c7b"),
        QStringLiteral("PLANTED-refresh-6a5b4c3d"),  QStringLiteral("PLANTED-proxy-1f2e3d4c"),
        QStringLiteral("PLANTED-prometheus-9a8b7c"),
    };
    return secrets;
}

// An API server that refuses everything by quoting the credential it was sent, except
// what an action needs to reach its PATCH (which then fails the same way).
class EchoingServer
{
public:
    EchoingServer()
    {
        m_server.routes.Get(
            ".*", [this](const httplib::Request &request, httplib::Response &response) {
                if (request.path
                        == "/apis/argoproj.io/v1alpha1/namespaces/shop-prod/rollouts/checkout"
                    && !m_rollout.isEmpty()) {
                    response.set_content(m_rollout.toStdString(), "application/json");
                    return;
                }
                refuse(request, response, 401, "Unauthorized");
            });
        m_server.routes.Post(
            ".*", [](const httplib::Request &request, httplib::Response &response) {
                if (request.path.find("selfsubjectaccessreviews") != std::string::npos) {
                    response.set_content(R"({"status":{"allowed":true}})", "application/json");
                    return;
                }
                refuse(request, response, 404, "NotFound");
            });
        m_server.routes.Patch(".*",
                              [](const httplib::Request &request, httplib::Response &response) {
                                  refuse(request, response, 500, "InternalError");
                              });
        m_server.start();
    }
    QString url() const { return m_server.url(); }
    void setRollout(const QByteArray &json) { m_rollout = json; }

private:
    static void refuse(const httplib::Request &request, httplib::Response &response, int code,
                       const char *reason)
    {
        const std::string sent = request.get_header_value("Authorization");
        const std::string raw = sent.substr(sent.find(' ') + 1);
        const QJsonObject status {
            {QStringLiteral("kind"), QStringLiteral("Status")},
            {QStringLiteral("status"), QStringLiteral("Failure")},
            {QStringLiteral("reason"), QString::fromLatin1(reason)},
            {QStringLiteral("code"), code},
            {QStringLiteral("message"),
             QStringLiteral("rejected Authorization: %1 (token=%2) raw %2")
                 .arg(QString::fromStdString(sent), QString::fromStdString(raw))},
        };
        response.status = code;
        response.set_content(QJsonDocument(status).toJson().toStdString(), "application/json");
    }

    QByteArray m_rollout;
    LoopbackServer m_server; // last: stopped first, while the members its routes use live
};

} // namespace

class TestPlantedSecret : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    EchoingServer m_server;
    QString m_kubeconfig;
    QString m_audit;

    QString write(const QString &name, const QByteArray &content, bool executable = false)
    {
        const QString path = m_dir.filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        file.write(content);
        file.close();
        if (executable)
            file.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        return path;
    }

    // Everything the program printed, plus the audit file.
    QByteArray runProgram(const QStringList &arguments, int killAfterMs = 0)
    {
        QProcess process;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("RELEASE_DASHBOARD_AUDIT_FILE"), m_audit);
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        environment.insert(QStringLiteral("HOME"), m_dir.path());
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir.filePath(QStringLiteral("c")));
        process.setProcessEnvironment(environment);
        process.start(QStringLiteral(RD_APP_EXE), arguments);
        if (killAfterMs > 0 && !process.waitForFinished(killAfterMs)) {
            process.terminate();
            if (!process.waitForFinished(5000))
                process.kill();
        }
        process.waitForFinished(60000);
        QByteArray output = process.readAllStandardOutput() + process.readAllStandardError();
        QFile audit(m_audit);
        if (audit.open(QIODevice::ReadOnly))
            output += audit.readAll();
        return output;
    }

    static void verifyNoSecret(const QByteArray &output)
    {
        for (const QString &secret : planted()) {
            for (const QByteArray &form : {secret.toUtf8(), secret.toUtf8().toBase64(),
                                           QByteArray("dev:" + secret.toUtf8()).toBase64()}) {
                if (output.contains(form))
                    QFAIL(qPrintable(QStringLiteral("%1 appears in:\n%2")
                                         .arg(secret, QString::fromUtf8(output))));
            }
        }
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_audit = m_dir.filePath(QStringLiteral("audit.jsonl"));
        QFile rollout(QStringLiteral(RD_TEST_DATA_DIR "/domain/rollout-canary-midstep.json"));
        QVERIFY(rollout.open(QIODevice::ReadOnly));
        m_server.setRollout(rollout.readAll());

        const QString tokenFile = write(QStringLiteral("token"), planted().at(1).toUtf8());
        // The plugin's first run issues a token; once the server refuses it, the second run
        // fails and prints the revoked token and a refresh token.
        const QString counter = m_dir.filePath(QStringLiteral("runs"));
        const QString plugin = write(
            QStringLiteral("plugin.sh"),
            "#!/bin/sh\nif [ -e '" + counter.toUtf8() + "' ]; then\n  echo '"
                + planted().at(3).toUtf8() + " was revoked; refresh_token="
                + planted().at(4).toUtf8() + "' >&2\n  exit 1\nfi\ntouch '" + counter.toUtf8()
                + "'\necho '{\"apiVersion\":\"client.authentication.k8s.io/v1\",\"kind\":"
                  "\"ExecCredential\",\"status\":{\"token\":\""
                + planted().at(3).toUtf8() + "\"}}'\n",
            true);
        const QByteArray server = m_server.url().toUtf8();
        m_kubeconfig = write(QStringLiteral("kubeconfig"),
                             "apiVersion: v1\nkind: Config\ncurrent-context: token\nclusters:\n"
                             "- name: c\n  cluster:\n    server: "
                                 + server
                                 + "\n"
                                   "- name: proxied\n  cluster:\n    server: "
                                 + server
                                 + "\n"
                                   "    proxy-url: http://dev:"
                                 + planted().at(5).toUtf8()
                                 + "@127.0.0.1:1\n"
                                   "users:\n"
                                   "- name: token\n  user:\n    token: "
                                 + planted().at(0).toUtf8()
                                 + "\n"
                                   "- name: file\n  user:\n    tokenFile: "
                                 + tokenFile.toUtf8()
                                 + "\n"
                                   "- name: basic\n  user:\n    username: dev\n    password: "
                                 + planted().at(2).toUtf8()
                                 + "\n- name: exec\n  user:\n    exec:\n      apiVersion: "
                                   "client.authentication.k8s.io/v1\n      command: "
                                 + plugin.toUtf8()
                                 + "\n      interactiveMode: Never\n"
                                   "contexts:\n"
                                   "- name: token\n  context: {cluster: c, user: token}\n"
                                   "- name: file\n  context: {cluster: c, user: file}\n"
                                   "- name: basic\n  context: {cluster: c, user: basic}\n"
                                   "- name: exec\n  context: {cluster: c, user: exec}\n"
                                   "- name: proxied\n  context: {cluster: proxied, user: token}\n");
    }

    void commands_data()
    {
        QTest::addColumn<QString>("context");
        for (const char *context : {"token", "file", "basic", "exec", "proxied"})
            QTest::newRow(context) << QString::fromLatin1(context);
    }

    void commands()
    {
        QFETCH(QString, context);
        QFile::remove(m_dir.filePath(QStringLiteral("runs")));
        const QStringList common
            = {QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("--context"), context};
        const QByteArray listed = runProgram(
            QStringList {QStringLiteral("get"), QStringLiteral("rollouts"), QStringLiteral("-A")}
            + common);
        QVERIFY2(listed.contains("rejected Authorization") || context == u"proxied",
                 listed.constData());
        verifyNoSecret(listed);
        if (context == u"exec") {
            // The plugin's failure reached the user, without what it printed in secret.
            QVERIFY2(listed.contains("[redacted] was revoked; refresh_token=[redacted]"),
                     listed.constData());
        }
        QFile::remove(m_dir.filePath(QStringLiteral("runs")));
        const QByteArray paused
            = runProgram(QStringList {QStringLiteral("pause"), QStringLiteral("checkout"),
                                      QStringLiteral("-n"), QStringLiteral("shop-prod")}
                         + common);
        verifyNoSecret(paused);
    }

    void prometheusUrlInConfig()
    {
        const QString config
            = write(QStringLiteral("config.yaml"),
                    "environments:\n  - name: prod\n    context: token\n    prometheus:\n"
                    "      url: http://admin:"
                        + planted().at(6).toUtf8() + "@metrics example:9090\n");
        const QByteArray output
            = runProgram({QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("--config"),
                          config, QStringLiteral("get"), QStringLiteral("rollouts")});
        QVERIFY2(output.contains("prometheus.url"), output.constData());
        verifyNoSecret(output);
    }

    void window()
    {
        // The window on every context for a few seconds: its warnings and anything Qt logs.
        const QString config = write(
            QStringLiteral("window.yaml"),
            "environments:\n  - name: a\n    context: token\n  - name: b\n    context: exec\n"
            "  - name: c\n    context: basic\n  - name: d\n    context: proxied\n");
        QFile::remove(m_dir.filePath(QStringLiteral("runs")));
        verifyNoSecret(runProgram(
            {QStringLiteral("--kubeconfig"), m_kubeconfig, QStringLiteral("--config"), config},
            4000));
    }
};

QTEST_GUILESS_MAIN(TestPlantedSecret)
#include "tst_plantedsecret.moc"
