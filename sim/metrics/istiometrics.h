// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/metricexposition.h"
#include "metrics/metricpods.h"
#include "metrics/syntheticmetrics.h"

#include <QList>
#include <QString>

#include <array>

namespace rdsim {

// Istio's standard destination-side metrics (istio.io, "Istio Standard Metrics"), as the
// sidecar of a pod would report the requests it served and a Prometheus scrape of the pod
// would store them: istio_requests_total by response code and
// istio_request_duration_milliseconds (histogram, Istio's default buckets). Derived from
// the pod's synthetic counters (SyntheticMetrics::countersWith), so they agree with the
// rd_http_* series and with what the Flagger controller judges: 5xx requests answer "503",
// the others "200", and the durations are split from the same latency distribution.
namespace IstioMetrics {

inline const QString kRequestsTotal = QStringLiteral("istio_requests_total");
inline const QString kDuration = QStringLiteral("istio_request_duration_milliseconds");

// Istio's default bucket bounds in milliseconds; the +Inf bucket follows them.
constexpr std::array<double, 19> kDurationBoundsMs
    = {0.5,  1,    5,     10,    25,    50,     100,    250,     500,    1000,
       2500, 5000, 10000, 30000, 60000, 300000, 600000, 1800000, 3600000};
constexpr int kDurationBuckets = int(kDurationBoundsMs.size()) + 1;

// The workload Istio names a pod by: its Rollout or Deployment (a Flagger canary's primary
// is the Deployment `<target>-primary`).
QString workload(const MetricPod &pod);
// reporter="destination", destination_workload, destination_workload_namespace and the
// scrape's namespace and pod labels.
MetricExposition::Labels labels(const MetricPod &pod);
// A bucket's `le` as Prometheus stores it ("0.5", "1", "+Inf").
QString bucketBound(int bucket);

// The requests answered with 503 (errors) or 200 (the rest, never below zero).
double responses(const SyntheticMetrics::PodCounters &counters, bool errors);
// Cumulative count of bucket `bucket` (kDurationBuckets - 1 is +Inf: every request).
double durationBucket(const SyntheticMetrics::PodCounters &counters, int bucket);
double durationSumMs(const SyntheticMetrics::PodCounters &counters);

// Writes both families for these pods and their counters (the families also without pods,
// as the rd_http ones).
struct ExposedPod
{
    MetricPod pod;
    SyntheticMetrics::PodCounters counters;
};
void expose(const QList<ExposedPod> &pods, MetricExposition &out);

} // namespace IstioMetrics

} // namespace rdsim
