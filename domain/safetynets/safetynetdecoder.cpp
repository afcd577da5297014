// SPDX-License-Identifier: GPL-3.0-or-later
#include "decoders_p.h"
#include "objectmeta.h"
#include "safetynetdecoder_p.h"

#include <algorithm>

namespace SafetyNetRead {

using simdjson::dom::element_type;

namespace {

constexpr qsizetype maxWordLength = 64; // longer "words" are not worth sharing
// Gatekeeper serves one resource per ConstraintTemplate: hundreds at most.
constexpr int maxResources = 1000;
const QString ellipsis = QStringLiteral("…");

QString cutText(std::string_view view)
{
    const qsizetype max = SafetyNetLimits::maxStringLength;
    // A UTF-8 character is at most four bytes: this many bytes hold max characters.
    if (qsizetype(view.size()) <= max)
        return Context::text(view);
    QString text = Context::text(view.substr(0, size_t(max) * 4));
    if (text.size() <= max && qsizetype(view.size()) <= max * 4)
        return text;
    text.truncate(text.at(max - 2).isHighSurrogate() ? max - 2 : max - 1);
    return text + ellipsis;
}

std::string_view stringOf(Element value)
{
    std::string_view view;
    if (value.get(view) != simdjson::SUCCESS)
        return std::string_view();
    return view;
}

} // namespace

bool readText(Context &ctx, Element value, const Path &path, QString &out)
{
    const element_type type = value.type();
    if (type == element_type::STRING) {
        out = cutText(stringOf(value));
        return true;
    }
    if (type != element_type::NULL_VALUE)
        ctx.report(path, Problem::ExpectedString);
    return false;
}

bool readWord(Context &ctx, Element value, const Path &path, QString &out)
{
    if (value.type() == element_type::STRING && stringOf(value).size() <= maxWordLength)
        return readToken(ctx, value, path, out);
    return readText(ctx, value, path, out);
}

QString valueText(Element value)
{
    switch (value.type()) {
    case element_type::NULL_VALUE:
        return QString();
    case element_type::STRING:
        return cutText(stringOf(value));
    default: {
        const QByteArray json = minifiedJson(value);
        return cutText(std::string_view(json.constData(), size_t(json.size())));
    }
    }
}

void appendValues(Context &ctx, Element value, const Path &path, QStringList &out, int limit)
{
    switch (value.type()) {
    case element_type::NULL_VALUE:
        return;
    case element_type::ARRAY:
        forEachBounded(ctx, value, path, limit, [&](Element element, const Path &) {
            if (out.size() < limit && element.type() != element_type::NULL_VALUE)
                out.append(valueText(element));
        });
        return;
    case element_type::OBJECT:
        forEachMember(ctx, value, path, [&](std::string_view, Element v, const Path &) {
            if (out.size() < limit && v.type() != element_type::NULL_VALUE)
                out.append(valueText(v));
        });
        return;
    default:
        if (out.size() < limit)
            out.append(valueText(value));
    }
}

bool readMs(Context &ctx, Element value, const Path &path, qint64 &out)
{
    QDateTime time;
    if (!readTime(ctx, value, path, time))
        return false;
    out = time.toMSecsSinceEpoch();
    return true;
}

bool readTimestampMs(Context &ctx, Element value, const Path &path, qint64 &out)
{
    if (value.type() == element_type::STRING)
        return readMs(ctx, value, path, out);
    qint64 seconds = 0;
    qint64 nanos = 0;
    bool any = false;
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "seconds"))
            any = readInt64(ctx, v, p, seconds) || any;
        else if (is(key, "nanos"))
            readInt64(ctx, v, p, nanos);
    });
    // Beyond year 9999 the value is nonsense, and the product below would overflow.
    constexpr qint64 maxSeconds = 253402300799;
    if (!any || seconds < 0 || seconds > maxSeconds)
        return false;
    out = seconds * 1000 + std::clamp<qint64>(nanos, 0, 999999999) / 1000000;
    return true;
}

void readObjectRef(Context &ctx, Element value, const Path &path, ObjectRef &out)
{
    forEachMember(ctx, value, path, [&](std::string_view key, Element v, const Path &p) {
        if (is(key, "kind"))
            readWord(ctx, v, p, out.kind);
        else if (is(key, "namespace"))
            readWord(ctx, v, p, out.namespace_);
        else if (is(key, "name"))
            readText(ctx, v, p, out.name);
        else if (is(key, "uid"))
            readText(ctx, v, p, out.uid);
    });
}

void readItemMeta(Context &ctx, Element value, const Path &path, ItemMeta &out)
{
    ObjectMeta meta;
    decodeMeta(ctx, value, path, meta);
    out.name = meta.name.left(SafetyNetLimits::maxStringLength);
    out.namespace_ = meta.namespaceName.left(SafetyNetLimits::maxStringLength);
    out.uid = meta.uid.left(SafetyNetLimits::maxStringLength);
    out.createdMs
        = meta.creationTimestamp.isValid() ? meta.creationTimestamp.toMSecsSinceEpoch() : 0;
    out.labels.reserve(meta.labels.size());
    for (const StringMap::Entry &label : meta.labels)
        out.labels.insert(label.first, label.second);
}

