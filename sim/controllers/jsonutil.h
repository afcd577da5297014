// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace rdsim {

// Small helpers for reading and writing nested fields of Kubernetes objects held as
// QJsonObject. Paths are dotted ("spec.strategy.canary.steps"); a missing step yields an
// undefined value, so callers read optional fields without checks at every level.
namespace JsonUtil {

QJsonValue at(const QJsonObject &object, const char *path);
inline QJsonObject objectAt(const QJsonObject &object, const char *path)
{
    return at(object, path).toObject();
}
inline QJsonArray arrayAt(const QJsonObject &object, const char *path)
{
    return at(object, path).toArray();
}
inline QString stringAt(const QJsonObject &object, const char *path)
{
    return at(object, path).toString();
}
inline bool boolAt(const QJsonObject &object, const char *path)
{
    return at(object, path).toBool();
}
inline bool has(const QJsonObject &object, const char *path)
{
    return !at(object, path).isUndefined();
}
// Integers may arrive as JSON numbers or (from sloppy manifests) numeric strings.
qint64 intAt(const QJsonObject &object, const char *path, qint64 fallback = 0);

// Sets a nested value, creating intermediate objects; an undefined value removes the key.
void setAt(QJsonObject &object, const char *path, const QJsonValue &value);
inline void removeAt(QJsonObject &object, const char *path)
{
    setAt(object, path, QJsonValue(QJsonValue::Undefined));
}

inline QString name(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("name"))
        .toString();
}
inline QString nameSpace(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("namespace"))
        .toString();
}
inline QString uid(const QJsonObject &object)
{
    return object.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("uid"))
        .toString();
}
QString label(const QJsonObject &object, const QString &key);
QString annotation(const QJsonObject &object, const QString &key);
bool hasAnnotation(const QJsonObject &object, const QString &key);
void setAnnotation(QJsonObject &object, const QString &key, const QString &value);
void removeAnnotation(QJsonObject &object, const QString &key);
qint64 creationMs(const QJsonObject &object);

// The uid (and kind) of the owner reference marked controller: true, empty when none.
QString controllerUid(const QJsonObject &object, QString *kind = nullptr);
QJsonObject controllerRef(const QJsonObject &owner);

// An IntOrString such as maxSurge: "25%" of total (rounded up or down) or a plain integer.
int intOrPercent(const QJsonValue &value, int total, bool roundUp, int fallback);

QByteArray compact(const QJsonValue &value);

} // namespace JsonUtil

} // namespace rdsim
