// SPDX-License-Identifier: GPL-3.0-or-later
// What the window reads from Argo CD answers, and the exact words for what it cannot read;
// the `argocd:` list of the environment config with its errors.
#include "argodecoder.h"
#include "environmentconfig.h"

#include <QtTest>

class TestArgoDecoder : public QObject
{
    Q_OBJECT

private slots:
    void application();
    void pendingOperation();
    void brokenAnswers();
    void streamEvents();
    void config();
    void configErrors_data();
    void configErrors();
};

namespace {

const QByteArray checkout = R"({
  "metadata": {"name": "checkout-prod", "namespace": "argocd", "uid": "u1",
               "resourceVersion": "42", "labels": {"team": "shop"},
               "creationTimestamp": "2026-11-20T10:00:00Z"},
  "spec": {"project": "shop",
           "source": {"repoURL": "https://git.example/shop.git", "path": "envs/prod",
                      "targetRevision": "main", "kustomize": {"images": ["shop/checkout:1.4.1"]}},
           "destination": {"server": "https://kubernetes.default.svc", "namespace": "shop"},
           "syncPolicy": {"automated": {"prune": true, "selfHeal": true}}},
  "status": {"sync": {"status": "OutOfSync", "revision": "b0a377f1e2d3c4b5a6978899aabbccddeeff0011"},
             "health": {"status": "Suspended", "message": "Rollout is paused"},
             "operationState": {"phase": "Succeeded", "message": "successfully synced",
                                "operation": {"sync": {"revision": "abc", "prune": true},
                                              "initiatedBy": {"automated": true}},
                                "syncResult": {"revision": "abc"},
                                "startedAt": "2026-11-28T09:00:00Z",
                                "finishedAt": "2026-11-28T09:00:15Z"},
             "history": [{"id": 1, "revision": "aaa", "deployedAt": "2026-11-20T10:00:00Z",
                          "initiatedBy": {"username": "admin"}},
                         {"id": "2", "revision": "abc", "deployedAt": "2026-11-28T09:00:15Z",
                          "initiatedBy": {"automated": true}}],
             "conditions": [{"type": "SyncError", "message": "boom"}],
             "resources": [{"group": "argoproj.io", "kind": "Rollout", "namespace": "shop",
                            "name": "checkout", "status": "OutOfSync"},
                           {"kind": "Service", "namespace": "shop", "name": "checkout",
                            "status": "Synced"}],
             "summary": {"images": ["shop/checkout:1.4.1"]}, "sourceType": "Kustomize"}})";

} // namespace

void TestArgoDecoder::application()
{
    ArgoApplication app;
    QString error;
    QVERIFY2(ArgoDecoder::application(checkout, &app, &error), qPrintable(error));
    QCOMPARE(app.name, QStringLiteral("checkout-prod"));
    QCOMPARE(app.appNamespace, QStringLiteral("argocd"));
    QCOMPARE(app.project, QStringLiteral("shop"));
    QCOMPARE(app.sources.size(), 1);
    QVERIFY(app.sources.first().isKustomize);
    QCOMPARE(app.sources.first().tool(), QStringLiteral("Kustomize"));
    QCOMPARE(app.sources.first().kustomizeImages, QStringList({"shop/checkout:1.4.1"}));
    QVERIFY(app.autoSync && app.selfHeal && app.autoPrune);
    QCOMPARE(app.syncStatus, QStringLiteral("OutOfSync"));
    QCOMPARE(app.health, QStringLiteral("Suspended"));
    QCOMPARE(app.operation.phase, QStringLiteral("Succeeded"));
    QVERIFY(app.operation.initiatedBy.automated);
    QCOMPARE(app.operation.finishedAtMs - app.operation.startedAtMs, 15000);
    // An int64 may come quoted (grpc-gateway): both read.
    QCOMPARE(app.history.size(), 2);
    QCOMPARE(app.history.at(1).id, 2);
    QCOMPARE(app.deployedRevision(), QStringLiteral("abc"));
    QVERIFY(app.conditions.first().isError());
    QCOMPARE(app.outOfSyncCount(), 1);
    QVERIFY(!app.operationRequested);
}

void TestArgoDecoder::pendingOperation()
{
    const QByteArray body
        = R"({"metadata":{"name":"cart-dev"},"operation":{"sync":{},"initiatedBy":{"username":"ana"}}})";
    ArgoApplication app;
    QString error;
    QVERIFY(ArgoDecoder::application(body, &app, &error));
    QVERIFY(app.operationRequested);
    QCOMPARE(app.requestedBy.username, QStringLiteral("ana"));
}

void TestArgoDecoder::brokenAnswers()
{
    ArgoApplication app;
    QString error;
    QVERIFY(!ArgoDecoder::application("<html>502</html>", &app, &error));
    QVERIFY2(error.startsWith(
                 QStringLiteral("Argo CD sent an answer that is not a JSON object (16 bytes): ")),
             qPrintable(error));
    QVERIFY(!ArgoDecoder::application("[]", &app, &error));
    QCOMPARE(error,
             QStringLiteral(
                 "Argo CD sent an answer that is not a JSON object (2 bytes): another JSON value"));
    QVERIFY(!ArgoDecoder::application("{}", &app, &error));
    QCOMPARE(error, QStringLiteral("Argo CD sent an application without a name"));
    QCOMPARE(ArgoDecoder::list(R"({"items":{}})").error,
             QStringLiteral("Argo CD sent an application list whose items are not a list"));
    // Nameless items are left out, the rest is read.
    const ArgoApplicationList list = ArgoDecoder::list(
        R"({"metadata":{"resourceVersion":"9"},"items":[{},{"metadata":{"name":"a"}}]})");
    QVERIFY(list.error.isEmpty());
    QCOMPARE(list.items.size(), 1);
    QCOMPARE(list.resourceVersion, QStringLiteral("9"));
    bool allowed = true;
    QVERIFY(!ArgoDecoder::canI(R"({"value":"maybe"})", &allowed, &error));
    QCOMPARE(
        error,
        QStringLiteral("Argo CD answered the permission check with 'maybe' instead of yes or no"));
}

