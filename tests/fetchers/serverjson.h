// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Reading the simulator's stored objects (raw JSON, without the app's decoders) for the
// detail pipeline tests' expectations.

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace ServerJson {

// The value at a dotted path ("metadata.ownerReferences.0.uid"); numbers index arrays.
inline QJsonValue at(const QJsonObject &object, const QString &path)
{
    QJsonValue current = object;
    for (const QString &key : path.split(QLatin1Char('.'))) {
        bool isIndex = false;
        const int index = key.toInt(&isIndex);
        current = isIndex && current.isArray() ? current.toArray().at(index)
                                               : current.toObject().value(key);
    }
    return current;
}

inline QString text(const QJsonObject &object, const char *path)
{
    return at(object, QString::fromLatin1(path)).toString();
}

// The uid of the object's controller owner reference; empty when none.
inline QString controllerUid(const QJsonObject &object)
{
    for (const QJsonValue &ref : at(object, QStringLiteral("metadata.ownerReferences")).toArray()) {
        if (ref.toObject().value(QStringLiteral("controller")).toBool())
            return ref.toObject().value(QStringLiteral("uid")).toString();
    }
    return QString();
}

// A comparator putting the later time at `path` first, then the later name.
inline auto newerFirst(const char *path)
{
    return [path](const QJsonObject &a, const QJsonObject &b) {
        const QDateTime ta = QDateTime::fromString(text(a, path), Qt::ISODate);
        const QDateTime tb = QDateTime::fromString(text(b, path), Qt::ISODate);
        if (ta != tb)
            return ta > tb;
        return text(a, "metadata.name") > text(b, "metadata.name");
    };
}

} // namespace ServerJson
