// SPDX-License-Identifier: GPL-3.0-or-later
// MetricChart's drawing: from the kept samples to Qt Charts' series and axes.
#include "metricchart_p.h"

#include <QFontMetrics>

#include "chartstyle.h"
#include "downsample.h"
#include "metricchartview.h"

#include <QLegend>
#include <QLegendMarker>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

void clearCategories(QCategoryAxis *axis)
{
    const QStringList labels = axis->categoriesLabels();
    for (const QString &label : labels)
        axis->remove(label);
}

} // namespace

double MetricChart::Private::xOf(qint64 timeMs) const
{
    const QRectF plot = plotArea();
    const double span = double(std::max<qint64>(1, endMs - startMs));
    return plot.left() + double(timeMs - startMs) / span * plot.width();
}

double MetricChart::Private::yOf(double value) const
{
    const QRectF plot = plotArea();
    const double span = yMax > yMin ? yMax - yMin : 1;
    return plot.bottom() - (value - yMin) / span * plot.height();
}

qint64 MetricChart::Private::timeAt(double x) const
{
    const QRectF plot = plotArea();
    if (plot.width() <= 0)
        return startMs;
    return startMs
        + qint64(std::llround((x - plot.left()) / plot.width() * double(endMs - startMs)));
}

QRectF MetricChart::Private::plotArea() const
{
    return chart->plotArea();
}

QLineSeries *MetricChart::Private::newLine(const QString &name, const QPen &pen)
{
    auto *line = new QLineSeries(chart);
    line->setName(name);
    line->setPen(pen);
    line->setPointsVisible(false);
    chart->addSeries(line);
    line->attachAxis(xAxis);
    line->attachAxis(yAxis);
    return line;
}

void MetricChart::Private::setLegendVisible(QAbstractSeries *series, bool visible)
{
    const QList<QLegendMarker *> legendMarkers = chart->legend()->markers(series);
    for (QLegendMarker *marker : legendMarkers)
        marker->setVisible(visible);
}

void MetricChart::Private::reorderSeries()
{
    QList<QAbstractSeries *> ordered;
    for (const QList<QLineSeries *> &lines : std::as_const(segments)) {
        for (QLineSeries *line : lines)
            ordered.append(line);
    }
    for (QLineSeries *line : std::as_const(thresholdLines))
        ordered.append(line);
    for (QScatterSeries *scatter : std::as_const(measurementSeries))
        ordered.append(scatter);
    for (QAbstractSeries *series : std::as_const(ordered))
        chart->removeSeries(series);
    for (QAbstractSeries *series : std::as_const(ordered)) {
        chart->addSeries(series);
        series->attachAxis(xAxis);
        series->attachAxis(yAxis);
    }
    // Only the first segment of a data series names it in the legend.
    for (const QList<QLineSeries *> &lines : std::as_const(segments)) {
        for (qsizetype i = 1; i < lines.size(); ++i)
            setLegendVisible(lines.at(i), false);
    }
}

void MetricChart::Private::updateTitle()
{
    QString title = spec.title;
    if (spec.origin == ChartSpec::Origin::Analysis)
        title = MetricChart::tr("%1 · analysis").arg(spec.title);
    chart->setTitle(title);
    q->setToolTip(spec.description);
}

void MetricChart::Private::rebuildThresholds()
{
    for (QLineSeries *line : std::as_const(thresholdLines)) {
        chart->removeSeries(line);
        delete line;
    }
    thresholdLines.clear();
    for (const ChartThreshold &threshold : std::as_const(spec.thresholds)) {
        QPen pen(ChartStyle::thresholdColour(), 1.2, Qt::DashLine);
        thresholdLines.append(newLine(threshold.label(spec.unit), pen));
    }
}

