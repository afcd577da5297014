// SPDX-License-Identifier: GPL-3.0-or-later
// Broken input: wrong field types keep the item and name the field; malformed JSON names the
// byte. Exact texts, because they reach the user.
#include "jsondecoder.h"

#include <QTest>

class TestJsonDecoderErrors : public QObject
{
    Q_OBJECT

private slots:
    void wrongFieldTypes_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("issue");

        QTest::newRow("string for integer") << QByteArray(R"({"spec":{"replicas":"three"}})")
                                            << QStringLiteral("spec.replicas: expected an integer");
        QTest::newRow("float for integer")
            << QByteArray(R"({"status":{"currentStepIndex":1.5}})")
            << QStringLiteral("status.currentStepIndex: expected an integer");
        QTest::newRow("integer out of int32 range")
            << QByteArray(R"({"spec":{"replicas":4294967296}})")
            << QStringLiteral("spec.replicas: integer out of range");
        QTest::newRow("integer out of int64 range")
            << QByteArray(R"({"metadata":{"generation":18446744073709551615}})")
            << QStringLiteral("metadata.generation: integer out of range");
        QTest::newRow("number for string") << QByteArray(R"({"metadata":{"name":42}})")
                                           << QStringLiteral("metadata.name: expected a string");
        QTest::newRow("string for boolean")
            << QByteArray(R"({"spec":{"paused":"yes"}})")
            << QStringLiteral("spec.paused: expected true or false");
        QTest::newRow("array for object") << QByteArray(R"({"metadata":["name"]})")
                                          << QStringLiteral("metadata: expected an object");
        QTest::newRow("object for array")
            << QByteArray(R"({"spec":{"template":{"spec":{"containers":{"name":"app"}}}}})")
            << QStringLiteral("spec.template.spec.containers: expected an array");
        QTest::newRow("label value with dots in key")
            << QByteArray(R"({"metadata":{"labels":{"app.kubernetes.io/name":7}}})")
            << QStringLiteral("metadata.labels[app.kubernetes.io/name]: expected a string");
        QTest::newRow("bad timestamp")
            << QByteArray(R"({"metadata":{"creationTimestamp":"yesterday"}})")
            << QStringLiteral(
                   "metadata.creationTimestamp: expected an RFC 3339 timestamp, got \"yesterday\"");
        QTest::newRow("bool for int-or-string")
            << QByteArray(R"({"spec":{"strategy":{"canary":{"maxSurge":true}}}})")
            << QStringLiteral("spec.strategy.canary.maxSurge: expected an integer or a string");
        QTest::newRow("step index in path")
            << QByteArray(R"({"spec":{"strategy":{"canary":{"steps":[{"setWeight":10},)"
                          R"({"pause":{"duration":[]}}]}}}})")
            << QStringLiteral("spec.strategy.canary.steps[1].pause.duration: "
                              "expected an integer or a string");
        QTest::newRow("pause condition time")
            << QByteArray(
                   R"({"status":{"pauseConditions":[{"reason":"CanaryPauseStep","startTime":5}]}})")
            << QStringLiteral("status.pauseConditions[0].startTime: expected a string");
    }

    void wrongFieldTypes()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, issue);
        const Decoded<Rollout> decoded = decodeObject<Rollout>(json);
        QVERIFY(decoded.isOk());
        QCOMPARE(decoded.report.issues.size(), 1);
        QCOMPARE(decoded.report.issues.at(0).text(), issue);
    }

    void otherFieldsStillDecode()
    {
        const Decoded<Rollout> decoded = decodeObject<Rollout>(
            R"({"metadata":{"name":"checkout","namespace":"prod","generation":"7"},)"
            R"("spec":{"replicas":"three","paused":true},"status":{"replicas":4,"abort":1}})");
        QVERIFY(decoded.isOk());
        QCOMPARE(decoded.report.issues.size(), 3);
        QCOMPARE(decoded.report.issues.at(0).text(),
                 QStringLiteral("metadata.generation: expected an integer"));
        QCOMPARE(decoded.report.issues.at(1).text(),
                 QStringLiteral("spec.replicas: expected an integer"));
        QCOMPARE(decoded.report.issues.at(2).text(),
                 QStringLiteral("status.abort: expected true or false"));
        const Rollout &r = decoded.value;
        QCOMPARE(r.metadata.name, QStringLiteral("checkout"));
        QCOMPARE(r.metadata.namespaceName, QStringLiteral("prod"));
        QCOMPARE(r.metadata.generation, qint64(0));
        QVERIFY(!r.spec.replicas.has_value());
        QCOMPARE(r.spec.desiredReplicas(), 1);
        QVERIFY(r.spec.paused);
        QCOMPARE(r.status.replicas, 4);
        QVERIFY(!r.status.abort);
    }

    void listIssuesNameTheItem()
    {
        const ObjectList<Pod> list = decodeList<Pod>(
            R"({"kind":"PodList","metadata":{"resourceVersion":"10"},"items":[)"
            R"({"metadata":{"name":"a"}},)"
            R"({"metadata":{"name":"b"},"status":{"containerStatuses":[{"name":"app",)"
            R"("restartCount":"x"}]}}]})");
        QVERIFY(list.isOk());
        QCOMPARE(list.items.size(), 2);
        QCOMPARE(list.items.at(1).metadata.name, QStringLiteral("b"));
        QCOMPARE(list.items.at(1).containerStatuses.at(0).name, QStringLiteral("app"));
        QCOMPARE(list.report.issuesText(),
                 QStringLiteral("items[1].status.containerStatuses[0].restartCount: expected an "
                                "integer"));
    }

    void issuesAreCapped()
    {
        QByteArray body = R"({"items":[)";
        for (int i = 0; i < 150; ++i) {
            if (i > 0)
                body += ',';
            body += R"({"metadata":{"name":"p","uid":)" + QByteArray::number(i) + "}}";
        }
        body += "]}";
        const ObjectList<Pod> list = decodeList<Pod>(body);
        QVERIFY(list.isOk());
        QCOMPARE(list.items.size(), 150);
        QCOMPARE(list.report.issues.size(), DecodeReport::maxIssues);
        QCOMPARE(list.report.suppressedIssues, 50);
        QCOMPARE(list.report.issues.at(99).text(),
                 QStringLiteral("items[99].metadata.uid: expected a string"));
        QVERIFY(list.report.issuesText().endsWith(QStringLiteral("\n... and 50 more problems")));
    }

    void malformedJson_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");

        QTest::newRow("empty") << QByteArray()
                               << QStringLiteral("malformed JSON at byte 0: empty input");
        QTest::newRow("whitespace only")
            << QByteArray(" \n ") << QStringLiteral("malformed JSON at byte 3: empty input");
        QTest::newRow("truncated")
            << QByteArray(R"({"items": [)")
            << QStringLiteral("malformed JSON at byte 11: unexpected end of input");
        QTest::newRow("missing comma")
            << QByteArray(R"({"kind": "PodList" "items": []})")
            << QStringLiteral(
                   "malformed JSON at byte 19: expected ',' or '}' after an object member");
        QTest::newRow("missing array comma")
            << QByteArray(R"({"items": [{} {}]})")
            << QStringLiteral(
                   "malformed JSON at byte 14: expected ',' or ']' after an array element");
        QTest::newRow("trailing comma in array")
            << QByteArray(R"({"a": [1, 2,]})")
            << QStringLiteral("malformed JSON at byte 12: unexpected character ']'");
        QTest::newRow("trailing comma in object")
            << QByteArray(R"({"a": 1,})")
            << QStringLiteral("malformed JSON at byte 8: expected a string key");
        QTest::newRow("missing colon")
            << QByteArray(R"({"a" 1})")
            << QStringLiteral("malformed JSON at byte 5: expected ':' after an object key");
        QTest::newRow("bad literal") << QByteArray(R"({"a": tru})")
                                     << QStringLiteral("malformed JSON at byte 6: invalid literal");
        QTest::newRow("leading zero") << QByteArray(R"({"a": 01})")
                                      << QStringLiteral("malformed JSON at byte 7: invalid number");
        QTest::newRow("bad escape")
            << QByteArray("{\"a\": \"x\\q\"}")
            << QStringLiteral("malformed JSON at byte 8: invalid escape sequence in a string");
        QTest::newRow("unterminated string")
            << QByteArray("{\"a\": \"abc")
            << QStringLiteral("malformed JSON at byte 10: unterminated string");
        QTest::newRow("control character")
            << QByteArray("{\"a\": \"x\ty\"}")
            << QStringLiteral("malformed JSON at byte 8: unescaped control character in a string");
        QTest::newRow("trailing garbage")
            << QByteArray(R"({"a": 1} x)")
            << QStringLiteral("malformed JSON at byte 9: trailing characters after the JSON value");
        QTest::newRow("invalid utf-8") << QByteArray("{\"a\": \"\xff\"}")
                                       << QStringLiteral("malformed JSON at byte 7: invalid UTF-8");
        QTest::newRow("overlong utf-8")
            << QByteArray("{\"a\": \"\xc0\xaf\"}")
            << QStringLiteral("malformed JSON at byte 7: invalid UTF-8");
        QTest::newRow("binary") << QByteArray("\x01\x02")
                                << QStringLiteral("malformed JSON at byte 0: unexpected byte 0x01");
        QTest::newRow("html error page")
            << QByteArray("<html><body>502 Bad Gateway</body></html>")
            << QStringLiteral("malformed JSON at byte 0: unexpected character '<'");
        QTest::newRow("top-level array")
            << QByteArray("[1, 2]") << QStringLiteral("expected a JSON object at the top level");
        QTest::newRow("top-level string")
            << QByteArray(R"("hello")")
            << QStringLiteral("expected a JSON object at the top level");
        QTest::newRow("status instead of list")
            << QByteArray(R"({"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",)"
                          "\"message\":\"pods is forbidden: User \\\"dev\\\" cannot list resource "
                          "\\\"pods\\\"\","
                          R"("reason":"Forbidden","code":403})")
            << QStringLiteral("the server returned an error instead of data: pods is forbidden: "
                              "User \"dev\" cannot list resource \"pods\"");
    }

    void malformedJson()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        JsonDecoder decoder;
        const ObjectList<Pod> list = decoder.decodeList<Pod>(json);
        QVERIFY(!list.isOk());
        QCOMPARE(list.report.error, error);
        QVERIFY(list.items.isEmpty());
        // The same text for every entry point.
        QCOMPARE(decoder.decodeObject<Pod>(json).report.error, error);
    }

    void nestingTooDeep()
    {
        const QByteArray json = "{\"a\":" + QByteArray(2000, '[') + QByteArray(2000, ']') + '}';
        QCOMPARE(decodeObject<Pod>(json).report.error,
                 QStringLiteral("malformed JSON at byte 1028: nesting deeper than 1024 levels"));
    }

    void malformedAfterValidItemsDropsThem()
    {
        const ObjectList<Pod> list = decodeList<Pod>(
            R"({"items":[{"metadata":{"name":"a"}},{"metadata":{"name":"b"}}, {"metadata":})");
        QCOMPARE(list.report.error,
                 QStringLiteral("malformed JSON at byte 75: unexpected character '}'"));
        QVERIFY(list.items.isEmpty());
    }

    void watchEventErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("error");
        QTest::newRow("unknown type") << QByteArray(R"({"type":"UPDATED","object":{}})")
                                      << QStringLiteral("unknown watch event type \"UPDATED\"");
        QTest::newRow("no type") << QByteArray(R"({"object":{}})")
                                 << QStringLiteral("watch event without a type");
        QTest::newRow("type not a string") << QByteArray(R"({"type":1,"object":{}})")
                                           << QStringLiteral("watch event without a type");
        QTest::newRow("no object")
            << QByteArray(R"({"type":"ADDED"})") << QStringLiteral("watch event without an object");
        QTest::newRow("null object") << QByteArray(R"({"type":"ADDED","object":null})")
                                     << QStringLiteral("watch event without an object");
        QTest::newRow("truncated")
            << QByteArray(R"({"type":"ADDED","object":{"metadata":{"name":"x"})")
            << QStringLiteral("malformed JSON at byte 49: unexpected end of input");
    }

    void watchEventErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, error);
        const Decoded<WatchEvent<Rollout>> event = decodeWatchEvent<Rollout>(json);
        QCOMPARE(event.report.error, error);
    }

    void objectOfWrongShapeInWatchEvent()
    {
        const Decoded<WatchEvent<Pod>> event
            = decodeWatchEvent<Pod>(R"({"type":"ADDED","object":"pod"})");
        QVERIFY(event.isOk());
        QCOMPARE(event.report.issuesText(), QStringLiteral("object: expected an object"));
    }
};

QTEST_GUILESS_MAIN(TestJsonDecoderErrors)
#include "tst_jsondecodererrors.moc"
