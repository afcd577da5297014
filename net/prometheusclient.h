// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canceltoken.h"
#include "clusterconnection.h"
#include "httpclient.h"
#include "promdecoder.h"
#include "prometheusendpoint.h"
#include "promresult.h"
#include "serviceconnection.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <memory>

// A client of the Prometheus HTTP API (as in 2.42) and of the servers that copy it: Thanos
// Query, Grafana Mimir and Cortex (a pathPrefix such as /prometheus and an X-Scope-OrgID
// header), VictoriaMetrics. Reaches the server directly or through the Kubernetes API
// server's service proxy (see PrometheusEndpoint). Every answer is decoded into domain values;
// every failure becomes a typed PromError with a translated message.
//
// Times are Unix milliseconds; -1 leaves a time out (the server then uses "now", or all
// time for metadata). Blocking, one thread at a time (it owns a curl handle and a decoder):
// give each worker its own client and cancel from anywhere through the CancelToken.
class PrometheusClient
{
    Q_DECLARE_TR_FUNCTIONS(PrometheusClient)

public:
    // Direct endpoints; a ServiceProxy endpoint needs the cluster (the other constructor) and
    // a Disabled one answers every call with a Config error.
    explicit PrometheusClient(const PrometheusEndpoint &endpoint);
    // Any mode: a ServiceProxy endpoint goes through `cluster` with its credentials.
    PrometheusClient(const PrometheusEndpoint &endpoint, const ClusterConnection &cluster);
    ~PrometheusClient();
    PrometheusClient(const PrometheusClient &) = delete;
    PrometheusClient &operator=(const PrometheusClient &) = delete;

    const PrometheusEndpoint &endpoint() const { return m_endpoint; }
    // Null when the endpoint is disabled or incomplete.
    ServiceConnection *connection() { return m_connection.get(); }
    void setLimits(const HttpLimits &limits);
    void setRetryPolicy(int maxRetries, int maxWaitSeconds);
    // Sent as the `timeout` parameter of queries so the server gives up when the client
    // would; 0 sends none. Default 25 s (the client's own limit is 30 s).
    void setQueryTimeoutSeconds(int seconds) { m_queryTimeoutSeconds = seconds; }
    void setPostThreshold(int urlBytes);

    // /api/v1/query at timeMs (-1: now).
    PromQueryResult query(const QString &promql, qint64 timeMs = -1,
                          const CancelToken &cancel = CancelToken());
    // /api/v1/query_range. The step is raised to ceil((end - start) / 11000) when smaller, so
    // Prometheus never rejects the resolution; result.stepMs tells the step used.
    PromQueryResult queryRange(const QString &promql, qint64 startMs, qint64 endMs, qint64 stepMs,
                               const CancelToken &cancel = CancelToken());
    // /api/v1/series: label sets of the series matching any of the selectors.
    PromSeriesList series(const QStringList &matchers, qint64 startMs = -1, qint64 endMs = -1,
                          const CancelToken &cancel = CancelToken());
    // /api/v1/labels: label names (of the series matching `matchers`, when given).
    PromStringList labels(const QStringList &matchers = QStringList(), qint64 startMs = -1,
                          qint64 endMs = -1, const CancelToken &cancel = CancelToken());
    // /api/v1/label/NAME/values.
    PromStringList labelValues(const QString &label, const QStringList &matchers = QStringList(),
                               qint64 startMs = -1, qint64 endMs = -1,
                               const CancelToken &cancel = CancelToken());
    // /api/v1/status/buildinfo (Prometheus, Thanos; Mimir answers it too).
    PromBuildInfo buildInfo(const CancelToken &cancel = CancelToken());
    // /-/ready: no error once the server is ready (Prometheus answers 503 while it replays
    // its write-ahead log).
    PromError ready(const CancelToken &cancel = CancelToken());

    // A transport failure as a PromError (the net layer's message is kept).
    static PromError fromNetError(const NetError &error);

private:
    template<typename R, typename D>
    R call(const QString &apiPath, const QueryItems &params, bool allowPost,
           const CancelToken &cancel, D decode);
    PromError configError() const;

    PrometheusEndpoint m_endpoint;
    std::unique_ptr<ServiceConnection> m_connection;
    PromDecoder m_decoder;
    int m_queryTimeoutSeconds = 25;
};
