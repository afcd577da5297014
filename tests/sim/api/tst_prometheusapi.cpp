// SPDX-License-Identifier: GPL-3.0-or-later
// The Prometheus query API over HTTPS: both access paths, authentication and RBAC, exact
// bodies, range queries over the past, the demo's analysis queries, injected faults.
#include "api/prometheusjson.h"
#include "prometheusfixture.h"

#include <QFile>
#include <QTest>

#include <yaml-cpp/yaml.h>

#include <cmath>

using namespace rdsim;

namespace {

const char *kForm = "application/x-www-form-urlencoded";

QJsonObject body(const httplib::Result &result)
{
    return result ? parseObject(result->body) : QJsonObject();
}

QJsonArray resultOf(const httplib::Result &result)
{
    return body(result).value("data").toObject().value("result").toArray();
}

QJsonValue field(const QJsonValue &object, const char *key)
{
    return object.toObject().value(QLatin1String(key));
}

double valueOf(const QJsonValue &point)
{
    return point.toArray().at(1).toString().toDouble();
}

// Every prometheus.query of an AnalysisTemplate in the demo scenario (aliases resolved).
QStringList demoQueries()
{
    QStringList queries;
    const YAML::Node root = YAML::LoadFile(RD_SOURCE_DIR "/resources/scenarios/demo.yaml");
    for (const YAML::Node &cluster : root["clusters"]) {
        for (const YAML::Node &object : cluster["objects"]) {
            if (object["kind"].as<std::string>() != "AnalysisTemplate")
                continue;
            for (const YAML::Node &metric : object["spec"]["metrics"]) {
                if (!metric["provider"]["prometheus"])
                    continue; // e.g. the smoke-test Job (job provider)
                queries << QString::fromStdString(
                    metric["provider"]["prometheus"]["query"].as<std::string>());
            }
        }
    }
    return queries;
}

} // namespace

class TestPrometheusApi : public QObject
{
    Q_OBJECT

private:
    PrometheusFixture *f = nullptr;
    qint64 at(qint64 seconds) const { return f->t0 + seconds * PrometheusFixture::kSec; }
    std::string queryPath(const char *prefix, const QString &query, qint64 atMs) const
    {
        return std::string(prefix) + "/api/v1/query?query=" + PrometheusFixture::encode(query)
            + "&time=" + PrometheusFixture::seconds(atMs);
    }
    static FaultRule fault(int status, const char *path)
    {
        FaultRule rule;
        rule.kind = FaultRule::Kind::Status;
        rule.status = status;
        rule.path = QRegularExpression(QString::fromLatin1(path));
        return rule;
    }

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

    void instantQueryExactBody()
    {
        auto client = f->client("viewer-token");
        const QString query = QStringLiteral("rd_http_requests_total{pod=\"web-aaa-1\"}");
        const qint64 t = at(300);
        const QByteArray expected
            = "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":"
              "{\"__name__\":\"rd_http_requests_total\",\"namespace\":\"shop\",\"pod\":"
              "\"web-aaa-1\",\"role\":\"stable\",\"rollout\":\"web\","
              "\"rollouts_pod_template_hash\":\"aaa\"},\"value\":["
            + QByteArray::number(t / 1000) + ",\""
            + PrometheusJson::formatValue(f->counters(QStringLiteral("web-aaa-1"), t).requests)
            + "\"]}]}}";
        auto response = client->Get(queryPath("/prometheus", query, t));
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        QCOMPARE(response->get_header_value("Content-Type"), std::string("application/json"));
        QCOMPARE(QByteArray::fromStdString(response->body), expected);
        // RFC 3339 time, and POST with a form body, answer the same.
        response = client->Get("/prometheus/api/v1/query?query=" + PrometheusFixture::encode(query)
                               + "&time=" + VirtualClock::toRfc3339(t).toStdString());
        QCOMPARE(QByteArray::fromStdString(response->body), expected);
        response = client->Post("/prometheus/api/v1/query",
                                "query=" + PrometheusFixture::encode(query)
                                    + "&time=" + PrometheusFixture::seconds(t),
                                kForm);
        QCOMPARE(response->status, 200);
        QCOMPARE(QByteArray::fromStdString(response->body), expected);
        // A time with milliseconds is echoed with three decimals; the sample is the one before.
        response = client->Get(queryPath("/prometheus", query, t + 500));
        const QJsonArray value = field(resultOf(response)[0], "value").toArray();
        QVERIFY(QByteArray::fromStdString(response->body)
                    .contains(QByteArray("\"value\":[" + QByteArray::number(t / 1000) + ".500,")));
        QCOMPARE(valueOf(value), f->counters(QStringLiteral("web-aaa-1"), t).requests);
        // Scalars.
        response = client->Get(queryPath("/prometheus", QStringLiteral("1 / 8"), t));
        QCOMPARE(QByteArray::fromStdString(response->body),
                 "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\",\"result\":["
                     + QByteArray::number(t / 1000) + ",\"0.125\"]}}");
    }

