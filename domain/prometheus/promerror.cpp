// SPDX-License-Identifier: GPL-3.0-or-later
#include "promerror.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

constexpr qsizetype MaxDetailChars = 300;
// Only a small body can be an error page worth quoting; a big one is read no further.
constexpr qsizetype MaxInspectedBytes = 64 * 1024;

QString shortened(QString text)
{
    text = text.simplified();
    if (text.size() > MaxDetailChars)
        text = text.left(MaxDetailChars - 1) + QChar(0x2026);
    return text;
}

QString decodeEntities(QString text)
{
    text.replace(QStringLiteral("&lt;"), QStringLiteral("<"));
    text.replace(QStringLiteral("&gt;"), QStringLiteral(">"));
    text.replace(QStringLiteral("&quot;"), QStringLiteral("\""));
    text.replace(QStringLiteral("&#39;"), QStringLiteral("'"));
    text.replace(QStringLiteral("&nbsp;"), QStringLiteral(" "));
    text.replace(QStringLiteral("&amp;"), QStringLiteral("&"));
    return text;
}

} // namespace

QString PromError::summarizeBody(const QByteArray &body)
{
    const QByteArray head = body.left(MaxInspectedBytes);
    const QJsonDocument doc = QJsonDocument::fromJson(head);
    if (doc.isObject()) {
        const QJsonObject object = doc.object();
        for (const char *key : {"message", "error", "msg"}) {
            const QString text = object.value(QLatin1String(key)).toString();
            if (!text.isEmpty())
                return shortened(text);
        }
        return QString();
    }
    const QString text = QString::fromUtf8(head);
    if (text.trimmed().startsWith(QLatin1Char('<'))) {
        for (const char *tag : {"title", "h1"}) {
            const QRegularExpression element(
                QStringLiteral("<%1[^>]*>(.*?)</%1>").arg(QLatin1String(tag)),
                QRegularExpression::CaseInsensitiveOption
                    | QRegularExpression::DotMatchesEverythingOption);
            const QRegularExpressionMatch match = element.match(text);
            if (match.hasMatch() && !match.captured(1).trimmed().isEmpty())
                return shortened(decodeEntities(match.captured(1)));
        }
        return QString();
    }
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (!line.trimmed().isEmpty())
            return shortened(line);
    }
    return QString();
}

namespace {

QString withDetail(const QString &summary, const QString &detail)
{
    return detail.isEmpty() ? summary : summary + QStringLiteral(": ") + detail;
}

} // namespace

QString PromError::kindName(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return QStringLiteral("None");
    case Kind::BadData:
        return QStringLiteral("BadData");
    case Kind::Execution:
        return QStringLiteral("Execution");
    case Kind::Timeout:
        return QStringLiteral("Timeout");
    case Kind::Canceled:
        return QStringLiteral("Canceled");
    case Kind::Unavailable:
        return QStringLiteral("Unavailable");
    case Kind::Internal:
        return QStringLiteral("Internal");
    case Kind::NotFound:
        return QStringLiteral("NotFound");
    case Kind::NotAcceptable:
        return QStringLiteral("NotAcceptable");
    case Kind::OtherApiError:
        return QStringLiteral("OtherApiError");
    case Kind::Unauthorized:
        return QStringLiteral("Unauthorized");
    case Kind::Forbidden:
        return QStringLiteral("Forbidden");
    case Kind::TooManyRequests:
        return QStringLiteral("TooManyRequests");
    case Kind::Http:
        return QStringLiteral("Http");
    case Kind::Network:
        return QStringLiteral("Network");
    case Kind::Tls:
        return QStringLiteral("Tls");
    case Kind::NoAnswer:
        return QStringLiteral("NoAnswer");
    case Kind::Cancelled:
        return QStringLiteral("Cancelled");
    case Kind::Config:
        return QStringLiteral("Config");
    case Kind::Decode:
        return QStringLiteral("Decode");
    case Kind::TooLarge:
        return QStringLiteral("TooLarge");
    }
    return QString();
}

