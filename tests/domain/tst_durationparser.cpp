// SPDX-License-Identifier: GPL-3.0-or-later
// Go duration strings, Argo's IntOrString seconds, and kubectl's human durations.
#include "durationparser.h"

#include <QTest>

#include <limits>

class TestDurationParser : public QObject
{
    Q_OBJECT

private slots:
    void goDuration_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("nanoseconds");
        constexpr qint64 s = 1000000000;
        const auto row = [](const char *text, bool valid, qint64 ns) {
            QTest::newRow(text) << QString::fromUtf8(text) << valid << ns;
        };
        row("0", true, 0);
        row("+0", true, 0);
        row("-0", true, 0);
        row("30s", true, 30 * s);
        row("1h30m", true, 5400 * s);
        row("1h", true, 3600 * s);
        row("10m", true, 600 * s);
        row("1.5h", true, 5400 * s);
        row(".5s", true, s / 2);
        row("1.s", true, s);
        row("300ms", true, 300000000);
        row("-1.5h", true, -5400 * s);
        row("2h45m30.5s", true, 9930 * s + s / 2);
        row("100us", true, 100000);
        row("100\u00b5s", true, 100000);
        row("100\u03bcs", true, 100000);
        row("7ns", true, 7);
        row("1h1h", true, 7200 * s);
        row("9223372036854775807ns", true, std::numeric_limits<qint64>::max());
        row("-9223372036854775808ns", true, std::numeric_limits<qint64>::min());
        row("", false, 0);
        row("30", false, 0);
        row("s", false, 0);
        row(".s", false, 0);
        row("1d", false, 0);
        row("1h 30m", false, 0);
        row("-", false, 0);
        row("9223372036854775808ns", false, 0);
        row("3000000h", false, 0);
    }

    void goDuration()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(qint64, nanoseconds);
        const std::optional<qint64> parsed = parseGoDuration(text);
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(*parsed, nanoseconds);
    }

    void durationSeconds_data()
    {
        QTest::addColumn<IntOrString>("value");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<qint64>("seconds");
        QTest::newRow("unset") << IntOrString() << false << qint64(0);
        QTest::newRow("int") << IntOrString::fromInt(600) << true << qint64(600);
        QTest::newRow("numeric string")
            << IntOrString::fromString(QStringLiteral("45")) << true << qint64(45);
        QTest::newRow("go duration")
            << IntOrString::fromString(QStringLiteral("1h")) << true << qint64(3600);
        QTest::newRow("truncates")
            << IntOrString::fromString(QStringLiteral("1500ms")) << true << qint64(1);
        QTest::newRow("invalid") << IntOrString::fromString(QStringLiteral("soon")) << false
                                 << qint64(0);
    }

    void durationSeconds()
    {
        QFETCH(IntOrString, value);
        QFETCH(bool, valid);
        QFETCH(qint64, seconds);
        const std::optional<qint64> parsed = ::durationSeconds(value);
        QCOMPARE(parsed.has_value(), valid);
        if (valid)
            QCOMPARE(*parsed, seconds);
    }

    void humanDuration_data()
    {
        QTest::addColumn<qint64>("msecs");
        QTest::addColumn<QString>("text");
        constexpr qint64 s = 1000, m = 60 * s, h = 60 * m, d = 24 * h;
        const auto row = [](const char *name, qint64 ms, const char *text) {
            QTest::newRow(name) << ms << QString::fromLatin1(text);
        };
        row("clock skew", -1500, "0s");
        row("invalid", -2 * s, "<invalid>");
        row("zero", 0, "0s");
        row("seconds", 45 * s + 999, "45s");
        row("119s", 119 * s, "119s");
        row("2m", 2 * m, "2m");
        row("5m3s", 5 * m + 3 * s, "5m3s");
        row("10m", 10 * m + 30 * s, "10m");
        row("179m", 179 * m, "179m");
        row("3h", 3 * h, "3h");
        row("3h59m", 3 * h + 59 * m, "3h59m");
        row("8h", 8 * h + 20 * m, "8h");
        row("47h", 47 * h, "47h");
        row("2d", 2 * d, "2d");
        row("2d4h", 2 * d + 4 * h, "2d4h");
        row("8d", 8 * d + 5 * h, "8d");
        row("729d", 729 * d, "729d");
        row("2y", 730 * d, "2y");
        row("2y5d", 735 * d, "2y5d");
        row("9y", 9 * 365 * d + 40 * d, "9y");
    }

    void humanDuration()
    {
        QFETCH(qint64, msecs);
        QFETCH(QString, text);
        QCOMPARE(::humanDuration(msecs), text);
    }
};

QTEST_GUILESS_MAIN(TestDurationParser)
#include "tst_durationparser.moc"
