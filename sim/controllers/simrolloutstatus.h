// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace rdsim {

// One entry of status.conditions: {type, status, lastUpdateTime, lastTransitionTime, reason,
// message}.
struct RolloutCondition
{
    QString type;
    QString status;
    QString lastUpdateTime;
    QString lastTransitionTime;
    QString reason;
    QString message;

    bool operator==(const RolloutCondition &other) const;
};

struct PauseCondition
{
    QString reason; // CanaryPauseStep, BlueGreenPause, InconclusiveAnalysisRun, ...
    QString startTime;
};

// status.canary.currentStepAnalysisRunStatus and friends: {name, status, message}.
struct AnalysisRunRef
{
    QString name;
    QString status;
    QString message;
};

// The Argo Rollouts RolloutStatus as the controller works with it. Fields the simulated
// controller does not manage (alb, ...) are kept from the object it
// was read from, so writing it back never drops them.
struct RolloutStatus
{
    QJsonObject original;

    bool abort = false;
    QString abortedAt;
    QList<PauseCondition> pauseConditions;
    bool controllerPause = false;
    QString currentPodHash;
    QString currentStepHash;
    int replicas = 0;
    int updatedReplicas = 0;
    int readyReplicas = 0;
    int availableReplicas = 0;
    int hpaReplicas = 0;
    std::optional<int> currentStepIndex;
    std::optional<int> collisionCount;
    QString observedGeneration;
    QList<RolloutCondition> conditions;
    std::optional<AnalysisRunRef> stepAnalysis;
    std::optional<AnalysisRunRef> backgroundAnalysis;
    std::optional<AnalysisRunRef> prePromotionAnalysis;
    std::optional<AnalysisRunRef> postPromotionAnalysis;
    QJsonObject weights; // status.canary.weights; empty when traffic routing is unused
    QString currentExperiment; // status.canary.currentExperiment: the step's running Experiment
    QString activeSelector;
    QString previewSelector;
    bool scaleUpPreviewCheckPoint = false;
    QString selector;
    QString stableRS;
    QString restartedAt;
    bool promoteFull = false;
    QString phase;
    QString message;
    QString workloadObservedGeneration;

    static RolloutStatus fromJson(const QJsonObject &status);
    QJsonObject toJson() const;

    const RolloutCondition *condition(const QString &type) const;
    // Argo's SetRolloutCondition: no change when type, status and reason match; keeps
    // lastTransitionTime while status is unchanged; otherwise replaces and appends. Returns
    // whether anything changed.
    bool setCondition(RolloutCondition condition);
    void removeCondition(const QString &type);
    const PauseCondition *pauseCondition(const QString &reason) const;

    static RolloutCondition makeCondition(const QString &type, const QString &status,
                                          const QString &reason, const QString &message,
                                          const QString &now);
};

} // namespace rdsim
