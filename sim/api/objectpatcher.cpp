// SPDX-License-Identifier: GPL-3.0-or-later
#include "objectpatcher.h"

#include "api/apistatus.h"
#include "api/jsonpatch.h"
#include "api/mergepatch.h"
#include "core/resourcecatalog.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace rdsim {

namespace {

QString metadataField(const QJsonObject &object, const char *field)
{
    return object.value(QStringLiteral("metadata"))
        .toObject()
        .value(QLatin1String(field))
        .toString();
}

// Parses any JSON value (Qt's document parser only takes objects and arrays at the top).
bool parseValue(const QByteArray &body, QJsonValue *value, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray("[") + body + ']', &parseError);
    if (parseError.error != QJsonParseError::NoError || document.array().size() != 1) {
        *error = parseError.error != QJsonParseError::NoError
            ? parseError.errorString()
            : QStringLiteral("not a single value");
        return false;
    }
    *value = document.array().at(0);
    return true;
}

} // namespace

ObjectPatcher::Type ObjectPatcher::typeFromContentType(const QString &contentType)
{
    const QString mediaType = contentType.section(u';', 0, 0).trimmed().toLower();
    if (mediaType == QStringLiteral("application/merge-patch+json"))
        return Type::Merge;
    if (mediaType == QStringLiteral("application/json-patch+json"))
        return Type::Json;
    if (mediaType == QStringLiteral("application/strategic-merge-patch+json"))
        return Type::Strategic;
    if (mediaType == QStringLiteral("application/apply-patch+yaml"))
        return Type::Apply;
    return Type::Unsupported;
}

StoreResult ObjectPatcher::apply(const ResourceType &type, const QJsonObject &current,
                                 Type patchType, const QByteArray &body)
{
    const QString name = metadataField(current, "name");
    if (patchType == Type::Unsupported || (patchType == Type::Strategic && type.isCustomResource))
        return {{}, ApiError::unsupportedMediaType({})};

    QJsonValue patch;
    QString error;
    if (!parseValue(body, &patch, &error)) {
        const QString what = patchType == Type::Apply
            ? QStringLiteral("error decoding apply patch (the simulator "
                             "accepts JSON apply bodies): ")
            : QStringLiteral("error decoding patch: ");
        return {{}, ApiError::badRequest(what + error)};
    }

    QJsonValue patched = current;
    if (patchType == Type::Json) {
        switch (JsonPatch::apply(&patched, patch, &error)) {
        case JsonPatch::Outcome::Applied:
            break;
        case JsonPatch::Outcome::Malformed:
            return {{}, ApiError::badRequest(error)};
        case JsonPatch::Outcome::Failed:
            // The exact body a real API server sends for an operation that does not apply.
            return {{}, ApiStatus::patchNotApplied()};
        }
    } else {
        patched = MergePatch::apply(current, patch);
    }
    if (!patched.isObject())
        return {{},
                ApiError::invalid(type, name,
                                  QStringLiteral("the patched object is not a JSON object"))};
    const QJsonObject object = patched.toObject();
    const ApiError identity = checkIdentity(type, current, object);
    if (identity.isError())
        return {{}, identity};
    return {object, {}};
}

ApiError ObjectPatcher::checkIdentity(const ResourceType &type, const QJsonObject &before,
                                      const QJsonObject &after)
{
    const QString name = metadataField(before, "name");
    const auto immutable = [&](const QString &field, const QString &value) {
        return ApiError::invalid(
            type, name,
            QStringLiteral("%1: Invalid value: \"%2\": field is immutable").arg(field, value));
    };
    if (!after.value(QStringLiteral("metadata")).isObject())
        return ApiError::invalid(type, name, QStringLiteral("metadata: Required value"));
    if (metadataField(after, "name") != name)
        return immutable(QStringLiteral("metadata.name"), metadataField(after, "name"));
    if (metadataField(after, "namespace") != metadataField(before, "namespace"))
        return immutable(QStringLiteral("metadata.namespace"), metadataField(after, "namespace"));
    const QString kind = after.value(QStringLiteral("kind")).toString();
    if (kind != type.kind)
        return ApiError::invalid(
            type, name,
            QStringLiteral("kind: Invalid value: \"%1\": must be %2").arg(kind, type.kind));
    const QString apiVersion = after.value(QStringLiteral("apiVersion")).toString();
    if (apiVersion != type.groupVersion())
        return ApiError::invalid(type, name,
                                 QStringLiteral("apiVersion: Invalid value: \"%1\": must be %2")
                                     .arg(apiVersion, type.groupVersion()));
    return {};
}

} // namespace rdsim
