// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accesscache.h"
#include "environmentspec.h"
#include "flaggeractionexecutor.h"
#include "kubeconfig.h"
#include "rolloutactionexecutor.h"
#include <atomic>
#include <QHash>
#include <QMap>
#include <QObject>
#include <QThreadPool>

class AuditLog;

// Runs rollout actions and permission checks off the GUI thread (its own small pool), for
// the environments it knows; results come back as queued signals carrying values.
class ActionRunner : public QObject
{
    Q_OBJECT

public:
    ActionRunner(const Kubeconfig &kubeconfig, AuditLog *audit, QObject *parent = nullptr);
    ~ActionRunner() override;

    void setEnvironments(const QList<EnvironmentSpec> &environments);
    AccessCache *accessCache() { return &m_access; }

    // Queues the action; request.context and readOnly are filled from the environment.
    // Returns the ticket that finished() carries.
    quint64 submit(RolloutActionRequest request);
    // The same for a Flagger canary (FlaggerActionExecutor); canaryFinished() carries the
    // ticket.
    quint64 submit(FlaggerActionRequest request);
    // Asks (or answers from the cache) whether the user may use the action bar's
    // permissions in this namespace; permissionsChecked() follows with the ticket returned
    // (0: an unknown environment, nothing follows). Checks run in parallel, so a later
    // check of the same namespace may be answered first.
    quint64 checkPermissions(const QString &environment, const QString &namespaceName);
    // The same for other permissions (a Flagger canary's action bar).
    quint64 checkPermissions(const QString &environment, const QString &namespaceName,
                             const QList<ResourcePermission> &permissions);
    // Blocks until every queued job ran (shutdown, tests).
    void waitForDone();

signals:
    void finished(const RolloutActionResult &result);
    void canaryFinished(const FlaggerActionResult &result);
    // While an action waits to retry a request: what happened and what comes next.
    void progress(quint64 ticket, const QString &text);
    // displayName ("patch rollouts/status") -> allowed; a permission whose review failed is
    // left out (the server will decide when the action is sent).
    void permissionsChecked(quint64 ticket, const QString &environment,
                            const QString &namespaceName, const QMap<QString, bool> &allowed);

private:
    bool connectionFor(const QString &environment, ClusterConnection *connection,
                       QString *error) const;
    // Fills the request's context and readOnly from its environment and runs an Executor on
    // it in the pool; `emitResult` sends its result with the ticket.
    template<typename Executor, typename Request, typename Result>
    quint64 start(Request request, void (ActionRunner::*emitResult)(const Result &));

    Kubeconfig m_kubeconfig;
    AuditLog *m_audit;
    AccessCache m_access;
    QHash<QString, EnvironmentSpec> m_environments;
    QThreadPool m_pool;
    std::atomic<quint64> m_nextTicket {1};
    CancelToken m_cancel;
};
