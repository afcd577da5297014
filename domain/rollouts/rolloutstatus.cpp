// SPDX-License-Identifier: GPL-3.0-or-later
#include "rolloutstatus.h"

#include "durationparser.h"
#include "replicasetstatus.h"

#include <QCoreApplication>

#include <algorithm>

namespace {

const char *const context = "RolloutStatus";

QString progressing()
{
    return QStringLiteral("Progressing");
}

RolloutPhaseInfo progressingBecause(const char *message)
{
    return RolloutPhaseInfo {progressing(), QCoreApplication::translate(context, message)};
}

bool isGenerationObserved(const Rollout &rollout)
{
    bool ok = false;
    const qint64 observed = rollout.status.observedGeneration.toLongLong(&ok);
    if (!ok)
        return true; // a v0.9 controller wrote a hash here
    return observed >= rollout.metadata.generation;
}

bool isWorkloadGenerationObserved(const Rollout &rollout)
{
    bool ok = false;
    const qint32 workloadGeneration
        = rollout.metadata.annotations.value(u"rollout.argoproj.io/workload-generation").toInt(&ok);
    if (!ok)
        return true;
    const qint32 observed = rollout.status.workloadObservedGeneration.toInt(&ok);
    if (!ok)
        return true;
    return observed == workloadGeneration;
}

bool waitingForPostPromotionAnalysis(const Rollout &rollout)
{
    if (!rollout.spec.blueGreen->postPromotionAnalysis)
        return false;
    const std::optional<AnalysisRunStatusRef> &run = rollout.status.postPromotionAnalysisRunStatus;
    return !run || !run->isCompleted();
}

const PauseCondition *pauseCondition(const Rollout &rollout, QStringView reason)
{
    for (const PauseCondition &condition : rollout.status.pauseConditions) {
        if (condition.reason == reason)
            return &condition;
    }
    return nullptr;
}

const ReplicaSet *canaryReplicaSet(const Rollout &rollout, const QList<ReplicaSet> &replicaSets)
{
    for (const ReplicaSet &rs : replicaSets) {
        if (rs.metadata.isOwnedBy(rollout.metadata.uid) && replicaSetTags(rollout, rs).canary)
            return &rs;
    }
    return nullptr;
}

} // namespace

const PauseCondition *findPauseCondition(const Rollout &rollout, QStringView reason)
{
    return pauseCondition(rollout, reason);
}

bool isFullyPromoted(const Rollout &rollout)
{
    return rollout.status.stableRS == rollout.status.currentPodHash;
}

bool isUnpausing(const Rollout &rollout)
{
    return rollout.status.controllerPause && rollout.status.pauseConditions.isEmpty();
}

RolloutPhaseInfo rolloutPhase(const Rollout &rollout)
{
    if (!isGenerationObserved(rollout))
        return progressingBecause(QT_TRANSLATE_NOOP("RolloutStatus",
                                                    "waiting for rollout spec update to be "
                                                    "observed"));
    if (isUnpausing(rollout))
        return progressingBecause(
            QT_TRANSLATE_NOOP("RolloutStatus", "waiting for rollout to unpause"));
    // The plugin checks this only when it resolved the template from a workloadRef.
    if (rollout.spec.workloadRef.isSet() && !isWorkloadGenerationObserved(rollout))
        return progressingBecause(QT_TRANSLATE_NOOP("RolloutStatus",
                                                    "waiting for rollout spec update to be "
                                                    "observed for the reference workload"));
    if (!rollout.status.phase.isEmpty())
        return RolloutPhaseInfo {rollout.status.phase, rollout.status.message};
    return calculateRolloutPhase(rollout);
}

