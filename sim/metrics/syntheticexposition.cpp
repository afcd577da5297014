// SPDX-License-Identifier: GPL-3.0-or-later
// SyntheticMetrics::exposition: the /metrics text of every running pod. The query engine
// serves the same families as series (promqlstorage.cpp); the two must name them alike.
#include "metrics/istiometrics.h"
#include "metrics/metricexposition.h"
#include "metrics/metricpods.h"
#include "metrics/syntheticmetrics.h"

#include <algorithm>
#include <limits>

namespace rdsim {

namespace {

struct Row
{
    MetricPod pod;
    MetricExposition::Labels labels;
    SyntheticMetrics::PodCounters counters;
    SyntheticMetrics::PodSample sample;
    bool orders = false; // its rollout's orderRate > 0: the pod exports orders_total
};

void writeHttpFamilies(const QList<Row> &rows, MetricExposition &out)
{
    out.beginFamily(QStringLiteral("rd_http_requests_total"), QStringLiteral("counter"),
                    QStringLiteral("HTTP requests served by the pod."));
    for (const Row &row : rows)
        out.addSample(QString(), row.labels, row.counters.requests);
    out.beginFamily(QStringLiteral("rd_http_request_errors_total"), QStringLiteral("counter"),
                    QStringLiteral("HTTP requests answered with a 5xx status."));
    for (const Row &row : rows)
        out.addSample(QString(), row.labels, row.counters.errors);
    out.beginFamily(QStringLiteral("rd_http_request_duration_seconds"), QStringLiteral("histogram"),
                    QStringLiteral("HTTP request latency."));
    const auto &bounds = SyntheticMetrics::kBucketBounds;
    for (const Row &row : rows) {
        for (size_t i = 0; i <= bounds.size(); ++i) {
            MetricExposition::Labels labels = row.labels;
            const double bound
                = i < bounds.size() ? bounds[i] : std::numeric_limits<double>::infinity();
            labels.append(
                {QStringLiteral("le"), QString::fromLatin1(MetricExposition::formatValue(bound))});
            out.addSample(QStringLiteral("_bucket"), labels, row.counters.buckets[i]);
        }
        out.addSample(QStringLiteral("_sum"), row.labels, row.counters.latencySumSeconds);
        out.addSample(QStringLiteral("_count"), row.labels, row.counters.requests);
    }
}

void writeContainerFamilies(const QList<Row> &rows, MetricExposition &out)
{
    out.beginFamily(QStringLiteral("rd_container_cpu_usage_seconds_total"),
                    QStringLiteral("counter"), QStringLiteral("CPU time used by the pod."));
    for (const Row &row : rows)
        out.addSample(QString(), row.labels, row.counters.cpuSeconds);
    out.beginFamily(QStringLiteral("rd_container_memory_working_set_bytes"),
                    QStringLiteral("gauge"), QStringLiteral("Working set memory of the pod."));
    for (const Row &row : rows)
        out.addSample(QString(), row.labels, row.sample.memoryBytes);
    out.beginFamily(QStringLiteral("kube_pod_container_status_restarts_total"),
                    QStringLiteral("counter"),
                    QStringLiteral("Container restarts, from the pod's containerStatuses."));
    for (const Row &row : rows) {
        for (const auto &[container, count] : row.pod.restarts) {
            MetricExposition::Labels labels = row.labels;
            labels.append({QStringLiteral("container"), container});
            out.addSample(QString(), labels, count);
        }
    }
}

void writeOrders(const QList<Row> &rows, MetricExposition &out)
{
    // As client_golang gathers a counter vector with no children: no family at all when no
    // pod exports orders.
    if (std::none_of(rows.cbegin(), rows.cend(), [](const Row &row) { return row.orders; }))
        return;
    out.beginFamily(QStringLiteral("orders_total"), QStringLiteral("counter"),
                    QStringLiteral("Orders placed through the pod, by outcome."));
    for (const Row &row : rows) {
        if (!row.orders)
            continue;
        MetricExposition::Labels labels = row.labels;
        labels.append({QStringLiteral("status"), QStringLiteral("failed")});
        out.addSample(QString(), labels, row.counters.ordersFailed);
        labels.last().second = QStringLiteral("success");
        out.addSample(QString(), labels, row.counters.ordersSucceeded);
    }
}

} // namespace

QByteArray SyntheticMetrics::exposition(const ObjectStore &store, qint64 atMs) const
{
    QList<Row> rows;
    for (const MetricPod &pod : MetricPods::collect(store, QString())) {
        if (pod.startMs > atMs)
            continue;
        const QString owner = pod.rollout.isEmpty() ? pod.deployment : pod.rollout;
        const MetricBehaviour b = behaviour(pod.ns, owner);
        Row row;
        row.pod = pod;
        row.labels = {{QStringLiteral("namespace"), pod.ns},
                      {QStringLiteral("pod"), pod.name},
                      {QStringLiteral("rollout"), pod.rollout},
                      {QStringLiteral("rollouts_pod_template_hash"), pod.hash},
                      {QStringLiteral("role"), pod.role}};
        if (!pod.deployment.isEmpty())
            row.labels.append({QStringLiteral("deployment"), pod.deployment});
        row.counters = countersWith(b, pod.regresses, pod.name, pod.startMs, pod.roleSinceMs, atMs);
        row.sample = sampleWith(b, pod.regresses, pod.name, pod.roleSinceMs, atMs);
        row.orders = b.orderRate > 0;
        rows.append(row);
    }
    MetricExposition out;
    writeHttpFamilies(rows, out);
    writeContainerFamilies(rows, out);
    writeOrders(rows, out);
    QList<IstioMetrics::ExposedPod> meshPods;
    meshPods.reserve(rows.size());
    for (const Row &row : std::as_const(rows))
        meshPods.append({row.pod, row.counters});
    IstioMetrics::expose(meshPods, out);
    return out.text();
}

} // namespace rdsim
