// SPDX-License-Identifier: GPL-3.0-or-later
// The metric chart (offscreen): series down-sampled to the plot width, gaps, thresholds,
// measurement points, unit-aware axes, exact hover text, pan and zoom, CSV and PNG export;
// and the metrics view keeping every chart on one time window.
#include "metricchart.h"
#include "rolloutmetricsview.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QWheelEvent>

#include <limits>

namespace {

const qint64 t0 = QDateTime::fromString(QStringLiteral("2026-11-25T12:00:00Z"), Qt::ISODate)
                      .toMSecsSinceEpoch();
constexpr qint64 step = 15000;

ChartSeries series(const QString &name, ChartSeries::Role role, QList<PromSample> samples)
{
    ChartSeries s;
    s.name = name;
    s.role = role;
    s.samples = std::move(samples);
    s.stepMs = step;
    return s;
}

// A week at 15 s: 40,320 samples alternating between two values, so every pixel column has
// a distinct minimum and maximum.
QList<PromSample> week(double low, double high)
{
    QList<PromSample> samples;
    samples.reserve(40320);
    for (qint64 i = 0; i < 40320; ++i)
        samples.append({t0 + i * step, i % 2 ? high : low});
    return samples;
}

ChartThreshold threshold(double value, ChartThreshold::Comparison comparison,
                         ChartThreshold::Source source)
{
    ChartThreshold t;
    t.value = value;
    t.comparison = comparison;
    t.source = source;
    return t;
}

RolloutStep weightStep(qint32 weight)
{
    RolloutStep s;
    s.kind = RolloutStep::Kind::SetWeight;
    s.setWeight = weight;
    return s;
}

RolloutStep pauseStep(const QString &duration)
{
    RolloutStep s;
    s.kind = RolloutStep::Kind::Pause;
    s.hasPause = true;
    s.pauseDuration = IntOrString::fromString(duration);
    return s;
}

ChartSpec ratioSpec()
{
    ChartSpec spec;
    spec.id = QStringLiteral("analysis/error-rate");
    spec.title = QStringLiteral("error-rate");
    spec.unit = ChartUnit::Ratio;
    spec.origin = ChartSpec::Origin::Analysis;
    spec.thresholds = {threshold(0.05, ChartThreshold::Comparison::LessOrEqual,
                                 ChartThreshold::Source::SuccessCondition),
                       threshold(0.1, ChartThreshold::Comparison::Greater,
                                 ChartThreshold::Source::FailureCondition)};
    using P = ChartMeasurement::Phase;
    spec.measurements
        = {{t0 + 60000, 0.01, P::Successful, QStringLiteral("[0.01]"), QStringLiteral("run")},
           {t0 + 120000, 0.07, P::Failed, QStringLiteral("[0.07]"), QStringLiteral("run")},
           {t0 + 180000, 0.02, P::Inconclusive, QStringLiteral("[0.02]"), QStringLiteral("run")},
           {t0 + 240000, std::numeric_limits<double>::quiet_NaN(), P::Error, QString(),
            QStringLiteral("run")}};
    return spec;
}

void showChart(MetricChart &chart, QSize size = QSize(800, 300))
{
    chart.resize(size);
    chart.show();
    QVERIFY(QTest::qWaitForWindowExposed(&chart));
    QTRY_VERIFY(chart.plotWidth() > 400);
}

} // namespace

class TestMetricChart : public QObject
{
    Q_OBJECT

private slots:
    void downsampledToThePlotWidth()
    {
        MetricChart chart;
        chart.setUtc(true);
        showChart(chart);
        chart.setTimeRange(t0, t0 + 40319 * step);
        chart.setSeries({series(QStringLiteral("canary"), ChartSeries::Role::Canary, week(1, 2)),
                         series(QStringLiteral("stable"), ChartSeries::Role::Stable, week(0, 1))});
        QCOMPARE(chart.seriesCount(), 2);
        // Exactly a minimum and a maximum per pixel column, 40,320 samples each kept.
        QCOMPARE(chart.drawnPointCount(0), 2 * chart.plotWidth());
        QCOMPARE(chart.drawnPointCount(1), 2 * chart.plotWidth());
        QCOMPARE(chart.series().at(0).samples.size(), 40320);
        QCOMPARE(chart.legendNames(),
                 (QStringList {QStringLiteral("canary"), QStringLiteral("stable")}));

        // Zoomed into one hour: 240 samples are fewer than two per column, all drawn.
        chart.setTimeRange(t0 + 3600000, t0 + 7200000);
        QCOMPARE(chart.drawnPointCount(0), 241 + 2); // the window plus a neighbour each side
    }

