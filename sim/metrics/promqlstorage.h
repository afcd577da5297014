// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/podhistory.h"
#include "metrics/promqlast.h"
#include "metrics/syntheticmetrics.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <deque>
#include <optional>

namespace rdsim::promql {

struct Point
{
    qint64 t = 0; // ms
    double v = 0;
};

// One time series of the synthetic metrics: a label set and the pod segments that carry it.
// A role change gives a pod new labels and so a new series, as a real scrape would.
struct StoredSeries
{
    enum class Field {
        Requests,
        Errors,
        Bucket,
        LatencySum,
        CpuSeconds,
        MemoryBytes,
        Restarts,
        Orders,
        FalcoEvents,
        MeshResponses, // istio_requests_total, by response code
        MeshBucket, // istio_request_duration_milliseconds_bucket
        MeshDurationSum // istio_request_duration_milliseconds_sum (_count is Requests)
    };
    Labels labels;
    Field field = Field::Requests;
    // Field::Bucket: index into SyntheticMetrics::kBucketBounds (11 = +Inf); Field::MeshBucket:
    // into IstioMetrics::kDurationBoundsMs (19 = +Inf)
    int bucket = 0;
    QString container; // Field::Restarts
    bool failedOrders = false; // Field::Orders: status="failed" (else "success")
    int falcoRule = 0; // Field::FalcoEvents: index into the behaviour's falco rules
    bool errorResponses = false; // Field::MeshResponses: response_code="503" (else "200")
    // Istio's labels (no role): a pod's segments before and after a role change are one
    // series, whose counters go on from where they were rather than restart: a segment's
    // offset (absent: 0) is added to its closed form.
    bool mesh = false;
    QHash<int, double> offsets;
    QList<int> segments; // indices into the storage's segments, by start time
    QList<qint64> staleAtMs; // per segment: when a scrape first missed it (kNever if never)

    bool isCounter() const { return field != Field::MemoryBytes; }
};

// The series a query reads, as if Prometheus had scraped rd-sim's /metrics every
// scrapeIntervalMs (at whole multiples of it) since each pod started: samples exist at those
// grid times while a segment lasts (and not after nowMs), values come from the closed forms,
// and a series that ends gets a staleness marker at the first scrape that misses it.
// Built per query from a snapshot of the pod history; series are made lazily per metric name.
class Storage
{
public:
    static constexpr qint64 kNever = std::numeric_limits<qint64>::max();

    Storage(const SyntheticMetrics &metrics, QList<PodSegment> segments, qint64 nowMs,
            qint64 scrapeIntervalMs);

    static const QStringList &metricNames();

    // Every series whose labels satisfy all matchers.
    QList<const StoredSeries *> select(const QList<Matcher> &matchers);
    // The newest sample at or before t, unless it is older than lookbackMs or a staleness
    // marker follows it (Prometheus' instant-vector lookup).
    std::optional<double> latest(const StoredSeries &series, qint64 t, qint64 lookbackMs);
    // The samples in [fromMs, toMs]. With `anchors`, a counter gives only each segment's first
    // and last sample (within a segment its values never decrease, so rate and increase need
    // no more); *count receives the true number of samples either way.
    QList<Point> samples(const StoredSeries &series, qint64 fromMs, qint64 toMs, bool anchors,
                         int *count);
    bool hasSamples(const StoredSeries &series, qint64 fromMs, qint64 toMs) const;

private:
    const std::deque<StoredSeries> &seriesNamed(const QString &name);
    // The series one segment adds to a metric: one, or one per bucket, container or status.
    QList<StoredSeries> seriesOf(const QString &name, StoredSeries::Field field, int segment) const;
    QList<StoredSeries> falcoSeries(const QString &name, int segment) const;
    QList<StoredSeries> meshSeries(const QString &name, StoredSeries::Field field,
                                   int segment) const;
    Labels podLabels(const PodSegment &segment) const;
    qint64 firstSampleMs(const PodSegment &segment) const;
    qint64 lastSampleMs(const PodSegment &segment, qint64 atOrBeforeMs) const;
    qint64 floorGrid(qint64 ms) const;
    qint64 ceilGrid(qint64 ms) const;
    double value(const StoredSeries &series, int segment, qint64 atMs);
    double segmentValue(const StoredSeries &series, int segment, qint64 atMs);
    // The offsets of a mesh series (segments sorted): a segment whose closed form differs from
    // the previous one's (another role) starts where that one ended.
    void chainMeshSegments(StoredSeries &series);
    const SyntheticMetrics::PodCounters &counters(int segment, qint64 atMs);

    QList<PodSegment> m_segments;
    QList<MetricBehaviour> m_behaviours; // per segment
    qint64 m_nowMs;
    qint64 m_gridMs;
    QHash<QString, std::deque<StoredSeries>> m_series; // by metric name; deque: stable addresses
    QHash<quint64, SyntheticMetrics::PodCounters> m_cache; // (segment, time) -> counters
};

} // namespace rdsim::promql
