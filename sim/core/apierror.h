// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace rdsim {

struct ResourceType;

// A Kubernetes `Status` failure: HTTP code, machine-readable reason, human message.
// code == 0 means "no error".
struct ApiError
{
    int code = 0;
    QString reason; // NotFound, Forbidden, Conflict, Invalid, UnsupportedMediaType, Expired, ...
    QString message;
    QJsonObject details; // {name, group, kind, causes, retryAfterSeconds}

    bool isError() const { return code != 0; }
    QJsonObject toStatus() const; // {"kind":"Status","apiVersion":"v1",...,"code":N}

    static ApiError notFound(const ResourceType &type, const QString &name);
    static ApiError alreadyExists(const ResourceType &type, const QString &name);
    static ApiError conflict(const ResourceType &type, const QString &name, const QString &why);
    static ApiError invalid(const ResourceType &type, const QString &name, const QString &why);
    static ApiError badRequest(const QString &message);
    static ApiError forbidden(const QString &user, const QString &verb, const ResourceType &type,
                              const QString &subresource, const QString &ns, const QString &name);
    static ApiError unauthorized();
    static ApiError unsupportedMediaType(const QString &contentType);
    static ApiError expired(const QString &message);
    static ApiError gone(const QString &message);
    static ApiError methodNotAllowed(const QString &message);
    static ApiError tooManyRequests(int retryAfterSeconds);
    static ApiError internal(const QString &message);
    static ApiError serviceUnavailable(const QString &message);
};

// A store or patch result: the object written, or why not.
struct StoreResult
{
    QJsonObject object;
    ApiError error;
    bool ok() const { return !error.isError(); }
};

} // namespace rdsim
