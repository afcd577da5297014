// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argocdclient.h"
#include "environmentspec.h"
#include "kubeconfig.h"

#include <QCoreApplication>
#include <QList>
#include <QString>

#include <memory>

// One Argo CD server of one environment (an item of its `argocd:` list).
struct ArgoServer
{
    EnvironmentSpec environment;
    ArgoCdInstance instance;
    // "dev/argocd": how the commands name it in messages.
    QString label() const;
};

// What one server listed, or why it could not.
struct ArgoServerListing
{
    ArgoServer server;
    QList<ArgoApplication> applications; // sorted by name; environment and instance set
    NetError error; // its message names the instance; never a token
};

// The Argo CD servers of the headless commands (`get applications`, `app ...`): which ones
// the command names, a client for each (a ServiceProxy server through the environment's
// kubeconfig context, like the other headless commands reach a cluster), and a one-off list.
class ArgoServers
{
    Q_DECLARE_TR_FUNCTIONS(ArgoServers)

public:
    explicit ArgoServers(const Kubeconfig &kubeconfig);

    // Every argocd: item of `environments` (already narrowed by --env), or only the one named
    // `instance`. An environment without argocd: is skipped, unless --env named it
    // (`namedEnvironment`): then, as for an unknown instance, false with *error.
    static bool select(const QList<EnvironmentSpec> &environments, const QString &namedEnvironment,
                       const QString &instance, QList<ArgoServer> *out, QString *error);

    // nullptr with *error when the environment's context cannot be resolved.
    std::unique_ptr<ArgoCdClient> client(const ArgoServer &server, QString *error) const;
    // Lists each server once, one after the other.
    QList<ArgoServerListing> list(const QList<ArgoServer> &servers) const;

private:
    Kubeconfig m_kubeconfig;
};
