// SPDX-License-Identifier: GPL-3.0-or-later
#include "timestamps.h"

#include <QTest>

class TestTimestamps : public QObject
{
    Q_OBJECT

private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QDateTime>("expected");
        const auto utc = [](int y, int mo, int d, int h, int mi, int s, int ms = 0) {
            return QDateTime(QDate(y, mo, d), QTime(h, mi, s, ms), Qt::UTC);
        };
        QTest::newRow("utc") << QStringLiteral("2024-05-01T10:00:00Z") << utc(2024, 5, 1, 10, 0, 0);
        QTest::newRow("micro") << QStringLiteral("2024-05-05T09:58:02.123456Z")
                               << utc(2024, 5, 5, 9, 58, 2, 123);
        QTest::newRow("nano") << QStringLiteral("2024-05-05T09:58:02.9Z")
                              << utc(2024, 5, 5, 9, 58, 2, 900);
        QTest::newRow("offset") << QStringLiteral("2024-05-01T12:30:00+02:30")
                                << utc(2024, 5, 1, 10, 0, 0);
        QTest::newRow("negative offset")
            << QStringLiteral("2024-12-31T23:00:00-01:00") << utc(2025, 1, 1, 0, 0, 0);
        QTest::newRow("leap day") << QStringLiteral("2024-02-29T00:00:00Z")
                                  << utc(2024, 2, 29, 0, 0, 0);
        QTest::newRow("epoch") << QStringLiteral("1970-01-01T00:00:00Z")
                               << utc(1970, 1, 1, 0, 0, 0);
        QTest::newRow("before epoch")
            << QStringLiteral("1969-07-20T20:17:40Z") << utc(1969, 7, 20, 20, 17, 40);
        QTest::newRow("lower case")
            << QStringLiteral("2024-05-01t10:00:00z") << utc(2024, 5, 1, 10, 0, 0);
        QTest::newRow("empty") << QString() << QDateTime();
        QTest::newRow("date only") << QStringLiteral("2024-05-01") << QDateTime();
        QTest::newRow("no zone") << QStringLiteral("2024-05-01T10:00:00") << QDateTime();
        QTest::newRow("not leap") << QStringLiteral("2023-02-29T00:00:00Z") << QDateTime();
        QTest::newRow("hour 24") << QStringLiteral("2024-05-01T24:00:00Z") << QDateTime();
        QTest::newRow("trailing") << QStringLiteral("2024-05-01T10:00:00Zx") << QDateTime();
        QTest::newRow("empty fraction") << QStringLiteral("2024-05-01T10:00:00.Z") << QDateTime();
    }

    void parse()
    {
        QFETCH(QString, text);
        QFETCH(QDateTime, expected);
        const QDateTime parsed = parseRfc3339(text);
        QCOMPARE(parsed.isValid(), expected.isValid());
        if (expected.isValid()) {
            QCOMPARE(parsed, expected);
            QCOMPARE(parsed.timeSpec(), Qt::UTC);
        }
        const QByteArray utf8 = text.toUtf8();
        QCOMPARE(parseRfc3339MSecs(std::string_view(utf8.constData(), size_t(utf8.size()))),
                 parseRfc3339MSecs(text));
    }

    void format()
    {
        QCOMPARE(formatRfc3339(QDateTime(QDate(2024, 5, 1), QTime(10, 0, 7, 500), Qt::UTC)),
                 QStringLiteral("2024-05-01T10:00:07Z"));
        QCOMPARE(formatRfc3339(QDateTime()), QString());
    }
};

QTEST_GUILESS_MAIN(TestTimestamps)
#include "tst_timestamps.moc"
