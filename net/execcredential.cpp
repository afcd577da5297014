// SPDX-License-Identifier: GPL-3.0-or-later
#include "execcredential.h"

#include "boundedprocess.h"
#include "clusterconnection.h"
#include "secretredaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcessEnvironment>

namespace {

// Enough of the plugin's stderr to explain a failure without flooding a banner.
constexpr qsizetype MaxStderrChars = 2000;

QString prefix(const ClusterConnection &connection)
{
    return QCoreApplication::translate("ExecPlugin", "exec plugin \"%1\" (user \"%2\")")
        .arg(connection.exec->command, connection.userName);
}

// What the plugin said on stderr, fit for a banner: redacted (a plugin may print a refresh
// token while it fails) and short.
QString explanation(const ProcessOutcome &outcome)
{
    // Redacted before it is cut, so a secret across the cut is still replaced whole.
    QString text = SecretRedaction::redactForeign(
        QString::fromLocal8Bit(outcome.standardError).trimmed().left(2 * MaxStderrChars));
    if (text.size() > MaxStderrChars || outcome.standardErrorTruncated)
        text = text.left(MaxStderrChars) + QStringLiteral(" …");
    return text;
}

QString withHint(QString text, const ClusterConnection &connection)
{
    if (!connection.exec->installHint.isEmpty())
        text += QLatin1Char('\n') + connection.exec->installHint;
    return text;
}

} // namespace

QString ExecPlugin::waitingText(const ClusterConnection &connection, int timeoutMs)
{
    return QCoreApplication::translate("ExecPlugin",
                                       "Waiting for %1; it is stopped after %2 s if it does not "
                                       "answer")
        .arg(prefix(connection))
        .arg(timeoutMs / 1000);
}

QByteArray ExecPlugin::requestJson(const ClusterConnection &connection)
{
    QJsonObject spec {{QStringLiteral("interactive"), false}};
    if (connection.exec->provideClusterInfo) {
        // Field names and omitempty as in client.authentication.k8s.io Cluster.
        QJsonObject cluster {{QStringLiteral("server"), connection.server}};
        if (!connection.tlsServerName.isEmpty())
            cluster.insert(QStringLiteral("tls-server-name"), connection.tlsServerName);
        if (connection.insecureSkipTlsVerify)
            cluster.insert(QStringLiteral("insecure-skip-tls-verify"), true);
        if (!connection.caPem.isEmpty()) {
            cluster.insert(QStringLiteral("certificate-authority-data"),
                           QString::fromLatin1(connection.caPem.toBase64()));
        }
        if (!connection.proxyUrl.isEmpty())
            cluster.insert(QStringLiteral("proxy-url"), connection.proxyUrl);
        if (connection.disableCompression)
            cluster.insert(QStringLiteral("disable-compression"), true);
        if (!connection.execClusterConfig.isEmpty())
            cluster.insert(QStringLiteral("config"), connection.execClusterConfig);
        spec.insert(QStringLiteral("cluster"), cluster);
    }
    const QJsonObject request {{QStringLiteral("apiVersion"), connection.exec->apiVersion},
                               {QStringLiteral("kind"), QStringLiteral("ExecCredential")},
                               {QStringLiteral("spec"), spec}};
    return QJsonDocument(request).toJson(QJsonDocument::Compact);
}

