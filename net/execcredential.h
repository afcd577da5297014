// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kubeconfig.h"

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

    // Parses the plugin's stdout. Errors name the plugin and the user, never the output
    // (it holds secrets).
    static bool parseOutput(const QByteArray &output, const ClusterConnection &connection,
                            ExecCredential *credential, QString *error);

    // Starts the plugin with the configured args and env (plus KUBERNETES_EXEC_INFO), stdin
    // closed, and waits up to timeoutMs. A failure to start, a timeout or a non-zero exit
    // gives an error with the plugin's trimmed stderr and the config's installHint.
    static bool run(const ClusterConnection &connection, int timeoutMs, ExecCredential *credential,
                    QString *error);
};
