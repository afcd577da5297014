// SPDX-License-Identifier: GPL-3.0-or-later
#include "environmentworker.h"

#include "argocdwatcher.h"
#include "clusterconnection.h"
#include "datawarnings.h"
#include "fiberscheduler.h"

#include <QCoreApplication>
#include <QThread>
#include <QTimer>

namespace {
// lastUpdated alone (no other change) is re-sent at most this often: a busy cluster would
// otherwise send a state every batch.
constexpr int LastUpdatedIntervalMs = 1000;

int severity(ConnectionState::Kind kind)
{
    switch (kind) {
    case ConnectionState::ConfigError:
        return 5;
    case ConnectionState::Unauthorized:
        return 4;
    case ConnectionState::Forbidden:
        return 3;
    case ConnectionState::Unreachable:
        return 2;
    case ConnectionState::Retrying:
        return 1;
    case ConnectionState::Connecting:
    case ConnectionState::Live:
        return 0;
    }
    return 0;
}

bool sameIgnoringLastUpdated(ConnectionState a, const ConnectionState &b)
{
    a.lastUpdated = b.lastUpdated;
    return a == b;
}
} // namespace

EnvironmentWorker::EnvironmentWorker(const Kubeconfig &kubeconfig, const EnvironmentSpec &spec,
                                     const InformerOptions &options) :
    m_kubeconfig(kubeconfig), m_spec(spec), m_options(options)
{ }

EnvironmentWorker::~EnvironmentWorker()
{
    requestStop();
    join();
}

QList<InformerSpec> EnvironmentWorker::informerSpecsFor(const EnvironmentSpec &spec)
{
    QStringList namespaces = spec.namespaces;
    if (namespaces.isEmpty())
        namespaces.append(QString()); // all namespaces, one informer per kind
    QList<InformerSpec> specs;
    for (const QString &ns : std::as_const(namespaces)) {
        specs.append(InformerSpec {WorkloadKind::Rollout, ns, QString()});
        // Only the ReplicaSets of Rollouts: they give the canary's available pods (actual
        // weight), the revision and the images. Deployments carry their revision themselves.
        specs.append(InformerSpec {WorkloadKind::ReplicaSet, ns,
                                   QStringLiteral("rollouts-pod-template-hash")});
        specs.append(InformerSpec {WorkloadKind::Deployment, ns, QString()});
        // For the rollout detail: the pods of those ReplicaSets (their template carries the
        // same label), the AnalysisRuns, and the Events (the informer keeps only those
        // about Rollouts, ReplicaSets, pods and AnalysisRuns).
        specs.append(
            InformerSpec {WorkloadKind::Pod, ns, QStringLiteral("rollouts-pod-template-hash")});
        specs.append(InformerSpec {WorkloadKind::AnalysisRun, ns, QString()});
        specs.append(InformerSpec {WorkloadKind::Event, ns, QString()});
        // For a Deployment's detail: its ReplicaSets and their pods. A selector cannot ask
        // for one label or another, so these are informers of their own; the Deployment
        // controller's label is on none of a Rollout's objects, so nothing arrives twice.
        specs.append(
            InformerSpec {WorkloadKind::ReplicaSet, ns, QStringLiteral("pod-template-hash")});
        specs.append(InformerSpec {WorkloadKind::Pod, ns, QStringLiteral("pod-template-hash")});
        // A canary step's Experiments (their ReplicaSets and pods carry the Rollout's label,
        // so the informers above have them), and the Jobs of AnalysisRuns' job metrics with
        // their pods: the job provider labels both with the run's uid, so no other Job of the
        // namespace is listed.
        specs.append(InformerSpec {WorkloadKind::Experiment, ns, QString()});
        specs.append(InformerSpec {WorkloadKind::Job, ns, Job::analysisRunUidLabel()});
        specs.append(InformerSpec {WorkloadKind::Pod, ns, Job::analysisRunUidLabel()});
        // Flagger's canaries: rows beside the Rollouts. The Deployments they manage (their
        // target and <target>-primary) and those Deployments' pods come from the informers
        // above.
        specs.append(InformerSpec {WorkloadKind::FlaggerCanary, ns, QString()});
    }
    return specs;
}

QList<InformerSpec> EnvironmentWorker::informerSpecs() const
{
    QList<InformerSpec> specs;
    for (const auto &informer : m_informers)
        specs.append(informer->spec());
    return specs;
}

