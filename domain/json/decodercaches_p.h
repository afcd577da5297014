// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to the decoder: what it shares between the objects it decodes (SharedValues) and
// the byte helpers behind it. Implemented in decodercaches.cpp.

#include "condition.h"
#include "objectmeta.h"
#include "pod.h"
#include "podtemplate.h"
#include "stringmap.h"

#include <QList>
#include <QString>
#include <QVarLengthArray>

#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace JsonRead {

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

// Shares equal lists whose parts are read one by one (a pod's conditions and container
// statuses): they are decoded into scratch(), and take() hands out the list remembered for
// an equal value, or remembers this one. A hit costs no allocation (the scratch list keeps
// its capacity) and stores nothing new. Direct-mapped like ValueCache, so it never grows
// past its fixed size; the caller supplies the value's hash.
template<typename T> class ListCache
{
public:
    // An empty list to decode into.
    QList<T> &scratch()
    {
        m_scratch.clear();
        return m_scratch;
    }
    // Sets out to a list equal to scratch(): the one remembered, or scratch() itself.
    void take(size_t hash, QList<T> &out)
    {
        if (m_slots.empty())
            m_slots.resize(slotCount);
        Slot &slot = m_slots[hash & (slotCount - 1)];
        if (slot.hash == hash && slot.value == m_scratch) {
            out = slot.value;
            return;
        }
        slot.hash = hash;
        slot.value = std::move(m_scratch);
        slot.value.squeeze(); // the scratch list may have grown for a longer one
        out = slot.value;
    }

private:
    struct Slot
    {
        size_t hash = 0;
        QList<T> value;
    };
    static constexpr size_t slotCount = 256;
    std::vector<Slot> m_slots;
    QList<T> m_scratch;
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
    ListCache<Condition> podConditions;
    ListCache<ContainerStatus> containerStatuses;
};

} // namespace JsonRead
