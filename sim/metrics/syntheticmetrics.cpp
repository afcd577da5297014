// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/syntheticmetrics.h"

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

double canaryOrderFailureRatio(const MetricBehaviour &b)
{
    return b.canaryOrderFailureRatio < 0 ? b.orderFailureRatio : b.canaryOrderFailureRatio;
}

// Orders over [t0, t1] per unit of orderRate at a failure ratio r whose wobble is scaled to
// c = min(r, 1 - r): the ratio r + c (w - 1) stays within 0..1, so neither counter falls.
// Each count is integrated on its own rather than as all minus the other: at r = 0 or 1 the
// one that must stay 0 is exactly 0, not a rounding error below it.
struct OrderCounts
{
    double succeeded = 0;
    double failed = 0;
};
OrderCounts orderCounts(const MetricSignal &rate, const MetricSignal &failure, double r, double t0,
                        double t1)
{
    const double c = std::min(r, 1.0 - r);
    const double all = rate.integral(t0, t1);
    const double wobble = rate.productIntegral(failure, t0, t1);
    return {(1 - r + c) * all - c * wobble, (r - c) * all + c * wobble};
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

// Adds one pod's errors, requests and request rate over the last windowMs.
void addCounterWindow(const MetricBehaviour &b, const MetricPod &pod, qint64 atMs,
                      QueryTotals *totals, qint64 windowMs)
{
    const qint64 fromMs = std::max(pod.startMs, atMs - windowMs);
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
                        qint64 atMs, qint64 windowMs = kWindowMs)
{
    QueryTotals totals;
    for (const MetricPod &pod : pods) {
        if (isCounterMetric(metric))
            addCounterWindow(b, pod, atMs, &totals, windowMs);
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
    if (b.orderRate > 0) {
        s.orderRate = b.orderRate * MetricSignal(podName, MetricSignal::OrderRate).value(t);
        const double r = regressed ? canaryOrderFailureRatio(b) : b.orderFailureRatio;
        s.orderFailureRatio = r
            + std::min(r, 1.0 - r)
                * (MetricSignal(podName, MetricSignal::OrderFailure).value(t) - 1);
    }
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

    c.baseRequests = before;
    c.canaryRequests = after;
    c.baseP99Seconds = b.latencyP99Ms / 1000.0;
    c.canaryP99Seconds = canaryLatencyMs(b) / 1000.0;
    for (size_t i = 0; i < kBucketBounds.size(); ++i)
        c.buckets[i] = c.requestsWithin(kBucketBounds[i]);
    c.buckets[kBucketBounds.size()] = c.requests;
    c.latencySumSeconds = before * LatencyDistribution::mean(c.baseP99Seconds)
        + after * LatencyDistribution::mean(c.canaryP99Seconds);
    c.cpuSeconds = b.cpuCores * MetricSignal(podName, MetricSignal::Cpu).integral(t0, t1);
    if (b.orderRate > 0) {
        const MetricSignal orders(podName, MetricSignal::OrderRate);
        const MetricSignal failure(podName, MetricSignal::OrderFailure);
        const OrderCounts base = orderCounts(orders, failure, b.orderFailureRatio, t0, ts);
        const OrderCounts canary = orderCounts(orders, failure, canaryOrderFailureRatio(b), ts, t1);
        c.ordersSucceeded = b.orderRate * (base.succeeded + canary.succeeded);
        c.ordersFailed = b.orderRate * (base.failed + canary.failed);
    }
    return c;
}

double SyntheticMetrics::PodCounters::requestsWithin(double seconds) const
{
    return baseRequests * LatencyDistribution::cdf(seconds, baseP99Seconds)
        + canaryRequests * LatencyDistribution::cdf(seconds, canaryP99Seconds);
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

std::optional<double> SyntheticMetrics::evaluatePodsQuery(const MetricBehaviour &behaviour,
                                                          const QList<MetricPod> &pods,
                                                          const QString &query, qint64 atMs,
                                                          qint64 windowMs, QString *error)
{
    const std::optional<QueryMetric> metric = classify(query);
    if (!metric || pods.isEmpty()) {
        if (error)
            *error = !metric ? QStringLiteral("rd-sim cannot answer the query \"%1\": it names no "
                                              "simulated metric")
                                   .arg(query.simplified().left(200))
                             : QStringLiteral("no values found");
        return std::nullopt;
    }
    const qint64 window = std::max<qint64>(windowMs, 1000);
    return queryValue(*metric, sumOverPods(*metric, behaviour, pods, atMs, window), pods.size());
}

} // namespace rdsim
