// SPDX-License-Identifier: GPL-3.0-or-later
// Every error of the Prometheus API as a client sees it: HTTP status, errorType and the
// exact message of Prometheus 2.42.
#include "prometheusfixture.h"

#include <QTest>

using namespace rdsim;

class TestPrometheusApiErrors : public QObject
{
    Q_OBJECT

private:
    PrometheusFixture *f = nullptr;

private slots:
    void initTestCase()
    {
        f = new PrometheusFixture;
        QString error;
        QVERIFY2(f->startWithHistory(&error), qPrintable(error));
    }
    void cleanupTestCase()
    {
        delete f;
        f = nullptr;
    }

    void errors_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const std::string &target, int status,
                            const char *type, const char *message) {
            QTest::newRow(name) << QString::fromStdString(target) << status
                                << QString::fromLatin1(type) << QString::fromUtf8(message);
        };
        const auto q
            = [](const char *query) { return PrometheusFixture::encode(QString::fromUtf8(query)); };
        row("parse error", "/api/v1/query?query=" + q("sum(rate(rd_http_requests_total[5m])"), 400,
            "bad_data", "invalid parameter \"query\": 1:4: parse error: unclosed left parenthesis");
        row("missing query", "/api/v1/query", 400, "bad_data",
            "invalid parameter \"query\": 1:1: parse error: no expression found in input");
        row("unsupported", "/api/v1/query?query=" + q("sort(rd_http_requests_total)"), 400,
            "bad_data",
            "invalid parameter \"query\": 1:1: parse error: rd-sim does not support the "
            "function \"sort\"");
        row("bad time", "/api/v1/query?query=1&time=yesterday", 400, "bad_data",
            "invalid parameter \"time\": cannot parse \"yesterday\" to a valid timestamp");
        row("bad timeout", "/api/v1/query?query=1&timeout=soon", 400, "bad_data",
            "invalid parameter \"timeout\": cannot parse \"soon\" to a valid duration");
        row("execution",
            "/api/v1/query?query=" + q("rd_http_requests_total / on() rd_http_requests_total"), 422,
            "execution",
            "found duplicate series for the match group {} on the right hand-side of the "
            "operation: [{__name__=\"rd_http_requests_total\", namespace=\"shop\", "
            "pod=\"web-bbb-1\", role=\"canary\", rollout=\"web\", "
            "rollouts_pod_template_hash=\"bbb\"}, {__name__=\"rd_http_requests_total\", "
            "namespace=\"shop\", pod=\"web-aaa-1\", role=\"stable\", rollout=\"web\", "
            "rollouts_pod_template_hash=\"aaa\"}];many-to-many matching not allowed: matching "
            "labels must be unique on one side");
        row("missing start", "/api/v1/query_range?query=1&end=100&step=10", 400, "bad_data",
            "invalid parameter \"start\": cannot parse \"\" to a valid timestamp");
        row("end before start", "/api/v1/query_range?query=1&start=100&end=99.999&step=10", 400,
            "bad_data", "end timestamp must not be before start time");
        row("bad step", "/api/v1/query_range?query=1&start=0&end=100&step=often", 400, "bad_data",
            "invalid parameter \"step\": cannot parse \"often\" to a valid duration");
        row("zero step", "/api/v1/query_range?query=1&start=0&end=100&step=0", 400, "bad_data",
            "zero or negative query resolution step widths are not accepted. Try a positive "
            "integer");
        row("negative step", "/api/v1/query_range?query=1&start=0&end=100&step=-5s", 400,
            "bad_data", "invalid parameter \"step\": cannot parse \"-5s\" to a valid duration");
        row("too many points", "/api/v1/query_range?query=1&start=0&end=604801&step=54", 400,
            "bad_data",
            "exceeded maximum resolution of 11,000 points per timeseries. Try decreasing the "
            "query resolution (?step=XX)");
        row("range vector",
            "/api/v1/query_range?query=" + q("rd_http_requests_total[1m]")
                + "&start=0&end=60&step=15",
            400, "bad_data",
            "invalid parameter \"query\": invalid expression type \"range vector\" for range "
            "query, must be Scalar or instant Vector");
        row("series without match", "/api/v1/series", 400, "bad_data",
            "no match[] parameter provided");
        row("series bad match", "/api/v1/series?match[]=" + q("rate(x[5m])"), 400, "bad_data",
            "invalid parameter \"match[]\": 1:5: parse error: unexpected \"(\"");
        row("series empty matchers", "/api/v1/series?match[]=" + q("{pod=~\".*\"}"), 400,
            "bad_data",
            "invalid parameter \"match[]\": match[] must contain at least one non-empty "
            "matcher");
        row("series bad end", "/api/v1/series?match[]=up&end=tomorrow", 400, "bad_data",
            "invalid parameter \"end\": cannot parse \"tomorrow\" to a valid timestamp");
        row("invalid label name", "/api/v1/label/1abc/values", 400, "bad_data",
            "invalid label name: \"1abc\"");
    }

    void errors()
    {
        QFETCH(QString, target);
        QFETCH(int, status);
        QFETCH(QString, errorType);
        QFETCH(QString, message);
        auto client = f->client("viewer-token");
        for (const char *prefix :
             {"/prometheus", "/api/v1/namespaces/monitoring/services/prometheus:9090/proxy"}) {
            auto response = client->Get(prefix + target.toStdString());
            QVERIFY(response);
            QCOMPARE(response->status, status);
            QCOMPARE(response->get_header_value("Content-Type"), std::string("application/json"));
            const QJsonObject body = parseObject(response->body);
            QCOMPARE(body.value("status").toString(), QStringLiteral("error"));
            QCOMPARE(body.value("errorType").toString(), errorType);
            QCOMPARE(body.value("error").toString(), message);
            QVERIFY(!body.contains("data"));
        }
    }

    void exactErrorBody()
    {
        auto response = f->client()->Get("/prometheus/api/v1/query?query=%3C");
        QCOMPARE(response->status, 400);
        // Go's JSON escaping of <, > and & included.
        QCOMPARE(QByteArray::fromStdString(response->body),
                 QByteArray("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":"
                            "\"invalid parameter \\\"query\\\": 1:1: parse error: unexpected "
                            "\\\"\\u003c\\\"\"}"));
    }

    void elevenThousandPointsIsTheLimit()
    {
        // (end - start) / step, truncated, may be 11,000 but not more: a week at 55 s passes.
        auto client = f->client();
        auto response = client->Get("/prometheus/api/v1/query_range?query=1&start=0&end=604800"
                                    "&step=55");
        QCOMPARE(response->status, 200);
        const QJsonArray values = parseObject(response->body)
                                      .value("data")
                                      .toObject()
                                      .value("result")
                                      .toArray()
                                      .at(0)
                                      .toObject()
                                      .value("values")
                                      .toArray();
        QCOMPARE(values.size(), 10997);
        QCOMPARE(values.at(1).toArray().at(0).toDouble(), 55.0);
        QCOMPARE(values.at(1).toArray().at(1).toString(), QStringLiteral("1"));
        response = client->Get("/prometheus/api/v1/query_range?query=1&start=0&end=11000&step=1");
        QCOMPARE(response->status, 200);
        response = client->Get("/prometheus/api/v1/query_range?query=1&start=0&end=11001.5&step=1");
        QCOMPARE(response->status, 400);
    }
};

QTEST_GUILESS_MAIN(TestPrometheusApiErrors)
#include "tst_prometheusapierrors.moc"