void TestArgoDecoder::streamEvents()
{
    const ArgoWatchEvent added = ArgoDecoder::event(
        R"({"result":{"type":"ADDED","application":{"metadata":{"name":"a"}}}})");
    QVERIFY(added.error.isEmpty());
    QCOMPARE(added.type, ArgoWatchEvent::Type::Added);
    QCOMPARE(ArgoDecoder::event(
                 R"({"result":{"type":"DELETED","application":{"metadata":{"name":"a"}}}})")
                 .type,
             ArgoWatchEvent::Type::Deleted);
    QCOMPARE(ArgoDecoder::event(R"({"result":{"type":"BOOKMARK"}})").error,
             QStringLiteral("Argo CD sent a stream event of unknown type 'BOOKMARK'"));
    QCOMPARE(ArgoDecoder::event(R"({"error":{"grpc_code":16,"message":"no session information"}})")
                 .error,
             QStringLiteral("Argo CD ended the application stream: no session information"));
}

void TestArgoDecoder::config()
{
    const QByteArray yaml = R"(environments:
  - name: prod
    context: prod
    argocd:
      - url: https://argocd.example.com/
        tokenFile: /run/secrets/argocd
        tls: { insecureSkipVerify: true }
      - name: in-cluster
        token: t0ken
)";
    EnvironmentConfig config;
    QString error;
    QVERIFY2(EnvironmentConfig::fromYaml(yaml, QStringLiteral("c.yaml"), &config, &error),
             qPrintable(error));
    const QList<ArgoCdInstance> servers = config.environments().first().argocd;
    QCOMPARE(servers.size(), 2);
    QCOMPARE(servers.at(0).name, QStringLiteral("argocd.example.com"));
    QCOMPARE(servers.at(0).endpoint.mode, ServiceEndpoint::Mode::Direct);
    QCOMPARE(servers.at(0).endpoint.url, QStringLiteral("https://argocd.example.com"));
    QVERIFY(servers.at(0).endpoint.insecureSkipVerify);
    QCOMPARE(servers.at(1).endpoint.mode, ServiceEndpoint::Mode::ServiceProxy);
    QCOMPARE(servers.at(1).endpoint.serviceProxyPath(),
             QStringLiteral("/api/v1/namespaces/argocd/services/https:argocd-server:443/proxy"));
    QCOMPARE(servers.at(1).endpoint.tokenCookie, QStringLiteral("argocd.token"));
    // describe() never shows the token.
    QVERIFY(!servers.at(1).describe().contains(QStringLiteral("t0ken")));
}

void TestArgoDecoder::configErrors_data()
{
    QTest::addColumn<QByteArray>("argocd");
    QTest::addColumn<QString>("error");
    QTest::newRow("not a list") << QByteArray("argocd: 3")
                                << "c.yaml:4: environments[0].argocd: must be a list of Argo CD "
                                   "servers";
    QTest::newRow("url and service")
        << QByteArray("argocd: [{url: 'https://a', service: {}}]")
        << "c.yaml:4: environments[0].argocd[0]: set 'url' or 'service', not both";
    QTest::newRow("tls through the proxy")
        << QByteArray("argocd: [{tls: {ca: x}}]")
        << "c.yaml:4: environments[0].argocd[0].tls: only used with 'url'; through the service "
           "proxy the kubeconfig's TLS settings apply";
    QTest::newRow("same name twice")
        << QByteArray("argocd: [{name: a}, {name: a}]")
        << "c.yaml:4: environments[0].argocd[1]: the name 'a' is used twice; give each server "
           "its own 'name'";
    QTest::newRow("token and file")
        << QByteArray("argocd: [{token: s3cret, tokenFile: f}]")
        << "c.yaml:4: environments[0].argocd[0]: set token or tokenFile, not both";
    QTest::newRow("cookie header")
        << QByteArray("argocd: [{headers: {Cookie: 'argocd.token=s3cret'}}]")
        << "c.yaml:4: environments[0].argocd[0].headers: 'Cookie' is set by the client from "
           "'token' or 'tokenFile'";
}

void TestArgoDecoder::configErrors()
{
    QFETCH(QByteArray, argocd);
    QFETCH(QString, error);
    const QByteArray yaml
        = "environments:\n  - name: prod\n    context: prod\n    " + argocd + "\n";
    EnvironmentConfig config;
    QString actual;
    QVERIFY(!EnvironmentConfig::fromYaml(yaml, QStringLiteral("c.yaml"), &config, &actual));
    QCOMPARE(actual, error);
    QVERIFY(!actual.contains(QStringLiteral("s3cret")));
}

QTEST_GUILESS_MAIN(TestArgoDecoder)
#include "tst_argodecoder.moc"
