// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "kubeconfig.h"

#include <QByteArray>
#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

// Everything needed to talk to one cluster as one user, resolved from a kubeconfig context:
// files read, relative paths resolved, defaults applied and the combination validated. A
// value: copy it to each worker thread.
struct ClusterConnection
{
    QString contextName;
    QString clusterName;
    QString userName;
    QString namespaceName; // effective: "default" when the context sets none
    QString clusterSourceFile; // the files that defined the entries, for messages
    QString userSourceFile;

    QString server; // scheme://host[:port][/prefix], no trailing '/'
    QByteArray caPem; // empty: the system's trust store
    bool insecureSkipTlsVerify = false;
    QString tlsServerName; // SNI and certificate name instead of the server's host
    QString proxyUrl; // empty: libcurl honours http_proxy / https_proxy / no_proxy
    bool disableCompression = false;

    // Credentials. A static token wins over tokenFile and over exec; exec runs only when no
    // token is configured. A client certificate may be combined with a token.
    QString token;
    QString tokenFile; // re-read on every use so rotated tokens are picked up
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
    QString username; // basic auth
    QString password;
    std::optional<KubeExecConfig> exec; // interactiveMode defaulted, validated
    QJsonObject execClusterConfig; // the cluster's client.authentication.k8s.io/exec extension

    QStringList warnings; // non-fatal findings, e.g. a path and data both given

    // Resolves `contextName` (empty: the current context). False with a precise *error
    // that names the file, the entry and the problem.
    static bool resolve(const Kubeconfig &config, const QString &contextName,
                        ClusterConnection *out, QString *error);
};

Q_DECLARE_METATYPE(ClusterConnection)