    void errorRatioThroughBothPaths()
    {
        const QString query
            = QStringLiteral("sum(rate(rd_http_request_errors_total{role=\"canary\"}[1m])) / "
                             "sum(rate(rd_http_requests_total{role=\"canary\"}[1m]))");
        const qint64 t = at(300);
        const auto c = [&](qint64 ms) { return f->counters(QStringLiteral("web-bbb-1"), ms); };
        const double expected
            = (c(t).errors - c(t - 60000).errors) / (c(t).requests - c(t - 60000).requests);
        auto client = f->client("viewer-token");
        for (const char *prefix :
             {"/prometheus", "/api/v1/namespaces/monitoring/services/prometheus:9090/proxy",
              "/api/v1/namespaces/monitoring/services/http:prometheus:9090/proxy",
              "/api/v1/namespaces/monitoring/services/prometheus/proxy"}) {
            auto response = client->Get(queryPath(prefix, query, t));
            QVERIFY(response);
            QCOMPARE(response->status, 200);
            const QJsonArray result = resultOf(response);
            QCOMPARE(result.size(), 1);
            QCOMPARE(field(result[0], "metric").toObject(), QJsonObject());
            QCOMPARE(valueOf(field(result[0], "value")), expected);
        }
        QVERIFY(std::abs(expected / 0.3 - 1) < 0.1);
    }

    void rangeQueryP99ByRole()
    {
        auto client = f->client("viewer-token");
        const QString query
            = QStringLiteral("histogram_quantile(0.99, sum by (le, role) "
                             "(rate(rd_http_request_duration_seconds_bucket[1m])))");
        auto response = client->Post(
            "/api/v1/namespaces/monitoring/services/prometheus:9090/proxy/api/v1/query_range",
            "query=" + PrometheusFixture::encode(query)
                + "&start=" + PrometheusFixture::seconds(at(60))
                + "&end=" + PrometheusFixture::seconds(at(300)) + "&step=1m",
            kForm);
        // POST through the service proxy is the verb "create": the read-only viewer may not.
        QCOMPARE(response->status, 403);
        QCOMPARE(body(response)["message"].toString(),
                 QStringLiteral("services \"prometheus:9090\" is forbidden: User \"viewer\" cannot "
                                "create resource \"services/proxy\" in API group \"\" in the "
                                "namespace \"monitoring\""));
        client = f->client("admin-token");
        response = client->Post(
            "/api/v1/namespaces/monitoring/services/prometheus:9090/proxy/api/v1/query_range",
            "query=" + PrometheusFixture::encode(query)
                + "&start=" + PrometheusFixture::seconds(at(60))
                + "&end=" + PrometheusFixture::seconds(at(300)) + "&step=1m",
            kForm);
        QCOMPARE(response->status, 200);
        const QJsonObject data = body(response)["data"].toObject();
        QCOMPARE(data["resultType"].toString(), QStringLiteral("matrix"));
        const QJsonArray result = data["result"].toArray();
        QCOMPARE(result.size(), 2);
        QCOMPARE(field(result[0], "metric").toObject(), (QJsonObject {{"role", "canary"}}));
        QCOMPARE(field(result[1], "metric").toObject(), (QJsonObject {{"role", "stable"}}));
        const QJsonArray canary = field(result[0], "values").toArray();
        const QJsonArray stable = field(result[1], "values").toArray();
        QCOMPARE(stable.size(), 5); // 60, 120, ..., 300
        QCOMPARE(canary.size(), 5);
        QCOMPARE(canary[0].toArray()[0].toDouble(), double(at(60)) / 1000);
        // Before the regression (90 s) both are near 120 ms; from 150 s on the whole window
        // is regressed and the canary's p99 is near 900 ms.
        QVERIFY(valueOf(canary[0]) > 0.1 && valueOf(canary[0]) <= 0.25);
        for (int i = 2; i < 5; ++i) {
            QVERIFY(valueOf(canary[i]) > 0.5 && valueOf(canary[i]) <= 1);
            QVERIFY(valueOf(stable[i]) > 0.1 && valueOf(stable[i]) <= 0.25);
        }
    }

