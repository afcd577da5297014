// SPDX-License-Identifier: GPL-3.0-or-later
// The API server over real HTTPS: discovery, authentication, RBAC, list/get/create/update/
// delete, paging, selectors, Table output, reviews, /metrics and request recording.
#include "apitestfixture.h"

#include <QTest>

using namespace rdsim;

class TestApiServer : public QObject
{
    Q_OBJECT

private:
    ApiFixture *f = nullptr;

    static QJsonObject status(int code, const char *reason, const QString &message)
    {
        return QJsonObject {
            {"kind", "Status"},    {"apiVersion", "v1"}, {"metadata", QJsonObject()},
            {"status", "Failure"}, {"message", message}, {"reason", reason},
            {"code", code}};
    }

    static QStringList names(const QJsonObject &list)
    {
        QStringList result;
        for (const QJsonValue &item : list.value("items").toArray())
            result << item.toObject().value("metadata").toObject().value("name").toString();
        return result;
    }

private slots:
    void init()
    {
        f = new ApiFixture;
        QString error;
        QVERIFY2(f->start(&error), qPrintable(error));
    }

    void cleanup()
    {
        delete f;
        f = nullptr;
    }

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
        QCOMPARE(groups,
                 (QStringList {"apps/v1", "argoproj.io/v1alpha1", "authorization.k8s.io/v1",
                               "authentication.k8s.io/v1"}));

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

    void authentication()
    {
        auto good = f->client("viewer-token");
        auto list = good->Get("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts");
        QVERIFY(list);
        QCOMPARE(list->status, 200);
        QCOMPARE(names(parseObject(list->body)), (QStringList {"api", "web"}));

        auto bad = f->client("wrong-token");
        auto refused = bad->Get("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts");
        QVERIFY(refused);
        QCOMPARE(refused->status, 401);
        QCOMPARE(parseObject(refused->body), status(401, "Unauthorized", "Unauthorized"));
        auto refusedVersion = bad->Get("/version"); // wrong credentials are refused everywhere
        QCOMPARE(refusedVersion->status, 401);

        auto anonymous = f->client(nullptr);
        auto forbidden = anonymous->Get("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts");
        QVERIFY(forbidden);
        QCOMPARE(forbidden->status, 403);
        QCOMPARE(parseObject(forbidden->body).value("message").toString(),
                 QStringLiteral("rollouts.argoproj.io is forbidden: User \"system:anonymous\" "
                                "cannot list resource \"rollouts\" in API group \"argoproj.io\" in "
                                "the namespace \"shop\""));
        auto forbiddenPath = anonymous->Get("/api");
        QCOMPARE(forbiddenPath->status, 403);
        QCOMPARE(parseObject(forbiddenPath->body),
                 status(403, "Forbidden",
                        "forbidden: User \"system:anonymous\" cannot get path \"/api\""));

        auto basic = f->client(nullptr);
        basic->set_basic_auth("bob", "secret");
        QCOMPARE(basic->Get("/api/v1/namespaces")->status, 200);
        basic->set_basic_auth("bob", "guess");
        QCOMPARE(basic->Get("/api/v1/namespaces")->status, 401);
    }

    void clientCertificate()
    {
        auto alice = f->certificateClient(QStringLiteral("alice"), {"devs"});
        auto list = alice->Get("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts");
        QVERIFY(list);
        QCOMPARE(list->status, 200);
        auto elsewhere = alice->Get("/apis/argoproj.io/v1alpha1/namespaces/pay/rollouts");
        QCOMPARE(elsewhere->status, 403);
        auto review
            = alice->Post("/apis/authentication.k8s.io/v1/selfsubjectreviews",
                          R"({"apiVersion":"authentication.k8s.io/v1","kind":"SelfSubjectReview"})",
                          "application/json");
        QVERIFY(review);
        QCOMPARE(review->status, 201);
        const QJsonObject info
            = parseObject(review->body).value("status").toObject().value("userInfo").toObject();
        QCOMPARE(info.value("username").toString(), QStringLiteral("alice"));
        QVERIFY(info.value("groups").toArray().contains(QJsonValue("devs")));

        // A certificate the simulator's CA did not sign fails the TLS handshake.
        CertificateAuthority other;
        const PemKeyPair foreign = other.issueClientCertificate(QStringLiteral("alice"), {});
        BIO *cb = BIO_new_mem_buf(foreign.certificatePem.constData(),
                                  int(foreign.certificatePem.size()));
        BIO *kb
            = BIO_new_mem_buf(foreign.privateKeyPem.constData(), int(foreign.privateKeyPem.size()));
        X509 *certificate = PEM_read_bio_X509(cb, nullptr, nullptr, nullptr);
        EVP_PKEY *key = PEM_read_bio_PrivateKey(kb, nullptr, nullptr, nullptr);
        BIO_free(cb);
        BIO_free(kb);
        httplib::SSLClient stranger("127.0.0.1", f->server->port(), certificate, key);
        X509_free(certificate);
        EVP_PKEY_free(key);
        f->trustCa(stranger);
        QVERIFY(!stranger.Get("/version"));

        // A valid certificate of a user the cluster does not know is refused.
        auto unknown = f->certificateClient(QStringLiteral("mallory"), {});
        QCOMPARE(unknown->Get("/version")->status, 401);
    }

