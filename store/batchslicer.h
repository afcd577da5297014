// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "environmentstore.h"
#include "fleetdelta.h"

#include <QList>

#include <memory>

// An informer's first list arrives as one batch: 10,000 pods take the GUI thread 100 ms and
// more to apply. The slicer cuts a large batch into slices of at most maxObjects upserts
// that the model applies one per event-loop turn, so the window keeps painting. A slice is
// a range of the shared batch, copied out only when its turn comes, so cutting costs
// nothing up front.
//
// A reset cannot simply be cut: its first slice would delete what the later slices bring
// back (pods vanishing from an open detail for a moment). Its first slice instead deletes
// what the environment holds and the batch does not, decided when that slice is taken
// (after every slice queued before it); all slices are then ordinary deltas.
namespace BatchSlicer {

class Slice
{
public:
    Slice(std::shared_ptr<const WorkloadDeltaBatch> source, int begin, int end, bool first);

    // The slice as a delta batch (never a reset): the first slice also carries the
    // deletes and the detail status, then the upserts [begin, end) of all kinds in the
    // order ReplicaSets, Rollouts, Deployments, pods, AnalysisRuns, Events. store: what
    // the environment holds now, for a reset's deletes (null: nothing held).
    WorkloadDeltaBatch take(const EnvironmentStore *store) const;
    int upserts() const { return m_end - m_begin; }
    bool isFirst() const { return m_first; }

private:
    std::shared_ptr<const WorkloadDeltaBatch> m_source;
    int m_begin;
    int m_end;
    bool m_first;
};

// The batch as slices of at most maxObjects upserts each (one slice if it has no more).
QList<Slice> slice(WorkloadDeltaBatch batch, int maxObjects);

} // namespace BatchSlicer
