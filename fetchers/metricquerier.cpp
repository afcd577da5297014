// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricquerier.h"

#include "metricqueryworker.h"

#include <QThread>

MetricQuerier::MetricQuerier(const Kubeconfig &kubeconfig,
                             const QList<EnvironmentSpec> &environments, QObject *parent) :
    QObject(parent),
    m_kubeconfig(kubeconfig),
    m_environments(environments),
    m_state(std::make_shared<MetricQueryState>())
{
    for (const EnvironmentSpec &spec : environments)
        m_endpointKeys.insert(spec.name, endpointKey(spec));
}

MetricQuerier::~MetricQuerier()
{
    stop();
}

QString MetricQuerier::endpointKey(const EnvironmentSpec &spec)
{
    const PrometheusEndpoint &endpoint = spec.prometheus;
    QString key = endpoint.describe();
    if (endpoint.mode == PrometheusEndpoint::Mode::ServiceProxy)
        key = QString(QStringLiteral("context ") + spec.context + u' ' + key);
    // Who asks can change the answer (tenants, per-user proxies). The key stays in memory.
    key += QString(u'\n' + endpoint.username + u'\n' + endpoint.bearerTokenFile + u'\n'
                   + QString::number(qHash(endpoint.bearerToken)));
    for (const auto &[name, value] : endpoint.headers)
        key += QString(u'\n' + name.toLower() + u':' + value);
    return key;
}

void MetricQuerier::setLimits(const HttpLimits &limits)
{
    m_limits = limits;
}

void MetricQuerier::setCacheCapacity(int entries)
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    m_state->cache.setCapacity(entries);
}

MetricQuerier::Stats MetricQuerier::stats() const
{
    std::lock_guard<std::mutex> lock(m_state->mutex);
    return m_state->stats;
}

void MetricQuerier::start()
{
    if (m_thread || m_stopped)
        return;
    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("metric-querier"));
    m_worker
        = new MetricQueryWorker(m_kubeconfig, m_environments, m_endpointKeys, m_limits, m_state);
    m_worker->moveToThread(m_thread);
    connect(m_worker, &MetricQueryWorker::finished, this, &MetricQuerier::deliver,
            Qt::QueuedConnection);
    m_thread->start();
}

quint64 MetricQuerier::request(const MetricQuery &request)
{
    Q_ASSERT(QThread::currentThread() == thread());
    const quint64 generation = ++m_nextGeneration;
    if (m_stopped)
        return generation;
    // The key's older request, queued or running, is now stale.
    if (const auto old = m_tokens.constFind(request.key); old != m_tokens.constEnd())
        old->cancel();
    const CancelToken token;
    m_tokens.insert(request.key, token);

    std::optional<PromQueryResult> hit;
    {
        std::lock_guard<std::mutex> lock(m_state->mutex);
        m_state->latest.insert(request.key, generation);
        const auto endpoint = m_endpointKeys.constFind(request.environment);
        if (endpoint != m_endpointKeys.constEnd()) {
            hit = m_state->cache.find(MetricCache::key(*endpoint, request.query, request.startMs,
                                                       request.endMs, request.stepMs));
            if (hit)
                ++m_state->stats.cacheHits;
        }
    }
    if (hit) {
        // Delivered from the event loop like any answer, never from inside request().
        MetricQueryResult result {request, generation, *hit, true};
        QMetaObject::invokeMethod(
            this, [this, result] { deliver(result); }, Qt::QueuedConnection);
        return generation;
    }
    start();
    MetricQueryWorker *worker = m_worker;
    QMetaObject::invokeMethod(
        worker, [worker, request, generation, token] { worker->run(request, generation, token); },
        Qt::QueuedConnection);
    return generation;
}

void MetricQuerier::cancel(const QString &key)
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (const auto token = m_tokens.constFind(key); token != m_tokens.constEnd())
        token->cancel();
    m_tokens.remove(key);
    std::lock_guard<std::mutex> lock(m_state->mutex);
    // No generation ever handed out: whatever is still on its way is stale.
    m_state->latest.insert(key, ++m_nextGeneration);
}

void MetricQuerier::deliver(const MetricQueryResult &result)
{
    if (m_stopped)
        return;
    {
        std::lock_guard<std::mutex> lock(m_state->mutex);
        if (!m_state->isLatest(result.request.key, result.generation)) {
            ++m_state->stats.dropped;
            return;
        }
    }
    m_tokens.remove(result.request.key);
    emit resultReady(result);
}

void MetricQuerier::stop()
{
    m_stopped = true;
    for (const CancelToken &token : std::as_const(m_tokens))
        token.cancel();
    m_tokens.clear();
    if (!m_thread)
        return;
    m_thread->quit();
    m_thread->wait();
    delete m_worker;
    delete m_thread;
    m_worker = nullptr;
    m_thread = nullptr;
}