    void gapsAreNotBridged()
    {
        MetricChart chart;
        showChart(chart);
        QList<PromSample> samples;
        for (qint64 i = 0; i < 20; ++i) {
            if (i < 8 || i > 11) // four missing steps
                samples.append({t0 + i * step, double(i)});
        }
        samples.append({t0 + 20 * step, std::numeric_limits<double>::quiet_NaN()});
        samples.append({t0 + 21 * step, 5});
        chart.setTimeRange(t0, t0 + 21 * step);
        chart.setSeries({series(QStringLiteral("canary"), ChartSeries::Role::Canary, samples)});
        QCOMPARE(chart.drawnSegmentCount(0), 3);
        QCOMPARE(chart.drawnPointCount(0), 8 + 8 + 1);
        QCOMPARE(chart.legendNames(), QStringList {QStringLiteral("canary")});
    }

    void thresholdsMeasurementsAndAxes()
    {
        MetricChart chart;
        chart.setUtc(true);
        showChart(chart);
        chart.setTimeRange(t0, t0 + 300000);
        chart.setSpec(ratioSpec());
        chart.setSeries({series(QStringLiteral("canary"), ChartSeries::Role::Canary,
                                {{t0, 0.02}, {t0 + step, 0.03}})});
        QCOMPARE(chart.thresholdLineCount(), 2);
        QCOMPARE(chart.measurementPointCount(), 3); // the error has no value to place
        QCOMPARE(chart.legendNames(),
                 (QStringList {QStringLiteral("canary"), QStringLiteral("pass ≤ 5 %"),
                               QStringLiteral("fail > 10 %"), QStringLiteral("passed"),
                               QStringLiteral("failed"), QStringLiteral("inconclusive")}));
        QCOMPARE(chart.chart()->title(), QStringLiteral("error-rate · analysis"));

        auto *yAxis = qobject_cast<QCategoryAxis *>(chart.chart()->axes(Qt::Vertical).first());
        QVERIFY(yAxis);
        const QStringList yLabels = yAxis->categoriesLabels();
        QVERIFY2(yLabels.first() == QStringLiteral("0 %")
                     || yLabels.first() == QStringLiteral("0.0 %"),
                 qPrintable(yLabels.first()));
        QCOMPARE(yAxis->min(), 0.0);
        for (const QString &label : yLabels)
            QVERIFY2(label.endsWith(QStringLiteral(" %")), qPrintable(label));
        QVERIFY(yAxis->max() >= 0.1); // the failure threshold stays in view
        auto *xAxis = qobject_cast<QCategoryAxis *>(chart.chart()->axes(Qt::Horizontal).first());
        QVERIFY(xAxis);
        QCOMPARE(xAxis->categoriesLabels().first(), QStringLiteral("12:00"));
        QCOMPARE(xAxis->categoriesLabels().last(), QStringLiteral("12:05"));
    }

