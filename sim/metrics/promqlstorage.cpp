// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/promqlstorage.h"

#include "metrics/istiometrics.h"
#include "metrics/metricexposition.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace rdsim::promql {

namespace {

using Field = StoredSeries::Field;

struct MetricDef
{
    const char *name;
    Field field;
    bool mesh; // Istio's labels (IstioMetrics) rather than the pod's own
};

// The exposition's families as Prometheus stores them (histograms as _bucket, _sum, _count).
constexpr MetricDef kMetrics[] = {
    {"falco_events", Field::FalcoEvents, false},
    {"istio_request_duration_milliseconds_bucket", Field::MeshBucket, true},
    {"istio_request_duration_milliseconds_count", Field::Requests, true},
    {"istio_request_duration_milliseconds_sum", Field::MeshDurationSum, true},
    {"istio_requests_total", Field::MeshResponses, true},
    {"kube_pod_container_status_restarts_total", Field::Restarts, false},
    {"orders_total", Field::Orders, false},
    {"rd_container_cpu_usage_seconds_total", Field::CpuSeconds, false},
    {"rd_container_memory_working_set_bytes", Field::MemoryBytes, false},
    {"rd_http_request_duration_seconds_bucket", Field::Bucket, false},
    {"rd_http_request_duration_seconds_count", Field::Requests, false},
    {"rd_http_request_duration_seconds_sum", Field::LatencySum, false},
    {"rd_http_request_errors_total", Field::Errors, false},
    {"rd_http_requests_total", Field::Requests, false},
};

// Bounds the per-query cache of closed-form counters (about 190 bytes each).
constexpr int kMaxCachedCounters = 200000;

} // namespace

Storage::Storage(const SyntheticMetrics &metrics, QList<PodSegment> segments, qint64 nowMs,
                 qint64 scrapeIntervalMs) :
    m_segments(std::move(segments)), m_nowMs(nowMs), m_gridMs(std::max<qint64>(1, scrapeIntervalMs))
{
    QHash<QString, MetricBehaviour> behaviours;
    m_behaviours.reserve(m_segments.size());
    for (const PodSegment &segment : std::as_const(m_segments)) {
        const MetricPod &pod = segment.pod;
        const QString owner = pod.rollout.isEmpty() ? pod.deployment : pod.rollout;
        const QString key = pod.ns + u'/' + owner;
        auto it = behaviours.constFind(key);
        if (it == behaviours.constEnd())
            it = behaviours.insert(key, metrics.behaviour(pod.ns, owner));
        m_behaviours.append(*it);
    }
}

const QStringList &Storage::metricNames()
{
    static const QStringList names = [] {
        QStringList out;
        for (const MetricDef &def : kMetrics)
            out << QString::fromLatin1(def.name);
        return out;
    }();
    return names;
}

qint64 Storage::floorGrid(qint64 ms) const
{
    const qint64 q = ms / m_gridMs;
    return (ms % m_gridMs != 0 && ms < 0 ? q - 1 : q) * m_gridMs;
}

qint64 Storage::ceilGrid(qint64 ms) const
{
    const qint64 down = floorGrid(ms);
    return down == ms ? ms : down + m_gridMs;
}

qint64 Storage::firstSampleMs(const PodSegment &segment) const
{
    return ceilGrid(std::max(segment.fromMs, segment.pod.startMs));
}

qint64 Storage::lastSampleMs(const PodSegment &segment, qint64 atOrBeforeMs) const
{
    return floorGrid(std::min({atOrBeforeMs, segment.toMs - 1, m_nowMs}));
}

Labels Storage::podLabels(const PodSegment &segment) const
{
    const MetricPod &pod = segment.pod;
    return {{QStringLiteral("deployment"), pod.deployment},
            {QStringLiteral("namespace"), pod.ns},
            {QStringLiteral("pod"), pod.name},
            {QStringLiteral("role"), pod.role},
            {QStringLiteral("rollout"), pod.rollout},
            {QStringLiteral("rollouts_pod_template_hash"), pod.hash}};
}

