// SPDX-License-Identifier: GPL-3.0-or-later
#include "watchframer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTest>

class TestWatchFramer : public QObject
{
    Q_OBJECT

private:
    // Values chosen to break naive splitters: braces and quotes inside strings, escaped
    // backslashes before a quote, nesting, UTF-8, arrays and bare literals.
    static QList<QByteArray> trickyValues()
    {
        return {
            "{\"type\":\"ADDED\",\"object\":{\"metadata\":{\"name\":\"web\",\"resourceVersion\":"
            "\"1001\"}}}",
            "{\"type\":\"MODIFIED\",\"object\":{\"note\":\"a } brace and a { brace and "
            "\\\"quotes\\\"\"}}",
            "{\"s\":\"ends with backslash \\\\\",\"t\":\"\\\\\\\"\",\"u\":\"\\u00e9 ✓ 名前\"}",
            "{\"a\":[1,[2,[3,{\"b\":[]}]],{}],\"c\":{\"d\":{\"e\":{}}}}",
            "[{\"x\":\"]\"},\"[\",[]]",
            "\"a top-level string with } and ] and \\\" inside\"",
            "{\"type\":\"BOOKMARK\",\"object\":{\"metadata\":{\"resourceVersion\":\"12345\"}}}",
            "{}",
        };
    }

    static QByteArray join(const QList<QByteArray> &values, QRandomGenerator &random)
    {
        static const char *separators[] = {"", "\n", "\r\n", " ", "\n\n  \t"};
        QByteArray stream;
        for (const QByteArray &value : values) {
            stream += value;
            stream += separators[random.bounded(5)];
        }
        return stream;
    }

private slots:
    void splitsConcatenatedValues()
    {
        WatchFramer framer;
        QList<QByteArray> values;
        QVERIFY(framer.feed(QByteArray("{\"a\":1}{\"b\":2}\n"
                                       "{\"c\":[3]}  "),
                            &values));
        QCOMPARE(values, (QList<QByteArray> {"{\"a\":1}", "{\"b\":2}", "{\"c\":[3]}"}));
        QVERIFY(!framer.hasPartialValue());
        QCOMPARE(framer.bufferedBytes(), 0);
    }

    void keepsPartialValueAcrossChunks()
    {
        WatchFramer framer;
        QList<QByteArray> values;
        QVERIFY(framer.feed(QByteArray("{\"type\":\"ADD"), &values));
        QVERIFY(values.isEmpty());
        QVERIFY(framer.hasPartialValue());
        QVERIFY(framer.feed(QByteArray("ED\",\"o\":\"\\"), &values));
        QVERIFY(values.isEmpty());
        QVERIFY(framer.feed(QByteArray("\"}\"}{\"n"), &values));
        QCOMPARE(values, QList<QByteArray> {"{\"type\":\"ADDED\",\"o\":\"\\\"}\"}"});
        QCOMPARE(framer.bufferedBytes(), 3);
        QVERIFY(framer.feed(QByteArray("\":2}\n"), &values));
        QCOMPARE(values.size(), 2);
        QCOMPARE(values.at(1), QByteArray("{\"n\":2}"));
        QVERIFY(framer.finish(&values));
    }

    void randomChunkSplits()
    {
        // Every split of the same stream must give the same values, byte for byte.
        QRandomGenerator random(20240611);
        for (int round = 0; round < 300; ++round) {
            QList<QByteArray> expected;
            const QList<QByteArray> pool = trickyValues();
            const int count = 1 + random.bounded(20);
            for (int i = 0; i < count; ++i)
                expected << pool.at(random.bounded(int(pool.size())));
            const QByteArray stream = join(expected, random);

            WatchFramer framer;
            QList<QByteArray> values;
            qsizetype pos = 0;
            while (pos < stream.size()) {
                // Mostly tiny chunks (1 byte included), sometimes large ones.
                const int max = random.bounded(4) == 0 ? 200 : 4;
                const qsizetype size
                    = qMin<qsizetype>(1 + random.bounded(max), stream.size() - pos);
                QVERIFY(framer.feed(stream.constData() + pos, size, &values));
                pos += size;
            }
            QVERIFY(framer.finish(&values));
            QCOMPARE(values, expected);
        }
    }

