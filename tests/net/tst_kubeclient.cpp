// SPDX-License-Identifier: GPL-3.0-or-later
// KubeClient requests against the in-process simulator: typed errors, Retry-After, patches,
// reviews, timeouts and the response size cap (lists: tst_kubelist).
#include "kubeclient.h"
#include "shoppods.h"
#include "simfixture.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>
#include <QUrlQuery>

#include <thread>

class TestKubeClient : public QObject
{
    Q_OBJECT

private:
    SimFixture m_sim;

private slots:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_sim.start(&error), qPrintable(error));
        m_sim.addPods(7);
        m_sim.cluster().server().setRecording(true);
    }

    void init()
    {
        m_sim.cluster().faults().clear();
        m_sim.cluster().server().takeRecordedRequests();
    }

    void paths()
    {
        QCOMPARE(KubePath::resource(QStringLiteral("argoproj.io"), QStringLiteral("v1alpha1"),
                                    QStringLiteral("rollouts")),
                 QStringLiteral("/apis/argoproj.io/v1alpha1/rollouts"));
        QCOMPARE(KubePath::resource(QString(), QStringLiteral("v1"), QStringLiteral("pods"),
                                    QStringLiteral("shop"), QStringLiteral("web"),
                                    QStringLiteral("log")),
                 QStringLiteral("/api/v1/namespaces/shop/pods/web/log"));
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        QCOMPARE(client.url(QStringLiteral("/api/v1/pods"),
                            {{QStringLiteral("labelSelector"), QStringLiteral("app=web,tier!=db")},
                             {QStringLiteral("limit"), QStringLiteral("5")}}),
                 (client.connection().server
                  + QStringLiteral("/api/v1/pods?labelSelector=app%3Dweb%2Ctier%21%3Ddb&limit=5"))
                     .toUtf8());
        QCOMPARE(KubeClient::userAgent(), QByteArray("release-dashboard/0.1"));
    }

    void typedHttpErrors()
    {
        KubeClient viewer(m_sim.connection(QStringLiteral("sim-viewer")));
        const KubeResponse missing = viewer.get(ShopPods::path(QStringLiteral("nope")));
        QCOMPARE(missing.error.kind, NetError::Kind::NotFound);
        QCOMPARE(missing.status, 404);
        QCOMPARE(missing.error.reason, QStringLiteral("NotFound"));
        QCOMPARE(missing.error.statusMessage, QStringLiteral("pods \"nope\" not found"));
        QCOMPARE(missing.error.message,
                 QStringLiteral("Not found (HTTP 404): pods \"nope\" not found"));

        const KubeResponse forbidden = viewer.get(KubePath::resource(
            QString(), QStringLiteral("v1"), QStringLiteral("services"), QStringLiteral("shop")));
        QCOMPARE(forbidden.error.kind, NetError::Kind::Forbidden);
        QCOMPARE(forbidden.error.httpStatus, 403);
        QCOMPARE(forbidden.error.reason, QStringLiteral("Forbidden"));
        QVERIFY(
            forbidden.error.statusMessage.startsWith(QStringLiteral("services is forbidden: ")));
    }

    void retryAfterIsHonoured()
    {
        FaultRule rule = ShopPods::fault(FaultRule::Kind::Status);
        rule.status = 429;
        rule.retryAfterSeconds = 1;
        rule.remaining = 1;
        m_sim.cluster().faults().add(rule);
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        QElapsedTimer timer;
        timer.start();
        const KubeResponse response = client.get(ShopPods::path(QStringLiteral("web-0")));
        QVERIFY2(response.isOk(), qPrintable(response.error.message));
        QVERIFY(timer.elapsed() >= 1000);
        const QList<RecordedRequest> requests = m_sim.cluster().server().takeRecordedRequests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).status, 429);
        QCOMPARE(requests.at(1).status, 200);
    }

    void retriesAreBounded()
    {
        FaultRule rule = ShopPods::fault(FaultRule::Kind::Status);
        rule.status = 503;
        rule.retryAfterSeconds = 0;
        m_sim.cluster().faults().add(rule);
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        client.setRetryPolicy(2, 32);
        const KubeResponse response = client.get(ShopPods::path(QStringLiteral("web-0")));
        QCOMPARE(response.error.kind, NetError::Kind::Server);
        QCOMPARE(response.error.httpStatus, 503);
        QCOMPARE(response.error.reason, QStringLiteral("ServiceUnavailable"));
        QCOMPARE(response.error.retryAfterSeconds, 0);
        QCOMPARE(m_sim.cluster().server().takeRecordedRequests().size(), 3);
    }

    void tooManyRequestsWithoutRetries()
    {
        FaultRule rule = ShopPods::fault(FaultRule::Kind::Status);
        rule.status = 429;
        rule.retryAfterSeconds = 7;
        m_sim.cluster().faults().add(rule);
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        client.setRetryPolicy(0, 32);
        const KubeResponse response = client.get(ShopPods::path());
        QCOMPARE(response.error.kind, NetError::Kind::TooManyRequests);
        QCOMPARE(response.error.retryAfterSeconds, 7);
        QCOMPARE(response.error.reason, QStringLiteral("TooManyRequests"));
    }

    void cancelEndsRetryWait()
    {
        FaultRule rule = ShopPods::fault(FaultRule::Kind::Status);
        rule.status = 429;
        rule.retryAfterSeconds = 30;
        m_sim.cluster().faults().add(rule);
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        CancelToken cancel;
        std::thread canceller([cancel] {
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
            cancel.cancel();
        });
        QElapsedTimer timer;
        timer.start();
        const KubeResponse response = client.get(ShopPods::path(), {}, cancel);
        canceller.join();
        QCOMPARE(response.error.kind, NetError::Kind::Cancelled);
        QVERIFY(timer.elapsed() < 5000);
    }

    void mergePatchAndJsonPatch()
    {
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        const KubeResponse merged
            = client.patch(ShopPods::path(QStringLiteral("web-1")), PatchType::Merge,
                           "{\"metadata\":{\"labels\":{\"team\":\"checkout\"}}}");
        QVERIFY2(merged.isOk(), qPrintable(merged.error.message));
        const auto stored = m_sim.cluster().store().get(SimFixture::pods(), QStringLiteral("shop"),
                                                        QStringLiteral("web-1"));
        QCOMPARE(stored->value(QStringLiteral("metadata"))
                     .toObject()
                     .value(QStringLiteral("labels"))
                     .toObject()
                     .value(QStringLiteral("team"))
                     .toString(),
                 QStringLiteral("checkout"));
        const KubeResponse json = client.patch(
            ShopPods::path(QStringLiteral("web-1")), PatchType::Json,
            "[{\"op\":\"replace\",\"path\":\"/metadata/labels/team\",\"value\":\"payments\"}]");
        QVERIFY2(json.isOk(), qPrintable(json.error.message));
        const QList<RecordedRequest> requests = m_sim.cluster().server().takeRecordedRequests();
        QCOMPARE(requests.at(0).contentType, QStringLiteral("application/merge-patch+json"));
        QCOMPARE(requests.at(1).contentType, QStringLiteral("application/json-patch+json"));
        QVERIFY(json.body.contains("\"team\":\"payments\""));
    }

    void selfSubjectAccessReview()
    {
        const QByteArray review
            = "{\"apiVersion\":\"authorization.k8s.io/v1\",\n"
              "            "
              "\"kind\":\"SelfSubjectAccessReview\",\"spec\":{\"resourceAttributes\":{\n"
              "            "
              "\"namespace\":\"shop\",\"verb\":\"patch\",\"group\":\"\",\"resource\":\"pods\"}}}";
        const QString path
            = QStringLiteral("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews");
        KubeClient admin(m_sim.connection(QStringLiteral("sim")));
        KubeResponse response = admin.post(path, review);
        QVERIFY2(response.isOk(), qPrintable(response.error.message));
        QCOMPARE(response.status, 201);
        QCOMPARE(QJsonDocument::fromJson(response.body)
                     .object()
                     .value(QStringLiteral("status"))
                     .toObject()
                     .value(QStringLiteral("allowed"))
                     .toBool(),
                 true);
        KubeClient viewer(m_sim.connection(QStringLiteral("sim-viewer")));
        response = viewer.post(path, review);
        QVERIFY2(response.isOk(), qPrintable(response.error.message));
        QCOMPARE(QJsonDocument::fromJson(response.body)
                     .object()
                     .value(QStringLiteral("status"))
                     .toObject()
                     .value(QStringLiteral("allowed"))
                     .toBool(),
                 false);
    }

    void responseSizeCap()
    {
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        HttpLimits limits;
        limits.maxResponseBytes = 1024;
        client.setLimits(limits);
        const KubeListResult result = client.list(ShopPods::path());
        QCOMPARE(result.error.kind, NetError::Kind::TooLarge);
        QCOMPARE(result.error.message,
                 QStringLiteral("The response is larger than the limit of 1024 bytes"));
    }

    void totalTimeout()
    {
        FaultRule rule = ShopPods::fault(FaultRule::Kind::Delay);
        rule.delayMs = 1500;
        rule.remaining = 1;
        m_sim.cluster().faults().add(rule);
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        HttpLimits limits;
        limits.totalTimeoutMs = 300;
        client.setLimits(limits);
        const KubeResponse response = client.get(ShopPods::path());
        QCOMPARE(response.error.kind, NetError::Kind::Timeout);
        QVERIFY(response.error.message.startsWith(
            QStringLiteral("The server did not answer in time: ")));
    }

    void droppedConnection()
    {
        FaultRule rule = ShopPods::fault(FaultRule::Kind::Drop);
        rule.remaining = 1;
        m_sim.cluster().faults().add(rule);
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        const KubeResponse response = client.get(ShopPods::path());
        QCOMPARE(response.error.kind, NetError::Kind::Network);
        QVERIFY(response.error.curlCode != 0);
        QVERIFY(client.get(ShopPods::path()).isOk()); // the next request reconnects
    }

    void connectionRefused()
    {
        ClusterConnection c = m_sim.connection(QStringLiteral("sim"));
        c.server = QStringLiteral("https://127.0.0.1:1");
        KubeClient client(c);
        const KubeResponse response = client.get(ShopPods::path());
        QCOMPARE(response.error.kind, NetError::Kind::Network);
        QCOMPARE(response.error.curlCode, 7); // CURLE_COULDNT_CONNECT
    }

    void cleanupTestCase() { m_sim.simulator().stop(); }
};

QTEST_GUILESS_MAIN(TestKubeClient)
#include "tst_kubeclient.moc"
