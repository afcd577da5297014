// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A realistic gate report for the gates' model and view tests and the panel's screenshot:
// checkout's canary in prod judged by three config gates (a relative success rate that
// fails, an error ratio and a latency that pass) and one AnalysisRun metric without a
// measurement yet. The texts are those GateJudge and AnalysisGates write.

#include "gateresult.h"

#include <QDateTime>

namespace GateReportFixture {

inline const QString canaryHash = QStringLiteral("6b59bdffd9");
inline const QString stableHash = QStringLiteral("5d8c7b7c4f");

inline qint64 evaluatedAtMs()
{
    return QDateTime::fromString(QStringLiteral("2024-05-02T14:03:12Z"), Qt::ISODate)
        .toMSecsSinceEpoch();
}

inline QString ordersQuery(const QString &hash, bool ok)
{
    return QStringLiteral("sum(rate(orders_total{namespace=\"shop\",pod=~\"checkout-%1-.*\"%2}"
                          "[1m]))")
        .arg(hash, ok ? QStringLiteral(",status=\"ok\"") : QString());
}

inline GateResult configGate(const QString &name, GateOutcome outcome, double value, double worst,
                             const QString &bound, qint64 windowMs, int samples,
                             const QString &query, const QString &message)
{
    GateResult gate;
    gate.name = name;
    gate.source = GateResult::Source::Config;
    gate.outcome = outcome;
    gate.value = value;
    gate.worstValue = worst;
    gate.bound = bound;
    gate.windowMs = windowMs;
    gate.stepMs = 15 * 1000;
    gate.samples = samples;
    gate.query = query;
    gate.message = message;
    gate.evaluatedAtMs = evaluatedAtMs();
    return gate;
}

inline GateResult successRate()
{
    GateResult gate = configGate(
        QStringLiteral("order success rate"), GateOutcome::Fail, 0.941, 0.912,
        QStringLiteral("min 0.97, stable \u2212 2 %"), 10 * 60 * 1000, 40,
        ordersQuery(canaryHash, true) + QStringLiteral(" / ") + ordersQuery(canaryHash, false),
        QStringLiteral("canary 0.941 is below the minimum 0.97"));
    gate.stableValue = 0.995;
    gate.stableSamples = 41;
    gate.stableQuery
        = ordersQuery(stableHash, true) + QStringLiteral(" / ") + ordersQuery(stableHash, false);
    return gate;
}

inline GateResult errorRatio()
{
    return configGate(
        QStringLiteral("error ratio"), GateOutcome::Pass, 0.004, 0.009, QStringLiteral("max 0.02"),
        10 * 60 * 1000, 41,
        QStringLiteral("sum(rate(http_requests_total{namespace=\"shop\",pod=~\"checkout-%1-.*\","
                       "code=~\"5..\"}[1m])) / sum(rate(http_requests_total{namespace=\"shop\","
                       "pod=~\"checkout-%1-.*\"}[1m]))")
            .arg(canaryHash),
        QStringLiteral("canary 0.004 is within max 0.02 (mean of 41 points over 10m)"));
}

inline GateResult latency()
{
    return configGate(
        QStringLiteral("latency p99"), GateOutcome::Pass, 0.212, 0.287, QStringLiteral("max 0.5"),
        5 * 60 * 1000, 21,
        QStringLiteral("histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_"
                       "bucket{namespace=\"shop\",pod=~\"checkout-%1-.*\"}[1m])))")
            .arg(canaryHash),
        QStringLiteral("canary 0.212 is within max 0.5 (mean of 21 points over 5m)"));
}

inline GateResult analysisMetric()
{
    GateResult gate;
    gate.name = QStringLiteral("checkout-%1-3/success-rate").arg(canaryHash);
    gate.source = GateResult::Source::Analysis;
    gate.outcome = GateOutcome::Inconclusive;
    gate.bound = QStringLiteral("success: result[0] >= 0.95");
    gate.query = QStringLiteral("sum(rate(orders_total{status=\"ok\"}[5m])) / "
                                "sum(rate(orders_total[5m]))");
    gate.message = QStringLiteral("no measurement yet");
    gate.evaluatedAtMs = evaluatedAtMs();
    return gate;
}

inline GateReport report(const QList<GateResult> &gates)
{
    GateReport report;
    report.environment = QStringLiteral("prod");
    report.namespaceName = QStringLiteral("shop");
    report.rollout = QStringLiteral("checkout");
    report.canaryHash = canaryHash;
    report.stableHash = stableHash;
    report.evaluatedAtMs = evaluatedAtMs();
    report.gates = gates;
    return report;
}

// The four gates: FAIL, 1 of 4 failed, 1 inconclusive.
inline GateReport realistic()
{
    return report({successRate(), errorRatio(), latency(), analysisMetric()});
}

} // namespace GateReportFixture
