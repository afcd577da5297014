// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

namespace httplib {
struct Request;
}

namespace rdsim {

// Graceful deletion of pods, as kube-apiserver does it: a DELETE with a grace period > 0 does
// not remove the pod but sets metadata.deletionTimestamp (when it will be gone) and
// deletionGracePeriodSeconds, so it stays Terminating; ReplicaSetController removes it when
// that time has come (and has already replaced it).
namespace PodTermination {

inline constexpr qint64 kMaxGracePeriodSeconds = 300;

// ?gracePeriodSeconds= or the body's DeleteOptions.gracePeriodSeconds, else the pod's
// spec.terminationGracePeriodSeconds (30 by default), bounded to 0..kMaxGracePeriodSeconds.
qint64 gracePeriodSeconds(const httplib::Request &request, const QJsonObject &pod);
// The pod as it is while Terminating.
QJsonObject terminating(const QJsonObject &pod, qint64 nowMs, qint64 graceSeconds);

} // namespace PodTermination

} // namespace rdsim
