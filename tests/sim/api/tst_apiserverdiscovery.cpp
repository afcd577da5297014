// SPDX-License-Identifier: GPL-3.0-or-later
// The API server's non-resource endpoints over real HTTPS: /version and health, discovery,
// OpenAPI v3 and /metrics.
#include "apitestfixture.h"

#include <QTest>

using namespace rdsim;

class TestApiServerDiscovery : public QObject, private ApiFixtureTest
{
    Q_OBJECT

private slots:
    void init() { startFixture(); }
    void cleanup() { stopFixture(); }

    void versionAndHealth()
    {
        auto client = f->client(nullptr); // anonymous may read these
        auto version = client->Get("/version?timeout=5s");
        QVERIFY(version);
        QCOMPARE(version->status, 200);
        QCOMPARE(version->get_header_value("Content-Type"), std::string("application/json"));
        QCOMPARE(version->get_header_value("Audit-Id").size(), size_t(36));
        const QJsonObject body = parseObject(version->body);
        QCOMPARE(body.value("major").toString(), QStringLiteral("1"));
        QCOMPARE(body.value("minor").toString(), QStringLiteral("31"));
        QCOMPARE(body.value("gitVersion").toString(), QStringLiteral("v1.31.0-rd-sim"));
        QCOMPARE(body.value("platform").toString(), QStringLiteral("linux/amd64"));
        for (const char *path : {"/healthz", "/livez", "/readyz"}) {
            auto health = client->Get(path);
            QVERIFY(health);
            QCOMPARE(health->status, 200);
            QCOMPARE(health->body, std::string("ok"));
        }
    }

    void discovery()
    {
        auto client = f->client();
        httplib::Headers aggregated {
            {"Accept",
             "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/"
             "json"}};
        auto api = client->Get("/api", aggregated);
        QVERIFY(api);
        QCOMPARE(api->get_header_value("Content-Type"), std::string("application/json"));
        QCOMPARE(parseObject(api->body),
                 (QJsonObject {{"kind", "APIVersions"},
                               {"versions", QJsonArray {"v1"}},
                               {"serverAddressByClientCIDRs",
                                QJsonArray {QJsonObject {
                                    {"clientCIDR", "0.0.0.0/0"},
                                    {"serverAddress",
                                     QStringLiteral("127.0.0.1:%1").arg(f->server->port())}}}}}));
        auto apis = client->Get("/apis", aggregated);
        QVERIFY(apis);
        QStringList groups;
        for (const QJsonValue &group : parseObject(apis->body).value("groups").toArray())
            groups << group.toObject()
                          .value("preferredVersion")
                          .toObject()
                          .value("groupVersion")
                          .toString();
        // The core kinds' groups (Istio's for Argo Rollouts' traffic routing), then the
        // safety-net tools' (issue 15) and Flagger's (issue 16) in catalog order.
        QCOMPARE(
            groups,
            (QStringList {"apps/v1", "batch/v1", "argoproj.io/v1alpha1", "authorization.k8s.io/v1",
                          "authentication.k8s.io/v1", "networking.istio.io/v1beta1",
                          "aquasecurity.github.io/v1alpha1", "wgpolicyk8s.io/v1alpha2",
                          "constraints.gatekeeper.sh/v1beta1", "tekton.dev/v1", "k6.io/v1alpha1",
                          "litmuschaos.io/v1alpha1", "chaos-mesh.org/v1alpha1",
                          "core.openfeature.dev/v1beta1", "flagger.app/v1beta1"}));

        auto argo = client->Get("/apis/argoproj.io/v1alpha1");
        QVERIFY(argo);
        const QJsonObject list = parseObject(argo->body);
        QCOMPARE(list.value("kind").toString(), QStringLiteral("APIResourceList"));
        QCOMPARE(list.value("groupVersion").toString(), QStringLiteral("argoproj.io/v1alpha1"));
        const QJsonArray resources = list.value("resources").toArray();
        QJsonObject rollouts, statusEntry;
        for (const QJsonValue &value : resources) {
            if (value.toObject().value("name") == QStringLiteral("rollouts"))
                rollouts = value.toObject();
            if (value.toObject().value("name") == QStringLiteral("rollouts/status"))
                statusEntry = value.toObject();
        }
        QCOMPARE(rollouts.value("kind").toString(), QStringLiteral("Rollout"));
        QCOMPARE(rollouts.value("singularName").toString(), QStringLiteral("rollout"));
        QCOMPARE(rollouts.value("namespaced").toBool(), true);
        QCOMPARE(rollouts.value("shortNames").toArray(), QJsonArray {"ro"});
        QCOMPARE(statusEntry.value("verbs").toArray(), (QJsonArray {"get", "patch", "update"}));

        auto core = client->Get("/api/v1");
        QVERIFY(core);
        QVERIFY(core->body.find("\"name\":\"namespaces\"") != std::string::npos);
        auto group = client->Get("/apis/argoproj.io");
        QVERIFY(group);
        QCOMPARE(parseObject(group->body).value("kind").toString(), QStringLiteral("APIGroup"));

        for (const char *path :
             {"/openapi/v2", "/openapi/v3/apis/nope.io/v1", "/apis/nope.io/v1", "/nothing"}) {
            auto missing = client->Get(path);
            QVERIFY(missing);
            QCOMPARE(missing->status, 404);
            QCOMPARE(missing->get_header_value("Content-Type"), std::string("application/json"));
            QCOMPARE(parseObject(missing->body),
                     status(404, "NotFound", "the server could not find the requested resource"));
        }
    }

