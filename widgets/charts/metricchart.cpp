// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricchart.h"

#include "themecolours.h"

#include "chartcsv.h"
#include "chartstyle.h"
#include "charttimeticks.h"
#include "downsample.h"
#include "metricchart_p.h"
#include "metricchartview.h"

#include <QFile>
#include <QGraphicsLayout>
#include <QLegend>
#include <QLegendMarker>
#include <QSet>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

QFont smallFont(const QFont &base, qreal scale)
{
    QFont font = base;
    font.setPointSizeF(base.pointSizeF() * scale);
    return font;
}

} // namespace

MetricChart::MetricChart(QWidget *parent) : QWidget(parent), d(std::make_unique<Private>(this))
{
    d->chart = new QChart;
    d->chart->setAnimationOptions(QChart::NoAnimation);
    d->chart->setBackgroundRoundness(0);
    d->chart->setMargins(QMargins(2, 2, 6, 0));
    d->chart->layout()->setContentsMargins(0, 0, 0, 0);
    QFont titleFont = font();
    titleFont.setBold(true);
    d->chart->setTitleFont(titleFont);
    d->chart->legend()->setAlignment(Qt::AlignBottom);
    d->chart->legend()->setFont(smallFont(font(), 0.85));
    d->chart->legend()->setMarkerShape(QLegend::MarkerShapeFromSeries);

    for (QCategoryAxis **axis : {&d->xAxis, &d->yAxis}) {
        *axis = new QCategoryAxis(d->chart);
        (*axis)->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        (*axis)->setLabelsFont(smallFont(font(), 0.85));
        (*axis)->setTruncateLabels(false);
    }
    applyPalette();
    d->chart->addAxis(d->xAxis, Qt::AlignBottom);
    d->chart->addAxis(d->yAxis, Qt::AlignLeft);

    d->view = new MetricChartView(d->chart, this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(d->view);
    // A plot a person can read: at least 200 px between the axes.
    setMinimumHeight(260);

    // The plot's width decides the reduction; it is known only after the chart's layout.
    connect(d->chart, &QChart::plotAreaChanged, this, [this](const QRectF &plot) {
        if (int(plot.width()) != d->lastPlotWidth)
            d->refresh();
    });
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    d->startMs = now - 3600 * 1000;
    d->endMs = now;
    d->refresh();
}

MetricChart::~MetricChart() = default;

void MetricChart::setSpec(const ChartSpec &spec)
{
    const bool thresholdsChanged
        = spec.thresholds != d->spec.thresholds || spec.unit != d->spec.unit;
    const bool measurementsChanged = spec.measurements != d->spec.measurements;
    d->spec = spec;
    d->updateTitle();
    if (thresholdsChanged)
        d->rebuildThresholds();
    if (measurementsChanged)
        d->rebuildMeasurements();
    if (thresholdsChanged || measurementsChanged)
        d->reorderSeries();
    d->refresh();
}

const ChartSpec &MetricChart::spec() const
{
    return d->spec;
}

void MetricChart::setSeries(const QList<ChartSeries> &series)
{
    d->series = series;
    d->refresh();
}

const QList<ChartSeries> &MetricChart::series() const
{
    return d->series;
}

void MetricChart::setMarkers(const QList<ChartMarker> &markers, const Rollout &rollout)
{
    d->markers = markers;
    d->rollout = rollout;
    d->view->viewport()->update();
}

void MetricChart::setTimeRange(qint64 startMs, qint64 endMs)
{
    if (endMs <= startMs)
        endMs = startMs + 1000;
    if (startMs == d->startMs && endMs == d->endMs)
        return;
    d->startMs = startMs;
    d->endMs = endMs;
    d->refresh();
}

qint64 MetricChart::rangeStart() const
{
    return d->startMs;
}

qint64 MetricChart::rangeEnd() const
{
    return d->endMs;
}

void MetricChart::setMessage(const QString &text, bool isError)
{
    d->message = text;
    d->messageIsError = isError;
    d->view->viewport()->update();
}

QString MetricChart::message() const
{
    return d->message;
}

void MetricChart::setUtc(bool utc)
{
    d->utc = utc;
    d->refresh();
}

int MetricChart::plotWidth() const
{
    return std::max(Private::minimumPixels, int(d->plotArea().width()));
}

int MetricChart::seriesCount() const
{
    return int(d->series.size());
}

qsizetype MetricChart::drawnPointCount(int seriesIndex) const
{
    return d->drawnPoints.value(seriesIndex);
}

int MetricChart::drawnSegmentCount(int seriesIndex) const
{
    if (seriesIndex < 0 || seriesIndex >= d->segments.size())
        return 0;
    const QList<QLineSeries *> &lines = d->segments.at(seriesIndex);
    return int(std::count_if(lines.cbegin(), lines.cend(),
                             [](const QLineSeries *line) { return line->count() > 0; }));
}

int MetricChart::thresholdLineCount() const
{
    return int(d->thresholdLines.size());
}

int MetricChart::measurementPointCount() const
{
    int count = 0;
    for (const QScatterSeries *scatter : std::as_const(d->measurementSeries))
        count += scatter->count();
    return count;
}

QStringList MetricChart::legendNames() const
{
    // The marker items become visible only when the legend is next laid out; which ones are
    // shown is decided here: all but the continuation segments of a data series.
    QSet<const QAbstractSeries *> hidden;
    for (const QList<QLineSeries *> &lines : std::as_const(d->segments)) {
        for (qsizetype i = 1; i < lines.size(); ++i)
            hidden.insert(lines.at(i));
    }
    QStringList names;
    const QList<QLegendMarker *> markers = d->chart->legend()->markers();
    for (QLegendMarker *marker : markers) {
        if (!hidden.contains(marker->series()))
            names.append(marker->label());
    }
    return names;
}

QByteArray MetricChart::toCsv() const
{
    return ChartCsv::build(d->series);
}

bool MetricChart::exportCsv(const QString &path, QString *error) const
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(toCsv()) < 0
        || !file.flush()) {
        *error = tr("Cannot write %1: %2").arg(path, file.errorString());
        return false;
    }
    return true;
}

QImage MetricChart::toImage() const
{
    return d->view->grab().toImage();
}

bool MetricChart::exportPng(const QString &path, QString *error) const
{
    if (!toImage().save(path, "PNG")) {
        *error = tr("Cannot write %1").arg(path);
        return false;
    }
    return true;
}

QChart *MetricChart::chart() const
{
    return d->chart;
}

QChartView *MetricChart::chartView() const
{
    return d->view;
}

void MetricChart::applyPalette()
{
    const QPalette p = palette();
    d->chart->setBackgroundBrush(p.color(QPalette::Base));
    d->chart->setPlotAreaBackgroundVisible(false);
    d->chart->setTitleBrush(p.color(QPalette::Text));
    d->chart->legend()->setLabelColor(p.color(QPalette::Text));
    const bool dark = ThemeColours::isDark(p);
    for (QCategoryAxis *axis : {d->xAxis, d->yAxis}) {
        axis->setLabelsColor(p.color(QPalette::Text));
        axis->setTitleBrush(p.color(QPalette::Text));
        axis->setGridLineColor(dark ? QColor(0x3d, 0x41, 0x46) : QColor(0xe3, 0xe6, 0xea));
        axis->setLinePenColor(dark ? QColor(0x6a, 0x70, 0x77) : QColor(0xb0, 0xb6, 0xbd));
    }
}

void MetricChart::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyPalette();
        d->refresh(); // series and markers take their colours when they are built
    }
}

void MetricChart::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    // plotAreaChanged follows once the chart is laid out at the new size.
}
