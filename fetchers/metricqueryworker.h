// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canceltoken.h"
#include "environmentspec.h"
#include "httpclient.h"
#include "kubeconfig.h"
#include "metriccache.h"
#include "metricquerier.h"
#include "metricquery.h"

#include <QHash>
#include <QObject>

#include <map>
#include <memory>
#include <mutex>

class PrometheusClient;

// What MetricQuerier (GUI thread) and its worker share, under the mutex.
struct MetricQueryState
{
    std::mutex mutex;
    QHash<QString, quint64> latest; // key -> newest generation
    MetricCache cache;
    MetricQuerier::Stats stats;

    bool isLatest(const QString &key, quint64 generation)
    {
        return latest.value(key) == generation;
    }
};

// MetricQuerier's worker: lives on its thread, owns the clients (one per environment, made
// on first use) and runs one query at a time.
class MetricQueryWorker : public QObject
{
    Q_OBJECT
public:
    MetricQueryWorker(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments,
                      const QHash<QString, QString> &endpointKeys, const HttpLimits &limits,
                      std::shared_ptr<MetricQueryState> state);
    ~MetricQueryWorker() override;

    // On the worker thread.
    void run(const MetricQuery &request, quint64 generation, const CancelToken &cancel);

signals:
    void finished(const MetricQueryResult &result);

private:
    // The environment's client, or an error result when it cannot have one.
    PrometheusClient *client(const QString &environment, PromError *error);

    Kubeconfig m_kubeconfig;
    QList<EnvironmentSpec> m_environments;
    QHash<QString, QString> m_endpointKeys;
    HttpLimits m_limits;
    std::shared_ptr<MetricQueryState> m_state;
    std::map<QString, std::unique_ptr<PrometheusClient>> m_clients;
};
