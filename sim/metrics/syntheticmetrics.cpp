// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/syntheticmetrics.h"

#include "metrics/metricexposition.h"
#include "metrics/metricpods.h"
#include "metrics/metricsignal.h"

#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace rdsim {

namespace {

QString behaviourKey(const QString &ns, const QString &rollout)
{
    return ns + u'/' + rollout;
}

bool regressingRole(const QString &role)
{
    return role == QLatin1String("canary") || role == QLatin1String("preview");
}

double canaryErrorRatio(const MetricBehaviour &b)
{
    return b.canaryErrorRatio < 0 ? b.errorRatio : b.canaryErrorRatio;
}

double canaryLatencyMs(const MetricBehaviour &b)
{
    return b.canaryLatencyP99Ms < 0 ? b.latencyP99Ms : b.canaryLatencyP99Ms;
}

// When a regressing pod switches to the canary values; never for the others.
qint64 regressAtMs(const MetricBehaviour &b, bool regresses, qint64 roleSinceMs)
{
    if (!regresses)
        return std::numeric_limits<qint64>::max();
    return roleSinceMs + qint64(b.regressAfterSeconds) * 1000;
}

enum class QueryMetric { ErrorRatio, SuccessRate, Latency, RequestRate, Cpu, Memory };

std::optional<QueryMetric> classify(const QString &query)
{
    const QString q = query.toLower();
    const auto has = [&q](const char *word) { return q.contains(QLatin1String(word)); };
    // Order matters: an error-ratio query also names the request counter, and a latency
    // histogram's name contains "request".
    if (has("error"))
        return QueryMetric::ErrorRatio;
    if (has("success") || has("!~\"5") || has("!=\"5"))
        return QueryMetric::SuccessRate;
    if (has("=~\"5") || has("5xx"))
        return QueryMetric::ErrorRatio;
    if (has("latency") || has("duration") || has("quantile"))
        return QueryMetric::Latency;
    if (has("cpu"))
        return QueryMetric::Cpu;
    if (has("memory"))
        return QueryMetric::Memory;
    if (has("request") || has("rate"))
        return QueryMetric::RequestRate;
    return std::nullopt;
}

const qint64 kWindowMs = 60000;

struct PodSelection
{
    QString role; // the pods of this role, if set
    QString hash; // else the pods of this pod-template hash
    QString target; // what the error message calls them
};

PodSelection selectPods(const QString &query, const RolloutHashes &hashes)
{
    // Which pods: a role="..." matcher names them; else a pod-template hash in the query;
    // else "stable" anywhere picks the stable ReplicaSet; else the revision being rolled out.
    static const QRegularExpression roleMatcher(QStringLiteral("role\\s*=~?\\s*\"(\\w+)\""));
    const QRegularExpressionMatch roleMatch = roleMatcher.match(query);
    PodSelection selection;
    const QString current = hashes.current.isEmpty() ? hashes.stable : hashes.current;
    if (roleMatch.hasMatch()) {
        selection.role = roleMatch.captured(1);
        selection.target = selection.role;
    } else if (!current.isEmpty() && current != hashes.stable && query.contains(current)) {
        selection.hash = current;
    } else if (!hashes.stable.isEmpty() && query.contains(hashes.stable)) {
        selection.hash = hashes.stable;
    } else if (query.contains(QLatin1String("stable"), Qt::CaseInsensitive)) {
        selection.hash = hashes.stable;
    } else {
        selection.hash = current;
    }
    if (selection.target.isEmpty()) {
        selection.target
            = selection.hash == hashes.stable ? QStringLiteral("stable") : QStringLiteral("canary");
    }
    return selection;
}

// The rollout's selected pods that had started by atMs.
QList<MetricPod> selectedPods(const ObjectStore &store, const QString &ns, const QString &rollout,
                              const PodSelection &selection, qint64 atMs)
{
    QList<MetricPod> pods;
    for (const MetricPod &pod : MetricPods::collect(store, ns)) {
        if (pod.rollout != rollout || pod.startMs > atMs)
            continue;
        if (selection.role.isEmpty() ? pod.hash == selection.hash : pod.role == selection.role)
            pods.append(pod);
    }
    return pods;
}

struct QueryTotals
{
    double errors = 0; // over the last window, for the counter metrics
    double requests = 0;
    double sum = 0; // of the per-pod values
};

bool isCounterMetric(QueryMetric metric)
{
    return metric == QueryMetric::ErrorRatio || metric == QueryMetric::SuccessRate
        || metric == QueryMetric::RequestRate;
}

// Adds one pod's errors, requests and request rate over the last kWindowMs.
void addCounterWindow(const MetricBehaviour &b, const MetricPod &pod, qint64 atMs,
                      QueryTotals *totals)
{
    const qint64 fromMs = std::max(pod.startMs, atMs - kWindowMs);
    const SyntheticMetrics::PodCounters now = SyntheticMetrics::countersWith(
        b, pod.regresses, pod.name, pod.startMs, pod.roleSinceMs, atMs);
    const SyntheticMetrics::PodCounters then = SyntheticMetrics::countersWith(
        b, pod.regresses, pod.name, pod.startMs, pod.roleSinceMs, fromMs);
    totals->errors += now.errors - then.errors;
    totals->requests += now.requests - then.requests;
    if (atMs > fromMs)
        totals->sum += (now.requests - then.requests) * 1000.0 / double(atMs - fromMs);
}

// One pod's latency, CPU or memory at atMs.
double gaugeValue(QueryMetric metric, const MetricBehaviour &b, const MetricPod &pod, qint64 atMs)
{
    const SyntheticMetrics::PodSample s
        = SyntheticMetrics::sampleWith(b, pod.regresses, pod.name, pod.roleSinceMs, atMs);
    if (metric == QueryMetric::Latency)
        return s.latencyP99Seconds;
    if (metric == QueryMetric::Cpu)
        return s.cpuCores;
    return s.memoryBytes;
}

QueryTotals sumOverPods(QueryMetric metric, const MetricBehaviour &b, const QList<MetricPod> &pods,
                        qint64 atMs)
{
    QueryTotals totals;
    for (const MetricPod &pod : pods) {
        if (isCounterMetric(metric))
            addCounterWindow(b, pod, atMs, &totals);
        else
            totals.sum += gaugeValue(metric, b, pod, atMs);
    }
    return totals;
}

double queryValue(QueryMetric metric, const QueryTotals &totals, qsizetype podCount)
{
    // As sum(rate(errors)) / sum(rate(requests)) in PromQL: a ratio of sums, NaN for 0/0.
    const double ratio = totals.requests > 0 ? totals.errors / totals.requests
                                             : std::numeric_limits<double>::quiet_NaN();
    switch (metric) {
    case QueryMetric::ErrorRatio:
        return ratio;
    case QueryMetric::SuccessRate:
        return 1.0 - ratio;
    default:
        return totals.sum / double(podCount);
    }
}

} // namespace

