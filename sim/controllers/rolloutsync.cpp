// SPDX-License-Identifier: GPL-3.0-or-later
// RolloutReconciler: the status it writes (rollout/sync.go, rollout/pause.go): counters,
// conditions, pause and abort bookkeeping, promotion and the phase.
#include "rolloutkeys.h"
#include "rolloutreconciler.h"

#include "jsonutil.h"
#include "rolloutphase.h"

#include "core/virtualclock.h"

namespace rdsim {

namespace {

const QString kTrue = QStringLiteral("True");
const QString kFalse = QStringLiteral("False");
const QString kUnknown = QStringLiteral("Unknown");

AnalysisRunRef refOf(const QJsonObject &run)
{
    return AnalysisRunRef {JsonUtil::name(run), JsonUtil::stringAt(run, "status.phase"),
                           JsonUtil::stringAt(run, "status.message")};
}

} // namespace

int RolloutReconciler::currentStepIndex() const
{
    return status.currentStepIndex.value_or(0);
}

RolloutStatus RolloutReconciler::calculateBaseStatus()
{
    RolloutStatus previous = status;
    if (validationMessage.isEmpty())
        previous.removeCondition(QStringLiteral("InvalidSpec"));
    RolloutStatus next = newStatus;
    next.currentPodHash = newRS ? newRS->hash() : computedPodHash();
    next.replicas = 0;
    next.readyReplicas = 0;
    for (const auto &rs : allRSs) {
        next.replicas += rs->statusReplicas();
        next.readyReplicas += rs->ready();
    }
    next.updatedReplicas = newRS ? newRS->statusReplicas() : 0;
    next.collisionCount = status.collisionCount;
    next.conditions = previous.conditions;
    next.promoteFull = next.currentPodHash != next.stableRS && previous.promoteFull;
    return next;
}

bool RolloutReconciler::rolloutHealthy(const RolloutStatus &next) const
{
    const int replicas = spec.replicas();
    bool completedStrategy = true;
    if (spec.isBlueGreen()) {
        const bool active = next.activeSelector == next.currentPodHash;
        const bool preview
            = spec.previewService().isEmpty() || next.previewSelector == next.currentPodHash;
        completedStrategy = active && preview;
    } else {
        const int steps = spec.stepCount();
        bool executedAll = true;
        if (steps > 0 && next.currentStepIndex)
            executedAll = *next.currentStepIndex == steps;
        const bool stable = !next.stableRS.isEmpty() && next.stableRS == next.currentPodHash;
        completedStrategy = executedAll && stable && next.replicas == replicas;
    }
    return next.updatedReplicas == replicas && next.availableReplicas == replicas
        && status.observedGeneration == QString::number(generation()) && completedStrategy;
}

void RolloutReconciler::calculateRolloutConditions(RolloutStatus &next)
{
    const bool paused = !status.pauseConditions.isEmpty() || spec.paused();
    const bool aborted = pause.isAborted(status);
    const bool healthy = rolloutHealthy(next);

    const bool becameUnhealthy = setHealthyCondition(next, paused, healthy);
    if (aborted)
        setAbortedCondition(next);
    else if (healthy)
        setNewReplicaSetAvailableCondition(next);
    else if (replicaSetsProgressed(next) || becameUnhealthy)
        setReplicaSetUpdatedCondition(next, becameUnhealthy);
    else if (!paused && progressDeadlineExceeded(next))
        setProgressDeadlineExceededCondition(next);
    setAvailableCondition(next);
    next.removeCondition(QStringLiteral("ReplicaFailure"));
    setCompletedCondition(next);
}

// Returns whether the rollout has just become unhealthy.
bool RolloutReconciler::setHealthyCondition(RolloutStatus &next, bool paused, bool healthy)
{
    if (!paused && healthy) {
        next.setCondition(RolloutStatus::makeCondition(QStringLiteral("Healthy"), kTrue,
                                                       QStringLiteral("RolloutHealthy"),
                                                       QStringLiteral("Rollout is healthy"), now));
    } else if (status.condition(QStringLiteral("Healthy"))) {
        return next.setCondition(RolloutStatus::makeCondition(
            QStringLiteral("Healthy"), kFalse, QStringLiteral("RolloutHealthy"),
            QStringLiteral("Rollout is not healthy"), now));
    }
    return false;
}

void RolloutReconciler::setAbortedCondition(RolloutStatus &next)
{
    QString message = QStringLiteral("Rollout aborted update to revision %1").arg(revision());
    if (!pause.abortMessage.isEmpty())
        message += QStringLiteral(": ") + pause.abortMessage;
    if (next.setCondition(RolloutStatus::makeCondition(
            RolloutKeys::progressing, kFalse, QStringLiteral("RolloutAborted"), message, now)))
        event(QStringLiteral("RolloutAborted"), message, true);
}

void RolloutReconciler::setNewReplicaSetAvailableCondition(RolloutStatus &next)
{
    const QString rsName = newRS ? newRS->name() : QString();
    next.setCondition(RolloutStatus::makeCondition(
        RolloutKeys::progressing, kTrue, QStringLiteral("NewReplicaSetAvailable"),
        QStringLiteral("ReplicaSet \"%1\" has successfully progressed.").arg(rsName), now));
}

// Whether the counters, services or steps moved since the status as read.
bool RolloutReconciler::replicaSetsProgressed(const RolloutStatus &next) const
{
    const bool progressed = next.updatedReplicas != status.updatedReplicas
        || next.replicas - next.updatedReplicas < status.replicas - status.updatedReplicas
        || next.readyReplicas > status.readyReplicas
        || next.availableReplicas > status.availableReplicas;
    if (spec.isBlueGreen()) {
        return progressed || next.activeSelector != status.activeSelector
            || next.previewSelector != status.previewSelector;
    }
    return progressed || next.stableRS != status.stableRS
        || (next.currentStepIndex && status.currentStepIndex
            && *next.currentStepIndex != *status.currentStepIndex)
        || next.currentStepHash != status.currentStepHash;
}

void RolloutReconciler::setReplicaSetUpdatedCondition(RolloutStatus &next, bool becameUnhealthy)
{
    const RolloutCondition *current = status.condition(RolloutKeys::progressing);
    const QString rsName = newRS ? newRS->name() : QString();
    QString reason = QStringLiteral("ReplicaSetUpdated");
    QString message = newRS ? QStringLiteral("ReplicaSet \"%1\" is progressing.").arg(rsName)
                            : QStringLiteral("Rollout \"%1\" is progressing.").arg(name());
    if (next.stableRS == next.currentPodHash && becameUnhealthy) {
        reason = QStringLiteral("ReplicaSetNotAvailable");
        message = QStringLiteral("Rollout does not have minimum availability");
    }
    RolloutCondition condition
        = RolloutStatus::makeCondition(RolloutKeys::progressing, kTrue, reason, message, now);
    // Progress refreshes lastUpdateTime even when the reason stays the same.
    if (current) {
        if (current->status == kTrue)
            condition.lastTransitionTime = current->lastTransitionTime;
        next.removeCondition(RolloutKeys::progressing);
    }
    next.setCondition(condition);
}

void RolloutReconciler::setAvailableCondition(RolloutStatus &next)
{
    bool available = false;
    if (spec.isBlueGreen()) {
        available = isSaturated(replicaSetByHash(next.activeSelector));
    } else {
        int total = 0;
        for (const auto &rs : allRSs)
            total += rs->available();
        available = total >= spec.replicas();
    }
    next.setCondition(RolloutStatus::makeCondition(
        QStringLiteral("Available"), available ? kTrue : kFalse, QStringLiteral("AvailableReason"),
        available ? QStringLiteral("Rollout has minimum availability")
                  : QStringLiteral("Rollout does not have minimum availability"),
        now));
}

void RolloutReconciler::setCompletedCondition(RolloutStatus &next)
{
    if (!next.stableRS.isEmpty() && next.stableRS == next.currentPodHash) {
        next.setCondition(RolloutStatus::makeCondition(QStringLiteral("Completed"), kTrue,
                                                       QStringLiteral("RolloutCompleted"),
                                                       QStringLiteral("RolloutCompleted"), now));
    } else if (next.setCondition(RolloutStatus::makeCondition(
                   QStringLiteral("Completed"), kFalse, QStringLiteral("RolloutCompleted"),
                   QStringLiteral("RolloutCompleted"), now))) {
        event(QStringLiteral("RolloutNotCompleted"),
              QStringLiteral("Rollout not completed, started update to revision %1 (%2)")
                  .arg(revision() + 1)
                  .arg(next.currentPodHash));
    }
}

void RolloutReconciler::checkPausedConditions()
{
    const RolloutCondition *progressing = status.condition(RolloutKeys::progressing);
    const bool progressingPaused
        = progressing && progressing->reason == QLatin1String("RolloutPaused");
    const bool paused = !status.pauseConditions.isEmpty() || spec.paused();
    const bool abortCondition
        = progressing && progressing->reason == QLatin1String("RolloutAborted");

    QList<RolloutCondition> updates;
    if (paused != progressingPaused && !abortCondition) {
        updates << (paused ? RolloutStatus::makeCondition(RolloutKeys::progressing, kUnknown,
                                                          QStringLiteral("RolloutPaused"),
                                                          QStringLiteral("Rollout is paused"), now)
                           : RolloutStatus::makeCondition(
                               RolloutKeys::progressing, kUnknown, QStringLiteral("RolloutResumed"),
                               QStringLiteral("Rollout is resumed"), now));
    }
    if (!status.abort && abortCondition)
        updates << RolloutStatus::makeCondition(
            RolloutKeys::progressing, kUnknown, QStringLiteral("RolloutRetry"),
            QStringLiteral("Retrying Rollout after abort"), now);
    const RolloutCondition *pausedCondition = status.condition(QStringLiteral("Paused"));
    const bool pausedTrue = pausedCondition && pausedCondition->status == kTrue;
    if (paused != pausedTrue && !abortCondition)
        updates << RolloutStatus::makeCondition(QStringLiteral("Paused"), paused ? kTrue : kFalse,
                                                QStringLiteral("RolloutPaused"),
                                                QStringLiteral("Rollout is paused"), now);
    for (const RolloutCondition &c : std::as_const(updates))
        status.setCondition(c);
}

void RolloutReconciler::calculatePauseStatus(RolloutStatus &next) const
{
    const QString abortedAt = status.abortedAt.isEmpty() ? now : status.abortedAt;
    if (pause.addAbort || (!pause.removeAbort && status.abort)) {
        next.abort = true;
        next.abortedAt = abortedAt;
        return;
    }
    next.abort = false;
    next.abortedAt.clear();
    if (pause.clear)
        return;

    bool controllerPause = status.controllerPause;
    QList<PauseCondition> conditions;
    QStringList existing;
    for (const PauseCondition &c : status.pauseConditions) {
        if (!pause.removeReasons.contains(c.reason))
            conditions.append(c);
        existing << c.reason;
    }
    for (const QString &reason : pause.addReasons) {
        if (!existing.contains(reason)) {
            conditions.append({reason, now});
            existing << reason;
            controllerPause = true;
        }
    }
    if (conditions.isEmpty())
        return;
    next.controllerPause = controllerPause;
    next.pauseConditions = conditions;
}

void RolloutReconciler::persist(RolloutStatus next)
{
    calculatePauseStatus(next);
    next.workloadObservedGeneration
        = m_workloadGeneration >= 0 ? QString::number(m_workloadGeneration) : QString();
    next.observedGeneration = QString::number(generation());
    const RolloutPhase::Result phase = RolloutPhase::calculate(spec, next);
    next.phase = phase.phase;
    next.message = phase.message;

    // sendStateChangeEvents
    const bool wasPaused = !status.pauseConditions.isEmpty();
    const bool isPaused = !next.pauseConditions.isEmpty();
    if (wasPaused != isPaused) {
        if (isPaused)
            event(
                QStringLiteral("RolloutPaused"),
                QStringLiteral("Rollout is paused (%1)").arg(next.pauseConditions.first().reason));
        else if (next.abortedAt.isEmpty())
            event(QStringLiteral("RolloutResumed"), QStringLiteral("Rollout is resumed"));
    }
    m_persisted = next;
}

void RolloutReconciler::resetRolloutStatus(RolloutStatus &next)
{
    pause.clear = true;
    pause.removeAbort = true;
    next.restartedAt = spec.restartAt();
    next.promoteFull = false;
    next.prePromotionAnalysis.reset();
    next.postPromotionAnalysis.reset();
    next.scaleUpPreviewCheckPoint = false;
    next.stepAnalysis.reset();
    next.backgroundAnalysis.reset();
    if (spec.isCanary() && spec.stepCount() > 0)
        next.currentStepIndex = 0;
    else
        next.currentStepIndex.reset();
}

QString RolloutReconciler::shouldFullPromote(const RolloutStatus &next) const
{
    if (!stableRS)
        return QStringLiteral("Initial deploy");
    if (spec.isCanary()) {
        if (pause.isAborted(status))
            return {};
        if (!newRS || newRS->available() != spec.replicas())
            return {};
        if (status.promoteFull)
            return QStringLiteral("Full promotion requested");
        const int steps = spec.stepCount();
        if (steps == 0 || currentStepIndex() == steps)
            return QStringLiteral("Completed all %1 canary steps").arg(steps);
        return {};
    }
    if (next.activeSelector.isEmpty())
        return QStringLiteral("Initial deploy");
    if (next.activeSelector != next.currentPodHash)
        return {};
    if (status.promoteFull)
        return QStringLiteral("Full promotion requested");
    if (pause.isAborted(status))
        return {};
    if (spec.blueGreen().contains(QLatin1String("postPromotionAnalysis"))) {
        if (newRS && newRS->hasScaleDownDeadline())
            return QStringLiteral("Rollback to '%1' within scaleDownDelay").arg(newRS->name());
        if (JsonUtil::stringAt(currentRuns.postPromotion, "status.phase")
            != QLatin1String("Successful"))
            return {};
    }
    return QStringLiteral("Completed blue-green update");
}

void RolloutReconciler::promoteStable(RolloutStatus &next, const QString &reason)
{
    pause.clear = true;
    pause.removeAbort = true;
    next.promoteFull = false;
    next.scaleUpPreviewCheckPoint = false;
    if (spec.isCanary()) {
        if (spec.stepCount() > 0)
            next.currentStepIndex = spec.stepCount();
        else
            next.currentStepIndex.reset();
    }
    if (next.stableRS != next.currentPodHash) {
        next.stableRS = next.currentPodHash;
        event(QStringLiteral("RolloutCompleted"),
              QStringLiteral("Rollout completed update to revision %1 (%2): %3")
                  .arg(revision())
                  .arg(next.currentPodHash, reason));
    }
}

void RolloutReconciler::setCurrentRuns()
{
    const auto set = [](std::optional<AnalysisRunRef> &field, const QJsonObject &run) {
        if (run.isEmpty())
            field.reset();
        else
            field = refOf(run);
    };
    if (spec.isCanary()) {
        set(newStatus.stepAnalysis, currentRuns.step);
        set(newStatus.backgroundAnalysis, currentRuns.background);
    } else {
        set(newStatus.prePromotionAnalysis, currentRuns.prePromotion);
        set(newStatus.postPromotionAnalysis, currentRuns.postPromotion);
    }
}

} // namespace rdsim