    void rbacForbiddenMessage()
    {
        auto viewer = f->client("viewer-token");
        auto patch
            = viewer->Patch("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web/status",
                            R"({"status":{"phase":"Paused"}})", "application/merge-patch+json");
        QVERIFY(patch);
        QCOMPARE(patch->status, 403);
        QCOMPARE(
            parseObject(patch->body),
            (QJsonObject {
                {"kind", "Status"},
                {"apiVersion", "v1"},
                {"metadata", QJsonObject()},
                {"status", "Failure"},
                {"message",
                 "rollouts.argoproj.io \"web\" is forbidden: User \"viewer\" "
                 "cannot patch resource \"rollouts/status\" in API group "
                 "\"argoproj.io\" in the namespace \"shop\""},
                {"reason", "Forbidden"},
                {"details",
                 QJsonObject {{"name", "web"}, {"group", "argoproj.io"}, {"kind", "rollouts"}}},
                {"code", 403}}));
    }

    void getObjectStatusAndNamespace()
    {
        auto client = f->client();
        auto web = client->Get("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web");
        QVERIFY(web);
        QCOMPARE(web->status, 200);
        const QJsonObject object = parseObject(web->body);
        QCOMPARE(object.value("kind").toString(), QStringLiteral("Rollout"));
        QCOMPARE(object.value("metadata").toObject().value("namespace").toString(),
                 QStringLiteral("shop"));
        auto statusGet
            = client->Get("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web/status");
        QCOMPARE(statusGet->status, 200);
        QCOMPARE(parseObject(statusGet->body), object);

        auto missing = client->Get("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/nope");
        QCOMPARE(missing->status, 404);
        QCOMPARE(
            parseObject(missing->body),
            (QJsonObject {
                {"kind", "Status"},
                {"apiVersion", "v1"},
                {"metadata", QJsonObject()},
                {"status", "Failure"},
                {"message", "rollouts.argoproj.io \"nope\" not found"},
                {"reason", "NotFound"},
                {"details",
                 QJsonObject {{"name", "nope"}, {"group", "argoproj.io"}, {"kind", "rollouts"}}},
                {"code", 404}}));
        // No such subresource: analysis templates have no status subresource.
        f->store.create(
            typeOf("argoproj.io", "analysistemplates"),
            QJsonObject {{"metadata", QJsonObject {{"name", "rate"}, {"namespace", "shop"}}}});
        auto noStatus = client->Get(
            "/apis/argoproj.io/v1alpha1/namespaces/shop/analysistemplates/rate/status");
        QCOMPARE(noStatus->status, 404);
        QCOMPARE(
            client->Get("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web/scale")->status,
            404);

        auto ns = client->Get("/api/v1/namespaces/shop");
        QCOMPARE(ns->status, 200);
        QCOMPARE(parseObject(ns->body).value("kind").toString(), QStringLiteral("Namespace"));
    }

