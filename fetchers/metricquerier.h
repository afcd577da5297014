// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canceltoken.h"
#include "environmentspec.h"
#include "httpclient.h"
#include "kubeconfig.h"
#include "metricquery.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <memory>

class MetricQueryWorker;
class QThread;
struct MetricQueryState;

// Runs the charts' Prometheus range queries on its own thread, one PrometheusClient per
// environment (direct, or through the cluster's service proxy with the kubeconfig's
// credentials). Created and used on the GUI thread; results arrive there by queued signal.
//
// Latest request wins per MetricQuery::key: a new request cancels the key's older one
// (queued or in flight, through its CancelToken) and an older answer is never delivered
// after a newer request, even one already on its way (the generation is checked again on
// the receiving thread). Successful results are kept in a small LRU cache per (endpoint,
// query, start, end, step), so align ranges with QueryStep::plan to hit it.
class MetricQuerier : public QObject
{
    Q_OBJECT
public:
    MetricQuerier(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments,
                  QObject *parent = nullptr);
    ~MetricQuerier() override; // stops

    // Before the first request.
    void setLimits(const HttpLimits &limits);
    void setCacheCapacity(int entries); // default 64

    // Queues the query and returns its generation (also in the result). Starts the thread
    // on first use.
    quint64 request(const MetricQuery &request);
    // Forgets the key's pending request: nothing more is delivered for it.
    void cancel(const QString &key);
    // Cancels everything and joins the thread; no signal is emitted after it returns.
    void stop();
    bool isRunning() const { return m_thread != nullptr; }

    struct Stats
    {
        int sent = 0; // queries that reached a server
        int cacheHits = 0;
        int cancelled = 0; // stale requests stopped before or while running
        int dropped = 0; // stale answers not delivered
    };
    Stats stats() const;

    // How the cache tells endpoints apart: the environment's context for the service proxy,
    // and the headers (a tenant id changes the data).
    static QString endpointKey(const EnvironmentSpec &spec);

signals:
    void resultReady(const MetricQueryResult &result);

private:
    void start();
    void deliver(const MetricQueryResult &result);

    Kubeconfig m_kubeconfig;
    QList<EnvironmentSpec> m_environments;
    QHash<QString, QString> m_endpointKeys; // environment name -> endpointKey()
    HttpLimits m_limits;
    std::shared_ptr<MetricQueryState> m_state;
    QHash<QString, CancelToken> m_tokens; // per key: the newest request's token
    QThread *m_thread = nullptr;
    MetricQueryWorker *m_worker = nullptr; // lives on m_thread
    quint64 m_nextGeneration = 0;
    bool m_stopped = false;
};
