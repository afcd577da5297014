// SPDX-License-Identifier: GPL-3.0-or-later
#include "democharts.h"

#include "chartconfig.h"
#include "gateconfig.h"

namespace DemoCharts {

QByteArray yaml()
{
    // One selector for a role's pods, shared through a YAML anchor.
    return "charts:\n"
           "  - title: Error ratio\n"
           "    query: >-\n"
           "      sum(rate(rd_http_request_errors_total{{{pods}}}[1m]))\n"
           "      / sum(rate(rd_http_requests_total{{{pods}}}[1m]))\n"
           "    unit: ratio\n"
           "    splitByRole: true\n"
           "    thresholds: [{ max: 0.05 }]\n"
           "    variables: &pods\n"
           "      pods: 'namespace=\"{{namespace}}\",rollout=\"{{rollout}}\","
           "rollouts_pod_template_hash=\"{{hash}}\"'\n"
           "  - title: Latency p99\n"
           "    query: >-\n"
           "      histogram_quantile(0.99, sum by (le)\n"
           "      (rate(rd_http_request_duration_seconds_bucket{{{pods}}}[1m])))\n"
           "    unit: seconds\n"
           "    splitByRole: true\n"
           "    variables: *pods\n"
           "  - title: Request rate\n"
           "    query: sum(rate(rd_http_requests_total{{{pods}}}[1m]))\n"
           "    unit: requests/s\n"
           "    splitByRole: true\n"
           "    variables: *pods\n"
           "  - title: CPU per pod\n"
           "    query: avg(rate(rd_container_cpu_usage_seconds_total{{{pods}}}[1m]))\n"
           "    unit: cores\n"
           "    splitByRole: true\n"
           "    variables: *pods\n"
           "  - title: Memory per pod\n"
           "    query: avg(rd_container_memory_working_set_bytes{{{pods}}})\n"
           "    unit: bytes\n"
           "    splitByRole: true\n"
           "    variables: *pods\n"
           "  - title: Container restarts\n"
           "    query: sum(kube_pod_container_status_restarts_total{{{pods}}})\n"
           "    splitByRole: true\n"
           "    variables: *pods\n";
}

QByteArray gatesYaml()
{
    // The shop's release standard for checkout: its own business metric (orders from the
    // shop's exporter), then error ratio and latency from the request metrics.
    return "gateInterval: 30s\n"
           "gates:\n"
           "  - name: order success rate\n"
           "    query: >-\n"
           "      sum(rate(orders_total{{{pods}},status=\"success\"}[1m]))\n"
           "      / sum(rate(orders_total{{{pods}}}[1m]))\n"
           "    min: 0.97\n"
           "    relative: { maxDecrease: 2% }\n"
           "    window: 2m\n"
           "    variables: &pods\n"
           "      pods: 'namespace=\"{{namespace}}\",rollout=\"{{rollout}}\","
           "rollouts_pod_template_hash=\"{{hash}}\"'\n"
           "    environments: [prod]\n"
           "    workloads: [shop/checkout]\n"
           "  - name: error ratio\n"
           "    query: >-\n"
           "      sum(rate(rd_http_request_errors_total{{{pods}}}[1m]))\n"
           "      / sum(rate(rd_http_requests_total{{{pods}}}[1m]))\n"
           "    max: 0.02\n"
           "    window: 5m\n"
           "    variables: *pods\n"
           "    environments: [prod]\n"
           "    workloads: [shop/checkout]\n"
           "  - name: latency p99\n"
           "    query: >-\n"
           "      histogram_quantile(0.99, sum by (le)\n"
           "      (rate(rd_http_request_duration_seconds_bucket{{{pods}}}[1m])))\n"
           "    max: 0.5\n"
           "    relative: { maxIncrease: 25% }\n"
           "    window: 5m\n"
           "    variables: *pods\n"
           "    environments: [prod]\n"
           "    workloads: [shop/checkout]\n";
}

GateSettings gates()
{
    GateSettings result;
    QString error;
    if (!GateConfig::fromYaml(gatesYaml(), QStringLiteral("<demo gates>"), &result, &error))
        qFatal("built-in demo gates: %s", qPrintable(error));
    return result;
}

QList<ChartSpec> charts()
{
    QList<ChartSpec> result;
    QString error;
    if (!ChartConfig::fromYaml(yaml(), QStringLiteral("<demo charts>"), &result, &error))
        qFatal("built-in demo charts: %s", qPrintable(error));
    return result;
}

} // namespace DemoCharts
