// SPDX-License-Identifier: GPL-3.0-or-later
#include "serviceconnection.h"

#include "boundedfile.h"

#include <QCoreApplication>
#include <QUrl>

namespace {

// Statuses with a body from the server: everything NetError::fromHttp produces.
bool isHttpKind(NetError::Kind kind)
{
    switch (kind) {
    case NetError::Kind::Http:
    case NetError::Kind::Unauthorized:
    case NetError::Kind::Forbidden:
    case NetError::Kind::NotFound:
    case NetError::Kind::Conflict:
    case NetError::Kind::Gone:
    case NetError::Kind::TooManyRequests:
    case NetError::Kind::Server:
        return true;
    default:
        return false;
    }
}

const QByteArray formContentType = QByteArrayLiteral("application/x-www-form-urlencoded");

} // namespace

ServiceConnection::ServiceConnection(const ServiceEndpoint &endpoint) :
    m_endpoint(endpoint), m_http(std::make_unique<HttpClient>())
{
    for (const auto &[name, value] : std::as_const(m_endpoint.headers))
        m_headers.append({name.toUtf8(), value.toUtf8()});
}

ServiceConnection::ServiceConnection(const ServiceEndpoint &endpoint,
                                     const ClusterConnection &cluster) :
    m_endpoint(endpoint), m_kube(std::make_unique<KubeClient>(cluster))
{
    for (const auto &[name, value] : std::as_const(m_endpoint.headers))
        m_headers.append({name.toUtf8(), value.toUtf8()});
    m_kube->setExtraHeaders(m_headers);
    m_kube->setRetryPolicy(m_maxRetries, m_maxRetryWaitSeconds);
}

ServiceConnection::~ServiceConnection() = default;

void ServiceConnection::setLimits(const HttpLimits &limits)
{
    if (m_http)
        m_http->setLimits(limits);
    else
        m_kube->setLimits(limits);
}

void ServiceConnection::setRetryPolicy(int maxRetries, int maxWaitSeconds)
{
    m_maxRetries = maxRetries;
    m_maxRetryWaitSeconds = maxWaitSeconds;
    if (m_kube)
        m_kube->setRetryPolicy(maxRetries, maxWaitSeconds);
}

qint64 ServiceConnection::connectionsOpened() const
{
    return m_http ? m_http->connectionsOpened() : m_kube->connectionsOpened();
}

QString ServiceConnection::pathFor(const QString &apiPath) const
{
    const QString base = m_kube ? m_endpoint.serviceProxyPath() : QString();
    return base + m_endpoint.pathPrefix + apiPath;
}

