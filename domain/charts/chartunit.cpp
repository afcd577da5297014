// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartunit.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>
#include <cmath>

namespace {

struct Scale
{
    double factor = 1; // displayed = value * factor
    QString suffix;
};

struct UnitName
{
    ChartUnit unit;
    const char *name;
};

constexpr std::array<UnitName, 8> kNames = {{
    {ChartUnit::None, "none"},
    {ChartUnit::Ratio, "ratio"},
    {ChartUnit::Percent, "percent"},
    {ChartUnit::Seconds, "seconds"},
    {ChartUnit::Milliseconds, "milliseconds"},
    {ChartUnit::Bytes, "bytes"},
    {ChartUnit::Cores, "cores"},
    {ChartUnit::RequestsPerSecond, "requests/s"},
}};

// Decimals for about three significant digits of a displayed magnitude.
int significantDecimals(double magnitude)
{
    if (magnitude == 0 || magnitude >= 100)
        return 0;
    if (magnitude >= 10)
        return 1;
    if (magnitude >= 1)
        return 2;
    return std::min(9, 2 - int(std::floor(std::log10(magnitude))));
}

QString trimZeros(QString text)
{
    if (!text.contains(u'.'))
        return text;
    while (text.endsWith(u'0'))
        text.chop(1);
    if (text.endsWith(u'.'))
        text.chop(1);
    return text;
}

// The display scale for values up to `magnitude` (the largest absolute value shown).
Scale scaleFor(ChartUnit unit, double magnitude)
{
    switch (unit) {
    case ChartUnit::Ratio:
        return {100, QStringLiteral(" %")};
    case ChartUnit::Percent:
        return {1, QStringLiteral(" %")};
    case ChartUnit::Milliseconds: {
        Scale seconds = scaleFor(ChartUnit::Seconds, magnitude / 1000);
        seconds.factor /= 1000;
        return seconds;
    }
    case ChartUnit::Seconds:
        if (magnitude >= 1 || magnitude == 0)
            return {1, QStringLiteral(" s")};
        if (magnitude >= 1e-3)
            return {1e3, QStringLiteral(" ms")};
        return {1e6, QStringLiteral(" µs")};
    case ChartUnit::Bytes: {
        static const std::array<const char *, 5> names = {" B", " KiB", " MiB", " GiB", " TiB"};
        int power = 0;
        double scaled = magnitude;
        while (scaled >= 1024 && power < int(names.size()) - 1) {
            scaled /= 1024;
            ++power;
        }
        return {1 / std::pow(1024.0, power), QString::fromUtf8(names.at(std::size_t(power)))};
    }
    case ChartUnit::Cores:
        return {1, QStringLiteral(" cores")};
    case ChartUnit::RequestsPerSecond:
    case ChartUnit::None: {
        const QString unitText = unit == ChartUnit::None ? QString() : QStringLiteral(" req/s");
        if (magnitude >= 1e9)
            return {1e-9, QStringLiteral("G") + unitText};
        if (magnitude >= 1e6)
            return {1e-6, QStringLiteral("M") + unitText};
        if (magnitude >= 1e3)
            return {1e-3, QStringLiteral("k") + unitText};
        return {1, unitText};
    }
    }
    return {};
}

// A step of mantissa × 10^exponent with mantissa 1, 2, 2.5 or 5: kept apart so that tick k is
// computed as k × mantissa scaled by a power of ten, which lands on the double closest to
// the decimal value (3 × 0.02 would not).
struct NiceStep
{
    double mantissa = 1;
    int exponent = 0;

    double times(double k) const
    {
        const double scaled = k * mantissa;
        return exponent >= 0 ? scaled * std::pow(10.0, exponent)
                             : scaled / std::pow(10.0, -exponent);
    }
    double value() const { return times(1); }
};

// The smallest nice step at least `raw`.
NiceStep niceStep(double raw)
{
    const int exponent = int(std::floor(std::log10(raw)));
    for (double mantissa : {1.0, 2.0, 2.5, 5.0}) {
        const NiceStep step {mantissa, exponent};
        if (step.value() >= raw * (1 - 1e-12))
            return step;
    }
    return {1.0, exponent + 1};
}

} // namespace

