// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <initializer_list>
#include <utility>

// Labels and annotations. Kubernetes objects carry a handful of each, and 50,000 pods carry
// them all at once, so a sorted list of pairs beats QMap/QHash nodes on memory and lookups.
class StringMap
{
public:
    using Entry = std::pair<QString, QString>;
    using const_iterator = QList<Entry>::const_iterator;

    StringMap() = default;
    StringMap(std::initializer_list<Entry> entries);

    bool isEmpty() const { return m_entries.isEmpty(); }
    qsizetype size() const { return m_entries.size(); }
    bool contains(QStringView key) const;
    QString value(QStringView key, const QString &defaultValue = QString()) const;
    QStringList keys() const;
    const QList<Entry> &entries() const { return m_entries; }
    const_iterator begin() const { return m_entries.cbegin(); }
    const_iterator end() const { return m_entries.cend(); }

    void insert(const QString &key, const QString &value);
    bool remove(QStringView key);
    void clear() { m_entries.clear(); }

    // For the decoder: append everything, then sort once. Go emits map keys sorted, so
    // finishAppending() usually only checks the order. A repeated key keeps its last value.
    void reserve(qsizetype size) { m_entries.reserve(size); }
    void append(QString key, QString value);
    void finishAppending();

    bool operator==(const StringMap &other) const { return m_entries == other.m_entries; }
    bool operator!=(const StringMap &other) const { return !(*this == other); }

private:
    qsizetype lowerBound(QStringView key) const;

    QList<Entry> m_entries;
};

Q_DECLARE_METATYPE(StringMap)