QByteArray ServiceConnection::formEncode(const QueryItems &params)
{
    QByteArray encoded;
    for (const auto &[key, value] : params) {
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return encoded;
}

QByteArray ServiceConnection::urlFor(const QString &apiPath, const QueryItems &params) const
{
    if (m_kube)
        return m_kube->url(pathFor(apiPath), params);
    QByteArray url = m_endpoint.url.toUtf8()
        + QUrl::toPercentEncoding(pathFor(apiPath), QByteArrayLiteral("/"));
    if (!params.isEmpty())
        url += '?' + formEncode(params);
    return url;
}

ServiceAnswer ServiceConnection::send(const QString &apiPath, const QueryItems &params,
                                      bool allowPost, const CancelToken &cancel)
{
    const bool post = allowPost && urlFor(apiPath, params).size() > m_postThreshold;
    Call call;
    call.apiPath = apiPath;
    if (post) {
        call.method = QByteArrayLiteral("POST");
        call.body = formEncode(params);
        call.contentType = formContentType;
    } else {
        call.method = QByteArrayLiteral("GET");
        call.query = params;
    }
    ServiceAnswer answer = perform(call, cancel);
    answer.wasPost = post;
    return answer;
}

ServiceAnswer ServiceConnection::sendJson(const QByteArray &method, const QString &apiPath,
                                          const QueryItems &params, const QByteArray &body,
                                          const CancelToken &cancel)
{
    Call call;
    call.method = method;
    call.apiPath = apiPath;
    call.query = params;
    call.body = body;
    if (!body.isEmpty())
        call.contentType = QByteArrayLiteral("application/json");
    return perform(call, cancel);
}

ServiceAnswer ServiceConnection::stream(const QString &apiPath, const QueryItems &params,
                                        const QByteArray &accept,
                                        const HttpClient::DataCallback &onBytes,
                                        const CancelToken &cancel, int idleTimeoutSeconds)
{
    Call call;
    call.method = QByteArrayLiteral("GET");
    call.apiPath = apiPath;
    call.query = params;
    call.accept = accept;
    call.onBytes = &onBytes;
    call.idleTimeoutSeconds = idleTimeoutSeconds;
    return perform(call, cancel);
}

ServiceAnswer ServiceConnection::perform(const Call &call, const CancelToken &cancel)
{
    return m_kube ? sendProxied(call, cancel) : sendDirect(call, cancel);
}

NetError ServiceConnection::readConfigFile(const QString &path, const char *field, QByteArray *out,
                                           bool trim) const
{
    // The message names the file and the field, never the content.
    QString problem;
    if (BoundedFile::read(path, BoundedFile::credentialLimit, out, &problem)) {
        if (trim)
            *out = out->trimmed();
        if (!out->isEmpty())
            return NetError();
        problem = QCoreApplication::translate("ServiceConnection", "the file is empty");
    }
    return NetError::config(
        QCoreApplication::translate("ServiceConnection", "%1 %2 %3: cannot read it: %4")
            .arg(m_label, QLatin1String(field), path, problem));
}

NetError ServiceConnection::loadTransport()
{
    if (m_transportLoaded)
        return NetError();
    TransportSettings transport;
    transport.insecureSkipTlsVerify = m_endpoint.insecureSkipVerify;
    transport.tlsServerName = m_endpoint.serverName;
    if (!m_endpoint.caFile.isEmpty()) {
        if (NetError error = readConfigFile(m_endpoint.caFile, "tls.ca", &transport.caPem, false))
            return error;
    }
    if (!m_endpoint.certFile.isEmpty()) {
        if (NetError error = readConfigFile(m_endpoint.certFile, "tls.cert",
                                            &transport.clientCertificatePem, false))
            return error;
        if (NetError error
            = readConfigFile(m_endpoint.keyFile, "tls.key", &transport.clientKeyPem, false))
            return error;
    }
    m_transport = transport;
    m_transportLoaded = true;
    return NetError();
}

NetError ServiceConnection::authorization(HttpHeaders *headers) const
{
    QByteArray token = m_endpoint.bearerToken.toUtf8();
    if (token.isEmpty() && !m_endpoint.bearerTokenFile.isEmpty()) {
        if (NetError error
            = readConfigFile(m_endpoint.bearerTokenFile, "bearerTokenFile", &token, true))
            return error;
    }
    if (!token.isEmpty()) {
        headers->append({QByteArrayLiteral("Authorization"), "Bearer " + token});
        return NetError();
    }
    if (!m_endpoint.hasBasicAuth())
        return NetError();
    QByteArray password = m_endpoint.password.toUtf8();
    if (!m_endpoint.passwordFile.isEmpty()) {
        if (NetError error
            = readConfigFile(m_endpoint.passwordFile, "basicAuth.passwordFile", &password, true))
            return error;
    }
    const QByteArray credentials = m_endpoint.username.toUtf8() + ':' + password;
    headers->append({QByteArrayLiteral("Authorization"), "Basic " + credentials.toBase64()});
    return NetError();
}

ServiceAnswer ServiceConnection::sendDirect(const Call &call, const CancelToken &cancel)
{
    ServiceAnswer answer;
    HttpRequest request;
    request.method = call.method;
    request.url = urlFor(call.apiPath, call.query);
    request.body = call.body;
    request.headers = {{QByteArrayLiteral("Accept"), call.accept},
                       {QByteArrayLiteral("User-Agent"), KubeClient::userAgent()}};
    if (!call.contentType.isEmpty())
        request.headers.append({QByteArrayLiteral("Content-Type"), call.contentType});
    request.headers.append(m_headers);
    if ((answer.transportError = loadTransport()))
        return answer;
    int retries = 0;
    while (true) {
        HttpRequest attempt = request;
        // Read per attempt: a rotated token file is picked up without a restart.
        if ((answer.transportError = authorization(&attempt.headers)))
            return answer;
        HttpResponse response;
        answer.transportError = call.onBytes
            ? m_http->stream(attempt, m_transport, *call.onBytes, &response, cancel,
                             call.idleTimeoutSeconds)
            : m_http->perform(attempt, m_transport, &response, cancel);
        if (answer.transportError)
            return answer;
        const int retryAfter = response.retryAfterSeconds();
        // Only reads (a GET, or a query as a form) are sent again: a 5xx may come after a
        // write was applied.
        const bool read = call.method == "GET" || call.contentType == formContentType;
        if ((response.status == 429 || (response.status >= 500 && read)) && retryAfter >= 0
            && retries < m_maxRetries) {
            ++retries;
            if (!cancel.sleepFor(qMin(retryAfter, m_maxRetryWaitSeconds) * 1000)) {
                answer.transportError = NetError::cancelled();
                return answer;
            }
            continue;
        }
        answer.status = response.status;
        answer.body = std::move(response.body);
        answer.retryAfterSeconds = retryAfter;
        return answer;
    }
}

ServiceAnswer ServiceConnection::sendProxied(const Call &call, const CancelToken &cancel)
{
    ServiceAnswer answer;
    // The API server consumes Authorization, so a service's own token travels as a cookie.
    HttpHeaders headers = m_headers;
    if (!m_endpoint.tokenCookie.isEmpty()) {
        HttpHeaders auth;
        if ((answer.transportError = authorization(&auth)))
            return answer;
        for (const auto &[name, value] : std::as_const(auth)) {
            if (value.startsWith("Bearer "))
                headers.append({QByteArrayLiteral("Cookie"),
                                m_endpoint.tokenCookie.toUtf8() + '=' + value.mid(7)});
        }
    }
    m_kube->setExtraHeaders(headers);
    const QString path = pathFor(call.apiPath);
    KubeResponse response = call.onBytes
        ? m_kube->stream(path, call.query, call.accept, *call.onBytes, cancel,
                         call.idleTimeoutSeconds)
        : m_kube->request(call.method, path, call.query, call.body, call.contentType, cancel,
                          call.accept);
    if (response.error && !isHttpKind(response.error.kind)) {
        answer.transportError = response.error;
        return answer;
    }
    answer.status = response.status;
    answer.body = std::move(response.body);
    HttpResponse headerView;
    headerView.headers = response.headers;
    answer.retryAfterSeconds = headerView.retryAfterSeconds();
    return answer;
}
