// SPDX-License-Identifier: GPL-3.0-or-later
// EnvironmentWorker's Argo CD part: one ArgoCdWatcher fiber per server of the environment.
#include "argocdwatcher.h"
#include "environmentworker.h"
#include "fiberscheduler.h"

void EnvironmentWorker::createArgoCdWatchers(const ClusterConnection &connection)
{
    for (const ArgoCdInstance &instance : std::as_const(m_spec.argocd)) {
        // The sinks run on the worker thread (the fibers' thread); the signals are queued to
        // their receivers, so the values cross to the GUI thread in one hop.
        m_argoCdWatchers.push_back(std::make_unique<ArgoCdWatcher>(
            m_spec.name, instance, connection,
            [this](ArgoAppBatch &&batch) { emit applicationsChanged(batch); },
            [this](const ArgoCdStatus &status) { emit argoCdStatusChanged(status); }, m_cancel,
            m_options.backoff));
    }
}

void EnvironmentWorker::spawnArgoCdWatchers()
{
    for (const auto &watcher : m_argoCdWatchers) {
        ArgoCdWatcher *raw = watcher.get();
        if (m_scheduler->spawn([raw] { raw->run(); }))
            continue;
        ArgoCdStatus status;
        status.environment = m_spec.name;
        status.state = ArgoCdStatus::State::Error;
        status.message = tr("Out of memory: the Argo CD watch could not be started");
        emit argoCdStatusChanged(status);
    }
}
