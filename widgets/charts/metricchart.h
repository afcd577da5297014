// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartmarkers.h"
#include "chartspec.h"
#include "rollout.h"

#include <QByteArray>
#include <QImage>
#include <QList>
#include <QString>
#include <QWidget>

#include <memory>

QT_BEGIN_NAMESPACE
class QChart;
class QChartView;
QT_END_NAMESPACE

// One metric over time, the only class (with its view, metricchartview.h) that touches Qt
// Charts: canary and stable lines, dashed threshold lines, analysis measurements as
// green/red/amber points, the rollout's markers (revisions, steps, pauses, promotions,
// aborts) as labelled vertical lines, unit-aware axes on round values and times.
//
// It keeps every sample it is given and draws a reduction to its pixel width (min and max
// per column, Downsample::minMax) through one QXYSeries::replace() per line segment, never
// per-point appends; gaps stay gaps. Hover shows the exact values at the nearest sample, the
// time, the rollout's step in force and the query resolution. The wheel zooms, dragging pans
// (both redraw from the kept samples at once and report timeRangeEdited), a double click
// asks for the picked range back; the context menu exports PNG and CSV.
class MetricChart : public QWidget
{
    Q_OBJECT

public:
    explicit MetricChart(QWidget *parent = nullptr);
    ~MetricChart() override;

    // Title, unit, thresholds and measurements. Keeps the series.
    void setSpec(const ChartSpec &spec);
    const ChartSpec &spec() const;
    // The data (all samples); replaces what was there.
    void setSeries(const QList<ChartSeries> &series);
    const QList<ChartSeries> &series() const;
    // The markers of the rollout the chart belongs to; the rollout's steps name the step in
    // force in the hover text.
    void setMarkers(const QList<ChartMarker> &markers, const Rollout &rollout);
    // The time window shown (Unix ms).
    void setTimeRange(qint64 startMs, qint64 endMs);
    qint64 rangeStart() const;
    qint64 rangeEnd() const;
    // A line across the plot: "Loading…", "No data in this range", an error (red). Empty: none.
    void setMessage(const QString &text, bool isError = false);
    QString message() const;
    // Times in UTC rather than local time (tests, and users who think in UTC).
    void setUtc(bool utc);

    // The plot area's width in pixels: how many points a query needs.
    int plotWidth() const;

    // What tests and screenshots inspect.
    int seriesCount() const; // data series (each drawn as one or more segments)
    qsizetype drawnPointCount(int seriesIndex) const; // points handed to Qt Charts
    int drawnSegmentCount(int seriesIndex) const;
    int thresholdLineCount() const;
    int measurementPointCount() const;
    QStringList legendNames() const; // the visible legend entries, in order
    QString hoverText(qint64 timeMs) const;
    QString hoverTextAt(const QPoint &viewPosition) const; // in chartView() coordinates
    QString currentHoverText() const; // what the pointer shows now; empty when not hovering
    QByteArray toCsv() const;
    bool exportCsv(const QString &path, QString *error) const;
    QImage toImage() const; // the chart as drawn, at its current size
    bool exportPng(const QString &path, QString *error) const;
    QChart *chart() const;
    QChartView *chartView() const;

signals:
    // The user zoomed or panned: the window every chart of the rollout should show now.
    void timeRangeEdited(qint64 startMs, qint64 endMs);
    // Double click: back to the range picked in the view.
    void resetRequested();

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    // Background, texts, axes and grid from the widget's palette (light or dark).
    void applyPalette();
    friend class MetricChartView;
    struct Private;
    std::unique_ptr<Private> d;
};
