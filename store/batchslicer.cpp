// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchslicer.h"

namespace {
template<typename T> QSet<QString> keysOf(const QList<T> &objects)
{
    QSet<QString> keys;
    keys.reserve(objects.size());
    for (const T &object : objects)
        keys.insert(WorkloadDeltaBatch::key(object.metadata.namespaceName, object.metadata.name));
    return keys;
}

// Appends the kind's upserts to the slices, starting a new slice when the last is full.
template<typename T>
void distribute(const QList<T> &upserts, int maxObjects, QList<BatchSlicer::Slice> *slices,
                int *inLast)
{
    for (const T &object : upserts) {
        if (*inLast >= maxObjects) {
            slices->append(BatchSlicer::Slice());
            *inLast = 0;
        }
        WorkloadDeltaSlots<T>::upserts(slices->last().batch).append(object);
        ++*inLast;
    }
}

template<typename T>
void deleteMissing(const QSet<QString> &keep, const ObjectIndex<T> &index, QStringList *deletes)
{
    index.forEach([&](const T &object) {
        const QString key = ObjectIndex<T>::keyOf(object);
        if (!keep.contains(key))
            deletes->append(key);
    });
}
} // namespace

QList<BatchSlicer::Slice> BatchSlicer::slice(const WorkloadDeltaBatch &batch, int maxObjects)
{
    Slice first;
    first.batch.detailStatus = batch.detailStatus;
    if (batch.reset) {
        auto keys = std::make_shared<ResetKeys>();
        keys->rollouts = keysOf(batch.rolloutUpserts);
        keys->deployments = keysOf(batch.deploymentUpserts);
        keys->replicaSets = keysOf(batch.replicaSetUpserts);
        keys->pods = keysOf(batch.podUpserts);
        keys->analysisRuns = keysOf(batch.analysisRunUpserts);
        keys->events = keysOf(batch.eventUpserts);
        first.resetKeys = std::move(keys);
    } else {
        first.batch.rolloutDeletes = batch.rolloutDeletes;
        first.batch.deploymentDeletes = batch.deploymentDeletes;
        first.batch.replicaSetDeletes = batch.replicaSetDeletes;
        first.batch.podDeletes = batch.podDeletes;
        first.batch.analysisRunDeletes = batch.analysisRunDeletes;
        first.batch.eventDeletes = batch.eventDeletes;
    }
    QList<Slice> slices {first};
    int inLast = 0;
    const int most = std::max(maxObjects, 1);
    distribute(batch.rolloutUpserts, most, &slices, &inLast);
    distribute(batch.deploymentUpserts, most, &slices, &inLast);
    distribute(batch.replicaSetUpserts, most, &slices, &inLast);
    distribute(batch.podUpserts, most, &slices, &inLast);
    distribute(batch.analysisRunUpserts, most, &slices, &inLast);
    distribute(batch.eventUpserts, most, &slices, &inLast);
    return slices;
}

void BatchSlicer::addResetDeletes(const ResetKeys &keys, const EnvironmentStore *store,
                                  WorkloadDeltaBatch *batch)
{
    if (!store)
        return;
    store->forEachRow([&](const EnvironmentStore::RowPtr &row) {
        const ObjectMeta &meta = row->metadata();
        const QString key = WorkloadDeltaBatch::key(meta.namespaceName, meta.name);
        if (row->kind == FleetRow::Kind::Rollout && !keys.rollouts.contains(key))
            batch->rolloutDeletes.append(key);
        else if (row->kind == FleetRow::Kind::Deployment && !keys.deployments.contains(key))
            batch->deploymentDeletes.append(key);
    });
    const WorkloadIndex &objects = store->objects();
    deleteMissing(keys.replicaSets, objects.index<ReplicaSet>(), &batch->replicaSetDeletes);
    deleteMissing(keys.pods, objects.index<Pod>(), &batch->podDeletes);
    deleteMissing(keys.analysisRuns, objects.index<AnalysisRun>(), &batch->analysisRunDeletes);
    deleteMissing(keys.events, objects.index<Event>(), &batch->eventDeletes);
}
