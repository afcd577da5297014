// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/podhistory.h"

#include "core/objectstore.h"

#include <QSet>

#include <algorithm>

namespace rdsim {

namespace {

QString podKey(const MetricPod &pod)
{
    return pod.ns + u'/' + pod.name;
}

} // namespace

bool PodSegment::sameState(const MetricPod &other) const
{
    return pod.startMs == other.startMs && pod.roleSinceMs == other.roleSinceMs
        && pod.regresses == other.regresses && pod.role == other.role && pod.hash == other.hash
        && pod.rollout == other.rollout && pod.deployment == other.deployment
        && pod.restarts == other.restarts;
}

PodHistory::PodHistory(qint64 retentionMs, int maxClosedSegments) :
    m_retentionMs(retentionMs), m_maxClosed(std::max(1, maxClosedSegments))
{ }

void PodHistory::observe(const ObjectStore &store, qint64 nowMs, qint64 minIntervalMs)
{
    // One observer at a time: two interleaved collect-and-record passes could record an older
    // state after a newer one.
    std::lock_guard observing(m_observeMutex);
    const quint64 change = store.changeCount();
    {
        std::lock_guard lock(m_mutex);
        if (m_observed && change == m_lastChange) {
            m_lastObservationMs = std::max(m_lastObservationMs, nowMs);
            return;
        }
        if (m_observed && nowMs - m_lastObservationMs < minIntervalMs)
            return;
    }
    const QList<MetricPod> pods = MetricPods::collect(store, QString());
    record(pods, nowMs);
    std::lock_guard lock(m_mutex);
    m_lastChange = change;
}

void PodHistory::record(const QList<MetricPod> &pods, qint64 nowMs)
{
    std::lock_guard lock(m_mutex);
    if (m_observed)
        nowMs = std::max(nowMs, m_lastObservationMs);
    QSet<QString> seen;
    seen.reserve(pods.size());
    for (const MetricPod &pod : pods) {
        const QString key = podKey(pod);
        seen.insert(key);
        const auto it = m_open.find(key);
        qint64 fromMs = nowMs;
        if (it == m_open.end()) {
            // A pod seen for the first time: from its start when this is the first look at
            // the store, else from the last look (it became visible, i.e. Running, since).
            fromMs = m_observed ? std::max(pod.startMs, m_lastObservationMs) : pod.startMs;
        } else if (it->pod.startMs != pod.startMs) {
            // The name was taken by a new pod: the old one ended when the new one appeared.
            fromMs = std::clamp(std::max(pod.startMs, m_lastObservationMs), it->fromMs, nowMs);
            closeLocked(*it, fromMs);
        } else if (it->sameState(pod)) {
            continue;
        } else {
            closeLocked(*it, nowMs);
        }
        PodSegment segment;
        segment.pod = pod;
        segment.fromMs = fromMs;
        m_open.insert(key, segment);
    }
    for (auto it = m_open.begin(); it != m_open.end();) {
        if (seen.contains(it.key())) {
            ++it;
            continue;
        }
        closeLocked(*it, nowMs);
        it = m_open.erase(it);
    }
    m_lastObservationMs = nowMs;
    m_observed = true;
    pruneLocked(nowMs);
}

void PodHistory::closeLocked(PodSegment segment, qint64 atMs)
{
    // A state that lasted no time at all was never visible to a scrape.
    if (atMs <= segment.fromMs)
        return;
    segment.toMs = atMs;
    m_closed.push_back(segment);
}

void PodHistory::pruneLocked(qint64 nowMs)
{
    while (
        !m_closed.empty()
        && (int(m_closed.size()) > m_maxClosed || m_closed.front().toMs < nowMs - m_retentionMs)) {
        m_closed.pop_front();
    }
}

QList<PodSegment> PodHistory::segments(qint64 fromMs, qint64 toMs) const
{
    std::lock_guard lock(m_mutex);
    QList<PodSegment> out;
    for (const PodSegment &segment : m_closed) {
        if (segment.toMs > fromMs && segment.fromMs <= toMs)
            out.append(segment);
    }
    QList<PodSegment> open;
    for (const PodSegment &segment : m_open) {
        if (segment.fromMs <= toMs)
            open.append(segment);
    }
    std::sort(open.begin(), open.end(), [](const PodSegment &a, const PodSegment &b) {
        return a.pod.ns != b.pod.ns ? a.pod.ns < b.pod.ns : a.pod.name < b.pod.name;
    });
    return out + open;
}

int PodHistory::closedSegmentCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_closed.size());
}

int PodHistory::openSegmentCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_open.size());
}

} // namespace rdsim
