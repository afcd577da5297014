// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

// The time axis of a chart: ticks on round times (every 5 minutes, every hour, midnights)
// rather than at evenly divided arbitrary moments, with labels as short as the span allows.
namespace ChartTimeTicks {

struct Tick
{
    qint64 timeMs = 0;
    QString label;

    bool operator==(const Tick &o) const { return timeMs == o.timeMs && label == o.label; }
    bool operator!=(const Tick &o) const { return !(*this == o); }
};

// At most maxTicks ticks inside [startMs, endMs], at multiples of the smallest step of 1, 2,
// 5, 10, 15, 30 s, 1, 2, 5, 10, 15, 30 min, 1, 2, 3, 6, 12 h, 1, 2, 7, 14, 30 d that fits, in
// local time (utc: in UTC). Labels: "HH:mm:ss" below a minute, "MMM d" from a day, else
// "HH:mm", with midnights as "MMM d" when the span is over a day. Labels are unique (a
// repeated one gets invisible zero-width spaces appended: axis categories need unique names).
QList<Tick> ticks(qint64 startMs, qint64 endMs, int maxTicks, bool utc);

// A moment for hover text and file names: "2024-05-02 10:19:00" (local time, or UTC).
QString formatTime(qint64 timeMs, bool utc);

// A duration as a resolution: "15 s", "5 min", "1 h", "2 d".
QString formatStep(qint64 stepMs);

} // namespace ChartTimeTicks