    void pastWindowWithADeletedPod()
    {
        auto client = f->client("viewer-token");
        const QString query
            = QStringLiteral("sum by (pod) (rate(rd_http_requests_total{role=\"stable\"}[1m]))");
        auto response
            = client->Get("/prometheus/api/v1/query_range?query=" + PrometheusFixture::encode(query)
                          + "&start=" + PrometheusFixture::seconds(at(480))
                          + "&end=" + PrometheusFixture::seconds(at(780)) + "&step=60");
        QCOMPARE(response->status, 200);
        const QJsonArray result = resultOf(response);
        QCOMPARE(result.size(), 2);
        QCOMPARE(field(result[1], "metric").toObject(), (QJsonObject {{"pod", "web-aaa-2"}}));
        const QJsonArray gone = field(result[1], "values").toArray();
        QCOMPARE(gone.size(), 3); // 480, 540, 600: deleted at 600 s, last scraped at 585 s
        const auto c
            = [&](qint64 s) { return f->counters(QStringLiteral("web-aaa-2"), at(s)).requests; };
        QCOMPARE(valueOf(gone[1]), (c(540) - c(480)) / 60);
        QCOMPARE(valueOf(gone[2]), (c(585) - c(540)) / 45);
        QCOMPARE(field(result[0], "values").toArray().size(), 6);

        // The series API finds it in the past, not now; an instant query now neither.
        const std::string series = "/prometheus/api/v1/series?match[]="
            + PrometheusFixture::encode(QStringLiteral("rd_http_requests_total{role=\"stable\"}"));
        response = client->Get(series + "&start=" + PrometheusFixture::seconds(at(0))
                               + "&end=" + PrometheusFixture::seconds(at(300)));
        QCOMPARE(body(response)["data"].toArray().size(), 2);
        response = client->Get(series + "&start=" + PrometheusFixture::seconds(at(700)));
        QCOMPARE(body(response)["data"].toArray().size(), 1);
        response = client->Get(
            "/prometheus/api/v1/query?query="
            + PrometheusFixture::encode(QStringLiteral("count(rd_http_requests_total)")));
        QCOMPARE(valueOf(field(resultOf(response)[0], "value")), 2.0);
    }

