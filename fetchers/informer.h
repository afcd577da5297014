// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "backoff.h"
#include "canceltoken.h"
#include "clusterconnection.h"
#include "connectionstate.h"
#include "fleetdelta.h"
#include "informeroptions.h"
#include "neterror.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <memory>
#include <mutex>

// WorkloadKind and what the informer needs of each kind are in WatchedKinds
// (domain/fleet/workloadkinds.h). Rollout, ReplicaSet and Deployment are the primary kinds:
// they make the fleet's rows and drive the environment's ConnectionState. Pod, AnalysisRun
// and Event only feed the details (DetailKind): an environment stays usable without them.

// What one informer watches: a kind in one namespace (or all), narrowed by a label selector.
struct InformerSpec
{
    WorkloadKind kind = WorkloadKind::Rollout;
    QString namespaceName; // empty: all namespaces
    QString labelSelector;

    QString path() const; // "/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts"
    QString resourceName() const; // "rollouts.argoproj.io", "replicasets.apps", "pods", ...
    // True for the detail kinds (Pod, AnalysisRun, Event); detailKind() is then theirs.
    bool isDetailKind() const;
    DetailKind detailKind() const;
};

// How one informer is doing, for the environment's ConnectionState.
struct InformerStatus
{
    ConnectionState::Kind kind = ConnectionState::Connecting;
    QString reason; // translated
    int retryMs = 0;
    QDateTime retryAt;
    NetError::Kind error = NetError::Kind::None; // what failed (Forbidden, NotFound, ...)
    QStringList dataWarnings; // DataWarnings of what was received, while Live

    bool operator==(const InformerStatus &o) const
    {
        return kind == o.kind && reason == o.reason && retryMs == o.retryMs && retryAt == o.retryAt
            && error == o.error && dataWarnings == o.dataWarnings;
    }
    bool operator!=(const InformerStatus &o) const { return !(*this == o); }
};

// Counters for diagnostics and tests.
struct InformerStats
{
    int lists = 0; // successful (complete, decoded) lists
    int listAttempts = 0;
    int watches = 0; // watch requests started
    int relistsAfterExpired = 0; // 410 from a watch (HTTP or ERROR event)
    int failures = 0; // errors that led to a backoff
    qint64 events = 0; // ADDED, MODIFIED, DELETED applied
    qint64 bookmarks = 0;
    QList<int> backoffDelaysMs; // the most recent delays, oldest first (at most 64)
    QString lastError; // translated message of the most recent failure

    InformerStats &operator+=(const InformerStats &o);
};

// Where an informer sends its results. Called on the informer's own thread.
class InformerSink
{
public:
    virtual ~InformerSink() = default;
    virtual void deliver(WorkloadDeltaBatch &&part) = 0;
    virtual void touch() = 0; // data arrived that changes nothing (bookmark)
    virtual void reportStatus(int informerId, const InformerStatus &status) = 0;
};

// One reflector-like loop (client-go tools/cache/reflector.go): a paged list, then a watch
// from the list's resourceVersion with bookmarks; a watch that ends normally starts again
// from the last resourceVersion seen; 410 (an HTTP answer or an ERROR event) relists; any
// other failure backs off and relists. A relist diffs against what was delivered before, so
// objects deleted meanwhile are reported deleted and unchanged ones are not sent again.
// Events about other kinds than Rollout, ReplicaSet, Pod and AnalysisRun are not sent.
// run() blocks until the cancel token fires; it owns its KubeClient and JsonDecoder.
class Informer
{
public:
    Informer(int id, const InformerSpec &spec, const ClusterConnection &connection,
             const InformerOptions &options, InformerSink *sink, CancelToken cancel);
    ~Informer();
    Informer(const Informer &) = delete;
    Informer &operator=(const Informer &) = delete;

    int id() const { return m_id; }
    const InformerSpec &spec() const { return m_spec; }
    void run();
    InformerStats stats() const;

private:
    template<typename T> friend class InformerLoop;
    friend class InformerReporter;

    int m_id;
    InformerSpec m_spec;
    ClusterConnection m_connection;
    InformerOptions m_options;
    InformerSink *m_sink;
    CancelToken m_cancel;
    mutable std::mutex m_statsMutex;
    InformerStats m_stats;
};
