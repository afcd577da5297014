// SPDX-License-Identifier: GPL-3.0-or-later
// Prometheus' value and timestamp encoding, and the request parameters as its web API reads
// them.
#include "api/prometheusjson.h"
#include "api/prometheusparams.h"
#include "core/virtualclock.h"

#include <QTest>

#include <limits>

using namespace rdsim;

class TestPrometheusJson : public QObject
{
    Q_OBJECT

private slots:
    void values_data()
    {
        QTest::addColumn<double>("value");
        QTest::addColumn<QByteArray>("text");
        const double inf = std::numeric_limits<double>::infinity();
        QTest::newRow("integer") << 42.0 << QByteArray("42");
        QTest::newRow("fraction") << 0.1 << QByteArray("0.1");
        QTest::newRow("shortest") << 123.456 << QByteArray("123.456");
        QTest::newRow("third") << 1.0 / 3 << QByteArray("0.3333333333333333");
        QTest::newRow("large fixed") << 1e20 << QByteArray("100000000000000000000");
        QTest::newRow("1e21 is exponent") << 1e21 << QByteArray("1e+21");
        QTest::newRow("small fixed") << 2.5e-6 << QByteArray("0.0000025");
        QTest::newRow("below 1e-6") << 1e-7 << QByteArray("1e-07");
        QTest::newRow("exponent digits") << 1.5e-7 << QByteArray("1.5e-07");
        QTest::newRow("negative") << -0.25 << QByteArray("-0.25");
        QTest::newRow("zero") << 0.0 << QByteArray("0");
        QTest::newRow("negative zero") << -0.0 << QByteArray("-0");
        QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << QByteArray("NaN");
        QTest::newRow("+Inf") << inf << QByteArray("+Inf");
        QTest::newRow("-Inf") << -inf << QByteArray("-Inf");
    }
    void values()
    {
        QFETCH(double, value);
        QFETCH(QByteArray, text);
        QCOMPARE(PrometheusJson::formatValue(value), text);
    }

    void timestamps()
    {
        QCOMPARE(PrometheusJson::formatTimestamp(1700000000000), QByteArray("1700000000"));
        QCOMPARE(PrometheusJson::formatTimestamp(1700000000500), QByteArray("1700000000.500"));
        QCOMPARE(PrometheusJson::formatTimestamp(1700000000005), QByteArray("1700000000.005"));
        QCOMPARE(PrometheusJson::formatTimestamp(1700000000050), QByteArray("1700000000.050"));
        QCOMPARE(PrometheusJson::formatTimestamp(-1500), QByteArray("-1.500"));
    }

    void strings()
    {
        QCOMPARE(
            PrometheusJson::quote(QStringLiteral("a\"b\\c\nd\te<f>&\u00e9\U0001F600")),
            QByteArray("\"a\\\"b\\\\c\\nd\\te\\u003cf\\u003e\\u0026\xc3\xa9\xf0\x9f\x98\x80\""));
        QCOMPARE(PrometheusJson::quote(QString(QChar(1))), QByteArray("\"\\u0001\""));
        QCOMPARE(PrometheusJson::labels({{QStringLiteral("a"), QStringLiteral("1")},
                                         {QStringLiteral("b"), QStringLiteral("2")}}),
                 QByteArray("{\"a\":\"1\",\"b\":\"2\"}"));
        QCOMPARE(PrometheusJson::success("[]", {QStringLiteral("slow")}),
                 QByteArray("{\"status\":\"success\",\"data\":[],\"warnings\":[\"slow\"]}"));
        QCOMPARE(PrometheusJson::httpStatus(QStringLiteral("bad_data")), 400);
        QCOMPARE(PrometheusJson::httpStatus(QStringLiteral("execution")), 422);
        QCOMPARE(PrometheusJson::httpStatus(QStringLiteral("timeout")), 503);
        QCOMPARE(PrometheusJson::httpStatus(QStringLiteral("canceled")), 503);
        QCOMPARE(PrometheusJson::httpStatus(QStringLiteral("internal")), 500);
    }

    void matrixAndString()
    {
        promql::QueryResult result;
        result.type = promql::ValueType::Matrix;
        result.matrix.append({{{QStringLiteral("role"), QStringLiteral("canary")}},
                              {{1000, 0.5}, {16500, std::numeric_limits<double>::quiet_NaN()}}});
        QCOMPARE(PrometheusJson::queryData(result),
                 QByteArray("{\"resultType\":\"matrix\",\"result\":[{\"metric\":{\"role\":"
                            "\"canary\"},\"values\":[[1,\"0.5\"],[16.500,\"NaN\"]]}]}"));
        result = {};
        result.type = promql::ValueType::String;
        result.string = QStringLiteral("hi");
        result.timeMs = 2000;
        QCOMPARE(PrometheusJson::queryData(result),
                 QByteArray("{\"resultType\":\"string\",\"result\":[2,\"hi\"]}"));
    }

