// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The merged changes to one kind between two flushes, for DeltaAccumulator.

#include "fleetdelta.h"

#include <QHashFunctions>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <utility>
#include <vector>

// Changes merge by key ("namespace/name"): the newest state wins, a delete after an upsert
// is a delete and an upsert after a delete an upsert, each key keeps the place of its first
// change, and take() lists them in that order.
//
// Compact because an informer's first list parks all its objects here (10,000 pods) on the
// environment's thread until the flush: a QHash<QString, std::optional<T>> cost a 496-byte
// node and a key string per pod, allocated below the mmap threshold and freed at the flush,
// which left some 8 MB per environment free but stuck in the thread's arena between
// long-lived decoded objects. Here the objects sit in one list (a list handed in whole is
// kept, not copied, and is handed on whole when nothing merged), deleted keys in another,
// first-change order is a list of indexes, and the key index is one open-addressed table of
// positions whose keys are read from the objects and deleted keys themselves: no node and
// no key string per object.
template<typename T> class PendingChanges
{
public:
    // Deletes first: within one part an object is either upserted or deleted, and a part
    // that deletes and re-creates a name lists the new object as an upsert.
    void add(QList<T> &&upserts, const QStringList &deletes)
    {
        for (const QString &key : deletes)
            remove(key);
        const qsizetype start = m_objects.size();
        if (start == 0)
            m_objects = std::move(upserts); // the whole list is kept, not copied
        else
            m_objects.append(std::move(upserts));
        reserveIndex(m_order.size() + (m_objects.size() - start));
        for (qsizetype i = start; i < m_objects.size(); ++i)
            place(i);
    }

    // Appends everything pending, in first-change order, and forgets it. Deletes are
    // dropped when `deletes` is null.
    void take(QList<T> *upserts, QStringList *deletes)
    {
        if (m_straight) {
            // Each list holds exactly its live entries in first-change order: hand them on.
            appendAll(*upserts, m_objects);
            if (deletes)
                appendAll(*deletes, m_deletes);
        } else {
            upserts->reserve(upserts->size() + m_order.size());
            for (const qint32 ref : std::as_const(m_order)) {
                if (ref >= 0)
                    upserts->append(std::move(m_objects[ref]));
                else if (deletes)
                    deletes->append(m_deletes.at(~ref));
            }
        }
        *this = PendingChanges();
    }

    bool isEmpty() const { return m_order.isEmpty(); }

private:
    struct KeyView
    {
        QStringView namespaceName;
        QStringView name;
    };

    static KeyView keyOf(const T &object)
    {
        return {object.metadata.namespaceName, object.metadata.name};
    }
    // "namespace/name" as WorkloadDeltaBatch::key() builds it; neither part contains '/'.
    static KeyView split(const QString &key)
    {
        const qsizetype slash = key.indexOf(QLatin1Char('/'));
        if (slash < 0)
            return {QStringView(), key};
        return {QStringView(key).first(slash), QStringView(key).sliced(slash + 1)};
    }
    static size_t hashOf(KeyView key) { return qHash(key.name, qHash(key.namespaceName, 0)); }

    // The key of the entry at `position` in m_order: an object's or a deleted key.
    KeyView keyAt(qint32 position) const
    {
        const qint32 ref = m_order.at(position);
        return ref >= 0 ? keyOf(m_objects.at(ref)) : split(m_deletes.at(~ref));
    }

    // The index slot that holds key's position in m_order, or the empty slot to put it in.
    size_t slotOf(KeyView key) const
    {
        const size_t mask = m_slots.size() - 1;
        for (size_t slot = hashOf(key) & mask;; slot = (slot + 1) & mask) {
            const qint32 position = m_slots[slot];
            if (position < 0)
                return slot;
            const KeyView other = keyAt(position);
            if (other.name == key.name && other.namespaceName == key.namespaceName)
                return slot;
        }
    }

    // Room for `entries` keys at a load of at most one half.
    void reserveIndex(qsizetype entries)
    {
        if (qsizetype(m_slots.size()) >= 2 * entries && !m_slots.empty())
            return;
        size_t size = 16;
        while (size < size_t(2 * entries))
            size *= 2;
        m_slots.assign(size, -1);
        for (qint32 position = 0; position < m_order.size(); ++position)
            m_slots[slotOf(keyAt(position))] = position;
    }

    // A new key at the end of the first-change order.
    void appendKey(size_t slot, qint32 ref)
    {
        m_slots[slot] = qint32(m_order.size());
        m_order.append(ref);
    }

    // Files m_objects[i], already in the list, under its key.
    void place(qsizetype i)
    {
        const size_t slot = slotOf(keyOf(m_objects.at(i)));
        if (m_slots[slot] < 0) {
            appendKey(slot, qint32(i));
            return;
        }
        qint32 &ref = m_order[m_slots[slot]];
        if (ref < 0) {
            ref = qint32(i); // re-created: an upsert at the delete's place
            m_straight = false;
            return;
        }
        m_objects[ref] = std::move(m_objects[i]); // newer state, first place
        if (i == m_objects.size() - 1)
            m_objects.removeLast();
        else
            m_straight = false; // a moved-from object stays behind at i
    }

    void remove(const QString &key)
    {
        reserveIndex(m_order.size() + 1);
        const size_t slot = slotOf(split(key));
        if (m_slots[slot] < 0) {
            m_deletes.append(key);
            appendKey(slot, ~qint32(m_deletes.size() - 1));
            return;
        }
        qint32 &ref = m_order[m_slots[slot]];
        if (ref < 0)
            return; // deleted already
        m_objects[ref] = T(); // its data is freed now, as before
        m_deletes.append(key);
        ref = ~qint32(m_deletes.size() - 1);
        m_straight = false;
    }

    template<typename L> static void appendAll(L &to, L &from)
    {
        if (to.isEmpty())
            to = std::exchange(from, L());
        else
            to.append(std::move(from));
    }

    QList<T> m_objects; // upserted objects (and, unless m_straight, superseded ones)
    QStringList m_deletes; // deleted keys (and, unless m_straight, re-created ones)
    QList<qint32>
        m_order; // per key in first-change order: index in m_objects, or ~index in m_deletes
    std::vector<qint32> m_slots; // open-addressed key index: position in m_order, or -1
    bool m_straight = true; // m_objects and m_deletes hold only live entries, in order
};
