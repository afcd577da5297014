// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonscan.h"

#include <QTest>

class TestJsonScan : public QObject
{
    Q_OBJECT

private slots:
    void findsTopLevelMember()
    {
        const QByteArray list
            = "{\"kind\":\"PodList\",\"apiVersion\":\"v1\",\n"
              "            \"items\":[{\"metadata\":{\"name\":\"x\",\"continue\":\"inner\"}}],\n"
              "            \"metadata\" : {\"resourceVersion\":\"42\",\"continue\":\"tok\\\"en\"} "
              "}";
        QCOMPARE(JsonScan::topLevelMember(list, "metadata"),
                 QByteArray("{\"resourceVersion\":\"42\",\"continue\":\"tok\\\"en\"}"));
        QCOMPARE(JsonScan::topLevelMember(list, "kind"), QByteArray("\"PodList\""));
        QCOMPARE(JsonScan::topLevelMember(list, "items"),
                 QByteArray("[{\"metadata\":{\"name\":\"x\",\"continue\":\"inner\"}}]"));
        QVERIFY(JsonScan::topLevelMember(list, "name").isNull()); // nested keys do not count
    }

    void scalarsAndMissing()
    {
        const QByteArray doc = "{\"a\":12,\"b\":true,\"c\":null,\"d\":-1.5e3}";
        QCOMPARE(JsonScan::topLevelMember(doc, "a"), QByteArray("12"));
        QCOMPARE(JsonScan::topLevelMember(doc, "b"), QByteArray("true"));
        QCOMPARE(JsonScan::topLevelMember(doc, "c"), QByteArray("null"));
        QCOMPARE(JsonScan::topLevelMember(doc, "d"), QByteArray("-1.5e3"));
        QVERIFY(JsonScan::topLevelMember(doc, "e").isNull());
    }

    void malformedInput()
    {
        QVERIFY(JsonScan::topLevelMember("[1,2]", "a").isNull());
        QVERIFY(JsonScan::topLevelMember("", "a").isNull());
        // The scan stops at the member it wants; what follows is the decoder's business.
        QCOMPARE(JsonScan::topLevelMember("{\"a\":{\"b\":1}", "a"), QByteArray("{\"b\":1}"));
        QVERIFY(JsonScan::topLevelMember("{\"a\":{\"b\":1", "a").isNull());
        QVERIFY(JsonScan::topLevelMember("{\"x\":\"unterminated", "a").isNull());
        QVERIFY(JsonScan::topLevelMember("{\"x\" 1}", "x").isNull());
        QCOMPARE(JsonScan::skipValue("  {\"a\":\"}\"} tail", 0), 11);
        QCOMPARE(JsonScan::skipValue("\"abc", 0), -1);
    }
};

QTEST_GUILESS_MAIN(TestJsonScan)
#include "tst_jsonscan.moc"
