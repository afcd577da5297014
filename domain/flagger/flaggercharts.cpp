// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggercharts.h"

#include "analysischarts.h"
#include "chartvariables.h"
#include "flaggerquerytemplate.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace {

// The workload in a chart's query, bound per role by the metrics pipeline.
const QString workloadPlaceholder = QStringLiteral("{{hash}}");
const QString successRate = QStringLiteral("request-success-rate");
const QString duration = QStringLiteral("request-duration");

// The PromQL of Flagger's observers (pkg/metrics/observers), on one line each, with the
// same template functions.
struct BuiltinQueries
{
    const char *provider;
    const char *successRate;
    const char *duration;
    ChartUnit durationUnit;
};

const BuiltinQueries builtinQueries[] = {
    {"istio",
     "sum(rate(istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"{{ "
     "namespace }}\",destination_workload=~\"{{ target }}\",response_code!~\"5.*\"}[{{ interval "
     "}}]))"
     " / "
     "sum(rate(istio_requests_total{reporter=\"destination\",destination_workload_namespace=\"{{ "
     "namespace }}\",destination_workload=~\"{{ target }}\"}[{{ interval }}])) * 100",
     "histogram_quantile(0.99, "
     "sum(rate(istio_request_duration_milliseconds_bucket{reporter=\"destination\",destination_"
     "workload_namespace=\"{{ namespace }}\",destination_workload=~\"{{ target }}\"}[{{ interval "
     "}}])) by (le))",
     ChartUnit::Milliseconds},
    {"linkerd",
     "sum(rate(response_total{namespace=\"{{ namespace }}\",deployment=~\"{{ target "
     "}}\",classification!=\"failure\",direction=\"inbound\"}[{{ interval }}]))"
     " / sum(rate(response_total{namespace=\"{{ namespace }}\",deployment=~\"{{ target "
     "}}\",direction=\"inbound\"}[{{ interval }}])) * 100",
     "histogram_quantile(0.99, sum(rate(response_latency_ms_bucket{namespace=\"{{ namespace "
     "}}\",deployment=~\"{{ target }}\",direction=\"inbound\"}[{{ interval }}])) by (le))",
     ChartUnit::Milliseconds},
    {"kubernetes",
     "sum(rate(http_request_duration_seconds_count{kubernetes_namespace=\"{{ namespace "
     "}}\",kubernetes_pod_name=~\"{{ target }}-[0-9a-zA-Z]+(-[0-9a-zA-Z]+)\",status!~\"5.*\"}[{{ "
     "interval }}]))"
     " / sum(rate(http_request_duration_seconds_count{kubernetes_namespace=\"{{ namespace "
     "}}\",kubernetes_pod_name=~\"{{ target }}-[0-9a-zA-Z]+(-[0-9a-zA-Z]+)\"}[{{ interval }}])) * "
     "100",
     "histogram_quantile(0.99, "
     "sum(rate(http_request_duration_seconds_bucket{kubernetes_namespace=\"{{ namespace "
     "}}\",kubernetes_pod_name=~\"{{ target }}-[0-9a-zA-Z]+(-[0-9a-zA-Z]+)\"}[{{ interval }}])) by "
     "(le))",
     ChartUnit::Seconds},
};

const BuiltinQueries *builtinFor(const QString &provider)
{
    for (const BuiltinQueries &queries : builtinQueries) {
        if (provider == QLatin1String(queries.provider))
            return &queries;
    }
    return nullptr;
}

FlaggerQueryModel modelFor(const FlaggerCanary &canary, const FlaggerMetric &metric)
{
    FlaggerQueryModel model;
    model.name = canary.metadata.name;
    model.namespaceName = canary.metadata.namespaceName;
    // Bound per role later: the rendered query names the workload as {{hash}}.
    model.target = workloadPlaceholder;
    model.service
        = canary.spec.serviceName.isEmpty() ? canary.spec.targetRef.name : canary.spec.serviceName;
    model.ingress = canary.spec.targetRef.name;
    model.route = canary.spec.targetRef.name;
    model.interval = metric.interval.isEmpty() ? QStringLiteral("1m") : metric.interval;
    model.variables = metric.templateVariables;
    return model;
}

ChartThreshold threshold(double value, bool minimum, const QString &text)
{
    ChartThreshold line;
    line.value = value;
    line.comparison = minimum ? ChartThreshold::Comparison::GreaterOrEqual
                              : ChartThreshold::Comparison::LessOrEqual;
    line.source = ChartThreshold::Source::SuccessCondition;
    line.text = text;
    return line;
}

// thresholdRange's min and max; without one, the deprecated threshold (a minimum for the
// success rate, else a maximum, as Flagger judges it). `scale` turns milliseconds into the
// chart's seconds.
QList<ChartThreshold> thresholdsOf(const FlaggerMetric &metric, double scale = 1)
{
    QList<ChartThreshold> lines;
    if (metric.thresholdMin)
        lines.append(threshold(*metric.thresholdMin * scale, true,
                               QStringLiteral("thresholdRange.min: %1").arg(*metric.thresholdMin)));
    if (metric.thresholdMax)
        lines.append(threshold(*metric.thresholdMax * scale, false,
                               QStringLiteral("thresholdRange.max: %1").arg(*metric.thresholdMax)));
    if (lines.isEmpty() && metric.threshold)
        lines.append(threshold(*metric.threshold * scale, metric.name == successRate,
                               QStringLiteral("threshold: %1").arg(*metric.threshold)));
    return lines;
}

const FlaggerMetricTemplate *findTemplate(const FlaggerCanary &canary, const FlaggerMetric &metric,
                                          const QList<FlaggerMetricTemplate> &templates)
{
    const QString ns = metric.templateRef.namespaceName.isEmpty()
        ? canary.metadata.namespaceName
        : metric.templateRef.namespaceName;
    for (const FlaggerMetricTemplate &t : templates) {
        if (t.name() == metric.templateRef.name && t.namespaceName() == ns)
            return &t;
    }
    return nullptr;
}

// A template's unit as the analysis charts guess it; milliseconds divided by 1000 at the end
// of the query (a common way to compare with a threshold in seconds) are seconds.
ChartUnit unitOf(const QString &name, const QString &query)
{
    static const QRegularExpression perThousand(QStringLiteral("/\\s*1000\\s*$"));
    const ChartUnit unit = AnalysisCharts::guessUnit(name, query);
    if (unit == ChartUnit::Milliseconds && perThousand.match(query).hasMatch())
        return ChartUnit::Seconds;
    return unit;
}

struct Source
{
    QString query; // a Go template
    ChartUnit unit = ChartUnit::None;
    double thresholdScale = 1;
    QString description;
};

// Where a metric's query comes from, or a reason in *why.
std::optional<Source> sourceOf(const FlaggerCanary &canary, const FlaggerMetric &metric,
                               const QList<FlaggerMetricTemplate> &templates,
                               const QStringList &unreadable, QString *why)
{
    const QString provider = canary.spec.provider;
    if (!metric.templateRef.name.isEmpty()) {
        const FlaggerMetricTemplate *t = findTemplate(canary, metric, templates);
        const QString ns = metric.templateRef.namespaceName.isEmpty()
            ? canary.metadata.namespaceName
            : metric.templateRef.namespaceName;
        if (!t && unreadable.contains(ns + u'/' + metric.templateRef.name)) {
            *why = QCoreApplication::translate("FlaggerCharts",
                                               "%1: the MetricTemplate %2/%3 could not be read.")
                       .arg(metric.name, ns, metric.templateRef.name);
            return std::nullopt;
        }
        if (!t) {
            *why = QCoreApplication::translate("FlaggerCharts",
                                               "%1: the MetricTemplate %2/%3 was not found.")
                       .arg(metric.name, ns, metric.templateRef.name);
            return std::nullopt;
        }
        if (t->providerType != QLatin1String("prometheus")) {
            *why = QCoreApplication::translate(
                       "FlaggerCharts",
                       "%1: the MetricTemplate %2/%3 asks %4, and the dashboard reads "
                       "Prometheus only.")
                       .arg(metric.name, ns, t->name(), t->providerType);
            return std::nullopt;
        }
        return Source {
            t->query, unitOf(metric.name, t->query), 1,
            QCoreApplication::translate("FlaggerCharts", "Flagger's MetricTemplate %1/%2")
                .arg(ns, t->name())};
    }
    if (metric.name == successRate || metric.name == duration) {
        const BuiltinQueries *builtin = builtinFor(provider);
        if (!builtin) {
            *why = provider.isEmpty()
                ? QCoreApplication::translate(
                      "FlaggerCharts",
                      "%1: the canary names no provider, so its query is the one of "
                      "Flagger's mesh provider setting, which the dashboard cannot see.")
                      .arg(metric.name)
                : QCoreApplication::translate(
                      "FlaggerCharts",
                      "%1: the dashboard does not know the query Flagger runs for the "
                      "%2 provider, or it cannot tell the primary from the canary.")
                      .arg(metric.name, provider);
            return std::nullopt;
        }
        if (metric.name == successRate)
            return Source {
                QLatin1String(builtin->successRate), ChartUnit::Percent, 1,
                QCoreApplication::translate("FlaggerCharts", "Flagger's built-in %1 metric for %2")
                    .arg(metric.name, provider)};
        const bool seconds = builtin->durationUnit == ChartUnit::Seconds;
        return Source {
            QLatin1String(builtin->duration), builtin->durationUnit, seconds ? 0.001 : 1,
            QCoreApplication::translate("FlaggerCharts", "Flagger's built-in %1 metric for %2")
                .arg(metric.name, provider)};
    }
    if (!metric.query.isEmpty())
        return Source {metric.query, unitOf(metric.name, metric.query), 1,
                       QCoreApplication::translate("FlaggerCharts", "The metric's own query")};
    *why = QCoreApplication::translate(
               "FlaggerCharts", "%1: neither a built-in metric, a query nor a MetricTemplate.")
               .arg(metric.name);
    return std::nullopt;
}

// The chart of one metric, or a reason in *why.
std::optional<ChartSpec> chartOf(const FlaggerCanary &canary, const FlaggerMetric &metric,
                                 const QList<FlaggerMetricTemplate> &templates,
                                 const QStringList &unreadable, QString *why)
{
    const std::optional<Source> source = sourceOf(canary, metric, templates, unreadable, why);
    if (!source)
        return std::nullopt;
    QString query;
    QString error;
    if (!FlaggerQueryTemplate::render(source->query, modelFor(canary, metric), &query, &error)) {
        *why = QCoreApplication::translate("FlaggerCharts", "%1: the query cannot be rendered: %2")
                   .arg(metric.name, error);
        return std::nullopt;
    }
    QStringList names;
    if (!ChartVariables::references(query, &names, &error)
        || names.size() != names.count(QStringLiteral("hash"))) {
        *why = QCoreApplication::translate("FlaggerCharts",
                                           "%1: the rendered query still holds \"{{\": %2")
                   .arg(metric.name, error.isEmpty() ? query : error);
        return std::nullopt;
    }
    ChartSpec chart;
    chart.id = QStringLiteral("flagger/") + metric.name;
    chart.title = metric.name;
    chart.query = query;
    chart.unit = source->unit;
    chart.splitByRole = true;
    chart.templated = true;
    chart.thresholds = thresholdsOf(metric, source->thresholdScale);
    chart.origin = ChartSpec::Origin::Analysis;
    chart.description = source->description;
    // Flagger calls the promoted Deployment the primary; Argo Rollouts' charts keep "stable".
    chart.stableName = QCoreApplication::translate("FlaggerCharts", "primary");
    return chart;
}

} // namespace

namespace FlaggerCharts {

QString canaryWorkload(const FlaggerCanary &canary)
{
    return canary.spec.targetRef.name;
}

QString primaryWorkload(const FlaggerCanary &canary)
{
    return canary.spec.targetRef.name + QStringLiteral("-primary");
}

QString queryFor(const ChartSpec &chart, const QString &workload)
{
    QString query;
    QString error;
    if (!ChartVariables().withRole(QString(), workload).substitute(chart.query, &query, &error))
        return QString();
    return query;
}

Charts forCanary(const FlaggerCanary &canary, const QList<FlaggerMetricTemplate> &templates,
                 const QStringList &unreadable)
{
    Charts result;
    if (!canary.spec.analysis)
        return result;
    for (const FlaggerMetric &metric : canary.spec.analysis->metrics) {
        QString why;
        if (std::optional<ChartSpec> chart = chartOf(canary, metric, templates, unreadable, &why)) {
            // Flagger does not keep metric names unique; the charts' ids (query keys) must be.
            const QString id = chart->id;
            for (int n = 2; std::any_of(result.charts.cbegin(), result.charts.cend(),
                                        [&](const ChartSpec &c) { return c.id == chart->id; });
                 ++n)
                chart->id = id + QStringLiteral("#%1").arg(n);
            result.charts.append(*chart);
        } else {
            result.reasons.append(why);
        }
    }
    return result;
}

} // namespace FlaggerCharts
