// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/accesscontrol.h"

#include <QString>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace rdsim {

// A service reachable through the Kubernetes API server's service proxy
// (/api/v1/namespaces/NS/services/[scheme:]NAME[:port]/proxy/PATH), such as Argo CD's
// argocd-server. The API server authenticates and authorizes first; the service then sees the
// request without its Authorization header, as a real API server forwards it.
class ProxiedService
{
public:
    virtual ~ProxiedService() = default;
    // Whether `segment` ("https:argocd-server:443", ...) in namespace `ns` names this service.
    virtual bool matches(const QString &ns, const QString &segment) const = 0;
    // apiPath: the path below /proxy ("/api/v1/applications"), "/" when empty.
    virtual void serveProxied(const httplib::Request &request, httplib::Response &response,
                              const QString &apiPath)
        = 0;
};

// The Kubernetes side of the service proxy, shared by every proxied service.
class ServiceProxy
{
public:
    // Kubernetes maps the HTTP method to the verb checked on services/proxy.
    static QString verbOf(const std::string &method);
    // 401 for anonymous users and 403 without `services/proxy` in the namespace (Status
    // bodies written to `response`); true when the request may pass.
    static bool authorize(const httplib::Request &request, httplib::Response &response,
                          const UserInfo &user, const AccessControl *access, const QString &ns,
                          const QString &segment);
};

} // namespace rdsim
