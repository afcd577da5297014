// SPDX-License-Identifier: GPL-3.0-or-later
#include "fleetfetcher.h"

#include "environmentworker.h"

#include <QThread>

#include <malloc.h>

namespace {
void registerTypes()
{
    static const bool done = [] {
        qRegisterMetaType<EnvironmentSpec>();
        qRegisterMetaType<ConnectionState>();
        qRegisterMetaType<WorkloadDeltaBatch>();
        qRegisterMetaType<ArgoAppBatch>();
        qRegisterMetaType<ArgoCdStatus>();
        return true;
    }();
    Q_UNUSED(done);
}
} // namespace

FleetFetcher::FleetFetcher(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments,
                           QObject *parent) :
    QObject(parent), m_kubeconfig(kubeconfig), m_environments(environments)
{
    registerTypes();
}

FleetFetcher::~FleetFetcher()
{
    stop();
}

void FleetFetcher::setOptions(const InformerOptions &options)
{
    Q_ASSERT(QThread::currentThread() == thread());
    m_options = options;
}

void FleetFetcher::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (isRunning())
        return;
    // A previous run's informers, and after a new fleet the previous rows, were freed in
    // arenas of threads that have ended; glibc keeps such memory for reuse, and this run's
    // first lists would peak on top of it. Give it back first (milliseconds; at the app's
    // first start there is next to nothing to give).
    malloc_trim(0);
    const quint64 generation = ++m_generation;
    for (const EnvironmentSpec &spec : std::as_const(m_environments)) {
        auto worker = std::make_unique<EnvironmentWorker>(m_kubeconfig, spec, m_options);
        // Queued to this thread; a generation check drops what a stopped run left queued.
        connect(
            worker.get(), &EnvironmentWorker::stateChanged, this,
            [this, generation](const QString &environment, const ConnectionState &state) {
                if (generation == m_generation && isRunning())
                    emit stateChanged(environment, state);
            },
            Qt::QueuedConnection);
        connect(
            worker.get(), &EnvironmentWorker::workloadsChanged, this,
            [this, generation](const QString &environment, const WorkloadDeltaBatch &batch) {
                if (generation == m_generation && isRunning())
                    emit workloadsChanged(environment, batch);
            },
            Qt::QueuedConnection);
        connect(
            worker.get(), &EnvironmentWorker::applicationsChanged, this,
            [this, generation](const ArgoAppBatch &batch) {
                if (generation == m_generation && isRunning())
                    emit applicationsChanged(batch);
            },
            Qt::QueuedConnection);
        connect(
            worker.get(), &EnvironmentWorker::argoCdStatusChanged, this,
            [this, generation](const ArgoCdStatus &status) {
                if (generation == m_generation && isRunning())
                    emit argoCdStatusChanged(status);
            },
            Qt::QueuedConnection);
        m_workers.push_back(std::move(worker));
    }
    for (const auto &worker : m_workers)
        worker->start();
}

void FleetFetcher::stop()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (!isRunning())
        return;
    ++m_generation;
    // Cancel everything first so the environments wind down in parallel.
    for (const auto &worker : m_workers)
        worker->requestStop();
    for (const auto &worker : m_workers)
        worker->join();
    m_workers.clear();
}

InformerStats FleetFetcher::stats(const QString &environment) const
{
    for (const auto &worker : m_workers) {
        if (worker->name() == environment)
            return worker->stats();
    }
    return InformerStats();
}

QList<InformerStats> FleetFetcher::informerStats(const QString &environment) const
{
    for (const auto &worker : m_workers) {
        if (worker->name() == environment)
            return worker->informerStats();
    }
    return {};
}

QList<InformerSpec> FleetFetcher::informerSpecs(const QString &environment) const
{
    for (const auto &worker : m_workers) {
        if (worker->name() == environment)
            return worker->informerSpecs();
    }
    return {};
}
