// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartspec.h"
#include "rolloutspec.h"

#include <QList>
#include <QString>

struct RolloutDetail;

// The charts a rollout's own quality gates imply: one per Prometheus metric of its
// AnalysisRuns, with the query the controller ran, the thresholds of its success and failure
// conditions and the measurements as pass/fail/inconclusive points.
namespace AnalysisCharts {

// Charts for the runs of the revision being rolled out (status.currentPodHash); when it has
// no runs, for the revision of the newest run. One chart per metric name (the newest run's
// query and conditions), measurements from all of that revision's runs, in time order.
// The query is the run's with its {{args.x}} replaced from the run's spec.args, as the
// controller does at each measurement (the run keeps the template's text). When the query
// then names the canary's pod-template hash and the rollout has a different stable one, the
// chart is split by role: the same query for the stable pods is drawn beside it. An argument
// from a secret stays a reference, which the chart reports as an unknown variable.
QList<ChartSpec> fromDetail(const RolloutDetail &detail);

// Why some of those runs' metrics have no chart, one translated line per provider in the
// order the runs name them ("Datadog metrics are not charted: the dashboard reads Prometheus
// only; the analysis lists their measurements."); empty when every metric is charted.
QString unchartedNotice(const RolloutDetail &detail);

// {{args.NAME}} (spaces allowed inside the braces) replaced by each argument's value;
// arguments without a value (valueFrom a secret) are left as they are.
QString resolveArgs(const QString &text, const QList<AnalysisArg> &args);

// The comparisons of `result` (or result[0], asFloat(result), ...) with a number in an
// expr-language condition, e.g. "result[0] <= 0.05", "result < 0.5",
// "len(result) > 0 && result[0] >= 0.95" (one threshold, len() is not the value),
// "0.95 <= result[0]". Equality tests and anything else are not thresholds.
QList<ChartThreshold> thresholds(const QString &condition, ChartThreshold::Source source);

// A measurement's value: "[0.97]", "[0.97, 0.5]" (the first), "0.99", "NaN"; NaN when it is
// not a number ("ok", "[]").
double measurementValue(const QString &text);
// A measurement's phase as the controller names it ("Successful", "Failed", ...); anything
// else is still running.
ChartMeasurement::Phase measurementPhase(const QString &phase);

// The unit a metric's values probably have, from its name and query: bytes, CPU cores,
// latency seconds or milliseconds, an error or success ratio, a request rate, else none.
ChartUnit guessUnit(const QString &metricName, const QString &query);

} // namespace AnalysisCharts
