// SPDX-License-Identifier: GPL-3.0-or-later
// The decoder's sharing machinery (see decodercaches_p.h): the string cache, value-cache
// signatures and the per-object string block.
#include "jsonreader_p.h"

#include <algorithm>
#include <cstring>
#include <new>

namespace JsonRead {

QString StringCache::get(std::string_view text)
{
    if (text.empty())
        return QString();
    if (text.size() > maxLength)
        return Context::text(text);
    const size_t hash = hashBytes(text.data(), text.size());
    if (text.size() <= sizeof(ShortSlot::key)) {
        if (m_short.empty())
            m_short.resize(shortSlots);
        ShortSlot &slot = m_short[hash & (shortSlots - 1)];
        if (slot.size == text.size() && equalBytes(slot.key, text.data(), text.size()))
            return slot.value;
        slot.size = quint32(text.size());
        std::memcpy(slot.key, text.data(), text.size());
        slot.value = Context::text(text);
        return slot.value;
    }
    if (m_long.empty())
        m_long.resize(longSlots);
    LongSlot &slot = m_long[hash & (longSlots - 1)];
    if (slot.key.size() == text.size() && equalBytes(slot.key.data(), text.data(), text.size()))
        return slot.value;
    slot.key.assign(text);
    slot.value = Context::text(text);
    return slot.value;
}

bool Signature::matches(const std::string &stored) const
{
    const char *at = stored.data();
    const char *end = at + stored.size();
    for (std::string_view part : m_parts) {
        if (size_t(end - at) < sizeof(quint32) + part.size() || load32(at) != part.size()
            || !equalBytes(at + sizeof(quint32), part.data(), part.size()))
            return false;
        at += sizeof(quint32) + part.size();
    }
    return at == end;
}

void Signature::copyTo(std::string &stored) const
{
    size_t size = 0;
    for (std::string_view part : m_parts)
        size += sizeof(quint32) + part.size();
    stored.resize(size); // keeps the slot's buffer when it is large enough
    char *at = stored.data();
    for (std::string_view part : m_parts) {
        const quint32 length = quint32(part.size());
        std::memcpy(at, &length, sizeof(length));
        std::memcpy(at + sizeof(length), part.data(), part.size());
        at += sizeof(length) + part.size();
    }
}

void StringBlock::add(QString *target, std::string_view text)
{
    m_pending.append({target, text, !text.empty() && isAscii(text.data(), text.size())});
}

void StringBlock::build()
{
    // First the strings built on their own (which may throw), then the block, so a failed
    // allocation never leaves the block with references nobody holds.
    qsizetype total = 0;
    int count = 0;
    for (Pending &pending : m_pending) {
        if (!pending.inBlock) {
            *pending.target = Context::text(pending.text);
        } else {
            total += qsizetype(pending.text.size()) + 1;
            ++count;
        }
    }
    if (count == 1) { // nothing to share
        for (const Pending &pending : m_pending) {
            if (pending.inBlock)
                *pending.target = Context::text(pending.text);
        }
    } else if (count > 1) {
        const auto [block, data] = QTypedArrayData<char16_t>::allocate(total);
        if (!block)
            throw std::bad_alloc();
        block->ref_.storeRelaxed(count); // one reference per string
        char16_t *at = data;
        for (const Pending &pending : m_pending) {
            if (!pending.inBlock)
                continue;
            const auto *bytes = reinterpret_cast<const unsigned char *>(pending.text.data());
            const qsizetype size = qsizetype(pending.text.size());
            std::copy(bytes, bytes + size, at); // ASCII: each byte is its UTF-16 unit
            at[size] = u'\0';
            *pending.target = QString(QString::DataPointer(block, at, size));
            at += size + 1;
        }
    }
    m_pending.clear();
}

} // namespace JsonRead
