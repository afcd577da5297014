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
#include <QVarLengthArray>

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

// Loads of 8 and 4 bytes from any address (memcpy of a constant size compiles to one move).
inline quint64 load64(const char *p)
{
    quint64 v;
    std::memcpy(&v, p, sizeof(v));
    return v;
}

inline quint32 load32(const char *p)
{
    quint32 v;
    std::memcpy(&v, p, sizeof(v));
    return v;
}

// The bytes of a short tail (size < 8) as one word, without reading outside them: two
// overlapping 4-byte loads, or for 1 to 3 bytes the first, middle and last.
inline quint64 tailWord(const char *data, size_t size)
{
    if (size >= 4)
        return (quint64(load32(data)) << 32) | load32(data + size - 4);
    if (size == 0)
        return 0;
    return (quint64(quint8(data[0])) << 16) | (quint64(quint8(data[size / 2])) << 8)
        | quint8(data[size - 1]);
}

// A fast, non-cryptographic hash for the caches below (keys are short and not hostile).
inline size_t hashBytes(const char *data, size_t size)
{
    quint64 h = 0x9e3779b97f4a7c15ull ^ size;
    while (size >= 8) {
        h = (h ^ load64(data)) * 0xbf58476d1ce4e5b9ull;
        h ^= h >> 31;
        data += 8;
        size -= 8;
    }
    h = (h ^ tailWord(data, size)) * 0x94d049bb133111ebull;
    return size_t(h ^ (h >> 29));
}

// True when every byte is below 0x80; eight at a time.
inline bool isAscii(const char *data, size_t size)
{
    quint64 bits = 0;
    size_t i = 0;
    for (; i + 8 <= size; i += 8)
        bits |= load64(data + i);
    for (; i < size; ++i)
        bits |= quint8(data[i]);
    return (bits & 0x8080808080808080ull) == 0;
}

// Equality of two byte ranges of the same size, inlined: most keys and values are shorter
// than 32 bytes, where a call to memcmp costs more than the compare.
inline bool equalBytes(const char *a, const char *b, size_t size)
{
    if (size >= 8) {
        for (size_t i = 0; i + 8 <= size; i += 8) {
            if (load64(a + i) != load64(b + i))
                return false;
        }
        return load64(a + size - 8) == load64(b + size - 8);
    }
    if (size >= 4)
        return load32(a) == load32(b) && load32(a + size - 4) == load32(b + size - 4);
    for (size_t i = 0; i < size; ++i) {
        if (a[i] != b[i])
            return false;
    }
    return true;
}

// Compares a key with a literal; the constant length lets the compiler inline the compare.
template<size_t N> inline bool is(std::string_view key, const char (&literal)[N])
{
    return key.size() == N - 1 && std::memcmp(key.data(), literal, N - 1) == 0;
}

// What identifies a value in a ValueCache: the strings it is made of, as views into the
// parsed document, and their hash. A hit compares them with the stored copy and copies
// nothing; the bytes are copied only when a new value is stored. The stored form prefixes
// each part with its length, so two different values can never match, whatever their
// strings hold. Tags such as "E" (end of an element) come from string literals.
class Signature
{
public:
    void clear()
    {
        m_parts.clear();
        m_hash = 0;
    }
    void add(std::string_view part)
    {
        m_parts.push_back(part);
        m_hash = (m_hash ^ hashBytes(part.data(), part.size())) * 0x9e3779b97f4a7c15ull;
    }
    void addField(std::string_view key, std::string_view value)
    {
        add(key);
        add(value);
    }
    size_t hash() const { return size_t(m_hash ^ (m_hash >> 31)); }
    const std::vector<std::string_view> &parts() const { return m_parts; }
    bool matches(const std::string &stored) const;
    void copyTo(std::string &stored) const;

private:
    std::vector<std::string_view> m_parts;
    quint64 m_hash = 0;
};

