// SPDX-License-Identifier: GPL-3.0-or-later
// The chart budget (DESIGN.md): 7 days at a 15 s step (40,320 points) × 4 series; from results
// in hand to a painted frame ≤ 150 ms, and a redraw on pan or zoom ≤ 16 ms.
//
// Measured on MetricChart (min/max-per-pixel down-sampling, one QXYSeries::replace() per
// segment) against peers in the same run, on the same data and the same chart size:
//   - raw replace: a plain QChart with four QLineSeries fed all 40,320 points each by one
//     replace() (what MetricChart would do without down-sampling);
//   - per-point append: the same chart filled point by point with QXYSeries::append(), the
//     pattern Qt's documentation warns about (one series, extrapolated to four when slow).
// A "painted frame" is the chart view rendered into a QImage after pending layout events
// ran (QT_QPA_PLATFORM=offscreen unless set). Times are the main thread's CPU time (all the
// work runs on it; on a shared machine wall time also counts other processes' turns), median
// of the rounds; the wall-clock median is printed beside it.
//
// Usage: chart_bench [rounds] [--chart-only]   (default 15 rounds; --chart-only skips the
// peers, e.g. for a profiler). Exit code 1 when MetricChart misses a budget.
#include "metricchart.h"

#include <QApplication>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QElapsedTimer>
#include <QImage>
#include <QLineSeries>
#include <QPainter>
#include <QTextStream>
#include <QValueAxis>

#include <algorithm>
#include <cmath>
#include <functional>

#include <time.h>