SyntheticMetrics::SyntheticMetrics(VirtualClock *clock) : m_clock(clock) { }

void SyntheticMetrics::setBehaviour(const MetricBehaviour &behaviour)
{
    std::lock_guard lock(m_mutex);
    m_behaviours.insert(behaviourKey(behaviour.ns, behaviour.rollout), behaviour);
}

MetricBehaviour SyntheticMetrics::behaviour(const QString &ns, const QString &rollout) const
{
    std::lock_guard lock(m_mutex);
    return behaviourLocked(ns, rollout);
}

MetricBehaviour SyntheticMetrics::behaviourLocked(const QString &ns, const QString &rollout) const
{
    const auto it = m_behaviours.constFind(behaviourKey(ns, rollout));
    if (it != m_behaviours.constEnd())
        return *it;
    MetricBehaviour defaults;
    defaults.ns = ns;
    defaults.rollout = rollout;
    return defaults;
}

SyntheticMetrics::PodSample SyntheticMetrics::sample(const QString &ns, const QString &rollout,
                                                     const QString &role, const QString &podName,
                                                     qint64 roleSinceMs, qint64 atMs) const
{
    return sampleWith(behaviour(ns, rollout), regressingRole(role), podName, roleSinceMs, atMs);
}

SyntheticMetrics::PodCounters SyntheticMetrics::counters(const QString &ns, const QString &rollout,
                                                         const QString &role,
                                                         const QString &podName, qint64 startMs,
                                                         qint64 roleSinceMs, qint64 atMs) const
{
    return countersWith(behaviour(ns, rollout), regressingRole(role), podName, startMs, roleSinceMs,
                        atMs);
}

SyntheticMetrics::PodSample SyntheticMetrics::sampleWith(const MetricBehaviour &b, bool regresses,
                                                         const QString &podName, qint64 roleSinceMs,
                                                         qint64 atMs)
{
    const bool regressed = atMs >= regressAtMs(b, regresses, roleSinceMs);
    const double t = double(atMs) / 1000.0;
    PodSample s;
    s.requestRate = b.requestRate * MetricSignal(podName, MetricSignal::RequestRate).value(t);
    s.errorRatio = (regressed ? canaryErrorRatio(b) : b.errorRatio)
        * MetricSignal(podName, MetricSignal::ErrorRatio).value(t);
    s.latencyP99Seconds = (regressed ? canaryLatencyMs(b) : b.latencyP99Ms) / 1000.0
        * MetricSignal(podName, MetricSignal::Latency).value(t);
    s.cpuCores = b.cpuCores * MetricSignal(podName, MetricSignal::Cpu).value(t);
    s.memoryBytes
        = b.memoryMiB * 1024.0 * 1024.0 * MetricSignal(podName, MetricSignal::Memory).value(t);
    return s;
}

