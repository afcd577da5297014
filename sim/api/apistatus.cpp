// SPDX-License-Identifier: GPL-3.0-or-later
#include "apistatus.h"

#include "api/faultinjector.h"

#include <QHash>
#include <QJsonArray>

namespace rdsim {

namespace {

ApiError make(int code, const QString &reason, const QString &message)
{
    ApiError error;
    error.code = code;
    error.reason = reason;
    error.message = message;
    return error;
}

} // namespace

ApiError ApiStatus::pathNotFound()
{
    return make(404, QStringLiteral("NotFound"),
                QStringLiteral("the server could not find the requested resource"));
}

ApiError ApiStatus::forbiddenPath(const QString &user, const QString &verb, const QString &path)
{
    return make(
        403, QStringLiteral("Forbidden"),
        QStringLiteral("forbidden: User \"%1\" cannot %2 path \"%3\"").arg(user, verb, path));
}

ApiError ApiStatus::methodNotAllowed()
{
    return ApiError::methodNotAllowed(
        QStringLiteral("the server does not allow this method on the requested resource"));
}

ApiError ApiStatus::patchNotApplied()
{
    return make(422, QStringLiteral("Invalid"),
                QStringLiteral("the server rejected our request due to an error in our request"));
}

ApiError ApiStatus::fieldManagerRequired()
{
    ApiError error = make(422, QStringLiteral("Invalid"),
                          QStringLiteral("PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: "
                                         "Required value: is required for apply patch"));
    const QJsonObject cause {
        {QStringLiteral("reason"), QStringLiteral("FieldValueRequired")},
        {QStringLiteral("message"), QStringLiteral("Required value: is required for apply patch")},
        {QStringLiteral("field"), QStringLiteral("fieldManager")}};
    error.details = QJsonObject {{QStringLiteral("group"), QStringLiteral("meta.k8s.io")},
                                 {QStringLiteral("kind"), QStringLiteral("PatchOptions")},
                                 {QStringLiteral("causes"), QJsonArray {cause}}};
    return error;
}

ApiError ApiStatus::fromFault(const FaultRule &rule)
{
    switch (rule.status) {
    case 429:
        return ApiError::tooManyRequests(rule.retryAfterSeconds);
    case 500:
        return ApiError::internal(QStringLiteral("injected fault"));
    case 503:
        return ApiError::serviceUnavailable(
            QStringLiteral("the server is currently unable to handle the request"));
    default:
        break;
    }
    static const QHash<int, QString> reasons {{400, QStringLiteral("BadRequest")},
                                              {401, QStringLiteral("Unauthorized")},
                                              {403, QStringLiteral("Forbidden")},
                                              {404, QStringLiteral("NotFound")},
                                              {405, QStringLiteral("MethodNotAllowed")},
                                              {406, QStringLiteral("NotAcceptable")},
                                              {409, QStringLiteral("Conflict")},
                                              {410, QStringLiteral("Gone")},
                                              {413, QStringLiteral("RequestEntityTooLarge")},
                                              {415, QStringLiteral("UnsupportedMediaType")},
                                              {422, QStringLiteral("Invalid")},
                                              {504, QStringLiteral("Timeout")}};
    const QString fallback
        = rule.status >= 500 ? QStringLiteral("InternalError") : QStringLiteral("Unknown");
    ApiError error
        = make(rule.status, reasons.value(rule.status, fallback),
               QStringLiteral("injected fault: the server answered %1").arg(rule.status));
    if (rule.retryAfterSeconds >= 0)
        error.details.insert(QStringLiteral("retryAfterSeconds"), rule.retryAfterSeconds);
    return error;
}

ApiError ApiStatus::refusedByHttp(int code)
{
    return make(code, code == 404 ? QStringLiteral("NotFound") : QStringLiteral("BadRequest"),
                QStringLiteral("the server could not handle the request (HTTP %1)").arg(code));
}

} // namespace rdsim