    void listAllNamespacesAndPaging()
    {
        auto client = f->client();
        for (int i = 0; i < 4; ++i)
            f->store.create(typeOf("argoproj.io", "rollouts"),
                            rollout("shop", QStringLiteral("r%1").arg(i)));
        auto all = client->Get("/apis/argoproj.io/v1alpha1/rollouts");
        QVERIFY(all);
        const QJsonObject full = parseObject(all->body);
        QCOMPARE(full.value("kind").toString(), QStringLiteral("RolloutList"));
        QCOMPARE(full.value("apiVersion").toString(), QStringLiteral("argoproj.io/v1alpha1"));
        QCOMPARE(names(full), (QStringList {"cart", "api", "r0", "r1", "r2", "r3", "web"}));
        const QString listRv
            = full.value("metadata").toObject().value("resourceVersion").toString();
        QCOMPARE(listRv, QString::number(f->store.resourceVersion()));

        QStringList paged;
        QString token;
        QList<qint64> remaining;
        for (int page = 0; page < 10; ++page) {
            std::string path = "/apis/argoproj.io/v1alpha1/rollouts?limit=3";
            if (!token.isEmpty())
                path += "&continue=" + httplib::detail::encode_query_param(token.toStdString());
            auto response = client->Get(path);
            QCOMPARE(response->status, 200);
            const QJsonObject body = parseObject(response->body);
            paged << names(body);
            const QJsonObject metadata = body.value("metadata").toObject();
            QCOMPARE(metadata.value("resourceVersion").toString(), listRv);
            token = metadata.value("continue").toString();
            if (token.isEmpty())
                break;
            remaining << metadata.value("remainingItemCount").toInteger();
            // A write between pages does not change the snapshot's resourceVersion.
            f->store.create(
                typeOf("", "namespaces"),
                QJsonObject {
                    {"metadata", QJsonObject {{"name", QStringLiteral("x%1").arg(page)}}}});
        }
        QCOMPARE(paged, names(full));
        QCOMPARE(remaining, (QList<qint64> {4, 1}));

        auto first = client->Get("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts?limit=2");
        const QString stale
            = parseObject(first->body).value("metadata").toObject().value("continue").toString();
        QVERIFY(!stale.isEmpty());
        // Compaction after a later write makes the token's snapshot unavailable.
        f->store.create(typeOf("", "namespaces"),
                        QJsonObject {{"metadata", QJsonObject {{"name", "late"}}}});
        f->store.compact();
        auto expired
            = client->Get("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts?limit=2&continue="
                          + httplib::detail::encode_query_param(stale.toStdString()));
        QCOMPARE(expired->status, 410);
        QCOMPARE(parseObject(expired->body),
                 status(410, "Expired",
                        "The provided continue parameter is too old to display a consistent list "
                        "result. You can start a new list without the continue parameter."));
        auto garbage = client->Get("/apis/argoproj.io/v1alpha1/rollouts?continue=%25%25");
        QCOMPARE(garbage->status, 400);
    }

    void selectors()
    {
        auto client = f->client();
        const std::string base = "/apis/argoproj.io/v1alpha1/rollouts?";
        auto web = client->Get(base + "labelSelector="
                               + httplib::detail::encode_query_param("app in (web,cart),tier"));
        QCOMPARE(names(parseObject(web->body)), QStringList {"web"});
        auto notWeb = client->Get(base + "labelSelector=app%21%3Dweb");
        QCOMPARE(names(parseObject(notWeb->body)), (QStringList {"cart", "api"}));
        auto byName = client->Get(base + "fieldSelector=metadata.name%3Dapi");
        QCOMPARE(names(parseObject(byName->body)), QStringList {"api"});
        auto byNamespace = client->Get(base + "fieldSelector=metadata.namespace%21%3Dshop");
        QCOMPARE(names(parseObject(byNamespace->body)), QStringList {"cart"});

        auto malformed = client->Get(
            base + "labelSelector=" + httplib::detail::encode_query_param("app in web"));
        QCOMPARE(malformed->status, 400);
        QCOMPARE(
            parseObject(malformed->body),
            status(400, "BadRequest", "unable to parse requirement: found 'web', expected: '('"));
        auto unknownField = client->Get(base + "fieldSelector=spec.replicas%3D3");
        QCOMPARE(unknownField->status, 400);
        QCOMPARE(parseObject(unknownField->body).value("message").toString(),
                 QStringLiteral("field label not supported: spec.replicas"));
    }

    void tableOutput()
    {
        f->clock.advance(3 * 60 * 1000);
        auto client = f->client();
        httplib::Headers table {{"Accept", kTableAccept}};
        auto list = client->Get("/apis/argoproj.io/v1alpha1/rollouts?limit=500", table);
        QVERIFY(list);
        QCOMPARE(list->get_header_value("Content-Type"), std::string("application/json"));
        const QJsonObject body = parseObject(list->body);
        QCOMPARE(body.value("kind").toString(), QStringLiteral("Table"));
        QCOMPARE(body.value("apiVersion").toString(), QStringLiteral("meta.k8s.io/v1"));
        QCOMPARE(body.value("columnDefinitions").toArray().size(), 6);
        const QJsonArray rows = body.value("rows").toArray();
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(2).toObject().value("cells").toArray(),
                 (QJsonArray {"web", 3, 3, QJsonValue(), QJsonValue(), "3m"}));
        const QJsonObject partial = rows.at(0).toObject().value("object").toObject();
        QCOMPARE(partial.value("kind").toString(), QStringLiteral("PartialObjectMetadata"));
        QCOMPARE(partial.value("metadata").toObject().value("namespace").toString(),
                 QStringLiteral("pay"));
        QVERIFY(!body.value("metadata").toObject().value("resourceVersion").toString().isEmpty());

