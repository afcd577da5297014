// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// Choosing the step of a range query. Prometheus rejects a query_range whose
// (end - start) / step exceeds 11,000 points per series; a chart needs about one point per
// pixel; and backends cache only ranges whose start and end are multiples of the step (Mimir,
// Thanos' query frontend), as does our own result cache. So: a "nice" step (1 s, 2 s, 5 s,
// 10 s, 15 s, 30 s, 1 m, 2 m, 5 m, 10 m, 15 m, 30 m, 1 h, 2 h, 3 h, 6 h, 12 h, 1 d, then whole
// days) close to one point per pixel, never under the 11,000-point floor, and a range
// aligned to it.
namespace QueryStep {

constexpr qint64 maxPointsPerSeries = 11000;

// ceil(windowSeconds / 11000), at least 1: the smallest whole-second step Prometheus accepts.
qint64 minimumStep(qint64 windowSeconds);

// The smallest nice step (seconds) that gives at most one point per `pixelsPerPoint` pixels
// over `widthPixels` and stays within 11,000 points. A width below 1 counts as 1.
qint64 chooseStep(qint64 windowSeconds, int widthPixels, int pixelsPerPoint = 1);

// The next nice step above `stepSeconds` (whole days beyond one day).
qint64 nextNiceStep(qint64 stepSeconds);

// Milliseconds, as PrometheusClient and the sample timestamps use them.
struct Range
{
    qint64 startMs = 0;
    qint64 endMs = 0;
    qint64 stepMs = 0;

    // Points per series Prometheus evaluates: floor((end - start) / step) + 1.
    qint64 pointCount() const;
    bool operator==(const Range &o) const
    {
        return startMs == o.startMs && endMs == o.endMs && stepMs == o.stepMs;
    }
    bool operator!=(const Range &o) const { return !(*this == o); }
};

// start rounded down and end rounded up to multiples of the step (in Unix time, so every
// client asking for the same window gets the same range). When the widened range would
// exceed 11,000 points, the step goes up to the next nice step.
Range align(qint64 startMs, qint64 endMs, qint64 stepSeconds);

// chooseStep() for the window, then align().
Range plan(qint64 startMs, qint64 endMs, int widthPixels, int pixelsPerPoint = 1);

// What the client sends for an arbitrary step: max(stepMs, ceil((end - start) / 11000)), in
// milliseconds (at least 1).
qint64 clampStepMs(qint64 startMs, qint64 endMs, qint64 stepMs);

} // namespace QueryStep
