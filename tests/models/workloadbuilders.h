// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Hand-built domain values for the model tests: just the fields the columns read.

#include "analysisrun.h"
#include "deployment.h"
#include "event.h"
#include "fleetdelta.h"
#include "pod.h"
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

inline OwnerReference controllerOf(const QString &kind, const ObjectMeta &owner)
{
    OwnerReference ref;
    ref.apiVersion = kind == QLatin1String("ReplicaSet") ? QStringLiteral("apps/v1")
                                                         : QStringLiteral("argoproj.io/v1alpha1");
    ref.kind = kind;
    ref.name = owner.name;
    ref.uid = owner.uid;
    ref.controller = true;
    return ref;
}

// A pod "<replicaset>-<suffix>" controlled by the ReplicaSet.
inline Pod pod(const ReplicaSet &owner, const QString &suffix, const QString &rv = "1")
{
    Pod p;
    p.metadata
        = meta(owner.metadata.namespaceName, owner.metadata.name + QLatin1Char('-') + suffix, rv);
    p.metadata.ownerReferences = {controllerOf(QStringLiteral("ReplicaSet"), owner.metadata)};
    p.phase = QStringLiteral("Running");
    return p;
}

// An AnalysisRun controlled by the Rollout, created `created`.
inline AnalysisRun analysisRun(const Rollout &owner, const QString &name, const QDateTime &created,
                               const QString &phase = QStringLiteral("Running"))
{
    AnalysisRun run;
    run.metadata = meta(owner.metadata.namespaceName, name);
    run.metadata.creationTimestamp = created;
    run.metadata.ownerReferences = {controllerOf(QStringLiteral("Rollout"), owner.metadata)};
    run.phase = phase;
    return run;
}

// An Event named `name` about the object of that kind, last seen `last`.
inline Event event(const QString &name, const QString &kind, const ObjectMeta &about,
                   const QDateTime &last)
{
    Event e;
    e.metadata = meta(about.namespaceName, name);
    e.involvedObject.kind = kind;
    e.involvedObject.namespaceName = about.namespaceName;
    e.involvedObject.name = about.name;
    e.involvedObject.uid = about.uid;
    e.reason = QStringLiteral("Test");
    e.message = QStringLiteral("about ") + about.name;
    e.type = QStringLiteral("Normal");
    e.count = 1;
    e.firstTimestamp = last;
    e.lastTimestamp = last;
    return e;
}

inline WorkloadDeltaBatch upsert(const QList<Rollout> &rollouts,
                                 const QList<Deployment> &deployments = {},
                                 const QList<ReplicaSet> &replicaSets = {})
{
    WorkloadDeltaBatch batch;
    batch.upserts<Rollout>() = rollouts;
    batch.upserts<Deployment>() = deployments;
    batch.upserts<ReplicaSet>() = replicaSets;
    return batch;
}

// A paused canary api and a blue-green web in shop, and a Deployment redis in infra.
inline WorkloadDeltaBatch sampleFleet()
{
    return upsert(
        {canary(QStringLiteral("shop"), QStringLiteral("api"), QStringLiteral("Paused"),
                QStringLiteral("CanaryPauseStep")),
         blueGreen(QStringLiteral("shop"), QStringLiteral("web"), QStringLiteral("Healthy"))},
        {deployment(QStringLiteral("infra"), QStringLiteral("redis"), 3, 3, 2)});
}

} // namespace Build
