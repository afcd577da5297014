// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricqueryworker.h"

#include "prometheusclients.h"

#include "clusterconnection.h"
#include "prometheusclient.h"

MetricQueryWorker::MetricQueryWorker(const Kubeconfig &kubeconfig,
                                     const QList<EnvironmentSpec> &environments,
                                     const QHash<QString, QString> &endpointKeys,
                                     const HttpLimits &limits,
                                     std::shared_ptr<MetricQueryState> state) :
    m_kubeconfig(kubeconfig),
    m_environments(environments),
    m_endpointKeys(endpointKeys),
    m_limits(limits),
    m_state(std::move(state))
{ }

MetricQueryWorker::~MetricQueryWorker() = default;

PrometheusClient *MetricQueryWorker::client(const QString &environment, PromError *error)
{
    const auto found = m_clients.find(environment);
    if (found != m_clients.end())
        return found->second.get();
    const EnvironmentSpec *spec = nullptr;
    for (const EnvironmentSpec &candidate : std::as_const(m_environments)) {
        if (candidate.name == environment)
            spec = &candidate;
    }
    if (!spec) {
        *error = PromError::transport(PromError::Kind::Config,
                                      tr("Unknown environment '%1'").arg(environment));
        return nullptr;
    }
    // Not remembered on failure: the message is cheap to make again and stays in front of
    // the user.
    std::unique_ptr<PrometheusClient> client = makePrometheusClient(m_kubeconfig, *spec, error);
    if (!client)
        return nullptr;
    client->setLimits(m_limits);
    PrometheusClient *result = client.get();
    m_clients.emplace(environment, std::move(client));
    return result;
}

void MetricQueryWorker::run(const MetricQuery &request, quint64 generation,
                            const CancelToken &cancel)
{
    {
        std::lock_guard<std::mutex> lock(m_state->mutex);
        if (cancel.isCancelled() || !m_state->isLatest(request.key, generation)) {
            ++m_state->stats.cancelled;
            return;
        }
    }
    MetricQueryResult result;
    result.request = request;
    result.generation = generation;
    PromError error;
    PrometheusClient *prometheus = client(request.environment, &error);
    if (!prometheus) {
        result.result.error = error;
        emit finished(result);
        return;
    }
    const QString cacheKey
        = MetricCache::key(m_endpointKeys.value(request.environment), request.query,
                           request.startMs, request.endMs, request.stepMs);
    {
        std::lock_guard<std::mutex> lock(m_state->mutex);
        // An equal request may have filled the cache while this one waited in the queue.
        if (std::optional<PromQueryResult> hit = m_state->cache.find(cacheKey)) {
            ++m_state->stats.cacheHits;
            result.result = *hit;
            result.fromCache = true;
            emit finished(result);
            return;
        }
        ++m_state->stats.sent;
    }
    result.result = prometheus->queryRange(request.query, request.startMs, request.endMs,
                                           request.stepMs, cancel);
    std::lock_guard<std::mutex> lock(m_state->mutex);
    if (cancel.isCancelled() && result.result.error.kind == PromError::Kind::Cancelled) {
        ++m_state->stats.cancelled;
        return;
    }
    m_state->cache.insert(cacheKey, result.result);
    emit finished(result);
}
