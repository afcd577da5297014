// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>

namespace httplib {
struct Request;
}

namespace rdsim {

struct ApiError;
struct ResourcePath;
struct ResourceType;

// Reading and checking the object a create, update or apply request sends.
class RequestBody
{
public:
    // The body as one JSON object; nullopt + 400 BadRequest otherwise.
    static std::optional<QJsonObject> object(const httplib::Request &request, ApiError *error);
    // Fills kind/apiVersion when absent and checks them, the namespace and the name against
    // the URL, as the API server does (400 BadRequest with its messages).
    static ApiError prepare(const ResourceType &type, const ResourcePath &target,
                            QJsonObject *object);
    static bool isDryRun(const httplib::Request &request); // ?dryRun=All
    static QString metadataField(const QJsonObject &object, const char *field);
};

} // namespace rdsim
