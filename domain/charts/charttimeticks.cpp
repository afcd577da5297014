// SPDX-License-Identifier: GPL-3.0-or-later
#include "charttimeticks.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QSet>

#include <array>
#include <cmath>

namespace ChartTimeTicks {

namespace {

constexpr qint64 minute = 60;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;
constexpr std::array<qint64, 22> steps
    = {1,          2,           5,           10,          15,       30,       minute,   2 * minute,
       5 * minute, 10 * minute, 15 * minute, 30 * minute, hour,     2 * hour, 3 * hour, 6 * hour,
       12 * hour,  day,         2 * day,     7 * day,     14 * day, 30 * day};

QDateTime toDisplay(qint64 timeMs, bool utc)
{
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC);
    return utc ? time : time.toLocalTime();
}

qint64 floorDiv(qint64 a, qint64 b)
{
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

} // namespace

QList<Tick> ticks(qint64 startMs, qint64 endMs, int maxTicks, bool utc)
{
    QList<Tick> result;
    if (endMs <= startMs || maxTicks < 1)
        return result;
    // Ticks fall on round local times: shift by the offset at the start (a DST change inside
    // the span moves the later ticks by an hour, which is still a round time).
    const qint64 offsetMs = utc ? 0 : qint64(toDisplay(startMs, false).offsetFromUtc()) * 1000;
    qint64 stepMs = steps.back() * 1000;
    for (qint64 step : steps) {
        const qint64 ms = step * 1000;
        const qint64 first = floorDiv(startMs + offsetMs + ms - 1, ms);
        const qint64 last = floorDiv(endMs + offsetMs, ms);
        if (last - first + 1 <= maxTicks) {
            stepMs = ms;
            break;
        }
    }
    const qint64 spanMs = endMs - startMs;
    const QLocale locale;
    QSet<QString> used;
    for (qint64 k = floorDiv(startMs + offsetMs + stepMs - 1, stepMs);
         k * stepMs - offsetMs <= endMs; ++k) {
        const qint64 timeMs = k * stepMs - offsetMs;
        const QDateTime time = toDisplay(timeMs, utc);
        QString format;
        if (stepMs < minute * 1000)
            format = QStringLiteral("HH:mm:ss");
        else if (stepMs >= day * 1000 || (spanMs > day * 1000 && time.time() == QTime(0, 0)))
            format = QStringLiteral("MMM d");
        else
            format = QStringLiteral("HH:mm");
        QString label = locale.toString(time, format);
        while (used.contains(label))
            label += QChar(0x200B);
        used.insert(label);
        result.append({timeMs, label});
    }
    return result;
}

QString formatTime(qint64 timeMs, bool utc)
{
    return toDisplay(timeMs, utc).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString formatStep(qint64 stepMs)
{
    const auto text = [](qint64 value, const char *unit) -> QString {
        return QString::number(value) + QLatin1Char(' ') + QLatin1String(unit);
    };
    if (stepMs <= 0)
        return QString();
    if (stepMs % (day * 1000) == 0)
        return text(stepMs / (day * 1000), "d");
    if (stepMs % (hour * 1000) == 0)
        return text(stepMs / (hour * 1000), "h");
    if (stepMs % (minute * 1000) == 0)
        return text(stepMs / (minute * 1000), "min");
    if (stepMs % 1000 == 0)
        return text(stepMs / 1000, "s");
    return text(stepMs, "ms");
}

} // namespace ChartTimeTicks
