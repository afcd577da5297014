// SPDX-License-Identifier: GPL-3.0-or-later
#include "argoservers.h"

#include "clusterconnection.h"

#include <algorithm>

QString ArgoServer::label() const
{
    return environment.name + QLatin1Char('/') + instance.name;
}

ArgoServers::ArgoServers(const Kubeconfig &kubeconfig) : m_kubeconfig(kubeconfig) { }

bool ArgoServers::select(const QList<EnvironmentSpec> &environments,
                         const QString &namedEnvironment, const QString &instance,
                         QList<ArgoServer> *out, QString *error)
{
    out->clear();
    QStringList instances; // every name seen, for the message about an unknown one
    for (const EnvironmentSpec &environment : environments) {
        if (environment.argocd.isEmpty() && !namedEnvironment.isEmpty()) {
            *error = tr("environment '%1' has no Argo CD server: add an argocd: list to its "
                        "entry in the config file")
                         .arg(environment.name);
            return false;
        }
        for (const ArgoCdInstance &server : environment.argocd) {
            if (!instances.contains(server.name))
                instances.append(server.name);
            if (instance.isEmpty() || server.name == instance)
                out->append({environment, server});
        }
    }
    if (!instance.isEmpty() && out->isEmpty()) {
        *error = instances.isEmpty()
            ? tr("--instance %1: no environment has an Argo CD server (argocd: in the config "
                 "file)")
                  .arg(instance)
            : tr("--instance %1: no such Argo CD server (servers: %2)")
                  .arg(instance, instances.join(QStringLiteral(", ")));
        return false;
    }
    return true;
}

std::unique_ptr<ArgoCdClient> ArgoServers::client(const ArgoServer &server, QString *error) const
{
    if (server.instance.endpoint.mode != ServiceEndpoint::Mode::ServiceProxy)
        return std::make_unique<ArgoCdClient>(server.instance);
    ClusterConnection connection;
    if (!ClusterConnection::resolve(m_kubeconfig, server.environment.context, &connection, error))
        return nullptr;
    return std::make_unique<ArgoCdClient>(server.instance, connection);
}

QList<ArgoServerListing> ArgoServers::list(const QList<ArgoServer> &servers) const
{
    QList<ArgoServerListing> listings;
    for (const ArgoServer &server : servers) {
        ArgoServerListing listing;
        listing.server = server;
        QString error;
        const std::unique_ptr<ArgoCdClient> client = this->client(server, &error);
        if (!client) {
            listing.error = NetError::config(error);
            listings.append(listing);
            continue;
        }
        ArgoResult<ArgoApplicationList> listed = client->applications(ArgoAppQuery());
        listing.error = listed.error;
        listing.applications = listed.value.items;
        for (ArgoApplication &application : listing.applications) {
            application.environment = server.environment.name;
            application.instance = server.instance.name;
        }
        std::sort(listing.applications.begin(), listing.applications.end(),
                  [](const ArgoApplication &a, const ArgoApplication &b) {
                      return std::tie(a.name, a.appNamespace) < std::tie(b.name, b.appNamespace);
                  });
        listings.append(listing);
    }
    return listings;
}
