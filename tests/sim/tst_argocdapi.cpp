// SPDX-License-Identifier: GPL-3.0-or-later
// rd-sim's Argo CD API over real HTTPS: list/get/fields, auth and RBAC errors as Argo CD 3.6 sends
// them, sync -> canary -> history, dry run, terminate, rollback, self-heal, stream, tree, metadata.
#include "argocd/argocdapps.h"
#include "argocd/argocdserver.h"
#include "argocdfixture.h"
#include "core/objectstore.h"
#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include <QFile>
#include <QTest>

namespace {

const QByteArray kA = QByteArray(40, 'a');
const QByteArray kB = QByteArray(40, 'b');
httplib::Headers bearer(const char *token)
{
    return {{"Authorization", std::string("Bearer ") + token}};
}

} // namespace

class TestArgoCdApi : public QObject
{
    Q_OBJECT

private:
    Scenario m_scenario;
    std::unique_ptr<Simulator> m_sim;

    SimCluster &cluster() { return *m_sim->clusters().first(); }
    QString argo() { return cluster().argoCdUrl(); }
    Reply call(const char *method, const std::string &path, const char *token = "t-admin",
               const std::string &body = {})
    {
        return argoRequest(argo(), m_sim->caPem(), method, path,
                           token ? bearer(token) : httplib::Headers {}, body);
    }
    const QJsonObject app(const char *name)
    {
        return call("GET", std::string("/api/v1/applications/") + name).json();
    }
    const QJsonObject rollout(const char *name)
    {
        return cluster()
            .store()
            .get(*ResourceCatalog::find(QStringLiteral("argoproj.io"), QStringLiteral("rollouts")),
                 QStringLiteral("shop"), QString::fromLatin1(name))
            .value_or(QJsonObject());
    }
    static QString image(const QJsonObject &object)
    {
        return object["spec"]["template"]["spec"]["containers"][0]["image"].toString();
    }
    void play(int seconds)
    {
        for (int i = 0; i < seconds; ++i) {
            m_sim->clock().advance(1000);
            m_sim->reconcileOnce();
        }
    }

private slots:
    void init()
    {
        QFile file(QStringLiteral(RD_TEST_DATA_DIR "/argocd/scenario.yaml"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QByteArray yaml = file.readAll();
        yaml.replace("AAAA", kA).replace("BBBB", kB);
        QString error;
        QVERIFY2(Scenario::fromYaml(yaml, QStringLiteral("argocd.yaml"), &m_scenario, &error),
                 qPrintable(error));
        SimulatorOptions options;
        options.runControllers = false;
        m_sim = std::make_unique<Simulator>(m_scenario, options);
        QVERIFY2(m_sim->start(&error), qPrintable(error));
        m_sim->clock().setFrozen(true);
        play(10); // first deployments: both rollouts healthy
        QVERIFY(!argo().isEmpty());
    }
    void cleanup() { m_sim.reset(); }

    void listAndFilters()
    {
        const QJsonObject list = call("GET", "/api/v1/applications").json();
        QCOMPARE(list["items"].toArray().size(), 2);
        QCOMPARE(list["items"][0]["metadata"]["name"].toString(), QStringLiteral("api"));
        QVERIFY(!list["metadata"]["resourceVersion"].toString().isEmpty());
        QCOMPARE(list["items"][1]["status"]["sync"]["status"].toString(),
                 QStringLiteral("OutOfSync"));
        QCOMPARE(list["items"][0]["status"]["sync"]["status"].toString(), QStringLiteral("Synced"));
        QCOMPARE(list["items"][0]["status"]["sync"]["revision"].toString(),
                 QString::fromLatin1(kB));
        const auto names = [this](const std::string &query, const char *token = "t-admin") {
            QStringList result;
            for (const QJsonValue &item :
                 call("GET", "/api/v1/applications" + query, token).json()["items"].toArray())
                result << item["metadata"]["name"].toString();
            return result;
        };
        QCOMPARE(names("?projects=shop"), QStringList {"web"});
        QCOMPARE(names("?project=ops"), QStringList {"api"});
        QCOMPARE(names("?projects=shop&projects=ops"), (QStringList {"api", "web"}));
        QCOMPARE(names("?name=api"), QStringList {"api"});
        QCOMPARE(names("?selector=team%3Dshop"), QStringList {"web"});
        QCOMPARE(names("?repo=https://git.example/other.git"), QStringList());
        QCOMPARE(names("", "t-shop"), QStringList {"web"}); // api left out silently
        const QJsonObject projected
            = call("GET",
                   "/api/v1/applications?fields=items.metadata.name,items.status.sync.status")
                  .json();
        QCOMPARE(projected["items"][0].toObject(),
                 QJsonDocument::fromJson(
                     R"({"metadata":{"name":"api"},"status":{"sync":{"status":"Synced"}}})")
                     .object());
        // As Argo CD: excluding "spec" keeps its listed children (destination, project, ...).
        QVERIFY(call("GET", "/api/v1/applications?fields=-items.spec")
                    .json()["items"][0]["spec"]
                    .toObject()
                    .contains("destination"));
        const QJsonObject excluded
            = call("GET", "/api/v1/applications?fields=-items.status.health").json();
        QVERIFY(!excluded["items"][0]["status"].toObject().contains("health"));
        QVERIFY(excluded["items"][0]["status"]["sync"].toObject().contains("status"));
        QVERIFY(!excluded["items"][0]["status"].toObject().contains("history")); // not in appFields
    }

    void getAndAuthErrors()
    {
        const QJsonObject web = app("web");
        QCOMPARE(web["status"]["resources"][0]["health"]["status"].toString(),
                 QStringLiteral("Healthy"));
        QCOMPARE(web["status"]["history"][0]["revision"].toString(), QString::fromLatin1(kA));
        QCOMPARE(web["spec"]["source"]["targetRevision"].toString(), QStringLiteral("main"));
        Reply r = call("GET", "/api/v1/applications", nullptr);
        QCOMPARE(r.status, 401);
        QCOMPARE(
            r.body,
            QByteArray(
                R"({"error":"no session information","code":16,"message":"no session information"})"));
        r = call("GET", "/api/v1/applications", "t-old");
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json()["message"].toString(),
                 QStringLiteral("invalid session: token has invalid claims: token is expired"));
        QCOMPARE(call("GET", "/api/v1/applications", "nope").status, 401);
        r = call("GET", "/api/v1/applications/nope");
        QCOMPARE(r.status, 403);
        QCOMPARE(
            r.body,
            QByteArray(R"({"error":"permission denied","code":7,"message":"permission denied"})"));
        QCOMPARE(call("GET", "/api/v1/applications/nope?project=shop").status, 404);
        QCOMPARE(call("GET", "/api/v1/applications/api", "t-shop").status, 403);
        // The cookie works too, and the version needs no login.
        QCOMPARE(argoRequest(argo(), m_sim->caPem(), "GET", "/api/v1/applications/web",
                             {{"Cookie", "a=b; argocd.token=t-viewer"}})
                     .status,
                 200);
        QCOMPARE(call("GET", "/api/version", nullptr).json(),
                 QJsonObject({{"Version", ArgoCdServer::version()}}));
        const QJsonObject info = call("GET", "/api/v1/session/userinfo", "t-deployer").json();
        QCOMPARE(info["username"].toString(), QStringLiteral("deployer"));
        QCOMPARE(info["loggedIn"].toBool(), true);
        QCOMPARE(call("GET", "/api/v1/session/userinfo", nullptr).json(), QJsonObject());
    }

    void serviceProxy()
    {
        const std::string apps = std::string(kArgoProxy) + "/api/v1/applications";
        // The API server consumes the Authorization header: Argo CD sees only the cookie.
        Reply r = argoRequest(cluster().url(), m_sim->caPem(), "GET", apps, bearer("kube-admin"));
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json()["message"].toString(), QStringLiteral("no session information"));
        httplib::Headers both {{"Authorization", "Bearer kube-viewer"},
                               {"Cookie", "argocd.token=t-admin"}};
        r = argoRequest(cluster().url(), m_sim->caPem(), "GET", apps, both);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()["items"].toArray().size(), 2);
        // Kubernetes RBAC first: POST needs create on services/proxy, which viewer lacks.
        r = argoRequest(cluster().url(), m_sim->caPem(), "POST", apps + "/web/sync", both, "{}");
        QCOMPARE(r.status, 403);
        QCOMPARE(r.json()["kind"].toString(), QStringLiteral("Status"));
        r = argoRequest(cluster().url(), m_sim->caPem(), "GET", apps,
                        {{"Cookie", "argocd.token=t-admin"}});
        QCOMPARE(r.status, 401);
        QCOMPARE(r.json()["kind"].toString(), QStringLiteral("Status"));
    }

    void canI()
    {
        const auto value = [this](const std::string &path, const char *token) {
            return call("GET", "/api/v1/account/can-i/" + path, token).json()["value"].toString();
        };
        QCOMPARE(value("applications/sync/shop/web", "t-admin"), QStringLiteral("yes"));
        QCOMPARE(value("applications/sync/shop/web", "t-viewer"), QStringLiteral("no"));
        QCOMPARE(value("applications/sync/shop/web", "t-deployer"), QStringLiteral("yes"));
        QCOMPARE(value("applications/sync/ops/api", "t-deployer"), QStringLiteral("no"));
        QCOMPARE(value("applications/rollback/shop/web", "t-deployer"), QStringLiteral("yes"));
        QCOMPARE(call("GET", "/api/v1/account/can-i/applications/dance/shop/web").status, 400);
    }

    void syncStartsACanary()
    {
        Reply r = call("POST", "/api/v1/applications/web/sync", "t-deployer", "{}");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()["operation"]["initiatedBy"]["username"].toString(),
                 QStringLiteral("deployer"));
        QCOMPARE(r.json()["status"]["operationState"]["phase"].toString(),
                 QStringLiteral("Running"));
        r = call("POST", "/api/v1/applications/web/sync", "t-admin", "{}");
        QCOMPARE(r.status, 400);
        QCOMPARE(
            r.body,
            QByteArray(
                R"({"error":"another operation is already in progress","code":9,"message":"another operation is already in progress"})"));
        const QString stableBefore = rollout("web")["status"]["stableRS"].toString();
        play(4);
        QCOMPARE(image(rollout("web")), QStringLiteral("ghcr.io/acme/web:1.0.0")); // still running
        play(2);
        QCOMPARE(image(rollout("web")), QStringLiteral("ghcr.io/acme/web:1.1.0"));
        const QJsonObject web = app("web");
        QCOMPARE(web["status"]["operationState"]["phase"].toString(), QStringLiteral("Succeeded"));
        QCOMPARE(web["status"]["operationState"]["message"].toString(),
                 QStringLiteral("successfully synced (all tasks run)"));
        QCOMPARE(web["status"]["operationState"]["syncResult"]["revision"].toString(),
                 QString::fromLatin1(kB));
        QVERIFY(!web.contains("operation"));
        QCOMPARE(web["status"]["history"].toArray().size(), 2);
        QCOMPARE(web["status"]["history"][1]["id"].toInt(), 2);
        QCOMPARE(web["status"]["history"][1]["initiatedBy"]["username"].toString(),
                 QStringLiteral("deployer"));
        QCOMPARE(web["status"]["sync"]["status"].toString(), QStringLiteral("Synced"));
        play(10);
        const QJsonObject status = rollout("web")["status"].toObject();
        QVERIFY(status["currentPodHash"].toString() != stableBefore);
        QCOMPARE(status["stableRS"].toString(), stableBefore);
        // Paused at the step without a duration: Argo CD shows Suspended.
        QCOMPARE(app("web")["status"]["health"]["status"].toString(), QStringLiteral("Suspended"));
    }

    void syncDeniedAndDryRun()
    {
        Reply r = call("POST", "/api/v1/applications/api/sync", "t-deployer", "{}");
        QCOMPARE(r.status, 403);
        QVERIFY2(r.json()["message"].toString().startsWith(
                     "permission denied: applications, sync, ops/api, sub: deployer, iat: "),
                 r.body.constData());
        QCOMPARE(r.json()["code"].toInt(), 7);
        r = call("POST", "/api/v1/applications/web/sync", "t-admin", R"({"dryRun":true})");
        QCOMPARE(r.status, 200);
        play(6);
        const QJsonObject web = app("web");
        QCOMPARE(web["status"]["operationState"]["phase"].toString(), QStringLiteral("Succeeded"));
        QCOMPARE(image(rollout("web")), QStringLiteral("ghcr.io/acme/web:1.0.0"));
        QCOMPARE(web["status"]["history"].toArray().size(), 1);
        QCOMPARE(web["status"]["sync"]["status"].toString(), QStringLiteral("OutOfSync"));
    }

    void terminate()
    {
        QCOMPARE(call("POST", "/api/v1/applications/web/sync", "t-admin", "{}").status, 200);
        Reply r = call("DELETE", "/api/v1/applications/web/operation");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, QByteArray("{}"));
        QCOMPARE(app("web")["status"]["operationState"]["phase"].toString(),
                 QStringLiteral("Terminating"));
        play(1);
        const QJsonObject web = app("web");
        QCOMPARE(web["status"]["operationState"]["phase"].toString(), QStringLiteral("Failed"));
        QCOMPARE(web["status"]["operationState"]["message"].toString(),
                 QStringLiteral("Operation terminated"));
        play(6);
        QCOMPARE(image(rollout("web")), QStringLiteral("ghcr.io/acme/web:1.0.0"));
        r = call("DELETE", "/api/v1/applications/web/operation");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json()["message"].toString(),
                 QStringLiteral("Unable to terminate operation. No operation is in progress"));
    }

    void rollback()
    {
        Reply r = call("POST", "/api/v1/applications/api/rollback", "t-admin", R"({"id":1})");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json()["message"].toString(),
                 QStringLiteral("rollback cannot be initiated when auto-sync is enabled"));
        r = call("POST", "/api/v1/applications/web/rollback", "t-admin", R"({"id":99})");
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json()["message"].toString(),
                 QStringLiteral("application web does not have deployment with id 99"));
        QCOMPARE(call("POST", "/api/v1/applications/web/sync", "t-admin", "{}").status, 200);
        play(6);
        QCOMPARE(image(rollout("web")), QStringLiteral("ghcr.io/acme/web:1.1.0"));
        r = call("POST", "/api/v1/applications/web/rollback", "t-admin", R"({"id":"1"})");
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json()["operation"]["sync"]["revision"].toString(), QString::fromLatin1(kA));
        play(6);
        QCOMPARE(image(rollout("web")), QStringLiteral("ghcr.io/acme/web:1.0.0"));
        QCOMPARE(app("web")["status"]["history"].toArray().size(), 3);
    }

    void selfHeal()
    {
        QJsonObject api = rollout("api");
        QJsonObject spec = api["spec"].toObject();
        QJsonObject templ = spec["template"].toObject();
        QJsonObject podSpec = templ["spec"].toObject();
        podSpec["containers"]
            = QJsonArray {QJsonObject {{"name", "api"}, {"image", "ghcr.io/acme/api:2.0.1"}}};
        templ["spec"] = podSpec;
        spec["template"] = templ;
        api["spec"] = spec;
        QVERIFY(
            cluster()
                .store()
                .update(*ResourceCatalog::find("argoproj.io", "rollouts"), api, WriteScope::Spec)
                .ok());
        play(1);
        const QJsonObject app = this->app("api");
        QCOMPARE(app["status"]["sync"]["status"].toString(), QStringLiteral("OutOfSync"));
        QCOMPARE(app["operation"]["initiatedBy"]["automated"].toBool(), true);
        play(6);
        QCOMPARE(image(rollout("api")), QStringLiteral("ghcr.io/acme/api:2.0.0"));
        QCOMPARE(this->app("api")["status"]["sync"]["status"].toString(), QStringLiteral("Synced"));
    }

    void treeManagedAndMetadata()
    {
        const QJsonArray nodes
            = call("GET", "/api/v1/applications/web/resource-tree").json()["nodes"].toArray();
        QStringList kinds;
        for (const QJsonValue &node : nodes)
            kinds << node["kind"].toString();
        QCOMPARE(kinds.count("Rollout"), 1);
        QCOMPARE(kinds.count("ReplicaSet"), 1);
        QCOMPARE(kinds.count("Pod"), 2);
        QCOMPARE(nodes[1]["parentRefs"][0]["uid"].toString(), nodes[0]["uid"].toString());
        QCOMPARE(nodes[2]["parentRefs"][0]["kind"].toString(), QStringLiteral("ReplicaSet"));
        QCOMPARE(nodes[2]["health"]["status"].toString(), QStringLiteral("Healthy"));
        QCOMPARE(nodes[2]["images"][0].toString(), QStringLiteral("ghcr.io/acme/web:1.0.0"));
        const QJsonObject managed
            = call("GET", "/api/v1/applications/web/managed-resources").json();
        const QJsonObject item = managed["items"][0].toObject();
        QCOMPARE(item["modified"].toBool(), true);
        QVERIFY(item["targetState"].toString().contains("ghcr.io/acme/web:1.1.0"));
        QVERIFY(item["liveState"].toString().contains("ghcr.io/acme/web:1.0.0"));
        const QJsonObject meta
            = call("GET", "/api/v1/applications/web/revisions/" + kB.toStdString() + "/metadata")
                  .json();
        QCOMPARE(
            meta,
            QJsonDocument::fromJson(
                R"({"author":"Bob <bob@example.com>","date":"2026-11-02T10:00:00Z","message":"web 1.1.0"})")
                .object());
        QCOMPARE(
            call("GET", "/api/v1/applications/web/revisions/" + std::string(40, 'c') + "/metadata")
                .status,
            500);
        QCOMPARE(call("GET", "/api/v1/applications/web/revisions/" + kA.toStdString() + "/metadata")
                     .json()["tags"],
                 QJsonValue(QJsonArray {"v1"}));
    }

    void streams()
    {
        httplib::Headers sse = bearer("t-admin");
        sse.emplace("Accept", "text/event-stream");
        StreamReader events(argoClient(argo(), m_sim->caPem()), "/api/v1/stream/applications", sse);
        QVERIFY(events.waitFor("\"type\":\"ADDED\"", 2));
        QVERIFY(events.raw().startsWith("data: {\"result\":{"));
        QVERIFY(events.raw().contains("}} \n\n\ndata: "));
        StreamReader lines(argoClient(argo(), m_sim->caPem()),
                           "/api/v1/stream/applications?name=web", bearer("t-viewer"));
        QVERIFY(lines.waitFor("\n", 1));
        QVERIFY(lines.raw().startsWith("{\"result\":{\"application\":"));
        QCOMPARE(lines.raw().count("\"type\":\"ADDED\""), 1);
        StreamReader resumed(argoClient(argo(), m_sim->caPem()),
                             "/api/v1/stream/applications?resourceVersion=1", bearer("t-admin"));
        QTRY_COMPARE(cluster().argoCd()->openStreams(), 3);
        QCOMPARE(call("POST", "/api/v1/applications/web/sync", "t-admin", "{}").status, 200);
        QVERIFY(events.waitFor("\"type\":\"MODIFIED\"", 1));
        QVERIFY(lines.waitFor("\"type\":\"MODIFIED\"", 1));
        QVERIFY(resumed.waitFor("\"type\":\"MODIFIED\"", 1));
        QVERIFY(!resumed.raw().contains("ADDED"));
        const int modified = events.raw().count("MODIFIED");
        m_sim->reconcileOnce(); // nothing moved: no event
        QTest::qWait(300);
        QCOMPARE(events.raw().count("MODIFIED"), modified);
        QString error;
        QVERIFY(m_sim->dropArgoCdStreams(QStringLiteral("c1"), &error));
        QVERIFY(events.waitForEnd());
        QVERIFY(lines.waitForEnd());
        Reply r = call("GET", "/api/v1/stream/applications", nullptr);
        QCOMPARE(r.status, 401);
        QCOMPARE(r.body,
                 QByteArray(R"({"error":{"grpc_code":16,"http_code":401,"message":"no )"
                            R"(session information","http_status":"Unauthorized"}})"));
    }
};
QTEST_GUILESS_MAIN(TestArgoCdApi)
#include "tst_argocdapi.moc"