void MetricChart::Private::rebuildMeasurements()
{
    for (QScatterSeries *scatter : std::as_const(measurementSeries)) {
        chart->removeSeries(scatter);
        delete scatter;
    }
    measurementSeries.clear();
    using Phase = ChartMeasurement::Phase;
    for (Phase phase : {Phase::Successful, Phase::Failed, Phase::Inconclusive, Phase::Error}) {
        QList<QPointF> points;
        for (const ChartMeasurement &m : std::as_const(spec.measurements)) {
            if (m.phase == phase && std::isfinite(m.value))
                points.append(QPointF(double(m.timeMs), m.value));
        }
        if (points.isEmpty())
            continue;
        auto *scatter = new QScatterSeries(chart);
        scatter->setName(ChartStyle::measurementName(phase));
        scatter->setMarkerShape(QScatterSeries::MarkerShapeCircle);
        scatter->setMarkerSize(9);
        scatter->setColor(ChartStyle::measurementColour(phase));
        scatter->setBorderColor(chart->backgroundBrush().color());
        scatter->replace(points);
        chart->addSeries(scatter);
        scatter->attachAxis(xAxis);
        scatter->attachAxis(yAxis);
        measurementSeries.append(scatter);
    }
}

QList<double> MetricChart::Private::yTicksFor(double dataMin, double dataMax) const
{
    // Rates, ratios, latencies and sizes start at zero: a chart of 0.41 % to 0.43 % filling
    // the plot would make noise look like a regression.
    if (!std::isfinite(dataMin) || !std::isfinite(dataMax)) {
        dataMin = 0;
        dataMax = 1;
    }
    if (dataMin >= 0)
        dataMin = 0;
    // Headroom: a threshold or a peak at the very top would merge with the plot's frame.
    if (dataMax > dataMin)
        dataMax += (dataMax - dataMin) * 0.06;
    const int rows = std::clamp(int(plotArea().height() / 38), 3, 6);
    return ChartUnits::niceTicks(dataMin, dataMax, rows, spec.unit);
}

void MetricChart::Private::updateAxes(const QList<double> &ticks)
{
    yMin = ticks.first();
    yMax = ticks.last();
    // Categories are rebuilt only when they change: each change lays the axis out again,
    // which a pan of a week at daily ticks mostly does not need.
    const QStringList labels = ChartUnits::axisLabels(ticks, spec.unit);
    if (ticks != shownYTicks || labels != shownYLabels) {
        clearCategories(yAxis);
        yAxis->setStartValue(yMin);
        for (qsizetype i = 0; i < ticks.size(); ++i)
            yAxis->append(labels.at(i), ticks.at(i));
        shownYTicks = ticks;
        shownYLabels = labels;
    }
    yAxis->setRange(yMin, yMax);

    const int columns = std::clamp(int(plotArea().width() / 95), 2, 8);
    const QList<ChartTimeTicks::Tick> timeTicks
        = ChartTimeTicks::ticks(startMs, endMs, columns, utc);
    if (timeTicks != shownXTicks) {
        clearCategories(xAxis);
        xAxis->setStartValue(double(startMs));
        for (const ChartTimeTicks::Tick &tick : timeTicks)
            xAxis->append(tick.label, double(tick.timeMs));
        shownXTicks = timeTicks;
        // A label is centred on its tick: the last one needs half its width beyond the plot
        // (longer in some languages, "12月4日 23:00"), or it is cut at the edge.
        const QFontMetrics metrics(xAxis->labelsFont());
        int widest = 0;
        for (const ChartTimeTicks::Tick &tick : timeTicks)
            widest = std::max(widest, metrics.horizontalAdvance(tick.label));
        QMargins margins = chart->margins();
        const int right = std::max(6, widest / 2 + 4);
        if (margins.right() != right) {
            margins.setRight(right);
            chart->setMargins(margins);
        }
    }
    xAxis->setRange(double(startMs), double(std::max(endMs, startMs + 1)));
}

QList<Downsample::Segments> MetricChart::Private::reduceSeries(int pixels)
{
    QList<Downsample::Segments> reduced;
    reduced.reserve(series.size());
    drawnPoints = QList<qsizetype>(series.size(), 0);
    for (qsizetype i = 0; i < series.size(); ++i) {
        const ChartSeries &data = series.at(i);
        reduced.append(Downsample::minMax(data.samples, startMs, endMs, pixels,
                                          Downsample::gapForStep(data.stepMs)));
        drawnPoints[i] = Downsample::pointCount(reduced.last());
    }
    return reduced;
}

