// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the decoder: the only header that includes simdjson.

#include "decoded.h"
#include "intorstring.h"
#include "objectmeta.h"
#include "podtemplate.h"
#include "stringmap.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <simdjson.h>

#include <cstring>
#include <optional>
#include <string>
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

    Path child(std::string_view name) const { return Path {this, name, -1}; }
    Path at(qsizetype i) const { return Path {this, std::string_view(), i}; }
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

// A fast, non-cryptographic hash for the caches below (keys are short and not hostile).
inline size_t hashBytes(const char *data, size_t size)
{
    quint64 h = 0x9e3779b97f4a7c15ull ^ size;
    while (size >= 8) {
        quint64 word;
        std::memcpy(&word, data, 8);
        h = (h ^ word) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
        data += 8;
        size -= 8;
    }
    quint64 tail = 0;
    std::memcpy(&tail, data, size);
    h = (h ^ tail) * 0x94d049bb133111ebull;
    return size_t(h ^ (h >> 29));
}

// Compares a key with a literal; the constant length lets the compiler inline the compare.
template<size_t N> inline bool is(std::string_view key, const char (&literal)[N])
{
    return key.size() == N - 1 && std::memcmp(key.data(), literal, N - 1) == 0;
}

// Remembers recent values by a byte signature, so equal values decoded again (the labels,
// owner and containers of every pod of one ReplicaSet) share one implicitly shared copy:
// less memory, and no decoding on a hit. Direct-mapped: a collision replaces the slot, so
// it never grows past its fixed size.
template<typename T> class ValueCache
{
public:
    const T *find(std::string_view signature, size_t hash) const
    {
        if (m_slots.empty())
            return nullptr;
        const Slot &slot = m_slots[hash & (slotCount - 1)];
        if (slot.key.size() != qsizetype(signature.size())
            || std::memcmp(slot.key.constData(), signature.data(), signature.size()) != 0)
            return nullptr;
        return &slot.value;
    }
    void store(std::string_view signature, size_t hash, const T &value)
    {
        if (m_slots.empty())
            m_slots.resize(slotCount);
        Slot &slot = m_slots[hash & (slotCount - 1)];
        slot.key = QByteArray(signature.data(), qsizetype(signature.size()));
        slot.value = value;
    }

private:
    struct Slot
    {
        QByteArray key;
        T value;
    };
    static constexpr size_t slotCount = 1024;
    std::vector<Slot> m_slots;
};

// Shares the QString of a short, repeated value (namespace, label key, image, reason).
// Keys up to 32 bytes live inside the 64-byte slot, so a lookup touches one cache line.
class StringCache
{
public:
    QString get(std::string_view text);

private:
    struct alignas(64) ShortSlot
    {
        QString value;
        quint32 size = 0;
        char key[32] = {};
    };
    struct LongSlot
    {
        QByteArray key;
        QString value;
    };
    static constexpr size_t shortSlots = 2048;
    static constexpr size_t longSlots = 1024;
    static constexpr size_t maxLength = 128;
    std::vector<ShortSlot> m_short;
    std::vector<LongSlot> m_long;
};

// Everything a decoder shares between the objects it decodes.
struct SharedValues
{
    StringCache strings;
    ValueCache<StringMap> labels;
    ValueCache<StringMap> annotations;
    ValueCache<QList<OwnerReference>> owners;
    ValueCache<QList<ContainerSpec>> containers;
};

class Context
{
public:
    Context(SharedValues &shared, DecodeReport &report) : m_shared(shared), m_report(report) { }

    static QString text(std::string_view s)
    {
        return QString::fromUtf8(s.data(), qsizetype(s.size()));
    }
    QString token(std::string_view s) { return m_shared.strings.get(s); }
    SharedValues &shared() { return m_shared; }
    // A reusable buffer for cache signatures (never used by two callers at once).
    std::string &signature()
    {
        m_signature.clear();
        return m_signature;
    }
    void report(const Path &path, Problem problem, std::string_view detail = std::string_view());
    void reportMessage(const Path &path, const QString &message);

private:
    SharedValues &m_shared;
    DecodeReport &m_report;
    std::string m_signature;
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
template<typename F> void forEachMember(Context &ctx, Element value, const Path &path, F &&f)
{
    Object object;
    if (!asObject(ctx, value, path, object))
        return;
    for (const simdjson::dom::key_value_pair &member : object)
        f(member.key, member.value, path.child(member.key));
}

// Calls f(element, path) for each element of an array value.
template<typename F> void forEachElement(Context &ctx, Element value, const Path &path, F &&f)
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
        // Decode in place: moving a Pod costs as much as decoding a small one.
        out.emplaceBack();
        decode(ctx, element, path.at(index), out.last());
        ++index;
    }
}

} // namespace JsonRead
