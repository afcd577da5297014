// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/apierror.h"

#include <QString>

namespace rdsim {

struct FaultRule;

// The Status errors of the API server that do not name an object (ApiError builds those).
class ApiStatus
{
public:
    static ApiError pathNotFound(); // 404 "the server could not find the requested resource"
    // 403 for a non-resource path: `forbidden: User "u" cannot get path "/api"`
    static ApiError forbiddenPath(const QString &user, const QString &verb, const QString &path);
    static ApiError methodNotAllowed();
    // 422 exactly as a real server answers a JSON patch operation that does not apply.
    static ApiError patchNotApplied();
    // 422 for server-side apply without ?fieldManager.
    static ApiError fieldManagerRequired();
    // What an injected Status fault answers (429 TooManyRequests, 500, 503, ... by code).
    static ApiError fromFault(const FaultRule &rule);
    // A request httplib refused before routing (bad request line, unknown method).
    static ApiError refusedByHttp(int code);
};

} // namespace rdsim
