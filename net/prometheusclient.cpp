// SPDX-License-Identifier: GPL-3.0-or-later
#include "prometheusclient.h"

#include "querystep.h"

namespace {

void addRange(QueryItems *params, qint64 startMs, qint64 endMs)
{
    if (startMs >= 0)
        params->append({QStringLiteral("start"), formatPromTime(startMs)});
    if (endMs >= 0)
        params->append({QStringLiteral("end"), formatPromTime(endMs)});
}

void addMatchers(QueryItems *params, const QStringList &matchers)
{
    for (const QString &matcher : matchers)
        params->append({QStringLiteral("match[]"), matcher});
}

} // namespace

PrometheusClient::PrometheusClient(const PrometheusEndpoint &endpoint) : m_endpoint(endpoint)
{
    if (endpoint.mode == PrometheusEndpoint::Mode::Direct)
        m_connection = std::make_unique<ServiceConnection>(endpoint);
}

PrometheusClient::PrometheusClient(const PrometheusEndpoint &endpoint,
                                   const ClusterConnection &cluster) :
    m_endpoint(endpoint)
{
    if (endpoint.mode == PrometheusEndpoint::Mode::Direct)
        m_connection = std::make_unique<ServiceConnection>(endpoint);
    else if (endpoint.mode == PrometheusEndpoint::Mode::ServiceProxy)
        m_connection = std::make_unique<ServiceConnection>(endpoint, cluster);
}

PrometheusClient::~PrometheusClient() = default;

void PrometheusClient::setLimits(const HttpLimits &limits)
{
    if (m_connection)
        m_connection->setLimits(limits);
}

void PrometheusClient::setRetryPolicy(int maxRetries, int maxWaitSeconds)
{
    if (m_connection)
        m_connection->setRetryPolicy(maxRetries, maxWaitSeconds);
}

void PrometheusClient::setPostThreshold(int urlBytes)
{
    if (m_connection)
        m_connection->setPostThreshold(urlBytes);
}

PromError PrometheusClient::fromNetError(const NetError &error)
{
    PromError::Kind kind = PromError::Kind::Network;
    switch (error.kind) {
    case NetError::Kind::Tls:
        kind = PromError::Kind::Tls;
        break;
    case NetError::Kind::Timeout:
        kind = PromError::Kind::NoAnswer;
        break;
    case NetError::Kind::Cancelled:
        kind = PromError::Kind::Cancelled;
        break;
    case NetError::Kind::Config:
        kind = PromError::Kind::Config;
        break;
    case NetError::Kind::TooLarge:
        kind = PromError::Kind::TooLarge;
        break;
    case NetError::Kind::Decode:
        kind = PromError::Kind::Decode;
        break;
    default:
        break;
    }
    PromError result = PromError::transport(kind, error.message, error.curlCode);
    result.httpStatus = error.httpStatus;
    return result;
}

PromError PrometheusClient::configError() const
{
    const QString text = m_endpoint.mode == PrometheusEndpoint::Mode::Disabled
        ? tr("Metrics are turned off for this environment (prometheus: false)")
        : tr("Prometheus %1 needs the environment's cluster connection").arg(m_endpoint.describe());
    return PromError::transport(PromError::Kind::Config, text);
}

template<typename R, typename D>
R PrometheusClient::call(const QString &apiPath, const QueryItems &params, bool allowPost,
                         const CancelToken &cancel, D decode)
{
    if (!m_connection) {
        R result;
        result.error = configError();
        return result;
    }
    const ServiceAnswer answer = m_connection->send(apiPath, params, allowPost, cancel);
    if (!answer.hasAnswer()) {
        R result;
        result.error = fromNetError(answer.transportError);
        return result;
    }
    return decode(answer);
}

