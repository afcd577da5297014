// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the ReleaseTracker tests share: a canary "web" in namespace shop (uid-web) at a given
// current and stable hash, step and phase, its ReplicaSets by hash, revision and creation
// second, batches of them, and a release looked up in a write by revision.
#include "releasetracker.h"
#include "rolloutstatusfixture.h"

#include <QtTest>

namespace ReleaseTrackerFixture {

using namespace RolloutStatusTest;

inline const QDateTime t0 = QDateTime::fromSecsSinceEpoch(1'780'000'000, Qt::UTC);

inline QDateTime at(int seconds)
{
    return t0.addSecs(seconds);
}

inline ReplicaSet replicaSet(const char *hash, qint64 revision, int createdAt, int available)
{
    ReplicaSet rs;
    rs.metadata.name = QStringLiteral("web-") + QLatin1String(hash);
    rs.metadata.namespaceName = QStringLiteral("shop");
    rs.metadata.uid = QStringLiteral("rs-") + QLatin1String(hash);
    rs.metadata.creationTimestamp = at(createdAt);
    rs.metadata.labels.insert(QStringLiteral("rollouts-pod-template-hash"), QLatin1String(hash));
    rs.metadata.annotations.insert(QStringLiteral("rollout.argoproj.io/revision"),
                                   QString::number(revision));
    rs.metadata.ownerReferences.append({QStringLiteral("argoproj.io/v1alpha1"),
                                        QStringLiteral("Rollout"), QStringLiteral("web"),
                                        QStringLiteral("uid-web"), true});
    ContainerSpec container;
    container.name = QStringLiteral("web");
    container.image = QStringLiteral("shop/web:") + QLatin1String(hash);
    rs.podTemplate.containers.append(container);
    rs.replicas = rs.availableReplicas = rs.readyReplicas = available;
    return rs;
}

inline Rollout webAt(const char *currentHash, const char *stableHash, std::optional<qint32> step,
                     const char *phase)
{
    Rollout r = healthyCanary();
    r.metadata.namespaceName = QStringLiteral("shop");
    r.spec.replicas = 4;
    r.status.replicas = r.status.availableReplicas = r.status.readyReplicas = 4;
    r.status.currentPodHash = QLatin1String(currentHash);
    r.status.stableRS = QLatin1String(stableHash);
    r.status.currentStepIndex = step;
    r.status.phase = QLatin1String(phase);
    return r;
}

inline WorkloadDeltaBatch batchOf(const QList<Rollout> &rollouts,
                                  const QList<ReplicaSet> &sets = {})
{
    WorkloadDeltaBatch batch;
    batch.upserts<Rollout>() = rollouts;
    batch.upserts<ReplicaSet>() = sets;
    return batch;
}

inline const ReleaseSummary *findRelease(const HistoryWrite &write, qint64 revision)
{
    for (const ReleaseSummary &s : write.releases) {
        if (s.key.revision == revision)
            return &s;
    }
    return nullptr;
}

} // namespace ReleaseTrackerFixture