const std::deque<StoredSeries> &Storage::seriesNamed(const QString &name)
{
    auto existing = m_series.constFind(name);
    if (existing != m_series.constEnd())
        return *existing;
    Field field = Field::Requests;
    bool mesh = false;
    for (const MetricDef &def : kMetrics) {
        if (name == QLatin1String(def.name)) {
            field = def.field;
            mesh = def.mesh;
        }
    }
    std::deque<StoredSeries> &list = m_series[name];
    QHash<QString, size_t> bySignature;
    const auto add = [&](StoredSeries series, int segment) {
        series.labels = normalized(series.labels);
        const QString sig = signature(series.labels);
        auto it = bySignature.constFind(sig);
        if (it == bySignature.constEnd()) {
            it = bySignature.insert(sig, list.size());
            list.push_back(std::move(series));
        }
        list[*it].segments.append(segment);
    };
    for (int i = 0; i < m_segments.size(); ++i) {
        for (const StoredSeries &series :
             mesh ? meshSeries(name, field, i) : seriesOf(name, field, i))
            add(series, i);
    }
    for (StoredSeries &series : list) {
        std::sort(series.segments.begin(), series.segments.end(), [this](int a, int b) {
            return m_segments.at(a).fromMs < m_segments.at(b).fromMs;
        });
        for (int k = 0; k < series.segments.size(); ++k) {
            const PodSegment &segment = m_segments.at(series.segments.at(k));
            const bool continued = k + 1 < series.segments.size()
                && m_segments.at(series.segments.at(k + 1)).fromMs <= segment.toMs;
            series.staleAtMs.append(segment.isOpen() || continued ? kNever
                                                                  : ceilGrid(segment.toMs));
        }
        if (series.mesh)
            chainMeshSegments(series);
    }
    return list;
}

QList<StoredSeries> Storage::seriesOf(const QString &name, Field field, int segment) const
{
    StoredSeries series;
    series.field = field;
    series.labels = podLabels(m_segments.at(segment));
    series.labels.append({kMetricNameLabel, name});
    QList<StoredSeries> out;
    if (field == Field::Bucket) {
        const auto &bounds = SyntheticMetrics::kBucketBounds;
        for (int b = 0; b <= int(bounds.size()); ++b) {
            StoredSeries bucket = series;
            bucket.bucket = b;
            const double bound = b < int(bounds.size()) ? bounds[size_t(b)]
                                                        : std::numeric_limits<double>::infinity();
            bucket.labels.append(
                {QStringLiteral("le"), QString::fromLatin1(MetricExposition::formatValue(bound))});
            out.append(bucket);
        }
    } else if (field == Field::Restarts) {
        for (const auto &[container, count] : m_segments.at(segment).pod.restarts) {
            Q_UNUSED(count);
            StoredSeries restarts = series;
            restarts.container = container;
            restarts.labels.append({QStringLiteral("container"), container});
            out.append(restarts);
        }
    } else if (field == Field::Orders) {
        // Only the pods of rollouts with an orderRate export orders, as in the exposition.
        if (m_behaviours.at(segment).orderRate <= 0)
            return out;
        for (const bool failed : {true, false}) {
            StoredSeries orders = series;
            orders.failedOrders = failed;
            orders.labels.append({QStringLiteral("status"),
                                  failed ? QStringLiteral("failed") : QStringLiteral("success")});
            out.append(orders);
        }
    } else if (field == Field::FalcoEvents) {
        out = falcoSeries(name, segment);
    } else {
        out.append(series);
    }
    return out;
}

// The Falco exporter's series carry its own labels, not the pod's scrape labels: the event's
// namespace and pod are fields Falco read from the container runtime.
QList<StoredSeries> Storage::falcoSeries(const QString &name, int segment) const
{
    QList<StoredSeries> out;
    const MetricPod &pod = m_segments.at(segment).pod;
    const QList<FalcoRule> &rules = m_behaviours.at(segment).falco;
    for (int i = 0; i < rules.size(); ++i) {
        const FalcoRule &rule = rules.at(i);
        if (rule.canaryOnly && !pod.regresses)
            continue;
        StoredSeries series;
        series.field = Field::FalcoEvents;
        series.falcoRule = i;
        series.labels = {{kMetricNameLabel, name},
                         {QStringLiteral("hostname"), QStringLiteral("falco-node-1")},
                         {QStringLiteral("k8s_ns_name"), pod.ns},
                         {QStringLiteral("k8s_pod_name"), pod.name},
                         {QStringLiteral("priority"), QString::number(rule.priority)},
                         {QStringLiteral("rule"), rule.rule},
                         {QStringLiteral("source"), rule.source},
                         {QStringLiteral("tags"), rule.tags}};
        out.append(series);
    }
    return out;
}

QList<const StoredSeries *> Storage::select(const QList<Matcher> &matchers)
{
    QStringList names = metricNames();
    for (const Matcher &m : matchers) {
        if (m.name == kMetricNameLabel && m.op == Matcher::Op::Equal)
            names = names.contains(m.value) ? QStringList {m.value} : QStringList {};
    }
    QList<const StoredSeries *> out;
    for (const QString &name : std::as_const(names)) {
        for (const StoredSeries &series : seriesNamed(name)) {
            const bool all = std::all_of(matchers.cbegin(), matchers.cend(), [&](const Matcher &m) {
                return m.matches(labelValue(series.labels, m.name));
            });
            if (all)
                out.append(&series);
        }
    }
    return out;
}

