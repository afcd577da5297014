// SPDX-License-Identifier: GPL-3.0-or-later
#include "requestbody.h"

#include "api/resourcepath.h"
#include "core/apierror.h"
#include "core/resourcecatalog.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <httplib.h>

namespace rdsim {

std::optional<QJsonObject> RequestBody::object(const httplib::Request &request, ApiError *error)
{
    QJsonParseError parseError;
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray::fromStdString(request.body), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        *error = ApiError::badRequest(QStringLiteral("the request body is not a JSON object: %1")
                                          .arg(parseError.error != QJsonParseError::NoError
                                                   ? parseError.errorString()
                                                   : QStringLiteral("not an object")));
        return std::nullopt;
    }
    return document.object();
}

ApiError RequestBody::prepare(const ResourceType &type, const ResourcePath &target,
                              QJsonObject *object)
{
    const QString apiVersion = object->value(QStringLiteral("apiVersion")).toString();
    if (!apiVersion.isEmpty() && apiVersion != type.groupVersion())
        return ApiError::badRequest(
            QStringLiteral("the API version in the data (%1) does not match the expected API "
                           "version (%2)")
                .arg(apiVersion, type.groupVersion()));
    const QString kind = object->value(QStringLiteral("kind")).toString();
    if (!kind.isEmpty() && kind != type.kind)
        return ApiError::badRequest(
            QStringLiteral("the kind in the data (%1) does not match the expected kind (%2)")
                .arg(kind, type.kind));
    object->insert(QStringLiteral("apiVersion"), type.groupVersion());
    object->insert(QStringLiteral("kind"), type.kind);
    QJsonObject metadata = object->value(QStringLiteral("metadata")).toObject();
    if (type.namespaced) {
        const QString ns = metadata.value(QStringLiteral("namespace")).toString();
        if (!ns.isEmpty() && ns != target.ns)
            return ApiError::badRequest(QStringLiteral("the namespace of the provided object does "
                                                       "not match the namespace sent on the "
                                                       "request"));
        metadata.insert(QStringLiteral("namespace"), target.ns);
    }
    if (!target.name.isEmpty()) {
        const QString name = metadata.value(QStringLiteral("name")).toString();
        if (name != target.name)
            return ApiError::badRequest(QStringLiteral("the name of the object (%1) does not match "
                                                       "the name on the URL (%2)")
                                            .arg(name, target.name));
    }
    object->insert(QStringLiteral("metadata"), metadata);
    return {};
}

bool RequestBody::isDryRun(const httplib::Request &request)
{
    return request.get_param_value("dryRun") == "All";
}

QString RequestBody::metadataField(const QJsonObject &object, const char *field)
{
    return object.value(QStringLiteral("metadata"))
        .toObject()
        .value(QLatin1String(field))
        .toString();
}

} // namespace rdsim
