// SPDX-License-Identifier: GPL-3.0-or-later
#include "api/mergepatch.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using namespace rdsim;

// Every example of RFC 7386 appendix A, plus the cases the API server relies on.
class TestMergePatch : public QObject
{
    Q_OBJECT

private:
    static QJsonValue parse(const char *json)
    {
        const QJsonDocument document
            = QJsonDocument::fromJson(QByteArray("[") + json + QByteArray("]"));
        return document.array().at(0);
    }

private slots:
    void rfcExamples_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("patch");
        QTest::addColumn<QString>("result");
        QTest::newRow("replace") << R"({"a":"b"})"
                                 << R"({"a":"c"})"
                                 << R"({"a":"c"})";
        QTest::newRow("add") << R"({"a":"b"})"
                             << R"({"b":"c"})"
                             << R"({"a":"b","b":"c"})";
        QTest::newRow("delete") << R"({"a":"b"})"
                                << R"({"a":null})"
                                << R"({})";
        QTest::newRow("delete one of two") << R"({"a":"b","b":"c"})"
                                           << R"({"a":null})"
                                           << R"({"b":"c"})";
        QTest::newRow("array replaced") << R"({"a":["b"]})"
                                        << R"({"a":"c"})"
                                        << R"({"a":"c"})";
        QTest::newRow("value to array") << R"({"a":"c"})"
                                        << R"({"a":["b"]})"
                                        << R"({"a":["b"]})";
        QTest::newRow("nested") << R"({"a":{"b":"c"}})"
                                << R"({"a":{"b":"d","c":null}})"
                                << R"({"a":{"b":"d"}})";
        QTest::newRow("array of objects replaced wholesale") << R"({"a":[{"b":"c"}]})"
                                                             << R"({"a":[1]})"
                                                             << R"({"a":[1]})";
        QTest::newRow("array target") << R"(["a","b"])"
                                      << R"(["c","d"])"
                                      << R"(["c","d"])";
        QTest::newRow("object over array") << R"({"a":"b"})"
                                           << R"(["c"])"
                                           << R"(["c"])";
        QTest::newRow("null patch") << R"({"a":"foo"})"
                                    << "null"
                                    << "null";
        QTest::newRow("string patch") << R"({"a":"foo"})"
                                      << R"("bar")"
                                      << R"("bar")";
        QTest::newRow("null value kept in target") << R"({"e":null})"
                                                   << R"({"a":1})"
                                                   << R"({"e":null,"a":1})";
        QTest::newRow("non-object target") << R"([1,2])"
                                           << R"({"a":"b","c":null})"
                                           << R"({"a":"b"})";
        QTest::newRow("deep new object drops nulls") << R"({})"
                                                     << R"({"a":{"bb":{"ccc":null}}})"
                                                     << R"({"a":{"bb":{}}})";
        QTest::newRow("status subtree")
            << R"({"spec":{"paused":false},"status":{"phase":"Healthy","x":1}})"
            << R"({"status":{"phase":"Paused"}})"
            << R"({"spec":{"paused":false},"status":{"phase":"Paused","x":1}})";
    }

    void rfcExamples()
    {
        QFETCH(QString, target);
        QFETCH(QString, patch);
        QFETCH(QString, result);
        const QJsonValue actual = MergePatch::apply(parse(target.toUtf8().constData()),
                                                    parse(patch.toUtf8().constData()));
        QCOMPARE(actual, parse(result.toUtf8().constData()));
    }
};

QTEST_GUILESS_MAIN(TestMergePatch)
#include "tst_mergepatch.moc"
