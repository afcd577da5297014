// SPDX-License-Identifier: GPL-3.0-or-later
#include "durationparser.h"

#include <limits>

namespace {

constexpr quint64 nanosecond = 1;
constexpr quint64 microsecond = 1000 * nanosecond;
constexpr quint64 millisecond = 1000 * microsecond;
constexpr quint64 second = 1000 * millisecond;
constexpr quint64 minute = 60 * second;
constexpr quint64 hour = 60 * minute;
constexpr quint64 limit = quint64(1) << 63;

bool isDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

std::optional<quint64> unitNanoseconds(QStringView unit)
{
    if (unit == u"ns")
        return nanosecond;
    if (unit == u"us" || unit == u"\u00b5s" || unit == u"\u03bcs")
        return microsecond;
    if (unit == u"ms")
        return millisecond;
    if (unit == u"s")
        return second;
    if (unit == u"m")
        return minute;
    if (unit == u"h")
        return hour;
    return std::nullopt;
}

} // namespace

std::optional<qint64> parseGoDuration(QStringView s)
{
    bool negative = false;
    if (!s.isEmpty() && (s.front() == QLatin1Char('-') || s.front() == QLatin1Char('+'))) {
        negative = s.front() == QLatin1Char('-');
        s = s.mid(1);
    }
    if (s == u"0")
        return 0;
    if (s.isEmpty())
        return std::nullopt;
    quint64 total = 0;
    while (!s.isEmpty()) {
        if (!(s.front() == QLatin1Char('.') || isDigit(s.front())))
            return std::nullopt;
        // [0-9]*
        quint64 whole = 0;
        qsizetype i = 0;
        for (; i < s.size() && isDigit(s.at(i)); ++i) {
            if (whole > (limit - 1) / 10)
                return std::nullopt; // overflow
            whole = whole * 10 + quint64(s.at(i).unicode() - '0');
            if (whole > limit)
                return std::nullopt;
        }
        const bool pre = i > 0;
        s = s.mid(i);
        // (\.[0-9]*)?
        quint64 fraction = 0;
        double scale = 1.0;
        bool post = false;
        if (!s.isEmpty() && s.front() == QLatin1Char('.')) {
            s = s.mid(1);
            bool overflow = false;
            qsizetype j = 0;
            for (; j < s.size() && isDigit(s.at(j)); ++j) {
                if (overflow)
                    continue;
                if (fraction > (std::numeric_limits<quint64>::max() >> 1) / 10) {
                    overflow = true; // further digits cannot matter, as in Go
                    continue;
                }
                fraction = fraction * 10 + quint64(s.at(j).unicode() - '0');
                scale *= 10;
            }
            post = j > 0;
            s = s.mid(j);
        }
        if (!pre && !post)
            return std::nullopt;
        qsizetype u = 0;
        while (u < s.size() && s.at(u) != QLatin1Char('.') && !isDigit(s.at(u)))
            ++u;
        if (u == 0)
            return std::nullopt; // missing unit
        const std::optional<quint64> unit = unitNanoseconds(s.left(u));
        if (!unit)
            return std::nullopt;
        s = s.mid(u);
        if (whole > limit / *unit)
            return std::nullopt;
        whole *= *unit;
        if (fraction > 0) {
            whole += quint64(double(fraction) * (double(*unit) / scale));
            if (whole > limit)
                return std::nullopt;
        }
        total += whole;
        if (total > limit)
            return std::nullopt;
    }
    if (negative)
        return total == limit ? std::numeric_limits<qint64>::min() : -qint64(total);
    if (total > limit - 1)
        return std::nullopt;
    return qint64(total);
}

std::optional<qint64> durationSeconds(const IntOrString &value)
{
    switch (value.kind) {
    case IntOrString::Kind::Unset:
        return std::nullopt;
    case IntOrString::Kind::Int:
        return value.intValue;
    case IntOrString::Kind::String:
        break;
    }
    bool isInteger = false;
    const qint32 seconds = value.stringValue.toInt(&isInteger);
    if (isInteger)
        return seconds;
    const std::optional<qint64> nanoseconds = parseGoDuration(value.stringValue);
    if (!nanoseconds)
        return std::nullopt;
    return *nanoseconds / qint64(second);
}

QString humanDuration(qint64 msecs)
{
    const qint64 seconds = msecs / 1000; // int(d.Seconds()) truncates toward zero
    if (seconds < -1)
        return QStringLiteral("<invalid>");
    if (seconds < 0)
        return QStringLiteral("0s");
    if (seconds < 60 * 2)
        return QString::number(seconds) + QLatin1Char('s');
    const qint64 minutes = seconds / 60;
    if (minutes < 10) {
        const qint64 s = seconds % 60;
        if (s == 0)
            return QString::number(minutes) + QLatin1Char('m');
        return QString::number(minutes) + QLatin1Char('m') + QString::number(s) + QLatin1Char('s');
    }
    if (minutes < 60 * 3)
        return QString::number(minutes) + QLatin1Char('m');
    const qint64 hours = minutes / 60;
    if (hours < 8) {
        const qint64 m = minutes % 60;
        if (m == 0)
            return QString::number(hours) + QLatin1Char('h');
        return QString::number(hours) + QLatin1Char('h') + QString::number(m) + QLatin1Char('m');
    }
    if (hours < 48)
        return QString::number(hours) + QLatin1Char('h');
    if (hours < 24 * 8) {
        const qint64 h = hours % 24;
        if (h == 0)
            return QString::number(hours / 24) + QLatin1Char('d');
        return QString::number(hours / 24) + QLatin1Char('d') + QString::number(h)
            + QLatin1Char('h');
    }
    if (hours < 24 * 365 * 2)
        return QString::number(hours / 24) + QLatin1Char('d');
    if (hours < 24 * 365 * 8) {
        const qint64 days = (hours / 24) % 365;
        if (days == 0)
            return QString::number(hours / 24 / 365) + QLatin1Char('y');
        return QString::number(hours / 24 / 365) + QLatin1Char('y') + QString::number(days)
            + QLatin1Char('d');
    }
    return QString::number(hours / 24 / 365) + QLatin1Char('y');
}

QString compactDuration(qint64 msecs)
{
    if (msecs <= 0)
        return QStringLiteral("0s");
    QString text;
    const qint64 hours = msecs / 3600000;
    const qint64 minutes = msecs / 60000 % 60;
    const qint64 seconds = msecs / 1000 % 60;
    const qint64 millis = msecs % 1000;
    if (hours > 0)
        text += QString::number(hours) + QLatin1Char('h');
    if (minutes > 0)
        text += QString::number(minutes) + QLatin1Char('m');
    if (seconds > 0)
        text += QString::number(seconds) + QLatin1Char('s');
    if (millis > 0)
        text += QString::number(millis) + QStringLiteral("ms");
    return text;
}
