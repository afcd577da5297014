// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpclient.h"

#include "curloptions.h"
#include "fiberscheduler.h"

#include <QCoreApplication>

#include <curl/curl.h>

#include <mutex>

namespace {

constexpr qsizetype MaxHeaders = 256;

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
    void beginTransfer(HttpResponse *out, const DataCallback *dataCallback,
                       const CancelToken &cancelToken);
    void setCallbacks();
    NetError endTransfer(CURLcode rc, HttpResponse *out);
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
    beginTransfer(out, dataCallback, cancelToken);
    if (cancelToken.isCancelled())
        return NetError::cancelled();
    if (NetError error = CurlOptions::vetHeaders(request))
        return error;

    // reset() keeps live connections, the DNS cache and TLS sessions: only options go.
    curl_easy_reset(curl);
    curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, errorBuffer);
    curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");

    // libcurl reads these lists during the transfer, so they live until it ends.
    CurlOptions::SList headers;
    CurlOptions::SList connectTo;
    CurlOptions::setTarget(curl, request, transport, &headers, &connectTo);
    CurlOptions::setMethod(curl, request);
    CurlOptions::setConnection(curl, transport, limits, dataCallback != nullptr,
                               idleTimeoutSeconds);
    setCallbacks();
    CurlOptions::setTls(curl, transport);
    CurlOptions::setProxy(curl, transport);

    // In a fiber (an environment's informers) the transfer joins its scheduler's multi
    // handle and only the fiber waits; elsewhere it blocks this thread.
    FiberScheduler *scheduler = FiberScheduler::current();
    const CURLcode rc = scheduler ? scheduler->perform(curl, cancelToken) : curl_easy_perform(curl);
    return endTransfer(rc, out);
}

void HttpClient::Private::beginTransfer(HttpResponse *out, const DataCallback *dataCallback,
                                        const CancelToken &cancelToken)
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
}

void HttpClient::Private::setCallbacks()
{
    curl_easy_setopt(curl, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(curl, CURLOPT_XFERINFOFUNCTION, &Private::progress);
    curl_easy_setopt(curl, CURLOPT_XFERINFODATA, this);
    curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &Private::write);
    curl_easy_setopt(curl, CURLOPT_WRITEDATA, this);
    curl_easy_setopt(curl, CURLOPT_HEADERFUNCTION, &Private::header);
    curl_easy_setopt(curl, CURLOPT_HEADERDATA, this);
    curl_easy_setopt(curl, CURLOPT_SUPPRESS_CONNECT_HEADERS, 1L);
}

NetError HttpClient::Private::endTransfer(CURLcode rc, HttpResponse *out)
{
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
