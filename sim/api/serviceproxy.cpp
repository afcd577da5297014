// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/serviceproxy.h"

#include "api/httpreply.h"
#include "core/apierror.h"
#include "core/resourcecatalog.h"

#include <httplib.h>

namespace rdsim {

QString ServiceProxy::verbOf(const std::string &method)
{
    if (method == "POST")
        return QStringLiteral("create");
    if (method == "PUT")
        return QStringLiteral("update");
    if (method == "PATCH")
        return QStringLiteral("patch");
    if (method == "DELETE")
        return QStringLiteral("delete");
    return QStringLiteral("get");
}

bool ServiceProxy::authorize(const httplib::Request &request, httplib::Response &response,
                             const UserInfo &user, const AccessControl *access, const QString &ns,
                             const QString &segment)
{
    // Like a cluster with anonymous access off: a proxied service needs a known user.
    if (user.isAnonymous()) {
        HttpReply::error(response, ApiError::unauthorized());
        return false;
    }
    const ResourceType *services = ResourceCatalog::find(QString(), QStringLiteral("services"));
    const QString verb = verbOf(request.method);
    if (!services) {
        HttpReply::error(response, ApiError::internal(QStringLiteral("no services")));
        return false;
    }
    if (!access
        || !access->isAllowed(user, verb, QString(), QStringLiteral("services"),
                              QStringLiteral("proxy"), ns, segment)) {
        HttpReply::error(
            response,
            ApiError::forbidden(user.name, verb, *services, QStringLiteral("proxy"), ns, segment));
        return false;
    }
    return true;
}

} // namespace rdsim
