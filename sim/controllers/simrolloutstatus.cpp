// SPDX-License-Identifier: GPL-3.0-or-later
#include "simrolloutstatus.h"

#include <QJsonArray>

namespace rdsim {

namespace {

std::optional<AnalysisRunRef> runRef(const QJsonObject &parent, const char *key)
{
    if (!parent.contains(QLatin1String(key)))
        return std::nullopt;
    const QJsonObject o = parent.value(QLatin1String(key)).toObject();
    return AnalysisRunRef {o.value(QLatin1String("name")).toString(),
                           o.value(QLatin1String("status")).toString(),
                           o.value(QLatin1String("message")).toString()};
}

void putRunRef(QJsonObject &parent, const char *key, const std::optional<AnalysisRunRef> &ref)
{
    if (!ref) {
        parent.remove(QLatin1String(key));
        return;
    }
    QJsonObject o {{QStringLiteral("name"), ref->name}, {QStringLiteral("status"), ref->status}};
    if (!ref->message.isEmpty())
        o.insert(QStringLiteral("message"), ref->message);
    parent.insert(QLatin1String(key), o);
}

void setOrRemoveString(QJsonObject &o, const char *key, const QString &value)
{
    if (value.isEmpty())
        o.remove(QLatin1String(key));
    else
        o.insert(QLatin1String(key), value);
}

void setOrRemoveInt(QJsonObject &o, const char *key, int value)
{
    if (value == 0)
        o.remove(QLatin1String(key));
    else
        o.insert(QLatin1String(key), value);
}

void putBool(QJsonObject &o, const char *key, bool value)
{
    if (!value)
        o.remove(QLatin1String(key));
    else
        o.insert(QLatin1String(key), true);
}

} // namespace

bool RolloutCondition::operator==(const RolloutCondition &other) const
{
    return type == other.type && status == other.status && lastUpdateTime == other.lastUpdateTime
        && lastTransitionTime == other.lastTransitionTime && reason == other.reason
        && message == other.message;
}

RolloutStatus RolloutStatus::fromJson(const QJsonObject &status)
{
    RolloutStatus s;
    s.original = status;
    s.abort = status.value(QLatin1String("abort")).toBool();
    s.abortedAt = status.value(QLatin1String("abortedAt")).toString();
    for (const QJsonValue &v : status.value(QLatin1String("pauseConditions")).toArray()) {
        const QJsonObject o = v.toObject();
        s.pauseConditions.append({o.value(QLatin1String("reason")).toString(),
                                  o.value(QLatin1String("startTime")).toString()});
    }
    s.controllerPause = status.value(QLatin1String("controllerPause")).toBool();
    s.currentPodHash = status.value(QLatin1String("currentPodHash")).toString();
    s.currentStepHash = status.value(QLatin1String("currentStepHash")).toString();
    s.replicas = status.value(QLatin1String("replicas")).toInt();
    s.updatedReplicas = status.value(QLatin1String("updatedReplicas")).toInt();
    s.readyReplicas = status.value(QLatin1String("readyReplicas")).toInt();
    s.availableReplicas = status.value(QLatin1String("availableReplicas")).toInt();
    s.hpaReplicas = status.value(QLatin1String("HPAReplicas")).toInt();
    if (status.contains(QLatin1String("currentStepIndex")))
        s.currentStepIndex = status.value(QLatin1String("currentStepIndex")).toInt();
    if (status.contains(QLatin1String("collisionCount")))
        s.collisionCount = status.value(QLatin1String("collisionCount")).toInt();
    const QJsonValue observed = status.value(QLatin1String("observedGeneration"));
    s.observedGeneration
        = observed.isDouble() ? QString::number(observed.toInteger()) : observed.toString();
    for (const QJsonValue &v : status.value(QLatin1String("conditions")).toArray()) {
        const QJsonObject o = v.toObject();
        s.conditions.append({o.value(QLatin1String("type")).toString(),
                             o.value(QLatin1String("status")).toString(),
                             o.value(QLatin1String("lastUpdateTime")).toString(),
                             o.value(QLatin1String("lastTransitionTime")).toString(),
                             o.value(QLatin1String("reason")).toString(),
                             o.value(QLatin1String("message")).toString()});
    }
    const QJsonObject canary = status.value(QLatin1String("canary")).toObject();
    s.stepAnalysis = runRef(canary, "currentStepAnalysisRunStatus");
    s.backgroundAnalysis = runRef(canary, "currentBackgroundAnalysisRunStatus");
    s.weights = canary.value(QLatin1String("weights")).toObject();
    s.currentExperiment = canary.value(QLatin1String("currentExperiment")).toString();
    const QJsonObject blueGreen = status.value(QLatin1String("blueGreen")).toObject();
    s.activeSelector = blueGreen.value(QLatin1String("activeSelector")).toString();
    s.previewSelector = blueGreen.value(QLatin1String("previewSelector")).toString();
    s.scaleUpPreviewCheckPoint
        = blueGreen.value(QLatin1String("scaleUpPreviewCheckPoint")).toBool();
    s.prePromotionAnalysis = runRef(blueGreen, "prePromotionAnalysisRunStatus");
    s.postPromotionAnalysis = runRef(blueGreen, "postPromotionAnalysisRunStatus");
    s.selector = status.value(QLatin1String("selector")).toString();
    s.stableRS = status.value(QLatin1String("stableRS")).toString();
    s.restartedAt = status.value(QLatin1String("restartedAt")).toString();
    s.promoteFull = status.value(QLatin1String("promoteFull")).toBool();
    s.phase = status.value(QLatin1String("phase")).toString();
    s.message = status.value(QLatin1String("message")).toString();
    s.workloadObservedGeneration
        = status.value(QLatin1String("workloadObservedGeneration")).toString();
    return s;
}

QJsonObject RolloutStatus::toJson() const
{
    QJsonObject o = original;
    putBool(o, "abort", abort);
    setOrRemoveString(o, "abortedAt", abortedAt);
    if (pauseConditions.isEmpty()) {
        o.remove(QStringLiteral("pauseConditions"));
    } else {
        QJsonArray list;
        for (const PauseCondition &p : pauseConditions)
            list.append(QJsonObject {{QStringLiteral("reason"), p.reason},
                                     {QStringLiteral("startTime"), p.startTime}});
        o.insert(QStringLiteral("pauseConditions"), list);
    }
    putBool(o, "controllerPause", controllerPause);
    setOrRemoveString(o, "currentPodHash", currentPodHash);
    setOrRemoveString(o, "currentStepHash", currentStepHash);
    setOrRemoveInt(o, "replicas", replicas);
    setOrRemoveInt(o, "updatedReplicas", updatedReplicas);
    setOrRemoveInt(o, "readyReplicas", readyReplicas);
    setOrRemoveInt(o, "availableReplicas", availableReplicas);
    setOrRemoveInt(o, "HPAReplicas", hpaReplicas);
    if (currentStepIndex)
        o.insert(QStringLiteral("currentStepIndex"), *currentStepIndex);
    else
        o.remove(QStringLiteral("currentStepIndex"));
    if (collisionCount)
        o.insert(QStringLiteral("collisionCount"), *collisionCount);
    else
        o.remove(QStringLiteral("collisionCount"));
    setOrRemoveString(o, "observedGeneration", observedGeneration);
    if (conditions.isEmpty()) {
        o.remove(QStringLiteral("conditions"));
    } else {
        QJsonArray list;
        for (const RolloutCondition &c : conditions) {
            list.append(QJsonObject {{QStringLiteral("type"), c.type},
                                     {QStringLiteral("status"), c.status},
                                     {QStringLiteral("lastUpdateTime"), c.lastUpdateTime},
                                     {QStringLiteral("lastTransitionTime"), c.lastTransitionTime},
                                     {QStringLiteral("reason"), c.reason},
                                     {QStringLiteral("message"), c.message}});
        }
        o.insert(QStringLiteral("conditions"), list);
    }
    // canary and blueGreen are plain structs in the Go type, so they are always present.
    QJsonObject canary = original.value(QLatin1String("canary")).toObject();
    putRunRef(canary, "currentStepAnalysisRunStatus", stepAnalysis);
    putRunRef(canary, "currentBackgroundAnalysisRunStatus", backgroundAnalysis);
    if (currentExperiment.isEmpty())
        canary.remove(QStringLiteral("currentExperiment"));
    else
        canary.insert(QStringLiteral("currentExperiment"), currentExperiment);
    if (weights.isEmpty())
        canary.remove(QStringLiteral("weights"));
    else
        canary.insert(QStringLiteral("weights"), weights);
    o.insert(QStringLiteral("canary"), canary);
    QJsonObject blueGreen = original.value(QLatin1String("blueGreen")).toObject();
    setOrRemoveString(blueGreen, "activeSelector", activeSelector);
    setOrRemoveString(blueGreen, "previewSelector", previewSelector);
    putBool(blueGreen, "scaleUpPreviewCheckPoint", scaleUpPreviewCheckPoint);
    putRunRef(blueGreen, "prePromotionAnalysisRunStatus", prePromotionAnalysis);
    putRunRef(blueGreen, "postPromotionAnalysisRunStatus", postPromotionAnalysis);
    o.insert(QStringLiteral("blueGreen"), blueGreen);
    setOrRemoveString(o, "selector", selector);
    setOrRemoveString(o, "stableRS", stableRS);
    setOrRemoveString(o, "restartedAt", restartedAt);
    putBool(o, "promoteFull", promoteFull);
    setOrRemoveString(o, "phase", phase);
    setOrRemoveString(o, "message", message);
    setOrRemoveString(o, "workloadObservedGeneration", workloadObservedGeneration);
    return o;
}

const RolloutCondition *RolloutStatus::condition(const QString &type) const
{
    for (const RolloutCondition &c : conditions) {
        if (c.type == type)
            return &c;
    }
    return nullptr;
}

bool RolloutStatus::setCondition(RolloutCondition c)
{
    const RolloutCondition *current = condition(c.type);
    if (current && current->status == c.status && current->reason == c.reason)
        return false;
    if (current && current->status == c.status)
        c.lastTransitionTime = current->lastTransitionTime;
    removeCondition(c.type);
    conditions.append(c);
    return true;
}

void RolloutStatus::removeCondition(const QString &type)
{
    conditions.removeIf([&type](const RolloutCondition &c) { return c.type == type; });
}

const PauseCondition *RolloutStatus::pauseCondition(const QString &reason) const
{
    for (const PauseCondition &p : pauseConditions) {
        if (p.reason == reason)
            return &p;
    }
    return nullptr;
}

RolloutCondition RolloutStatus::makeCondition(const QString &type, const QString &status,
                                              const QString &reason, const QString &message,
                                              const QString &now)
{
    return RolloutCondition {type, status, now, now, reason, message};
}

} // namespace rdsim
