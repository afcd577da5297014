// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace rdsim {

// The AnalysisRun pieces the analysis controller reads and writes, mirroring
// pkg/apis/rollouts/v1alpha1/analysis_types.go. toJson() follows the Go struct tags: fields
// tagged omitempty (zero counters, empty strings) are left out, `runSummary` always appears.

namespace AnalysisPhaseName {
inline const QString Pending = QStringLiteral("Pending");
inline const QString Running = QStringLiteral("Running");
inline const QString Successful = QStringLiteral("Successful");
inline const QString Failed = QStringLiteral("Failed");
inline const QString Error = QStringLiteral("Error");
inline const QString Inconclusive = QStringLiteral("Inconclusive");
} // namespace AnalysisPhaseName

struct AnalysisMeasurement
{
    QString phase;
    QString message;
    QString startedAt;
    QString finishedAt;
    QString value;
    QJsonObject other; // metadata, resumeAt: kept as they came

    static AnalysisMeasurement fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

struct AnalysisMetricResult
{
    QString name;
    QString phase;
    QString message;
    QList<AnalysisMeasurement> measurements;
    int count = 0;
    int successful = 0;
    int failed = 0;
    int inconclusive = 0;
    int error = 0;
    int consecutiveError = 0;
    int consecutiveSuccess = 0;
    bool dryRun = false;
    QJsonObject metadata;

    static AnalysisMetricResult fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
};

struct AnalysisRunSummary
{
    int count = 0;
    int successful = 0;
    int failed = 0;
    int inconclusive = 0;
    int error = 0;

    void add(const QString &phase); // counts a completed metric under its phase
    QJsonObject toJson() const;
};

struct AnalysisRunStatus
{
    QString phase;
    QString message;
    QString startedAt;
    QString completedAt;
    QList<AnalysisMetricResult> metricResults;
    AnalysisRunSummary runSummary;
    std::optional<AnalysisRunSummary> dryRunSummary;
    QJsonObject other; // fields this controller does not own

    static AnalysisRunStatus fromJson(const QJsonObject &json);
    QJsonObject toJson() const;
    AnalysisMetricResult *result(const QString &metricName);
    const AnalysisMetricResult *result(const QString &metricName) const;
};

// One entry of spec.metrics after argument substitution.
struct AnalysisMetricSpec
{
    QString name;
    QString interval;
    QString initialDelay;
    std::optional<int> count; // IntOrString; unset when absent
    std::optional<int> failureLimit;
    std::optional<int> inconclusiveLimit;
    std::optional<int> consecutiveErrorLimit;
    std::optional<int> consecutiveSuccessLimit;
    QString successCondition;
    QString failureCondition;
    QJsonObject provider;

    static AnalysisMetricSpec fromJson(const QJsonObject &json);
    // Metric.EffectiveCount: count when set and non-zero; else 1 without an interval, and
    // unlimited (nullopt) with one.
    std::optional<int> effectiveCount() const;
    int consecutiveErrorLimitOrDefault() const { return consecutiveErrorLimit.value_or(4); }
    // The provider's key ("prometheus", "web", ...); several keys joined with ", ".
    QString providerName() const;
};

namespace GoDuration {
// time.ParseDuration: "30s", "1m", "1h30m", "1.5h", "250ms", "-2s". Returns milliseconds
// (rounded), or nullopt with Go's own error text, e.g. `time: unknown unit "x" in duration
// "30x"`.
std::optional<qint64> parseMs(const QString &text, QString *error);
} // namespace GoDuration

} // namespace rdsim
