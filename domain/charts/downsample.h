// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "promresult.h"

#include <QList>
#include <QPointF>

// Reducing a series to what a chart can show. A line chart draws at most one vertical stroke
// per pixel column, from the column's lowest to its highest value; keeping exactly those two
// samples per column (in time order) draws the same picture as all of them, extremes
// included, at a few thousand points instead of 40,000 per series. Gaps stay gaps: a line
// never bridges a missing stretch or a NaN.
namespace Downsample {

// Contiguous runs of points; x is the timestamp in ms, y the value.
using Segments = QList<QList<QPointF>>;

// The samples in [startMs, endMs] (plus the nearest sample outside each end, so lines run to
// the edges) reduced to at most the minimum and maximum of each of `pixels` equal columns,
// split into segments where a value is NaN or ±Inf or where two neighbouring samples are
// more than maxGapMs apart (maxGapMs <= 0: no time gaps). When the window holds at most
// 2 × pixels samples they are kept as they are. samples must be in ascending time.
Segments minMax(const QList<PromSample> &samples, qint64 startMs, qint64 endMs, int pixels,
                qint64 maxGapMs);

// The gap a range query's result implies: one missing point (1.5 steps) at least, so a step
// of jitter in the scrape does not break a line.
inline qint64 gapForStep(qint64 stepMs)
{
    return stepMs > 0 ? stepMs + stepMs / 2 : 0;
}

// Total points over all segments.
qsizetype pointCount(const Segments &segments);

} // namespace Downsample
