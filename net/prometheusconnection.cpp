// SPDX-License-Identifier: GPL-3.0-or-later
#include "prometheusconnection.h"

#include "boundedfile.h"

#include <QCoreApplication>
#include <QUrl>

namespace {

// Reads a credential or certificate file named in the config. The message names the file
// and the field, never the content.
NetError readConfigFile(const QString &path, const char *field, QByteArray *out, bool trim)
{
    QString problem;
    if (BoundedFile::read(path, BoundedFile::credentialLimit, out, &problem)) {
        if (trim)
            *out = out->trimmed();
        if (!out->isEmpty())
            return NetError();
        problem = QCoreApplication::translate("PrometheusConnection", "the file is empty");
    }
    return NetError::config(
        QCoreApplication::translate("PrometheusConnection", "Prometheus %1 %2: cannot read it: %3")
            .arg(QLatin1String(field), path, problem));
}

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

PrometheusConnection::PrometheusConnection(const PrometheusEndpoint &endpoint) :
    m_endpoint(endpoint), m_http(std::make_unique<HttpClient>())
{
    for (const auto &[name, value] : std::as_const(m_endpoint.headers))
        m_headers.append({name.toUtf8(), value.toUtf8()});
}

PrometheusConnection::PrometheusConnection(const PrometheusEndpoint &endpoint,
                                           const ClusterConnection &cluster) :
    m_endpoint(endpoint), m_kube(std::make_unique<KubeClient>(cluster))
{
    for (const auto &[name, value] : std::as_const(m_endpoint.headers))
        m_headers.append({name.toUtf8(), value.toUtf8()});
    m_kube->setExtraHeaders(m_headers);
    m_kube->setRetryPolicy(m_maxRetries, m_maxRetryWaitSeconds);
}

PrometheusConnection::~PrometheusConnection() = default;

void PrometheusConnection::setLimits(const HttpLimits &limits)
{
    if (m_http)
        m_http->setLimits(limits);
    else
        m_kube->setLimits(limits);
}

void PrometheusConnection::setRetryPolicy(int maxRetries, int maxWaitSeconds)
{
    m_maxRetries = maxRetries;
    m_maxRetryWaitSeconds = maxWaitSeconds;
    if (m_kube)
        m_kube->setRetryPolicy(maxRetries, maxWaitSeconds);
}

qint64 PrometheusConnection::connectionsOpened() const
{
    return m_http ? m_http->connectionsOpened() : m_kube->connectionsOpened();
}

QString PrometheusConnection::pathFor(const QString &apiPath) const
{
    const QString base = m_kube ? m_endpoint.serviceProxyPath() : QString();
    return base + m_endpoint.pathPrefix + apiPath;
}

QByteArray PrometheusConnection::formEncode(const QueryItems &params)
{
    QByteArray encoded;
    for (const auto &[key, value] : params) {
        if (!encoded.isEmpty())
            encoded += '&';
        encoded += QUrl::toPercentEncoding(key) + '=' + QUrl::toPercentEncoding(value);
    }
    return encoded;
}

QByteArray PrometheusConnection::urlFor(const QString &apiPath, const QueryItems &params) const
{
    if (m_kube)
        return m_kube->url(pathFor(apiPath), params);
    QByteArray url = m_endpoint.url.toUtf8()
        + QUrl::toPercentEncoding(pathFor(apiPath), QByteArrayLiteral("/"));
    if (!params.isEmpty())
        url += '?' + formEncode(params);
    return url;
}

PromHttpAnswer PrometheusConnection::send(const QString &apiPath, const QueryItems &params,
                                          bool allowPost, const CancelToken &cancel)
{
    const bool post = allowPost && urlFor(apiPath, params).size() > m_postThreshold;
    PromHttpAnswer answer = m_kube ? sendProxied(apiPath, params, post, cancel)
                                   : sendDirect(apiPath, params, post, cancel);
    answer.wasPost = post;
    return answer;
}

NetError PrometheusConnection::loadTransport()
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

NetError PrometheusConnection::authorization(HttpHeaders *headers) const
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

PromHttpAnswer PrometheusConnection::sendDirect(const QString &apiPath, const QueryItems &params,
                                                bool post, const CancelToken &cancel)
{
    PromHttpAnswer answer;
    HttpRequest request;
    request.headers = {{QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
                       {QByteArrayLiteral("User-Agent"), KubeClient::userAgent()}};
    if (post) {
        request.method = QByteArrayLiteral("POST");
        request.url = urlFor(apiPath, QueryItems());
        request.body = formEncode(params);
        request.headers.append({QByteArrayLiteral("Content-Type"), formContentType});
    } else {
        request.url = urlFor(apiPath, params);
    }
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
        if ((answer.transportError = m_http->perform(attempt, m_transport, &response, cancel)))
            return answer;
        const int retryAfter = response.retryAfterSeconds();
        if ((response.status == 429 || response.status >= 500) && retryAfter >= 0
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

PromHttpAnswer PrometheusConnection::sendProxied(const QString &apiPath, const QueryItems &params,
                                                 bool post, const CancelToken &cancel)
{
    const QString path = pathFor(apiPath);
    KubeResponse response = post
        ? m_kube->request(QByteArrayLiteral("POST"), path, QueryItems(), formEncode(params),
                          formContentType, cancel, QByteArrayLiteral("application/json"))
        : m_kube->get(path, params, cancel, QByteArrayLiteral("application/json"));
    PromHttpAnswer answer;
    if (response.error && !isHttpKind(response.error.kind)) {
        answer.transportError = response.error;
        return answer;
    }
    answer.status = response.status;
    answer.body = std::move(response.body);
    HttpResponse headers;
    headers.headers = response.headers;
    answer.retryAfterSeconds = headers.retryAfterSeconds();
    return answer;
}
