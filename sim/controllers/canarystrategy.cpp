// SPDX-License-Identifier: GPL-3.0-or-later
#include "canarystrategy.h"

#include "analysisstarter.h"
#include "canaryreplicas.h"
#include "jsonutil.h"
#include "requeue.h"
#include "rolloutexperiment.h"
#include "rolloutistioroutes.h"
#include "rolloutpingpong.h"
#include "rolloutreconciler.h"

#include "core/virtualclock.h"

#include <QJsonArray>

#include <algorithm>

namespace rdsim {

namespace {
const QString kCanaryPauseStep = QStringLiteral("CanaryPauseStep");
const QString kPluginStatuses = QStringLiteral("stepPluginStatuses");

// status.canary.stepPluginStatuses, which RolloutStatus carries in `original`: a plugin step
// has no backend in the simulator, so its Run operation succeeds as soon as it is reached.
void recordPluginStep(RolloutStatus &next, int index, const QJsonObject &step, const QString &now)
{
    QJsonObject canary = next.original.value(QLatin1String("canary")).toObject();
    QJsonArray statuses = canary.value(kPluginStatuses).toArray();
    statuses.append(QJsonObject {{QStringLiteral("index"), index},
                                 {QStringLiteral("name"), JsonUtil::stringAt(step, "plugin.name")},
                                 {QStringLiteral("operation"), QStringLiteral("Run")},
                                 {QStringLiteral("phase"), QStringLiteral("Successful")},
                                 {QStringLiteral("startedAt"), now},
                                 {QStringLiteral("updatedAt"), now},
                                 {QStringLiteral("finishedAt"), now},
                                 {QStringLiteral("executions"), 1}});
    canary.insert(kPluginStatuses, statuses);
    next.original.insert(QStringLiteral("canary"), canary);
}

// A new revision starts its plugin steps afresh.
void clearPluginSteps(RolloutStatus &next)
{
    QJsonObject canary = next.original.value(QLatin1String("canary")).toObject();
    canary.remove(kPluginStatuses);
    next.original.insert(QStringLiteral("canary"), canary);
}
} // namespace

CanaryStrategy::CanaryStrategy(RolloutReconciler &reconciler) : r(reconciler) { }

void CanaryStrategy::run()
{
    if (r.podTemplateOrStepsChanged()) {
        r.getAllReplicaSetsAndSyncRevision(false);
        syncStatus();
        return;
    }
    r.getAllReplicaSetsAndSyncRevision(true);
    r.restartPods();
    r.reconcileRevisionHistoryLimit();
    reconcileServices();
    reconcileTrafficRouting();
    RolloutIstioRoutes(r).reconcile();
    AnalysisStarter(r).reconcile();
    RolloutExperiments(r).reconcile();
    if (r.pause.hasAddPause()) {
        syncStatus();
        return;
    }
    if (reconcileReplicaSets()) {
        syncStatus();
        return;
    }
    reconcilePause();
    syncStatus();
}

bool CanaryStrategy::reconcileReplicaSets()
{
    if (!r.haltProgress().isEmpty())
        return false;
    r.removeScaleDownDeadlines();
    if (reconcileStableReplicaSet())
        return true;
    const int desiredNew = CanaryReplicas::desired(r, r.newStatus.weights).first;
    if (r.reconcileNewReplicaSet(desiredNew))
        return true;
    return reconcileOtherReplicaSets();
}

bool CanaryStrategy::reconcileStableReplicaSet()
{
    if (!r.stableRS || r.stableRS == r.newRS)
        return false;
    const int desiredStable = CanaryReplicas::desired(r, r.status.weights).second;
    return r.scaleReplicaSet(*r.stableRS, desiredStable);
}

// scaleDownOldReplicaSetsForCanary: ReplicaSets that are neither canary nor stable.
bool CanaryStrategy::reconcileOtherReplicaSets()
{
    QList<RsState *> old;
    for (RsState *rs : std::as_const(r.otherRSs)) {
        if (rs->specReplicas() > 0)
            old.append(rs);
    }
    if (old.isEmpty())
        return false;
    int scaledDown = 0;
    // Unhealthy replicas go first; they would otherwise block the update.
    std::sort(old.begin(), old.end(),
              [](const RsState *a, const RsState *b) { return a->createdMs() < b->createdMs(); });
    for (RsState *rs : old) {
        if (rs->specReplicas() == 0 || rs->specReplicas() == rs->available())
            continue;
        scaledDown += rs->specReplicas() - rs->available();
        r.scaleReplicaSet(*rs, rs->available());
    }
    int available = 0;
    for (const auto &rs : r.allRSs)
        available += rs->available();
    int maxScaleDown = available - (r.spec.replicas() - r.spec.maxUnavailable());
    if (maxScaleDown <= 0)
        return scaledDown > 0;
    std::sort(old.begin(), old.end(),
              [](const RsState *a, const RsState *b) { return a->revision() > b->revision(); });
    const bool trafficRouting = r.spec.hasTrafficRouting();
    int annotated = 0;
    for (RsState *rs : old) {
        if (trafficRouting && r.isReplicaSetReferenced(*rs))
            continue;
        if (maxScaleDown <= 0)
            break;
        if (rs->specReplicas() == 0)
            continue;
        int desired = 0;
        if (!trafficRouting) {
            // A basic canary's Service reaches every old pod, so they all go.
            if (rs->specReplicas() > maxScaleDown)
                desired = rs->specReplicas() - maxScaleDown;
        } else if (r.isFullyPromoted() || rs->hasScaleDownDeadline()) {
            desired = r.spec.dynamicStableScale()
                ? 0
                : r.scaleDownDelayHelper(*rs, annotated, rs->specReplicas());
        }
        if (rs->specReplicas() == desired)
            continue;
        const int down = rs->specReplicas() - desired;
        r.scaleReplicaSet(*rs, desired);
        maxScaleDown -= down;
        scaledDown += down;
    }
    return scaledDown > 0;
}

void CanaryStrategy::reconcileServices()
{
    const auto [stableService, canaryService] = PingPong::services(r);
    r.ensureServiceTarget(stableService, r.stableRS);
    if (r.pause.isAborted(r.status) && !r.spec.hasTrafficRouting()) {
        r.ensureServiceTarget(canaryService, r.stableRS);
        return;
    }
    // reconcilePingAndPongService: once promoted, the other ping-pong Service is left as it is.
    if (PingPong::enabled(r) && r.isFullyPromoted())
        return;
    r.ensureServiceTarget(canaryService, r.newRS);
}

void CanaryStrategy::reconcileTrafficRouting()
{
    if (!r.spec.hasTrafficRouting()) {
        r.newStatus.weights = QJsonObject();
        return;
    }
    const int maxWeight = r.spec.maxTrafficWeight();
    const int steps = r.spec.stepCount();
    const int index = r.currentStepIndex();
    int desired = 0;
    if (r.isFullyPromoted() || r.pause.isAborted(r.status) || !r.newRS
        || r.newRS->available() == 0) {
        desired = 0;
    } else if (steps > 0) {
        if (!CanaryReplicas::atDesiredCounts(r, QJsonObject()) && !r.status.promoteFull) {
            // The canary is not scaled for the new weight yet: keep the previous step's.
            for (int i = index - 1; i >= 0; --i) {
                const QJsonObject step = r.spec.step(i);
                if (step.contains(QLatin1String("setWeight"))) {
                    desired = step.value(QLatin1String("setWeight")).toInt();
                    break;
                }
            }
        } else if (index != steps) {
            desired = CanaryReplicas::currentSetWeight(r);
        } else {
            desired = maxWeight;
        }
    }
    const auto destination = [](int weight, const RsState *rs, const QString &service) {
        QJsonObject d {{QStringLiteral("weight"), weight}};
        if (rs)
            d.insert(QStringLiteral("podTemplateHash"), rs->hash());
        if (!service.isEmpty())
            d.insert(QStringLiteral("serviceName"), service);
        return d;
    };
    // An experiment's templates with a weight take theirs from the stable.
    const QJsonArray additional = RolloutExperiments::weightDestinations(r);
    int additionalWeight = 0;
    for (const QJsonValue &value : additional)
        additionalWeight += value.toObject().value(QLatin1String("weight")).toInt();
    const auto [stableService, canaryService] = PingPong::services(r);
    QJsonObject weights {
        {QStringLiteral("canary"), destination(desired, r.newRS, canaryService)},
        {QStringLiteral("stable"),
         destination(maxWeight - desired - additionalWeight, r.stableRS, stableService)}};
    if (!additional.isEmpty())
        weights.insert(QStringLiteral("additional"), additional);
    const int previous = int(JsonUtil::intAt(r.status.weights, "canary.weight", 0));
    if (previous != desired)
        r.event(QStringLiteral("TrafficWeightUpdated"),
                QStringLiteral("Traffic weight updated from %1 to %2").arg(previous).arg(desired));
    r.newStatus.weights = weights;
}

bool CanaryStrategy::reconcilePause()
{
    if (r.spec.paused() || r.status.promoteFull)
        return false;
    const int steps = r.spec.stepCount();
    const int index = r.currentStepIndex();
    if (steps == 0 || index >= steps)
        return false;
    const QJsonObject step = r.spec.step(index);
    if (!step.contains(QLatin1String("pause")))
        return false;
    const PauseCondition *condition = r.status.pauseCondition(kCanaryPauseStep);
    if (!condition) {
        // No condition and no controllerPause: the controller has not paused for this step
        // yet. With controllerPause set, a person removed the condition: the step is done.
        if (!r.status.controllerPause)
            r.pause.addReasons << kCanaryPauseStep;
        return true;
    }
    const QJsonValue duration
        = step.value(QLatin1String("pause")).toObject().value(QLatin1String("duration"));
    if (!duration.isUndefined() && !duration.isNull()) {
        const qint64 start = VirtualClock::fromRfc3339(condition->startTime);
        r.env.requeue.at(start + qint64(RolloutSpec::durationSeconds(duration)) * 1000 + 1);
    }
    return true;
}

bool CanaryStrategy::completedPauseStep(const QJsonObject &pause)
{
    const PauseCondition *condition = r.status.pauseCondition(kCanaryPauseStep);
    if (r.status.controllerPause && !condition)
        return true;
    const QJsonValue duration = pause.value(QLatin1String("duration"));
    if (duration.isUndefined() || duration.isNull() || !condition)
        return false;
    const qint64 expires = VirtualClock::fromRfc3339(condition->startTime)
        + qint64(RolloutSpec::durationSeconds(duration)) * 1000;
    if (r.nowMs > expires)
        return true;
    r.env.requeue.at(expires + 1);
    return false;
}

bool CanaryStrategy::completedCurrentStep()
{
    if (r.spec.paused() || r.status.promoteFull)
        return false;
    const int steps = r.spec.stepCount();
    const int index = r.currentStepIndex();
    if (steps == 0 || index >= steps)
        return false;
    const QJsonObject step = r.spec.step(index);
    if (step.contains(QLatin1String("pause")))
        return completedPauseStep(step.value(QLatin1String("pause")).toObject());
    if (step.contains(QLatin1String("setCanaryScale")) || step.contains(QLatin1String("setWeight")))
        return CanaryReplicas::atDesiredCounts(r, r.newStatus.weights);
    if (step.contains(QLatin1String("analysis")))
        return JsonUtil::stringAt(r.currentRuns.step, "status.phase")
            == QLatin1String("Successful");
    if (step.contains(QLatin1String("experiment")))
        return RolloutExperiments::stepCompleted(r);
    // Header/mirror routes are written before this (RolloutIstioRoutes) and step plugins have
    // no simulated backend: they complete as soon as they are reached (a plugin's Run is
    // recorded in status.canary.stepPluginStatuses).
    return step.contains(QLatin1String("setHeaderRoute"))
        || step.contains(QLatin1String("setMirrorRoute")) || step.contains(QLatin1String("plugin"));
}

void CanaryStrategy::syncStatus()
{
    RolloutStatus next = r.calculateBaseStatus();
    next.availableReplicas = 0;
    next.hpaReplicas = 0;
    for (const auto &rs : r.allRSs) {
        next.availableReplicas += rs->available();
        next.hpaReplicas += rs->statusReplicas();
    }
    next.selector = r.spec.selectorString();
    next.stableRS = r.status.stableRS;
    next.currentStepHash = r.stepHash();
    const int steps = r.spec.stepCount();
    std::optional<int> index;
    if (steps > 0)
        index = r.currentStepIndex();

    if (r.podTemplateOrStepsChanged()) {
        r.resetRolloutStatus(next);
        clearPluginSteps(next);
        if (r.newRS && steps > 0 && r.status.stableRS == r.newRS->hash()) {
            r.event(QStringLiteral("SkipSteps"), QStringLiteral("Rollback to stable ReplicaSets"));
            next.currentStepIndex = steps;
        }
        r.calculateRolloutConditions(next);
        r.persist(next);
        return;
    }
    if (r.status.promoteFull) {
        r.pause.clear = true;
        r.pause.removeAbort = true;
        if (steps > 0)
            index = steps;
    }
    const QString reason = r.shouldFullPromote(next);
    if (!reason.isEmpty()) {
        PingPong::flipOnPromotion(r, next);
        r.promoteStable(next, reason);
        r.calculateRolloutConditions(next);
        r.persist(next);
        return;
    }
    if (r.pause.isAborted(r.status)) {
        if (steps > 0)
            next.currentStepIndex = next.stableRS == next.currentPodHash ? steps : 0;
        r.calculateRolloutConditions(next);
        r.persist(next);
        return;
    }
    if (completedCurrentStep()) {
        const QJsonObject step = r.spec.step(*index);
        if (step.contains(QLatin1String("plugin")))
            recordPluginStep(next, *index, step, r.now);
        const QString label = RolloutSpec::stepString(step);
        index = *index + 1;
        next.stepAnalysis.reset();
        r.event(
            QStringLiteral("RolloutStepCompleted"),
            QStringLiteral("Rollout step %1/%2 completed (%3)").arg(*index).arg(steps).arg(label));
        r.pause.removeReasons << kCanaryPauseStep;
    }
    next.currentStepIndex = index;
    r.calculateRolloutConditions(next);
    r.persist(next);
}

} // namespace rdsim