RolloutPhaseInfo calculateRolloutPhase(const Rollout &rollout)
{
    const RolloutStatus &status = rollout.status;
    for (const Condition &condition : status.conditions) {
        if (condition.type == QLatin1String("InvalidSpec")) {
            return RolloutPhaseInfo {QStringLiteral("Degraded"),
                                     QStringLiteral("InvalidSpec: ") + condition.message};
        }
        if (condition.reason == QLatin1String("RolloutAborted")
            || condition.reason == QLatin1String("ProgressDeadlineExceeded")) {
            return RolloutPhaseInfo {QStringLiteral("Degraded"),
                                     condition.reason + QStringLiteral(": ") + condition.message};
        }
    }
    if (rollout.spec.paused) {
        return RolloutPhaseInfo {QStringLiteral("Paused"),
                                 QCoreApplication::translate("RolloutStatus", "manually paused")};
    }
    if (!status.pauseConditions.isEmpty())
        return RolloutPhaseInfo {QStringLiteral("Paused"), status.pauseConditions.first().reason};
    if (rollout.spec.restartAt.isValid()
        && (!status.restartedAt.isValid() || rollout.spec.restartAt != status.restartedAt))
        return progressingBecause(QT_TRANSLATE_NOOP("RolloutStatus", "rollout is restarting"));
    if (status.updatedReplicas < rollout.spec.desiredReplicas())
        return progressingBecause(
            QT_TRANSLATE_NOOP("RolloutStatus", "more replicas need to be updated"));
    if (status.availableReplicas < status.updatedReplicas)
        return progressingBecause(
            QT_TRANSLATE_NOOP("RolloutStatus", "updated replicas are still becoming available"));
    if (rollout.spec.blueGreen) {
        if (status.activeSelector.isEmpty() || status.activeSelector != status.currentPodHash)
            return progressingBecause(
                QT_TRANSLATE_NOOP("RolloutStatus", "active service cutover pending"));
        if (status.stableRS.isEmpty() || !isFullyPromoted(rollout)) {
            if (waitingForPostPromotionAnalysis(rollout))
                return progressingBecause(
                    QT_TRANSLATE_NOOP("RolloutStatus", "waiting for analysis to complete"));
            return progressingBecause(QT_TRANSLATE_NOOP(
                "RolloutStatus", "waiting for post-promotion verification to complete"));
        }
    } else if (rollout.spec.canary) {
        if (!rollout.spec.canary->hasTrafficRouting && status.replicas > status.updatedReplicas)
            return progressingBecause(
                QT_TRANSLATE_NOOP("RolloutStatus", "old replicas are pending termination"));
        if (status.stableRS.isEmpty() || !isFullyPromoted(rollout))
            return progressingBecause(
                QT_TRANSLATE_NOOP("RolloutStatus", "waiting for all steps to complete"));
    }
    return RolloutPhaseInfo {QStringLiteral("Healthy"), QString()};
}

bool requiresAttention(const RolloutPhaseInfo &phase)
{
    if (phase.phase == QLatin1String("Unknown") || phase.phase == QLatin1String("Degraded"))
        return true;
    return phase.phase == QLatin1String("Paused")
        && phase.message != QLatin1String("CanaryPauseStep");
}

QString strategyName(const Rollout &rollout)
{
    if (rollout.spec.canary)
        return QStringLiteral("Canary");
    if (rollout.spec.blueGreen)
        return QStringLiteral("BlueGreen");
    return QString();
}

QString stepString(const Rollout &rollout)
{
    if (!rollout.spec.canary || !rollout.status.currentStepIndex
        || rollout.spec.canary->steps.isEmpty())
        return QString();
    return QString::number(*rollout.status.currentStepIndex) + QLatin1Char('/')
        + QString::number(rollout.spec.canary->steps.size());
}

QString canaryStepString(const RolloutStep &step)
{
    if (step.setWeight)
        return QStringLiteral("setWeight: ") + QString::number(*step.setWeight);
    if (step.hasPause) {
        if (step.pauseDuration.isSet())
            return QStringLiteral("pause: ") + step.pauseDuration.toString();
        return QStringLiteral("pause");
    }
    if (step.experiment)
        return QStringLiteral("experiment");
    if (step.analysis)
        return QStringLiteral("analysis");
    if (step.setCanaryScale) {
        const SetCanaryScale &scale = *step.setCanaryScale;
        if (scale.weight)
            return QStringLiteral("setCanaryScale{weight: ") + QString::number(*scale.weight)
                + QLatin1Char('}');
        if (scale.matchTrafficWeight)
            return QStringLiteral("setCanaryScale{matchTrafficWeight: true}");
        if (scale.replicas)
            return QStringLiteral("setCanaryScale{replicas: ") + QString::number(*scale.replicas)
                + QLatin1Char('}');
    }
    if (step.hasHeaderRoute)
        return QStringLiteral("setHeaderRoute: ") + step.routeName;
    if (step.hasMirrorRoute)
        return QStringLiteral("setMirrorRoute: ") + step.routeName;
    if (step.hasPlugin)
        return QStringLiteral("plugin: ") + step.routeName;
    return QStringLiteral("invalid");
}

const RolloutStep *currentCanaryStep(const Rollout &rollout, qint32 *index)
{
    if (!rollout.spec.canary || rollout.spec.canary->steps.isEmpty())
        return nullptr;
    const qint32 current = rollout.status.currentStepIndex.value_or(0);
    if (index)
        *index = current;
    if (current < 0 || current >= rollout.spec.canary->steps.size())
        return nullptr;
    return &rollout.spec.canary->steps.at(current);
}

qint32 currentSetWeight(const Rollout &rollout)
{
    if (rollout.status.abort)
        return 0;
    qint32 index = 0;
    if (!currentCanaryStep(rollout, &index))
        return rollout.spec.canary ? rollout.spec.canary->effectiveMaxTrafficWeight() : 100;
    const QList<RolloutStep> &steps = rollout.spec.canary->steps;
    for (qint32 i = index; i >= 0; --i) {
        if (steps.at(i).setWeight)
            return *steps.at(i).setWeight;
    }
    return 0;
}

