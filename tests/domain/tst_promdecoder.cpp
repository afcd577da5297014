// SPDX-License-Identifier: GPL-3.0-or-later
// The Prometheus API decoder (domain/prometheus/promdecoder): result types, exact sample values,
// warnings, native histograms, typed errors with the server's text, and bodies that are not
// Prometheus answers at all.
#include "promdecoder.h"

#include <QFile>
#include <QTest>

#include <cmath>
#include <limits>

namespace {

QByteArray data(const QString &name)
{
    QFile file(QStringLiteral(RD_TEST_DATA_DIR "/prometheus/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(file.fileName()));
    return file.readAll();
}

QStringList issueTexts(const QList<DecodeIssue> &issues)
{
    QStringList texts;
    for (const DecodeIssue &issue : issues)
        texts << issue.text();
    return texts;
}

constexpr double infinity = std::numeric_limits<double>::infinity();
const double notANumber = std::numeric_limits<double>::quiet_NaN();

} // namespace

class TestPromDecoder : public QObject
{
    Q_OBJECT

private slots:
    void values_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<double>("expected");
        QTest::addRow("integer") << "40" << true << 40.0;
        QTest::addRow("decimal") << "0.0000001" << true << 1e-7;
        QTest::addRow("exponent") << "1e-07" << true << 1e-7;
        QTest::addRow("upper exponent") << "1.5E+21" << true << 1.5e21;
        QTest::addRow("big") << "10000000000000000000000000" << true << 1e25;
        QTest::addRow("plus sign") << "+2.5" << true << 2.5;
        QTest::addRow("negative") << "-0.25" << true << -0.25;
        QTest::addRow("NaN") << "NaN" << true << notANumber;
        QTest::addRow("+Inf") << "+Inf" << true << infinity;
        QTest::addRow("-Inf") << "-Inf" << true << -infinity;
        QTest::addRow("Inf") << "Inf" << true << infinity;
        QTest::addRow("infinity") << "-infinity" << true << -infinity;
        QTest::addRow("empty") << "" << false << 0.0;
        QTest::addRow("word") << "abc" << false << 0.0;
        QTest::addRow("trailing") << "1.5x" << false << 0.0;
        QTest::addRow("sign only") << "+" << false << 0.0;
        QTest::addRow("signed NaN") << "-NaN" << false << 0.0;
        QTest::addRow("nan payload") << "nan(1)" << false << 0.0;
        QTest::addRow("hex") << "0x10" << false << 0.0;
        QTest::addRow("space") << " 1" << false << 0.0;
        QTest::addRow("overflow") << "1e400" << false << 0.0;
    }

    void values()
    {
        QFETCH(QString, text);
        QFETCH(bool, valid);
        QFETCH(double, expected);
        const std::optional<double> value = parsePromValue(text);
        QCOMPARE(value.has_value(), valid);
        if (!valid)
            return;
        if (std::isnan(expected))
            QVERIFY(std::isnan(*value));
        else
            QCOMPARE(*value, expected);
    }

    void negativeZeroKeepsItsSign()
    {
        const std::optional<double> value = parsePromValue(QStringLiteral("-0"));
        QVERIFY(value && *value == 0.0 && std::signbit(*value));
    }

    void sortByLabels()
    {
        const auto series = [](const QString &role, const QString &pod) {
            StringMap labels;
            if (!role.isEmpty())
                labels.insert(QStringLiteral("role"), role);
            if (!pod.isEmpty())
                labels.insert(QStringLiteral("pod"), pod);
            return PromSeries {labels, {}};
        };
        QList<PromSeries> list
            = {series(QStringLiteral("stable"), QString()),
               series(QStringLiteral("canary"), QStringLiteral("b")), series(QString(), QString()),
               series(QStringLiteral("canary"), QStringLiteral("a"))};
        sortSeriesByLabels(list);
        // Label by label: ("pod", ...) sorts before ("role", ...); no labels first.
        QCOMPARE(list,
                 (QList<PromSeries> {series(QString(), QString()),
                                     series(QStringLiteral("canary"), QStringLiteral("a")),
                                     series(QStringLiteral("canary"), QStringLiteral("b")),
                                     series(QStringLiteral("stable"), QString())}));
    }

    void times()
    {
        QCOMPARE(formatPromTime(1795618200000), QStringLiteral("1795618200"));
        QCOMPARE(formatPromTime(1795618200250), QStringLiteral("1795618200.25"));
        QCOMPARE(formatPromTime(1795618200123), QStringLiteral("1795618200.123"));
        QCOMPARE(formatPromTime(5), QStringLiteral("0.005"));
        QCOMPARE(formatPromTime(-1500), QStringLiteral("-1.5"));
        QCOMPARE(formatPromSeconds(235637), QStringLiteral("235.637"));
        QCOMPARE(formatPromSeconds(15000), QStringLiteral("15"));
    }

    void vectorIgnoresUnknownFieldsAndSkipsHistograms()
    {
        const PromQueryResult result
            = PromDecoder().decodeQuery(data(QStringLiteral("vector.json")));
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.resultType, PromResultType::Vector);
        QVERIFY(result.issues.isEmpty());
        QCOMPARE(result.skippedHistograms, 1);
        QCOMPARE(result.warnings,
                 QStringList {QStringLiteral("1 series with native histogram samples not shown")});
        QCOMPARE(result.series.size(), 2);
        const PromSeries stable {
            {{QStringLiteral("__name__"), QStringLiteral("rd_http_requests_total")},
             {QStringLiteral("role"), QStringLiteral("stable")},
             {QStringLiteral("rollout"), QStringLiteral("checkout")}},
            {PromSample {1795618200123, 40.0}}};
        QCOMPARE(result.series.at(0), stable);
        QCOMPARE(result.series.at(1).labels.value(QStringLiteral("role")),
                 QStringLiteral("canary"));
        QCOMPARE(result.series.at(1).samples, (QList<PromSample> {{1795618200000, 1e-7}}));
    }

