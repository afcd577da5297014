// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "promresult.h"

#include <QList>
#include <QPair>
#include <QString>

#include <optional>

// A small least-recently-used cache of successful range query results, keyed by endpoint,
// query, start, end and step. Charts re-ask the same aligned ranges (QueryStep::plan) when
// they are shown again or switch back, so a few dozen entries cover the common case. Not
// locked: the owner serialises access.
class MetricCache
{
public:
    explicit MetricCache(int capacity = 64) : m_capacity(capacity) { }

    static QString key(const QString &endpoint, const QString &query, qint64 startMs, qint64 endMs,
                       qint64 stepMs);

    void setCapacity(int capacity);
    int capacity() const { return m_capacity; }
    int size() const { return int(m_entries.size()); }

    // A hit becomes the most recently used entry.
    std::optional<PromQueryResult> find(const QString &key);
    // Only successful results are kept; the oldest entry goes when the cache is full.
    void insert(const QString &key, const PromQueryResult &result);
    void clear() { m_entries.clear(); }

private:
    int m_capacity;
    QList<QPair<QString, PromQueryResult>> m_entries; // most recently used first
};