    void hoverText()
    {
        MetricChart chart;
        chart.setUtc(true);
        showChart(chart);
        ChartSpec spec = ratioSpec();
        spec.thresholds.clear();
        spec.measurements.clear();
        chart.setSpec(spec);
        QList<PromSample> canary;
        QList<PromSample> stable;
        for (qint64 i = 0; i < 40; ++i) {
            canary.append({t0 + i * step, 0.042});
            stable.append({t0 + i * step, 0.004});
        }
        chart.setTimeRange(t0, t0 + 39 * step);
        chart.setSeries({series(QStringLiteral("canary"), ChartSeries::Role::Canary, canary),
                         series(QStringLiteral("stable"), ChartSeries::Role::Stable, stable)});
        Rollout rollout;
        CanaryStrategy strategy;
        strategy.steps = {weightStep(20), pauseStep(QStringLiteral("30s")), weightStep(50)};
        rollout.spec.canary = strategy;
        const QList<ChartMarker> markers
            = {{t0 - 60000, ChartMarker::Kind::Revision, QStringLiteral("rev 2"), QString(), -1, 2},
               {t0 + 60000, ChartMarker::Kind::Step, QStringLiteral("step 1/3"), QString(), 1, 0}};
        chart.setMarkers(markers, rollout);

        // 3 s after the 11th sample: the values of that sample, exactly.
        QCOMPARE(chart.hoverText(t0 + 10 * step + 3000),
                 QStringLiteral("2026-11-25 12:02:30\ncanary: 4.2 %\nstable: 0.4 %\n"
                                "step 1/3: pause: 30s (weight 20 %)\nresolution: 15 s"));
        QCOMPARE(chart.hoverText(t0),
                 QStringLiteral("2026-11-25 12:00:00\ncanary: 4.2 %\nstable: 0.4 %\n"
                                "step 0/3: setWeight: 20\nresolution: 15 s"));

        // The pointer over the plot shows the same text.
        QWidget *viewport = chart.chartView()->viewport();
        const QRectF plot = chart.chart()->plotArea();
        const QPoint position = chart.chartView()->mapFromScene(plot.center());
        QTest::mouseMove(viewport, position);
        QTRY_VERIFY(!chart.currentHoverText().isEmpty());
        QCOMPARE(chart.currentHoverText(), chart.hoverTextAt(position));
        QVERIFY(chart.currentHoverText().startsWith(QStringLiteral("2026-11-25 12:0")));
    }

    void plotTallEnoughToRead()
    {
        // At its smallest the chart still has 200 px of plot between the axes (issue 9: it
        // had ~100 px in the detail pane).
        MetricChart chart;
        ChartSeries series;
        series.name = QStringLiteral("canary");
        series.role = ChartSeries::Role::Canary;
        series.samples = {PromSample {t0, 1.0}, PromSample {t0 + 60000, 2.0}};
        series.stepMs = 15000;
        chart.setTimeRange(t0, t0 + 60000);
        chart.setSeries({series});
        showChart(chart, QSize(800, chart.minimumHeight()));
        QTRY_VERIFY2(chart.chart()->plotArea().height() >= 200,
                     qPrintable(QString::number(chart.chart()->plotArea().height())));
    }

    void measurementInHover()
    {
        MetricChart chart;
        chart.setUtc(true);
        showChart(chart);
        chart.setTimeRange(t0, t0 + 300000);
        chart.setSpec(ratioSpec());
        QCOMPARE(chart.hoverText(t0 + 120000),
                 QStringLiteral("2026-11-25 12:02:00\nmeasurement failed: 7 % "
                                "(2026-11-25 12:02:00)"));
    }

