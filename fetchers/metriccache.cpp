// SPDX-License-Identifier: GPL-3.0-or-later
#include "metriccache.h"

QString MetricCache::key(const QString &endpoint, const QString &query, qint64 startMs,
                         qint64 endMs, qint64 stepMs)
{
    // NUL cannot occur in an endpoint description or a PromQL text, so parts never run
    // into each other.
    return QString(endpoint + QChar(0) + query + QChar(0) + QString::number(startMs) + u'/'
                   + QString::number(endMs) + u'/' + QString::number(stepMs));
}

void MetricCache::setCapacity(int capacity)
{
    m_capacity = qMax(0, capacity);
    while (m_entries.size() > m_capacity)
        m_entries.removeLast();
}

std::optional<PromQueryResult> MetricCache::find(const QString &key)
{
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).first == key) {
            m_entries.move(i, 0);
            return m_entries.first().second;
        }
    }
    return std::nullopt;
}

void MetricCache::insert(const QString &key, const PromQueryResult &result)
{
    if (!result.isOk() || m_capacity == 0)
        return;
    for (qsizetype i = 0; i < m_entries.size(); ++i) {
        if (m_entries.at(i).first == key) {
            m_entries.removeAt(i);
            break;
        }
    }
    m_entries.prepend({key, result});
    while (m_entries.size() > m_capacity)
        m_entries.removeLast();
}
