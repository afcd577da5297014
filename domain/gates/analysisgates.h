// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysisrun.h"
#include "gateresult.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QString>

// The Argo Rollouts AnalysisRuns of a rollout as gates, beside the config's: one result per
// metric of every run that analyses the canary's revision (step, background, pre- and
// post-promotion), dry-run metrics left out as the controller leaves them out of its verdict.
//
// A completed metric keeps the controller's phase (Successful is Pass). A running metric
// passes while its measurements so far stay within failureLimit and inconclusiveLimit, and is
// Inconclusive before its first measurement. At a past instant only the measurements finished
// by then count, judged by the same limits (the controller's order, analysis.go).
class AnalysisGates
{
    Q_DECLARE_TR_FUNCTIONS(AnalysisGates)

public:
    // runs: the rollout's, any order; canaryHash: the revision judged (empty: none).
    static QList<GateResult> judge(const QList<AnalysisRun> &runs, const QString &canaryHash,
                                   const QDateTime &at);
};
