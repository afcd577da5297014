// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/imagescan.h"

#include <QList>
#include <QStringList>

#include <limits>

namespace rdsim {

class ObjectStore;
class VirtualClock;

// The report writers of one simulated cluster, following what the workload controllers do:
// Trivy Operator (one VulnerabilityReport per container of every ReplicaSet and a
// ConfigAuditReport per ReplicaSet, written once when the ReplicaSet appears, removed with
// it) and Kyverno (one PolicyReport per Rollout, ReplicaSet and Pod, rewritten when a
// result changes, removed with its resource). A family the cluster does not serve writes
// nothing. The simulator runs it after the controllers; tests call reconcile() directly.
class SimReportController
{
public:
    SimReportController(ObjectStore &store, VirtualClock &clock, QList<ImageScan> scans,
                        const QStringList &unservedKinds);
    void reconcile();

private:
    void scanReplicaSets();
    void reportPolicies();

    ObjectStore &m_store;
    VirtualClock &m_clock;
    QList<ImageScan> m_scans;
    bool m_trivy = true;
    bool m_kyverno = true;
    // The store's change count after this writer's last pass: unchanged means nothing to do.
    quint64 m_seenChangeCount = std::numeric_limits<quint64>::max();
};

} // namespace rdsim
