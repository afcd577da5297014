// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "controllers/analysistypes.h"

#include <QHash>
#include <QJsonArray>
#include <QList>
#include <QString>

#include <optional>

namespace rdsim {

// Reading an AnalysisRun's spec the way the Argo controller does before it measures anything:
// argument substitution, validation, and the dryRun / measurementRetention rules. Every error
// text is Argo's, so the run's message reads like the real controller's.
namespace AnalysisSpec {

// Substitutes `{{args.NAME}}` in every string of every metric from spec.args (a rollout
// usually substituted them already when it created the run). An unknown tag fails with
// `failed to resolve {{args.NAME}}`. Arguments from a secret resolve to a placeholder, as in
// Argo's own argument check: the simulator does not read secrets.
std::optional<QList<AnalysisMetricSpec>> resolveMetrics(const QJsonArray &metrics,
                                                        const QJsonArray &args, QString *error);

// analysisutil.ValidateMetrics: empty when valid, else e.g.
// `metrics[0]: interval must be specified when count > 1`.
QString validateMetrics(const QList<AnalysisMetricSpec> &metrics);

// spec.dryRun: metric names matched by each rule's metricName regular expression. A rule that
// matches none fails with `dryRun[0]: Rule didn't match any metric name(s)`.
std::optional<QHash<QString, bool>>
dryRunMetrics(const QJsonArray &rules, const QList<AnalysisMetricSpec> &metrics, QString *error);

// spec.measurementRetention: the limit per matched metric name (only limits > 0 count).
std::optional<QHash<QString, int>>
retentionLimits(const QJsonArray &rules, const QList<AnalysisMetricSpec> &metrics, QString *error);

} // namespace AnalysisSpec

} // namespace rdsim
