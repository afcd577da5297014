// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canceltoken.h"
#include "clusterconnection.h"
#include "httpclient.h"
#include "kubeclient.h"
#include "neterror.h"
#include "prometheusendpoint.h"

#include <QByteArray>
#include <QString>

#include <memory>

// One HTTP answer of a Prometheus-compatible server, before decoding.
struct PromHttpAnswer
{
    NetError transportError; // no usable answer: connect, TLS, timeout, cancel, config
    int status = 0;
    QByteArray body;
    int retryAfterSeconds = -1;
    bool wasPost = false; // diagnostics and tests

    bool hasAnswer() const { return !transportError.isError(); }
};

// How requests reach one PrometheusEndpoint: the resolved base URL, headers, credentials and
// TLS of a direct endpoint (files read here: token and password files on every request so
// rotation works, certificates once), or a KubeClient for the API server's service proxy,
// which brings the kubeconfig's credentials (token, certificates, exec plugins) without a
// second copy of that code. Owns its curl handle: one thread at a time, like KubeClient.
class PrometheusConnection
{
public:
    // Direct mode (endpoint.mode == Direct).
    explicit PrometheusConnection(const PrometheusEndpoint &endpoint);
    // Service proxy mode through `cluster` (endpoint.mode == ServiceProxy).
    PrometheusConnection(const PrometheusEndpoint &endpoint, const ClusterConnection &cluster);
    ~PrometheusConnection();
    PrometheusConnection(const PrometheusConnection &) = delete;
    PrometheusConnection &operator=(const PrometheusConnection &) = delete;

    const PrometheusEndpoint &endpoint() const { return m_endpoint; }
    void setLimits(const HttpLimits &limits);
    // Retries on 429/503 that carry Retry-After, each wait capped (default: 1 retry, 5 s).
    void setRetryPolicy(int maxRetries, int maxWaitSeconds);
    // GET becomes POST (form body) when the URL would be longer than this (default 4000).
    void setPostThreshold(int urlBytes) { m_postThreshold = urlBytes; }
    qint64 connectionsOpened() const;

    // The path of an API call below the base: "/api/v1/query" -> "/prometheus/api/v1/query"
    // (direct) or "/api/v1/namespaces/monitoring/services/prometheus:9090/proxy/api/v1/query".
    QString pathFor(const QString &apiPath) const;
    // The GET URL of a call (percent-encoded).
    QByteArray urlFor(const QString &apiPath, const QueryItems &params) const;

    // GET with the parameters in the query string, or POST with them as a form when
    // allowPost and the URL would be too long. GET first because caching proxies and
    // read-only RBAC (a POST to services/proxy needs the "create" verb) prefer it.
    PromHttpAnswer send(const QString &apiPath, const QueryItems &params, bool allowPost,
                        const CancelToken &cancel = CancelToken());

private:
    PromHttpAnswer sendDirect(const QString &apiPath, const QueryItems &params, bool post,
                              const CancelToken &cancel);
    PromHttpAnswer sendProxied(const QString &apiPath, const QueryItems &params, bool post,
                               const CancelToken &cancel);
    NetError loadTransport();
    NetError authorization(HttpHeaders *headers) const;
    static QByteArray formEncode(const QueryItems &params);

    PrometheusEndpoint m_endpoint;
    std::unique_ptr<HttpClient> m_http; // direct
    std::unique_ptr<KubeClient> m_kube; // service proxy
    TransportSettings m_transport;
    bool m_transportLoaded = false;
    HttpHeaders m_headers; // the endpoint's extra headers
    int m_maxRetries = 1;
    int m_maxRetryWaitSeconds = 5;
    int m_postThreshold = 4000;
};
