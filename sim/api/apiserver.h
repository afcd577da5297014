// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/certificateauthority.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <atomic>
#include <memory>
#include <mutex>

namespace rdsim {

class ObjectStore;
class AccessControl;
class PodHistory;
class ProxiedService;
class FaultInjector;
class SyntheticMetrics;
class VirtualClock;

// A request as it arrived, for tests that assert exact bodies (auth headers are not kept).
struct RecordedRequest
{
    QString method;
    QString path; // without the query
    QString query; // raw query string
    QString contentType;
    QString accept;
    QByteArray body;
    QString user;
    int status = 0;
};

// The Kubernetes API of one simulated cluster over HTTPS: discovery, list/get/watch/create/
// update/patch/delete for the catalog's kinds, Table output, Status errors, authentication
// (bearer token, client certificate, basic) and RBAC, the review endpoints, /metrics, a
// Prometheus-compatible query API (PrometheusApi) and injected faults. Serves on its own
// threads until stop().
class ApiServer
{
public:
    struct Context
    {
        QString clusterName;
        ObjectStore *store = nullptr;
        AccessControl *access = nullptr;
        FaultInjector *faults = nullptr;
        SyntheticMetrics *metrics = nullptr;
        VirtualClock *clock = nullptr;
        // Which pods existed when, for Prometheus queries over the past; without one the
        // server keeps its own, recorded only when queries come in.
        PodHistory *history = nullptr;
        // Services behind the service proxy besides Prometheus (Argo CD's argocd-server).
        QList<ProxiedService *> proxiedServices {};
        // ResourceType::key() of the kinds this cluster does not serve (scenario `serves:`):
        // absent from discovery, 404 on every path, as when the tool is not installed.
        QStringList unservedKinds {};
    };

    ApiServer(const Context &context, const PemKeyPair &serverCertificate,
              const QByteArray &clientCaPem);
    ~ApiServer();
    ApiServer(const ApiServer &) = delete;
    ApiServer &operator=(const ApiServer &) = delete;

    // port 0 picks a free port. Returns false with *error when it cannot listen.
    bool listen(const QString &host, int port, QString *error);
    int port() const;
    QString url() const; // https://127.0.0.1:PORT
    void stop();

    // How long a watch with allowWatchBookmarks stays quiet before it sends a BOOKMARK
    // (default 2000 ms); tests shorten it.
    void setBookmarkIntervalMs(int ms);

    void setRecording(bool on);
    QList<RecordedRequest> takeRecordedRequests();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace rdsim
