// SPDX-License-Identifier: GPL-3.0-or-later
#include "apierror.h"

#include "resourcecatalog.h"

#include <QJsonArray>

namespace rdsim {

namespace {

ApiError make(int code, const QString &reason, const QString &message, QJsonObject details = {})
{
    ApiError error;
    error.code = code;
    error.reason = reason;
    error.message = message;
    error.details = std::move(details);
    return error;
}

QJsonObject detailsFor(const ResourceType &type, const QString &name)
{
    QJsonObject details {{QStringLiteral("kind"), type.plural}};
    if (!name.isEmpty())
        details.insert(QStringLiteral("name"), name);
    if (!type.group.isEmpty())
        details.insert(QStringLiteral("group"), type.group);
    return details;
}

} // namespace

QJsonObject ApiError::toStatus() const
{
    QJsonObject status {
        {QStringLiteral("kind"), QStringLiteral("Status")},
        {QStringLiteral("apiVersion"), QStringLiteral("v1")},
        {QStringLiteral("metadata"), QJsonObject()},
        {QStringLiteral("status"), QStringLiteral("Failure")},
        {QStringLiteral("message"), message},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("code"), code},
    };
    if (!details.isEmpty())
        status.insert(QStringLiteral("details"), details);
    return status;
}

ApiError ApiError::notFound(const ResourceType &type, const QString &name)
{
    return make(404, QStringLiteral("NotFound"),
                QStringLiteral("%1 \"%2\" not found").arg(type.key(), name),
                detailsFor(type, name));
}

ApiError ApiError::alreadyExists(const ResourceType &type, const QString &name)
{
    return make(409, QStringLiteral("AlreadyExists"),
                QStringLiteral("%1 \"%2\" already exists").arg(type.key(), name),
                detailsFor(type, name));
}

ApiError ApiError::conflict(const ResourceType &type, const QString &name, const QString &why)
{
    return make(
        409, QStringLiteral("Conflict"),
        QStringLiteral("Operation cannot be fulfilled on %1 \"%2\": %3").arg(type.key(), name, why),
        detailsFor(type, name));
}

ApiError ApiError::invalid(const ResourceType &type, const QString &name, const QString &why)
{
    QJsonObject details = detailsFor(type, name);
    details.insert(QStringLiteral("kind"), type.kind);
    details.insert(
        QStringLiteral("causes"),
        QJsonArray {QJsonObject {{QStringLiteral("reason"), QStringLiteral("FieldValueInvalid")},
                                 {QStringLiteral("message"), why}}});
    return make(422, QStringLiteral("Invalid"),
                QStringLiteral("%1 \"%2\" is invalid: %3").arg(type.kind, name, why), details);
}

ApiError ApiError::badRequest(const QString &message)
{
    return make(400, QStringLiteral("BadRequest"), message);
}

ApiError ApiError::forbidden(const QString &user, const QString &verb, const ResourceType &type,
                             const QString &subresource, const QString &ns, const QString &name)
{
    const QString resource
        = subresource.isEmpty() ? type.plural : QString(type.plural + u'/' + subresource);
    QString message
        = name.isEmpty() ? type.key() : QStringLiteral("%1 \"%2\"").arg(type.key(), name);
    message += QStringLiteral(
                   " is forbidden: User \"%1\" cannot %2 resource \"%3\" in API group \"%4\"")
                   .arg(user, verb, resource, type.group);
    if (type.namespaced && !ns.isEmpty())
        message += QStringLiteral(" in the namespace \"%1\"").arg(ns);
    else
        message += QStringLiteral(" at the cluster scope");
    return make(403, QStringLiteral("Forbidden"), message, detailsFor(type, name));
}

ApiError ApiError::unauthorized()
{
    return make(401, QStringLiteral("Unauthorized"), QStringLiteral("Unauthorized"));
}

ApiError ApiError::unsupportedMediaType(const QString &contentType)
{
    Q_UNUSED(contentType)
    return make(415, QStringLiteral("UnsupportedMediaType"),
                QStringLiteral("the body of the request was in an unknown format - accepted media "
                               "types include: application/json-patch+json, "
                               "application/merge-patch+json, application/apply-patch+yaml"));
}

ApiError ApiError::expired(const QString &message)
{
    return make(410, QStringLiteral("Expired"), message);
}

ApiError ApiError::gone(const QString &message)
{
    return make(410, QStringLiteral("Gone"), message);
}

ApiError ApiError::methodNotAllowed(const QString &message)
{
    return make(405, QStringLiteral("MethodNotAllowed"), message);
}

ApiError ApiError::tooManyRequests(int retryAfterSeconds)
{
    QJsonObject details;
    if (retryAfterSeconds >= 0)
        details.insert(QStringLiteral("retryAfterSeconds"), retryAfterSeconds);
    return make(429, QStringLiteral("TooManyRequests"),
                QStringLiteral("Too many requests, please try again later."), details);
}

ApiError ApiError::internal(const QString &message)
{
    return make(500, QStringLiteral("InternalError"),
                QStringLiteral("Internal error occurred: %1").arg(message));
}

ApiError ApiError::serviceUnavailable(const QString &message)
{
    return make(503, QStringLiteral("ServiceUnavailable"), message);
}

} // namespace rdsim
