// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "argocdinstance.h"
#include "argodecoder.h"
#include "canceltoken.h"
#include "clusterconnection.h"
#include "neterror.h"
#include "serviceconnection.h"

#include <QCoreApplication>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

// Which applications a list or stream asks for (ApplicationQuery's filters).
struct ArgoAppQuery
{
    QStringList projects;
    QString selector; // label selector
    QString appNamespace;
    // The `fields` projection for lists; empty: whole objects.
    QString fields;
};

struct ArgoSyncOptions
{
    QString revision; // empty: the application's target revision
    bool prune = false;
    bool dryRun = false;
};

template<typename T> struct ArgoResult
{
    T value {};
    NetError error;
    bool isOk() const { return !error.isError(); }
};

// A client of one Argo CD API server's REST API (Argo CD 3.6, assets/swagger.json), reached
// directly or through the cluster's service proxy (see ArgoCdInstance). Every failure is a
// NetError whose message starts with the instance's name, carries Argo CD's own words
// (grpc-gateway's message) and never a token. Blocking, one thread at a time; cancel from
// anywhere through the CancelToken.
class ArgoCdClient
{
    Q_DECLARE_TR_FUNCTIONS(ArgoCdClient)
public:
    // A Direct instance.
    explicit ArgoCdClient(const ArgoCdInstance &instance);
    // Any instance: a ServiceProxy one goes through `cluster` with its credentials.
    ArgoCdClient(const ArgoCdInstance &instance, const ClusterConnection &cluster);
    ~ArgoCdClient();
    ArgoCdClient(const ArgoCdClient &) = delete;
    ArgoCdClient &operator=(const ArgoCdClient &) = delete;

    const ArgoCdInstance &instance() const { return m_instance; }
    void setLimits(const HttpLimits &limits) { m_connection->setLimits(limits); }

    ArgoResult<ArgoApplicationList> applications(const ArgoAppQuery &query,
                                                 const CancelToken &cancel = CancelToken());
    ArgoResult<ArgoApplication> application(const QString &name, const QString &appNamespace,
                                            const CancelToken &cancel = CancelToken());
    // /api/v1/stream/applications as server-sent events, each decoded event to onEvent (false
    // stops). Returns when the server ends the stream (no error), the connection breaks, the
    // stream sends an error or cancel fires. onEvent also gets undecodable events (with
    // their error set), so the caller decides whether to relist.
    NetError watchApplications(const ArgoAppQuery &query, const QString &resourceVersion,
                               const std::function<bool(const ArgoWatchEvent &)> &onEvent,
                               const CancelToken &cancel = CancelToken());
    ArgoResult<ArgoRevisionMetadata> revisionMetadata(const QString &name,
                                                      const QString &appNamespace,
                                                      const QString &revision,
                                                      const CancelToken &cancel = CancelToken());
    ArgoResult<ArgoUserInfo> userInfo(const CancelToken &cancel = CancelToken());
    // GET /api/v1/account/can-i/{resource}/{action}/{subresource}, e.g. applications, sync,
    // "shop/checkout-prod".
    ArgoResult<bool> canI(const QString &resource, const QString &action,
                          const QString &subresource, const CancelToken &cancel = CancelToken());

    // POST /api/v1/applications/{name}/sync.
    ArgoResult<ArgoApplication> sync(const QString &name, const QString &appNamespace,
                                     const QString &project, const ArgoSyncOptions &options,
                                     const CancelToken &cancel = CancelToken());
    // POST /api/v1/applications/{name}/rollback to status.history[id].
    ArgoResult<ArgoApplication> rollback(const QString &name, const QString &appNamespace,
                                         const QString &project, qint64 historyId, bool dryRun,
                                         bool prune, const CancelToken &cancel = CancelToken());
    // DELETE /api/v1/applications/{name}/operation.
    NetError terminateOperation(const QString &name, const QString &appNamespace,
                                const QString &project, const CancelToken &cancel = CancelToken());

    // The request bodies, exactly as sent (tests and the audit log compare them).
    static QByteArray syncBody(const QString &name, const QString &appNamespace,
                               const QString &project, const ArgoSyncOptions &options);
    static QByteArray rollbackBody(const QString &name, const QString &appNamespace,
                                   const QString &project, qint64 historyId, bool dryRun,
                                   bool prune);

private:
    // A transport failure or a non-2xx answer as an error naming the instance; none for 2xx.
    NetError errorOf(const ServiceAnswer &answer) const;
    NetError decodeError(const QString &message) const;
    static QString appPath(const QString &name, const QString &suffix = QString());
    static QueryItems scope(const QString &appNamespace, const QString &project = QString());
    ArgoResult<ArgoApplication> applicationAnswer(const ServiceAnswer &answer) const;

    ArgoCdInstance m_instance;
    std::unique_ptr<ServiceConnection> m_connection;
};
