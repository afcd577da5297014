// SPDX-License-Identifier: GPL-3.0-or-later
#include "sseframer.h"

#include <QtTest>

class TestSseFramer : public QObject
{
    Q_OBJECT

private slots:
    void eventsEndAtABlankLine();
    void dataLinesJoinAndOtherFieldsAreSkipped();
    void piecesGiveTheSameEvents();
    void lineDelimitedJsonIsTakenWhole();
    void aHugeLineIsRefused();
};

void TestSseFramer::eventsEndAtABlankLine()
{
    SseFramer framer;
    const QByteArray stream = "data: {\"a\":1}\n\ndata:{\"b\":2}\r\n\r\ndata: {\"c\":3}\n";
    QCOMPARE(framer.feed(stream.constData(), stream.size()),
             QList<QByteArray>({"{\"a\":1}", "{\"b\":2}"}));
    // The third ends only with its blank line.
    QCOMPARE(framer.feed("\n", 1), QList<QByteArray>({"{\"c\":3}"}));
    QVERIFY(!framer.hasError());
}

void TestSseFramer::dataLinesJoinAndOtherFieldsAreSkipped()
{
    SseFramer framer;
    // Argo CD's keep-alive is a comment line; event:, id: and retry: carry nothing we read.
    const QByteArray stream = ":\n\nevent: update\nid: 7\nretry: 100\ndata: one\ndata: two\n\n";
    QCOMPARE(framer.feed(stream.constData(), stream.size()), QList<QByteArray>({"one\ntwo"}));
}

void TestSseFramer::piecesGiveTheSameEvents()
{
    const QByteArray stream = "data: {\"result\":{\"type\":\"ADDED\"}} \n\n\ndata: x\n\n";
    SseFramer whole;
    const QList<QByteArray> expected = whole.feed(stream.constData(), stream.size());
    QCOMPARE(expected.size(), 2);
    SseFramer bytes;
    QList<QByteArray> events;
    for (char c : stream)
        events += bytes.feed(&c, 1);
    QCOMPARE(events, expected);
}

void TestSseFramer::lineDelimitedJsonIsTakenWhole()
{
    // A server that ignores Accept: text/event-stream streams grpc-gateway's default.
    SseFramer framer;
    const QByteArray stream = "{\"result\":{}}\n{\"result\":{\"x\":1}}\n";
    QCOMPARE(framer.feed(stream.constData(), stream.size()),
             QList<QByteArray>({"{\"result\":{}}", "{\"result\":{\"x\":1}}"}));
}

void TestSseFramer::aHugeLineIsRefused()
{
    SseFramer framer(8 * 1024);
    const QByteArray line = "data: " + QByteArray(9 * 1024, 'x');
    QVERIFY(framer.feed(line.constData(), line.size()).isEmpty());
    QVERIFY(framer.hasError());
    QCOMPARE(framer.error(), QStringLiteral("An event of the stream is larger than 8 KiB"));
    // Nothing more after an error: the stream is unusable.
    QVERIFY(framer.feed("\n\n", 2).isEmpty());
}

QTEST_GUILESS_MAIN(TestSseFramer)
#include "tst_sseframer.moc"
