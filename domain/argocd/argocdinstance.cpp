// SPDX-License-Identifier: GPL-3.0-or-later
#include "argocdinstance.h"

ArgoCdInstance ArgoCdInstance::defaults()
{
    ArgoCdInstance instance;
    instance.name = QStringLiteral("argocd");
    ServiceEndpoint &endpoint = instance.endpoint;
    endpoint.isImplicit = false;
    endpoint.mode = ServiceEndpoint::Mode::ServiceProxy;
    // Where the Argo CD install manifests put the API server.
    endpoint.serviceNamespace = QStringLiteral("argocd");
    endpoint.serviceName = QStringLiteral("argocd-server");
    endpoint.servicePort = QStringLiteral("443");
    endpoint.serviceScheme = QStringLiteral("https");
    endpoint.tokenCookie = QStringLiteral("argocd.token");
    return instance;
}

QString ArgoCdInstance::describe() const
{
    return QStringLiteral("%1 (%2)").arg(name, endpoint.describe());
}