std::optional<double> Storage::latest(const StoredSeries &series, qint64 t, qint64 lookbackMs)
{
    for (int k = int(series.segments.size()) - 1; k >= 0; --k) {
        const PodSegment &segment = m_segments.at(series.segments.at(k));
        if (segment.fromMs > t)
            continue;
        const qint64 last = lastSampleMs(segment, t);
        if (firstSampleMs(segment) > last)
            continue;
        if (series.staleAtMs.at(k) <= t || last < t - lookbackMs)
            return std::nullopt;
        return value(series, series.segments.at(k), last);
    }
    return std::nullopt;
}

QList<Point> Storage::samples(const StoredSeries &series, qint64 fromMs, qint64 toMs, bool anchors,
                              int *count)
{
    QList<Point> out;
    int total = 0;
    for (const int index : series.segments) {
        const PodSegment &segment = m_segments.at(index);
        const qint64 first = std::max(firstSampleMs(segment), ceilGrid(fromMs));
        const qint64 last = lastSampleMs(segment, toMs);
        if (first > last)
            continue;
        total += int((last - first) / m_gridMs) + 1;
        if (anchors && series.isCounter()) {
            out.append({first, value(series, index, first)});
            if (last > first)
                out.append({last, value(series, index, last)});
            continue;
        }
        for (qint64 t = first; t <= last; t += m_gridMs)
            out.append({t, value(series, index, t)});
    }
    if (count)
        *count = total;
    return out;
}

bool Storage::hasSamples(const StoredSeries &series, qint64 fromMs, qint64 toMs) const
{
    for (const int index : series.segments) {
        const PodSegment &segment = m_segments.at(index);
        if (std::max(firstSampleMs(segment), ceilGrid(fromMs)) <= lastSampleMs(segment, toMs))
            return true;
    }
    return false;
}

const SyntheticMetrics::PodCounters &Storage::counters(int segment, qint64 atMs)
{
    // Times are epoch milliseconds (< 2^43 until the year 2248), segments far fewer than 2^20.
    const quint64 key = (quint64(segment) << 43) ^ quint64(atMs);
    auto it = m_cache.constFind(key);
    if (it != m_cache.constEnd())
        return *it;
    if (m_cache.size() >= kMaxCachedCounters)
        m_cache.clear();
    const PodSegment &s = m_segments.at(segment);
    return *m_cache.insert(key,
                           SyntheticMetrics::countersWith(m_behaviours.at(segment), s.pod.regresses,
                                                          s.pod.name, s.pod.startMs,
                                                          s.pod.roleSinceMs, atMs));
}

double Storage::value(const StoredSeries &series, int segment, qint64 atMs)
{
    const double own = segmentValue(series, segment, atMs);
    return series.offsets.isEmpty() ? own : own + series.offsets.value(segment);
}

double Storage::segmentValue(const StoredSeries &series, int segment, qint64 atMs)
{
    const PodSegment &s = m_segments.at(segment);
    switch (series.field) {
    case Field::MemoryBytes:
        return SyntheticMetrics::sampleWith(m_behaviours.at(segment), s.pod.regresses, s.pod.name,
                                            s.pod.roleSinceMs, atMs)
            .memoryBytes;
    case Field::Restarts:
        for (const auto &[container, count] : s.pod.restarts) {
            if (container == series.container)
                return count;
        }
        return 0;
    case Field::Requests:
        return counters(segment, atMs).requests;
    case Field::Errors:
        return counters(segment, atMs).errors;
    case Field::Bucket:
        return counters(segment, atMs).buckets[size_t(series.bucket)];
    case Field::LatencySum:
        return counters(segment, atMs).latencySumSeconds;
    case Field::CpuSeconds:
        return counters(segment, atMs).cpuSeconds;
    case Field::Orders: {
        const SyntheticMetrics::PodCounters &c = counters(segment, atMs);
        return series.failedOrders ? c.ordersFailed : c.ordersSucceeded;
    }
    case Field::FalcoEvents: {
        // Whole events at a steady rate since the pod started.
        const double perHour = m_behaviours.at(segment).falco.value(series.falcoRule).perHour;
        return std::floor(perHour * double(std::max<qint64>(0, atMs - s.pod.startMs)) / 3.6e6);
    }
    case Field::MeshResponses:
        return IstioMetrics::responses(counters(segment, atMs), series.errorResponses);
    case Field::MeshBucket:
        return IstioMetrics::durationBucket(counters(segment, atMs), series.bucket);
    case Field::MeshDurationSum:
        return IstioMetrics::durationSumMs(counters(segment, atMs));
    }
    return 0;
}

} // namespace rdsim::promql