qint32 actualWeight(const Rollout &rollout, std::optional<qint32> canaryAvailable)
{
    if (!rollout.spec.canary)
        return 0;
    const CanaryStrategy &canary = *rollout.spec.canary;
    if (!currentCanaryStep(rollout))
        return canary.effectiveMaxTrafficWeight();
    if (rollout.status.availableReplicas <= 0)
        return 0;
    if (!canary.hasTrafficRouting) {
        if (!canaryAvailable)
            return 0;
        return qint32(qint64(*canaryAvailable) * canary.effectiveMaxTrafficWeight()
                      / rollout.status.availableReplicas);
    }
    if (rollout.status.canaryWeights)
        return rollout.status.canaryWeights->canary.weight;
    return currentSetWeight(rollout);
}

qint32 actualWeight(const Rollout &rollout, const QList<ReplicaSet> &replicaSets)
{
    const ReplicaSet *canary = canaryReplicaSet(rollout, replicaSets);
    return actualWeight(rollout,
                        canary ? std::optional<qint32>(canary->availableReplicas) : std::nullopt);
}

qint64 rolloutRevision(const Rollout &rollout, const QList<ReplicaSet> &replicaSets)
{
    if (!rollout.status.currentPodHash.isEmpty()) {
        for (const ReplicaSet &rs : replicaSets) {
            if (rs.metadata.isOwnedBy(rollout.metadata.uid)
                && rs.podTemplateHash() == rollout.status.currentPodHash)
                return rs.revision();
        }
    }
    // The list view has no ReplicaSets; the controller copies the revision onto the Rollout.
    bool ok = false;
    const qint64 revision
        = rollout.metadata.annotations.value(u"rollout.argoproj.io/revision").toLongLong(&ok);
    return ok ? revision : 0;
}

RolloutCounts rolloutCounts(const Rollout &rollout)
{
    RolloutCounts counts;
    counts.desired = rollout.spec.desiredReplicas();
    counts.current = rollout.status.replicas;
    counts.ready = rollout.status.readyReplicas;
    counts.updated = rollout.status.updatedReplicas;
    counts.available = rollout.status.availableReplicas;
    return counts;
}

QList<ImageInfo> runningImages(const Rollout &rollout, const QList<ReplicaSet> &replicaSets)
{
    QList<ImageInfo> images;
    for (const ReplicaSet &rs : replicaSets) {
        if (!rs.metadata.isOwnedBy(rollout.metadata.uid) || rs.replicas <= 0)
            continue;
        const QStringList tags = replicaSetTags(rollout, rs).imageTags();
        for (const ContainerSpec &container : rs.podTemplate.containers) {
            auto it = std::find_if(images.begin(), images.end(), [&](const ImageInfo &info) {
                return info.image == container.image;
            });
            if (it == images.end()) {
                images.append(ImageInfo {container.image, tags});
                continue;
            }
            for (const QString &tag : tags) {
                if (!it->tags.contains(tag))
                    it->tags.append(tag);
            }
            it->tags.sort();
        }
    }
    std::sort(images.begin(), images.end(),
              [](const ImageInfo &a, const ImageInfo &b) { return a.image < b.image; });
    return images;
}

QDateTime pauseEndTime(const Rollout &rollout)
{
    if (rollout.spec.canary) {
        const PauseCondition *condition = pauseCondition(rollout, u"CanaryPauseStep");
        const RolloutStep *step = currentCanaryStep(rollout);
        if (!condition || !step || !step->hasPause || !condition->startTime.isValid())
            return QDateTime();
        const std::optional<qint64> seconds = durationSeconds(step->pauseDuration);
        if (!seconds || *seconds < 0)
            return QDateTime();
        return condition->startTime.addSecs(*seconds);
    }
    if (rollout.spec.blueGreen) {
        const BlueGreenStrategy &blueGreen = *rollout.spec.blueGreen;
        const PauseCondition *condition = pauseCondition(rollout, u"BlueGreenPause");
        if (!condition || !condition->startTime.isValid() || !blueGreen.isAutoPromotionEnabled()
            || blueGreen.autoPromotionSeconds <= 0)
            return QDateTime();
        return condition->startTime.addSecs(blueGreen.autoPromotionSeconds);
    }
    return QDateTime();
}

std::optional<qint64> remainingPauseMSecs(const Rollout &rollout, const QDateTime &now)
{
    const QDateTime end = pauseEndTime(rollout);
    if (!end.isValid())
        return std::nullopt;
    return std::max<qint64>(0, now.msecsTo(end));
}

QStringList rolloutErrorConditions(const Rollout &rollout)
{
    QStringList messages;
    for (const Condition &condition : rollout.status.conditions) {
        if (condition.type == QLatin1String("InvalidSpec"))
            messages.append(condition.message);
    }
    if (!rollout.status.abort)
        return messages;
    for (const std::optional<AnalysisRunStatusRef> *run :
         {&rollout.status.currentStepAnalysisRunStatus,
          &rollout.status.currentBackgroundAnalysisRunStatus,
          &rollout.status.prePromotionAnalysisRunStatus,
          &rollout.status.postPromotionAnalysisRunStatus}) {
        if (*run && (*run)->isCompleted() && (*run)->status != QLatin1String("Successful")
            && !(*run)->message.isEmpty())
            messages.append((*run)->message);
    }
    return messages;
}
