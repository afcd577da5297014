// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "analysisrun.h"
#include "analysisrunsmodel.h"
#include "detailrow.h"

#include <QList>
#include <QString>

// What AnalysisRunsModel lists about a metric's definition and a measurement's judgement,
// worded by MetricDescription: kept apart from the model's tree building.
namespace AnalysisMetricRows {

// The metric as the controller measures it: {{args.NAME}} in the provider's address, query,
// URL, command, named queries and settings, the conditions, the durations and string limits
// replaced from the run's spec.args (the run keeps the template's text); an argument from a secret
// stays a reference.
AnalysisMetric resolved(const AnalysisMetric &metric, const QList<AnalysisArg> &args);

// The key of a definition row below its metric (no metric name starts with "#").
QString definitionKey(AnalysisRunsModel::Definition part);

// The definition rows of a resolved metric, in AnalysisRunsModel::Definition's order (no
// Request row for a provider without a query or URL), each a label and value spanning the
// columns; `written` is the metric as the run holds it, for the query's tooltip.
void appendDefinition(AnalysisRunsModel::Node *metricNode, const AnalysisMetric &metric,
                      const AnalysisMetric &written);

// A measurement's "judged by" cell: the rule that decided it (an Error's message), any other
// message after it; the tooltip says it as a sentence. definition may be null.
DetailCell judgedCell(const Measurement &measurement, const AnalysisMetric *definition);

} // namespace AnalysisMetricRows
