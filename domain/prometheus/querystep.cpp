// SPDX-License-Identifier: GPL-3.0-or-later
#include "querystep.h"

#include <array>

namespace {

constexpr qint64 day = 86400;
constexpr std::array<qint64, 18> niceSteps
    = {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, day};

// Rounds up to a nice step: the list, then whole days.
qint64 niceAtLeast(qint64 seconds)
{
    for (qint64 step : niceSteps) {
        if (step >= seconds)
            return step;
    }
    return (seconds + day - 1) / day * day;
}

qint64 ceilDiv(qint64 a, qint64 b)
{
    return a / b + ((a % b != 0 && ((a < 0) == (b < 0))) ? 1 : 0);
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0 && ((a < 0) != (b < 0))) ? 1 : 0);
}

} // namespace

namespace QueryStep {

qint64 minimumStep(qint64 windowSeconds)
{
    return qMax<qint64>(1, ceilDiv(qMax<qint64>(0, windowSeconds), maxPointsPerSeries));
}

qint64 chooseStep(qint64 windowSeconds, int widthPixels, int pixelsPerPoint)
{
    const qint64 points = qMax<qint64>(1, qMax(1, widthPixels) / qMax(1, pixelsPerPoint));
    const qint64 perPoint = ceilDiv(qMax<qint64>(0, windowSeconds), points);
    return niceAtLeast(qMax(perPoint, minimumStep(windowSeconds)));
}

qint64 nextNiceStep(qint64 stepSeconds)
{
    return niceAtLeast(stepSeconds + 1);
}

qint64 Range::pointCount() const
{
    return stepMs > 0 && endMs >= startMs ? (endMs - startMs) / stepMs + 1 : 0;
}

Range align(qint64 startMs, qint64 endMs, qint64 stepSeconds)
{
    if (endMs < startMs)
        qSwap(startMs, endMs);
    qint64 step = qMax<qint64>(1, stepSeconds);
    while (true) {
        const qint64 stepMs = step * 1000;
        Range range {floorDiv(startMs, stepMs) * stepMs, ceilDiv(endMs, stepMs) * stepMs, stepMs};
        if ((range.endMs - range.startMs) / stepMs <= maxPointsPerSeries)
            return range;
        step = nextNiceStep(step);
    }
}

Range plan(qint64 startMs, qint64 endMs, int widthPixels, int pixelsPerPoint)
{
    const qint64 windowSeconds = ceilDiv(qAbs(endMs - startMs), 1000);
    return align(startMs, endMs, chooseStep(windowSeconds, widthPixels, pixelsPerPoint));
}

qint64 clampStepMs(qint64 startMs, qint64 endMs, qint64 stepMs)
{
    const qint64 floor = ceilDiv(qMax<qint64>(0, endMs - startMs), maxPointsPerSeries);
    return qMax<qint64>(1, qMax(stepMs, floor));
}

} // namespace QueryStep
