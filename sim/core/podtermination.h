// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/apierror.h"

#include <QJsonObject>

#include <optional>

namespace rdsim {

class ObjectStore;

// Graceful deletion of pods, as kube-apiserver does it, for every deleter: a DELETE through
// the API and the controllers' own deletions (scale-down, garbage collection, Job clean-up,
// restarts). With a grace period > 0 the pod is not removed but gets metadata.deletionTimestamp
// (when it will be gone) and deletionGracePeriodSeconds: it stays Terminating, keeping its
// phase and conditions, and no controller counts or replaces it as one of its pods any more.
// ReplicaSetController removes it once that time has come.
namespace PodTermination {

inline constexpr qint64 kDefaultGracePeriodSeconds = 30;
inline constexpr qint64 kMaxGracePeriodSeconds = 300;

// The grace period a deletion gives `pod`: `requested` (the DeleteOptions') when given, else
// its spec.terminationGracePeriodSeconds (30 by default), bounded to 0..kMaxGracePeriodSeconds;
// 0 for a pod that never reached a node or whose containers have finished (phase Succeeded or
// Failed), as kube-apiserver's pod strategy decides.
qint64 gracePeriodSeconds(const QJsonObject &pod, std::optional<qint64> requested = std::nullopt);

bool isTerminating(const QJsonObject &pod);
// When a Terminating pod is to be removed (epoch ms); -1 for a pod that is not Terminating.
qint64 goneAtMs(const QJsonObject &pod);

// Deletes `pod` with `graceSeconds`: 0 removes it at once; otherwise it becomes Terminating,
// and a pod already Terminating only has its deletion brought forward when the new period
// ends sooner (never postponed). The result's object is the pod as stored afterwards, or as
// removed.
StoreResult remove(ObjectStore &store, const QJsonObject &pod, qint64 nowMs, qint64 graceSeconds);
// A controller's deletion: with the pod's own grace period.
StoreResult remove(ObjectStore &store, const QJsonObject &pod, qint64 nowMs);

} // namespace PodTermination

} // namespace rdsim