    void everySingleSplitPoint()
    {
        const QList<QByteArray> expected = trickyValues();
        QRandomGenerator random(7);
        const QByteArray stream = join(expected, random);
        for (qsizetype cut = 0; cut <= stream.size(); ++cut) {
            WatchFramer framer;
            QList<QByteArray> values;
            QVERIFY(framer.feed(stream.constData(), cut, &values));
            QVERIFY(framer.feed(stream.constData() + cut, stream.size() - cut, &values));
            QVERIFY(framer.finish(&values));
            QCOMPARE(values, expected);
        }
    }

    void valuesAreValidJson()
    {
        WatchFramer framer;
        QList<QByteArray> values;
        QRandomGenerator random(1);
        QVERIFY(framer.feed(join(trickyValues(), random), &values));
        QVERIFY(framer.finish(&values));
        for (const QByteArray &value : std::as_const(values)) {
            QJsonParseError error;
            QJsonDocument::fromJson(value, &error);
            if (value.startsWith('"'))
                continue; // QJsonDocument only takes objects and arrays
            QCOMPARE(error.error, QJsonParseError::NoError);
        }
    }

    void bareLiterals()
    {
        WatchFramer framer;
        QList<QByteArray> values;
        QVERIFY(framer.feed(QByteArray("12 true{\"a\":null}-3.5e2\nnull"), &values));
        QCOMPARE(values, (QList<QByteArray> {"12", "true", "{\"a\":null}", "-3.5e2"}));
        QVERIFY(framer.finish(&values));
        QCOMPARE(values.last(), QByteArray("null"));
    }

    void malformedStream()
    {
        WatchFramer framer;
        QList<QByteArray> values;
        QVERIFY(!framer.feed(QByteArray("{\"a\":1}}"), &values));
        QCOMPARE(values, QList<QByteArray> {"{\"a\":1}"});
        QCOMPARE(framer.errorString(), QStringLiteral("Unexpected '}' in the JSON stream"));
        QVERIFY(framer.hasError());
        // Stays failed until reset.
        QVERIFY(!framer.feed(QByteArray("{}"), &values));
        framer.reset();
        QVERIFY(framer.feed(QByteArray("{}"), &values));
        QCOMPARE(values.size(), 2);

        WatchFramer literal;
        QVERIFY(!literal.feed(QByteArray("12,"), &values));
        QCOMPARE(literal.errorString(), QStringLiteral("Unexpected ',' in the JSON stream"));
    }

    void endsInsideValue()
    {
        WatchFramer framer;
        QList<QByteArray> values;
        QVERIFY(framer.feed(QByteArray("{\"type\":\"ADDED\",\"object\":{"), &values));
        QVERIFY(!framer.finish(&values));
        QCOMPARE(framer.errorString(), QStringLiteral("The stream ended inside a JSON value"));
    }

    void valueSizeLimit()
    {
        WatchFramer framer(2 * 1024 * 1024);
        QList<QByteArray> values;
        const QByteArray chunk(512 * 1024, 'x');
        QVERIFY(framer.feed(QByteArray("{\"big\":\""), &values));
        QVERIFY(framer.feed(chunk, &values));
        QVERIFY(framer.feed(chunk, &values));
        QVERIFY(framer.feed(chunk, &values));
        QVERIFY(!framer.feed(chunk, &values));
        QCOMPARE(framer.errorString(),
                 QStringLiteral("A JSON value in the stream is larger than the limit of 2 MiB"));
        QCOMPARE(framer.bufferedBytes(), 0);
        // A big value that completes inside one feed is fine when it fits the limit.
        WatchFramer roomy(4 * 1024 * 1024);
        QVERIFY(roomy.feed("{\"big\":\"" + chunk + chunk + "\"}", &values));
        QCOMPARE(values.size(), 1);
        QCOMPARE(values.first().size(), 2 * chunk.size() + 10);
    }
};

QTEST_GUILESS_MAIN(TestWatchFramer)
#include "tst_watchframer.moc"
