// SPDX-License-Identifier: GPL-3.0-or-later
#include "kubeclient.h"

#include "boundedfile.h"

#include "execcredentialcache.h"

#include <QCoreApplication>
#include <QUrl>

struct KubeClient::Auth
{
    bool fromExec = false;
    ExecCredential execCredential;
};

namespace {

QStringList warningTexts(const HttpResponse &response)
{
    // Warning: 299 - "extensions/v1beta1 Ingress is deprecated"
    QStringList texts;
    for (const QByteArray &value : response.headerValues("warning")) {
        const qsizetype first = value.indexOf('"');
        const qsizetype last = value.lastIndexOf('"');
        texts << QString::fromUtf8(
            first >= 0 && last > first ? value.mid(first + 1, last - first - 1) : value);
    }
    return texts;
}

} // namespace

QString KubePath::resource(const QString &group, const QString &version, const QString &plural,
                           const QString &ns, const QString &name, const QString &subresource)
{
    QString path = group.isEmpty()
        ? QString(QStringLiteral("/api/") + version)
        : QString(QStringLiteral("/apis/") + group + QLatin1Char('/') + version);
    if (!ns.isEmpty())
        path += QStringLiteral("/namespaces/") + ns;
    path += QLatin1Char('/') + plural;
    if (!name.isEmpty())
        path += QLatin1Char('/') + name;
    if (!subresource.isEmpty())
        path += QLatin1Char('/') + subresource;
    return path;
}

KubeClient::KubeClient(const ClusterConnection &connection) :
    m_connection(connection),
    m_http(std::make_unique<HttpClient>()),
    m_execCache(&ExecCredentialCache::global())
{ }

KubeClient::~KubeClient() = default;

QByteArray KubeClient::userAgent()
{
    return QByteArrayLiteral("release-dashboard/0.1");
}

QByteArray KubeClient::tableAccept()
{
    return QByteArrayLiteral("application/json;as=Table;v=v1;g=meta.k8s.io,"
                             "application/json;as=Table;v=v1beta1;g=meta.k8s.io,"
                             "application/json");
}

void KubeClient::setExecCredentialCache(ExecCredentialCache *cache)
{
    m_execCache = cache;
}

void KubeClient::setLimits(const HttpLimits &limits)
{
    m_http->setLimits(limits);
}

void KubeClient::setRetryPolicy(int maxRetries, int maxWaitSeconds)
{
    m_maxRetries = maxRetries;
    m_maxRetryWaitSeconds = maxWaitSeconds;
}

QByteArray KubeClient::contentType(PatchType type)
{
    switch (type) {
    case PatchType::Merge:
        return QByteArrayLiteral("application/merge-patch+json");
    case PatchType::Json:
        return QByteArrayLiteral("application/json-patch+json");
    case PatchType::Strategic:
        return QByteArrayLiteral("application/strategic-merge-patch+json");
    case PatchType::Apply:
        return QByteArrayLiteral("application/apply-patch+yaml");
    }
    return QByteArray();
}

QByteArray KubeClient::url(const QString &path, const QueryItems &query) const
{
    // Encode every value fully: selectors carry '=', ',' and '!' that a looser encoder
    // would leave ambiguous.
    QByteArray url
        = m_connection.server.toUtf8() + QUrl::toPercentEncoding(path, QByteArrayLiteral("/"));
    char separator = '?';
    for (const auto &[key, value] : query) {
        url += separator + QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
        separator = '&';
    }
    return url;
}

NetError KubeClient::readTokenFile(QString *token) const
{
    QString problem;
    QByteArray content;
    if (BoundedFile::read(m_connection.tokenFile, BoundedFile::credentialLimit, &content,
                          &problem)) {
        *token = QString::fromUtf8(content).trimmed();
        if (!token->isEmpty())
            return NetError();
        problem = QCoreApplication::translate("Kubeconfig", "the file is empty");
    }
    return NetError::config(QCoreApplication::translate("Kubeconfig",
                                                        "%1: user \"%2\": cannot read tokenFile "
                                                        "%3: %4")
                                .arg(m_connection.userSourceFile, m_connection.userName,
                                     m_connection.tokenFile, problem));
}