    void seriesAndLabels()
    {
        auto client = f->client("viewer-token");
        auto response = client->Get(
            "/prometheus/api/v1/series?match[]="
            + PrometheusFixture::encode(QStringLiteral("rd_http_requests_total{role=\"canary\"}"))
            + "&match[]="
            + PrometheusFixture::encode(
                QStringLiteral("rd_http_request_errors_total{pod=\"web-bbb-1\"}")));
        QCOMPARE(response->status, 200);
        const QJsonArray series = body(response)["data"].toArray();
        QCOMPARE(series.size(), 2);
        QCOMPARE(series[0].toObject(),
                 (QJsonObject {{"__name__", "rd_http_request_errors_total"},
                               {"namespace", "shop"},
                               {"pod", "web-bbb-1"},
                               {"role", "canary"},
                               {"rollout", "web"},
                               {"rollouts_pod_template_hash", "bbb"}}));
        QCOMPARE(series[1]["__name__"].toString(), QStringLiteral("rd_http_requests_total"));

        response = client->Get("/prometheus/api/v1/labels");
        QCOMPARE(
            QByteArray::fromStdString(response->body),
            QByteArray("{\"status\":\"success\",\"data\":[\"__name__\",\"destination_workload\","
                       "\"destination_workload_namespace\",\"le\",\"namespace\",\"pod\","
                       "\"reporter\",\"response_code\",\"role\",\"rollout\","
                       "\"rollouts_pod_template_hash\"]}"));
        response = client->Get("/prometheus/api/v1/label/role/values");
        QCOMPARE(QByteArray::fromStdString(response->body),
                 QByteArray("{\"status\":\"success\",\"data\":[\"canary\",\"stable\"]}"));
        response = client->Get("/prometheus/api/v1/label/pod/values?start="
                               + PrometheusFixture::seconds(at(700)));
        QCOMPARE(body(response)["data"].toArray(), (QJsonArray {"web-aaa-1", "web-bbb-1"}));
        response
            = client->Get("/prometheus/api/v1/label/__name__/values?match[]="
                          + PrometheusFixture::encode(QStringLiteral("{__name__=~\".*_total\"}")));
        QCOMPARE(body(response)["data"].toArray(),
                 (QJsonArray {"istio_requests_total", "rd_container_cpu_usage_seconds_total",
                              "rd_http_request_errors_total", "rd_http_requests_total"}));
        response = client->Get("/prometheus/api/v1/label/nothere/values");
        QCOMPARE(QByteArray::fromStdString(response->body),
                 QByteArray("{\"status\":\"success\",\"data\":[]}"));
    }

    void authenticationAndRbac()
    {
        const std::string proxy = "/api/v1/namespaces/monitoring/services/prometheus:9090/proxy";
        const std::string query = "/api/v1/query?query=1";
        for (const std::string &prefix : {std::string("/prometheus"), proxy}) {
            auto anonymous = f->client(nullptr)->Get(prefix + query);
            QCOMPARE(anonymous->status, 401);
            QCOMPARE(body(anonymous)["reason"].toString(), QStringLiteral("Unauthorized"));
            QCOMPARE(f->client("wrong-token")->Get(prefix + query)->status, 401);
            QCOMPARE(f->client(nullptr)->Get(prefix + "/-/ready")->status, 401);
        }
        // Any known user may query under /prometheus; the proxy needs services/proxy.
        auto alice = f->certificateClient(QStringLiteral("alice"), {QStringLiteral("devs")});
        QCOMPARE(alice->Get("/prometheus" + query)->status, 200);
        auto denied = alice->Get(proxy + query);
        QCOMPARE(denied->status, 403);
        QCOMPARE(body(denied)["message"].toString(),
                 QStringLiteral("services \"prometheus:9090\" is forbidden: User \"alice\" cannot "
                                "get resource \"services/proxy\" in API group \"\" in the "
                                "namespace \"monitoring\""));
        QCOMPARE(f->client("viewer-token")->Get(proxy + query)->status, 200);
        // Basic auth works too.
        httplib::SSLClient basic("127.0.0.1", f->server->port());
        f->trustCa(basic);
        basic.set_basic_auth("bob", "secret");
        QCOMPARE(basic.Get(proxy + query)->status, 200);
        // Only prometheus in monitoring is there.
        auto missing = f->client()->Get(
            "/api/v1/namespaces/monitoring/services/grafana:3000/proxy/api/v1/query?query=1");
        QCOMPARE(missing->status, 404);
        QCOMPARE(body(missing)["message"].toString(),
                 QStringLiteral("services \"grafana\" not found"));
        missing
            = f->client()->Get("/api/v1/namespaces/shop/services/prometheus:9090/proxy" + query);
        QCOMPARE(missing->status, 404);
    }

