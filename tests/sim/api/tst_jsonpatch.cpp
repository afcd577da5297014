// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/jsonpatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace rdsim;

// RFC 6902 appendix A examples and the error cases, with the exact messages.
class TestJsonPatch : public QObject
{
    Q_OBJECT

private:
    static QJsonValue parse(const QString &json)
    {
        const QJsonDocument document = QJsonDocument::fromJson("[" + json.toUtf8() + "]");
        return document.array().at(0);
    }

private slots:
    void applies_data()
    {
        QTest::addColumn<QString>("document");
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("result");
        QTest::newRow("A.1 add member") << R"({"foo":"bar"})"
                                        << R"([{"op":"add","path":"/baz","value":"qux"}])"
                                        << R"({"baz":"qux","foo":"bar"})";
        QTest::newRow("A.2 add array element") << R"({"foo":["bar","baz"]})"
                                               << R"([{"op":"add","path":"/foo/1","value":"qux"}])"
                                               << R"({"foo":["bar","qux","baz"]})";
        QTest::newRow("A.3 remove member") << R"({"baz":"qux","foo":"bar"})"
                                           << R"([{"op":"remove","path":"/baz"}])"
                                           << R"({"foo":"bar"})";
        QTest::newRow("A.4 remove array element") << R"({"foo":["bar","qux","baz"]})"
                                                  << R"([{"op":"remove","path":"/foo/1"}])"
                                                  << R"({"foo":["bar","baz"]})";
        QTest::newRow("A.5 replace") << R"({"baz":"qux","foo":"bar"})"
                                     << R"([{"op":"replace","path":"/baz","value":"boo"}])"
                                     << R"({"baz":"boo","foo":"bar"})";
        QTest::newRow("A.6 move member")
            << R"({"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}})"
            << R"([{"op":"move","from":"/foo/waldo","path":"/qux/thud"}])"
            << R"({"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}})";
        QTest::newRow("A.7 move array element")
            << R"({"foo":["all","grass","cows","eat"]})"
            << R"([{"op":"move","from":"/foo/1","path":"/foo/3"}])"
            << R"({"foo":["all","cows","eat","grass"]})";
        QTest::newRow("A.8 test success")
            << R"({"baz":"qux","foo":["a",2,"c"]})"
            << R"([{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}])"
            << R"({"baz":"qux","foo":["a",2,"c"]})";
        QTest::newRow("A.10 add nested member")
            << R"({"foo":"bar"})"
            << R"([{"op":"add","path":"/child","value":{"grandchild":{}}}])"
            << R"({"foo":"bar","child":{"grandchild":{}}})";
        QTest::newRow("A.11 unknown members ignored")
            << R"({"foo":"bar"})"
            << R"([{"op":"add","path":"/baz","value":"qux","xyz":123}])"
            << R"({"foo":"bar","baz":"qux"})";
        QTest::newRow("A.14 escapes") << R"({"/":9,"~1":10})"
                                      << R"([{"op":"test","path":"/~01","value":10}])"
                                      << R"({"/":9,"~1":10})";
        QTest::newRow("A.16 append array value")
            << R"({"foo":["bar"]})"
            << R"([{"op":"add","path":"/foo/-","value":["abc","def"]}])"
            << R"({"foo":["bar",["abc","def"]]})";
        QTest::newRow("slash in key")
            << R"({"metadata":{"annotations":{}}})"
            << R"([{"op":"add","path":"/metadata/annotations/a.io~1b","value":"1"}])"
            << R"({"metadata":{"annotations":{"a.io/b":"1"}}})";
        QTest::newRow("copy") << R"({"a":{"b":1}})"
                              << R"([{"op":"copy","from":"/a","path":"/c"}])"
                              << R"({"a":{"b":1},"c":{"b":1}})";
        QTest::newRow("replace root") << R"({"a":1})"
                                      << R"([{"op":"replace","path":"","value":{"b":2}}])"
                                      << R"({"b":2})";
        QTest::newRow("test then replace status")
            << R"({"metadata":{"resourceVersion":"7"},"status":{"phase":"Healthy"}})"
            << R"([{"op":"test","path":"/metadata/resourceVersion","value":"7"},)"
               R"({"op":"replace","path":"/status/phase","value":"Paused"}])"
            << R"({"metadata":{"resourceVersion":"7"},"status":{"phase":"Paused"}})";
    }

    void applies()
    {
        QFETCH(QString, document);
        QFETCH(QString, patch);
        QFETCH(QString, result);
        QJsonValue value = parse(document);
        QString error;
        QCOMPARE(JsonPatch::apply(&value, parse(patch), &error), JsonPatch::Outcome::Applied);
        QCOMPARE(error, QString());
        QCOMPARE(value, parse(result));
    }

    void fails_data()
    {
        QTest::addColumn<QString>("document");
        QTest::addColumn<QString>("patch");
        QTest::addColumn<int>("outcome");
        QTest::addColumn<QString>("error");
        const int failed = int(JsonPatch::Outcome::Failed);
        const int malformed = int(JsonPatch::Outcome::Malformed);
        QTest::newRow("A.9 test failure") << R"({"baz":"qux"})"
                                          << R"([{"op":"test","path":"/baz","value":"bar"}])"
                                          << failed << "test: value at /baz is not as expected";
        QTest::newRow("A.15 number is not string")
            << R"({"/":9,"~1":10})"
            << R"([{"op":"test","path":"/~01","value":"10"}])" << failed
            << "test: value at /~01 is not as expected";
        QTest::newRow("test missing path") << R"({})"
                                           << R"([{"op":"test","path":"/a","value":1}])" << failed
                                           << "test: value at /a is not as expected";
        QTest::newRow("A.12 add to nonexistent target")
            << R"({"foo":"bar"})"
            << R"([{"op":"add","path":"/baz/bat","value":"qux"}])" << failed
            << "add: path /baz does not exist";
        QTest::newRow("remove missing")
            << R"({"a":1})"
            << R"([{"op":"remove","path":"/b"}])" << failed << "remove: path /b does not exist";
        QTest::newRow("replace missing")
            << R"({"a":1})"
            << R"([{"op":"replace","path":"/spec/paused","value":true}])" << failed
            << "replace: path /spec/paused does not exist";
        QTest::newRow("array index out of range")
            << R"({"a":[1]})"
            << R"([{"op":"add","path":"/a/5","value":2}])" << failed
            << "add: array index in /a/5 is out of range";
        QTest::newRow("leading zero index") << R"({"a":[1,2]})"
                                            << R"([{"op":"remove","path":"/a/01"}])" << failed
                                            << "remove: path /a/01 does not exist";
        QTest::newRow("move from missing") << R"({"a":1})"
                                           << R"([{"op":"move","from":"/x","path":"/y"}])" << failed
                                           << "move: from path /x does not exist";
        QTest::newRow("move into own child")
            << R"({"a":{"b":1}})"
            << R"([{"op":"move","from":"/a","path":"/a/b/c"}])" << failed
            << "move: cannot move /a into its own child /a/b/c";
        QTest::newRow("remove root") << R"({"a":1})"
                                     << R"([{"op":"remove","path":""}])" << failed
                                     << "remove: cannot remove the whole document";
        QTest::newRow("A.13 invalid op (missing value)")
            << R"({"foo":"bar"})"
            << R"([{"op":"add","path":"/baz"}])" << malformed
            << "operation 0 (add) has no \"value\"";
        QTest::newRow("unknown op") << R"({})"
                                    << R"([{"op":"frobnicate","path":"/a"}])" << malformed
                                    << "operation 0 has an unknown op \"frobnicate\"";
        QTest::newRow("not an array")
            << R"({})"
            << R"({"op":"add"})" << malformed << "a JSON patch must be an array of operations";
        QTest::newRow("operation not object")
            << R"({})"
            << R"([1])" << malformed << "operation 0 is not an object";
        QTest::newRow("missing path")
            << R"({})"
            << R"([{"op":"remove"}])" << malformed << "operation 0: \"path\" must be a string";
        QTest::newRow("pointer without slash")
            << R"({})"
            << R"([{"op":"remove","path":"a"}])" << malformed
            << "operation 0: JSON pointer \"a\" must start with '/'";
        QTest::newRow("bad escape")
            << R"({})"
            << R"([{"op":"remove","path":"/a~2"}])" << malformed
            << "operation 0: JSON pointer \"/a~2\" has a '~' not followed by 0 or 1";
    }

    void fails()
    {
        QFETCH(QString, document);
        QFETCH(QString, patch);
        QFETCH(int, outcome);
        QFETCH(QString, error);
        const QJsonValue original = parse(document);
        QJsonValue value = original;
        QString message;
        QCOMPARE(int(JsonPatch::apply(&value, parse(patch), &message)), outcome);
        QCOMPARE(message, error);
        QCOMPARE(value, original); // all or nothing
    }

    void failureLeavesDocumentUnchanged()
    {
        QJsonValue value = parse(R"({"a":1})");
        QString error;
        const QJsonValue patch
            = parse(R"([{"op":"add","path":"/b","value":2},{"op":"test","path":"/a","value":5}])");
        QCOMPARE(JsonPatch::apply(&value, patch, &error), JsonPatch::Outcome::Failed);
        QCOMPARE(value, parse(R"({"a":1})"));
    }

    void pointers()
    {
        QStringList tokens;
        QString error;
        QVERIFY(JsonPatch::parsePointer(QStringLiteral("/a~1b/c~0d/~01"), &tokens, &error));
        QCOMPARE(tokens, (QStringList {"a/b", "c~d", "~1"}));
        QVERIFY(JsonPatch::parsePointer(QString(), &tokens, &error));
        QCOMPARE(tokens, QStringList());
        QVERIFY(JsonPatch::parsePointer(QStringLiteral("/"), &tokens, &error));
        QCOMPARE(tokens, QStringList {QString()});
    }
};

QTEST_GUILESS_MAIN(TestJsonPatch)
#include "tst_jsonpatch.moc"
