// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

#include <mutex>
#include <optional>

class ObjectStore;
class VirtualClock;

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
    };
    // role: "canary", "stable", "preview" or "active"; roleSinceMs: when the pod's ReplicaSet
    // was created (virtual ms).
    PodSample sample(const QString &ns, const QString &rollout, const QString &role,
                     const QString &podName, qint64 roleSinceMs, qint64 atMs) const;

    // The value an analysis query gets for a rollout's canary or stable pods (the mean over
    // that ReplicaSet's pods). The query is matched by the metric it names: error ratio
    // ("error"), p99 latency ("latency", "duration"), success rate ("success"), request rate
    // ("request", "rate"), CPU ("cpu"), memory ("memory"). "stable" in the query's selector
    // picks the stable pods, otherwise the canary. nullopt + *error when it names none.
    std::optional<double> evaluateQuery(const ObjectStore &store, const QString &ns,
                                        const QString &rollout, const QString &query,
                                        qint64 atMs, QString *error) const;

    // Prometheus text exposition (version 0.0.4) of every pod of every rollout in the store:
    // rd_http_requests_total, rd_http_request_errors_total,
    // rd_http_request_duration_seconds (histogram), rd_container_cpu_usage_seconds_total,
    // rd_container_memory_working_set_bytes, kube_pod_container_status_restarts_total; labels
    // namespace, pod, rollout, rollouts_pod_template_hash, role.
    QByteArray exposition(const ObjectStore &store, qint64 atMs) const;

private:
    VirtualClock *m_clock;
    mutable std::mutex m_mutex;
    QHash<QString, MetricBehaviour> m_behaviours; // "ns/rollout"
};
