// SPDX-License-Identifier: GPL-3.0-or-later
// The metric checks of Flagger's scheduler (scheduler_metrics.go), measured on the target's
// pods from the synthetic metrics.
#include "simflaggercontroller.h"

#include "jsonutil.h"
#include "simflaggerphases.h"

#include "core/objectstore.h"
#include "core/virtualclock.h"
#include "metrics/metricpods.h"
#include "metrics/syntheticmetrics.h"

#include <QRegularExpression>

#include <cmath>

namespace rdsim {

using namespace FlaggerPhases;

namespace {

const QString kSuccessRate = QStringLiteral("request-success-rate");
const QString kDuration = QStringLiteral("request-duration");

// Go's time.Duration text for a duration in milliseconds ("512ms", "1.5s").
QString goDuration(double ms)
{
    if (ms < 1000)
        return QString::number(ms, 'g', 6) + QStringLiteral("ms");
    return QString::number(ms / 1000.0, 'g', 6) + u's';
}

// Flagger's query templates know name, namespace, target, service, ingress, route,
// interval and variables.<key>; `{{ namespace }}` and `{{ .namespace }}` alike.
QString renderQuery(const QString &query, const QHash<QString, QString> &values)
{
    static const QRegularExpression placeholder(
        QStringLiteral("\\{\\{\\s*\\.?([A-Za-z_][A-Za-z0-9_.]*)\\s*\\}\\}"));
    QString out;
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(query); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += query.mid(last, m.capturedStart() - last) + values.value(m.captured(1));
        last = m.capturedEnd();
    }
    return out + query.mid(last);
}

} // namespace

bool FlaggerController::runMetricChecks(Run &run)
{
    for (const FlaggerCanarySpec::Metric &metric : std::as_const(run.spec.metrics)) {
        QString query;
        QString error;
        const std::optional<double> value = measure(run, metric, &query, &error);
        if (!value) {
            warning(run,
                    QStringLiteral("Halt advancement no values found for %1 metric %2 "
                                   "probably %3 is not receiving traffic: %4")
                        .arg(run.provider(), metric.name, run.targetId(), error));
            return false;
        }
        const bool duration = metric.name == kDuration && metric.query.isEmpty();
        const bool successRate = metric.name == kSuccessRate && metric.query.isEmpty();
        const auto shown = [&](double v) -> QString {
            if (duration)
                return goDuration(v);
            return QString::number(v, 'f', 2) + (successRate ? QStringLiteral("%") : QString());
        };
        const auto bound = [&](double v) -> QString {
            return duration ? goDuration(v)
                            : QString::number(v) + (successRate ? QStringLiteral("%") : QString());
        };
        const QString what = successRate ? QStringLiteral("success rate")
            : duration                   ? QStringLiteral("request duration")
                                         : metric.name;
        std::optional<double> min = metric.min;
        std::optional<double> max = metric.max;
        // The deprecated threshold: a minimum success rate, else a maximum.
        if (!min && !max && metric.threshold)
            (successRate ? min : max) = metric.threshold;
        const char *failed = min && *value < *min ? "<" : max && *value > *max ? ">" : nullptr;
        if (failed) {
            warning(run,
                    QStringLiteral("Halt %1 advancement %2 %3 %4 %5")
                        .arg(run.id(), what, shown(*value), QLatin1String(failed),
                             bound(*failed == '<' ? *min : *max)));
            return false;
        }
    }
    return true;
}

// The metric's value on the target's pods (the version under test, so with the scenario's
// canary values): success rate in percent, duration in milliseconds, a query's own value
// (a `* 100` or `100 *` in it read as a percentage).
std::optional<double> FlaggerController::measure(const Run &run,
                                                 const FlaggerCanarySpec::Metric &metric,
                                                 QString *query, QString *error) const
{
    const QHash<QString, QString> values {
        {QStringLiteral("name"), run.name},
        {QStringLiteral("namespace"), run.ns},
        {QStringLiteral("target"), run.spec.targetName},
        {QStringLiteral("service"), run.spec.serviceName},
        {QStringLiteral("interval"), goDuration(double(metric.intervalMs))}};
    double scale = 1;
    if (!metric.templateName.isEmpty()) {
        const QString ns = metric.templateNamespace.isEmpty() ? run.ns : metric.templateNamespace;
        const std::optional<QJsonObject> found
            = m_store.get(metricTemplateType(), ns, metric.templateName);
        if (!found) {
            *error = QStringLiteral("metrictemplates.flagger.app \"%1\" not found")
                         .arg(metric.templateName);
            return std::nullopt;
        }
        *query = renderQuery(JsonUtil::stringAt(*found, "spec.query"), values);
    } else if (!metric.query.isEmpty()) {
        *query = renderQuery(metric.query, values);
    } else if (metric.name == kSuccessRate) {
        *query = QStringLiteral("sum(rate(requests_total{namespace=\"%1\",workload=\"%2\","
                                "response_code!~\"5.*\"}[%3]))/sum(rate(requests_total{"
                                "namespace=\"%1\",workload=\"%2\"}[%3]))*100")
                     .arg(run.ns, run.spec.targetName, values.value(QStringLiteral("interval")));
    } else if (metric.name == kDuration) {
        *query = QStringLiteral("histogram_quantile(0.99, sum(rate(request_duration_seconds_"
                                "bucket{namespace=\"%1\",workload=\"%2\"}[%3])) by (le))")
                     .arg(run.ns, run.spec.targetName, values.value(QStringLiteral("interval")));
        scale = 1000;
    } else {
        *error = QStringLiteral("no usable metrics template and query were configured");
        return std::nullopt;
    }
    static const QRegularExpression percent(QStringLiteral("\\*\\s*100\\b|\\b100\\s*\\*"));
    if (percent.match(*query).hasMatch())
        scale = 100;
    QList<MetricPod> pods;
    for (MetricPod pod : MetricPods::collect(m_store, run.ns)) {
        pod.regresses = true;
        if (pod.deployment == run.spec.targetName)
            pods << pod;
    }
    const std::optional<double> value = SyntheticMetrics::evaluatePodsQuery(
        m_metrics.behaviour(run.ns, run.spec.targetName), pods, *query, m_clock.nowMs(),
        metric.intervalMs, error);
    if (value && std::isnan(*value)) {
        *error = QStringLiteral("no values found");
        return std::nullopt;
    }
    if (!value)
        return std::nullopt;
    return *value * scale;
}

} // namespace rdsim
