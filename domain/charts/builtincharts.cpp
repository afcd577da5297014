// SPDX-License-Identifier: GPL-3.0-or-later
#include "builtincharts.h"

#include <QCoreApplication>

namespace BuiltinCharts {

namespace {

// title: marked with QT_TRANSLATE_NOOP, translated here.
ChartSpec chart(const char *id, const char *title, const char *query, ChartUnit unit)
{
    ChartSpec spec;
    spec.id = QStringLiteral("builtin/") + QLatin1String(id);
    spec.title = QCoreApplication::translate("BuiltinCharts", title);
    spec.query = QLatin1String(query);
    spec.unit = unit;
    spec.splitByRole = true;
    spec.origin = ChartSpec::Origin::Builtin;
    return spec;
}

} // namespace

QList<ChartSpec> defaults()
{
    QList<ChartSpec> charts;
    charts.append(chart("request-rate", QT_TRANSLATE_NOOP("BuiltinCharts", "Request rate"),
                        "sum(rate(http_requests_total{namespace=\"{{namespace}}\","
                        "pod=~\"{{pod_regex}}\"}[2m]))",
                        ChartUnit::RequestsPerSecond));
    charts.append(chart("error-ratio", QT_TRANSLATE_NOOP("BuiltinCharts", "Error ratio (5xx)"),
                        "sum(rate(http_requests_total{namespace=\"{{namespace}}\","
                        "pod=~\"{{pod_regex}}\",code=~\"5..\"}[2m])) / "
                        "sum(rate(http_requests_total{namespace=\"{{namespace}}\","
                        "pod=~\"{{pod_regex}}\"}[2m]))",
                        ChartUnit::Ratio));
    charts.append(chart("latency-p99", QT_TRANSLATE_NOOP("BuiltinCharts", "Latency p99"),
                        "histogram_quantile(0.99, sum by (le) "
                        "(rate(http_request_duration_seconds_bucket{namespace=\"{{namespace}}\","
                        "pod=~\"{{pod_regex}}\"}[2m])))",
                        ChartUnit::Seconds));
    // Per pod: the canary has fewer pods than the stable, so totals would not compare.
    charts.append(chart("cpu", QT_TRANSLATE_NOOP("BuiltinCharts", "CPU per pod"),
                        "avg(sum by (pod) (rate(container_cpu_usage_seconds_total{"
                        "namespace=\"{{namespace}}\",pod=~\"{{pod_regex}}\",container!=\"\","
                        "container!=\"POD\"}[2m])))",
                        ChartUnit::Cores));
    charts.append(chart("memory", QT_TRANSLATE_NOOP("BuiltinCharts", "Memory per pod"),
                        "avg(sum by (pod) (container_memory_working_set_bytes{"
                        "namespace=\"{{namespace}}\",pod=~\"{{pod_regex}}\",container!=\"\","
                        "container!=\"POD\"}))",
                        ChartUnit::Bytes));
    charts.append(chart("restarts", QT_TRANSLATE_NOOP("BuiltinCharts", "Container restarts"),
                        "sum(kube_pod_container_status_restarts_total{"
                        "namespace=\"{{namespace}}\",pod=~\"{{pod_regex}}\"})",
                        ChartUnit::None));
    for (ChartSpec &spec : charts)
        spec.description = QCoreApplication::translate("BuiltinCharts",
                                                       "Built-in chart (no charts are configured)");
    return charts;
}

} // namespace BuiltinCharts
