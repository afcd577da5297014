// SPDX-License-Identifier: GPL-3.0-or-later
#include "deltaaccumulator.h"

namespace {
template<typename T> QString keyOf(const T &object)
{
    return WorkloadDeltaBatch::key(object.metadata.namespaceName, object.metadata.name);
}
} // namespace

template<typename T> void DeltaAccumulator::Pending<T>::upsert(QString key, T &&value)
{
    auto it = changes.find(key);
    if (it == changes.end()) {
        order.append(key);
        changes.insert(std::move(key), std::optional<T>(std::move(value)));
    } else {
        *it = std::move(value);
    }
}

template<typename T> void DeltaAccumulator::Pending<T>::remove(const QString &key)
{
    auto it = changes.find(key);
    if (it == changes.end()) {
        order.append(key);
        changes.insert(key, std::nullopt);
    } else {
        *it = std::nullopt;
    }
}

template<typename T> void DeltaAccumulator::Pending<T>::add(WorkloadDeltaBatch &part)
{
    // Deletes first: within one part an object is either upserted or deleted, and a part
    // that deletes and re-creates a name lists the new object as an upsert.
    for (const QString &key : std::as_const(WorkloadDeltaSlots<T>::deletes(part)))
        remove(key);
    for (T &object : WorkloadDeltaSlots<T>::upserts(part))
        upsert(keyOf(object), std::move(object));
}

template<typename T>
void DeltaAccumulator::Pending<T>::take(WorkloadDeltaBatch *batch, bool keepDeletes)
{
    QList<T> &upserts = WorkloadDeltaSlots<T>::upserts(*batch);
    upserts.reserve(upserts.size() + order.size());
    for (const QString &key : std::as_const(order)) {
        auto it = changes.find(key);
        if (it->has_value())
            upserts.append(std::move(**it));
        else if (keepDeletes)
            WorkloadDeltaSlots<T>::deletes(*batch).append(key);
    }
    changes.clear();
    order.clear();
}

bool DeltaAccumulator::isEmptyLocked() const
{
    bool empty = !m_touched;
    forEachKind([&](const auto &pending) { empty = empty && pending.isEmpty(); });
    return empty;
}

bool DeltaAccumulator::add(WorkloadDeltaBatch &&part)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::lock_guard lock(m_mutex);
    const bool wasEmpty = isEmptyLocked();
    forEachKind([&](auto &pending) { pending.add(part); });
    m_lastData = now;
    m_touched = true;
    m_delivered = true;
    return wasEmpty;
}

bool DeltaAccumulator::touch()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::lock_guard lock(m_mutex);
    const bool wasEmpty = isEmptyLocked();
    m_lastData = now;
    m_touched = true;
    return wasEmpty;
}

WorkloadDeltaBatch DeltaAccumulator::take(bool reset, bool *delivered)
{
    WorkloadDeltaBatch batch;
    batch.reset = reset;
    std::lock_guard lock(m_mutex);
    forEachKind([&](auto &pending) { pending.take(&batch, !reset); });
    m_touched = false;
    if (delivered)
        *delivered = m_delivered;
    m_delivered = false;
    return batch;
}

bool DeltaAccumulator::isEmpty() const
{
    std::lock_guard lock(m_mutex);
    return isEmptyLocked();
}

QDateTime DeltaAccumulator::lastDataTime() const
{
    std::lock_guard lock(m_mutex);
    return m_lastData;
}