namespace {

constexpr qint64 stepMs = 15000;
constexpr int points = 40320; // 7 days at 15 s
constexpr int seriesCount = 4;
const QSize chartSize(1200, 400);
const qint64 startMs = 1795000000000; // a fixed moment: the same data every run

// Canary and stable request rates and their error ratios: a daily cycle, noise, a few spikes
// and a scrape gap, so the reduction has real extremes and gaps to keep.
QList<ChartSeries> makeSeries()
{
    QList<ChartSeries> result;
    for (int s = 0; s < seriesCount; ++s) {
        ChartSeries series;
        series.name = QStringLiteral("series %1").arg(s);
        series.role = s % 2 ? ChartSeries::Role::Stable : ChartSeries::Role::Canary;
        series.stepMs = stepMs;
        series.samples.reserve(points);
        quint32 noise = 12345u + quint32(s) * 77u;
        for (int i = 0; i < points; ++i) {
            if (i >= 20000 && i < 20040)
                continue; // ten minutes without scrapes
            noise = noise * 1664525u + 1013904223u;
            const double day = std::sin(double(i) / 5760.0 * 2 * M_PI);
            double value = 100 + 40 * day + double(noise % 1000) / 100.0 + s * 5;
            if (i % 9973 == 0)
                value *= 3; // a spike
            series.samples.append({startMs + qint64(i) * stepMs, value});
        }
        result.append(series);
    }
    return result;
}

double median(QList<double> values)
{
    std::sort(values.begin(), values.end());
    return values.isEmpty() ? 0 : values.at(values.size() / 2);
}

QImage paint(QWidget *view)
{
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QImage image(view->size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    QPainter painter(&image);
    view->render(&painter);
    return image;
}

double threadCpuMs()
{
    timespec now {};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

QList<double> wallTimes; // of every timeMs() call, in order

// CPU time of `work` on this thread, in ms (its wall time goes to wallTimes).
double timeMs(const std::function<void()> &work)
{
    QElapsedTimer timer;
    timer.start();
    const double cpuStart = threadCpuMs();
    work();
    const double cpu = threadCpuMs() - cpuStart;
    wallTimes.append(double(timer.nsecsElapsed()) / 1e6);
    return cpu;
}

// The peer: Qt Charts fed the raw points, axes set by hand as MetricChart does.
struct RawChart
{
    QChart *chart = new QChart;
    QChartView view {chart};
    QValueAxis *x = new QValueAxis;
    QValueAxis *y = new QValueAxis;
    QList<QLineSeries *> lines;

    RawChart()
    {
        chart->setAnimationOptions(QChart::NoAnimation);
        chart->addAxis(x, Qt::AlignBottom);
        chart->addAxis(y, Qt::AlignLeft);
        for (int s = 0; s < seriesCount; ++s) {
            auto *line = new QLineSeries;
            line->setPen(QPen(Qt::darkBlue, 1)); // MetricChart's pen: the same stroking path
            chart->addSeries(line);
            line->attachAxis(x);
            line->attachAxis(y);
            lines.append(line);
        }
        view.setRenderHint(QPainter::Antialiasing, true);
        view.resize(chartSize);
        view.show();
    }
    void setRange(double from, double to)
    {
        x->setRange(from, to);
        y->setRange(0, 400);
    }
};

QList<QPointF> toPoints(const ChartSeries &series)
{
    QList<QPointF> list;
    list.reserve(series.samples.size());
    for (const PromSample &sample : series.samples)
        list.append(QPointF(double(sample.timestampMs), sample.value));
    return list;
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const QStringList arguments = QCoreApplication::arguments().mid(1);
    const bool chartOnly = arguments.contains(QStringLiteral("--chart-only"));
    int rounds = 15;
    for (const QString &argument : arguments) {
        if (argument.toInt() > 0)
            rounds = std::max(3, argument.toInt());
    }
    QTextStream out(stdout);
    const QList<ChartSeries> data = makeSeries();
    const qint64 endMs = startMs + qint64(points - 1) * stepMs;
    const qint64 span = endMs - startMs;

    // MetricChart: results in hand -> painted frame.
    MetricChart chart;
    chart.resize(chartSize);
    chart.show();
    chart.setTimeRange(startMs, endMs);
    paint(&chart);
    QList<double> response;
    wallTimes.clear();
    for (int r = 0; r < rounds; ++r) {
        QList<ChartSeries> fresh = data; // a new answer each round (shared until replaced)
        response.append(timeMs([&] {
            chart.setSeries(fresh);
            paint(&chart);
        }));
    }
    const QList<double> responseWall = wallTimes;
    qsizetype drawn = 0;
    for (int s = 0; s < seriesCount; ++s)
        drawn += chart.drawnPointCount(s);
    // Pan by 1 % of the window and zoom by one wheel notch, each then painted.
    QList<double> pan;
    QList<double> zoom;
    wallTimes.clear();
    for (int r = 0; r < rounds; ++r) {
        const qint64 shift = (r % 2 ? -1 : 1) * span / 100;
        pan.append(timeMs([&] {
            chart.setTimeRange(startMs + shift, endMs + shift);
            paint(&chart);
        }));
        const qint64 trim = qint64(double(span) * (r % 2 ? 0.0 : 0.1));
        zoom.append(timeMs([&] {
            chart.setTimeRange(startMs + trim, endMs - trim);
            paint(&chart);
        }));
    }

    QList<double> panWall;
    for (qsizetype i = 0; i < wallTimes.size(); i += 2)
        panWall.append(wallTimes.at(i));

    // Peer: raw replace of all 40,320 points per series.
    RawChart raw;
    raw.setRange(double(startMs), double(endMs));
    QList<QList<QPointF>> rawPoints;
    for (const ChartSeries &series : data)
        rawPoints.append(toPoints(series));
    paint(&raw.view);
    QList<double> rawResponse;
    QList<double> rawPan;
    const int rawRounds = chartOnly ? 0 : std::max(3, rounds / 3);
    for (int r = 0; r < rawRounds; ++r) {
        rawResponse.append(timeMs([&] {
            for (int s = 0; s < seriesCount; ++s)
                raw.lines.at(s)->replace(rawPoints.at(s));
            paint(&raw.view);
        }));
        const qint64 shift = (r % 2 ? -1 : 1) * span / 100;
        rawPan.append(timeMs([&] {
            raw.setRange(double(startMs + shift), double(endMs + shift));
            paint(&raw.view);
        }));
    }

    // Peer: per-point append into one series (then painted), extrapolated to four series.
    RawChart appended;
    appended.setRange(double(startMs), double(endMs));
    paint(&appended.view);
    int appendedPoints = 0;
    QElapsedTimer appendTimer;
    appendTimer.start();
    const qint64 appendCapMs = chartOnly ? 0 : 60000;
    for (const QPointF &point : std::as_const(rawPoints.first())) {
        appended.lines.first()->append(point);
        ++appendedPoints;
        if (appendTimer.elapsed() > appendCapMs)
            break;
    }
    paint(&appended.view);
    const double appendOneMs = double(appendTimer.nsecsElapsed()) / 1e6;
    const bool appendComplete = appendedPoints == points;

    const double responseMedian = median(response);
    const double panMedian = median(pan);
    const double zoomMedian = median(zoom);
    out << "chart_bench: " << seriesCount << " series x " << points << " points (7 d at 15 s), "
        << chartSize.width() << "x" << chartSize.height() << " px, plot " << chart.plotWidth()
        << " px, " << rounds << " rounds, QPA " << QGuiApplication::platformName() << "\n";
    out << QStringLiteral("%1 %2 %3\n")
               .arg(QStringLiteral("measurement (main thread CPU time)"), -44)
               .arg(QStringLiteral("median ms"), 10)
               .arg(QStringLiteral("best ms"), 9);
    const auto row = [&](const QString &name, const QList<double> &values) {
        out << QStringLiteral("%1 %2 %3\n")
                   .arg(name, -44)
                   .arg(median(values), 10, 'f', 1)
                   .arg(values.isEmpty() ? 0 : *std::min_element(values.begin(), values.end()), 9,
                        'f', 1);
    };
    row(QStringLiteral("MetricChart: results -> painted frame"), response);
    row(QStringLiteral("MetricChart: pan 1 % -> painted frame"), pan);
    row(QStringLiteral("MetricChart: zoom -> painted frame"), zoom);
    if (!chartOnly) {
        row(QStringLiteral("raw replace: results -> painted frame"), rawResponse);
        row(QStringLiteral("raw replace: pan 1 % -> painted frame"), rawPan);
        const QString append = appendComplete
            ? QString::number(appendOneMs * seriesCount, 'f', 0)
            : QStringLiteral("> %1 (%2 points in %3 s)")
                  .arg(appendOneMs * seriesCount * points / std::max(1, appendedPoints), 0, 'f', 0)
                  .arg(appendedPoints)
                  .arg(appendCapMs / 1000);
        out << QStringLiteral("%1 %2\n")
                   .arg(QStringLiteral("per-point append, 4 series (wall, from 1)"), -44)
                   .arg(append, 10);
    }
    out << "wall-clock medians: response " << QString::number(median(responseWall), 'f', 1)
        << " ms, pan " << QString::number(median(panWall), 'f', 1) << " ms\n";
    out << "points drawn by MetricChart: " << drawn << " (of " << seriesCount * points << ")\n";
    if (!chartOnly) {
        out << "speed-up over raw replace: response x"
            << QString::number(median(rawResponse) / responseMedian, 'f', 1) << ", pan x"
            << QString::number(median(rawPan) / panMedian, 'f', 1) << "\n";
    }
    const bool ok = responseMedian <= 150 && panMedian <= 16 && zoomMedian <= 16;
    // One line per budget for scripts/bench's table: what, measured, budget, peer, verdict.
    const auto rawPeer = [&](const QList<double> &values) {
        return chartOnly ? QStringLiteral("-")
                         : QStringLiteral("raw replace %1 ms").arg(median(values), 0, 'f', 1);
    };
    out << "RESULT\tchart: results to painted frame (7 d, 4 series)\t"
        << QString::number(responseMedian, 'f', 1) << " ms\t<= 150 ms\t" << rawPeer(rawResponse)
        << "\t" << (responseMedian <= 150 ? "PASS" : "MISS") << "\n";
    out << "RESULT\tchart: pan redraw\t" << QString::number(panMedian, 'f', 1) << " ms\t<= 16 ms\t"
        << rawPeer(rawPan) << "\t" << (panMedian <= 16 ? "PASS" : "MISS") << "\n";
    out << "RESULT\tchart: zoom redraw\t" << QString::number(zoomMedian, 'f', 1)
        << " ms\t<= 16 ms\t-\t" << (zoomMedian <= 16 ? "PASS" : "MISS") << "\n";
    out << "budget (response <= 150 ms, pan/zoom redraw <= 16 ms): " << (ok ? "met" : "MISSED")
        << "\n";
    return ok ? 0 : 1;
}
