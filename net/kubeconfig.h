// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <optional>

// The kubeconfig as client-go reads it (tools/clientcmd/api/v1). Paths are already resolved
// against the folder of the file that defined the entry; `sourceFile` names that file so
// every later error can say where to look.

struct KubeExecConfig
{
    QString command; // resolved when it contains '/', else looked up on PATH
    QStringList args;
    QList<QPair<QString, QString>> env;
    QString apiVersion;
    QString installHint;
    bool provideClusterInfo = false;
    QString interactiveMode; // "Never", "IfAvailable", "Always"; empty when not given

    bool operator==(const KubeExecConfig &other) const;
};

struct KubeCluster
{
    QString name;
    QString sourceFile;
    QString server;
    QString certificateAuthority; // path
    QByteArray certificateAuthorityData; // decoded PEM
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QString proxyUrl;
    bool disableCompression = false;
    // extensions[name == "client.authentication.k8s.io/exec"].extension, for exec plugins
    QJsonObject execExtension;
};

struct KubeUser
{
    QString name;
    QString sourceFile;
    QString clientCertificate; // path
    QByteArray clientCertificateData; // decoded PEM
    QString clientKey; // path
    QByteArray clientKeyData; // decoded PEM
    QString token;
    QString tokenFile;
    QString username;
    QString password;
    std::optional<KubeExecConfig> exec;
    QString authProvider; // auth-provider.name; empty when absent
};

struct KubeContext
{
    QString name;
    QString sourceFile;
    QString cluster;
    QString user;
    QString namespaceName; // empty when not given (the effective namespace is "default")

    QString effectiveNamespace() const
    {
        return namespaceName.isEmpty() ? QStringLiteral("default") : namespaceName;
    }
};

// One parsed file, before merging.
struct KubeconfigFile
{
    QString path;
    QList<KubeCluster> clusters;
    QList<KubeUser> users;
    QList<KubeContext> contexts;
    QString currentContext;
};

// The merged view over every loaded file.
class Kubeconfig
{
public:
    // Merges like client-go: the first file that defines a name wins (whole entries, never
    // field by field), the first non-empty current-context wins.
    static Kubeconfig merge(const QList<KubeconfigFile> &files);

    QStringList files() const { return m_files; }
    QString currentContext() const { return m_currentContext; }
    // In order of first definition, for a stable environment list.
    const QList<KubeContext> &contexts() const { return m_contexts; }
    QStringList contextNames() const;

    const KubeContext *context(const QString &name) const;
    const KubeCluster *cluster(const QString &name) const;
    const KubeUser *user(const QString &name) const;

private:
    QStringList m_files;
    QString m_currentContext;
    QList<KubeCluster> m_clusters;
    QList<KubeUser> m_users;
    QList<KubeContext> m_contexts;
    QHash<QString, qsizetype> m_clusterIndex;
    QHash<QString, qsizetype> m_userIndex;
    QHash<QString, qsizetype> m_contextIndex;
};
