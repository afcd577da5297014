// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/metricpods.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QString>

#include <array>
#include <mutex>
#include <optional>

namespace rdsim {

class ObjectStore;
class VirtualClock;

// A Falco rule that fires on one rollout's pods, counted as the Falco exporter's
// falco_events{rule, priority, hostname, source, k8s_ns_name, k8s_pod_name, tags}.
struct FalcoRule
{
    QString rule {}; // "Read sensitive file untrusted"
    int priority = 4; // the exporter's number: 0 Emergency ... 4 Warning ... 7 Debug
    double perHour = 0; // events per hour per pod, from the pod's start
    bool canaryOnly = true; // only the pods of the revision being rolled out
    QString tags {}; // as the exporter writes them: ",container,mitre_credential_access,"
    QString source = QStringLiteral("syscall");
};

// How one rollout's pods behave, from the scenario. Stable pods always use the base values;
// canary (and preview) pods switch to the canary values `regressAfterSeconds` after the
// canary ReplicaSet was created, which is how a scenario makes a canary regress live.
struct MetricBehaviour
{
    QString ns;
    QString rollout;
    double requestRate = 40.0; // requests per second per pod
    double errorRatio = 0.002; // fraction of requests answered 5xx
    double latencyP99Ms = 120.0;
    double cpuCores = 0.12;
    double memoryMiB = 180.0;
    double canaryErrorRatio = -1; // < 0: same as errorRatio
    double canaryLatencyP99Ms = -1; // < 0: same as latencyP99Ms
    int regressAfterSeconds = 0;
    int canaryRestartsPerHour = 0;
    // The shop's own business metric, orders_total{status="success"|"failed"}: a quality
    // gate on it catches a canary that loses orders while its HTTP metrics look healthy.
    double orderRate = 0; // orders per second per pod; 0: the pods export no orders_total
    double orderFailureRatio = 0.005; // fraction of orders that fail
    double canaryOrderFailureRatio = -1; // < 0: same as orderFailureRatio
    QList<FalcoRule> falco {}; // runtime alerts on these pods (issue 15)
};

// The simulator's own metric source: deterministic functions of virtual time per pod (a base
// value with a small smooth wobble), so counters can be integrated exactly and tests know the
// values. Feeds the analysis controller and the Prometheus text endpoint.
class SyntheticMetrics
{
public:
    explicit SyntheticMetrics(VirtualClock *clock);

    void setBehaviour(const MetricBehaviour &behaviour);
    MetricBehaviour behaviour(const QString &ns, const QString &rollout) const;

    struct PodSample
    {
        double requestRate = 0; // per second
        double errorRatio = 0;
        double latencyP99Seconds = 0;
        double cpuCores = 0;
        double memoryBytes = 0;
        double orderRate = 0; // per second; 0 unless the behaviour's orderRate > 0
        double orderFailureRatio = 0;
    };
    // role: "canary", "stable", "preview" or "active"; roleSinceMs: when the pod's ReplicaSet
    // was created (virtual ms).
    PodSample sample(const QString &ns, const QString &rollout, const QString &role,
                     const QString &podName, qint64 roleSinceMs, qint64 atMs) const;

    // The counters of one pod at atMs, integrated in closed form from the pod's start
    // (startMs). Requests follow requestRate with its wobble; errors follow
    // requestRate * errorRatio (both wobbling); the histogram buckets split the requests by a
    // log-normal latency distribution whose p99 is the behaviour's p99 (no wobble), so
    // buckets, _sum and _count agree with each other exactly. Orders follow orderRate with a
    // wobble of their own; the failed ones follow orders * failure ratio, the ratio wobbling by
    // at most maxDeviation() * min(ratio, 1 - ratio) so it stays within 0..1 and
    // the success counter never falls.
    static constexpr std::array<double, 11> kBucketBounds
        = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
    struct PodCounters
    {
        double requests = 0;
        double errors = 0;
        std::array<double, 12> buckets {}; // cumulative, the last one is +Inf (== requests)
        double latencySumSeconds = 0;
        double cpuSeconds = 0;
        double ordersSucceeded = 0; // 0 unless the behaviour's orderRate > 0
        double ordersFailed = 0;
        // The requests served before and after the switch to the canary values, and the p99
        // of each part: every histogram (rd_http's seconds, Istio's milliseconds) is split
        // from these, so their quantiles agree.
        double baseRequests = 0;
        double canaryRequests = 0;
        double baseP99Seconds = 0;
        double canaryP99Seconds = 0;

