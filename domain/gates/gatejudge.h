// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gateresult.h"
#include "gatespec.h"
#include "promresult.h"

#include <QCoreApplication>
#include <QString>

class ChartVariables;

// A config gate's two range queries: the canary's pods, and for relative gates the stable's.
struct GateQueries
{
    QString canary;
    QString stable; // empty unless the gate is relative
};

// Judges config gates from what Prometheus answered; pure, so the window, the command line
// and the tests judge alike.
//
// The window is [at - window, at] at the gate's step. A point has a value unless it is NaN
// (0/0 when there was no traffic); the value is the mean of those points, the worst point is
// reported beside it, and fewer points than the gate requires (GateSpec::requiredSamples) is
// Inconclusive: never Pass on missing data. A query must come back as one series (aggregate
// it with sum or avg); several are an Error, as is any Prometheus error, whose message is
// kept. Relative bounds compare the means: maxIncrease 10 % fails a canary above
// stable + 10 % of |stable|.
class GateJudge
{
    Q_DECLARE_TR_FUNCTIONS(GateJudge)

public:
    // The queries with the rollout's variables and each role's (hash, pod_regex, role).
    // False with *error when a variable cannot be filled in.
    static bool queries(const GateSpec &spec, const ChartVariables &variables,
                        const QString &canaryHash, const QString &stableHash, GateQueries *out,
                        QString *error);
    // stable: null unless the gate is relative.
    static GateResult judge(const GateSpec &spec, const GateQueries &queries,
                            const PromQueryResult &canary, const PromQueryResult *stable,
                            qint64 atMs);
    // A gate that could not be queried (no canary: Inconclusive; a variable: Error).
    static GateResult unjudged(const GateSpec &spec, GateOutcome outcome, const QString &message,
                               qint64 atMs);
    // "max 0.02, min 0.9, stable + 10 %": the gate's bounds as one text.
    static QString boundText(const GateSpec &spec);
    // A value as the results show it: four significant digits.
    static QString number(double value);
};
