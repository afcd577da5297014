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
    const QSet<QString> keep = keysOf(reset.upserts<T>());
    index.forEach([&](const T &object) {
        const QString key = ObjectIndex<T>::keyOf(object);
        if (!keep.contains(key))
            out->deletes<T>().append(key);
    });
}

void addResetDeletes(const WorkloadDeltaBatch &reset, const EnvironmentStore &store,
                     WorkloadDeltaBatch *out)
{
    const QSet<QString> rollouts = keysOf(reset.upserts<Rollout>());
    const QSet<QString> canaries = keysOf(reset.upserts<FlaggerCanary>());
    store.forEachRow([&](const EnvironmentStore::RowPtr &row) {
        const ObjectMeta &meta = row->metadata();
        const QString key = WorkloadDeltaBatch::key(meta.namespaceName, meta.name);
        if (row->kind == FleetRow::Kind::Rollout && !rollouts.contains(key))
            out->deletes<Rollout>().append(key);
        else if (row->kind == FleetRow::Kind::FlaggerCanary && !canaries.contains(key))
            out->deletes<FlaggerCanary>().append(key);
    });
    // Every Deployment, also those a canary's row stands for (they have none of their own).
    const QSet<QString> deployments = keysOf(reset.upserts<Deployment>());
    for (const QString &key : store.deploymentKeys()) {
        if (!deployments.contains(key))
            out->deletes<Deployment>().append(key);
    }
    const WorkloadIndex &objects = store.objects();
    deleteMissing(reset, objects.index<ReplicaSet>(), out);
    deleteMissing(reset, objects.index<Pod>(), out);
    deleteMissing(reset, objects.index<AnalysisRun>(), out);
    deleteMissing(reset, objects.index<Event>(), out);
    deleteMissing(reset, objects.index<Experiment>(), out);
    deleteMissing(reset, objects.index<Job>(), out);
}

// Copies the kind's upserts that fall in [begin, end) of the concatenation; *offset is
// where the kind starts in it and moves past it.
template<typename T>
void copyRange(const WorkloadDeltaBatch &source, int begin, int end, int *offset,
               WorkloadDeltaBatch *out)
{
    const QList<T> &all = source.upserts<T>();
    const int from = std::max(begin - *offset, 0);
    const int to = std::min(end - *offset, int(all.size()));
    if (from < to)
        out->upserts<T>() = all.mid(from, to - from);
    *offset += int(all.size());
}

int upsertCount(const WorkloadDeltaBatch &batch)
{
    int count = 0;
    WatchedKinds::forEach(
        [&](auto kind) { count += int(batch.upserts<typename decltype(kind)::type>().size()); });
    return count;
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
            WatchedKinds::forEach([&](auto kind) {
                using T = typename decltype(kind)::type;
                out.deletes<T>() = source.deletes<T>();
            });
        } else if (store) {
            addResetDeletes(source, *store, &out);
        }
    }
    int offset = 0;
    // In WatchedKinds' order: ReplicaSets before the workloads (see there).
    WatchedKinds::forEach([&](auto kind) {
        copyRange<typename decltype(kind)::type>(source, m_begin, m_end, &offset, &out);
    });
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
