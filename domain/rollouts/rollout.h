// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "condition.h"
#include "objectmeta.h"
#include "rolloutspec.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// status.pauseConditions[]: reason is CanaryPauseStep, BlueGreenPause,
// InconclusiveAnalysisRun or InconclusiveExperiment.
struct PauseCondition
{
    QString reason;
    QDateTime startTime;

    bool operator==(const PauseCondition &o) const
    {
        return reason == o.reason && startTime == o.startTime;
    }
    bool operator!=(const PauseCondition &o) const { return !(*this == o); }
};

// RolloutAnalysisRunStatus: which AnalysisRun a step or phase waits on, and its phase.
struct AnalysisRunStatusRef
{
    QString name;
    QString status; // an AnalysisPhase: Pending, Running, Successful, Failed, Error, Inconclusive
    QString message;

    bool isCompleted() const;

    bool operator==(const AnalysisRunStatusRef &o) const
    {
        return name == o.name && status == o.status && message == o.message;
    }
    bool operator!=(const AnalysisRunStatusRef &o) const { return !(*this == o); }
};

struct TrafficWeight
{
    qint32 weight = 0;
    QString serviceName;
    QString podTemplateHash;

    bool operator==(const TrafficWeight &o) const
    {
        return weight == o.weight && serviceName == o.serviceName
            && podTemplateHash == o.podTemplateHash;
    }
    bool operator!=(const TrafficWeight &o) const { return !(*this == o); }
};

// status.canary.weights: filled only when traffic routing is used (v1.1+).
struct TrafficWeights
{
    TrafficWeight canary;
    TrafficWeight stable;
    QList<TrafficWeight> additional;
    std::optional<bool> verified;

    bool operator==(const TrafficWeights &o) const
    {
        return canary == o.canary && stable == o.stable && additional == o.additional
            && verified == o.verified;
    }
    bool operator!=(const TrafficWeights &o) const { return !(*this == o); }
};

struct RolloutStatus
{
    QString phase;
    QString message;
    std::optional<qint32> currentStepIndex;
    QList<PauseCondition> pauseConditions;
    bool controllerPause = false;
    bool abort = false;
    QDateTime abortedAt;
    bool promoteFull = false;
    QDateTime restartedAt;
    QString stableRS;
    QString currentPodHash;
    QString currentStepHash;
    qint32 replicas = 0;
    qint32 updatedReplicas = 0;
    qint32 readyReplicas = 0;
    qint32 availableReplicas = 0;
    qint32 hpaReplicas = 0;
    QString selector;
    // Strings on the wire, not integers (a v0.9 controller wrote a hash here).
    QString observedGeneration;
    QString workloadObservedGeneration;
    QList<Condition> conditions;
    // status.canary
    std::optional<TrafficWeights> canaryWeights;
    std::optional<AnalysisRunStatusRef> currentStepAnalysisRunStatus;
    std::optional<AnalysisRunStatusRef> currentBackgroundAnalysisRunStatus;
    QString currentExperiment;
    QString stablePingPong; // "ping" or "pong"
    // status.blueGreen
    QString activeSelector;
    QString previewSelector;
    bool scaleUpPreviewCheckPoint = false;
    std::optional<AnalysisRunStatusRef> prePromotionAnalysisRunStatus;
    std::optional<AnalysisRunStatusRef> postPromotionAnalysisRunStatus;

    bool operator==(const RolloutStatus &o) const;
    bool operator!=(const RolloutStatus &o) const { return !(*this == o); }
};

// argoproj.io/v1alpha1 Rollout.
struct Rollout
{
    ObjectMeta metadata;
    RolloutSpec spec;
    RolloutStatus status;

    bool isCanary() const { return spec.canary.has_value(); }
    bool isBlueGreen() const { return spec.blueGreen.has_value(); }

    bool operator==(const Rollout &o) const
    {
        return metadata == o.metadata && spec == o.spec && status == o.status;
    }
    bool operator!=(const Rollout &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(PauseCondition)
Q_DECLARE_METATYPE(AnalysisRunStatusRef)
Q_DECLARE_METATYPE(RolloutStatus)
Q_DECLARE_METATYPE(Rollout)
