// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Internal to MetricChart and its view: the chart's state and the Qt Charts objects.

#include "charttimeticks.h"
#include "downsample.h"
#include "metricchart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QLineSeries>
#include <QScatterSeries>

#include <utility>

class MetricChartView;

struct MetricChart::Private
{
    // Below this the reduction would be coarser than the screen (a plot not laid out yet).
    static constexpr int minimumPixels = 50;

    explicit Private(MetricChart *owner) : q(owner) { }

    // Everything drawn from the kept data: down-sampled lines, measurement points, axes,
    // threshold spans. Run after any change of data, range or width.
    void refresh();
    // refresh()'s steps. The reduced series are built once and passed by reference: a
    // chart's refresh budget has no room for another copy of them.
    QList<Downsample::Segments> reduceSeries(int pixels); // also counts drawnPoints
    void fitSegmentPools(const QList<Downsample::Segments> &reduced); // lines to hold them
    // The lowest and highest value shown: lines, thresholds, measurements in the range.
    std::pair<double, double> valueRange(const QList<Downsample::Segments> &reduced) const;
    bool rangeMoves(const QList<double> &yTicks) const; // axes differ from range and ticks
    void emptyLines();
    void drawSeries(const QList<Downsample::Segments> &reduced);
    void drawThresholds();
    void rebuildThresholds();
    void rebuildMeasurements();
    // The y axis' ticks for the values shown: from zero for non-negative data, with headroom.
    QList<double> yTicksFor(double dataMin, double dataMax) const;
    void updateAxes(const QList<double> &yTicks);
    void updateTitle();
    QLineSeries *newLine(const QString &name, const QPen &pen);
    void setLegendVisible(QAbstractSeries *series, bool visible);
    // Re-adds every series in legend order: data, thresholds, measurements (Qt Charts lists
    // them in the order they were added). Only when the set of series objects changed.
    void reorderSeries();
    void editRange(qint64 startMs, qint64 endMs); // from a gesture: apply, then tell the view

    // Plot coordinates (chart item = scene coordinates), from the range and the y axis.
    double xOf(qint64 timeMs) const;
    double yOf(double value) const;
    qint64 timeAt(double x) const;
    QRectF plotArea() const;

    MetricChart *q;
    QChart *chart = nullptr;
    MetricChartView *view = nullptr;
    QCategoryAxis *xAxis = nullptr;
    QCategoryAxis *yAxis = nullptr;

    ChartSpec spec;
    QList<ChartSeries> series;
    QList<ChartMarker> markers;
    Rollout rollout;
    qint64 startMs = 0;
    qint64 endMs = 0;
    double yMin = 0;
    double yMax = 1;
    QString message;
    bool messageIsError = false;
    bool utc = false;

    QList<QList<QLineSeries *>> segments; // per data series, one line per gapless run
    QList<qsizetype> drawnPoints; // per data series
    QList<QLineSeries *> thresholdLines;
    QList<QScatterSeries *> measurementSeries; // one per phase with points
    int lastPlotWidth = 0;
    QList<double> shownYTicks; // what the axes' categories hold now
    QStringList shownYLabels;
    QList<ChartTimeTicks::Tick> shownXTicks;

    bool hovering = false;
    QPointF hoverPosition; // view coordinates
    QString hoverText;
};
