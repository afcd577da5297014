// SPDX-License-Identifier: GPL-3.0-or-later
#include "deltaaccumulator.h"

namespace {
template<typename T> void addPart(PendingChanges<T> &pending, WorkloadDeltaBatch &part)
{
    pending.add(std::move(part.upserts<T>()), part.deletes<T>());
}

template<typename T>
void takeInto(PendingChanges<T> &pending, WorkloadDeltaBatch &batch, bool keepDeletes)
{
    pending.take(&batch.upserts<T>(), keepDeletes ? &batch.deletes<T>() : nullptr);
}
} // namespace

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
    forEachKind([&](auto &pending) { addPart(pending, part); });
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
    forEachKind([&](auto &pending) { takeInto(pending, batch, !reset); });
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
