// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace rdsim {

struct ResourceType;
struct TableColumn;

// Server-side printing (`Accept: application/json;as=Table;v=v1;g=meta.k8s.io`): turns
// objects into a meta.k8s.io Table using the catalog's columns, as kubectl shows them.
class TableView
{
public:
    enum class IncludeObject { None, Metadata, Object };

    // "", "Metadata" -> Metadata (the server default); nullopt for an unknown value.
    static std::optional<IncludeObject> includeObjectFromName(const QString &name);

    static QJsonArray columnDefinitions(const ResourceType &type);
    static QJsonValue cell(const ResourceType &type, const TableColumn &column,
                           const QJsonObject &object, qint64 nowMs);
    static QJsonObject row(const ResourceType &type, const QJsonObject &object, qint64 nowMs,
                           IncludeObject include);
    // apiVersion: "meta.k8s.io/v1" or "meta.k8s.io/v1beta1", as the client asked.
    // withColumns false leaves columnDefinitions empty (watch events after the first).
    static QJsonObject table(const ResourceType &type, const QList<QJsonObject> &objects,
                             qint64 nowMs, IncludeObject include, bool withColumns,
                             const QJsonObject &listMetadata, const QString &apiVersion);

    // kind PartialObjectMetadata, apiVersion meta.k8s.io/v1, the object's metadata.
    static QJsonObject partialObjectMetadata(const QJsonObject &object);

    // Kubernetes' HumanDuration as kubectl prints ages: "45s", "5m30s", "3h", "2d4h", "400d".
    static QString humanDuration(qint64 ms);
    // Age of an RFC 3339 timestamp at nowMs; "<unknown>" when absent or unparseable.
    static QString age(const QString &timestamp, qint64 nowMs);
};

} // namespace rdsim
