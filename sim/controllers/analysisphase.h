// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controllers/analysisexpression.h"
#include "controllers/analysistypes.h"

#include <QHash>
#include <QList>
#include <QString>

namespace rdsim {

// The phase rules of Argo Rollouts' analysis controller (analysis/analysis.go,
// utils/evaluate/evaluate.go, utils/analysis/helpers.go), as pure functions over the status.
namespace AnalysisPhase {

// Successful, Failed, Error and Inconclusive are final.
bool isCompleted(const QString &phase);
// Best to worst: Successful, Running, Pending, Inconclusive, Error, Failed.
bool isWorse(const QString &current, const QString &candidate);

// EvaluateResult: a measurement's phase from the metric's conditions. Neither condition:
// Successful. Only successCondition: its negation is the failure. Only failureCondition: its
// negation is the success. A failure match gives Failed, no match either way Inconclusive.
// An evaluation error gives Error with *error set.
QString evaluateResult(const ExpressionValue &result, const AnalysisMetricSpec &metric,
                       QString *error);

struct Assessment
{
    QString phase; // empty: no verdict
    QString message;
};

// The limit checks, later ones overriding earlier ones: failed > failureLimit (unless the
// limit is negative), inconclusive > inconclusiveLimit, consecutiveError >
// consecutiveErrorLimit, each with Argo's message, e.g. "failed (2) > failureLimit (1)".
Assessment failureInconclusiveOrError(const AnalysisMetricSpec &metric,
                                      const AnalysisMetricResult &result);

// assessMetricStatus: the phase a metric's result should have now.
QString assessMetric(const AnalysisMetricSpec &metric, const AnalysisMetricResult &result,
                     bool terminating);

// IsTerminating: spec.terminate, or any non-dry-run metric already Failed, Error or
// Inconclusive.
bool isTerminating(bool terminate, const AnalysisRunStatus &status);

// assessRunStatus: updates each metric's phase and message, the run and dry-run summaries,
// and returns the run's phase and message (`Metric "x" assessed Failed due to failed (2) >
// failureLimit (1)`, "Run Terminated", ...). The message only matters when the phase changes.
Assessment assessRun(AnalysisRunStatus &status, bool terminate,
                     const QList<AnalysisMetricSpec> &metrics, const QHash<QString, bool> &dryRun);

} // namespace AnalysisPhase

} // namespace rdsim
