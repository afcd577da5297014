// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the rollout status tests share: a healthy canary and blue-green Rollout that each test
// breaks one way, steps and conditions to build them with, the decoded fixtures of
// tests/data/domain/ and a ReplicaSet owned by a Rollout.

#include "jsondecoder.h"
#include "rolloutstatus.h"
#include "testdata.h"
#include "timestamps.h"

namespace RolloutStatusTest {

inline QDateTime utc(const char *text)
{
    return parseRfc3339(QString::fromLatin1(text));
}

inline Condition condition(const char *type, const char *status, const char *reason,
                           const char *message)
{
    Condition c;
    c.type = QString::fromLatin1(type);
    c.status = QString::fromLatin1(status);
    c.reason = QString::fromLatin1(reason);
    c.message = QString::fromLatin1(message);
    return c;
}

inline RolloutStep weightStep(qint32 weight)
{
    RolloutStep step;
    step.kind = RolloutStep::Kind::SetWeight;
    step.setWeight = weight;
    return step;
}

inline RolloutStep pauseStep(IntOrString duration = IntOrString())
{
    RolloutStep step;
    step.kind = RolloutStep::Kind::Pause;
    step.hasPause = true;
    step.pauseDuration = duration;
    return step;
}

// A healthy, fully promoted basic canary of 3 replicas; each row breaks one thing.
inline Rollout healthyCanary()
{
    Rollout r;
    r.metadata.name = QStringLiteral("web");
    r.metadata.uid = QStringLiteral("uid-web");
    r.metadata.generation = 4;
    r.spec.replicas = 3;
    r.spec.canary.emplace();
    r.spec.canary->steps = {weightStep(20), pauseStep(), weightStep(60)};
    r.status.observedGeneration = QStringLiteral("4");
    r.status.replicas = 3;
    r.status.updatedReplicas = 3;
    r.status.readyReplicas = 3;
    r.status.availableReplicas = 3;
    r.status.stableRS = QStringLiteral("abc");
    r.status.currentPodHash = QStringLiteral("abc");
    r.status.currentStepIndex = 3;
    return r;
}

inline Rollout healthyBlueGreen()
{
    Rollout r = healthyCanary();
    r.spec.canary.reset();
    r.spec.blueGreen.emplace();
    r.spec.blueGreen->activeService = QStringLiteral("web-active");
    r.status.currentStepIndex.reset();
    r.status.activeSelector = QStringLiteral("abc");
    return r;
}

inline Rollout fromFile(const char *file)
{
    return decodeObject<Rollout>(domainTestData(QString::fromLatin1(file))).value;
}

inline ReplicaSet replicaSet(const QString &ownerUid, const char *hash, qint32 available,
                             qint64 revision)
{
    ReplicaSet rs;
    rs.metadata.name = QStringLiteral("rs-") + QString::fromLatin1(hash);
    rs.metadata.labels.insert(QStringLiteral("rollouts-pod-template-hash"),
                              QString::fromLatin1(hash));
    rs.metadata.annotations.insert(QStringLiteral("rollout.argoproj.io/revision"),
                                   QString::number(revision));
    OwnerReference owner;
    owner.uid = ownerUid;
    owner.controller = true;
    rs.metadata.ownerReferences.append(owner);
    rs.availableReplicas = available;
    rs.replicas = available;
    return rs;
}

} // namespace RolloutStatusTest
