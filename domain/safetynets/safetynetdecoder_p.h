// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to SafetyNetDecoder: the reading helpers its per-family files share. The bodies
// are read with the project's simdjson reader (jsonreader_p.h), not Qt's parser: a namespace's
// VulnerabilityReports run to tens of megabytes, and the reader names the path of every field
// of the wrong type.

#include "jsonreader_p.h"
#include "safetynetdecoder.h"

#include <QHash>

#include <functional>

namespace SafetyNetRead {

using namespace JsonRead;

// Appends what one item of the list holds (none, one or, for FeatureFlags, several values).
template<typename T>
using ItemReader = std::function<void(Context &ctx, Element item, const Path &path, QList<T> &out)>;

// The list skeleton every kind shares: parse, refuse a Status or a body without items, read
// metadata.{resourceVersion,continue,remainingItemCount}, then each item, at most
// SafetyNetLimits::maxObjectsPerKind values (an issue says how many were left out). listKind,
// when given, receives the list's kind ("PodChaosList").
void readListBody(const QByteArray &body, DecodeReport &report, QString &resourceVersion,
                  QString &continueToken, qint64 &remainingItemCount, QString *listKind,
                  const std::function<bool(Context &, Element, const Path &)> &readItem);

template<typename T>
ObjectList<T> decodeList(const QByteArray &body, const ItemReader<T> &readItem,
                         QString *listKind = nullptr)
{
    ObjectList<T> list;
    readListBody(body, list.report, list.resourceVersion, list.continueToken,
                 list.remainingItemCount, listKind,
                 [&](Context &ctx, Element item, const Path &path) {
                     readItem(ctx, item, path, list.items);
                     // One FeatureFlag holds many values: the last may overshoot.
                     if (list.items.size() > SafetyNetLimits::maxObjectsPerKind)
                         list.items.resize(SafetyNetLimits::maxObjectsPerKind);
                     return list.items.size() < SafetyNetLimits::maxObjectsPerKind;
                 });
    if (!list.report.isOk())
        list.items.clear();
    return list;
}

// A string, cut at SafetyNetLimits::maxStringLength with "…" (the cut happens before the
// conversion, so a 50 MB string costs no 50 MB QString).
bool readText(Context &ctx, Element value, const Path &path, QString &out);
// Any JSON value as text: a string as it is, anything else as compact JSON, cut like
// readText(). Empty for null.
QString valueText(Element value);
// A string or a scalar (Argo Workflows' AnyString and Tekton's ParamValue accept numbers and
// booleans too), appended to out as text; an array's or an object's values each appended.
void appendValues(Context &ctx, Element value, const Path &path, QStringList &out, int limit);
bool readMs(Context &ctx, Element value, const Path &path, qint64 &out);
// metav1.Timestamp ({seconds, nanos}), which the PolicyReport results use; an RFC 3339
// string is accepted too.
bool readTimestampMs(Context &ctx, Element value, const Path &path, qint64 &out);
// A core/v1 ObjectReference: kind, namespace, name, uid.
void readObjectRef(Context &ctx, Element value, const Path &path, ObjectRef &out);
// metadata: name, namespace, uid, creation time in ms, labels.
struct ItemMeta
{
    QString name {};
    QString namespace_ {};
    QString uid {};
    qint64 createdMs = 0;
    QHash<QString, QString> labels {};
};
void readItemMeta(Context &ctx, Element value, const Path &path, ItemMeta &out);
// A condition list's entry of the given type ("Succeeded"): status, reason, message.
struct ConditionText
{
    QString status {};
    QString reason {};
    QString message {};
};
void readCondition(Context &ctx, Element conditions, const Path &path, std::string_view type,
                   ConditionText &out);

// Calls read(element, path) for the array's first `limit` elements; true when there were more.
template<typename F>
bool forEachBounded(Context &ctx, Element value, const Path &path, int limit, F &&read)
{
    Array array;
    if (!asArray(ctx, value, path, array))
        return false;
    qsizetype index = 0;
    for (Element element : array) {
        if (index >= limit)
            return true;
        read(element, path.at(index));
        ++index;
    }
    return false;
}

// The kind of an item, or the list's kind without "List" when the item has none.
QString itemKind(const QString &kind, const QString &listKind);
// The item's own string "kind", or empty.
QString kindOf(Element item);
// A phase, reason or severity word: repeated by every item, so a short one is shared through
// the reader's string cache; a long one is cut like readText().
bool readWord(Context &ctx, Element value, const Path &path, QString &out);

} // namespace SafetyNetRead
