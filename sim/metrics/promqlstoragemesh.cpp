// SPDX-License-Identifier: GPL-3.0-or-later
// The Istio series of the query storage (IstioMetrics): their labels, and counters that go on
// across a pod's role change.
#include "metrics/istiometrics.h"
#include "metrics/promqlstorage.h"

namespace rdsim::promql {

QList<StoredSeries> Storage::meshSeries(const QString &name, StoredSeries::Field field,
                                        int segment) const
{
    StoredSeries series;
    series.field = field;
    series.mesh = true;
    series.labels = IstioMetrics::labels(m_segments.at(segment).pod);
    series.labels.append({QStringLiteral("__name__"), name});
    QList<StoredSeries> out;
    if (field == StoredSeries::Field::MeshResponses) {
        for (const bool errors : {false, true}) {
            StoredSeries codes = series;
            codes.errorResponses = errors;
            codes.labels.append({QStringLiteral("response_code"),
                                 errors ? QStringLiteral("503") : QStringLiteral("200")});
            out.append(codes);
        }
    } else if (field == StoredSeries::Field::MeshBucket) {
        for (int bucket = 0; bucket < IstioMetrics::kDurationBuckets; ++bucket) {
            StoredSeries bounded = series;
            bounded.bucket = bucket;
            bounded.labels.append({QStringLiteral("le"), IstioMetrics::bucketBound(bucket)});
            out.append(bounded);
        }
    } else {
        out.append(series);
    }
    return out;
}

void Storage::chainMeshSegments(StoredSeries &series)
{
    // A role change (a promotion) recomputes the pod's counters with its new role's values
    // from the pod's start; the series' labels stay, so the counter must not jump or fall
    // there (a fall would read as a counter reset and rate() as a burst of requests).
    double offset = 0;
    for (qsizetype k = 1; k < series.segments.size(); ++k) {
        const int previous = series.segments.at(k - 1);
        const int current = series.segments.at(k);
        const MetricPod &before = m_segments.at(previous).pod;
        const MetricPod &after = m_segments.at(current).pod;
        if (before.regresses != after.regresses || before.roleSinceMs != after.roleSinceMs
            || before.startMs != after.startMs) {
            const qint64 atMs = m_segments.at(current).fromMs;
            offset += segmentValue(series, previous, atMs) - segmentValue(series, current, atMs);
        }
        if (offset != 0)
            series.offsets.insert(current, offset);
    }
}

} // namespace rdsim::promql
