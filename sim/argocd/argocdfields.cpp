// SPDX-License-Identifier: GPL-3.0-or-later
#include "argocd/argocdfields.h"

#include <QJsonArray>
#include <QStringList>

#include <algorithm>

namespace rdsim {

namespace {

// appFields, and how each reads the application. Typed nil values (a missing map, pointer
// or slice) still count as present in Go and are written as null; the few that answer a
// real nil (operation state parts, empty resources) are left out.
enum class Absent { Null, Skip };
struct AppField
{
    const char *field;
    const char *source; // the path read, when it differs (an Argo CD quirk for one)
    Absent absent;
};

const AppField kAppFields[] = {
    {"metadata.name", nullptr, Absent::Null},
    {"metadata.namespace", nullptr, Absent::Null},
    {"metadata.annotations", nullptr, Absent::Null},
    {"metadata.labels", nullptr, Absent::Null},
    {"metadata.creationTimestamp", nullptr, Absent::Null},
    {"metadata.deletionTimestamp", nullptr, Absent::Null},
    {"spec", nullptr, Absent::Null},
    {"spec.destination", nullptr, Absent::Null},
    {"spec.project", nullptr, Absent::Null},
    {"spec.source", nullptr, Absent::Null},
    {"spec.sources", nullptr, Absent::Null},
    {"spec.sourceHydrator", nullptr, Absent::Null},
    {"spec.syncPolicy", nullptr, Absent::Null},
    {"status.sourceHydrator", nullptr, Absent::Null},
    {"status.summary", nullptr, Absent::Null},
    {"status.sync.status", nullptr, Absent::Null},
    {"status.sync.revision", nullptr, Absent::Null},
    {"status.health", nullptr, Absent::Null},
    {"status.operationState.startedAt", nullptr, Absent::Skip},
    {"status.operationState.finishedAt", nullptr, Absent::Skip},
    {"status.resources", nullptr, Absent::Skip},
    {"operation.sync", nullptr, Absent::Skip},
    {"status.operationState.phase", nullptr, Absent::Skip},
    // Argo CD answers this path with the operation state's syncResult.
    {"status.operationState.operation.sync", "status.operationState.syncResult", Absent::Skip},
};

QJsonValue valueAt(const QJsonObject &object, const QString &path)
{
    QJsonValue value = object;
    for (const QString &part : path.split(u'.')) {
        if (!value.isObject())
            return QJsonValue::Undefined;
        value = value.toObject().value(part);
    }
    return value;
}

QJsonObject withValue(QJsonObject object, const QStringList &parts, const QJsonValue &value)
{
    if (parts.size() == 1) {
        object.insert(parts.first(), value);
        return object;
    }
    const QJsonObject child = object.value(parts.first()).toObject();
    object.insert(parts.first(), withValue(child, parts.mid(1), value));
    return object;
}

// Structs that Go always writes (status.summary, status.sourceHydrator, status.health).
bool alwaysAnObject(const QString &field)
{
    return field == QLatin1String("status.summary")
        || field == QLatin1String("status.sourceHydrator")
        || field == QLatin1String("status.health");
}

} // namespace

FieldSelection FieldSelection::parse(const QString &query)
{
    FieldSelection selection;
    QString list = query;
    if (list.startsWith(u'-')) {
        selection.exclude = true;
        list = list.mid(1);
    }
    if (!list.isEmpty()) {
        const QStringList parts = list.split(u',');
        selection.fields = QSet<QString>(parts.cbegin(), parts.cend());
    }
    return selection;
}

QJsonObject ArgoCdFields::listItem(const QJsonObject &app, const FieldSelection &selection)
{
    QSet<QString> chosen;
    for (const AppField &entry : kAppFields) {
        const QString field = QLatin1String(entry.field);
        if (selection.fields.contains(QStringLiteral("items.") + field) != selection.exclude)
            chosen.insert(field);
    }
    QStringList ordered;
    for (const QString &field : std::as_const(chosen)) {
        // A chosen ancestor already carries its descendants.
        const QStringList parts = field.split(u'.');
        bool covered = false;
        for (qsizetype i = 1; i < parts.size() && !covered; ++i)
            covered = chosen.contains(parts.mid(0, i).join(u'.'));
        if (!covered)
            ordered << field;
    }
    std::sort(ordered.begin(), ordered.end());
    QJsonObject item;
    for (const QString &field : std::as_const(ordered)) {
        const AppField *entry = nullptr;
        for (const AppField &candidate : kAppFields) {
            if (field == QLatin1String(candidate.field))
                entry = &candidate;
        }
        QJsonValue value = valueAt(app, entry->source ? QLatin1String(entry->source) : field);
        const bool empty = value.isUndefined()
            || (value.isArray() && value.toArray().isEmpty() && entry->absent == Absent::Skip);
        if (empty && entry->absent == Absent::Skip)
            continue;
        if (value.isUndefined())
            value
                = alwaysAnObject(field) ? QJsonValue(QJsonObject()) : QJsonValue(QJsonValue::Null);
        item = withValue(item, field.split(u'.'), value);
    }
    return item;
}

QJsonObject ArgoCdFields::filter(const QJsonObject &message, const FieldSelection &selection)
{
    if (selection.isEmpty())
        return message;
    return filterValue({}, message, selection).toObject();
}

QJsonValue ArgoCdFields::filterValue(const QStringList &path, const QJsonValue &value,
                                     const FieldSelection &selection)
{
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (qsizetype i = 0; i < array.size(); ++i)
            array.replace(i, filterValue(path, array.at(i), selection));
        return array;
    }
    if (!value.isObject())
        return value;
    QJsonObject object = value.toObject();
    for (const QString &key : object.keys()) {
        const QString fieldPath = (QStringList(path) << key).join(u'.');
        const bool pathIn = selection.fields.contains(fieldPath);
        // As argoproj/pkg does: any selected field starting with the path keeps it (a plain
        // string prefix, so "metadata.name" also keeps "metadata.namespace"'s parent).
        bool parentIn = pathIn;
        for (auto it = selection.fields.cbegin(); !parentIn && it != selection.fields.cend(); ++it)
            parentIn = it->startsWith(fieldPath);
        const bool keep = selection.exclude ? !pathIn : parentIn;
        if (!keep)
            object.remove(key);
        else if (!pathIn)
            object.insert(key, filterValue(QStringList(path) << key, object.value(key), selection));
    }
    return object;
}

} // namespace rdsim