bool ExecPlugin::parseOutput(const QByteArray &output, const ClusterConnection &connection,
                             ExecCredential *credential, QString *error)
{
    const QString who = prefix(connection);
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(output, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
        *error = QCoreApplication::translate("ExecPlugin",
                                             "%1 printed output that is not a JSON object")
                     .arg(who);
        return false;
    }
    const QJsonObject object = doc.object();
    const QString apiVersion = object.value(QStringLiteral("apiVersion")).toString();
    if (apiVersion != connection.exec->apiVersion) {
        *error = QCoreApplication::translate("ExecPlugin",
                                             "%1 returned apiVersion \"%2\", expected \"%3\"")
                     .arg(who, apiVersion, connection.exec->apiVersion);
        return false;
    }
    const QString kind = object.value(QStringLiteral("kind")).toString();
    if (kind != QStringLiteral("ExecCredential")) {
        *error = QCoreApplication::translate("ExecPlugin",
                                             "%1 returned kind \"%2\", expected \"ExecCredential\"")
                     .arg(who, kind);
        return false;
    }
    const QJsonValue statusValue = object.value(QStringLiteral("status"));
    if (!statusValue.isObject()) {
        *error = QCoreApplication::translate("ExecPlugin", "%1 returned no status").arg(who);
        return false;
    }
    const QJsonObject status = statusValue.toObject();
    ExecCredential result;
    result.token = status.value(QStringLiteral("token")).toString();
    result.clientCertificatePem
        = status.value(QStringLiteral("clientCertificateData")).toString().toUtf8();
    result.clientKeyPem = status.value(QStringLiteral("clientKeyData")).toString().toUtf8();
    if (result.clientCertificatePem.isEmpty() != result.clientKeyPem.isEmpty()) {
        *error = QCoreApplication::translate(
                     "ExecPlugin", "%1 returned only a client certificate or key, not both")
                     .arg(who);
        return false;
    }
    if (result.token.isEmpty() && result.clientCertificatePem.isEmpty()) {
        *error = QCoreApplication::translate(
                     "ExecPlugin", "%1 returned neither a token nor a client certificate and key")
                     .arg(who);
        return false;
    }
    const QString expiration = status.value(QStringLiteral("expirationTimestamp")).toString();
    if (!expiration.isEmpty()) {
        result.expiration = QDateTime::fromString(expiration, Qt::ISODateWithMs);
        if (!result.expiration.isValid()) {
            *error = QCoreApplication::translate(
                         "ExecPlugin", "%1 returned an invalid expirationTimestamp \"%2\"")
                         .arg(who, expiration);
            return false;
        }
    }
    *credential = result;
    return true;
}

NetError ExecPlugin::run(const ClusterConnection &connection, int timeoutMs,
                         const CancelToken &cancel, ExecCredential *credential)
{
    const KubeExecConfig &config = *connection.exec;
    const QString who = prefix(connection);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const auto &[name, value] : config.env)
        env.insert(name, value);
    env.insert(QStringLiteral("KUBERNETES_EXEC_INFO"), QString::fromUtf8(requestJson(connection)));
    ProcessLimits limits;
    limits.timeoutMs = timeoutMs;
    const ProcessOutcome outcome
        = BoundedProcess::run(config.command, config.args, env.toStringList(), limits, cancel);
    const auto fail
        = [&](const QString &text) { return NetError::config(withHint(text, connection)); };
    switch (outcome.end) {
    case ProcessOutcome::End::FailedToStart:
        return fail(QCoreApplication::translate("ExecPlugin", "%1 could not be started: %2")
                        .arg(who, outcome.startError));
    case ProcessOutcome::End::Cancelled:
        return NetError::cancelled();
    case ProcessOutcome::End::TimedOut:
        return fail(QCoreApplication::translate("ExecPlugin",
                                                "%1 did not finish within %2 seconds; it was "
                                                "stopped with every process it started")
                        .arg(who)
                        .arg(timeoutMs / 1000.0));
    case ProcessOutcome::End::StdoutTooLarge:
        return fail(QCoreApplication::translate("ExecPlugin",
                                                "%1 printed more than %2 KiB and was stopped; "
                                                "a credential is never that large")
                        .arg(who)
                        .arg(limits.maxStdoutBytes / 1024));
    case ProcessOutcome::End::Signalled:
    case ProcessOutcome::End::Exited:
        break;
    }
    if (outcome.end == ProcessOutcome::End::Signalled || outcome.exitCode != 0) {
        QString text = outcome.end == ProcessOutcome::End::Signalled
            ? QCoreApplication::translate("ExecPlugin", "%1 was ended by signal %2")
                  .arg(who)
                  .arg(outcome.signal)
            : QCoreApplication::translate("ExecPlugin", "%1 failed with exit code %2")
                  .arg(who)
                  .arg(outcome.exitCode);
        const QString stderrText = explanation(outcome);
        if (!stderrText.isEmpty())
            text += QStringLiteral(": ") + stderrText;
        return fail(text);
    }
    QString error;
    if (!parseOutput(outcome.standardOutput, connection, credential, &error))
        return NetError::config(error);
    SecretRedaction::remember(credential->token);
    return NetError();
}
