// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Hand-built domain values for the model tests: just the fields the columns read.

#include "deployment.h"
#include "fleetdelta.h"
#include "replicaset.h"
#include "rollout.h"

#include <QDateTime>
#include <QString>

namespace Build {

inline QDateTime created()
{
    return QDateTime(QDate(2024, 5, 1), QTime(10, 0), Qt::UTC);
}

inline ObjectMeta meta(const QString &ns, const QString &name, const QString &rv = "1")
{
    ObjectMeta m;
    m.namespaceName = ns;
    m.name = name;
    m.uid = QStringLiteral("uid-") + ns + QLatin1Char('-') + name;
    m.resourceVersion = rv;
    m.creationTimestamp = created();
    return m;
}

inline ContainerSpec container(const QString &image)
{
    ContainerSpec c;
    c.name = QStringLiteral("app");
    c.image = image;
    return c;
}

// A canary with steps setWeight 20, pause, setWeight 50, at step `stepIndex`; phase as the
// controller wrote it.
inline Rollout canary(const QString &ns, const QString &name, const QString &phase,
                      const QString &message = QString(), qint32 stepIndex = 1)
{
    Rollout r;
    r.metadata = meta(ns, name);
    r.spec.replicas = 5;
    CanaryStrategy strategy;
    RolloutStep w20;
    w20.setWeight = 20;
    RolloutStep pause;
    pause.hasPause = true;
    RolloutStep w50;
    w50.setWeight = 50;
    strategy.steps = {w20, pause, w50};
    r.spec.canary = strategy;
    r.spec.podTemplate.containers = {container(QStringLiteral("registry/") + name + ":v2")};
    r.status.phase = phase;
    r.status.message = message;
    r.status.currentStepIndex = stepIndex;
    r.status.stableRS = QStringLiteral("stable1");
    r.status.currentPodHash = QStringLiteral("canary2");
    r.status.replicas = 5;
    r.status.updatedReplicas = 1;
    r.status.readyReplicas = 5;
    r.status.availableReplicas = 5;
    if (phase == QLatin1String("Paused"))
        r.status.pauseConditions = {PauseCondition {message, created()}};
    return r;
}

inline Rollout blueGreen(const QString &ns, const QString &name, const QString &phase)
{
    Rollout r;
    r.metadata = meta(ns, name);
    r.spec.replicas = 2;
    BlueGreenStrategy strategy;
    strategy.activeService = name + QStringLiteral("-active");
    r.spec.blueGreen = strategy;
    r.spec.podTemplate.containers = {container(QStringLiteral("registry/") + name + ":v1")};
    r.status.phase = phase;
    r.status.stableRS = QStringLiteral("bg1");
    r.status.currentPodHash = QStringLiteral("bg1");
    r.status.replicas = 2;
    r.status.updatedReplicas = 2;
    r.status.readyReplicas = 2;
    r.status.availableReplicas = 2;
    return r;
}

// A ReplicaSet of `owner` with the pod-template hash, revision and available pods given.
inline ReplicaSet replicaSet(const Rollout &owner, const QString &hash, qint64 revision,
                             qint32 available, const QString &image)
{
    ReplicaSet rs;
    rs.metadata = meta(owner.metadata.namespaceName, owner.metadata.name + QLatin1Char('-') + hash);
    rs.metadata.labels.insert(QStringLiteral("rollouts-pod-template-hash"), hash);
    rs.metadata.annotations.insert(QStringLiteral("rollout.argoproj.io/revision"),
                                   QString::number(revision));
    OwnerReference ref;
    ref.apiVersion = QStringLiteral("argoproj.io/v1alpha1");
    ref.kind = QStringLiteral("Rollout");
    ref.name = owner.metadata.name;
    ref.uid = owner.metadata.uid;
    ref.controller = true;
    rs.metadata.ownerReferences = {ref};
    rs.specReplicas = available;
    rs.replicas = available;
    rs.readyReplicas = available;
    rs.availableReplicas = available;
    rs.podTemplate.containers = {container(image)};
    return rs;
}

inline Deployment deployment(const QString &ns, const QString &name, qint32 replicas,
                             qint32 updated, qint32 available)
{
    Deployment d;
    d.metadata = meta(ns, name);
    d.metadata.annotations.insert(QStringLiteral("deployment.kubernetes.io/revision"),
                                  QStringLiteral("7"));
    d.specReplicas = replicas;
    d.strategyType = QStringLiteral("RollingUpdate");
    d.podTemplate.containers = {container(QStringLiteral("registry/") + name + ":1.0")};
    d.replicas = replicas;
    d.updatedReplicas = updated;
    d.readyReplicas = available;
    d.availableReplicas = available;
    return d;
}

inline WorkloadDeltaBatch upsert(const QList<Rollout> &rollouts,
                                 const QList<Deployment> &deployments = {},
                                 const QList<ReplicaSet> &replicaSets = {})
{
    WorkloadDeltaBatch batch;
    batch.rolloutUpserts = rollouts;
    batch.deploymentUpserts = deployments;
    batch.replicaSetUpserts = replicaSets;
    return batch;
}

} // namespace Build
