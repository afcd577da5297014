// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/metricpods.h"

#include <QHash>
#include <QList>
#include <QString>

#include <deque>
#include <limits>
#include <mutex>

namespace rdsim {

class ObjectStore;

// One stretch of a pod's life during which everything the metrics depend on stayed the same:
// its labels (role, hash, owner), whether it regresses, and its containers' restart counts.
// The values themselves are closed-form functions of time (SyntheticMetrics), so a segment is
// all a query over the past needs: a week of history costs a few segments per pod, no samples.
struct PodSegment
{
    static constexpr qint64 kOpen = std::numeric_limits<qint64>::max();

    MetricPod pod; // the pod as MetricPods::collect saw it during the segment
    qint64 fromMs = 0; // first virtual ms the segment describes
    qint64 toMs = kOpen; // exclusive end; kOpen while the pod still looks like this

    bool isOpen() const { return toMs == kOpen; }
    bool sameState(const MetricPod &other) const;
};

// Per cluster: the life of every pod the metrics see, as segments, recorded by observing the
// store whenever it changed (the simulator after each controller pass, the query API before
// each query). A pod's first segment starts at its start time; later ones at the observation
// that noticed the change, and a pod that is gone ends at the observation that missed it.
// Bounded: closed segments older than the retention, or beyond the cap, are forgotten oldest
// first. Thread-safe.
class PodHistory
{
public:
    static constexpr qint64 kDefaultRetentionMs = 15LL * 24 * 3600 * 1000; // Prometheus' 15d
    static constexpr int kDefaultMaxClosedSegments = 100000;

    explicit PodHistory(qint64 retentionMs = kDefaultRetentionMs,
                        int maxClosedSegments = kDefaultMaxClosedSegments);

    // Records the store's pods at nowMs unless the store has not changed since the last call,
    // or the last look is less than minIntervalMs ago (the controller loop passes a second:
    // reading 10,000 pods ten times a second would cost more than the precision is worth,
    // next to a 15 s scrape grid).
    void observe(const ObjectStore &store, qint64 nowMs, qint64 minIntervalMs = 0);
    // Records these pods as the state at nowMs (observe() without the store; for tests).
    void record(const QList<MetricPod> &pods, qint64 nowMs);

    // Every segment that overlaps [fromMs, toMs], closed ones first (oldest end first), then
    // the open ones sorted by namespace and pod name.
    QList<PodSegment> segments(qint64 fromMs, qint64 toMs) const;
    int closedSegmentCount() const;
    int openSegmentCount() const;

private:
    void closeLocked(PodSegment segment, qint64 atMs);
    void pruneLocked(qint64 nowMs);

    qint64 m_retentionMs;
    int m_maxClosed;
    std::mutex m_observeMutex; // held through a whole observe()
    mutable std::mutex m_mutex;
    bool m_observed = false;
    quint64 m_lastChange = 0;
    qint64 m_lastObservationMs = std::numeric_limits<qint64>::min();
    QHash<QString, PodSegment> m_open; // "ns/pod"
    std::deque<PodSegment> m_closed; // by end time
};

} // namespace rdsim
