// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QMetaType>
#include <QString>

// A failed Prometheus API call, typed so the UI can word it and callers can branch (retry a
// timeout, not a bad query). `message` is translated and ends with the server's own text,
// unchanged; it never holds a credential.
struct PromError
{
    Q_DECLARE_TR_FUNCTIONS(PromError)

public:
    enum class Kind {
        None,
        // The API's errorType values (Prometheus 2.42 web/api/v1/api.go).
        BadData, // 400: the query or a parameter is invalid
        Execution, // 422: the query failed while running
        Timeout, // 503: the query ran into the server's query timeout
        Canceled, // 503 (499 in newer versions)
        Unavailable, // 500
        Internal, // 500
        NotFound, // 404, or a path that serves no Prometheus API (wrong url/pathPrefix)
        NotAcceptable, // 406 (newer versions)
        OtherApiError, // an errorType this client does not know
        // Answers without a Prometheus error envelope (proxies, auth layers, load balancers).
        Unauthorized, // 401
        Forbidden, // 403
        TooManyRequests, // 429; retryAfterSeconds from Retry-After
        Http, // any other status, e.g. an HTML 502 page of a reverse proxy
        // Before or instead of an answer.
        Network, // connect, DNS, reset
        Tls, // handshake or certificate verification
        NoAnswer, // the client's own timeout ran out
        Cancelled, // the caller cancelled (a newer request replaced this one)
        Config, // the endpoint configuration (e.g. an unreadable token file)
        Decode, // a 2xx answer that is not a Prometheus response
        TooLarge, // the answer exceeded the size cap
    };

    Kind kind = Kind::None;
    int httpStatus = 0;
    QString errorType; // as the server sent it ("bad_data"); empty without an envelope
    QString serverMessage; // the server's text, untranslated and unchanged
    int retryAfterSeconds = -1;
    int curlCode = 0;
    QString message; // translated, for the user

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    static QString kindName(Kind kind); // "BadData", ... (stable, for logs and tests)
    static Kind kindForErrorType(const QString &errorType);

    // An error envelope {"status":"error","errorType":...,"error":...}.
    static PromError fromApi(const QString &errorType, const QString &serverMessage,
                             int httpStatus);
    // A non-2xx answer that is not an error envelope: a Kubernetes Status from the service
    // proxy, a proxy's HTML page, plain text. The message quotes the Status message, the
    // page's <title> or the first line of text.
    static PromError fromHttp(int httpStatus, const QByteArray &body, int retryAfterSeconds = -1);
    // What a person would read first in a body that is not an API response: a Kubernetes
    // Status message, an HTML page's <title>, the first line of text; shortened.
    static QString summarizeBody(const QByteArray &body);
    // A 2xx answer that cannot be read (detail says why, already translated).
    static PromError decode(const QString &detail);
    // For the net layer: transport failures keep the net layer's translated message.
    static PromError transport(Kind kind, const QString &message, int curlCode = 0);
};

Q_DECLARE_METATYPE(PromError)