PromError::Kind PromError::kindForErrorType(const QString &errorType)
{
    static const QList<QPair<QString, Kind>> known = {
        {QStringLiteral("bad_data"), Kind::BadData},
        {QStringLiteral("execution"), Kind::Execution},
        {QStringLiteral("timeout"), Kind::Timeout},
        {QStringLiteral("canceled"), Kind::Canceled},
        {QStringLiteral("unavailable"), Kind::Unavailable},
        {QStringLiteral("internal"), Kind::Internal},
        {QStringLiteral("not_found"), Kind::NotFound},
        {QStringLiteral("not_acceptable"), Kind::NotAcceptable},
    };
    for (const auto &[name, kind] : known) {
        if (name == errorType)
            return kind;
    }
    return Kind::OtherApiError;
}

PromError PromError::fromApi(const QString &errorType, const QString &serverMessage, int httpStatus)
{
    PromError error;
    error.kind = kindForErrorType(errorType);
    error.httpStatus = httpStatus;
    error.errorType = errorType;
    error.serverMessage = serverMessage;
    QString summary;
    switch (error.kind) {
    case Kind::BadData:
        summary = tr("The query is not valid (HTTP %1)");
        break;
    case Kind::Execution:
        summary = tr("The query failed (HTTP %1)");
        break;
    case Kind::Timeout:
        summary = tr("The query timed out on the server (HTTP %1)");
        break;
    case Kind::Canceled:
        summary = tr("The server cancelled the query (HTTP %1)");
        break;
    case Kind::Unavailable:
        summary = tr("Prometheus is unavailable (HTTP %1)");
        break;
    case Kind::Internal:
        summary = tr("Prometheus reported an internal error (HTTP %1)");
        break;
    case Kind::NotFound:
        summary = tr("Not found (HTTP %1)");
        break;
    case Kind::NotAcceptable:
        summary = tr("The server cannot answer in this format (HTTP %1)");
        break;
    default:
        summary = tr("Prometheus error '%2' (HTTP %1)");
        break;
    }
    summary = summary.arg(httpStatus);
    if (error.kind == Kind::OtherApiError)
        summary = summary.arg(errorType);
    error.message = withDetail(summary, serverMessage);
    return error;
}

PromError PromError::fromHttp(int httpStatus, const QByteArray &body, int retryAfterSeconds)
{
    PromError error;
    error.httpStatus = httpStatus;
    error.retryAfterSeconds = retryAfterSeconds;
    error.serverMessage = summarizeBody(body);
    QString summary;
    switch (httpStatus) {
    case 401:
        error.kind = Kind::Unauthorized;
        summary = tr("The server did not accept the credentials (HTTP %1)").arg(httpStatus);
        break;
    case 403:
        error.kind = Kind::Forbidden;
        summary = tr("Permission denied (HTTP %1)").arg(httpStatus);
        break;
    case 404:
        error.kind = Kind::NotFound;
        summary = tr("No Prometheus API at this address (HTTP %1); check url and pathPrefix")
                      .arg(httpStatus);
        break;
    case 429:
        error.kind = Kind::TooManyRequests;
        summary = retryAfterSeconds >= 0
            ? tr("Too many requests; the server asks to wait %1 s (HTTP %2)")
                  .arg(retryAfterSeconds)
                  .arg(httpStatus)
            : tr("Too many requests (HTTP %1)").arg(httpStatus);
        break;
    default:
        error.kind = Kind::Http;
        summary
            = tr("The server answered HTTP %1 instead of a Prometheus response").arg(httpStatus);
        break;
    }
    error.message = withDetail(summary, error.serverMessage);
    return error;
}

PromError PromError::decode(const QString &detail)
{
    PromError error;
    error.kind = Kind::Decode;
    error.message = withDetail(tr("The answer is not a Prometheus API response"), detail);
    return error;
}

PromError PromError::transport(Kind kind, const QString &message, int curlCode)
{
    PromError error;
    error.kind = kind;
    error.curlCode = curlCode;
    error.message = message;
    return error;
}
