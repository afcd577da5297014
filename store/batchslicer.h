// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "environmentstore.h"
#include "fleetdelta.h"

#include <QHash>
#include <QList>
#include <QSet>
#include <QString>

#include <memory>

// An informer's first list arrives as one batch: 10,000 pods take the GUI thread 100 ms and
// more to apply. The slicer cuts a large batch into slices of at most maxObjects upserts
// that the model applies one per event-loop turn, so the window keeps painting.
//
// A reset cannot simply be cut: its first slice would delete what the later slices bring
// back (pods vanishing from an open detail for a moment). It becomes a "reset step" that
// deletes what the environment holds and the batch does not, decided when the step is
// applied (after every slice queued before it), followed by its upserts in slices.
namespace BatchSlicer {

// The "namespace/name" keys of each kind a reset batch lists.
struct ResetKeys
{
    QSet<QString> rollouts;
    QSet<QString> deployments;
    QSet<QString> replicaSets;
    QSet<QString> pods;
    QSet<QString> analysisRuns;
    QSet<QString> events;
};

struct Slice
{
    WorkloadDeltaBatch batch; // never a reset
    // Set on a reset's first slice: delete what the environment holds beyond these keys.
    std::shared_ptr<const ResetKeys> resetKeys;
};

// The batch as slices in order: deletes and the detail status first, then the upserts by
// kind (Rollouts, Deployments, ReplicaSets, pods, AnalysisRuns, Events), at most
// maxObjects per slice. A batch of at most maxObjects changes is one slice.
QList<Slice> slice(const WorkloadDeltaBatch &batch, int maxObjects);

// The deletes that make store hold nothing beyond keys (null store: nothing to delete).
void addResetDeletes(const ResetKeys &keys, const EnvironmentStore *store,
                     WorkloadDeltaBatch *batch);

} // namespace BatchSlicer
