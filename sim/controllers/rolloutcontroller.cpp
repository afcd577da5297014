// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutcontroller.h"

#include "jsonutil.h"
#include "kinds.h"
#include "rolloutreconciler.h"

#include "core/objectstore.h"

#include <QHash>

#include <optional>

namespace {
// How often one pass may reconcile a rollout that keeps writing; each round is one step of
// Argo's controller (e.g. reset the status, then create the ReplicaSet, then scale it).
constexpr int kMaxRounds = 8;
} // namespace

RolloutController::RolloutController(ObjectStore &store, VirtualClock &clock, EventRecorder &events,
                                     Requeue &requeue, ReplicaSetController &replicaSets)
    : m_store(store)
    , m_clock(clock)
    , m_events(events)
    , m_requeue(requeue)
    , m_replicaSets(replicaSets)
{
}

void RolloutController::reconcile()
{
    const QList<QJsonObject> rollouts = m_store.list(Kinds::rollouts());
    QSet<QString> rolloutUids;
    for (const QJsonObject &rollout : rollouts)
        rolloutUids.insert(JsonUtil::uid(rollout));

    QHash<QString, QList<QJsonObject>> replicaSetsByOwner;
    for (const QJsonObject &rs : m_store.list(Kinds::replicaSets())) {
        QString kind;
        const QString owner = JsonUtil::controllerUid(rs, &kind);
        if (kind == QLatin1String("Rollout"))
            replicaSetsByOwner[owner].append(rs);
    }
    QHash<QString, QList<QJsonObject>> runsByOwner;
    for (const QJsonObject &run : m_store.list(Kinds::analysisRuns())) {
        QString kind;
        const QString owner = JsonUtil::controllerUid(run, &kind);
        if (kind != QLatin1String("Rollout"))
            continue;
        if (!rolloutUids.contains(owner)) {
            // Garbage collection: the rollout that owned the run is gone.
            m_store.remove(Kinds::analysisRuns(), JsonUtil::nameSpace(run), JsonUtil::name(run));
            continue;
        }
        runsByOwner[owner].append(run);
    }

    // Pods are only needed to restart a rollout, so they are indexed on first use.
    std::optional<QHash<QString, QList<QJsonObject>>> podsByOwner;
    RolloutEnvironment env{m_store, m_clock, m_events, m_requeue, m_replicaSets,
                           [&](const QString &rsUid) {
                               if (!podsByOwner) {
                                   podsByOwner.emplace();
                                   for (const QJsonObject &pod : m_store.list(Kinds::pods()))
                                       (*podsByOwner)[JsonUtil::controllerUid(pod)].append(pod);
                               }
                               return podsByOwner->value(rsUid);
                           },
                           &m_reportedErrors};

    for (const QJsonObject &listed : rollouts) {
        QJsonObject rollout = listed;
        const QString uid = JsonUtil::uid(rollout);
        QList<QJsonObject> replicaSets = replicaSetsByOwner.value(uid);
        QList<QJsonObject> runs = runsByOwner.value(uid);
        for (int round = 0; round < kMaxRounds; ++round) {
            RolloutReconciler reconciler(env, rollout, replicaSets, runs);
            if (!reconciler.reconcile())
                break;
            podsByOwner.reset();
            const std::optional<QJsonObject> current =
                m_store.get(Kinds::rollouts(), JsonUtil::nameSpace(rollout), JsonUtil::name(rollout));
            if (!current)
                break;
            rollout = *current;
            replicaSets = reconciler.replicaSetObjects();
            runs = reconciler.runObjects();
        }
    }
}
