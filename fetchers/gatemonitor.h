// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canceltoken.h"
#include "environmentspec.h"
#include "gateevaluator.h"
#include "kubeconfig.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <memory>
#include <mutex>

class QThread;
class GateMonitorWorker;

// Judges gates off the GUI thread: evaluate() queues a rollout's judgement to the monitor's
// own thread, which holds one PrometheusClient per environment (a gate's range queries can
// take seconds; the window must not wait). Results come back by queued signal.
//
// One judgement per key at a time: a request for a key already queued replaces the queued
// one (the newest rollout state and instant win), so a slow Prometheus never builds a queue.
class GateMonitor : public QObject
{
    Q_OBJECT

public:
    GateMonitor(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments,
                QObject *parent = nullptr);
    ~GateMonitor() override; // stops

    // key: who asked ("prod/<rollout uid>"), carried back by reportReady().
    void evaluate(const QString &key, const QList<GateSpec> &gates, const RolloutDetail &detail,
                  const GateTarget &target, qint64 atMs);
    // Cancels what runs and joins the thread; nothing is emitted after it returns.
    void stop();
    int pendingCount() const;

signals:
    void reportReady(const QString &key, const GateReport &report);

private:
    struct Request
    {
        QList<GateSpec> gates;
        RolloutDetail detail;
        GateTarget target;
        qint64 atMs = 0;
    };
    void run(const QString &key);

    Kubeconfig m_kubeconfig;
    QList<EnvironmentSpec> m_environments;
    QThread *m_thread = nullptr;
    GateMonitorWorker *m_worker = nullptr; // lives on m_thread
    mutable std::mutex m_mutex;
    QHash<QString, Request> m_pending; // guarded by m_mutex
    CancelToken m_cancel;
    bool m_stopped = false;

    friend class GateMonitorWorker;
};
