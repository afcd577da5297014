// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutcontroller.h"

#include "jsonutil.h"
#include "kinds.h"
#include "requeue.h"
#include "rolloutreconciler.h"

#include "core/objectstore.h"
#include "core/virtualclock.h"

#include <QJsonArray>
#include <QStringList>

#include <algorithm>
#include <optional>

namespace rdsim {

namespace {
// How often one pass may reconcile a rollout that keeps writing; each round is one step of
// Argo's controller (e.g. reset the status, then create the ReplicaSet, then scale it).
constexpr int kMaxRounds = 8;
} // namespace

RolloutController::RolloutController(ObjectStore &store, VirtualClock &clock, EventRecorder &events,
                                     Requeue &requeue, ReplicaSetController &replicaSets) :
    m_store(store), m_clock(clock), m_events(events), m_requeue(requeue), m_replicaSets(replicaSets)
{ }

namespace {

QByteArray versions(const QList<QJsonObject> &objects)
{
    QStringList parts;
    parts.reserve(objects.size());
    for (const QJsonObject &object : objects)
        parts << JsonUtil::name(object) + u'='
                + JsonUtil::stringAt(object, "metadata.resourceVersion");
    parts.sort();
    return parts.join(u',').toUtf8();
}

void addTemplates(QStringList &names, const QJsonObject &analysis)
{
    for (const QJsonValue &ref : analysis.value(QLatin1String("templates")).toArray()) {
        const QJsonObject r = ref.toObject();
        names << (r.value(QLatin1String("clusterScope")).toBool() ? QStringLiteral("*") : QString())
                + r.value(QLatin1String("templateName")).toString();
    }
}

} // namespace

QByteArray RolloutController::fingerprint(const QJsonObject &rollout,
                                          const QList<QJsonObject> &replicaSets,
                                          const QList<QJsonObject> &runs) const
{
    const QString ns = JsonUtil::nameSpace(rollout);
    const QJsonObject strategy = JsonUtil::objectAt(rollout, "spec.strategy");
    const QJsonObject canary = strategy.value(QLatin1String("canary")).toObject();
    const QJsonObject blueGreen = strategy.value(QLatin1String("blueGreen")).toObject();
    QByteArray out = JsonUtil::stringAt(rollout, "metadata.resourceVersion").toUtf8();
    out += '|' + versions(replicaSets) + '|' + versions(runs) + '|';
    const auto version = [&](const ResourceType &type, const QString &objectNs,
                             const QString &name) {
        const std::optional<QJsonObject> object = m_store.get(type, objectNs, name);
        out += name.toUtf8() + '='
            + (object ? JsonUtil::stringAt(*object, "metadata.resourceVersion").toUtf8() : "-")
            + ';';
    };
    for (const char *key : {"activeService", "previewService"}) {
        const QString name = blueGreen.value(QLatin1String(key)).toString();
        if (!name.isEmpty())
            version(Kinds::services(), ns, name);
    }
    for (const char *key : {"stableService", "canaryService"}) {
        const QString name = canary.value(QLatin1String(key)).toString();
        if (!name.isEmpty())
            version(Kinds::services(), ns, name);
    }
    // The step's Experiment moves the rollout on (or aborts it) when its phase changes.
    const QString experiment = JsonUtil::stringAt(rollout, "status.canary.currentExperiment");
    if (!experiment.isEmpty())
        version(Kinds::experiments(), ns, experiment);
    QStringList templates;
    for (const QJsonValue &step : canary.value(QLatin1String("steps")).toArray())
        addTemplates(templates, step.toObject().value(QLatin1String("analysis")).toObject());
    addTemplates(templates, canary.value(QLatin1String("analysis")).toObject());
    addTemplates(templates, blueGreen.value(QLatin1String("prePromotionAnalysis")).toObject());
    addTemplates(templates, blueGreen.value(QLatin1String("postPromotionAnalysis")).toObject());
    for (const QString &name : std::as_const(templates)) {
        if (name.startsWith(u'*'))
            version(Kinds::clusterAnalysisTemplates(), QString(), name.mid(1));
        else
            version(Kinds::analysisTemplates(), ns, name);
    }
    const QString workload = JsonUtil::stringAt(rollout, "spec.workloadRef.name");
    if (!workload.isEmpty())
        version(Kinds::deployments(), ns, workload);
    return out;
}

void RolloutController::reconcile()
{
    const QList<QJsonObject> rollouts = m_store.list(Kinds::rollouts());
    QSet<QString> rolloutUids;
    for (const QJsonObject &rollout : rollouts)
        rolloutUids.insert(JsonUtil::uid(rollout));

    const ObjectsByOwner replicaSetsByOwner = indexReplicaSets();
    const ObjectsByOwner runsByOwner = indexRuns(rolloutUids);

    // Pods are only needed to restart a rollout, so they are indexed on first use.
    std::optional<ObjectsByOwner> podsByOwner;
    const auto podsOf = [&](const QString &rsUid) {
        if (!podsByOwner) {
            podsByOwner.emplace();
            for (const QJsonObject &pod : m_store.list(Kinds::pods()))
                (*podsByOwner)[JsonUtil::controllerUid(pod)].append(pod);
        }
        return podsByOwner->value(rsUid);
    };

    const qint64 now = m_clock.nowMs();
    for (const QJsonObject &listed : rollouts) {
        QJsonObject rollout = listed;
        const QString uid = JsonUtil::uid(rollout);
        QList<QJsonObject> replicaSets = replicaSetsByOwner.value(uid);
        QList<QJsonObject> runs = runsByOwner.value(uid);
        const auto memo = m_memo.constFind(uid);
        if (memo != m_memo.cend() && now < memo->wakeAtMs
            && memo->fingerprint == fingerprint(rollout, replicaSets, runs)) {
            m_requeue.at(memo->wakeAtMs);
            continue;
        }
        Requeue own;
        RolloutEnvironment env {m_store,       m_clock, m_events,         own,
                                m_replicaSets, podsOf,  &m_reportedErrors};
        const bool settled = settle(env, rollout, replicaSets, runs, podsByOwner);
        m_requeue.at(own.next());
        // A rollout still changing after kMaxRounds is looked at again in the next pass.
        if (settled)
            m_memo.insert(uid, Memo {fingerprint(rollout, replicaSets, runs), own.next()});
        else
            m_memo.remove(uid);
    }
    forgetGoneRollouts(rolloutUids);
}

RolloutController::ObjectsByOwner RolloutController::indexReplicaSets() const
{
    ObjectsByOwner replicaSetsByOwner;
    for (const QJsonObject &rs : m_store.list(Kinds::replicaSets())) {
        QString kind;
        const QString owner = JsonUtil::controllerUid(rs, &kind);
        if (kind == QLatin1String("Rollout"))
            replicaSetsByOwner[owner].append(rs);
    }
    return replicaSetsByOwner;
}

RolloutController::ObjectsByOwner RolloutController::indexRuns(const QSet<QString> &rolloutUids)
{
    ObjectsByOwner runsByOwner;
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
    return runsByOwner;
}

bool RolloutController::settle(RolloutEnvironment &env, QJsonObject &rollout,
                               QList<QJsonObject> &replicaSets, QList<QJsonObject> &runs,
                               std::optional<ObjectsByOwner> &podsByOwner)
{
    for (int round = 0; round < kMaxRounds; ++round) {
        RolloutReconciler reconciler(env, rollout, replicaSets, runs);
        if (!reconciler.reconcile())
            return true;
        podsByOwner.reset();
        const std::optional<QJsonObject> current
            = m_store.get(Kinds::rollouts(), JsonUtil::nameSpace(rollout), JsonUtil::name(rollout));
        if (!current)
            return false;
        rollout = *current;
        replicaSets = reconciler.replicaSetObjects();
        runs = reconciler.runObjects();
    }
    return false;
}

void RolloutController::forgetGoneRollouts(const QSet<QString> &rolloutUids)
{
    for (auto it = m_memo.begin(); it != m_memo.end();) {
        if (rolloutUids.contains(it.key()))
            ++it;
        else
            it = m_memo.erase(it);
    }
}

} // namespace rdsim
