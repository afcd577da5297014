// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apiserver.h"
#include "metrics/promqlengine.h"
#include "security/accesscontrol.h"

#include <QString>

#include <memory>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace rdsim {

class PodHistory;
class PrometheusParams;

// The Prometheus HTTP API (v2.42) over a cluster's synthetic metrics, reached two ways on the
// cluster's API server: under the prefix /prometheus (as Mimir and VictoriaMetrics serve it)
// and through the Kubernetes service proxy of the service `prometheus` in namespace
// `monitoring` (/api/v1/namespaces/monitoring/services/[http:]prometheus[:9090]/proxy/...).
// Both need an authenticated user (anonymous requests get 401); the proxy also needs RBAC
// on services/proxy in `monitoring`: get for GET and HEAD, create for POST, as Kubernetes
// maps HTTP methods to proxy verbs.
class PrometheusApi
{
public:
    enum class Access { None, Prefix, ServiceProxy };
    struct Target
    {
        Access access = Access::None;
        QString apiPath; // below Prometheus' root: "/api/v1/query", "/-/ready", ...
        QString ns; // ServiceProxy: the namespace in the path
        QString service; // ServiceProxy: the path segment, e.g. "http:prometheus:9090"
    };
    // Whether a request path (trailing slashes removed) is for Prometheus, and how.
    static Target match(const QString &path);

    explicit PrometheusApi(const ApiServer::Context &context);
    ~PrometheusApi();
    PrometheusApi(const PrometheusApi &) = delete;
    PrometheusApi &operator=(const PrometheusApi &) = delete;

    void handle(const httplib::Request &request, httplib::Response &response, const UserInfo &user,
                const Target &target);

    static QString buildVersion() { return QStringLiteral("2.42.0-rd-sim"); }

private:
    void serve(const httplib::Request &request, httplib::Response &response,
               const QString &apiPath);
    void query(const PrometheusParams &params, httplib::Response &response);
    void queryRange(const PrometheusParams &params, httplib::Response &response);
    void series(const PrometheusParams &params, httplib::Response &response);
    void labels(const PrometheusParams &params, httplib::Response &response,
                const QString &valuesOf);
    promql::Engine engine();

    ApiServer::Context m_context;
    std::unique_ptr<PodHistory> m_ownHistory; // when the server was given none
    PodHistory *m_history = nullptr;
};

} // namespace rdsim
