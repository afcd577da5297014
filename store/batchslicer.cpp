// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchslicer.h"

#include <QSet>

namespace {
template<typename T> QSet<QString> keysOf(const QList<T> &objects)
{
    QSet<QString> keys;
    keys.reserve(objects.size());
    for (const T &object : objects)
        keys.insert(WorkloadDeltaBatch::key(object.metadata.namespaceName, object.metadata.name));
    return keys;
}

// The kind's index entries the reset does not list.
template<typename T>
void deleteMissing(const WorkloadDeltaBatch &reset, const ObjectIndex<T> &index,
                   WorkloadDeltaBatch *out)
{
    if (index.size() == 0)
        return;
    const QSet<QString> keep = keysOf(WorkloadDeltaSlots<T>::upserts(reset));
    index.forEach([&](const T &object) {
        const QString key = ObjectIndex<T>::keyOf(object);
        if (!keep.contains(key))
            WorkloadDeltaSlots<T>::deletes(*out).append(key);
    });
}

void addResetDeletes(const WorkloadDeltaBatch &reset, const EnvironmentStore &store,
                     WorkloadDeltaBatch *out)
{
    const QSet<QString> rollouts = keysOf(reset.rolloutUpserts);
    const QSet<QString> deployments = keysOf(reset.deploymentUpserts);
    store.forEachRow([&](const EnvironmentStore::RowPtr &row) {
        const ObjectMeta &meta = row->metadata();
        const QString key = WorkloadDeltaBatch::key(meta.namespaceName, meta.name);
        if (row->kind == FleetRow::Kind::Rollout && !rollouts.contains(key))
            out->rolloutDeletes.append(key);
        else if (row->kind == FleetRow::Kind::Deployment && !deployments.contains(key))
            out->deploymentDeletes.append(key);
    });
    const WorkloadIndex &objects = store.objects();
    deleteMissing(reset, objects.index<ReplicaSet>(), out);
    deleteMissing(reset, objects.index<Pod>(), out);
    deleteMissing(reset, objects.index<AnalysisRun>(), out);
    deleteMissing(reset, objects.index<Event>(), out);
}

// Copies the kind's upserts that fall in [begin, end) of the concatenation; *offset is
// where the kind starts in it and moves past it.
template<typename T>
void copyRange(const WorkloadDeltaBatch &source, int begin, int end, int *offset,
               WorkloadDeltaBatch *out)
{
    const QList<T> &all = WorkloadDeltaSlots<T>::upserts(source);
    const int from = std::max(begin - *offset, 0);
    const int to = std::min(end - *offset, int(all.size()));
    if (from < to)
        WorkloadDeltaSlots<T>::upserts(*out) = all.mid(from, to - from);
    *offset += int(all.size());
}

int upsertCount(const WorkloadDeltaBatch &batch)
{
    return int(batch.rolloutUpserts.size() + batch.deploymentUpserts.size()
               + batch.replicaSetUpserts.size() + batch.podUpserts.size()
               + batch.analysisRunUpserts.size() + batch.eventUpserts.size());
}
} // namespace

BatchSlicer::Slice::Slice(std::shared_ptr<const WorkloadDeltaBatch> source, int begin, int end,
                          bool first) :
    m_source(std::move(source)), m_begin(begin), m_end(end), m_first(first)
{ }

WorkloadDeltaBatch BatchSlicer::Slice::take(const EnvironmentStore *store) const
{
    const WorkloadDeltaBatch &source = *m_source;
    WorkloadDeltaBatch out;
    if (m_first) {
        out.detailStatus = source.detailStatus;
        if (!source.reset) {
            out.rolloutDeletes = source.rolloutDeletes;
            out.deploymentDeletes = source.deploymentDeletes;
            out.replicaSetDeletes = source.replicaSetDeletes;
            out.podDeletes = source.podDeletes;
            out.analysisRunDeletes = source.analysisRunDeletes;
            out.eventDeletes = source.eventDeletes;
        } else if (store) {
            addResetDeletes(source, *store, &out);
        }
    }
    int offset = 0;
    // ReplicaSets before the workloads: a Rollout's row is then derived with its ReplicaSets
    // (actual weight, revision, images) from its first slice, never shown without them.
    copyRange<ReplicaSet>(source, m_begin, m_end, &offset, &out);
    copyRange<Rollout>(source, m_begin, m_end, &offset, &out);
    copyRange<Deployment>(source, m_begin, m_end, &offset, &out);
    copyRange<Pod>(source, m_begin, m_end, &offset, &out);
    copyRange<AnalysisRun>(source, m_begin, m_end, &offset, &out);
    copyRange<Event>(source, m_begin, m_end, &offset, &out);
    return out;
}

QList<BatchSlicer::Slice> BatchSlicer::slice(WorkloadDeltaBatch batch, int maxObjects)
{
    const int total = upsertCount(batch);
    const int most = std::max(maxObjects, 1);
    const auto source = std::make_shared<const WorkloadDeltaBatch>(std::move(batch));
    QList<Slice> slices;
    for (int begin = 0; begin < total || begin == 0; begin += most)
        slices.append(Slice(source, begin, std::min(begin + most, total), begin == 0));
    return slices;
}
