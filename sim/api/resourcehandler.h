// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "api/apiserver.h"
#include "api/faultinjector.h"
#include "api/resourcepath.h"
#include "core/objectstore.h"
#include "security/accesscontrol.h"

#include <QJsonObject>
#include <QList>

#include <atomic>
#include <optional>

namespace httplib {
struct Request;
struct Response;
} // namespace httplib

namespace rdsim {

struct ApiError;
struct OutputFormat;

// Server-wide switches the request handlers read.
struct ServerSettings
{
    std::atomic<bool> stopping {false}; // stop(): watches end
    std::atomic<int> bookmarkIntervalMs {2000}; // quiet time before a watch sends a BOOKMARK
};

// One authenticated request for a resource.
struct ApiCall
{
    const httplib::Request &request;
    httplib::Response &response;
    UserInfo user;
    ResourcePath target;
    std::optional<FaultRule> fault; // Expire, Drop, Truncate, Malformed reach the handlers
};

// Serves the resource requests of the catalog's kinds from the ObjectStore: authorization,
// then get, list, watch, create, update, patch and delete.
class ResourceHandler
{
public:
    ResourceHandler(const ApiServer::Context &context, const ServerSettings *settings);

    // The RBAC verb of a request: get, list, watch, create, update, patch, delete, ...
    static QString verbOf(const QString &method, const ResourcePath &target, bool watch);

    // Spec for the main resource of a kind with a status subresource, Status for /status,
    // Whole for kinds without the subresource.
    static WriteScope scopeOf(const ResourcePath &target);

    void handle(ApiCall &call) const;

private:
    void get(ApiCall &call, const OutputFormat &format) const;
    void list(ApiCall &call, const OutputFormat &format) const;
    void watch(ApiCall &call, const OutputFormat &format) const;
    void create(ApiCall &call) const;
    void update(ApiCall &call) const;
    void patch(ApiCall &call) const;
    void remove(ApiCall &call) const;
    void review(ApiCall &call) const;

    QJsonObject render(const ResourceType &type, const QList<QJsonObject> &objects,
                       const OutputFormat &format, const QJsonObject &listMetadata,
                       bool single) const;

    ApiServer::Context m_context;
    const ServerSettings *m_settings;
};

} // namespace rdsim
