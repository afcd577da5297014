// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canceltoken.h"
#include "clusterconnection.h"
#include "httpclient.h"
#include "kubeclient.h"
#include "neterror.h"
#include "serviceendpoint.h"

#include <QByteArray>
#include <QString>

#include <memory>

// One HTTP answer of a service beside the cluster (Prometheus, Argo CD), before decoding.
struct ServiceAnswer
{
    NetError transportError; // no usable answer: connect, TLS, timeout, cancel, config
    int status = 0;
    QByteArray body;
    int retryAfterSeconds = -1;
    bool wasPost = false; // diagnostics and tests

    bool hasAnswer() const { return !transportError.isError(); }
};

// How requests reach one ServiceEndpoint: the resolved base URL, headers, credentials and
// TLS of a direct endpoint (files read here: token and password files on every request so
// rotation works, certificates once), or a KubeClient for the API server's service proxy,
// which brings the kubeconfig's credentials (token, certificates, exec plugins) without a
// second copy of that code. Owns its curl handle: one thread at a time, like KubeClient.
class ServiceConnection
{
public:
    // Direct mode (endpoint.mode == Direct).
    explicit ServiceConnection(const ServiceEndpoint &endpoint);
    // Service proxy mode through `cluster` (endpoint.mode == ServiceProxy).
    ServiceConnection(const ServiceEndpoint &endpoint, const ClusterConnection &cluster);
    ~ServiceConnection();
    ServiceConnection(const ServiceConnection &) = delete;
    ServiceConnection &operator=(const ServiceConnection &) = delete;

    const ServiceEndpoint &endpoint() const { return m_endpoint; }
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

    // Names the service in messages ("Prometheus", the default; "Argo CD").
    void setServiceLabel(const QString &label) { m_label = label; }
    // GET with the parameters in the query string, or POST with them as a form when
    // allowPost and the URL would be too long. GET first because caching proxies and
    // read-only RBAC (a POST to services/proxy needs the "create" verb) prefer it.
    ServiceAnswer send(const QString &apiPath, const QueryItems &params, bool allowPost,
                       const CancelToken &cancel = CancelToken());
    // Any method with a JSON body (empty: none), e.g. Argo CD's POST .../sync.
    ServiceAnswer sendJson(const QByteArray &method, const QString &apiPath,
                           const QueryItems &params, const QByteArray &body,
                           const CancelToken &cancel = CancelToken());
    // A long-lived GET (server-sent events): the 2xx body goes to onBytes as it arrives until
    // the server ends it, onBytes returns false or cancel fires. A non-2xx answer comes back
    // in the answer's status and body with a transport error of its kind; idleTimeoutSeconds
    // > 0 ends a silent stream with a Timeout.
    ServiceAnswer stream(const QString &apiPath, const QueryItems &params, const QByteArray &accept,
                         const HttpClient::DataCallback &onBytes, const CancelToken &cancel,
                         int idleTimeoutSeconds);

private:
    struct Call
    {
        QByteArray method;
        QString apiPath;
        QueryItems query;
        QByteArray body;
        QByteArray contentType;
        QByteArray accept = QByteArrayLiteral("application/json");
        const HttpClient::DataCallback *onBytes = nullptr; // a stream
        int idleTimeoutSeconds = 0;
    };
    ServiceAnswer perform(const Call &call, const CancelToken &cancel);
    ServiceAnswer sendDirect(const Call &call, const CancelToken &cancel);
    ServiceAnswer sendProxied(const Call &call, const CancelToken &cancel);
    NetError loadTransport();
    NetError authorization(HttpHeaders *headers) const;
    NetError readConfigFile(const QString &path, const char *field, QByteArray *out,
                            bool trim) const;
    static QByteArray formEncode(const QueryItems &params);

    ServiceEndpoint m_endpoint;
    std::unique_ptr<HttpClient> m_http; // direct
    std::unique_ptr<KubeClient> m_kube; // service proxy
    TransportSettings m_transport;
    bool m_transportLoaded = false;
    HttpHeaders m_headers; // the endpoint's extra headers
    int m_maxRetries = 1;
    int m_maxRetryWaitSeconds = 5;
    int m_postThreshold = 4000;
    QString m_label = QStringLiteral("Prometheus");
};
