// SPDX-License-Identifier: GPL-3.0-or-later
#include "curloptions.h"

#include "secretredaction.h"

#include <QCoreApplication>
#include <QUrl>

namespace {

QByteArray hostForUrl(const QString &host)
{
    // An IPv6 literal needs brackets in CONNECT_TO and Host.
    return host.contains(QLatin1Char(':')) ? '[' + host.toLatin1() + ']' : host.toLatin1();
}

} // namespace

namespace CurlOptions {

NetError vetHeaders(const HttpRequest &request)
{
    // One policy for every header value (tokens from files and exec plugins, basic auth,
    // Prometheus headers): a CR, LF or NUL would end the header and start another one.
    for (const auto &[name, value] : request.headers) {
        if (name.contains('\r') || name.contains('\n') || name.contains('\0') || name.contains(':')
            || value.contains('\r') || value.contains('\n') || value.contains('\0'))
            return NetError::config(
                QCoreApplication::translate("HttpClient",
                                            "The %1 header holds a line break or NUL character "
                                            "(a token or password file with several lines?): "
                                            "nothing was sent.")
                    .arg(QString::fromLatin1(name.left(64))));
        if (name.compare("Authorization", Qt::CaseInsensitive) == 0
            || name.compare("Proxy-Authorization", Qt::CaseInsensitive) == 0)
            SecretRedaction::rememberAuthorization(value);
    }
    return NetError();
}

void setTarget(CURL *curl, const HttpRequest &request, const TransportSettings &transport,
               SList *headers, SList *connectTo)
{
    QByteArray url = request.url;
    if (!transport.tlsServerName.isEmpty()) {
        QUrl parsed = QUrl::fromEncoded(request.url);
        const QString host = parsed.host();
        if (host != transport.tlsServerName) {
            const int defaultPort = parsed.scheme() == QStringLiteral("https") ? 443 : 80;
            const int port = parsed.port(defaultPort);
            connectTo->append(hostForUrl(transport.tlsServerName) + ':' + QByteArray::number(port)
                              + ':' + hostForUrl(host) + ':' + QByteArray::number(port));
            QByteArray authority = hostForUrl(host);
            if (parsed.port() != -1)
                authority += ':' + QByteArray::number(port);
            headers->append("Host: " + authority);
            parsed.setHost(transport.tlsServerName);
            url = parsed.toEncoded();
            curl_easy_setopt(curl, CURLOPT_CONNECT_TO, connectTo->list);
        }
    }
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());

    for (const auto &[name, value] : request.headers)
        headers->append(name + ": " + value);
    headers->append("Expect:"); // no 100-continue round trip for bodies
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers->list);
}

void setMethod(CURL *curl, const HttpRequest &request)
{
    if (request.method == "GET") {
        curl_easy_setopt(curl, CURLOPT_HTTPGET, 1L);
    } else if (request.method == "HEAD") {
        curl_easy_setopt(curl, CURLOPT_NOBODY, 1L);
    } else {
        curl_easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.constData());
        curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.size()));
        curl_easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.constData());
    }
    if (request.freshConnection)
        curl_easy_setopt(curl, CURLOPT_FRESH_CONNECT, 1L);
}

void setConnection(CURL *curl, const TransportSettings &transport, const HttpLimits &limits,
                   bool streaming, int idleTimeoutSeconds)
{
    curl_easy_setopt(curl, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    // gzip only, as kubectl asks: an empty string would offer every encoding libcurl has,
    // and a server that prefers Brotli then spends ten times the CPU per list page.
    if (!transport.disableCompression)
        curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(limits.connectTimeoutMs));
    if (streaming) {
        // Idle is normal on a watch; only a silence longer than the server's own timeout
        // (plus slack) means a dead connection.
        if (idleTimeoutSeconds > 0) {
            curl_easy_setopt(curl, CURLOPT_LOW_SPEED_LIMIT, 1L);
            curl_easy_setopt(curl, CURLOPT_LOW_SPEED_TIME, long(idleTimeoutSeconds));
        }
    } else {
        curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, long(limits.totalTimeoutMs));
    }
    curl_easy_setopt(curl, CURLOPT_TCP_KEEPALIVE, 1L);
    curl_easy_setopt(curl, CURLOPT_TCP_KEEPIDLE, 30L);
    curl_easy_setopt(curl, CURLOPT_TCP_KEEPINTVL, 15L);
}

void setTls(CURL *curl, const TransportSettings &transport)
{
    if (!transport.caPem.isEmpty()) {
        // Only the given CA is trusted, as client-go builds its RootCAs from it alone.
        curl_blob blob {const_cast<char *>(transport.caPem.constData()),
                        size_t(transport.caPem.size()), CURL_BLOB_COPY};
        curl_easy_setopt(curl, CURLOPT_CAINFO_BLOB, &blob);
        curl_easy_setopt(curl, CURLOPT_CAINFO, static_cast<char *>(nullptr));
        curl_easy_setopt(curl, CURLOPT_CAPATH, static_cast<char *>(nullptr));
    }
    if (transport.insecureSkipTlsVerify) {
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
        curl_easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
    }
    if (!transport.clientCertificatePem.isEmpty()) {
        curl_blob cert {const_cast<char *>(transport.clientCertificatePem.constData()),
                        size_t(transport.clientCertificatePem.size()), CURL_BLOB_COPY};
        curl_blob key {const_cast<char *>(transport.clientKeyPem.constData()),
                       size_t(transport.clientKeyPem.size()), CURL_BLOB_COPY};
        curl_easy_setopt(curl, CURLOPT_SSLCERT_BLOB, &cert);
        curl_easy_setopt(curl, CURLOPT_SSLCERTTYPE, "PEM");
        curl_easy_setopt(curl, CURLOPT_SSLKEY_BLOB, &key);
        curl_easy_setopt(curl, CURLOPT_SSLKEYTYPE, "PEM");
    }
}

void setProxy(CURL *curl, const TransportSettings &transport)
{
    if (transport.proxyUrl.isEmpty())
        return;
    QByteArray proxy = transport.proxyUrl.toUtf8();
    // Go's SOCKS5 dialer lets the proxy resolve names; curl calls that socks5h.
    if (proxy.startsWith("socks5://"))
        proxy.replace(0, 6, "socks5h");
    curl_easy_setopt(curl, CURLOPT_PROXY, proxy.constData());
}

} // namespace CurlOptions