NetError KubeClient::prepare(HttpRequest *request, TransportSettings *transport, Auth *auth,
                             const CancelToken &cancel)
{
    const ClusterConnection &c = m_connection;
    transport->caPem = c.caPem;
    transport->insecureSkipTlsVerify = c.insecureSkipTlsVerify;
    transport->tlsServerName = c.tlsServerName;
    transport->proxyUrl = c.proxyUrl;
    transport->disableCompression = c.disableCompression;
    transport->clientCertificatePem = c.clientCertificatePem;
    transport->clientKeyPem = c.clientKeyPem;
    *auth = Auth();

    QString bearer = c.token;
    if (bearer.isEmpty() && !c.tokenFile.isEmpty()) {
        if (NetError error = readTokenFile(&bearer))
            return error;
    }
    if (bearer.isEmpty() && c.exec) {
        // client-go skips the plugin when a token is already configured.
        NetError error;
        if (!m_execCache->credential(c, &auth->execCredential, &error, cancel, m_execWaitNotice))
            return error;
        auth->fromExec = true;
        bearer = auth->execCredential.token;
        if (c.clientCertificatePem.isEmpty()
            && !auth->execCredential.clientCertificatePem.isEmpty()) {
            transport->clientCertificatePem = auth->execCredential.clientCertificatePem;
            transport->clientKeyPem = auth->execCredential.clientKeyPem;
            // A rotated certificate must not ride on a connection made with the old one.
            if (m_lastExecGeneration != 0
                && m_lastExecGeneration != auth->execCredential.generation) {
                request->freshConnection = true;
            }
            m_lastExecGeneration = auth->execCredential.generation;
        }
    }
    if (!bearer.isEmpty()) {
        request->headers.append({QByteArrayLiteral("Authorization"), "Bearer " + bearer.toUtf8()});
    } else if (!c.username.isEmpty() || !c.password.isEmpty()) {
        const QByteArray credentials = (c.username + QLatin1Char(':') + c.password).toUtf8();
        request->headers.append(
            {QByteArrayLiteral("Authorization"), "Basic " + credentials.toBase64()});
    }
    return NetError();
}

NetError KubeClient::execute(HttpRequest request, HttpResponse *response, const CancelToken &cancel,
                             const HttpClient::DataCallback *onBytes, int idleTimeoutSeconds)
{
    request.headers.append({QByteArrayLiteral("User-Agent"), userAgent()});
    request.headers.append(m_extraHeaders);
    const HttpHeaders baseHeaders = request.headers;
    bool reauthenticated = false;
    int retries = 0;
    while (true) {
        HttpRequest attempt = request;
        attempt.headers = baseHeaders;
        TransportSettings transport;
        Auth auth;
        if (NetError error = prepare(&attempt, &transport, &auth, cancel))
            return error;
        const NetError error = onBytes
            ? m_http->stream(attempt, transport, *onBytes, response, cancel, idleTimeoutSeconds)
            : m_http->perform(attempt, transport, response, cancel);
        if (error)
            return error;
        const int status = response->status;
        if (status == 401 && auth.fromExec && !reauthenticated) {
            // The credential may have been revoked before it expired: run the plugin again,
            // once, unless another request already did.
            m_execCache->invalidate(m_connection, auth.execCredential);
            reauthenticated = true;
            continue;
        }
        const int retryAfter = response->retryAfterSeconds();
        // 429 was refused before it was handled; a 5xx may come after a write was applied,
        // so only reads are sent again on one.
        const bool read = attempt.method == "GET";
        if ((status == 429 || (status >= 500 && read)) && retryAfter >= 0
            && retries < m_maxRetries) {
            ++retries;
            const int waitSeconds = qMin(retryAfter, m_maxRetryWaitSeconds);
            if (!cancel.sleepFor(qMax(waitSeconds, 0) * 1000))
                return NetError::cancelled();
            continue;
        }
        if (status < 200 || status >= 300)
            return NetError::fromHttp(status, response->body, retryAfter);
        return NetError();
    }
}