namespace ChartUnits {

bool parse(const QString &text, ChartUnit *out)
{
    const QString key = text.trimmed().toLower();
    for (const UnitName &entry : kNames) {
        if (key == QLatin1String(entry.name)) {
            *out = entry.unit;
            return true;
        }
    }
    static const QList<std::pair<QString, ChartUnit>> aliases = {
        {QString(), ChartUnit::None},
        {QStringLiteral("%"), ChartUnit::Percent},
        {QStringLiteral("s"), ChartUnit::Seconds},
        {QStringLiteral("ms"), ChartUnit::Milliseconds},
        {QStringLiteral("req/s"), ChartUnit::RequestsPerSecond},
        {QStringLiteral("rps"), ChartUnit::RequestsPerSecond},
    };
    for (const auto &[alias, unit] : aliases) {
        if (key == alias) {
            *out = unit;
            return true;
        }
    }
    return false;
}

QString name(ChartUnit unit)
{
    for (const UnitName &entry : kNames) {
        if (entry.unit == unit)
            return QLatin1String(entry.name);
    }
    return QString();
}

QStringList names()
{
    QStringList result;
    for (const UnitName &entry : kNames)
        result.append(QLatin1String(entry.name));
    return result;
}

QString format(double value, ChartUnit unit)
{
    if (std::isnan(value))
        return QCoreApplication::translate("ChartUnits", "no value");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral("+Inf") : QStringLiteral("-Inf");
    const Scale scale = scaleFor(unit, std::abs(value));
    const double shown = value * scale.factor;
    const QString number
        = trimZeros(QString::number(shown, 'f', significantDecimals(std::abs(shown))));
    return number + scale.suffix;
}

QStringList axisLabels(const QList<double> &ticks, ChartUnit unit)
{
    QStringList labels;
    if (ticks.size() < 2) {
        for (double tick : ticks)
            labels.append(format(tick, unit));
        return labels;
    }
    double magnitude = 0;
    for (double tick : ticks)
        magnitude = std::max(magnitude, std::abs(tick));
    const Scale scale = scaleFor(unit, magnitude);
    double spacing = std::abs(ticks.at(1) - ticks.at(0)) * scale.factor;
    for (qsizetype i = 2; i < ticks.size(); ++i)
        spacing = std::min(spacing, std::abs(ticks.at(i) - ticks.at(i - 1)) * scale.factor);
    // Enough decimals that neighbouring labels differ (2.5 needs one more than 2).
    int decimals = 0;
    while (decimals < 6) {
        const double scaled = spacing * std::pow(10.0, decimals);
        if (std::abs(scaled - std::round(scaled)) < 1e-6 * std::max(1.0, scaled))
            break;
        ++decimals;
    }
    for (double tick : ticks) {
        double shown = tick * scale.factor;
        QString suffix = scale.suffix;
        if (std::abs(shown) < spacing * 1e-9) {
            shown = 0; // no "-0"
            // "0 req/s" rather than "0k req/s"; "0 ms" keeps its unit like its neighbours.
            if (unit == ChartUnit::None || unit == ChartUnit::RequestsPerSecond)
                suffix = scaleFor(unit, 0).suffix;
        }
        labels.append(QString::number(shown, 'f', decimals) + suffix);
    }
    return labels;
}

QList<double> niceTicks(double min, double max, int maxTicks, ChartUnit unit)
{
    if (!std::isfinite(min) || !std::isfinite(max))
        return {0, 1};
    if (max < min)
        std::swap(min, max);
    if (max == min) {
        const double pad = min == 0 ? 1 : std::abs(min) * 0.1;
        min -= min == 0 ? 0 : pad;
        max += pad;
    }
    maxTicks = std::max(2, maxTicks);
    // Bytes step in whole KiB/MiB/GiB of the largest value's scale; other units step in
    // decimal powers, which every display scale of theirs (%, ms, k) keeps round.
    double unitScale = 1;
    if (unit == ChartUnit::Bytes)
        unitScale = 1 / scaleFor(unit, std::max(std::abs(min), std::abs(max))).factor;
    NiceStep step = niceStep((max - min) / unitScale / (maxTicks - 1));
    for (int guard = 0; guard < 8; ++guard) {
        const double size = step.value() * unitScale;
        const double first = std::floor(min / size + 1e-9);
        const double last = std::ceil(max / size - 1e-9);
        const int count = int(last - first) + 1;
        if (count <= maxTicks) {
            QList<double> ticks;
            ticks.reserve(count);
            for (int i = 0; i < count; ++i)
                ticks.append(step.times(first + i) * unitScale + 0.0); // + 0.0: no -0
            return ticks;
        }
        step = niceStep(step.value() * 1.0001);
    }
    return {min, max};
}

} // namespace ChartUnits
