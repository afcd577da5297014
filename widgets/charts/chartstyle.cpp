// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartstyle.h"

#include "themecolours.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace ChartStyle {

QColor seriesColour(ChartSeries::Role role, int index)
{
    switch (role) {
    case ChartSeries::Role::Canary:
        return ThemeColours::foreground(QColor(0xe6, 0x7e, 0x22));
    case ChartSeries::Role::Stable:
        return ThemeColours::foreground(QColor(0x2e, 0x86, 0xc1));
    case ChartSeries::Role::Other:
        break;
    }
    static const std::array<QColor, 6> palette
        = {QColor(0x2e, 0x86, 0xc1), QColor(0xe6, 0x7e, 0x22), QColor(0x8e, 0x44, 0xad),
           QColor(0x16, 0xa0, 0x85), QColor(0xc0, 0x39, 0x2b), QColor(0x7f, 0x8c, 0x8d)};
    return ThemeColours::foreground(palette.at(std::size_t(std::max(0, index)) % palette.size()));
}

QColor measurementColour(ChartMeasurement::Phase phase)
{
    switch (phase) {
    case ChartMeasurement::Phase::Successful:
        return ThemeColours::foreground(QColor(0x2e, 0x9d, 0x5b));
    case ChartMeasurement::Phase::Failed:
        return ThemeColours::foreground(QColor(0xc0, 0x39, 0x2b));
    case ChartMeasurement::Phase::Inconclusive:
        return ThemeColours::foreground(QColor(0xd6, 0x89, 0x10));
    case ChartMeasurement::Phase::Error:
    case ChartMeasurement::Phase::Running:
        break;
    }
    return ThemeColours::foreground(QColor(0x7f, 0x8c, 0x8d));
}

QString measurementName(ChartMeasurement::Phase phase)
{
    switch (phase) {
    case ChartMeasurement::Phase::Successful:
        return QCoreApplication::translate("ChartStyle", "passed");
    case ChartMeasurement::Phase::Failed:
        return QCoreApplication::translate("ChartStyle", "failed");
    case ChartMeasurement::Phase::Inconclusive:
        return QCoreApplication::translate("ChartStyle", "inconclusive");
    case ChartMeasurement::Phase::Error:
        return QCoreApplication::translate("ChartStyle", "error");
    case ChartMeasurement::Phase::Running:
        break;
    }
    return QCoreApplication::translate("ChartStyle", "running");
}

QColor markerColour(ChartMarker::Kind kind)
{
    switch (kind) {
    case ChartMarker::Kind::Revision:
        return ThemeColours::foreground(QColor(0x34, 0x49, 0x5e));
    case ChartMarker::Kind::Step:
        return ThemeColours::foreground(QColor(0x7f, 0x8c, 0x8d));
    case ChartMarker::Kind::Pause:
        return ThemeColours::foreground(QColor(0xd6, 0x89, 0x10));
    case ChartMarker::Kind::Resume:
        return ThemeColours::foreground(QColor(0x16, 0xa0, 0x85));
    case ChartMarker::Kind::Promotion:
        return ThemeColours::foreground(QColor(0x2e, 0x9d, 0x5b));
    case ChartMarker::Kind::Abort:
        return ThemeColours::foreground(QColor(0xc0, 0x39, 0x2b));
    }
    return Qt::gray;
}

QColor thresholdColour()
{
    return ThemeColours::foreground(QColor(0xc0, 0x39, 0x2b));
}

} // namespace ChartStyle