KubeResponse KubeClient::request(const QByteArray &method, const QString &path,
                                 const QueryItems &query, const QByteArray &body,
                                 const QByteArray &contentType, const CancelToken &cancel,
                                 const QByteArray &accept)
{
    HttpRequest http;
    http.method = method;
    http.url = url(path, query);
    http.body = body;
    http.headers.append({QByteArrayLiteral("Accept"),
                         accept.isEmpty() ? QByteArrayLiteral("application/json") : accept});
    if (!contentType.isEmpty())
        http.headers.append({QByteArrayLiteral("Content-Type"), contentType});
    HttpResponse response;
    KubeResponse result;
    result.error = execute(http, &response, cancel, nullptr, 0);
    result.status = response.status;
    result.body = std::move(response.body);
    result.warnings = warningTexts(response);
    result.headers = std::move(response.headers);
    return result;
}

KubeResponse KubeClient::stream(const QString &path, const QueryItems &query,
                                const QByteArray &accept, const HttpClient::DataCallback &onBytes,
                                const CancelToken &cancel, int idleTimeoutSeconds)
{
    HttpRequest http;
    http.url = url(path, query);
    http.headers.append({QByteArrayLiteral("Accept"), accept});
    HttpResponse response;
    KubeResponse result;
    result.error = execute(http, &response, cancel, &onBytes, idleTimeoutSeconds);
    result.status = response.status;
    result.body = std::move(response.body);
    result.headers = std::move(response.headers);
    return result;
}

KubeResponse KubeClient::get(const QString &path, const QueryItems &query,
                             const CancelToken &cancel, const QByteArray &accept)
{
    return request(QByteArrayLiteral("GET"), path, query, QByteArray(), QByteArray(), cancel,
                   accept);
}

KubeResponse KubeClient::patch(const QString &path, PatchType type, const QByteArray &body,
                               const QueryItems &query, const CancelToken &cancel)
{
    return request(QByteArrayLiteral("PATCH"), path, query, body, contentType(type), cancel);
}

KubeResponse KubeClient::post(const QString &path, const QByteArray &body, const QueryItems &query,
                              const CancelToken &cancel)
{
    return request(QByteArrayLiteral("POST"), path, query, body,
                   QByteArrayLiteral("application/json"), cancel);
}

NetError KubeClient::watch(const QString &path, const KubeWatchOptions &options,
                           const HttpClient::DataCallback &onBytes, const CancelToken &cancel)
{
    QueryItems query {{QStringLiteral("watch"), QStringLiteral("1")}};
    if (!options.resourceVersion.isEmpty())
        query.append({QStringLiteral("resourceVersion"), options.resourceVersion});
    if (options.allowWatchBookmarks)
        query.append({QStringLiteral("allowWatchBookmarks"), QStringLiteral("true")});
    if (options.timeoutSeconds > 0)
        query.append({QStringLiteral("timeoutSeconds"), QString::number(options.timeoutSeconds)});
    if (!options.labelSelector.isEmpty())
        query.append({QStringLiteral("labelSelector"), options.labelSelector});
    if (!options.fieldSelector.isEmpty())
        query.append({QStringLiteral("fieldSelector"), options.fieldSelector});
    int idle = options.idleTimeoutSeconds;
    if (idle <= 0)
        idle = options.timeoutSeconds > 0 ? options.timeoutSeconds + 30 : 600;

    HttpRequest http;
    http.url = url(path, query);
    http.headers.append({QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")});
    HttpResponse response;
    return execute(http, &response, cancel, &onBytes, idle);
}
