// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QMetaType>
#include <QString>

// A typed failure of a network operation. `message` is translated and safe to show: it
// never holds a token, password or key. Kubernetes Status fields are kept as the server
// sent them so callers can branch on `reason` (e.g. "Expired").
struct NetError
{
    enum class Kind {
        None, // no error
        Network, // connect, DNS, reset, proxy, ...
        Tls, // handshake or certificate verification
        Timeout,
        Http, // another non-2xx status (400, 405, 415, 422, ...)
        Unauthorized, // 401
        Forbidden, // 403
        NotFound, // 404
        Conflict, // 409
        Gone, // 410 (reason "Expired" or "Gone")
        TooManyRequests, // 429
        Server, // 5xx
        Decode, // a body we could not understand
        Config, // kubeconfig or credential problem, found before or while sending
        Cancelled, // the caller's cancel flag
        TooLarge, // the response exceeded the size cap
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString reason; // Kubernetes Status.reason ("NotFound", "Expired", ...)
    QString statusMessage; // Kubernetes Status.message, untranslated
    int curlCode = 0; // CURLcode when libcurl failed
    int retryAfterSeconds = -1; // from the Retry-After header, -1 when absent
    QString message; // translated, for the user

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    static QString kindName(Kind kind); // "Unauthorized", ... (stable, for logs and tests)

    // A non-2xx response: kind from the status, Kubernetes Status from a small JSON body.
    static NetError fromHttp(int status, const QByteArray &body, int retryAfterSeconds = -1);
    // A libcurl failure; `detail` is libcurl's error buffer (never holds credentials).
    static NetError fromCurl(int curlCode, const QString &detail);
    static NetError config(const QString &message);
    static NetError decode(const QString &message);
    static NetError cancelled();
    static NetError tooLarge(qint64 limitBytes);
};

Q_DECLARE_METATYPE(NetError)
