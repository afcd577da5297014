// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argoappbatch.h"
#include "canceltoken.h"
#include "connectionstate.h"
#include "deltaaccumulator.h"
#include "environmentspec.h"
#include "fleetdelta.h"
#include "informer.h"
#include "informeroptions.h"
#include "kubeconfig.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <mutex>
#include <vector>

class ArgoCdWatcher;
class FiberScheduler;
class QThread;
class QTimer;

// One environment: resolves its kubeconfig context and, on a thread of its own, runs one
// informer per watched (kind, namespace) as a fiber (FiberScheduler: one libcurl multi
// handle for all their lists and watches) and merges their deltas for at most
// batchIntervalMs before emitting one batch. Also folds the primary informers' states into
// the environment's ConnectionState, and the detail informers' (pods, AnalysisRuns, Events)
// into the batch's detailStatus: a detail kind the user may not list leaves the
// environment Live. Created and stopped by FleetFetcher on the GUI thread.
class EnvironmentWorker : public QObject, private InformerSink
{
    Q_OBJECT
public:
    EnvironmentWorker(const Kubeconfig &kubeconfig, const EnvironmentSpec &spec,
                      const InformerOptions &options);
    ~EnvironmentWorker() override; // stops

    QString name() const { return m_spec.name; }
    // Moves itself to a new thread and starts the informers (or reports ConfigError).
    void start();
    // Cancels every request; join() then waits for the informers and the thread. Split so a fleet
    // cancels every environment before it waits for any.
    void requestStop();
    void join();

    InformerStats stats() const;
    QList<InformerStats> informerStats() const;
    // The informers' specs, for tests and diagnostics.
    QList<InformerSpec> informerSpecs() const;

    // Which informers an environment needs.
    static QList<InformerSpec> informerSpecsFor(const EnvironmentSpec &spec);

signals:
    void stateChanged(const QString &environment, const ConnectionState &state);
    void workloadsChanged(const QString &environment, const WorkloadDeltaBatch &batch);
    // The environment's Argo CD servers (environmentworkerargocd.cpp), from the worker thread.
    void applicationsChanged(const ArgoAppBatch &batch);
    void argoCdStatusChanged(const ArgoCdStatus &status);

private:
    // InformerSink, called from the informers' fibers (and the blocking pool).
    void deliver(WorkloadDeltaBatch &&part) override;
    void touch() override;
    void reportStatus(int informerId, const InformerStatus &status) override;

    // On the worker thread.
    void startOnThread();
    void createArgoCdWatchers(const ClusterConnection &connection);
    void spawnArgoCdWatchers();
    void finishOnThread();
    void scheduleFlush();
    void flush();
    void updateState(bool force);
    ConnectionState aggregateState() const;
    QList<DetailKindStatus> detailStatus() const;

    Kubeconfig m_kubeconfig;
    EnvironmentSpec m_spec;
    InformerOptions m_options;
    CancelToken m_cancel;
    QThread *m_thread = nullptr;
    QTimer *m_flushTimer = nullptr; // lives on m_thread
    FiberScheduler *m_scheduler = nullptr; // lives on m_thread, runs the informers
    std::vector<std::unique_ptr<Informer>> m_informers;
    std::vector<std::unique_ptr<ArgoCdWatcher>> m_argoCdWatchers;
    DeltaAccumulator m_accumulator;
    bool m_insecure = false;

    // Informer states, written by the informers (fibers, or the pool for exec notices).
    mutable std::mutex m_stateMutex;
    QList<InformerStatus> m_informerStatus;
    // Worker-thread state.
    bool m_resetPending = true;
    QList<DetailKindStatus> m_sentDetailStatus; // as of the last batch emitted
    ConnectionState m_lastEmitted;
    bool m_emittedOnce = false;
    QDateTime m_lastStateEmit;
    QString m_configError;
};
