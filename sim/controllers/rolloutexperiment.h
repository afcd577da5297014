// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>

namespace rdsim {

class RolloutReconciler;

// The rollout side of an `experiment` canary step (Argo's rollout/experiment.go): creates the
// step's Experiment, named "<rollout>-<pod hash>-<revision>-<step index>" and owned by the
// Rollout, from the step's templates (specRef stable or canary: that ReplicaSet's pod
// template) and analyses (arguments resolved against the rollout); names the running one in
// status.canary.currentExperiment; a Failed or Error experiment aborts the rollout, an
// Inconclusive one pauses it; experiments that are no longer current are terminated. The
// Experiment itself is run by ExperimentController.
class RolloutExperiments
{
public:
    explicit RolloutExperiments(RolloutReconciler &reconciler);
    void reconcile();
    // completedCurrentCanaryStep for an experiment step: its Experiment is Successful.
    static bool stepCompleted(const RolloutReconciler &r);
    // status.canary.weights.additional: while the current step's Experiment runs, its
    // templates that have a `weight` ({weight, podTemplateHash, serviceName}).
    static QJsonArray weightDestinations(const RolloutReconciler &r);

private:
    QList<QJsonObject> ownedExperiments() const;
    QJsonObject createExperiment(const QJsonObject &step);
    QJsonObject experimentFromStep(const QJsonObject &step, QString *error) const;
    void terminate(const QJsonObject &experiment);

    RolloutReconciler &r;
};

} // namespace rdsim
