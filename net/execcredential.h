// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canceltoken.h"
#include "kubeconfig.h"
#include "neterror.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

struct ClusterConnection;

namespace ExecCredentialApi {
inline const QString v1 = QStringLiteral("client.authentication.k8s.io/v1");
inline const QString v1beta1 = QStringLiteral("client.authentication.k8s.io/v1beta1");
} // namespace ExecCredentialApi

// What an exec plugin returned: a token, or a client certificate and key.
struct ExecCredential
{
    QString token;
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    QDateTime expiration; // invalid: valid for the life of the process
    quint64 generation = 0; // which plugin run produced it, to tell "already rotated"

    bool isExpired(const QDateTime &now) const { return expiration.isValid() && now > expiration; }
};

// Runs a client-go exec credential plugin (client.authentication.k8s.io v1 / v1beta1).
// Blocking: call it on worker threads only, never on the GUI thread.
class ExecPlugin
{
public:
    // The ExecCredential request put into KUBERNETES_EXEC_INFO: spec.interactive is always
    // false (a GUI cannot prompt), spec.cluster only when provideClusterInfo is set.
    static QByteArray requestJson(const ClusterConnection &connection);

    // "Waiting for exec plugin "aws" (user "dev"); it is stopped after 60 s": what a
    // connection shows while the plugin runs.
    static QString waitingText(const ClusterConnection &connection, int timeoutMs);

    // Parses the plugin's stdout. Errors name the plugin and the user, never the output
    // (it holds secrets).
    static bool parseOutput(const QByteArray &output, const ClusterConnection &connection,
                            ExecCredential *credential, QString *error);

    // Runs the plugin with the configured args and env (plus KUBERNETES_EXEC_INFO) under
    // BoundedProcess: stdin /dev/null, stdout capped at 1 MiB, stderr at 64 KiB, its process
    // group killed on timeout or cancel. A failure gives a Config error with the plugin's
    // stderr (redacted, shortened) and the config's installHint; a cancel gives Cancelled.
    static NetError run(const ClusterConnection &connection, int timeoutMs,
                        const CancelToken &cancel, ExecCredential *credential);
};
