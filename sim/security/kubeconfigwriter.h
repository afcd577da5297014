// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace rdsim {

// Writes a kubeconfig for the simulated clusters: one cluster entry per simulated cluster,
// one user entry per (cluster, user) and one context per pair, named "<cluster>" for the
// cluster's first (default) user and "<cluster>-<user>" for the others. Data is inline
// (certificate-authority-data, client-certificate-data, token) so the file stands alone.
struct KubeconfigEntry
{
    QString clusterName;
    QString server; // https://127.0.0.1:PORT
    QByteArray caPem;
    QString userName;
    QString contextName;
    QString token;
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    QString username; // basic auth
    QString password;
    QString namespaceName; // context namespace; empty = none
};

class KubeconfigWriter
{
public:
    static QByteArray render(const QList<KubeconfigEntry> &entries, const QString &currentContext);
    // Writes with mode 0600 (it holds credentials). Returns false and sets *error on failure.
    static bool write(const QString &path, const QList<KubeconfigEntry> &entries,
                      const QString &currentContext, QString *error);
};

} // namespace rdsim
