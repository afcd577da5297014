// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canceltoken.h"
#include "clusterconnection.h"
#include "httpclient.h"
#include "neterror.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>

class ExecCredentialCache;

using QueryItems = QList<QPair<QString, QString>>;

struct KubeResponse
{
    NetError error; // transport failure or non-2xx status (with the Kubernetes Status)
    int status = 0;
    QByteArray body; // raw; the body of an error response too
    HttpHeaders headers;
    QStringList warnings; // texts of the Warning headers (deprecations, ...)

    bool isOk() const { return !error.isError(); }
};

struct KubeListOptions
{
    QString labelSelector;
    QString fieldSelector;
    QString resourceVersion; // "" consistent read, "0" any (may be served from a cache)
    QString resourceVersionMatch;
    int limit = 500; // page size as client-go's pager; 0 = one request, no paging
    // A server that keeps sending new continue tokens, or pages without end, is stopped
    // here: more pages or more bytes in all is a TooLarge error, not an endless list.
    int maxPages = 1000;
    qint64 maxBytes = qint64(256) * 1024 * 1024;
    int timeoutSeconds = 0;
    QByteArray accept; // empty: application/json; e.g. KubeClient::tableAccept()
};

struct KubeListResult
{
    NetError error;
    QList<QByteArray> pages; // raw bodies, each a List (or Table) object
    QString resourceVersion; // metadata.resourceVersion of the last page: watch from here
    bool fullListFallback = false; // a continue token expired (410) and one full list ran
    QStringList warnings;

    bool isOk() const { return !error.isError(); }
};

struct KubeWatchOptions
{
    QString resourceVersion;
    QString labelSelector;
    QString fieldSelector;
    bool allowWatchBookmarks = true;
    int timeoutSeconds = 0; // server-side end of the watch; 0 = the server's default
    // A connection silent for this long is dead. Default: timeoutSeconds + 30, or 10 min
    // without a timeout (longer than any bookmark interval; a silent watch is normal).
    int idleTimeoutSeconds = 0;
};

enum class PatchType {
    Merge, // application/merge-patch+json
    Json, // application/json-patch+json
    Strategic, // application/strategic-merge-patch+json (not for custom resources)
    Apply, // application/apply-patch+yaml (needs fieldManager in the query)
};

// Path helpers: "/api/v1/namespaces/shop/pods/web-1/log", "/apis/argoproj.io/v1alpha1/rollouts".
namespace KubePath {
QString resource(const QString &group, const QString &version, const QString &plural,
                 const QString &ns = QString(), const QString &name = QString(),
                 const QString &subresource = QString());
} // namespace KubePath

// A Kubernetes API client for one cluster connection: authentication (token, tokenFile,
// client certificate, basic, exec plugin with re-run on 401), Retry-After on 429/5xx,
// paged lists, watches, patches and reviews, all with User-Agent release-dashboard/0.1.
// It owns one HttpClient, so it is used by one thread at a time: give every worker its own.
// All calls block; cancel them from another thread through the CancelToken.
class KubeClient
{
public:
    explicit KubeClient(const ClusterConnection &connection);
    ~KubeClient();
    KubeClient(const KubeClient &) = delete;
    KubeClient &operator=(const KubeClient &) = delete;

    static QByteArray userAgent();
    // Server-side Table output, exactly as kubectl >= 1.29 asks for it.
    static QByteArray tableAccept();

    const ClusterConnection &connection() const { return m_connection; }
    void setExecCredentialCache(ExecCredentialCache *cache); // default: the global one
    // Told (with ExecPlugin::waitingText) before a request waits for an exec plugin to run,
    // on the calling thread.
    void setExecWaitNotice(std::function<void(const QString &)> notice)
    {
        m_execWaitNotice = std::move(notice);
    }
    void setLimits(const HttpLimits &limits);
    // At most maxRetries retries on 429 (any method) and on 5xx (GET only: a write may have
    // been applied) when the answer has Retry-After, each wait capped.
    void setRetryPolicy(int maxRetries, int maxWaitSeconds);
    // Sent with every request (e.g. X-Scope-OrgID for a tenant behind the service proxy).
    void setExtraHeaders(const HttpHeaders &headers) { m_extraHeaders = headers; }
    qint64 connectionsOpened() const { return m_http->connectionsOpened(); }

    // accept empty: application/json.
    KubeResponse
    request(const QByteArray &method, const QString &path, const QueryItems &query = QueryItems(),
            const QByteArray &body = QByteArray(), const QByteArray &contentType = QByteArray(),
            const CancelToken &cancel = CancelToken(), const QByteArray &accept = QByteArray());
    KubeResponse get(const QString &path, const QueryItems &query = QueryItems(),
                     const CancelToken &cancel = CancelToken(),
                     const QByteArray &accept = QByteArray());
    // Follows client-go's pager: limit/continue until the last page; a continue token that
    // expired (410 Expired) falls back to one full list without limit.
    KubeListResult list(const QString &path, const KubeListOptions &options = KubeListOptions(),
                        const CancelToken &cancel = CancelToken());
    // The same, but each page goes to onPage as soon as it arrived (KubeListResult::pages
    // stays empty), so a caller that decodes page by page never holds the raw list and its
    // decoded objects at once. `restart` is true for the full list after a continue token
    // expired: drop what earlier pages gave. onPage returns false to stop (Cancelled).
    using PageSink = std::function<bool(QByteArray &page, bool restart)>;
    KubeListResult list(const QString &path, const KubeListOptions &options,
                        const CancelToken &cancel, const PageSink &onPage);
    // Streams the watch body to onBytes until the server ends it (no error), the
    // connection breaks, onBytes returns false or cancel fires (Cancelled). Split the bytes
    // with a WatchFramer. A non-2xx answer (e.g. 410) is returned as the error.
    NetError watch(const QString &path, const KubeWatchOptions &options,
                   const HttpClient::DataCallback &onBytes,
                   const CancelToken &cancel = CancelToken());
    // A long-lived GET that is not a Kubernetes watch (e.g. Argo CD's server-sent events
    // through the service proxy): the 2xx body goes to onBytes; a non-2xx answer's status and
    // body are in the result with its error.
    KubeResponse stream(const QString &path, const QueryItems &query, const QByteArray &accept,
                        const HttpClient::DataCallback &onBytes, const CancelToken &cancel,
                        int idleTimeoutSeconds);
    KubeResponse patch(const QString &path, PatchType type, const QByteArray &body,
                       const QueryItems &query = QueryItems(),
                       const CancelToken &cancel = CancelToken());
    KubeResponse post(const QString &path, const QByteArray &body,
                      const QueryItems &query = QueryItems(),
                      const CancelToken &cancel = CancelToken());

    static QByteArray contentType(PatchType type);
    QByteArray url(const QString &path, const QueryItems &query) const;

private:
    struct Auth;
    NetError prepare(HttpRequest *request, TransportSettings *transport, Auth *auth,
                     const CancelToken &cancel);
    NetError readTokenFile(QString *token) const;
    // One logical request: auth, send, exec re-run on 401, Retry-After waits.
    NetError execute(HttpRequest request, HttpResponse *response, const CancelToken &cancel,
                     const HttpClient::DataCallback *onBytes, int idleTimeoutSeconds);

    ClusterConnection m_connection;
    std::unique_ptr<HttpClient> m_http;
    ExecCredentialCache *m_execCache;
    std::function<void(const QString &)> m_execWaitNotice;
    quint64 m_lastExecGeneration = 0;
    int m_maxRetries = 10;
    int m_maxRetryWaitSeconds = 32;
    HttpHeaders m_extraHeaders;
};
