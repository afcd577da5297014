// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonutil.h"

#include "core/virtualclock.h"

#include <QJsonDocument>

#include <cmath>

namespace rdsim {

namespace JsonUtil {

namespace {

// Splits "a.b.c" without allocating a list; calls `step` for each key with its position.
template<typename Fn> void forEachKey(const char *path, Fn step)
{
    const char *start = path;
    for (const char *p = path;; ++p) {
        if (*p == '.' || *p == '\0') {
            const bool last = *p == '\0';
            step(QLatin1String(start, int(p - start)), last);
            if (last)
                return;
            start = p + 1;
        }
    }
}

void setPath(QJsonObject &object, const QStringList &keys, int index, const QJsonValue &value)
{
    const QString &key = keys.at(index);
    if (index == keys.size() - 1) {
        if (value.isUndefined())
            object.remove(key);
        else
            object.insert(key, value);
        return;
    }
    if (value.isUndefined() && !object.contains(key))
        return;
    QJsonObject child = object.value(key).toObject();
    setPath(child, keys, index + 1, value);
    object.insert(key, child);
}

} // namespace

QJsonValue at(const QJsonObject &object, const char *path)
{
    QJsonValue current(object);
    forEachKey(path, [&](QLatin1String key, bool) {
        current = current.isObject() ? current.toObject().value(key)
                                     : QJsonValue(QJsonValue::Undefined);
    });
    return current;
}

qint64 intAt(const QJsonObject &object, const char *path, qint64 fallback)
{
    const QJsonValue value = at(object, path);
    if (value.isDouble())
        return value.toInteger(fallback);
    if (value.isString()) {
        bool ok = false;
        const qint64 parsed = value.toString().toLongLong(&ok);
        return ok ? parsed : fallback;
    }
    return fallback;
}

void setAt(QJsonObject &object, const char *path, const QJsonValue &value)
{
    QStringList keys;
    forEachKey(path, [&](QLatin1String key, bool) { keys << QString(key); });
    setPath(object, keys, 0, value);
}

QString label(const QJsonObject &object, const QString &key)
{
    return object.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("labels"))
        .toObject()
        .value(key)
        .toString();
}

QString annotation(const QJsonObject &object, const QString &key)
{
    return object.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("annotations"))
        .toObject()
        .value(key)
        .toString();
}

bool hasAnnotation(const QJsonObject &object, const QString &key)
{
    return object.value(QLatin1String("metadata"))
        .toObject()
        .value(QLatin1String("annotations"))
        .toObject()
        .contains(key);
}

void setAnnotation(QJsonObject &object, const QString &key, const QString &value)
{
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
    annotations.insert(key, value);
    metadata.insert(QLatin1String("annotations"), annotations);
    object.insert(QLatin1String("metadata"), metadata);
}

void removeAnnotation(QJsonObject &object, const QString &key)
{
    QJsonObject metadata = object.value(QLatin1String("metadata")).toObject();
    QJsonObject annotations = metadata.value(QLatin1String("annotations")).toObject();
    if (!annotations.contains(key))
        return;
    annotations.remove(key);
    metadata.insert(QLatin1String("annotations"), annotations);
    object.insert(QLatin1String("metadata"), metadata);
}

qint64 creationMs(const QJsonObject &object)
{
    return VirtualClock::fromRfc3339(stringAt(object, "metadata.creationTimestamp"));
}

QString controllerUid(const QJsonObject &object, QString *kind)
{
    const QJsonArray refs = arrayAt(object, "metadata.ownerReferences");
    for (const QJsonValue &ref : refs) {
        const QJsonObject r = ref.toObject();
        if (r.value(QLatin1String("controller")).toBool()) {
            if (kind)
                *kind = r.value(QLatin1String("kind")).toString();
            return r.value(QLatin1String("uid")).toString();
        }
    }
    return {};
}

QJsonObject controllerRef(const QJsonObject &owner)
{
    return QJsonObject {{QStringLiteral("apiVersion"), owner.value(QLatin1String("apiVersion"))},
                        {QStringLiteral("kind"), owner.value(QLatin1String("kind"))},
                        {QStringLiteral("name"), name(owner)},
                        {QStringLiteral("uid"), uid(owner)},
                        {QStringLiteral("controller"), true},
                        {QStringLiteral("blockOwnerDeletion"), true}};
}

int intOrPercent(const QJsonValue &value, int total, bool roundUp, int fallback)
{
    if (value.isDouble())
        return value.toInt();
    if (!value.isString())
        return fallback;
    QString text = value.toString().trimmed();
    bool ok = false;
    if (text.endsWith(u'%')) {
        text.chop(1);
        const int percent = text.toInt(&ok);
        if (!ok)
            return fallback;
        const double scaled = double(percent) * total / 100.0;
        return int(roundUp ? std::ceil(scaled) : std::floor(scaled));
    }
    const int plain = text.toInt(&ok);
    return ok ? plain : fallback;
}

QByteArray compact(const QJsonValue &value)
{
    if (value.isArray())
        return QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact);
    return QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

} // namespace JsonUtil

} // namespace rdsim