// Remembers recent values by their signature, so equal values decoded again (the labels,
// owner and containers of every pod of one ReplicaSet) share one implicitly shared copy:
// less memory, and no decoding on a hit. Direct-mapped: a collision replaces the slot, so
// it never grows past its fixed size, and a slot's key buffer is reused, not reallocated.
template<typename T> class ValueCache
{
public:
    const T *find(const Signature &signature) const
    {
        if (m_slots.empty())
            return nullptr;
        const size_t hash = signature.hash();
        const Slot &slot = m_slots[hash & (slotCount - 1)];
        // The full hash first: a miss then never touches the stored key's buffer.
        return slot.hash == hash && signature.matches(slot.key) ? &slot.value : nullptr;
    }
    void store(const Signature &signature, const T &value)
    {
        if (m_slots.empty())
            m_slots.resize(slotCount);
        const size_t hash = signature.hash();
        Slot &slot = m_slots[hash & (slotCount - 1)];
        slot.hash = hash;
        signature.copyTo(slot.key);
        slot.value = value;
    }

private:
    struct Slot
    {
        size_t hash = 0;
        std::string key;
        T value;
    };
    static constexpr size_t slotCount = 1024;
    std::vector<Slot> m_slots;
};

// Shares the QString of a short, repeated value (namespace, label key, image, reason).
// Keys up to 36 bytes (a uid) live inside the 64-byte slot, so a lookup touches one cache
// line.
class StringCache
{
public:
    QString get(std::string_view text);

private:
    struct alignas(64) ShortSlot
    {
        QString value;
        quint32 size = 0;
        char key[36] = {};
    };
    static_assert(sizeof(ShortSlot) == 64);
    struct LongSlot
    {
        std::string key;
        QString value;
    };
    static constexpr size_t shortSlots = 2048;
    static constexpr size_t longSlots = 1024;
    static constexpr size_t maxLength = 128;
    std::vector<ShortSlot> m_short;
    std::vector<LongSlot> m_long;
};

// Builds the strings unique to one object (its name, uid, resourceVersion, a pod's IPs) in
// one allocation: an allocation per string, and a free per string when the list is
// replaced, cost more than decoding the rest of the object's metadata. The strings share
// one reference-counted QArrayData block (QString's public DataPointer constructor lets a
// string start anywhere inside its block, as it does after a removal from the front), each
// NUL-terminated as QString expects; the block is freed with the last of them. Changing one
// of them detaches it as usual. Empty and non-ASCII strings are built on their own, exactly
// as readString() builds them.
class StringBlock
{
public:
    // Sets *target in build(); target and text must stay valid until then.
    void add(QString *target, std::string_view text);
    void build();

private:
    struct Pending
    {
        QString *target;
        std::string_view text;
        bool inBlock; // non-empty ASCII
    };
    QVarLengthArray<Pending, 8> m_pending; // a pod has six
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
    // A reusable signature (never used by two callers at once).
    Signature &signature()
    {
        m_signature.clear();
        return m_signature;
    }
    // The last few timestamps read: a pod's creation, start, conditions and containers mostly
    // share two to four distinct times (and pods started together share theirs), so equal
    // text skips the parse.
    bool recallTime(std::string_view text, QDateTime &out) const;
    void rememberTime(std::string_view text, const QDateTime &value);
    void report(const Path &path, Problem problem, std::string_view detail = std::string_view());
    void reportMessage(const Path &path, const QString &message);

private:
    SharedValues &m_shared;
    DecodeReport &m_report;
    Signature m_signature;
    struct RecentTime
    {
        quint32 size = 0;
        char text[28] = {}; // fits "2024-05-01T10:00:00.123456Z"
        QDateTime value;
    };
    RecentTime m_times[4];
    quint32 m_nextTime = 0; // the slot rememberTime() replaces next, round robin
};

// Each reader leaves `out` untouched on null (Go leaves the zero value too) and reports a
// problem on a wrong type. They return true when `out` was set.
bool asObject(Context &ctx, Element value, const Path &path, Object &out);
bool asArray(Context &ctx, Element value, const Path &path, Array &out);
bool readString(Context &ctx, Element value, const Path &path, QString &out);
bool readToken(Context &ctx, Element value, const Path &path, QString &out);
// readString() whose string the block builds (see StringBlock).
bool readString(Context &ctx, Element value, const Path &path, QString &out, StringBlock &block);
// readToken()'s value (null for ""), built in the block instead of shared: for a short value
// repeated by few objects, a few bytes in the block cost less than a lookup.
bool readToken(Context &ctx, Element value, const Path &path, QString &out, StringBlock &block);
// readToken() for values of a small, fixed vocabulary (condition types and statuses, pod
// phases, owner kinds): known words come from static literals, which cost no lookup and,
// unlike shared heap strings, no atomic reference count when copied or destroyed.
bool readKnownToken(Context &ctx, Element value, const Path &path, QString &out);
QString knownToken(std::string_view text);
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
