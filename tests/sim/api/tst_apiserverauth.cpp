// SPDX-License-Identifier: GPL-3.0-or-later
// The API server's authentication and authorization over real HTTPS: tokens, basic auth,
// client certificates, RBAC's Forbidden message and access reviews.
#include "apitestfixture.h"

#include <QTest>

using namespace rdsim;

class TestApiServerAuth : public QObject, private ApiFixtureTest
{
    Q_OBJECT

private slots:
    void init() { startFixture(); }
    void cleanup() { stopFixture(); }

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
};

QTEST_GUILESS_MAIN(TestApiServerAuth)
#include "tst_apiserverauth.moc"
