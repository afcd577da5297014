// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/istiometrics.h"

#include <algorithm>
#include <limits>

namespace rdsim::IstioMetrics {

QString workload(const MetricPod &pod)
{
    return pod.rollout.isEmpty() ? pod.deployment : pod.rollout;
}

MetricExposition::Labels labels(const MetricPod &pod)
{
    return {{QStringLiteral("destination_workload"), workload(pod)},
            {QStringLiteral("destination_workload_namespace"), pod.ns},
            {QStringLiteral("namespace"), pod.ns},
            {QStringLiteral("pod"), pod.name},
            {QStringLiteral("reporter"), QStringLiteral("destination")}};
}

QString bucketBound(int bucket)
{
    const double bound = bucket >= 0 && bucket < int(kDurationBoundsMs.size())
        ? kDurationBoundsMs[size_t(bucket)]
        : std::numeric_limits<double>::infinity();
    return QString::fromLatin1(MetricExposition::formatValue(bound));
}

double responses(const SyntheticMetrics::PodCounters &counters, bool errors)
{
    // An error ratio near 1 wobbles above it at times; the 200 counter then stays at zero.
    return errors ? counters.errors : std::max(0.0, counters.requests - counters.errors);
}

double durationBucket(const SyntheticMetrics::PodCounters &counters, int bucket)
{
    if (bucket < 0 || bucket >= int(kDurationBoundsMs.size()))
        return counters.requests;
    return counters.requestsWithin(kDurationBoundsMs[size_t(bucket)] / 1000.0);
}

double durationSumMs(const SyntheticMetrics::PodCounters &counters)
{
    return counters.latencySumSeconds * 1000.0;
}

void expose(const QList<ExposedPod> &pods, MetricExposition &out)
{
    out.beginFamily(kRequestsTotal, QStringLiteral("counter"),
                    QStringLiteral("Requests the pod's sidecar received, by response code."));
    for (const ExposedPod &exposed : pods) {
        MetricExposition::Labels codeLabels = labels(exposed.pod);
        codeLabels.append({QStringLiteral("response_code"), QStringLiteral("200")});
        out.addSample(QString(), codeLabels, responses(exposed.counters, false));
        codeLabels.last().second = QStringLiteral("503");
        out.addSample(QString(), codeLabels, responses(exposed.counters, true));
    }
    out.beginFamily(kDuration, QStringLiteral("histogram"),
                    QStringLiteral("Duration of the requests the pod's sidecar received."));
    for (const ExposedPod &exposed : pods) {
        const MetricExposition::Labels podLabels = labels(exposed.pod);
        for (int bucket = 0; bucket < kDurationBuckets; ++bucket) {
            MetricExposition::Labels bucketLabels = podLabels;
            bucketLabels.append({QStringLiteral("le"), bucketBound(bucket)});
            out.addSample(QStringLiteral("_bucket"), bucketLabels,
                          durationBucket(exposed.counters, bucket));
        }
        out.addSample(QStringLiteral("_sum"), podLabels, durationSumMs(exposed.counters));
        out.addSample(QStringLiteral("_count"), podLabels, exposed.counters.requests);
    }
}

} // namespace rdsim::IstioMetrics
