// SPDX-License-Identifier: GPL-3.0-or-later
// PATCH over HTTPS: every content type, the /status subresource's write scope, optimistic
// concurrency and the exact error bodies.
#include "apitestfixture.h"

#include <QTest>

using namespace rdsim;

class TestApiServerPatch : public QObject
{
    Q_OBJECT

private:
    ApiFixture *f = nullptr;
    const std::string web = "/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/web";

    QJsonObject stored() const
    {
        return *f->store.get(typeOf("argoproj.io", "rollouts"), QStringLiteral("shop"),
                             QStringLiteral("web"));
    }

    static QString rvOf(const QJsonObject &object)
    {
        return object.value("metadata").toObject().value("resourceVersion").toString();
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

    void mergePatchStatusChangesOnlyStatus()
    {
        auto client = f->client();
        const QString before = rvOf(stored());
        auto response = client->Patch(web + "/status?fieldManager=kubectl-patch",
                                      R"({"spec":{"paused":true},"status":{"phase":"Paused"}})",
                                      "application/merge-patch+json");
        QVERIFY(response);
        QCOMPARE(response->status, 200);
        const QJsonObject object = parseObject(response->body);
        QCOMPARE(object.value("status").toObject().value("phase").toString(),
                 QStringLiteral("Paused"));
        QCOMPARE(object.value("spec").toObject().value("paused").toBool(), false);
        QCOMPARE(object.value("status").toObject().value("replicas").toInt(),
                 3); // merged, not replaced
        QVERIFY(rvOf(object) != before);
        QCOMPARE(object, stored());
    }

    void mergePatchMainResourceKeepsStatus()
    {
        auto client = f->client();
        auto response
            = client->Patch(web, R"({"spec":{"paused":true},"status":{"phase":"Degraded"}})",
                            "application/merge-patch+json");
        QCOMPARE(response->status, 200);
        const QJsonObject object = parseObject(response->body);
        QCOMPARE(object.value("spec").toObject().value("paused").toBool(), true);
        QCOMPARE(object.value("status").toObject().value("phase").toString(),
                 QStringLiteral("Healthy"));
        QCOMPARE(object.value("metadata").toObject().value("generation").toInt(), 2);
    }

    void noOpPatchKeepsResourceVersion()
    {
        auto client = f->client();
        const QString before = rvOf(stored());
        auto response
            = client->Patch(web, R"({"spec":{"paused":false}})", "application/merge-patch+json");
        QCOMPARE(response->status, 200);
        QCOMPARE(rvOf(parseObject(response->body)), before);
    }

    void jsonPatchOnStatus()
    {
        auto client = f->client();
        const QString rv = rvOf(stored());
        const std::string patch
            = QStringLiteral(
                  "[{\"op\":\"test\",\"path\":\"/metadata/resourceVersion\",\"value\":\"%1\"},"
                  "{\"op\":\"replace\",\"path\":\"/status/phase\",\"value\":\"Paused\"},"
                  "{\"op\":\"add\",\"path\":\"/status/message\",\"value\":\"manual\"}]")
                  .arg(rv)
                  .toStdString();
        auto response = client->Patch(web + "/status", patch, "application/json-patch+json");
        QCOMPARE(response->status, 200);
        const QJsonObject status = parseObject(response->body).value("status").toObject();
        QCOMPARE(status.value("phase").toString(), QStringLiteral("Paused"));
        QCOMPARE(status.value("message").toString(), QStringLiteral("manual"));

        // The same test op now fails: the object moved on. A real API server answers this.
        auto failed = client->Patch(web + "/status", patch, "application/json-patch+json");
        QCOMPARE(failed->status, 422);
        QCOMPARE(parseObject(failed->body),
                 (QJsonObject {
                     {"kind", "Status"},
                     {"apiVersion", "v1"},
                     {"metadata", QJsonObject()},
                     {"status", "Failure"},
                     {"message", "the server rejected our request due to an error in our request"},
                     {"reason", "Invalid"},
                     {"code", 422}}));
        auto badPath = client->Patch(web, R"([{"op":"remove","path":"/spec/missing"}])",
                                     "application/json-patch+json");
        QCOMPARE(badPath->status, 422);
        auto malformed = client->Patch(web, R"({"op":"remove"})", "application/json-patch+json");
        QCOMPARE(malformed->status, 400);
        QCOMPARE(parseObject(malformed->body).value("message").toString(),
                 QStringLiteral("a JSON patch must be an array of operations"));
    }

    void strategicMergePatch()
    {
        auto client = f->client();
        auto refused = client->Patch(web, R"({"spec":{"paused":true}})",
                                     "application/strategic-merge-patch+json");
        QCOMPARE(refused->status, 415);
        QCOMPARE(parseObject(refused->body),
                 (QJsonObject {{"kind", "Status"},
                               {"apiVersion", "v1"},
                               {"metadata", QJsonObject()},
                               {"status", "Failure"},
                               {"message",
                                "the body of the request was in an unknown format - accepted "
                                "media types include: application/json-patch+json, "
                                "application/merge-patch+json, application/apply-patch+yaml"},
                               {"reason", "UnsupportedMediaType"},
                               {"code", 415}}));
        // Built-in kinds take it (as a merge patch).
        f->store.create(
            typeOf("apps", "deployments"),
            QJsonObject {{"metadata", QJsonObject {{"name", "db"}, {"namespace", "shop"}}},
                         {"spec", QJsonObject {{"replicas", 1}}}});
        auto accepted
            = client->Patch("/apis/apps/v1/namespaces/shop/deployments/db",
                            R"({"spec":{"replicas":4}})", "application/strategic-merge-patch+json");
        QCOMPARE(accepted->status, 200);
        QCOMPARE(parseObject(accepted->body).value("spec").toObject().value("replicas").toInt(), 4);
        auto plainJson = client->Patch(web, R"({"spec":{}})", "application/json");
        QCOMPARE(plainJson->status, 415);
    }

    void applyPatch()
    {
        auto client = f->client();
        const std::string body
            = R"({"apiVersion":"argoproj.io/v1alpha1","kind":"Rollout",)"
              R"("metadata":{"name":"web","namespace":"shop"},"spec":{"replicas":5}})";
        auto missing = client->Patch(web, body, "application/apply-patch+yaml");
        QCOMPARE(missing->status, 422);
        QCOMPARE(parseObject(missing->body).value("message").toString(),
                 QStringLiteral(
                     "PatchOptions.meta.k8s.io \"\" is invalid: fieldManager: Required value: "
                     "is required for apply patch"));
        auto applied = client->Patch(web + "?fieldManager=rd&force=true", body,
                                     "application/apply-patch+yaml");
        QCOMPARE(applied->status, 200);
        QCOMPARE(parseObject(applied->body).value("spec").toObject().value("replicas").toInt(), 5);
        // Apply creates what does not exist.
        const std::string fresh
            = R"({"apiVersion":"argoproj.io/v1alpha1","kind":"Rollout",)"
              R"("metadata":{"name":"fresh","namespace":"shop"},"spec":{"replicas":1}})";
        auto created = client->Patch(
            "/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/fresh?fieldManager=rd", fresh,
            "application/apply-patch+yaml");
        QCOMPARE(created->status, 201);
        QVERIFY(f->store.get(typeOf("argoproj.io", "rollouts"), "shop", "fresh"));
    }

    void resourceVersionConflict()
    {
        auto client = f->client();
        auto conflict
            = client->Patch(web, R"({"metadata":{"resourceVersion":"1"},"spec":{"paused":true}})",
                            "application/merge-patch+json");
        QCOMPARE(conflict->status, 409);
        QCOMPARE(
            parseObject(conflict->body),
            (QJsonObject {
                {"kind", "Status"},
                {"apiVersion", "v1"},
                {"metadata", QJsonObject()},
                {"status", "Failure"},
                {"message",
                 "Operation cannot be fulfilled on rollouts.argoproj.io \"web\": "
                 "the object has been modified; please apply your changes to "
                 "the latest version and try again"},
                {"reason", "Conflict"},
                {"details",
                 QJsonObject {{"name", "web"}, {"group", "argoproj.io"}, {"kind", "rollouts"}}},
                {"code", 409}}));
        const std::string current
            = QStringLiteral(
                  "{\"metadata\":{\"resourceVersion\":\"%1\"},\"spec\":{\"paused\":true}}")
                  .arg(rvOf(stored()))
                  .toStdString();
        QCOMPARE(client->Patch(web, current, "application/merge-patch+json")->status, 200);
    }

    void invalidResults()
    {
        auto client = f->client();
        auto renamed = client->Patch(web, R"({"metadata":{"name":"other"}})",
                                     "application/merge-patch+json");
        QCOMPARE(renamed->status, 422);
        QCOMPARE(
            parseObject(renamed->body).value("message").toString(),
            QStringLiteral("Rollout \"web\" is invalid: metadata.name: Invalid value: \"other\": "
                           "field is immutable"));
        auto rekind
            = client->Patch(web, R"({"kind":"Deployment"})", "application/merge-patch+json");
        QCOMPARE(rekind->status, 422);
        auto notObject = client->Patch(web, R"([{"op":"replace","path":"","value":[1]}])",
                                       "application/json-patch+json");
        QCOMPARE(notObject->status, 422);
        QCOMPARE(
            parseObject(notObject->body).value("message").toString(),
            QStringLiteral("Rollout \"web\" is invalid: the patched object is not a JSON object"));
        auto garbage = client->Patch(web, "{not json", "application/merge-patch+json");
        QCOMPARE(garbage->status, 400);
        QVERIFY(parseObject(garbage->body)
                    .value("message")
                    .toString()
                    .startsWith("error decoding patch: "));
        auto missing = client->Patch("/apis/argoproj.io/v1alpha1/namespaces/shop/rollouts/none",
                                     R"({"spec":{}})", "application/merge-patch+json");
        QCOMPARE(missing->status, 404);
        QCOMPARE(stored().value("metadata").toObject().value("generation").toInt(), 1);
    }

    void dryRun()
    {
        auto client = f->client();
        const QJsonObject before = stored();
        auto response = client->Patch(web + "?dryRun=All", R"({"spec":{"paused":true}})",
                                      "application/merge-patch+json");
        QCOMPARE(response->status, 200);
        QCOMPARE(parseObject(response->body).value("spec").toObject().value("paused").toBool(),
                 true);
        QCOMPARE(stored(), before);
    }
};

QTEST_GUILESS_MAIN(TestApiServerPatch)
#include "tst_apiserverpatch.moc"
