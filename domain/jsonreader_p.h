// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the decoder: the only header that includes simdjson.

#include "decoded.h"
#include "intorstring.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <simdjson.h>

#include <optional>
#include <string_view>
#include <vector>

namespace JsonRead {

using Element = simdjson::dom::element;
using Object = simdjson::dom::object;
using Array = simdjson::dom::array;

// Where a value sits, as a chain of stack frames: building it costs nothing, and it is only
// turned into text ("items[3].spec.replicas") when a problem is reported.
struct Path
{
    const Path *parent = nullptr;
    std::string_view key;
    qsizetype index = -1;

    Path child(std::string_view name) const { return Path{this, name, -1}; }
    Path at(qsizetype i) const { return Path{this, std::string_view(), i}; }
    QString toString() const;
};

enum class Problem {
    ExpectedInteger,
    ExpectedString,
    ExpectedBoolean,
    ExpectedObject,
    ExpectedArray,
    ExpectedIntOrString,
    IntegerOutOfRange,
    InvalidTimestamp,
};

// Shares the QString of a short, repeated value (namespace, label key, image, reason)
// between all objects a decoder produces. Direct-mapped: a collision replaces the slot, so
// the cache never grows past its fixed size.
class StringCache
{
public:
    QString get(std::string_view text);

private:
    struct Slot
    {
        QByteArray key;
        QString value;
    };
    static constexpr size_t slotCount = 4096;
    static constexpr size_t maxLength = 96;
    std::vector<Slot> m_slots;
};

class Context
{
public:
    Context(StringCache &cache, DecodeReport &report) : m_cache(cache), m_report(report) { }

    static QString text(std::string_view s)
    {
        return QString::fromUtf8(s.data(), qsizetype(s.size()));
    }
    QString token(std::string_view s) { return m_cache.get(s); }
    void report(const Path &path, Problem problem, std::string_view detail = std::string_view());
    void reportMessage(const Path &path, const QString &message);

private:
    StringCache &m_cache;
    DecodeReport &m_report;
};

// Each reader leaves `out` untouched on null (Go leaves the zero value too) and reports a
// problem on a wrong type. They return true when `out` was set.
bool asObject(Context &ctx, Element value, const Path &path, Object &out);
bool asArray(Context &ctx, Element value, const Path &path, Array &out);
bool readString(Context &ctx, Element value, const Path &path, QString &out);
bool readToken(Context &ctx, Element value, const Path &path, QString &out);
bool readBool(Context &ctx, Element value, const Path &path, bool &out);
bool readBool(Context &ctx, Element value, const Path &path, std::optional<bool> &out);
bool readInt32(Context &ctx, Element value, const Path &path, qint32 &out);
bool readInt32(Context &ctx, Element value, const Path &path, std::optional<qint32> &out);
bool readInt64(Context &ctx, Element value, const Path &path, qint64 &out);
bool readTime(Context &ctx, Element value, const Path &path, QDateTime &out);
bool readIntOrString(Context &ctx, Element value, const Path &path, IntOrString &out);
bool readStringList(Context &ctx, Element value, const Path &path, QStringList &out);
// Compact JSON text of any value (plugin step configs are shown, not interpreted).
QByteArray minifiedJson(Element value);

// Calls f(key, value, path) for each member of an object value.
template<typename F>
void forEachMember(Context &ctx, Element value, const Path &path, F &&f)
{
    Object object;
    if (!asObject(ctx, value, path, object))
        return;
    for (const simdjson::dom::key_value_pair &member : object)
        f(member.key, member.value, path.child(member.key));
}

// Calls f(element, path) for each element of an array value.
template<typename F>
void forEachElement(Context &ctx, Element value, const Path &path, F &&f)
{
    Array array;
    if (!asArray(ctx, value, path, array))
        return;
    qsizetype index = 0;
    for (Element element : array) {
        f(element, path.at(index));
        ++index;
    }
}

// Appends one decoded T per array element, using decode(ctx, element, path, T&).
template<typename T, typename F>
void readList(Context &ctx, Element value, const Path &path, QList<T> &out, F &&decode)
{
    Array array;
    if (!asArray(ctx, value, path, array))
        return;
    out.reserve(qsizetype(array.size()));
    qsizetype index = 0;
    for (Element element : array) {
        T item;
        decode(ctx, element, path.at(index), item);
        out.append(std::move(item));
        ++index;
    }
}

} // namespace JsonRead
