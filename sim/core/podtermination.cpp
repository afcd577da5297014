// SPDX-License-Identifier: GPL-3.0-or-later
#include "podtermination.h"

#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"

#include <algorithm>

namespace rdsim::PodTermination {

namespace {

const QLatin1String kPodMetadata("metadata");
const QLatin1String kDeletionTimestamp("deletionTimestamp");
const QLatin1String kDeletionGracePeriod("deletionGracePeriodSeconds");

const ResourceType &terminatingPodType()
{
    return *ResourceCatalog::find(QString(), QStringLiteral("pods"));
}

// The pod Terminating until `goneAtMs`, after `graceSeconds` in all.
QJsonObject markedTerminating(const QJsonObject &pod, qint64 goneAtMs, qint64 graceSeconds)
{
    QJsonObject metadata = pod.value(kPodMetadata).toObject();
    metadata.insert(kDeletionTimestamp, VirtualClock::toRfc3339(goneAtMs));
    metadata.insert(kDeletionGracePeriod, graceSeconds);
    QJsonObject out = pod;
    out.insert(kPodMetadata, metadata);
    return out;
}

} // namespace

qint64 gracePeriodSeconds(const QJsonObject &pod, std::optional<qint64> requested)
{
    const QJsonObject spec = pod.value(QLatin1String("spec")).toObject();
    const QString phase
        = pod.value(QLatin1String("status")).toObject().value(QLatin1String("phase")).toString();
    if (spec.value(QLatin1String("nodeName")).toString().isEmpty()
        || phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed"))
        return 0; // no kubelet has anything left to stop
    const qint64 grace
        = requested.value_or(spec.value(QLatin1String("terminationGracePeriodSeconds"))
                                 .toInteger(kDefaultGracePeriodSeconds));
    return std::clamp<qint64>(grace, 0, kMaxGracePeriodSeconds);
}

bool isTerminating(const QJsonObject &pod)
{
    return pod.value(kPodMetadata).toObject().contains(kDeletionTimestamp);
}

qint64 goneAtMs(const QJsonObject &pod)
{
    const QJsonValue deletion = pod.value(kPodMetadata).toObject().value(kDeletionTimestamp);
    if (deletion.isUndefined())
        return -1;
    // An unreadable timestamp (written by a client) ends the pod at once rather than never.
    return std::max<qint64>(VirtualClock::fromRfc3339(deletion.toString()), 0);
}

StoreResult remove(ObjectStore &store, const QJsonObject &pod, qint64 nowMs, qint64 graceSeconds)
{
    const QJsonObject metadata = pod.value(kPodMetadata).toObject();
    const QString ns = metadata.value(QLatin1String("namespace")).toString();
    const QString name = metadata.value(QLatin1String("name")).toString();
    if (graceSeconds <= 0)
        return store.remove(terminatingPodType(), ns, name);
    QJsonObject next;
    if (!isTerminating(pod)) {
        next = markedTerminating(pod, nowMs + graceSeconds * 1000, graceSeconds);
    } else {
        // kube-apiserver only ever shortens a deletion under way, counting from its start.
        const qint64 previousGrace = metadata.value(kDeletionGracePeriod).toInteger();
        if (graceSeconds >= previousGrace)
            return StoreResult {pod, ApiError()};
        const qint64 goneAt = goneAtMs(pod) - (previousGrace - graceSeconds) * 1000;
        next = markedTerminating(pod, goneAt, graceSeconds);
    }
    return store.update(terminatingPodType(), next, WriteScope::Whole);
}

StoreResult remove(ObjectStore &store, const QJsonObject &pod, qint64 nowMs)
{
    return remove(store, pod, nowMs, gracePeriodSeconds(pod));
}

} // namespace rdsim::PodTermination