void EnvironmentWorker::start()
{
    Q_ASSERT(!m_thread);
    ClusterConnection connection;
    QString error;
    if (ClusterConnection::resolve(m_kubeconfig, m_spec.context, &connection, &error)) {
        m_insecure = connection.insecureSkipTlsVerify;
        const QList<InformerSpec> specs = informerSpecsFor(m_spec);
        m_informerStatus = QList<InformerStatus>(specs.size());
        for (int i = 0; i < specs.size(); ++i) {
            m_informers.push_back(std::make_unique<Informer>(i, specs.at(i), connection, m_options,
                                                             static_cast<InformerSink *>(this),
                                                             m_cancel));
        }
        createArgoCdWatchers(connection);
    } else {
        m_configError = error;
    }

    m_thread = new QThread;
    m_thread->setObjectName(QStringLiteral("env:") + m_spec.name);
    moveToThread(m_thread);
    m_thread->start();
    QMetaObject::invokeMethod(this, &EnvironmentWorker::startOnThread, Qt::QueuedConnection);
}

void EnvironmentWorker::startOnThread()
{
    m_flushTimer = new QTimer(this);
    m_flushTimer->setSingleShot(true);
    connect(m_flushTimer, &QTimer::timeout, this, &EnvironmentWorker::flush);
    // Every informer of the environment is a fiber on this thread: the thread count does
    // not grow with kinds and namespaces, and events arrive where the batching timer is.
    m_scheduler = new FiberScheduler(this);
    for (const auto &informer : m_informers) {
        Informer *raw = informer.get();
        if (m_scheduler->spawn([raw] { raw->run(); }))
            continue;
        // No address space left for a 512 KiB stack: say so on the environment rather than
        // end the program; the other informers go on.
        InformerStatus status;
        status.kind = ConnectionState::ConfigError;
        status.error = NetError::Kind::Config;
        status.reason = tr("Out of memory: the watch of %1 could not be started")
                            .arg(raw->spec().resourceName());
        std::lock_guard lock(m_stateMutex);
        m_informerStatus[raw->id()] = status;
    }
    spawnArgoCdWatchers();
    updateState(false);
}

void EnvironmentWorker::requestStop()
{
    m_cancel.cancel();
}