        auto full = client->Get("/apis/argoproj.io/v1alpha1/rollouts?includeObject=Object", table);
        QCOMPARE(parseObject(full->body)
                     .value("rows")
                     .toArray()
                     .at(0)
                     .toObject()
                     .value("object")
                     .toObject()
                     .value("kind")
                     .toString(),
                 QStringLiteral("Rollout"));
        auto none = client->Get("/apis/argoproj.io/v1alpha1/rollouts?includeObject=None", table);
        QVERIFY(
            !parseObject(none->body).value("rows").toArray().at(0).toObject().contains("object"));
        auto bad
            = client->Get("/apis/argoproj.io/v1alpha1/rollouts?includeObject=Everything", table);
        QCOMPARE(bad->status, 400);

        auto one = client->Get("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web", table);
        const QJsonObject single = parseObject(one->body);
        QCOMPARE(single.value("kind").toString(), QStringLiteral("Table"));
        QCOMPARE(single.value("rows").toArray().size(), 1);

        httplib::Headers beta {{"Accept", "application/json;as=Table;v=v1beta1;g=meta.k8s.io"}};
        auto old = client->Get("/apis/argoproj.io/v1alpha1/rollouts", beta);
        QCOMPARE(parseObject(old->body).value("apiVersion").toString(),
                 QStringLiteral("meta.k8s.io/v1beta1"));
        httplib::Headers plain {{"Accept", "application/json, */*"}};
        auto objects = client->Get("/apis/argoproj.io/v1alpha1/rollouts", plain);
        QCOMPARE(parseObject(objects->body).value("kind").toString(),
                 QStringLiteral("RolloutList"));
    }

    void createUpdateDelete()
    {
        auto client = f->client();
        const std::string collection = "/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts";
        const QByteArray body = QJsonDocument(rollout("shop", "new")).toJson();
        auto created = client->Post(collection, body.toStdString(), "application/json");
        QCOMPARE(created->status, 201);
        const QJsonObject object = parseObject(created->body);
        QVERIFY(!object.value("metadata").toObject().value("uid").toString().isEmpty());
        auto again = client->Post(collection, body.toStdString(), "application/json");
        QCOMPARE(again->status, 409);
        QCOMPARE(parseObject(again->body).value("reason").toString(),
                 QStringLiteral("AlreadyExists"));
        auto wrongNs = client->Post("/apis/argoproj.io/v1alpha1/namespaces/pay/rollouts",
                                    body.toStdString(), "application/json");
        QCOMPARE(wrongNs->status, 400);
        QCOMPARE(parseObject(wrongNs->body).value("message").toString(),
                 QStringLiteral("the namespace of the provided object does not match the namespace "
                                "sent on the request"));

        QJsonObject changed = object;
        QJsonObject spec = changed.value("spec").toObject();
        spec.insert("replicas", 7);
        changed.insert("spec", spec);
        auto updated = client->Put(
            collection + "/new", QJsonDocument(changed).toJson().toStdString(), "application/json");
        QCOMPARE(updated->status, 200);
        QCOMPARE(parseObject(updated->body).value("spec").toObject().value("replicas").toInt(), 7);
        auto stale = client->Put(collection + "/new", QJsonDocument(changed).toJson().toStdString(),
                                 "application/json");
        QCOMPARE(stale->status, 409);
        QCOMPARE(
            parseObject(stale->body).value("message").toString(),
            QStringLiteral("Operation cannot be fulfilled on rollouts.argoproj.io \"new\": the "
                           "object has been modified; please apply your changes to the latest "
                           "version and try again"));

        auto deleted = client->Delete(collection + "/new");
        QCOMPARE(deleted->status, 200);
        const QJsonObject success = parseObject(deleted->body);
        QCOMPARE(success.value("status").toString(), QStringLiteral("Success"));
        QCOMPARE(success.value("details").toObject().value("name").toString(),
                 QStringLiteral("new"));
        QCOMPARE(client->Get(collection + "/new")->status, 404);
        QCOMPARE(client->Delete(collection + "/new")->status, 404);
        QCOMPARE(client->Delete(collection)->status, 405);
    }

    void reviews()
    {
        auto viewer = f->client("viewer-token");
        const char *request
            = R"({"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview",)"
              R"("spec":{"resourceAttributes":{"namespace":"shop","verb":"patch",)"
              R"("group":"argoproj.io","resource":"rollouts","subresource":"status","name":"web"}}})";
        auto denied = viewer->Post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                                   request, "application/json");
        QVERIFY(denied);
        QCOMPARE(denied->status, 201);
        QCOMPARE(parseObject(denied->body).value("status").toObject().value("allowed").toBool(),
                 false);
        auto admin = f->client();
        auto allowed = admin->Post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                                   request, "application/json");
        QCOMPARE(parseObject(allowed->body).value("status").toObject().value("allowed").toBool(),
                 true);
        auto anonymous = f->client(nullptr);
        QCOMPARE(anonymous
                     ->Post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", request,
                            "application/json")
                     ->status,
                 403);
        QCOMPARE(admin->Get("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")->status, 405);
        // A review with neither attribute block is refused as the real server does.
        auto empty
            = admin->Post("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                          R"({"kind":"SelfSubjectAccessReview","spec":{}})", "application/json");
        QCOMPARE(empty->status, 422);
        QCOMPARE(parseObject(empty->body).value("reason").toString(), QStringLiteral("Invalid"));
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

    void recording()
    {
        f->server->setRecording(true);
        auto client = f->client();
        client->Patch(
            "/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web?fieldManager=kubectl-patch",
            R"({"spec":{"paused":true}})", "application/merge-patch+json");
        client->Get("/nothing");
        const QList<RecordedRequest> recorded = f->server->takeRecordedRequests();
        QCOMPARE(recorded.size(), 2);
        QCOMPARE(recorded.at(0).method, QStringLiteral("PATCH"));
        QCOMPARE(recorded.at(0).path,
                 QStringLiteral("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web"));
        QCOMPARE(recorded.at(0).query, QStringLiteral("fieldManager=kubectl-patch"));
        QCOMPARE(recorded.at(0).contentType, QStringLiteral("application/merge-patch+json"));
        QCOMPARE(recorded.at(0).body, QByteArray(R"({"spec":{"paused":true}})"));
        QCOMPARE(recorded.at(0).user, QStringLiteral("admin"));
        QCOMPARE(recorded.at(0).status, 200);
        QCOMPARE(recorded.at(1).status, 404);
        QVERIFY(f->server->takeRecordedRequests().isEmpty());
        f->server->setRecording(false);
        client->Get("/version");
        QVERIFY(f->server->takeRecordedRequests().isEmpty());
    }

    void requestsHttplibRefusesStillGetStatus()
    {
        auto client = f->client();
        httplib::Request request;
        request.method = "FOO";
        request.path = "/version";
        auto response = client->send(request);
        QVERIFY(response);
        QCOMPARE(response->status, 400);
        QVERIFY(response->has_header("Audit-Id"));
        QCOMPARE(parseObject(response->body),
                 status(400, "BadRequest", "the server could not handle the request (HTTP 400)"));
        auto options = client->Options("/nothing");
        QCOMPARE(options->get_header_value("Content-Type"), std::string("application/json"));
    }

    void listenErrors()
    {
        ApiServer::Context context {"dup", &f->store, &f->access, nullptr, nullptr, &f->clock};
        ApiServer taken(context, f->ca.issueServerCertificate({"localhost"}, {"127.0.0.1"}),
                        f->ca.certificatePem());
        QString error;
        QVERIFY(!taken.listen(QStringLiteral("127.0.0.1"), f->server->port(), &error));
        QCOMPARE(error,
                 QStringLiteral("cannot listen on 127.0.0.1:%1: the port is taken or not allowed")
                     .arg(f->server->port()));
        ApiServer broken(context, PemKeyPair {"not a certificate", "not a key"},
                         f->ca.certificatePem());
        QVERIFY(!broken.listen(QStringLiteral("127.0.0.1"), 0, &error));
        QVERIFY2(error.startsWith(
                     QStringLiteral("TLS setup failed: cannot read the server certificate: ")),
                 qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestApiServer)
#include "tst_apiserver.moc"