    void matrixKeepsSpecialValuesAndReportsBadSamples()
    {
        const PromQueryResult result
            = PromDecoder().decodeQuery(data(QStringLiteral("matrix.json")));
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.resultType, PromResultType::Matrix);
        QCOMPARE(result.warnings,
                 QStringList({QStringLiteral("remote_read: error sending request"),
                              QStringLiteral("1 series with native histogram samples not shown")}));
        QCOMPARE(issueTexts(result.issues),
                 QStringList({QStringLiteral("data.result[1].values[1][1]: 'abc' is not a number"),
                              QStringLiteral("data.result[1].values[2][1]: expected a string")}));
        QCOMPARE(result.series.size(), 2);
        const QList<PromSample> canary = {{1795615200000, 0.0},
                                          {1795615215500, notANumber},
                                          {1795615230000, infinity},
                                          {1795615245000, -infinity},
                                          {1795615260000, -0.0}};
        QCOMPARE(result.series.at(0).samples, canary);
        QVERIFY(result.series.at(1).labels.isEmpty());
        QCOMPARE(result.series.at(1).samples,
                 (QList<PromSample> {{1795615200001, 1.5e21}, {1795615245000, 3.0}}));
    }

    void scalarAndString()
    {
        PromDecoder decoder;
        const PromQueryResult scalar = decoder.decodeQuery(QByteArrayLiteral(
            R"({"status":"success","data":{"resultType":"scalar","result":[1795637128.373,"NaN"]}})"));
        QVERIFY(scalar.isOk());
        QCOMPARE(scalar.resultType, PromResultType::Scalar);
        QCOMPARE(scalar.scalar, (PromSample {1795637128373, notANumber}));
        QVERIFY(scalar.series.isEmpty());

        const PromQueryResult string = decoder.decodeQuery(QByteArrayLiteral(
            R"({"status":"success","data":{"resultType":"string","result":[1795637128.402,"abc"]}})"));
        QVERIFY(string.isOk());
        QCOMPARE(string.resultType, PromResultType::String);
        QCOMPARE(string.scalar.timestampMs, 1795637128402);
        QCOMPARE(string.stringValue, QStringLiteral("abc"));
    }

    void apiErrors_data()
    {
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<int>("status");
        QTest::addColumn<PromError::Kind>("kind");
        QTest::addColumn<QString>("message");
        QTest::addRow("bad_data")
            << "bad_data" << 400 << PromError::Kind::BadData
            << "The query is not valid (HTTP 400): invalid parameter \"query\": 1:5: parse error: "
               "unclosed left parenthesis";
        QTest::addRow("execution") << "execution" << 422 << PromError::Kind::Execution
                                   << "The query failed (HTTP 422): expanding series: boom";
        QTest::addRow("timeout") << "timeout" << 503 << PromError::Kind::Timeout
                                 << "The query timed out on the server (HTTP 503): query timed out "
                                    "in expression evaluation";
        QTest::addRow("canceled") << "canceled" << 503 << PromError::Kind::Canceled
                                  << "The server cancelled the query (HTTP 503): context canceled";
        QTest::addRow("unavailable") << "unavailable" << 500 << PromError::Kind::Unavailable
                                     << "Prometheus is unavailable (HTTP 500): TSDB not ready";
        QTest::addRow("internal") << "internal" << 500 << PromError::Kind::Internal
                                  << "Prometheus reported an internal error (HTTP 500): oops";
        QTest::addRow("not_found") << "not_found" << 404 << PromError::Kind::NotFound
                                   << "Not found (HTTP 404): no such rule group";
        QTest::addRow("unknown") << "weird" << 418 << PromError::Kind::OtherApiError
                                 << "Prometheus error 'weird' (HTTP 418): teapot";
    }

    void apiErrors()
    {
        QFETCH(QString, errorType);
        QFETCH(int, status);
        QFETCH(PromError::Kind, kind);
        QFETCH(QString, message);
        const QString serverText = message.section(QStringLiteral("): "), 1);
        const QByteArray body
            = QJsonDocument(
                  QJsonObject {{QStringLiteral("status"), QStringLiteral("error")},
                               {QStringLiteral("errorType"), errorType},
                               {QStringLiteral("error"), serverText},
                               {QStringLiteral("warnings"), QJsonArray {QStringLiteral("w1")}}})
                  .toJson();
        const PromQueryResult result = PromDecoder().decodeQuery(body, status);
        QCOMPARE(result.error.kind, kind);
        QCOMPARE(result.error.httpStatus, status);
        QCOMPARE(result.error.errorType, errorType);
        QCOMPARE(result.error.serverMessage, serverText);
        QCOMPARE(result.error.message, message);
        QCOMPARE(result.warnings, QStringList {QStringLiteral("w1")});
        QCOMPARE(result.resultType, PromResultType::None);
    }

    void notPrometheus_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("retryAfter");
        QTest::addColumn<PromError::Kind>("kind");
        QTest::addColumn<QString>("message");
        QTest::addRow("proxy 502 page")
            << data(QStringLiteral("bad-gateway.html")) << 502 << -1 << PromError::Kind::Http
            << "The server answered HTTP 502 instead of a Prometheus response: 502 Bad Gateway";
        QTest::addRow("service proxy status")
            << data(QStringLiteral("proxy-no-endpoints.json")) << 503 << -1 << PromError::Kind::Http
            << "The server answered HTTP 503 instead of a Prometheus response: no endpoints "
               "available for service \"prometheus\"";
        QTest::addRow("wrong prefix")
            << QByteArray("404 page not found\n") << 404 << -1 << PromError::Kind::NotFound
            << "No Prometheus API at this address (HTTP 404); check url and pathPrefix: 404 page "
               "not found";
        QTest::addRow("rate limited")
            << QByteArray("slow down") << 429 << 7 << PromError::Kind::TooManyRequests
            << "Too many requests; the server asks to wait 7 s (HTTP 429): slow down";
        QTest::addRow("rate limited without Retry-After")
            << QByteArray() << 429 << -1 << PromError::Kind::TooManyRequests
            << "Too many requests (HTTP 429)";
        QTest::addRow("unauthorized") << QByteArray() << 401 << -1 << PromError::Kind::Unauthorized
                                      << "The server did not accept the credentials (HTTP 401)";
        QTest::addRow("forbidden") << QByteArray("Forbidden (user=x, verb=get)\n") << 403 << -1
                                   << PromError::Kind::Forbidden
                                   << "Permission denied (HTTP 403): Forbidden (user=x, verb=get)";
        QTest::addRow("login page with 200")
            << data(QStringLiteral("login.html")) << 200 << -1 << PromError::Kind::Decode
            << "The answer is not a Prometheus API response: the body is not JSON: Sign in & "
               "continue";
        QTest::addRow("truncated JSON")
            << QByteArray(R"({"status":"success","data":{"resultType":"vector","result":[)") << 200
            << -1 << PromError::Kind::Decode
            << "The answer is not a Prometheus API response: malformed JSON at byte 60: unexpected "
               "end of input";
        QTest::addRow("JSON without status")
            << QByteArray(R"({"data":[]})") << 200 << -1 << PromError::Kind::Decode
            << "The answer is not a Prometheus API response: no \"status\" of success or error";
        QTest::addRow("unknown result type")
            << QByteArray(R"({"status":"success","data":{"resultType":"streams","result":[]}})")
            << 200 << -1 << PromError::Kind::Decode
            << "The answer is not a Prometheus API response: unknown resultType 'streams'";
    }

    void notPrometheus()
    {
        QFETCH(QByteArray, body);
        QFETCH(int, status);
        QFETCH(int, retryAfter);
        QFETCH(PromError::Kind, kind);
        QFETCH(QString, message);
        const PromQueryResult result = PromDecoder().decodeQuery(body, status, retryAfter);
        QCOMPARE(PromError::kindName(result.error.kind), PromError::kindName(kind));
        QCOMPARE(result.error.message, message);
        QCOMPARE(result.error.httpStatus, status == 200 ? 0 : status);
        QCOMPARE(result.error.retryAfterSeconds, retryAfter);
    }

    void metadata()
    {
        PromDecoder decoder;
        const PromSeriesList series = decoder.decodeSeries(QByteArrayLiteral(
            R"({"status":"success","data":[{"__name__":"up","job":"a"},{"__name__":"up","job":"b"}]})"));
        QVERIFY(series.isOk());
        QCOMPARE(series.series,
                 (QList<StringMap> {{{QStringLiteral("__name__"), QStringLiteral("up")},
                                     {QStringLiteral("job"), QStringLiteral("a")}},
                                    {{QStringLiteral("__name__"), QStringLiteral("up")},
                                     {QStringLiteral("job"), QStringLiteral("b")}}}));

        const PromStringList labels = decoder.decodeStrings(
            QByteArrayLiteral(R"({"status":"success","data":["__name__","role",7]})"));
        QVERIFY(labels.isOk());
        QCOMPARE(labels.values, QStringList({QStringLiteral("__name__"), QStringLiteral("role")}));
        QCOMPARE(issueTexts(labels.issues),
                 QStringList {QStringLiteral("data[2]: expected a string")});

        const PromStringList none
            = decoder.decodeStrings(QByteArrayLiteral(R"({"status":"success","data":null})"));
        QVERIFY(none.isOk());
        QVERIFY(none.values.isEmpty());

        const PromBuildInfo info = decoder.decodeBuildInfo(QByteArrayLiteral(
            R"({"status":"success","data":{"version":"2.42.0+ds","revision":"r","branch":"b",)"
            R"("buildUser":"u","buildDate":"d","goVersion":"go1.19.8","future":true}})"));
        QVERIFY(info.isOk());
        QCOMPARE(info.version, QStringLiteral("2.42.0+ds"));
        QCOMPARE(info.revision, QStringLiteral("r"));
        QCOMPARE(info.branch, QStringLiteral("b"));
        QCOMPARE(info.buildUser, QStringLiteral("u"));
        QCOMPARE(info.buildDate, QStringLiteral("d"));
        QCOMPARE(info.goVersion, QStringLiteral("go1.19.8"));
    }

    // Found by fuzz/promdecoder: the paths of these issues pointed at a temporary that was
    // gone (stack-use-after-scope under AddressSanitizer, which the asan suite runs).
    void issuePathsOfSeriesAndBuildInfo()
    {
        PromDecoder decoder;
        const PromSeriesList series = decoder.decodeSeries(
            QByteArrayLiteral(R"({"status":"success","data":[{"job":"a"},"quest",{"job":7}]})"));
        QVERIFY(series.isOk());
        QCOMPARE(issueTexts(series.issues),
                 (QStringList {QStringLiteral("data[1]: expected an object of labels"),
                               QStringLiteral("data[2].job: expected a string")}));

        const PromBuildInfo info = decoder.decodeBuildInfo(
            QByteArrayLiteral(R"({"status":"success","data":{"version":2,"branch":"b"}})"));
        QVERIFY(info.isOk());
        QCOMPARE(info.branch, QStringLiteral("b"));
        QCOMPARE(issueTexts(info.issues),
                 QStringList {QStringLiteral("data.version: expected a string")});
    }
};

QTEST_GUILESS_MAIN(TestPromDecoder)
#include "tst_promdecoder.moc"
