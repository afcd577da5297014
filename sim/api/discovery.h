// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace rdsim {

// Legacy (non-aggregated) discovery documents built from the ResourceCatalog: what kubectl
// reads before any resource request. `unserved` holds the ResourceType::key() of kinds this
// cluster leaves out (a tool not installed): they appear nowhere, and a group left without
// kinds is gone too.
class Discovery
{
public:
    // GET /version. minor "31": this machine's kubectl dispatcher picks kubectl.1.<minor>.
    static QJsonObject version();
    // GET /api; serverAddress is "127.0.0.1:PORT".
    static QJsonObject apiVersions(const QString &serverAddress);
    // GET /apis
    static QJsonObject apiGroupList(const QStringList &unserved = {});
    // GET /apis/<group>; nullopt for an unknown group.
    static std::optional<QJsonObject> apiGroup(const QString &name,
                                               const QStringList &unserved = {});
    // GET /api/v1 or /apis/<group>/<version>; nullopt when the catalog has no such version.
    static std::optional<QJsonObject> resourceList(const QString &groupVersion,
                                                   const QStringList &unserved = {});

    // GET /openapi/v3: the per-group-version document index.
    static QJsonObject openApiV3Root(const QStringList &unserved = {});
    // GET /openapi/v3/api/v1 or /openapi/v3/apis/<group>/<version>: paths only, no schemas.
    // Their PATCH and POST operations list the `fieldValidation` parameter, which tells
    // kubectl create/apply to leave validation to the server instead of failing for want of
    // a schema (there is no /openapi/v2).
    static std::optional<QJsonObject> openApiV3(const QString &groupVersion,
                                                const QStringList &unserved = {});
};

} // namespace rdsim
