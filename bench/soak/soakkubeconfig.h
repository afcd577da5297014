// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// The soak's kubeconfig and exec credential plugin, written to a temporary folder.
struct SoakCluster
{
    QString name;
    int port = 0;
    QByteArray caPem; // empty: insecure-skip-tls-verify (a cluster whose CA changes on restart)
    bool execUser = false; // the environment's user is the exec plugin, not the static token
};

class SoakKubeconfig
{
public:
    explicit SoakKubeconfig(const QString &dir) : m_dir(dir) { }

    // Writes plugin.sh and the kubeconfig; contexts: each cluster's name (the environment)
    // and admin-<name> (static token, for the independent state check). Returns its path.
    QString write(const QList<SoakCluster> &clusters, int credentialLifetimeSeconds);

    // From now on the plugin hangs (sleep 3600 in a child, as a stuck SSO helper would).
    void makePluginHang() const;
    // The plugin is hanging right now (it wrote this file before sleeping).
    bool isPluginHanging() const;
    // The pid of the plugin's `sleep` child (0 when none was started).
    qint64 sleepPid() const;
    int pluginRuns() const; // how often the plugin was started

private:
    QString m_dir;
};
