// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argoappbatch.h"
#include "connectionstate.h"
#include "environmentspec.h"
#include "fleetdelta.h"
#include "informer.h"
#include "informeroptions.h"
#include "kubeconfig.h"

#include <QList>
#include <QObject>
#include <QString>

#include <memory>
#include <vector>

class EnvironmentWorker;

// Watches the workloads (Rollouts, their ReplicaSets, Deployments) of every environment,
// and for the rollout detail the pods of those ReplicaSets, the AnalysisRuns and the Events
// about them. Each environment gets a worker thread that batches the deltas, plus one
// thread per informer (list-then-watch loop, one KubeClient each). Whether the detail kinds
// could be listed travels in the batches (WorkloadDeltaBatch::detailStatus); the
// ConnectionState follows the workloads alone. The signals are emitted on the
// thread that owns the FleetFetcher (the GUI thread), queued from the workers; their
// payloads are values.
class FleetFetcher : public QObject
{
    Q_OBJECT
public:
    FleetFetcher(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments,
                 QObject *parent = nullptr);
    ~FleetFetcher() override; // stops and joins

    // Before start(): backoff, batching window, watch timeouts (tests shorten them).
    void setOptions(const InformerOptions &options);
    InformerOptions options() const { return m_options; }

    QList<EnvironmentSpec> environments() const { return m_environments; }
    bool isRunning() const { return !m_workers.empty(); }

    // Starts every environment; the first batch of each is a reset. Starting again after
    // stop() lists everything anew.
    void start();
    // Cancels every request and joins the threads (an idle watch notices within a second).
    // No signal is emitted after it returns.
    void stop();

    // Diagnostics and tests: counters summed over the environment's informers, and which
    // informers run (empty when not running or the context could not be resolved).
    InformerStats stats(const QString &environment) const;
    QList<InformerStats> informerStats(const QString &environment) const; // per informer
    QList<InformerSpec> informerSpecs(const QString &environment) const;

signals:
    void stateChanged(const QString &environment, const ConnectionState &state);
    void workloadsChanged(const QString &environment, const WorkloadDeltaBatch &batch);
    // The environments' Argo CD servers: application changes and connection states.
    void applicationsChanged(const ArgoAppBatch &batch);
    void argoCdStatusChanged(const ArgoCdStatus &status);

private:
    Kubeconfig m_kubeconfig;
    QList<EnvironmentSpec> m_environments;
    InformerOptions m_options;
    std::vector<std::unique_ptr<EnvironmentWorker>> m_workers;
    quint64 m_generation = 0; // drops queued signals of a stopped run
};
