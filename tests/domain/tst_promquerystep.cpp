// SPDX-License-Identifier: GPL-3.0-or-later
// The range-query step chooser (domain/prometheus/querystep): nice steps near one point per pixel,
// the 11,000-point floor, and ranges aligned to the step.
#include "querystep.h"

#include <QTest>

class TestPromQueryStep : public QObject
{
    Q_OBJECT

private slots:
    void minimumStep()
    {
        QCOMPARE(QueryStep::minimumStep(0), 1);
        QCOMPARE(QueryStep::minimumStep(11000), 1);
        QCOMPARE(QueryStep::minimumStep(11001), 2);
        QCOMPARE(QueryStep::minimumStep(2592000), 236); // 30 days
        QCOMPARE(QueryStep::minimumStep(31536000), 2867); // 365 days
    }

    void chooseStep_data()
    {
        QTest::addColumn<qint64>("window");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("pixelsPerPoint");
        QTest::addColumn<qint64>("step");
        QTest::addRow("1 h on 800 px") << qint64(3600) << 800 << 1 << qint64(5);
        QTest::addRow("1 h on 800 px, 2 px per point") << qint64(3600) << 800 << 2 << qint64(10);
        QTest::addRow("1 h on 3600 px") << qint64(3600) << 3600 << 1 << qint64(1);
        QTest::addRow("6 h on 1200 px") << qint64(21600) << 1200 << 1 << qint64(30);
        QTest::addRow("1 d on 1000 px") << qint64(86400) << 1000 << 1 << qint64(120);
        QTest::addRow("7 d on 1600 px") << qint64(604800) << 1600 << 1 << qint64(600);
        QTest::addRow("30 d on a huge width: the 11,000 floor")
            << qint64(2592000) << 100000 << 1 << qint64(300);
        QTest::addRow("empty window") << qint64(0) << 800 << 1 << qint64(1);
        QTest::addRow("no width") << qint64(60) << 0 << 1 << qint64(60);
        QTest::addRow("100 years: whole days")
            << qint64(3153600000) << 1000 << 1 << qint64(37 * 86400);
    }

    void chooseStep()
    {
        QFETCH(qint64, window);
        QFETCH(int, width);
        QFETCH(int, pixelsPerPoint);
        QFETCH(qint64, step);
        QCOMPARE(QueryStep::chooseStep(window, width, pixelsPerPoint), step);
        QVERIFY(window / QueryStep::chooseStep(window, width, pixelsPerPoint)
                <= QueryStep::maxPointsPerSeries);
    }

    void nextNiceStep()
    {
        QCOMPARE(QueryStep::nextNiceStep(1), 2);
        QCOMPARE(QueryStep::nextNiceStep(15), 30);
        QCOMPARE(QueryStep::nextNiceStep(236), 300);
        QCOMPARE(QueryStep::nextNiceStep(86400), 2 * 86400);
    }

    void clampStep()
    {
        // 30 days asked at 1 s: ceil(2,592,000,000 ms / 11,000).
        QCOMPARE(QueryStep::clampStepMs(0, 2592000000, 1000), 235637);
        QCOMPARE(QueryStep::clampStepMs(0, 3600000, 15000), 15000);
        QCOMPARE(QueryStep::clampStepMs(0, 0, 0), 1);
    }

    void align()
    {
        const QueryStep::Range range = QueryStep::align(1795615213000, 1795618813000, 15);
        QCOMPARE(range.startMs, 1795615200000);
        QCOMPARE(range.endMs, 1795618815000);
        QCOMPARE(range.stepMs, 15000);
        QCOMPARE(range.pointCount(), 242);
        // Already aligned: unchanged.
        QCOMPARE(QueryStep::align(1795615200000, 1795618800000, 15),
                 (QueryStep::Range {1795615200000, 1795618800000, 15000}));
        // Before 1970 rounds down too.
        QCOMPARE(QueryStep::align(-1, 1000, 1), (QueryStep::Range {-1000, 1000, 1000}));
        // Reversed input is put in order.
        QCOMPARE(QueryStep::align(61000, 0, 60), (QueryStep::Range {0, 120000, 60000}));
    }

    void alignRaisesTheStepPastTheLimit()
    {
        // 11,000 s at 1 s is allowed, but widened by the alignment it would be 11,001 points
        // apart: the next nice step.
        QCOMPARE(QueryStep::align(500, 11000500, 1), (QueryStep::Range {0, 11002000, 2000}));
        QCOMPARE(QueryStep::align(0, 11000000, 1), (QueryStep::Range {0, 11000000, 1000}));
    }

    void plan()
    {
        const qint64 end = 1795618813250;
        const QueryStep::Range range = QueryStep::plan(end - 3600000, end, 800);
        QCOMPARE(range, (QueryStep::Range {1795615210000, 1795618815000, 5000}));
        // The same window a second later plans the same range: a cache hit.
        QCOMPARE(QueryStep::plan(end - 3600000 + 1000, end + 1000, 800), range);
    }
};

QTEST_GUILESS_MAIN(TestPromQueryStep)
#include "tst_promquerystep.moc"