void MetricChart::Private::fitSegmentPools(const QList<Downsample::Segments> &reduced)
{
    // Lines: one pool of segments per data series; the first segment carries the legend.
    while (segments.size() > series.size()) {
        for (QLineSeries *line : segments.takeLast()) {
            chart->removeSeries(line);
            delete line;
        }
    }
    bool added = false;
    for (qsizetype i = 0; i < series.size(); ++i) {
        if (segments.size() <= i)
            segments.append(QList<QLineSeries *>());
        QList<QLineSeries *> &lines = segments[i];
        while (lines.size() < std::max<qsizetype>(1, reduced.at(i).size())) {
            lines.append(newLine(series.at(i).name, QPen()));
            added = true;
        }
    }
    if (added)
        reorderSeries();
}

std::pair<double, double>
MetricChart::Private::valueRange(const QList<Downsample::Segments> &reduced) const
{
    double dataMin = std::numeric_limits<double>::infinity();
    double dataMax = -std::numeric_limits<double>::infinity();
    const auto include = [&](double value) {
        dataMin = std::min(dataMin, value);
        dataMax = std::max(dataMax, value);
    };
    for (const Downsample::Segments &runs : reduced) {
        for (const QList<QPointF> &segment : runs) {
            for (const QPointF &point : segment)
                include(point.y());
        }
    }
    for (const ChartThreshold &threshold : std::as_const(spec.thresholds))
        include(threshold.value);
    for (const ChartMeasurement &m : std::as_const(spec.measurements)) {
        if (std::isfinite(m.value) && m.timeMs >= startMs && m.timeMs <= endMs)
            include(m.value);
    }
    return {dataMin, dataMax};
}

bool MetricChart::Private::rangeMoves(const QList<double> &yTicks) const
{
    return xAxis->min() != double(startMs) || xAxis->max() != double(std::max(endMs, startMs + 1))
        || yAxis->min() != yTicks.first() || yAxis->max() != yTicks.last();
}

void MetricChart::Private::emptyLines()
{
    for (const QList<QLineSeries *> &lines : std::as_const(segments)) {
        for (QLineSeries *line : lines) {
            if (line->count() > 0)
                line->clear();
        }
    }
}

void MetricChart::Private::drawSeries(const QList<Downsample::Segments> &reduced)
{
    for (qsizetype i = 0; i < series.size(); ++i) {
        const ChartSeries &data = series.at(i);
        // One pixel, as most dashboards draw: the raster engine strokes it on its fast path,
        // where a wider pen goes through the general stroker at twice the cost.
        const QPen pen(ChartStyle::seriesColour(data.role, int(i)), 1);
        const QList<QLineSeries *> &lines = segments.at(i);
        for (qsizetype s = 0; s < lines.size(); ++s) {
            QLineSeries *line = lines.at(s);
            if (line->name() != data.name)
                line->setName(data.name);
            if (line->pen() != pen)
                line->setPen(pen);
            if (s < reduced.at(i).size())
                line->replace(reduced.at(i).at(s));
            else if (line->count() > 0)
                line->clear();
        }
    }
}

void MetricChart::Private::drawThresholds()
{
    for (qsizetype t = 0; t < thresholdLines.size(); ++t) {
        const double value = spec.thresholds.at(t).value;
        thresholdLines.at(t)->replace(
            {QPointF(double(startMs), value), QPointF(double(endMs), value)});
    }
}

void MetricChart::Private::refresh()
{
    const int pixels = std::max(minimumPixels, int(plotArea().width()));
    lastPlotWidth = int(plotArea().width());
    const QList<Downsample::Segments> reduced = reduceSeries(pixels);
    fitSegmentPools(reduced);
    const auto [dataMin, dataMax] = valueRange(reduced);

    // Every point change and every axis range change makes Qt Charts lay out the series'
    // whole geometry again (the costly part of a frame). Emptied first, the lines cost
    // nothing when the axes move, and each is laid out once, when its points arrive.
    const QList<double> yTicks = yTicksFor(dataMin, dataMax);
    if (rangeMoves(yTicks))
        emptyLines();
    updateAxes(yTicks);
    drawSeries(reduced);
    drawThresholds();
    view->viewport()->update();
}

void MetricChart::Private::editRange(qint64 start, qint64 end)
{
    q->setTimeRange(start, end);
    emit q->timeRangeEdited(startMs, endMs);
}
