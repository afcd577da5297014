// SPDX-License-Identifier: GPL-3.0-or-later
// The API server over real HTTPS: get, list across namespaces, paging, selectors, Table
// output, create/update/delete, request recording, requests httplib refuses, listen errors.
#include "apitestfixture.h"

#include <QTest>

using namespace rdsim;

class TestApiServer : public QObject, private ApiFixtureTest
{
    Q_OBJECT

private slots:
    void init() { startFixture(); }
    void cleanup() { stopFixture(); }

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