void readCondition(Context &ctx, Element conditions, const Path &path, std::string_view type,
                   ConditionText &out)
{
    forEachElement(ctx, conditions, path, [&](Element condition, const Path &cp) {
        Element typeValue;
        if (condition.type() != element_type::OBJECT
            || condition.get_object()["type"].get(typeValue) != simdjson::SUCCESS
            || stringOf(typeValue) != type)
            return;
        forEachMember(ctx, condition, cp, [&](std::string_view key, Element v, const Path &p) {
            if (is(key, "status"))
                readWord(ctx, v, p, out.status);
            else if (is(key, "reason"))
                readWord(ctx, v, p, out.reason);
            else if (is(key, "message"))
                readText(ctx, v, p, out.message);
        });
    });
}

QString kindOf(Element item)
{
    Element kind;
    if (item.type() != element_type::OBJECT
        || item.get_object()["kind"].get(kind) != simdjson::SUCCESS)
        return QString();
    return cutText(stringOf(kind));
}

QString itemKind(const QString &kind, const QString &listKind)
{
    if (!kind.isEmpty() || !listKind.endsWith(QLatin1String("List")))
        return kind;
    return listKind.chopped(4);
}

void readListBody(const QByteArray &body, DecodeReport &report, QString &resourceVersion,
                  QString &continueToken, qint64 &remainingItemCount, QString *listKind,
                  const std::function<bool(Context &, Element, const Path &)> &readItem)
{
    runGuarded(report, [&] {
        simdjson::dom::parser parser;
        Element element;
        Object root;
        if (!parseObject(parser, body, element, root, report))
            return;
        SharedValues shared;
        Context ctx(shared, report);
        if (reportIfStatus(ctx, element, root, report))
            return;
        Element items;
        if (root["items"].get(items) != simdjson::SUCCESS) {
            report.error = SafetyNetDecoder::tr("the response is not a list: it has no items");
            return;
        }
        if (items.type() != element_type::ARRAY && items.type() != element_type::NULL_VALUE) {
            report.error = SafetyNetDecoder::tr("the list's items are not an array");
            return;
        }
        const Path top;
        if (listKind)
            *listKind = kindOf(element);
        Element metadata;
        if (root["metadata"].get(metadata) == simdjson::SUCCESS) {
            forEachMember(ctx, metadata, top.child("metadata"),
                          [&](std::string_view key, Element v, const Path &p) {
                              if (is(key, "resourceVersion"))
                                  readText(ctx, v, p, resourceVersion);
                              else if (is(key, "continue"))
                                  readText(ctx, v, p, continueToken);
                              else if (is(key, "remainingItemCount"))
                                  readInt64(ctx, v, p, remainingItemCount);
                          });
        }
        if (items.type() == element_type::NULL_VALUE)
            return;
        const Array array = items.get_array().value_unsafe();
        const Path itemsPath = top.child("items");
        qsizetype index = 0;
        for (Element item : array) {
            const Path itemPath = itemsPath.at(index++);
            // Not an object: nothing to show, and a nameless value would only mislead.
            if (item.type() != element_type::OBJECT) {
                ctx.report(itemPath, Problem::ExpectedObject);
                continue;
            }
            if (!readItem(ctx, item, itemPath))
                break;
        }
        if (index < qsizetype(array.size())) {
            ctx.reportMessage(itemsPath,
                              SafetyNetDecoder::tr("more than %1 objects: %2 left out")
                                  .arg(SafetyNetLimits::maxObjectsPerKind)
                                  .arg(qsizetype(array.size()) - index));
        }
    });
}

} // namespace SafetyNetRead

using namespace SafetyNetRead;

QStringList SafetyNetDecoder::resourcePlurals(const QByteArray &apiResourceListBody, QString *error)
{
    QStringList plurals;
    DecodeReport report;
    runGuarded(report, [&] {
        simdjson::dom::parser parser;
        Element element;
        Object root;
        if (!parseObject(parser, apiResourceListBody, element, root, report))
            return;
        SharedValues shared;
        Context ctx(shared, report);
        if (reportIfStatus(ctx, element, root, report))
            return;
        Element resources;
        if (root["resources"].get(resources) != simdjson::SUCCESS
            || (resources.type() != element_type::ARRAY
                && resources.type() != element_type::NULL_VALUE)) {
            report.error = tr("the answer is not an API resource list");
            return;
        }
        forEachBounded(ctx, resources, Path(), maxResources, [&](Element resource, const Path &) {
            Element name;
            if (resource.type() != element_type::OBJECT
                || resource.get_object()["name"].get(name) != simdjson::SUCCESS)
                return;
            const QString plural = cutText(stringOf(name));
            if (!plural.isEmpty() && !plural.contains(QLatin1Char('/'))
                && !plurals.contains(plural))
                plurals.append(plural);
        });
    });
    if (error)
        *error = report.error;
    return report.isOk() ? plurals : QStringList();
}
