// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartspec.h"

#include <QCoreApplication>

#include <cmath>
#include <cstring>

namespace {

QString comparisonSymbol(ChartThreshold::Comparison comparison)
{
    switch (comparison) {
    case ChartThreshold::Comparison::Less:
        return QStringLiteral("<");
    case ChartThreshold::Comparison::LessOrEqual:
        return QStringLiteral("≤");
    case ChartThreshold::Comparison::Greater:
        return QStringLiteral(">");
    case ChartThreshold::Comparison::GreaterOrEqual:
        return QStringLiteral("≥");
    }
    return QString();
}

bool isBelowComparison(ChartThreshold::Comparison comparison)
{
    return comparison == ChartThreshold::Comparison::Less
        || comparison == ChartThreshold::Comparison::LessOrEqual;
}

// Bitwise for doubles, so NaN values compare equal (tests compare decoded charts).
bool sameDouble(double a, double b)
{
    return std::memcmp(&a, &b, sizeof(double)) == 0;
}

} // namespace

bool ChartThreshold::failsAbove() const
{
    switch (source) {
    case Source::SuccessCondition:
    case Source::Config:
        return isBelowComparison(comparison);
    case Source::FailureCondition:
        return !isBelowComparison(comparison);
    }
    return true;
}

QString ChartThreshold::label(ChartUnit unit) const
{
    const QString shown = ChartUnits::format(value, unit);
    const QString symbol = comparisonSymbol(comparison);
    switch (source) {
    case Source::SuccessCondition:
        return QCoreApplication::translate("ChartThreshold", "pass %1 %2").arg(symbol, shown);
    case Source::FailureCondition:
        return QCoreApplication::translate("ChartThreshold", "fail %1 %2").arg(symbol, shown);
    case Source::Config:
        if (!text.isEmpty())
            return text;
        return failsAbove() ? QCoreApplication::translate("ChartThreshold", "max %1").arg(shown)
                            : QCoreApplication::translate("ChartThreshold", "min %1").arg(shown);
    }
    return shown;
}

bool ChartMeasurement::operator==(const ChartMeasurement &o) const
{
    return timeMs == o.timeMs && sameDouble(value, o.value) && phase == o.phase
        && valueText == o.valueText && runName == o.runName;
}

bool ChartSpec::operator==(const ChartSpec &o) const
{
    return id == o.id && title == o.title && query == o.query && unit == o.unit
        && splitByRole == o.splitByRole && templated == o.templated && thresholds == o.thresholds
        && variables == o.variables && environments == o.environments && origin == o.origin
        && measurements == o.measurements && description == o.description
        && stableName == o.stableName;
}