SyntheticMetrics::PodCounters SyntheticMetrics::countersWith(const MetricBehaviour &b,
                                                             bool regresses, const QString &podName,
                                                             qint64 startMs, qint64 roleSinceMs,
                                                             qint64 atMs)
{
    PodCounters c;
    if (atMs <= startMs)
        return c;
    const qint64 switchMs = std::clamp(regressAtMs(b, regresses, roleSinceMs), startMs, atMs);
    const double t0 = double(startMs) / 1000.0;
    const double ts = double(switchMs) / 1000.0;
    const double t1 = double(atMs) / 1000.0;

    const MetricSignal rate(podName, MetricSignal::RequestRate);
    const MetricSignal ratio(podName, MetricSignal::ErrorRatio);
    // Requests before and after the switch to the canary values.
    const double before = b.requestRate * rate.integral(t0, ts);
    const double after = b.requestRate * rate.integral(ts, t1);
    c.requests = before + after;
    c.errors = b.requestRate
        * (b.errorRatio * rate.productIntegral(ratio, t0, ts)
           + canaryErrorRatio(b) * rate.productIntegral(ratio, ts, t1));

    const double p99Before = b.latencyP99Ms / 1000.0;
    const double p99After = canaryLatencyMs(b) / 1000.0;
    for (size_t i = 0; i < kBucketBounds.size(); ++i) {
        c.buckets[i] = before * LatencyDistribution::cdf(kBucketBounds[i], p99Before)
            + after * LatencyDistribution::cdf(kBucketBounds[i], p99After);
    }
    c.buckets[kBucketBounds.size()] = c.requests;
    c.latencySumSeconds = before * LatencyDistribution::mean(p99Before)
        + after * LatencyDistribution::mean(p99After);
    c.cpuSeconds = b.cpuCores * MetricSignal(podName, MetricSignal::Cpu).integral(t0, t1);
    return c;
}

std::optional<double> SyntheticMetrics::evaluateQuery(const ObjectStore &store, const QString &ns,
                                                      const QString &rollout, const QString &query,
                                                      qint64 atMs, QString *error) const
{
    const auto fail = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const std::optional<QueryMetric> metric = classify(query);
    if (!metric) {
        return fail(QStringLiteral("rd-sim cannot answer the query \"%1\": it names no simulated "
                                   "metric (error, success, latency or duration, request or "
                                   "rate, cpu, memory)")
                        .arg(query.simplified()));
    }
    const RolloutHashes hashes = MetricPods::rolloutHashes(store, ns, rollout);
    if (!hashes.found)
        return fail(QStringLiteral("rollout \"%1/%2\" not found").arg(ns, rollout));

    const PodSelection selection = selectPods(query, hashes);
    const MetricBehaviour b = behaviour(ns, rollout);
    const QList<MetricPod> pods = selectedPods(store, ns, rollout, selection, atMs);
    if (pods.isEmpty()) {
        return fail(QStringLiteral("query returned no data: rollout \"%1/%2\" has no running %3 "
                                   "pods")
                        .arg(ns, rollout, selection.target));
    }
    return queryValue(*metric, sumOverPods(*metric, b, pods, atMs), pods.size());
}

QByteArray SyntheticMetrics::exposition(const ObjectStore &store, qint64 atMs) const
{
    struct Row
    {
        MetricPod pod;
        MetricExposition::Labels labels;
        PodCounters counters;
        PodSample sample;
    };
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
        rows.append(row);
    }

    MetricExposition out;
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
    for (const Row &row : rows) {
        for (size_t i = 0; i <= kBucketBounds.size(); ++i) {
            MetricExposition::Labels labels = row.labels;
            const double bound = i < kBucketBounds.size() ? kBucketBounds[i]
                                                          : std::numeric_limits<double>::infinity();
            labels.append(
                {QStringLiteral("le"), QString::fromLatin1(MetricExposition::formatValue(bound))});
            out.addSample(QStringLiteral("_bucket"), labels, row.counters.buckets[i]);
        }
        out.addSample(QStringLiteral("_sum"), row.labels, row.counters.latencySumSeconds);
        out.addSample(QStringLiteral("_count"), row.labels, row.counters.requests);
    }
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
    return out.text();
}

} // namespace rdsim
