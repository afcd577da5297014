// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllers/analysisphase.h"

#include <QStringList>

#include <algorithm>

namespace rdsim {

namespace AnalysisPhase {

bool isCompleted(const QString &phase)
{
    return phase == AnalysisPhaseName::Successful || phase == AnalysisPhaseName::Failed
        || phase == AnalysisPhaseName::Error || phase == AnalysisPhaseName::Inconclusive;
}

bool isWorse(const QString &current, const QString &candidate)
{
    static const QStringList order
        = {AnalysisPhaseName::Successful,   AnalysisPhaseName::Running, AnalysisPhaseName::Pending,
           AnalysisPhaseName::Inconclusive, AnalysisPhaseName::Error,   AnalysisPhaseName::Failed};
    // An unknown phase ranks as the best, as in Argo's index lookup.
    return std::max<qsizetype>(order.indexOf(candidate), 0)
        > std::max<qsizetype>(order.indexOf(current), 0);
}

QString evaluateResult(const ExpressionValue &result, const AnalysisMetricSpec &metric,
                       QString *error)
{
    bool success = false;
    bool failure = false;
    if (!metric.successCondition.isEmpty()) {
        const std::optional<bool> value
            = AnalysisExpression::evaluate(metric.successCondition, result, error);
        if (!value)
            return AnalysisPhaseName::Error;
        success = *value;
    }
    if (!metric.failureCondition.isEmpty()) {
        const std::optional<bool> value
            = AnalysisExpression::evaluate(metric.failureCondition, result, error);
        if (!value)
            return AnalysisPhaseName::Error;
        failure = *value;
    }
    if (metric.successCondition.isEmpty() && metric.failureCondition.isEmpty())
        return AnalysisPhaseName::Successful;
    if (metric.failureCondition.isEmpty())
        failure = !success;
    else if (metric.successCondition.isEmpty())
        success = !failure;
    if (failure)
        return AnalysisPhaseName::Failed;
    if (!success)
        return AnalysisPhaseName::Inconclusive;
    return AnalysisPhaseName::Successful;
}

Assessment failureInconclusiveOrError(const AnalysisMetricSpec &metric,
                                      const AnalysisMetricResult &result)
{
    Assessment a;
    const int failureLimit = metric.failureLimit.value_or(0);
    if (failureLimit >= 0 && result.failed > failureLimit) {
        a.phase = AnalysisPhaseName::Failed;
        a.message = QStringLiteral("failed (%1) > failureLimit (%2)")
                        .arg(result.failed)
                        .arg(failureLimit);
    }
    const int inconclusiveLimit = metric.inconclusiveLimit.value_or(0);
    if (result.inconclusive > inconclusiveLimit) {
        a.phase = AnalysisPhaseName::Inconclusive;
        a.message = QStringLiteral("inconclusive (%1) > inconclusiveLimit (%2)")
                        .arg(result.inconclusive)
                        .arg(inconclusiveLimit);
    }
    const int errorLimit = metric.consecutiveErrorLimitOrDefault();
    if (result.consecutiveError > errorLimit) {
        a.phase = AnalysisPhaseName::Error;
        a.message = QStringLiteral("consecutiveErrors (%1) > consecutiveErrorLimit (%2)")
                        .arg(result.consecutiveError)
                        .arg(errorLimit);
    }
    return a;
}

QString assessMetric(const AnalysisMetricSpec &metric, const AnalysisMetricResult &result,
                     bool terminating)
{
    if (isCompleted(result.phase))
        return result.phase;
    if (result.measurements.isEmpty())
        return terminating ? AnalysisPhaseName::Successful : AnalysisPhaseName::Pending;
    if (!isCompleted(result.measurements.last().phase))
        return AnalysisPhaseName::Running;
    const Assessment limits = failureInconclusiveOrError(metric, result);
    if (!limits.phase.isEmpty())
        return limits.phase;
    const int successLimit = metric.consecutiveSuccessLimit.value_or(0);
    if (successLimit > 0 && result.consecutiveSuccess >= successLimit)
        return AnalysisPhaseName::Successful;
    const std::optional<int> effectiveCount = metric.effectiveCount();
    if (effectiveCount && result.count >= *effectiveCount) {
        // The count ran out without either limit deciding.
        const bool failureApplicable = metric.failureLimit.value_or(0) >= 0;
        const bool successApplicable = successLimit > 0;
        if (failureApplicable && successApplicable)
            return AnalysisPhaseName::Inconclusive;
        if (successApplicable)
            return AnalysisPhaseName::Failed;
        return AnalysisPhaseName::Successful;
    }
    return terminating ? AnalysisPhaseName::Successful : AnalysisPhaseName::Running;
}

bool isTerminating(bool terminate, const AnalysisRunStatus &status)
{
    if (terminate)
        return true;
    for (const AnalysisMetricResult &result : status.metricResults) {
        if (result.dryRun)
            continue;
        if (result.phase == AnalysisPhaseName::Failed || result.phase == AnalysisPhaseName::Error
            || result.phase == AnalysisPhaseName::Inconclusive) {
            return true;
        }
    }
    return false;
}

Assessment assessRun(AnalysisRunStatus &status, bool terminate,
                     const QList<AnalysisMetricSpec> &metrics, const QHash<QString, bool> &dryRun)
{
    const bool terminating = isTerminating(terminate, status);
    QString worstPhase;
    QString worstMessage = terminate ? QStringLiteral("Run Terminated") : QString();
    bool everythingCompleted = true;
    AnalysisRunSummary runSummary;
    AnalysisRunSummary dryRunSummary;

    for (const AnalysisMetricSpec &metric : metrics) {
        const bool isDryRun = dryRun.value(metric.name);
        ++(isDryRun ? dryRunSummary : runSummary).count;
        AnalysisMetricResult *result = status.result(metric.name);
        if (!result) {
            everythingCompleted = false; // not started yet, e.g. waiting out an initialDelay
            continue;
        }
        const QString phase = assessMetric(metric, *result, terminating);
        if (result->phase != phase) {
            if (!result->measurements.isEmpty())
                result->message = result->measurements.last().message;
            result->phase = phase;
        }
        if (!isCompleted(phase)) {
            everythingCompleted = false;
            continue;
        }
        const Assessment limits = failureInconclusiveOrError(metric, *result);
        if (isDryRun) {
            // A dry-run metric never decides the run; its verdict only lands in its message.
            if (worstPhase.isEmpty())
                worstPhase = AnalysisPhaseName::Successful;
            if (!limits.message.isEmpty()) {
                result->message
                    = QStringLiteral("Metric assessed %1 due to %2").arg(phase, limits.message);
            }
            dryRunSummary.add(limits.phase);
            continue;
        }
        if (worstPhase.isEmpty() || isWorse(worstPhase, phase)) {
            worstPhase = phase;
            if (!limits.message.isEmpty()) {
                worstMessage = QStringLiteral("Metric \"%1\" assessed %2 due to %3")
                                   .arg(metric.name, phase, limits.message);
                if (!result->message.isEmpty())
                    worstMessage += QStringLiteral(": \"Error Message: %1\"").arg(result->message);
            }
        }
        runSummary.add(limits.phase);
    }
    status.runSummary = runSummary;
    status.dryRunSummary = dryRunSummary;
    worstMessage = worstMessage.trimmed();
    if (terminating)
        return {worstPhase.isEmpty() ? AnalysisPhaseName::Successful : worstPhase, worstMessage};
    if (!everythingCompleted || worstPhase.isEmpty())
        return {AnalysisPhaseName::Running, QString()};
    return {worstPhase, worstMessage};
}

} // namespace AnalysisPhase

} // namespace rdsim
