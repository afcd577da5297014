// SPDX-License-Identifier: GPL-3.0-or-later
// Chart units: config names, value formatting, axis labels on one scale, nice ticks.
#include "chartunit.h"

#include <QTest>

#include <limits>

class TestChartUnits : public QObject
{
    Q_OBJECT

private slots:
    void parseNames()
    {
        ChartUnit unit = ChartUnit::None;
        QVERIFY(ChartUnits::parse(QStringLiteral("ratio"), &unit));
        QCOMPARE(unit, ChartUnit::Ratio);
        QVERIFY(ChartUnits::parse(QStringLiteral(" ms "), &unit));
        QCOMPARE(unit, ChartUnit::Milliseconds);
        QVERIFY(ChartUnits::parse(QStringLiteral("req/s"), &unit));
        QCOMPARE(unit, ChartUnit::RequestsPerSecond);
        QVERIFY(ChartUnits::parse(QStringLiteral("Bytes"), &unit));
        QCOMPARE(unit, ChartUnit::Bytes);
        QVERIFY(!ChartUnits::parse(QStringLiteral("furlongs"), &unit));
        QCOMPARE(ChartUnits::names().join(QStringLiteral(",")),
                 QStringLiteral("none,ratio,percent,seconds,milliseconds,bytes,cores,requests/s"));
        QCOMPARE(ChartUnits::name(ChartUnit::Cores), QStringLiteral("cores"));
    }

    void format_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<ChartUnit>("unit");
        QTest::addColumn<QString>("text");
        QTest::addRow("ratio") << 0.0421 << ChartUnit::Ratio << QStringLiteral("4.21 %");
        QTest::addRow("ratio small") << 0.002 << ChartUnit::Ratio << QStringLiteral("0.2 %");
        QTest::addRow("percent") << 99.5 << ChartUnit::Percent << QStringLiteral("99.5 %");
        QTest::addRow("seconds as ms") << 0.1204 << ChartUnit::Seconds << QStringLiteral("120 ms");
        QTest::addRow("seconds") << 1.5 << ChartUnit::Seconds << QStringLiteral("1.5 s");
        QTest::addRow("micro") << 0.000042 << ChartUnit::Seconds << QStringLiteral("42 µs");
        QTest::addRow("ms") << 812.4 << ChartUnit::Milliseconds << QStringLiteral("812 ms");
        QTest::addRow("ms as s") << 2500.0 << ChartUnit::Milliseconds << QStringLiteral("2.5 s");
        QTest::addRow("bytes") << 188743680.0 << ChartUnit::Bytes << QStringLiteral("180 MiB");
        QTest::addRow("small bytes") << 512.0 << ChartUnit::Bytes << QStringLiteral("512 B");
        QTest::addRow("cores") << 0.1234 << ChartUnit::Cores << QStringLiteral("0.123 cores");
        QTest::addRow("rps") << 40.24 << ChartUnit::RequestsPerSecond
                             << QStringLiteral("40.2 req/s");
        QTest::addRow("krps") << 1234.0 << ChartUnit::RequestsPerSecond
                              << QStringLiteral("1.23k req/s");
        QTest::addRow("plain") << 3.0 << ChartUnit::None << QStringLiteral("3");
        QTest::addRow("negative") << -0.5 << ChartUnit::None << QStringLiteral("-0.5");
        QTest::addRow("zero") << 0.0 << ChartUnit::Seconds << QStringLiteral("0 s");
        QTest::addRow("nan") << std::numeric_limits<double>::quiet_NaN() << ChartUnit::Ratio
                             << QStringLiteral("no value");
        QTest::addRow("inf") << std::numeric_limits<double>::infinity() << ChartUnit::Seconds
                             << QStringLiteral("+Inf");
    }

    void format()
    {
        QFETCH(double, value);
        QFETCH(ChartUnit, unit);
        QFETCH(QString, text);
        QCOMPARE(ChartUnits::format(value, unit), text);
    }

    void axisLabelsShareOneScale()
    {
        QCOMPARE(ChartUnits::axisLabels({0, 0.25, 0.5}, ChartUnit::Seconds),
                 (QStringList {QStringLiteral("0 ms"), QStringLiteral("250 ms"),
                               QStringLiteral("500 ms")}));
        QCOMPARE(ChartUnits::axisLabels({0, 0.025, 0.05, 0.075}, ChartUnit::Ratio),
                 (QStringList {QStringLiteral("0.0 %"), QStringLiteral("2.5 %"),
                               QStringLiteral("5.0 %"), QStringLiteral("7.5 %")}));
        const double mib = 1024.0 * 1024.0;
        QCOMPARE(ChartUnits::axisLabels({0, 100 * mib, 200 * mib}, ChartUnit::Bytes),
                 (QStringList {QStringLiteral("0 MiB"), QStringLiteral("100 MiB"),
                               QStringLiteral("200 MiB")}));
        QCOMPARE(ChartUnits::axisLabels({-1, 0, 1}, ChartUnit::None),
                 (QStringList {QStringLiteral("-1"), QStringLiteral("0"), QStringLiteral("1")}));
        QCOMPARE(ChartUnits::axisLabels({0, 2000, 4000}, ChartUnit::RequestsPerSecond),
                 (QStringList {QStringLiteral("0 req/s"), QStringLiteral("2k req/s"),
                               QStringLiteral("4k req/s")}));
    }

    void niceTicks()
    {
        QCOMPARE(ChartUnits::niceTicks(0, 0.0731, 5, ChartUnit::Ratio),
                 (QList<double> {0, 0.02, 0.04, 0.06, 0.08}));
        QCOMPARE(ChartUnits::niceTicks(0.12, 0.31, 6, ChartUnit::Seconds),
                 (QList<double> {0.1, 0.15, 0.2, 0.25, 0.3, 0.35}));
        QCOMPARE(ChartUnits::niceTicks(5, 5, 5, ChartUnit::None),
                 (QList<double> {4.5, 4.75, 5, 5.25, 5.5}));
        const double mib = 1024.0 * 1024.0;
        QCOMPARE(ChartUnits::niceTicks(0, 180 * mib, 5, ChartUnit::Bytes),
                 (QList<double> {0, 50 * mib, 100 * mib, 150 * mib, 200 * mib}));
        QCOMPARE(ChartUnits::niceTicks(0, 0, 5, ChartUnit::None),
                 (QList<double> {0, 0.25, 0.5, 0.75, 1}));
    }
};

QTEST_GUILESS_MAIN(TestChartUnits)
#include "tst_chartunits.moc"