    void csvExport()
    {
        MetricChart chart;
        chart.setSeries({series(QStringLiteral("canary"), ChartSeries::Role::Canary,
                                {{t0, 0.5}, {t0 + step, std::numeric_limits<double>::quiet_NaN()}}),
                         series(QStringLiteral("stable, old"), ChartSeries::Role::Stable,
                                {{t0, 0.25}, {t0 + 2 * step + 250, 1e-7}})});
        const QByteArray expected = "time,canary,\"stable, old\"\r\n"
                                    "2026-11-25T12:00:00Z,0.5,0.25\r\n"
                                    "2026-11-25T12:00:15Z,NaN,\r\n"
                                    "2026-11-25T12:00:30.250Z,,1e-07\r\n";
        QCOMPARE(chart.toCsv(), expected);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.csv"));
        QString error;
        QVERIFY2(chart.exportCsv(path, &error), qPrintable(error));
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), expected);
        QVERIFY(!chart.exportCsv(dir.filePath(QStringLiteral("missing/x.csv")), &error));
        QVERIFY(error.startsWith(QStringLiteral("Cannot write ")));
    }

    void pngExport()
    {
        MetricChart chart;
        showChart(chart, QSize(640, 260));
        chart.setTimeRange(t0, t0 + 40319 * step);
        chart.setSeries({series(QStringLiteral("canary"), ChartSeries::Role::Canary, week(1, 2))});
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("chart.png"));
        QString error;
        QVERIFY2(chart.exportPng(path, &error), qPrintable(error));
        const QImage image(path);
        QVERIFY(!image.isNull());
        const qreal ratio = chart.chartView()->devicePixelRatioF();
        QCOMPARE(image.size(), chart.chartView()->size() * ratio);
        QCOMPARE(chart.chartView()->size(), QSize(640, 260));
        QVERIFY(QFileInfo(path).size() > 1000);
    }

    void zoomAndPan()
    {
        MetricChart chart;
        showChart(chart);
        const qint64 start = t0;
        const qint64 end = t0 + 3600000;
        chart.setTimeRange(start, end);
        QSignalSpy edited(&chart, &MetricChart::timeRangeEdited);
        QWidget *viewport = chart.chartView()->viewport();
        const QPointF center = chart.chartView()->mapFromScene(chart.chart()->plotArea().center());
        QWheelEvent wheel(center, viewport->mapToGlobal(center), QPoint(), QPoint(0, 120),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(viewport, &wheel);
        QCOMPARE(edited.count(), 1);
        const qint64 zoomedStart = edited.at(0).at(0).toLongLong();
        const qint64 zoomedEnd = edited.at(0).at(1).toLongLong();
        QCOMPARE(zoomedEnd - zoomedStart, 2880000); // 0.8 of the hour, around the pointer
        QVERIFY(std::abs((zoomedStart + zoomedEnd) / 2 - (start + end) / 2) < 20000);
        QCOMPARE(chart.rangeStart(), zoomedStart);

        // Dragging a quarter of the plot to the right shows earlier times.
        const QPoint from = center.toPoint();
        const int quarter = int(chart.chart()->plotArea().width() / 4);
        QTest::mousePress(viewport, Qt::LeftButton, Qt::NoModifier, from);
        QTest::mouseMove(viewport, from + QPoint(quarter, 0));
        QTest::mouseRelease(viewport, Qt::LeftButton, Qt::NoModifier, from + QPoint(quarter, 0));
        QVERIFY(edited.count() >= 2);
        const qint64 pannedStart = edited.last().at(0).toLongLong();
        QVERIFY(pannedStart < zoomedStart - 600000 && pannedStart > zoomedStart - 800000);
        QCOMPARE(edited.last().at(1).toLongLong() - pannedStart, 2880000);

        QSignalSpy reset(&chart, &MetricChart::resetRequested);
        QTest::mouseDClick(viewport, Qt::LeftButton, Qt::NoModifier, from);
        QCOMPARE(reset.count(), 1);
    }

    void viewSharesOneWindow()
    {
        RolloutMetricsView view;
        view.resize(1280, 450);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QCOMPARE(view.placeholder(), QStringLiteral("Select a rollout to see its metrics"));
        ChartSpec a = ratioSpec();
        ChartSpec b;
        b.id = QStringLiteral("builtin/cpu");
        b.title = QStringLiteral("CPU per pod");
        b.unit = ChartUnit::Cores;
        view.setCharts({a, b});
        view.setPlaceholder(QString());
        QCOMPARE(view.charts().size(), 2);
        MetricChart *first = view.chart(a.id);
        QVERIFY(first);
        QCOMPARE(first->objectName(), a.id);
        // Same ids: the widgets stay.
        b.title = QStringLiteral("CPU");
        view.setCharts({a, b});
        QCOMPARE(view.chart(a.id), first);
        QCOMPARE(view.chart(b.id)->spec().title, QStringLiteral("CPU"));

        view.setTimeRange(t0, t0 + 3600000);
        QSignalSpy edited(&view, &RolloutMetricsView::rangeEdited);
        QVERIFY(view.isLive());
        emit first->timeRangeEdited(t0 + 600000, t0 + 1200000);
        QCOMPARE(view.chart(b.id)->rangeStart(), t0 + 600000);
        QCOMPARE(view.chart(b.id)->rangeEnd(), t0 + 1200000);
        QVERIFY(!view.isLive());
        QTRY_COMPARE(edited.count(), 1); // once the gesture settles
        QCOMPARE(edited.at(0).at(0).toLongLong(), t0 + 600000);

        QCOMPARE(RolloutMetricsView::rangeDurationMs(RolloutMetricsView::Range::Last7Days),
                 7 * 24 * 3600000LL);
        QCOMPARE(RolloutMetricsView::rangeName(RolloutMetricsView::Range::RevisionLifetime),
                 QStringLiteral("This revision's lifetime"));
        view.setCharts({b});
        QCOMPARE(view.charts().size(), 1);
        QVERIFY(!view.chart(a.id));
    }
};

QTEST_MAIN(TestMetricChart)
#include "tst_metricchart.moc"
