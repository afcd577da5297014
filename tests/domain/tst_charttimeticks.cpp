// SPDX-License-Identifier: GPL-3.0-or-later
// The chart's time axis: round ticks for every span, short unique labels, hover times and
// resolutions.
#include "charttimeticks.h"

#include <QDateTime>
#include <QLocale>
#include <QTest>

using ChartTimeTicks::Tick;

namespace {

const qint64 t0 = QDateTime::fromString(QStringLiteral("2026-11-25T12:00:00Z"), Qt::ISODate)
                      .toMSecsSinceEpoch();
constexpr qint64 minute = 60 * 1000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;

QStringList labels(const QList<Tick> &ticks)
{
    QStringList result;
    for (const Tick &tick : ticks)
        result.append(tick.label);
    return result;
}

} // namespace

class TestChartTimeTicks : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { QLocale::setDefault(QLocale::c()); }

    void minutes()
    {
        const QList<Tick> ticks = ChartTimeTicks::ticks(t0 - 20000, t0 + 5 * minute, 7, true);
        QCOMPARE(labels(ticks),
                 (QStringList {QStringLiteral("12:00"), QStringLiteral("12:01"),
                               QStringLiteral("12:02"), QStringLiteral("12:03"),
                               QStringLiteral("12:04"), QStringLiteral("12:05")}));
        QCOMPARE(ticks.first().timeMs, t0);
        QCOMPARE(ticks.last().timeMs, t0 + 5 * minute);
    }

    void seconds()
    {
        const QList<Tick> ticks = ChartTimeTicks::ticks(t0 + 1000, t0 + 45000, 10, true);
        QCOMPARE(labels(ticks),
                 (QStringList {QStringLiteral("12:00:05"), QStringLiteral("12:00:10"),
                               QStringLiteral("12:00:15"), QStringLiteral("12:00:20"),
                               QStringLiteral("12:00:25"), QStringLiteral("12:00:30"),
                               QStringLiteral("12:00:35"), QStringLiteral("12:00:40"),
                               QStringLiteral("12:00:45")}));
    }

    void week()
    {
        const QList<Tick> ticks = ChartTimeTicks::ticks(t0, t0 + 7 * day, 8, true);
        QCOMPARE(labels(ticks),
                 (QStringList {QStringLiteral("Nov 26"), QStringLiteral("Nov 27"),
                               QStringLiteral("Nov 28"), QStringLiteral("Nov 29"),
                               QStringLiteral("Nov 30"), QStringLiteral("Dec 1"),
                               QStringLiteral("Dec 2")}));
    }

    void daysAndHoursStayUnique()
    {
        // 36 hours at 6 h: midnights show the date, a repeated hour gets a zero-width space.
        const QList<Tick> ticks = ChartTimeTicks::ticks(t0, t0 + 36 * hour, 8, true);
        const QString zws(QChar(0x200B));
        QCOMPARE(labels(ticks),
                 (QStringList {QStringLiteral("12:00"), QStringLiteral("18:00"),
                               QStringLiteral("Nov 26"), QStringLiteral("06:00"),
                               QStringLiteral("12:00") + zws, QStringLiteral("18:00") + zws,
                               QStringLiteral("Nov 27")}));
    }

    void emptyRange()
    {
        QVERIFY(ChartTimeTicks::ticks(t0, t0, 5, true).isEmpty());
        QVERIFY(ChartTimeTicks::ticks(t0, t0 + hour, 0, true).isEmpty());
    }

    void formats()
    {
        QCOMPARE(ChartTimeTicks::formatTime(t0 + 1500, true),
                 QStringLiteral("2026-11-25 12:00:01"));
        QCOMPARE(ChartTimeTicks::formatStep(15000), QStringLiteral("15 s"));
        QCOMPARE(ChartTimeTicks::formatStep(5 * minute), QStringLiteral("5 min"));
        QCOMPARE(ChartTimeTicks::formatStep(hour), QStringLiteral("1 h"));
        QCOMPARE(ChartTimeTicks::formatStep(2 * day), QStringLiteral("2 d"));
        QCOMPARE(ChartTimeTicks::formatStep(1500), QStringLiteral("1500 ms"));
        QCOMPARE(ChartTimeTicks::formatStep(0), QString());
    }
};

QTEST_GUILESS_MAIN(TestChartTimeTicks)
#include "tst_charttimeticks.moc"