    void times()
    {
        QString error;
        QCOMPARE(PrometheusParams::parseTimeMs(QStringLiteral("1700000000"), &error),
                 std::optional<qint64>(1700000000000));
        QCOMPARE(PrometheusParams::parseTimeMs(QStringLiteral("1700000000.1234"), &error),
                 std::optional<qint64>(1700000000123));
        QCOMPARE(PrometheusParams::parseTimeMs(QStringLiteral("1700000000.9996"), &error),
                 std::optional<qint64>(1700000001000));
        QCOMPARE(PrometheusParams::parseTimeMs(QStringLiteral("1.7e9"), &error),
                 std::optional<qint64>(1700000000000));
        const qint64 rfc = VirtualClock::fromRfc3339(QStringLiteral("2026-11-25T17:00:00Z"));
        QCOMPARE(PrometheusParams::parseTimeMs(QStringLiteral("2026-11-25T17:00:00Z"), &error),
                 std::optional<qint64>(rfc));
        QCOMPARE(
            PrometheusParams::parseTimeMs(QStringLiteral("2026-11-25T17:00:00.123456789Z"), &error),
            std::optional<qint64>(rfc + 123));
        QCOMPARE(PrometheusParams::parseTimeMs(QStringLiteral("2026-11-25T18:30:00+01:30"), &error),
                 std::optional<qint64>(rfc));
        QCOMPARE(
            PrometheusParams::parseTimeMs(QStringLiteral("2026-11-25T17:00:00.5-01:00"), &error),
            std::optional<qint64>(rfc + 3600000 + 500));
        QCOMPARE(
            PrometheusParams::parseTimeMs(QStringLiteral("-292273086-05-16T16:47:06Z"), &error),
            std::optional<qint64>(PrometheusParams::minTimeMs()));
        QVERIFY(!PrometheusParams::parseTimeMs(QStringLiteral("2026-13-01T00:00:00Z"), &error));
        QCOMPARE(error,
                 QStringLiteral("cannot parse \"2026-13-01T00:00:00Z\" to a valid "
                                "timestamp"));
        QVERIFY(!PrometheusParams::parseTimeMs(QStringLiteral("now"), &error));
        QCOMPARE(error, QStringLiteral("cannot parse \"now\" to a valid timestamp"));
    }

    void durations()
    {
        QString error;
        QCOMPARE(PrometheusParams::parseDurationNs(QStringLiteral("15"), &error),
                 std::optional<double>(15e9));
        QCOMPARE(PrometheusParams::parseDurationNs(QStringLiteral("0.5"), &error),
                 std::optional<double>(5e8));
        QCOMPARE(PrometheusParams::parseDurationNs(QStringLiteral("1m30s"), &error),
                 std::optional<double>(90e9));
        QCOMPARE(PrometheusParams::parseDurationNs(QStringLiteral("-1"), &error),
                 std::optional<double>(-1e9));
        QVERIFY(!PrometheusParams::parseDurationNs(QStringLiteral("1e10"), &error));
        QCOMPARE(error,
                 QStringLiteral("cannot parse \"1e10\" to a valid duration. It overflows "
                                "int64"));
        QVERIFY(!PrometheusParams::parseDurationNs(QStringLiteral("5 m"), &error));
        QCOMPARE(error, QStringLiteral("cannot parse \"5 m\" to a valid duration"));
    }

    void formValues()
    {
        PrometheusParams params;
        params.addEncoded("query=sum+by+%28role%29+%28x%29&match%5B%5D=a&match[]=b&flag&empty=");
        QCOMPARE(params.value(QStringLiteral("query")), QStringLiteral("sum by (role) (x)"));
        QCOMPARE(params.values(QStringLiteral("match[]")),
                 (QStringList {QStringLiteral("a"), QStringLiteral("b")}));
        QVERIFY(params.has(QStringLiteral("flag")));
        QVERIFY(params.has(QStringLiteral("empty")));
        QCOMPARE(params.value(QStringLiteral("empty")), QString());
        QVERIFY(!params.has(QStringLiteral("time")));
    }
};

QTEST_GUILESS_MAIN(TestPrometheusJson)
#include "tst_prometheusjson.moc"
