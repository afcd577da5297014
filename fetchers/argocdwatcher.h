// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argoappbatch.h"
#include "argocdinstance.h"
#include "backoff.h"
#include "canceltoken.h"
#include "clusterconnection.h"
#include "neterror.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

// Follows the applications of one Argo CD server for one environment, the way the informers
// follow Kubernetes kinds: list, then the server-sent event stream; on a drop, an error or a
// bad event, wait (0.8 s doubling to 30 s) and list again, so nothing missed while away
// stays missed. Runs as a fiber of the environment's FiberScheduler (or on any thread): its
// requests share the environment's libcurl multi handle and no thread is added per server.
// Publishes value batches and status changes through the sinks, on the thread it runs on.
class ArgoCdWatcher
{
    Q_DECLARE_TR_FUNCTIONS(ArgoCdWatcher)
public:
    using BatchSink = std::function<void(ArgoAppBatch &&)>;
    using StatusSink = std::function<void(const ArgoCdStatus &)>;

    ArgoCdWatcher(const QString &environment, const ArgoCdInstance &instance,
                  const ClusterConnection &cluster, BatchSink onBatch, StatusSink onStatus,
                  const CancelToken &cancel, const BackoffPolicy &backoff = BackoffPolicy());

    // Until the token is cancelled.
    void run();

private:
    // One connection: userinfo, list, stream. Returns the error that ended it (none when the
    // server closed the stream normally).
    NetError connectOnce();
    void publishStatus(ArgoCdStatus::State state, const NetError &error = NetError(),
                       int retryInMs = 0);
    ArgoApplication tagged(ArgoApplication app) const;

    QString m_environment;
    ArgoCdInstance m_instance;
    ClusterConnection m_cluster;
    BatchSink m_onBatch;
    StatusSink m_onStatus;
    CancelToken m_cancel;
    Backoff m_backoff;
    QString m_username;
};
