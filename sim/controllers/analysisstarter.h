// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace rdsim {

class RolloutReconciler;
struct CurrentRuns;

// The rollout side of analysis (Argo's rollout/analysis.go): creates the AnalysisRuns a
// rollout needs (a step's, the background run, blue-green pre- and post-promotion) from their
// AnalysisTemplates with the arguments resolved, terminates runs that are no longer current,
// prunes old ones, and turns a run's outcome into a pause (Inconclusive) or an abort (Failed,
// Error). The runs themselves are measured by AnalysisController.
class AnalysisStarter
{
public:
    explicit AnalysisStarter(RolloutReconciler &reconciler);

    // Sorts the rollout's runs into the current ones (named in its status) and the others.
    static void classify(RolloutReconciler &r);
    static bool skipPrePromotion(const RolloutReconciler &r);
    static bool skipPostPromotion(const RolloutReconciler &r);
    static bool isCompleted(const QString &phase);

    void reconcile();
    // One of a step's `args` with its valueFrom (podTemplateHashValue, fieldRef) resolved as
    // the rollout controller does: {name, value}, or {name, valueFrom} for a secret reference.
    QJsonObject resolvedArg(const QJsonObject &given) const;

private:
    QJsonObject reconcileStep();
    QJsonObject reconcileBackground();
    QJsonObject reconcilePromotion(const char *key, const QString &infix, const QString &type,
                                   bool skip);
    void setPauseOrAbort(const QJsonObject &run);
    bool needsNewRun(const QJsonObject &current) const;
    QJsonObject createRun(const QJsonObject &analysis, const QString &infix, QJsonObject labels);
    QJsonObject buildRun(const QJsonObject &analysis, const QString &name,
                         const QJsonObject &labels, QString *error) const;
    QString resolveFieldPath(const QString &path) const;
    void cancel(const QJsonObject &run);
    void deleteOldRuns(const QList<QJsonObject> &others);
    void emitStatusChanges(const CurrentRuns &runs);

    RolloutReconciler &r;
};

} // namespace rdsim