    void openApiV3()
    {
        // Just enough OpenAPI v3 for kubectl create/apply to leave validation to the server.
        auto client = f->client();
        auto root = client->Get("/openapi/v3");
        QCOMPARE(root->status, 200);
        QCOMPARE(
            parseObject(root->body).value("paths").toObject().value("apis/argoproj.io/v1alpha1"),
            QJsonValue(
                QJsonObject {{"serverRelativeURL", "/openapi/v3/apis/argoproj.io/v1alpha1"}}));
        auto argo = client->Get("/openapi/v3/apis/argoproj.io/v1alpha1?hash=x");
        QCOMPARE(argo->status, 200);
        const QJsonObject patch
            = parseObject(argo->body)
                  .value("paths")
                  .toObject()
                  .value("/apis/argoproj.io/v1alpha1/namespaces/{namespace}/rollouts/{name}")
                  .toObject()
                  .value("patch")
                  .toObject();
        QCOMPARE(
            patch.value("x-kubernetes-group-version-kind").toObject(),
            (QJsonObject {{"group", "argoproj.io"}, {"version", "v1alpha1"}, {"kind", "Rollout"}}));
        QStringList parameters;
        for (const QJsonValue &parameter : patch.value("parameters").toArray())
            parameters << parameter.toObject().value("name").toString();
        QVERIFY(parameters.contains("fieldValidation"));
        QCOMPARE(client->Get("/openapi/v3/api/v1")->status, 200);
    }

    void metricsEndpoint()
    {
        auto anonymous = f->client(nullptr);
        auto metrics = anonymous->Get("/metrics");
        QVERIFY(metrics);
        QCOMPARE(metrics->status, 200);
        QCOMPARE(metrics->get_header_value("Content-Type"),
                 std::string("text/plain; version=0.0.4"));
        QCOMPARE(QByteArray::fromStdString(metrics->body),
                 f->metrics.exposition(f->store, f->clock.nowMs()));

        ApiServer::Context bare {"bare", &f->store, &f->access, nullptr, nullptr, &f->clock};
        ApiServer withoutMetrics(bare, f->ca.issueServerCertificate({"localhost"}, {"127.0.0.1"}),
                                 f->ca.certificatePem());
        QString error;
        QVERIFY2(withoutMetrics.listen(QStringLiteral("127.0.0.1"), 0, &error), qPrintable(error));
        httplib::SSLClient client("127.0.0.1", withoutMetrics.port());
        f->trustCa(client);
        QCOMPARE(client.Get("/metrics")->status, 404);
        QCOMPARE(withoutMetrics.url(),
                 QStringLiteral("https://127.0.0.1:%1").arg(withoutMetrics.port()));
    }
};

QTEST_GUILESS_MAIN(TestApiServerDiscovery)
#include "tst_apiserverdiscovery.moc"
