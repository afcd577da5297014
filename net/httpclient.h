// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "canceltoken.h"
#include "neterror.h"

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

#include <functional>
#include <memory>

using HttpHeaders = QList<QPair<QByteArray, QByteArray>>;

struct HttpRequest
{
    QByteArray method = QByteArrayLiteral("GET");
    QByteArray url; // absolute, already percent-encoded
    HttpHeaders headers;
    QByteArray body;
    bool freshConnection = false; // e.g. after the client certificate rotated
};

struct HttpResponse
{
    int status = 0;
    HttpHeaders headers; // names in lower case, in arrival order
    QByteArray body;

    QByteArray header(QByteArrayView lowerCaseName) const; // first value, null if absent
    QList<QByteArray> headerValues(QByteArrayView lowerCaseName) const;
    int retryAfterSeconds() const; // Retry-After in seconds, -1 when absent or a date
};

// How to reach the server: trust, identity and route. Built per request from the connection
// (and a client certificate an exec plugin returned).
struct TransportSettings
{
    QByteArray caPem; // trusted instead of the system store when non-empty
    bool insecureSkipTlsVerify = false;
    QString tlsServerName;
    QString proxyUrl;
    bool disableCompression = false;
    QByteArray clientCertificatePem;
    QByteArray clientKeyPem;
};

struct HttpLimits
{
    int connectTimeoutMs = 10000;
    int totalTimeoutMs = 30000; // ordinary requests; streams have none
    // One response (a list page, a full list after an expired continue token, a range
    // query). Pages of 500 objects are a few MiB; a watch stream is counted per event.
    qint64 maxResponseBytes = qint64(64) * 1024 * 1024;
};

// HTTP(S) over one libcurl easy handle. Not thread-safe: each worker thread owns its own
// HttpClient and reuses it, so connections stay alive between requests (curl_easy_reset
// keeps the connection cache). Blocking; never call it on the GUI thread. In a fiber of a
// FiberScheduler only the fiber blocks: the transfer runs on the scheduler's multi handle.
//
// tls-server-name: libcurl 7.88 has no option to verify a name other than the URL's host,
// so the URL's host is replaced by the TLS name and CURLOPT_CONNECT_TO sends the connection
// to the real host and port; an explicit Host header keeps the original authority, as
// client-go does. SNI and certificate checks then use the TLS name.
class HttpClient
{
public:
    // Return false to stop the stream (the result is then NetError::Kind::Cancelled).
    using DataCallback = std::function<bool(const char *data, qsizetype size)>;

    HttpClient();
    ~HttpClient();
    HttpClient(const HttpClient &) = delete;
    HttpClient &operator=(const HttpClient &) = delete;

    // Calls curl_global_init once; the constructor does it too.
    static void globalInit();

    void setLimits(const HttpLimits &limits);
    HttpLimits limits() const;
    // New connections made so far; stays flat while keep-alive reuses one (diagnostics).
    qint64 connectionsOpened() const;

    // Any HTTP status is a success here (response->status tells); the error is about the
    // transport: connect, TLS, timeout, cancel, size cap.
    NetError perform(const HttpRequest &request, const TransportSettings &transport,
                     HttpResponse *response, const CancelToken &cancel = CancelToken());

    // For watches: no total timeout; a 2xx body goes to onData as it arrives, any other
    // status's body is collected into response->body. idleTimeoutSeconds > 0 aborts with
    // a Timeout when less than one byte per second arrived for that long.
    NetError stream(const HttpRequest &request, const TransportSettings &transport,
                    const DataCallback &onData, HttpResponse *response,
                    const CancelToken &cancel = CancelToken(), int idleTimeoutSeconds = 0);

private:
    struct Private;
    std::unique_ptr<Private> d;
};
