// SPDX-License-Identifier: GPL-3.0-or-later
// Min/max-per-pixel down-sampling: exact outputs for small windows, extremes kept, NaN and
// time gaps kept as gaps, one neighbour beyond each end.
#include "downsample.h"

#include <QTest>

#include <limits>

namespace {

// One sample per ms from `from` to `to`: 100 + t at t % 10 == 3 (each ten's maximum), -t at
// t % 10 == 7 (its minimum), 0 elsewhere.
QList<PromSample> sawtooth(qint64 from, qint64 to)
{
    QList<PromSample> samples;
    for (qint64 t = from; t <= to; ++t) {
        double value = 0;
        if (t % 10 == 3)
            value = 100 + double(t);
        else if (t % 10 == 7)
            value = -double(t);
        samples.append({t, value});
    }
    return samples;
}

using Segments = Downsample::Segments;

} // namespace

class TestDownsample : public QObject
{
    Q_OBJECT

private slots:
    void fewSamplesAreKept()
    {
        const QList<PromSample> samples
            = {{0, 1}, {10, 2}, {20, std::numeric_limits<double>::quiet_NaN()}, {30, 4}, {40, 5}};
        const Segments segments = Downsample::minMax(samples, 0, 40, 10, 0);
        QCOMPARE(segments, (Segments {{{0, 1}, {10, 2}}, {{30, 4}, {40, 5}}}));
        QCOMPARE(Downsample::pointCount(segments), 4);
    }

    void minAndMaxOfEachColumnInTimeOrder()
    {
        // 100 samples over 10 columns of ten samples each.
        const Segments segments = Downsample::minMax(sawtooth(0, 99), 0, 99, 10, 0);
        QCOMPARE(segments.size(), 1);
        QList<QPointF> expected;
        for (int c = 0; c < 10; ++c) {
            expected.append(QPointF(10 * c + 3, 100 + 10 * c + 3));
            expected.append(QPointF(10 * c + 7, -(10 * c + 7)));
        }
        QCOMPARE(segments.first(), expected);
    }

    void nanSplitsAColumn()
    {
        QList<PromSample> samples = sawtooth(0, 99);
        samples[55].value = std::numeric_limits<double>::quiet_NaN();
        const Segments segments = Downsample::minMax(samples, 0, 99, 10, 0);
        QCOMPARE(segments.size(), 2);
        // Column 5 before the NaN: 50..54, the first 0 is the minimum, 53 the maximum.
        QCOMPARE(segments.at(0).mid(8),
                 (QList<QPointF> {{43, 143}, {47, -47}, {50, 0}, {53, 153}}));
        // After it: 56..59, the first 0 (56) is the maximum, 57 the minimum.
        QCOMPARE(segments.at(1).mid(0, 4),
                 (QList<QPointF> {{56, 0}, {57, -57}, {63, 163}, {67, -67}}));
        QCOMPARE(segments.at(1).size(), 10);
    }

    void timeGapSplitsTheLine()
    {
        QList<PromSample> samples = sawtooth(0, 29) + sawtooth(40, 99);
        const Segments segments = Downsample::minMax(samples, 0, 99, 10, 2);
        QCOMPARE(segments.size(), 2);
        QCOMPARE(segments.at(0).last(), QPointF(27, -27));
        QCOMPARE(segments.at(1).first(), QPointF(43, 143));
        QCOMPARE(Downsample::pointCount(segments), 18);
        // Without a gap limit the line bridges it.
        QCOMPARE(Downsample::minMax(samples, 0, 99, 10, 0).size(), 1);
    }

    void neighboursOutsideTheWindow()
    {
        const Segments segments = Downsample::minMax(sawtooth(0, 99), 20, 59, 2, 0);
        QCOMPARE(segments,
                 (Segments {{{19, 0}, {33, 133}, {37, -37}, {53, 153}, {57, -57}, {60, 0}}}));
    }

    void flatLineOnePointPerColumn()
    {
        QList<PromSample> samples;
        for (qint64 t = 0; t < 100; ++t)
            samples.append({t, 1});
        const Segments segments = Downsample::minMax(samples, 0, 99, 10, 0);
        QCOMPARE(segments.size(), 1);
        QCOMPARE(segments.first().size(), 10);
        QCOMPARE(segments.first().at(9), QPointF(90, 1));
    }

    void weekAtFifteenSeconds()
    {
        // The chart budget's series: 40,320 points into 800 columns keeps both spikes.
        const qint64 step = 15000;
        QList<PromSample> samples;
        for (qint64 i = 0; i < 40320; ++i)
            samples.append({i * step, i == 12345 ? 9.5 : (i == 30000 ? -3.0 : 1.0)});
        const qint64 end = 40319 * step;
        const Segments segments
            = Downsample::minMax(samples, 0, end, 800, Downsample::gapForStep(step));
        QCOMPARE(segments.size(), 1);
        QVERIFY(Downsample::pointCount(segments) <= 1600);
        QVERIFY(segments.first().contains(QPointF(12345.0 * step, 9.5)));
        QVERIFY(segments.first().contains(QPointF(30000.0 * step, -3.0)));
        QCOMPARE(Downsample::gapForStep(step), 22500);
    }

    void emptyAndInverted()
    {
        QVERIFY(Downsample::minMax({}, 0, 10, 10, 0).isEmpty());
        QVERIFY(Downsample::minMax({{1, 1}}, 10, 0, 10, 0).isEmpty());
        QCOMPARE(
            Downsample::minMax({{1, std::numeric_limits<double>::infinity()}}, 0, 10, 10, 0).size(),
            0);
    }
};

QTEST_GUILESS_MAIN(TestDownsample)
#include "tst_downsample.moc"
