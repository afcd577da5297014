// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartmarkers.h"
#include "chartspec.h"

#include <QColor>
#include <QString>

// Colours and names shared by the metric charts, so canary and stable, pass and fail look
// the same on every chart (and in the legend of a screenshot).
namespace ChartStyle {

// Canary (and a blue-green's preview) orange, stable (active) blue; other series take the
// palette in order of `index`.
QColor seriesColour(ChartSeries::Role role, int index);
// Passed green, failed red, inconclusive amber, error and running grey.
QColor measurementColour(ChartMeasurement::Phase phase);
// "passed", "failed", ... (translated), for the legend and hover.
QString measurementName(ChartMeasurement::Phase phase);
QColor markerColour(ChartMarker::Kind kind);
QColor thresholdColour();

} // namespace ChartStyle
