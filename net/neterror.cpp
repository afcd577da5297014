// SPDX-License-Identifier: GPL-3.0-or-later
#include "neterror.h"

#include "secretredaction.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

#include <curl/curl.h>

namespace {

// Status bodies are small; a big body is not a Status and parsing it would only cost time.
constexpr qsizetype MaxStatusBodyBytes = 64 * 1024;

NetError::Kind kindForStatus(int status)
{
    switch (status) {
    case 401:
        return NetError::Kind::Unauthorized;
    case 403:
        return NetError::Kind::Forbidden;
    case 404:
        return NetError::Kind::NotFound;
    case 409:
        return NetError::Kind::Conflict;
    case 410:
        return NetError::Kind::Gone;
    case 429:
        return NetError::Kind::TooManyRequests;
    default:
        return status >= 500 ? NetError::Kind::Server : NetError::Kind::Http;
    }
}

NetError::Kind kindForCurl(int code)
{
    switch (code) {
    case CURLE_OPERATION_TIMEDOUT:
        return NetError::Kind::Timeout;
    case CURLE_ABORTED_BY_CALLBACK:
        return NetError::Kind::Cancelled;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_SSL_SHUTDOWN_FAILED:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CLIENTCERT:
    case CURLE_USE_SSL_FAILED:
        return NetError::Kind::Tls;
    default:
        return NetError::Kind::Network;
    }
}

QString httpMessage(NetError::Kind kind, int status, const QString &serverMessage)
{
    QString text;
    switch (kind) {
    case NetError::Kind::Unauthorized:
        text = QCoreApplication::translate("NetError",
                                           "The server did not accept the credentials (HTTP %1)");
        break;
    case NetError::Kind::Forbidden:
        text = QCoreApplication::translate("NetError", "Permission denied (HTTP %1)");
        break;
    case NetError::Kind::NotFound:
        text = QCoreApplication::translate("NetError", "Not found (HTTP %1)");
        break;
    case NetError::Kind::Conflict:
        text = QCoreApplication::translate("NetError", "Conflict (HTTP %1)");
        break;
    case NetError::Kind::Gone:
        text = QCoreApplication::translate("NetError", "The data expired on the server (HTTP %1)");
        break;
    case NetError::Kind::TooManyRequests:
        text = QCoreApplication::translate("NetError", "The server is busy (HTTP %1)");
        break;
    case NetError::Kind::Server:
        text = QCoreApplication::translate("NetError", "Server error (HTTP %1)");
        break;
    default:
        text = QCoreApplication::translate("NetError", "Request failed (HTTP %1)");
        break;
    }
    text = text.arg(status);
    if (!serverMessage.isEmpty())
        text += QStringLiteral(": ") + serverMessage;
    return text;
}

} // namespace

QString NetError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("None");
    case Kind::Network:
        return QStringLiteral("Network");
    case Kind::Tls:
        return QStringLiteral("Tls");
    case Kind::Timeout:
        return QStringLiteral("Timeout");
    case Kind::Http:
        return QStringLiteral("Http");
    case Kind::Unauthorized:
        return QStringLiteral("Unauthorized");
    case Kind::Forbidden:
        return QStringLiteral("Forbidden");
    case Kind::NotFound:
        return QStringLiteral("NotFound");
    case Kind::Conflict:
        return QStringLiteral("Conflict");
    case Kind::Gone:
        return QStringLiteral("Gone");
    case Kind::TooManyRequests:
        return QStringLiteral("TooManyRequests");
    case Kind::Server:
        return QStringLiteral("Server");
    case Kind::Decode:
        return QStringLiteral("Decode");
    case Kind::Config:
        return QStringLiteral("Config");
    case Kind::Cancelled:
        return QStringLiteral("Cancelled");
    case Kind::TooLarge:
        return QStringLiteral("TooLarge");
    }
    return QString();
}

