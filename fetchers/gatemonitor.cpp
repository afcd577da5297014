// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatemonitor.h"

#include "prometheusclients.h"

#include <QThread>

#include <unordered_map>

// The monitor's thread-side state: the clients, made on first use per environment.
class GateMonitorWorker : public QObject
{
public:
    explicit GateMonitorWorker(GateMonitor *monitor) : m_monitor(monitor) { }

    GateReport judge(const QList<GateSpec> &gates, const RolloutDetail &detail,
                     const GateTarget &target, qint64 atMs, const CancelToken &cancel)
    {
        PrometheusClient *prometheus = client(detail.environment);
        GateEvaluator evaluator(prometheus);
        return evaluator.evaluate(gates, detail, target, atMs, cancel);
    }

private:
    PrometheusClient *client(const QString &environment)
    {
        const auto found = m_clients.find(environment);
        if (found != m_clients.end())
            return found->second.get();
        for (const EnvironmentSpec &spec : std::as_const(m_monitor->m_environments)) {
            if (spec.name != environment)
                continue;
            PromError error;
            std::unique_ptr<PrometheusClient> made
                = makePrometheusClient(m_monitor->m_kubeconfig, spec, &error);
            PrometheusClient *result = made.get();
            // A context that cannot be resolved stays unresolved for this session: the
            // gates of that environment then say metrics are unavailable.
            m_clients.emplace(environment, std::move(made));
            return result;
        }
        return nullptr;
    }

    GateMonitor *m_monitor;
    std::unordered_map<QString, std::unique_ptr<PrometheusClient>> m_clients;
};

GateMonitor::GateMonitor(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments,
                         QObject *parent) :
    QObject(parent), m_kubeconfig(kubeconfig), m_environments(environments)
{
    m_thread = new QThread(this);
    m_thread->setObjectName(QStringLiteral("gates"));
    m_worker = new GateMonitorWorker(this);
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    m_thread->start();
}

GateMonitor::~GateMonitor()
{
    stop();
}

void GateMonitor::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_cancel.cancel();
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_pending.clear();
    }
    m_thread->quit();
    m_thread->wait();
}

int GateMonitor::pendingCount() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return int(m_pending.size());
}

void GateMonitor::evaluate(const QString &key, const QList<GateSpec> &gates,
                           const RolloutDetail &detail, const GateTarget &target, qint64 atMs)
{
    if (m_stopped)
        return;
    bool queued = false;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        queued = m_pending.contains(key);
        m_pending.insert(key, Request {gates, detail, target, atMs});
    }
    if (!queued)
        QMetaObject::invokeMethod(
            m_worker, [this, key] { run(key); }, Qt::QueuedConnection);
}

// On the monitor's thread.
void GateMonitor::run(const QString &key)
{
    Request request;
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        const auto found = m_pending.find(key);
        if (found == m_pending.end())
            return;
        request = found.value();
        m_pending.erase(found);
    }
    const GateReport report
        = m_worker->judge(request.gates, request.detail, request.target, request.atMs, m_cancel);
    if (m_cancel.isCancelled())
        return;
    // Queued to the monitor's thread (the GUI's); after stop() nothing is delivered.
    QMetaObject::invokeMethod(
        this,
        [this, key, report] {
            if (!m_stopped)
                emit reportReady(key, report);
        },
        Qt::QueuedConnection);
}