        // Requests that took at most `seconds` (a cumulative bucket's count).
        double requestsWithin(double seconds) const;
    };
    PodCounters counters(const QString &ns, const QString &rollout, const QString &role,
                         const QString &podName, qint64 startMs, qint64 roleSinceMs,
                         qint64 atMs) const;

    // The value an analysis query gets for a rollout's pods. The query is matched by the
    // metric it names, in this order: error ratio ("error", or a `=~"5..` code matcher),
    // success rate ("success", or a `!~"5..` matcher), p99 latency in seconds ("latency",
    // "duration", "quantile"), CPU cores ("cpu"), memory bytes ("memory"), request rate per
    // pod ("request", "rate"). The pods: those of a `role="..."` matcher in the query; else
    // those whose pod-template hash the query names; else the stable ReplicaSet's when
    // "stable" appears anywhere; else the revision being rolled out (currentPodHash). Error
    // and success ratios are sum(errors)/sum(requests) over the last 60 s of the counters (NaN
    // for 0/0, as PromQL gives); the others are means over the pods. nullopt + *error for a
    // query naming no metric, an unknown rollout, or no running pods.
    std::optional<double> evaluateQuery(const ObjectStore &store, const QString &ns,
                                        const QString &rollout, const QString &query, qint64 atMs,
                                        QString *error) const;

    // The same answer over pods the caller chose (a Flagger canary's target Deployment's pods,
    // marked `regresses` when they run the version under test), with `behaviour`'s values
    // and a window of windowMs for the counter ratios.
    static std::optional<double> evaluatePodsQuery(const MetricBehaviour &behaviour,
                                                   const QList<MetricPod> &pods,
                                                   const QString &query, qint64 atMs,
                                                   qint64 windowMs, QString *error);

    // Prometheus text exposition (version 0.0.4) of every running pod of every Rollout and
    // Deployment in the store: rd_http_requests_total, rd_http_request_errors_total,
    // rd_http_request_duration_seconds (histogram), rd_container_cpu_usage_seconds_total,
    // rd_container_memory_working_set_bytes, kube_pod_container_status_restarts_total (per
    // container, from containerStatuses), and orders_total (status "success" and "failed")
    // for the pods of rollouts with an orderRate; labels namespace, pod, rollout,
    // rollouts_pod_template_hash, role (stable, canary, active, preview, or "old" for a
    // superseded ReplicaSet) and, for a Deployment's pod, deployment (rollout then empty);
    // then Istio's istio_requests_total and istio_request_duration_milliseconds of the same
    // counters (IstioMetrics).
    // A role change (promotion) recomputes a pod's counters from its new role, which a
    // Prometheus scrape may see as a counter reset.
    QByteArray exposition(const ObjectStore &store, qint64 atMs) const;

    // The values of one pod given its behaviour and whether it regresses (MetricPod::regresses,
    // which the exposition uses, rather than the role): the query engine evaluates recorded
    // pods with these.
    static PodSample sampleWith(const MetricBehaviour &behaviour, bool regresses,
                                const QString &podName, qint64 roleSinceMs, qint64 atMs);
    static PodCounters countersWith(const MetricBehaviour &behaviour, bool regresses,
                                    const QString &podName, qint64 startMs, qint64 roleSinceMs,
                                    qint64 atMs);

private:
    MetricBehaviour behaviourLocked(const QString &ns, const QString &rollout) const;

    VirtualClock *m_clock;
    mutable std::mutex m_mutex;
    QHash<QString, MetricBehaviour> m_behaviours; // "ns/rollout"
};

} // namespace rdsim
