// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpclient.h"

#include "fiberscheduler.h"
#include "secretredaction.h"

#include <QCoreApplication>
#include <QUrl>

#include <curl/curl.h>

#include <mutex>

namespace {

constexpr qsizetype MaxHeaders = 256;

struct SList
{
    curl_slist *list = nullptr;
    ~SList() { curl_slist_free_all(list); }
    void append(const QByteArray &line) { list = curl_slist_append(list, line.constData()); }
};

QByteArray hostForUrl(const QString &host)
{
    // An IPv6 literal needs brackets in CONNECT_TO and Host.
    return host.contains(QLatin1Char(':')) ? '[' + host.toLatin1() + ']' : host.toLatin1();
}

} // namespace

struct HttpClient::Private
{
    CURL *curl = nullptr;
    char errorBuffer[CURL_ERROR_SIZE] = {};
    HttpLimits limits;
    qint64 connectionsOpened = 0;

    // State of the transfer in progress.
    HttpResponse *response = nullptr;
    const DataCallback *onData = nullptr;
    const CancelToken *cancel = nullptr;
    int headerStatus = 0;
    qint64 received = 0;
    bool tooLarge = false;
    bool tooManyHeaders = false;
    bool stopped = false;

    static size_t write(char *data, size_t size, size_t count, void *user);
    static size_t header(char *data, size_t size, size_t count, void *user);
    static int progress(void *user, curl_off_t, curl_off_t, curl_off_t, curl_off_t);
    NetError run(const HttpRequest &request, const TransportSettings &transport,
                 HttpResponse *response, const DataCallback *onData, const CancelToken &cancel,
                 int idleTimeoutSeconds);
};

size_t HttpClient::Private::write(char *data, size_t size, size_t count, void *user)
{
    auto *self = static_cast<Private *>(user);
    const size_t bytes = size * count;
    if (self->cancel->isCancelled()) {
        self->stopped = true;
        return 0;
    }
    const bool success = self->headerStatus >= 200 && self->headerStatus < 300;
    if (self->onData && success) {
        if (!(*self->onData)(data, qsizetype(bytes))) {
            self->stopped = true;
            return 0;
        }
        return bytes;
    }
    self->received += qint64(bytes);
    if (self->received > self->limits.maxResponseBytes) {
        self->tooLarge = true;
        return 0; // CURLE_WRITE_ERROR, reported as TooLarge
    }
    self->response->body.append(data, qsizetype(bytes));
    return bytes;
}

size_t HttpClient::Private::header(char *data, size_t size, size_t count, void *user)
{
    auto *self = static_cast<Private *>(user);
    const size_t bytes = size * count;
    const QByteArray line = QByteArray(data, qsizetype(bytes)).trimmed();
    if (line.startsWith("HTTP/")) {
        // A new response (after 1xx or a redirect) replaces what came before.
        self->response->headers.clear();
        const QList<QByteArray> parts = line.split(' ');
        self->headerStatus = parts.size() > 1 ? parts.at(1).toInt() : 0;
        return bytes;
    }
    // libcurl bounds each header line, not their number.
    if (self->response->headers.size() >= MaxHeaders) {
        self->tooManyHeaders = true;
        return 0;
    }
    const qsizetype colon = line.indexOf(':');
    if (colon > 0) {
        self->response->headers.append(
            {line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed()});
    }
    return bytes;
}

int HttpClient::Private::progress(void *user, curl_off_t, curl_off_t, curl_off_t, curl_off_t)
{
    auto *self = static_cast<Private *>(user);
    if (self->cancel->isCancelled()) {
        self->stopped = true;
        return 1;
    }
    return 0;
}