    void healthAndBuildInfo()
    {
        auto client = f->client("viewer-token");
        auto response = client->Get("/prometheus/-/ready");
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, std::string("Prometheus Server is Ready.\n"));
        response
            = client->Get("/api/v1/namespaces/monitoring/services/prometheus:9090/proxy/-/healthy");
        QCOMPARE(response->status, 200);
        QCOMPARE(response->body, std::string("Prometheus Server is Healthy.\n"));
        response = client->Get("/prometheus/api/v1/status/buildinfo");
        const QJsonObject data = body(response)["data"].toObject();
        QCOMPARE(data["version"].toString(), QStringLiteral("2.42.0-rd-sim"));
        for (const char *key : {"revision", "branch", "buildUser", "buildDate", "goVersion"})
            QVERIFY(data[QLatin1String(key)].isString());
        QCOMPARE(client->Get("/prometheus/api/v1/alerts")->status, 404);
        QCOMPARE(client->Delete("/prometheus/api/v1/query")->status, 405);
        QCOMPARE(client->Post("/prometheus/api/v1/status/buildinfo", "", kForm)->status, 405);
    }

    void demoAnalysisQueries()
    {
        // Every query of the demo's AnalysisTemplates, with the arguments the rollouts pass,
        // evaluates to one value; the error rate equals what the analysis controller computes.
        const QStringList queries = demoQueries();
        QCOMPARE(queries.size(), 5);
        auto client = f->client("viewer-token");
        const qint64 now = f->clock.nowMs();
        for (QString query : queries) {
            query.replace(QStringLiteral("{{args.namespace}}"), QStringLiteral("shop"));
            query.replace(QStringLiteral("{{args.service-name}}"), QStringLiteral("web"));
            query.replace(QStringLiteral("{{args.canary-hash}}"), QStringLiteral("bbb"));
            auto response = client->Post("/prometheus/api/v1/query",
                                         "query=" + PrometheusFixture::encode(query), kForm);
            QCOMPARE(response->status, 200);
            const QJsonArray result = resultOf(response);
            QCOMPARE(result.size(), 1);
            const double value = valueOf(field(result[0], "value"));
            if (query.contains(QLatin1String("histogram_quantile"))) {
                QVERIFY(value > 0.5 && value <= 1);
                continue;
            }
            QString error;
            const auto analysis = f->metrics.evaluateQuery(
                f->store, QStringLiteral("shop"), QStringLiteral("web"), query, now, &error);
            QVERIFY2(analysis, qPrintable(error));
            QCOMPARE(value, *analysis);
        }
    }

    void faultsApply()
    {
        FaultRule limited = fault(429, "^/prometheus/api/v1/query$");
        limited.retryAfterSeconds = 2;
        limited.remaining = 1;
        f->faults.add(limited);
        FaultRule failing = fault(503, "/proxy/api/v1/query_range$");
        failing.remaining = 1;
        f->faults.add(failing);
        auto client = f->client("viewer-token");
        auto response = client->Get("/prometheus/api/v1/query?query=1");
        QCOMPARE(response->status, 429);
        QCOMPARE(response->get_header_value("Retry-After"), std::string("2"));
        QCOMPARE(client->Get("/prometheus/api/v1/query?query=1")->status, 200);
        const std::string range
            = "/api/v1/namespaces/monitoring/services/prometheus:9090/proxy/api/v1/"
              "query_range?query=1&start=0&end=60&step=15";
        QCOMPARE(client->Get(range)->status, 503);
        QCOMPARE(client->Get(range)->status, 200);
        f->faults.clear();
    }
};

QTEST_GUILESS_MAIN(TestPrometheusApi)
#include "tst_prometheusapi.moc"
