// SPDX-License-Identifier: GPL-3.0-or-later
#include "gateevaluator.h"

#include "analysisgates.h"
#include "chartvariables.h"
#include "gatejudge.h"
#include "prometheusclient.h"

GateTarget GateTarget::of(const Rollout &rollout)
{
    return {rollout.status.currentPodHash, rollout.status.stableRS};
}

GateResult GateEvaluator::configGate(const GateSpec &spec, const RolloutDetail &detail,
                                     const GateTarget &target, qint64 atMs,
                                     const CancelToken &cancel)
{
    if (!target.hasCanary())
        return GateJudge::unjudged(spec, GateOutcome::Inconclusive,
                                   tr("no canary to judge: one revision runs"), atMs);
    if (!m_client)
        return GateJudge::unjudged(
            spec, GateOutcome::Error,
            tr("metrics are turned off for environment %1").arg(detail.environment), atMs);
    GateQueries queries;
    QString error;
    if (!GateJudge::queries(spec, ChartVariables::forRollout(detail), target.canaryHash,
                            target.stableHash, &queries, &error))
        return GateJudge::unjudged(spec, GateOutcome::Error, error, atMs);
    const qint64 startMs = atMs - spec.windowMs;
    const PromQueryResult canary
        = m_client->queryRange(queries.canary, startMs, atMs, spec.stepMs, cancel);
    if (!spec.isRelative() || !canary.isOk())
        return GateJudge::judge(spec, queries, canary, nullptr, atMs);
    const PromQueryResult stable
        = m_client->queryRange(queries.stable, startMs, atMs, spec.stepMs, cancel);
    return GateJudge::judge(spec, queries, canary, &stable, atMs);
}

GateReport GateEvaluator::evaluate(const QList<GateSpec> &gates, const RolloutDetail &detail,
                                   const GateTarget &target, qint64 atMs, const CancelToken &cancel)
{
    GateReport report;
    report.environment = detail.environment;
    report.namespaceName = detail.rollout.metadata.namespaceName;
    report.rollout = detail.rollout.metadata.name;
    report.canaryHash = target.hasCanary() ? target.canaryHash : QString();
    report.stableHash = target.stableHash;
    report.evaluatedAtMs = atMs;
    for (const GateSpec &spec : gates) {
        if (cancel.isCancelled())
            break;
        report.gates.append(configGate(spec, detail, target, atMs, cancel));
    }
    report.gates += AnalysisGates::judge(detail.analysisRuns, report.canaryHash,
                                         QDateTime::fromMSecsSinceEpoch(atMs, Qt::UTC));
    return report;
}