NetError HttpClient::Private::run(const HttpRequest &request, const TransportSettings &transport,
                                  HttpResponse *out, const DataCallback *dataCallback,
                                  const CancelToken &cancelToken, int idleTimeoutSeconds)
{
    *out = HttpResponse();
    response = out;
    onData = dataCallback;
    cancel = &cancelToken;
    headerStatus = 0;
    received = 0;
    tooLarge = false;
    tooManyHeaders = false;
    stopped = false;
    errorBuffer[0] = '\0';
    if (cancelToken.isCancelled())
        return NetError::cancelled();
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

    // reset() keeps live connections, the DNS cache and TLS sessions: only options go.
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");

    SList headers;
    SList connectTo;
    QByteArray url = request.url;
    if (!transport.tlsServerName.isEmpty()) {
        QUrl parsed = QUrl::fromEncoded(request.url);
        const QString host = parsed.host();
        if (host != transport.tlsServerName) {
            const int defaultPort = parsed.scheme() == QStringLiteral("https") ? 443 : 80;
            const int port = parsed.port(defaultPort);
            connectTo.append(hostForUrl(transport.tlsServerName) + ':' + QByteArray::number(port)
                             + ':' + hostForUrl(host) + ':' + QByteArray::number(port));
            QByteArray authority = hostForUrl(host);
            if (parsed.port() != -1)
                authority += ':' + QByteArray::number(port);
            headers.append("Host: " + authority);
            parsed.setHost(transport.tlsServerName);
            url = parsed.toEncoded();
            curl_easy_setopt(curl, CURLOPT_CONNECT_TO, connectTo.list);
        }
    }
    curl_easy_setopt(curl, CURLOPT_URL, url.constData());

    for (const auto &[name, value] : request.headers)
        headers.append(name + ": " + value);
    headers.append("Expect:"); // no 100-continue round trip for bodies
    curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers.list);

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

    curl_easy_setopt(curl, CURLOPT_HTTP_VERSION, long(CURL_HTTP_VERSION_2TLS));
    // gzip only, as kubectl asks: an empty string would offer every encoding libcurl has,
    // and a server that prefers Brotli then spends ten times the CPU per list page.
    if (!transport.disableCompression)
        curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "gzip");
    curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, long(limits.connectTimeoutMs));
    if (dataCallback) {
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

    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &Private::progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, this);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &Private::write);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &Private::header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(curl, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);

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
    if (!transport.proxyUrl.isEmpty()) {
        QByteArray proxy = transport.proxyUrl.toUtf8();
        // Go's SOCKS5 dialer lets the proxy resolve names; curl calls that socks5h.
        if (proxy.startsWith("socks5://"))
            proxy.replace(0, 6, "socks5h");
        curl_easy_setopt(curl, CURLOPT_PROXY, proxy.constData());
    }

    // In a fiber (an environment's informers) the transfer joins its scheduler's multi
    // handle and only the fiber waits; elsewhere it blocks this thread.
    FiberScheduler *scheduler = FiberScheduler::current();
    const CURLcode rc = scheduler ? scheduler->perform(curl, cancelToken) : curl_easy_perform(curl);
    long status = 0;
    curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    out->status = int(status);
    long connects = 0;
    curl_easy_getinfo(curl, CURLINFO_NUM_CONNECTS, &connects);
    connectionsOpened += connects;
    // Drop the options now: they point at lists and buffers that die with this call.
    curl_easy_reset(curl);
    response = nullptr;
    onData = nullptr;
    cancel = nullptr;
    if (rc == CURLE_OK)
        return NetError();
    if (tooLarge)
        return NetError::tooLarge(limits.maxResponseBytes);
    if (tooManyHeaders) {
        return NetError::decode(
            QCoreApplication::translate("HttpClient",
                                        "The server sent more than %1 header lines: stopped")
                .arg(MaxHeaders));
    }
    if (stopped || rc == CURLE_ABORTED_BY_CALLBACK)
        return NetError::cancelled();
    return NetError::fromCurl(rc, QString::fromUtf8(errorBuffer).trimmed());
}

QByteArray HttpResponse::header(QByteArrayView lowerCaseName) const
{
    for (const auto &[name, value] : headers) {
        if (name == lowerCaseName)
            return value;
    }
    return QByteArray();
}

QList<QByteArray> HttpResponse::headerValues(QByteArrayView lowerCaseName) const
{
    QList<QByteArray> values;
    for (const auto &[name, value] : headers) {
        if (name == lowerCaseName)
            values << value;
    }
    return values;
}

int HttpResponse::retryAfterSeconds() const
{
    const QByteArray value = header("retry-after");
    bool ok = false;
    const int seconds = value.trimmed().toInt(&ok);
    return ok && seconds >= 0 ? seconds : -1;
}

void HttpClient::globalInit()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

HttpClient::HttpClient() : d(std::make_unique<Private>())
{
    globalInit();
    d->curl = curl_easy_init();
}

HttpClient::~HttpClient()
{
    curl_easy_cleanup(d->curl);
}

void HttpClient::setLimits(const HttpLimits &limits)
{
    d->limits = limits;
}

HttpLimits HttpClient::limits() const
{
    return d->limits;
}

qint64 HttpClient::connectionsOpened() const
{
    return d->connectionsOpened;
}

NetError HttpClient::perform(const HttpRequest &request, const TransportSettings &transport,
                             HttpResponse *response, const CancelToken &cancel)
{
    return d->run(request, transport, response, nullptr, cancel, 0);
}

NetError HttpClient::stream(const HttpRequest &request, const TransportSettings &transport,
                            const DataCallback &onData, HttpResponse *response,
                            const CancelToken &cancel, int idleTimeoutSeconds)
{
    return d->run(request, transport, response, &onData, cancel, idleTimeoutSeconds);
}
