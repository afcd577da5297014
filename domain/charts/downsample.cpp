// SPDX-License-Identifier: GPL-3.0-or-later
#include "downsample.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

namespace Downsample {

namespace {

// Builds segments column by column: each column keeps the indexes of its lowest and highest
// sample (the first of equal ones) and emits them in time order when the next column starts.
class Builder
{
public:
    explicit Builder(const QList<PromSample> &samples) : m_samples(samples) { }

    void add(qsizetype index)
    {
        const double value = m_samples.at(index).value;
        if (m_min < 0 || value < m_samples.at(m_min).value)
            m_min = index;
        if (m_max < 0 || value > m_samples.at(m_max).value)
            m_max = index;
    }
    void keep(qsizetype index) { m_current.append(point(index)); }
    void flushColumn()
    {
        if (m_min < 0)
            return;
        keep(std::min(m_min, m_max));
        if (m_min != m_max)
            keep(std::max(m_min, m_max));
        m_min = m_max = -1;
    }
    void closeSegment()
    {
        flushColumn();
        if (!m_current.isEmpty())
            m_segments.append(std::exchange(m_current, {}));
    }
    Segments take()
    {
        closeSegment();
        return std::move(m_segments);
    }

private:
    QPointF point(qsizetype index) const
    {
        const PromSample &sample = m_samples.at(index);
        return QPointF(double(sample.timestampMs), sample.value);
    }

    const QList<PromSample> &m_samples;
    Segments m_segments;
    QList<QPointF> m_current;
    qsizetype m_min = -1;
    qsizetype m_max = -1;
};

} // namespace

Segments minMax(const QList<PromSample> &samples, qint64 startMs, qint64 endMs, int pixels,
                qint64 maxGapMs)
{
    if (samples.isEmpty() || endMs < startMs)
        return {};
    pixels = std::max(1, pixels);
    const auto byTime = [](const PromSample &s, qint64 t) { return s.timestampMs < t; };
    const auto first = std::lower_bound(samples.cbegin(), samples.cend(), startMs, byTime);
    const auto afterEnd
        = std::upper_bound(samples.cbegin(), samples.cend(), endMs,
                           [](qint64 t, const PromSample &s) { return t < s.timestampMs; });
    // One neighbour beyond each end, so the line reaches the plot's edges.
    const qsizetype from = std::max<qsizetype>(0, (first - samples.cbegin()) - 1);
    const qsizetype to = std::min<qsizetype>(samples.size() - 1, afterEnd - samples.cbegin());
    const bool reduce = to - from + 1 > 2 * qsizetype(pixels);
    const double span = double(std::max<qint64>(1, endMs - startMs));

    Builder builder(samples);
    qint64 column = std::numeric_limits<qint64>::min();
    qint64 previousTime = 0;
    bool havePrevious = false;
    for (qsizetype i = from; i <= to; ++i) {
        const PromSample &sample = samples.at(i);
        if (!std::isfinite(sample.value)) {
            builder.closeSegment();
            havePrevious = false;
            continue;
        }
        if (havePrevious && maxGapMs > 0 && sample.timestampMs - previousTime > maxGapMs)
            builder.closeSegment();
        previousTime = sample.timestampMs;
        havePrevious = true;
        if (!reduce) {
            builder.keep(i);
            continue;
        }
        qint64 thisColumn = -1; // the neighbours outside the window get a column each
        if (sample.timestampMs > endMs)
            thisColumn = pixels;
        else if (sample.timestampMs >= startMs)
            thisColumn = std::min<qint64>(
                pixels - 1, qint64(double(sample.timestampMs - startMs) * pixels / span));
        if (thisColumn != column) {
            builder.flushColumn();
            column = thisColumn;
        }
        builder.add(i);
    }
    return builder.take();
}

qsizetype pointCount(const Segments &segments)
{
    qsizetype count = 0;
    for (const QList<QPointF> &segment : segments)
        count += segment.size();
    return count;
}

} // namespace Downsample
