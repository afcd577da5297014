// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleetdelta.h"
#include "pendingchanges.h"

#include <QDateTime>

#include <mutex>
#include <tuple>

// Collects the informers' changes of one environment between two flushes. Thread-safe:
// informer threads add, the environment's worker thread takes. Changes to the same object
// merge (the newest state wins; an upsert after a delete is an upsert, a delete after an
// upsert a delete), so a burst of updates to one rollout costs the GUI one row update.
class DeltaAccumulator
{
public:
    // Merges `part` in. True when nothing was pending before: the caller schedules a flush.
    bool add(WorkloadDeltaBatch &&part);
    // Data arrived that changes no object (a bookmark); only lastDataTime moves.
    bool touch();
    // Everything pending, in first-change order; `reset` marks the batch as the complete
    // state (its deletes are then dropped). *delivered tells whether add() ran since the
    // last take (an informer's first list may be empty and still be news).
    WorkloadDeltaBatch take(bool reset, bool *delivered = nullptr);
    bool isEmpty() const;
    QDateTime lastDataTime() const;

private:
    bool isEmptyLocked() const;
    // Calls f on the PendingChanges of every kind.
    template<typename F> void forEachKind(F &&f)
    {
        std::apply([&](auto &...pending) { (f(pending), ...); }, m_pending);
    }
    template<typename F> void forEachKind(F &&f) const
    {
        std::apply([&](const auto &...pending) { (f(pending), ...); }, m_pending);
    }

    mutable std::mutex m_mutex;
    WatchedKinds::Tuple<PendingChanges> m_pending;
    QDateTime m_lastData;
    bool m_touched = false;
    bool m_delivered = false;
};