namespace {

// The gRPC status code names (google.golang.org/grpc/codes), for a grpc-gateway error's reason.
QString grpcCodeName(int code)
{
    static const char *const names[] = {
        "OK",
        "Canceled",
        "Unknown",
        "InvalidArgument",
        "DeadlineExceeded",
        "NotFound",
        "AlreadyExists",
        "PermissionDenied",
        "ResourceExhausted",
        "FailedPrecondition",
        "Aborted",
        "OutOfRange",
        "Unimplemented",
        "Internal",
        "Unavailable",
        "DataLoss",
        "Unauthenticated",
    };
    if (code < 0 || code >= int(std::size(names)))
        return QString();
    return QLatin1String(names[code]);
}

} // namespace

NetError NetError::fromHttp(int status, const QByteArray &body, int retryAfterSeconds)
{
    NetError error;
    error.kind = kindForStatus(status);
    error.httpStatus = status;
    error.retryAfterSeconds = retryAfterSeconds;
    if (!body.isEmpty() && body.size() <= MaxStatusBodyBytes) {
        const QJsonDocument doc = QJsonDocument::fromJson(body);
        const QJsonObject object = doc.object();
        if (object.value(QStringLiteral("kind")).toString() == QStringLiteral("Status")) {
            error.reason = object.value(QStringLiteral("reason")).toString();
            error.statusMessage = SecretRedaction::redactForeign(
                object.value(QStringLiteral("message")).toString());
        } else if (object.value(QStringLiteral("code")).isDouble()
                   && object.value(QStringLiteral("message")).isString()) {
            // grpc-gateway's error body (Argo CD): {"error", "code", "message", "details"}.
            error.reason = grpcCodeName(object.value(QStringLiteral("code")).toInt());
            error.statusMessage = SecretRedaction::redactForeign(
                object.value(QStringLiteral("message")).toString());
        } else if (!doc.isObject() && !doc.isArray()) {
            // API Priority and Fairness rejects with plain text; show it, trimmed and short.
            error.statusMessage
                = SecretRedaction::redactForeign(QString::fromUtf8(body.left(512)).trimmed());
        }
    }
    error.message = httpMessage(error.kind, status, error.statusMessage);
    return error;
}

NetError NetError::fromCurl(int curlCode, const QString &detail)
{
    NetError error;
    error.kind = kindForCurl(curlCode);
    error.curlCode = curlCode;
    QString text;
    switch (error.kind) {
    case Kind::Timeout:
        text = QCoreApplication::translate("NetError", "The server did not answer in time");
        break;
    case Kind::Tls:
        text = QCoreApplication::translate("NetError", "Secure connection failed");
        break;
    case Kind::Cancelled:
        text = QCoreApplication::translate("NetError", "Cancelled");
        break;
    default:
        text = QCoreApplication::translate("NetError", "Cannot reach the server");
        break;
    }
    const QString why = detail.isEmpty()
        ? QString::fromUtf8(curl_easy_strerror(static_cast<CURLcode>(curlCode)))
        : detail;
    error.message = text + QStringLiteral(": ") + SecretRedaction::redact(why);
    return error;
}

NetError NetError::config(const QString &message)
{
    NetError error;
    error.kind = Kind::Config;
    error.message = SecretRedaction::redact(message);
    return error;
}

NetError NetError::decode(const QString &message)
{
    NetError error;
    error.kind = Kind::Decode;
    error.message = SecretRedaction::redact(message);
    return error;
}

NetError NetError::cancelled()
{
    NetError error;
    error.kind = Kind::Cancelled;
    error.message = QCoreApplication::translate("NetError", "Cancelled");
    return error;
}

NetError NetError::tooLarge(qint64 limitBytes)
{
    NetError error;
    error.kind = Kind::TooLarge;
    if (limitBytes >= 1024 * 1024) {
        error.message = QCoreApplication::translate(
                            "NetError", "The response is larger than the limit of %1 MiB")
                            .arg(limitBytes / (1024 * 1024));
    } else {
        error.message = QCoreApplication::translate(
                            "NetError", "The response is larger than the limit of %1 bytes")
                            .arg(limitBytes);
    }
    return error;
}
