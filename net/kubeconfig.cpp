// SPDX-License-Identifier: GPL-3.0-or-later
#include "kubeconfig.h"

bool KubeExecConfig::operator==(const KubeExecConfig &other) const
{
    return command == other.command && args == other.args && env == other.env
        && apiVersion == other.apiVersion && installHint == other.installHint
        && provideClusterInfo == other.provideClusterInfo
        && interactiveMode == other.interactiveMode;
}

Kubeconfig Kubeconfig::merge(const QList<KubeconfigFile> &files)
{
    Kubeconfig config;
    for (const KubeconfigFile &file : files) {
        config.m_files << file.path;
        if (config.m_currentContext.isEmpty())
            config.m_currentContext = file.currentContext;
        for (const KubeCluster &cluster : file.clusters) {
            if (!config.m_clusterIndex.contains(cluster.name)) {
                config.m_clusterIndex.insert(cluster.name, config.m_clusters.size());
                config.m_clusters << cluster;
            }
        }
        for (const KubeUser &user : file.users) {
            if (!config.m_userIndex.contains(user.name)) {
                config.m_userIndex.insert(user.name, config.m_users.size());
                config.m_users << user;
            }
        }
        for (const KubeContext &context : file.contexts) {
            if (!config.m_contextIndex.contains(context.name)) {
                config.m_contextIndex.insert(context.name, config.m_contexts.size());
                config.m_contexts << context;
            }
        }
    }
    return config;
}

QStringList Kubeconfig::contextNames() const
{
    QStringList names;
    names.reserve(m_contexts.size());
    for (const KubeContext &context : m_contexts)
        names << context.name;
    return names;
}

const KubeContext *Kubeconfig::context(const QString &name) const
{
    const auto it = m_contextIndex.constFind(name);
    return it == m_contextIndex.cend() ? nullptr : &m_contexts.at(*it);
}

const KubeCluster *Kubeconfig::cluster(const QString &name) const
{
    const auto it = m_clusterIndex.constFind(name);
    return it == m_clusterIndex.cend() ? nullptr : &m_clusters.at(*it);
}

const KubeUser *Kubeconfig::user(const QString &name) const
{
    const auto it = m_userIndex.constFind(name);
    return it == m_userIndex.cend() ? nullptr : &m_users.at(*it);
}
