// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/imagescan.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace rdsim {

// Kyverno's background scan as the simulator plays it: a few cluster policies evaluated on
// one workload object (a Rollout, ReplicaSet or Pod), written as the one PolicyReport
// (wgpolicyk8s.io/v1alpha2) Kyverno keeps per resource: named after the resource's uid,
// `scope` pointing at it, one result per rule, the summary counted from the results.
//
// Policies: disallow-latest-tag (require-image-tag, validate-image-tag),
// verify-image-signatures (check-signature: fails for an image the scenario's `images:`
// marks `signed: false`) and disallow-privileged-containers (privileged-containers).
namespace SimKyverno {

QJsonObject policyReport(const QJsonObject &resource, const QString &apiVersion,
                         const QString &kind, const QList<ImageScan> &scans, qint64 nowSeconds);

// The report's results without their timestamps, to tell whether a new scan changed anything.
QJsonObject comparable(const QJsonObject &report);

} // namespace SimKyverno

} // namespace rdsim
