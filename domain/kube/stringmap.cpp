// SPDX-License-Identifier: GPL-3.0-or-later
#include "stringmap.h"

#include <algorithm>

StringMap::StringMap(std::initializer_list<Entry> entries)
{
    for (const Entry &entry : entries)
        insert(entry.first, entry.second);
}

qsizetype StringMap::lowerBound(QStringView key) const
{
    const auto it = std::lower_bound(m_entries.cbegin(), m_entries.cend(), key,
                                     [](const Entry &e, QStringView k) { return e.first < k; });
    return it - m_entries.cbegin();
}

bool StringMap::contains(QStringView key) const
{
    const qsizetype i = lowerBound(key);
    return i < m_entries.size() && m_entries.at(i).first == key;
}

QString StringMap::value(QStringView key, const QString &defaultValue) const
{
    const qsizetype i = lowerBound(key);
    if (i < m_entries.size() && m_entries.at(i).first == key)
        return m_entries.at(i).second;
    return defaultValue;
}

QStringList StringMap::keys() const
{
    QStringList result;
    result.reserve(m_entries.size());
    for (const Entry &entry : m_entries)
        result.append(entry.first);
    return result;
}

void StringMap::insert(const QString &key, const QString &value)
{
    const qsizetype i = lowerBound(key);
    if (i < m_entries.size() && m_entries.at(i).first == key)
        m_entries[i].second = value;
    else
        m_entries.insert(i, Entry(key, value));
}

bool StringMap::remove(QStringView key)
{
    const qsizetype i = lowerBound(key);
    if (i >= m_entries.size() || m_entries.at(i).first != key)
        return false;
    m_entries.remove(i);
    return true;
}

void StringMap::append(QString key, QString value)
{
    m_entries.append(Entry(std::move(key), std::move(value)));
}

void StringMap::finishAppending()
{
    const auto byKey = [](const Entry &a, const Entry &b) { return a.first < b.first; };
    bool sortedUnique = true;
    for (qsizetype i = 1; i < m_entries.size() && sortedUnique; ++i)
        sortedUnique = m_entries.at(i - 1).first < m_entries.at(i).first;
    if (sortedUnique)
        return;
    std::stable_sort(m_entries.begin(), m_entries.end(), byKey);
    // Keep the last of equal keys, as a JSON object with a repeated key means in Go.
    QList<Entry> unique;
    unique.reserve(m_entries.size());
    for (Entry &entry : m_entries) {
        if (!unique.isEmpty() && unique.constLast().first == entry.first)
            unique.last().second = std::move(entry.second);
        else
            unique.append(std::move(entry));
    }
    m_entries = std::move(unique);
}
