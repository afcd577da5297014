// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// What a chart's values measure, so axes and hover text say "120 ms" or "4.2 %" instead of a
// bare 0.12 or 0.042.
enum class ChartUnit {
    None, // a plain number (restarts, counts)
    Ratio, // 0..1, shown as a percentage
    Percent, // 0..100
    Seconds,
    Milliseconds,
    Bytes,
    Cores, // CPU cores (rate of cpu seconds)
    RequestsPerSecond,
};

namespace ChartUnits {

// The config file's names: none, ratio, percent, seconds, milliseconds, bytes, cores,
// requests/s (also accepted: "", %, s, ms, req/s, rps). False for anything else.
bool parse(const QString &text, ChartUnit *out);
QString name(ChartUnit unit); // the canonical config name
QStringList names(); // every canonical name, for error messages

// One value with its unit, about three significant digits: "4.2 %", "120 ms", "1.5 s",
// "256 MiB", "0.12 cores", "40.2 req/s", "1.2k". NaN is "no value", ±Inf "+Inf"/"-Inf".
QString format(double value, ChartUnit unit);

// Labels for axis ticks: one scale for all of them (the largest tick's), with as many
// decimals as the spacing between ticks needs, e.g. {0, 0.25, 0.5} seconds gives
// "0 ms", "250 ms", "500 ms".
QStringList axisLabels(const QList<double> &ticks, ChartUnit unit);

// Round tick values (1, 2, 2.5, 5 × 10^n spacing, and 1024-based spacing for bytes) covering
// [min, max] with at most maxTicks ticks; the first tick is at or below min and the last at
// or above max. A zero-width range is widened around its value.
QList<double> niceTicks(double min, double max, int maxTicks, ChartUnit unit);

} // namespace ChartUnits