void EnvironmentWorker::join()
{
    if (!m_thread)
        return;
    if (m_thread->isRunning()) {
        // The fibers see the cancel within FiberScheduler::PollIntervalMs (an exec plugin is
        // stopped by its own cancel check); the thread ends once the last one returned.
        QMetaObject::invokeMethod(this, &EnvironmentWorker::finishOnThread, Qt::QueuedConnection);
    }
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

void EnvironmentWorker::finishOnThread()
{
    if (m_scheduler && m_scheduler->fiberCount() > 0) {
        connect(m_scheduler, &FiberScheduler::idle, this, &EnvironmentWorker::finishOnThread,
                Qt::QueuedConnection);
        return;
    }
    // Timer and scheduler belong to this thread: they go here, not on the joining one.
    delete m_flushTimer;
    m_flushTimer = nullptr;
    delete m_scheduler;
    m_scheduler = nullptr;
    QThread::currentThread()->quit();
}

InformerStats EnvironmentWorker::stats() const
{
    InformerStats total;
    for (const auto &informer : m_informers)
        total += informer->stats();
    return total;
}

QList<InformerStats> EnvironmentWorker::informerStats() const
{
    QList<InformerStats> list;
    for (const auto &informer : m_informers)
        list.append(informer->stats());
    return list;
}

void EnvironmentWorker::deliver(WorkloadDeltaBatch &&part)
{
    if (m_accumulator.add(std::move(part)))
        QMetaObject::invokeMethod(this, &EnvironmentWorker::scheduleFlush, Qt::QueuedConnection);
}

void EnvironmentWorker::touch()
{
    if (m_accumulator.touch())
        QMetaObject::invokeMethod(this, &EnvironmentWorker::scheduleFlush, Qt::QueuedConnection);
}

void EnvironmentWorker::reportStatus(int informerId, const InformerStatus &status)
{
    {
        std::lock_guard lock(m_stateMutex);
        m_informerStatus[informerId] = status;
    }
    if (m_informers.at(informerId)->spec().isDetailKind()) {
        // Goes out with the next batch (flush compares it with what was sent).
        QMetaObject::invokeMethod(this, &EnvironmentWorker::scheduleFlush, Qt::QueuedConnection);
        return;
    }
    QMetaObject::invokeMethod(
        this, [this] { updateState(false); }, Qt::QueuedConnection);
}

void EnvironmentWorker::scheduleFlush()
{
    if (m_cancel.isCancelled() || !m_flushTimer || m_flushTimer->isActive())
        return;
    m_flushTimer->start(m_options.batchIntervalMs);
}

void EnvironmentWorker::flush()
{
    if (m_cancel.isCancelled())
        return;
    bool delivered = false;
    WorkloadDeltaBatch batch = m_accumulator.take(m_resetPending, &delivered);
    const QList<DetailKindStatus> detail = detailStatus();
    // The reset waits for data (not for the detail status alone), so a restart does not
    // empty the environment before its rollouts are listed again.
    if (m_resetPending || detail != m_sentDetailStatus)
        batch.detailStatus = detail;
    if (m_resetPending ? delivered : !batch.isEmpty()) {
        m_resetPending = false;
        m_sentDetailStatus = detail;
        emit workloadsChanged(m_spec.name, batch);
    }
    updateState(true);
}

ConnectionState EnvironmentWorker::aggregateState() const
{
    ConnectionState state;
    state.insecure = m_insecure;
    if (!m_configError.isEmpty()) {
        state.kind = ConnectionState::ConfigError;
        state.reason = m_configError;
        return state;
    }
    std::lock_guard lock(m_stateMutex);
    const InformerStatus *worst = nullptr;
    bool allLive = !m_informerStatus.isEmpty();
    for (const InformerStatus &status : m_informerStatus) {
        for (const QString &warning : status.dataWarnings) {
            if (state.dataWarnings.size() < DataWarnings::Max)
                state.dataWarnings.append(warning);
        }
    }
    for (qsizetype i = 0; i < m_informerStatus.size(); ++i) {
        if (m_informers.at(i)->spec().isDetailKind())
            continue; // reported per kind in the batches instead
        const InformerStatus &status = m_informerStatus.at(i);
        if (status.kind != ConnectionState::Live)
            allLive = false;
        if (severity(status.kind) > 0 && (!worst || severity(status.kind) > severity(worst->kind)))
            worst = &status;
    }
    if (worst) {
        state.kind = worst->kind;
        state.reason = worst->reason;
        state.retryInSeconds = (worst->retryMs + 999) / 1000;
        state.retryAt = worst->retryAt;
    } else {
        state.kind = allLive ? ConnectionState::Live : ConnectionState::Connecting;
        // What a connecting informer waits for (an exec plugin), if it said.
        for (const InformerStatus &status : m_informerStatus) {
            if (status.kind == ConnectionState::Connecting && !status.reason.isEmpty()) {
                state.reason = status.reason;
                break;
            }
        }
    }
    return state;
}

QList<DetailKindStatus> EnvironmentWorker::detailStatus() const
{
    QList<DetailKindStatus> result(DetailKindCount);
    const auto rank = [](DetailKindStatus::Problem problem) {
        switch (problem) {
        case DetailKindStatus::Problem::None:
            return 0;
        case DetailKindStatus::Problem::Failing:
            return 1;
        case DetailKindStatus::Problem::NotServed:
            return 2;
        case DetailKindStatus::Problem::Forbidden:
            return 3;
        }
        return 0;
    };
    std::lock_guard lock(m_stateMutex);
    for (qsizetype i = 0; i < m_informerStatus.size(); ++i) {
        const InformerSpec &spec = m_informers.at(i)->spec();
        if (!spec.isDetailKind())
            continue;
        const InformerStatus &status = m_informerStatus.at(i);
        DetailKindStatus kindStatus;
        if (status.error == NetError::Kind::Forbidden)
            kindStatus.problem = DetailKindStatus::Problem::Forbidden;
        else if (status.error == NetError::Kind::NotFound)
            kindStatus.problem = DetailKindStatus::Problem::NotServed;
        else if (status.error != NetError::Kind::None)
            kindStatus.problem = DetailKindStatus::Problem::Failing;
        if (!kindStatus.isAvailable())
            kindStatus.reason = status.reason;
        // With one informer per namespace, the worst of them speaks for the kind.
        DetailKindStatus &slot = result[int(spec.detailKind())];
        if (rank(kindStatus.problem) > rank(slot.problem))
            slot = kindStatus;
    }
    return result;
}

void EnvironmentWorker::updateState(bool lastUpdatedMayChange)
{
    if (m_cancel.isCancelled())
        return;
    ConnectionState state = aggregateState();
    state.lastUpdated = m_accumulator.lastDataTime();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (m_emittedOnce && sameIgnoringLastUpdated(state, m_lastEmitted)) {
        if (!lastUpdatedMayChange || state.lastUpdated == m_lastEmitted.lastUpdated
            || m_lastStateEmit.msecsTo(now) < LastUpdatedIntervalMs)
            return;
    }
    m_emittedOnce = true;
    m_lastEmitted = state;
    m_lastStateEmit = now;
    emit stateChanged(m_spec.name, state);
}