PromQueryResult PrometheusClient::query(const QString &promql, qint64 timeMs,
                                        const CancelToken &cancel)
{
    QueryItems params {{QStringLiteral("query"), promql}};
    if (timeMs >= 0)
        params.append({QStringLiteral("time"), formatPromTime(timeMs)});
    if (m_queryTimeoutSeconds > 0)
        params.append(
            {QStringLiteral("timeout"), QString(QString::number(m_queryTimeoutSeconds) + u's')});
    return call<PromQueryResult>(
        QStringLiteral("/api/v1/query"), params, true, cancel, [this](const ServiceAnswer &a) {
            return m_decoder.decodeQuery(a.body, a.status, a.retryAfterSeconds);
        });
}

PromQueryResult PrometheusClient::queryRange(const QString &promql, qint64 startMs, qint64 endMs,
                                             qint64 stepMs, const CancelToken &cancel)
{
    const qint64 step = QueryStep::clampStepMs(startMs, endMs, stepMs);
    QueryItems params {{QStringLiteral("query"), promql},
                       {QStringLiteral("start"), formatPromTime(startMs)},
                       {QStringLiteral("end"), formatPromTime(endMs)},
                       {QStringLiteral("step"), formatPromSeconds(step)}};
    if (m_queryTimeoutSeconds > 0)
        params.append(
            {QStringLiteral("timeout"), QString(QString::number(m_queryTimeoutSeconds) + u's')});
    PromQueryResult result = call<PromQueryResult>(QStringLiteral("/api/v1/query_range"), params,
                                                   true, cancel, [this](const ServiceAnswer &a) {
                                                       return m_decoder.decodeQuery(
                                                           a.body, a.status, a.retryAfterSeconds);
                                                   });
    result.stepMs = step;
    return result;
}

PromSeriesList PrometheusClient::series(const QStringList &matchers, qint64 startMs, qint64 endMs,
                                        const CancelToken &cancel)
{
    QueryItems params;
    addMatchers(&params, matchers);
    addRange(&params, startMs, endMs);
    return call<PromSeriesList>(
        QStringLiteral("/api/v1/series"), params, true, cancel, [this](const ServiceAnswer &a) {
            return m_decoder.decodeSeries(a.body, a.status, a.retryAfterSeconds);
        });
}

PromStringList PrometheusClient::labels(const QStringList &matchers, qint64 startMs, qint64 endMs,
                                        const CancelToken &cancel)
{
    QueryItems params;
    addMatchers(&params, matchers);
    addRange(&params, startMs, endMs);
    return call<PromStringList>(
        QStringLiteral("/api/v1/labels"), params, true, cancel, [this](const ServiceAnswer &a) {
            return m_decoder.decodeStrings(a.body, a.status, a.retryAfterSeconds);
        });
}

PromStringList PrometheusClient::labelValues(const QString &label, const QStringList &matchers,
                                             qint64 startMs, qint64 endMs,
                                             const CancelToken &cancel)
{
    QueryItems params;
    addMatchers(&params, matchers);
    addRange(&params, startMs, endMs);
    // The label values endpoint takes GET only.
    return call<PromStringList>(QStringLiteral("/api/v1/label/%1/values").arg(label), params, false,
                                cancel, [this](const ServiceAnswer &a) {
                                    return m_decoder.decodeStrings(a.body, a.status,
                                                                   a.retryAfterSeconds);
                                });
}

PromBuildInfo PrometheusClient::buildInfo(const CancelToken &cancel)
{
    return call<PromBuildInfo>(QStringLiteral("/api/v1/status/buildinfo"), QueryItems(), false,
                               cancel, [this](const ServiceAnswer &a) {
                                   return m_decoder.decodeBuildInfo(a.body, a.status,
                                                                    a.retryAfterSeconds);
                               });
}

PromError PrometheusClient::ready(const CancelToken &cancel)
{
    struct Ready
    {
        PromError error;
    };
    const Ready result = call<Ready>(
        QStringLiteral("/-/ready"), QueryItems(), false, cancel, [](const ServiceAnswer &a) {
            Ready ready;
            if (a.status < 200 || a.status >= 300) {
                ready.error = PromError::fromHttp(a.status, a.body, a.retryAfterSeconds);
            }
            return ready;
        });
    return result.error;
}
