// SPDX-License-Identifier: GPL-3.0-or-later
// KubeClient requests against the in-process simulator: typed errors, Retry-After, paged
// lists with the 410 fallback, patches, reviews, timeouts and the response size cap.
#include "kubeclient.h"
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

    static QString podsPath(const QString &name = QString())
    {
        return KubePath::resource(QString(), QStringLiteral("v1"), QStringLiteral("pods"),
                                  QStringLiteral("shop"), name);
    }
    static QStringList itemNames(const QByteArray &page)
    {
        QStringList names;
        const QJsonArray items
            = QJsonDocument::fromJson(page).object().value(QStringLiteral("items")).toArray();
        for (const QJsonValue &item : items)
            names << item.toObject()
                         .value(QStringLiteral("metadata"))
                         .toObject()
                         .value(QStringLiteral("name"))
                         .toString();
        return names;
    }
    FaultRule podsFault(FaultRule::Kind kind) const
    {
        FaultRule rule;
        rule.kind = kind;
        rule.path = QRegularExpression(QStringLiteral("^/api/v1/namespaces/shop/pods"));
        return rule;
    }

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
        const KubeResponse missing = viewer.get(podsPath(QStringLiteral("nope")));
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
        FaultRule rule = podsFault(FaultRule::Kind::Status);
        rule.status = 429;
        rule.retryAfterSeconds = 1;
        rule.remaining = 1;
        m_sim.cluster().faults().add(rule);
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        QElapsedTimer timer;
        timer.start();
        const KubeResponse response = client.get(podsPath(QStringLiteral("web-0")));
        QVERIFY2(response.isOk(), qPrintable(response.error.message));
        QVERIFY(timer.elapsed() >= 1000);
        const QList<RecordedRequest> requests = m_sim.cluster().server().takeRecordedRequests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(0).status, 429);
        QCOMPARE(requests.at(1).status, 200);
    }

    void retriesAreBounded()
    {
        FaultRule rule = podsFault(FaultRule::Kind::Status);
        rule.status = 503;
        rule.retryAfterSeconds = 0;
        m_sim.cluster().faults().add(rule);
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        client.setRetryPolicy(2, 32);
        const KubeResponse response = client.get(podsPath(QStringLiteral("web-0")));
        QCOMPARE(response.error.kind, NetError::Kind::Server);
        QCOMPARE(response.error.httpStatus, 503);
        QCOMPARE(response.error.reason, QStringLiteral("ServiceUnavailable"));
        QCOMPARE(response.error.retryAfterSeconds, 0);
        QCOMPARE(m_sim.cluster().server().takeRecordedRequests().size(), 3);
    }

    void tooManyRequestsWithoutRetries()
    {
        FaultRule rule = podsFault(FaultRule::Kind::Status);
        rule.status = 429;
        rule.retryAfterSeconds = 7;
        m_sim.cluster().faults().add(rule);
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        client.setRetryPolicy(0, 32);
        const KubeResponse response = client.get(podsPath());
        QCOMPARE(response.error.kind, NetError::Kind::TooManyRequests);
        QCOMPARE(response.error.retryAfterSeconds, 7);
        QCOMPARE(response.error.reason, QStringLiteral("TooManyRequests"));
    }

    void cancelEndsRetryWait()
    {
        FaultRule rule = podsFault(FaultRule::Kind::Status);
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
        const KubeResponse response = client.get(podsPath(), {}, cancel);
        canceller.join();
        QCOMPARE(response.error.kind, NetError::Kind::Cancelled);
        QVERIFY(timer.elapsed() < 5000);
    }

    void pagedList()
    {
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        KubeListOptions options;
        options.limit = 3;
        const KubeListResult result = client.list(podsPath(), options);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.pages.size(), 3);
        QCOMPARE(itemNames(result.pages.at(0)),
                 (QStringList {QStringLiteral("web-0"), QStringLiteral("web-1"),
                               QStringLiteral("web-2")}));
        QCOMPARE(itemNames(result.pages.at(2)), QStringList {QStringLiteral("web-6")});
        QCOMPARE(result.resourceVersion,
                 QString::number(m_sim.cluster().store().resourceVersion()));
        QVERIFY(!result.fullListFallback);
        const QList<RecordedRequest> requests = m_sim.cluster().server().takeRecordedRequests();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(0).query, QStringLiteral("limit=3"));
        const QUrlQuery second(requests.at(1).query);
        QCOMPARE(second.queryItemValue(QStringLiteral("limit")), QStringLiteral("3"));
        QVERIFY(!second.queryItemValue(QStringLiteral("continue")).isEmpty());
        QVERIFY(!second.hasQueryItem(QStringLiteral("resourceVersion")));
    }

    void defaultPageSizeAndSelectors()
    {
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        KubeListOptions options;
        options.resourceVersion = QStringLiteral("0");
        options.labelSelector = QStringLiteral("app notin (db)");
        const KubeListResult result = client.list(podsPath(), options);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.pages.size(), 1);
        QCOMPARE(itemNames(result.pages.first()).size(), 7);
        const QUrlQuery query(m_sim.cluster().server().takeRecordedRequests().at(0).query);
        QCOMPARE(query.queryItemValue(QStringLiteral("limit")), QStringLiteral("500"));
        QCOMPARE(query.queryItemValue(QStringLiteral("resourceVersion")), QStringLiteral("0"));
        QCOMPARE(query.queryItemValue(QStringLiteral("labelSelector"), QUrl::FullyDecoded),
                 QStringLiteral("app notin (db)"));
    }

    void pagedTableList()
    {
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        KubeListOptions options;
        options.limit = 4;
        options.accept = KubeClient::tableAccept();
        const KubeListResult result = client.list(podsPath(), options);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.pages.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(result.pages.first()).object();
        QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("Table"));
        QCOMPARE(first.value(QStringLiteral("rows")).toArray().size(), 4);
        const QList<RecordedRequest> requests = m_sim.cluster().server().takeRecordedRequests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(1).accept, QString::fromLatin1(KubeClient::tableAccept()));
    }

    void expiredContinueFallsBackToFullList()
    {
        FaultRule rule = podsFault(FaultRule::Kind::Expire);
        rule.listOnly = true;
        rule.everyNth = 2; // the first page passes, the continue request expires
        rule.remaining = 1;
        m_sim.cluster().faults().add(rule);
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        KubeListOptions options;
        options.limit = 3;
        const KubeListResult result = client.list(podsPath(), options);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QVERIFY(result.fullListFallback);
        QCOMPARE(result.pages.size(), 1);
        QCOMPARE(itemNames(result.pages.first()).size(), 7);
        const QList<RecordedRequest> requests = m_sim.cluster().server().takeRecordedRequests();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(1).status, 410);
        QCOMPARE(requests.at(2).query, QString()); // no limit, no continue
    }

    void expiredFirstPageIsAnError()
    {
        FaultRule rule = podsFault(FaultRule::Kind::Status);
        rule.status = 410;
        rule.remaining = 1;
        m_sim.cluster().faults().add(rule);
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        const KubeListResult result = client.list(podsPath());
        QCOMPARE(result.error.kind, NetError::Kind::Gone);
        QVERIFY(result.pages.isEmpty());
    }

    void mergePatchAndJsonPatch()
    {
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        const KubeResponse merged
            = client.patch(podsPath(QStringLiteral("web-1")), PatchType::Merge,
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
            podsPath(QStringLiteral("web-1")), PatchType::Json,
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
        const KubeListResult result = client.list(podsPath());
        QCOMPARE(result.error.kind, NetError::Kind::TooLarge);
        QCOMPARE(result.error.message,
                 QStringLiteral("The response is larger than the limit of 1024 bytes"));
    }

    void totalTimeout()
    {
        FaultRule rule = podsFault(FaultRule::Kind::Delay);
        rule.delayMs = 1500;
        rule.remaining = 1;
        m_sim.cluster().faults().add(rule);
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        HttpLimits limits;
        limits.totalTimeoutMs = 300;
        client.setLimits(limits);
        const KubeResponse response = client.get(podsPath());
        QCOMPARE(response.error.kind, NetError::Kind::Timeout);
        QVERIFY(response.error.message.startsWith(
            QStringLiteral("The server did not answer in time: ")));
    }

    void droppedConnection()
    {
        FaultRule rule = podsFault(FaultRule::Kind::Drop);
        rule.remaining = 1;
        m_sim.cluster().faults().add(rule);
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        const KubeResponse response = client.get(podsPath());
        QCOMPARE(response.error.kind, NetError::Kind::Network);
        QVERIFY(response.error.curlCode != 0);
        QVERIFY(client.get(podsPath()).isOk()); // the next request reconnects
    }

    void connectionRefused()
    {
        ClusterConnection c = m_sim.connection(QStringLiteral("sim"));
        c.server = QStringLiteral("https://127.0.0.1:1");
        KubeClient client(c);
        const KubeResponse response = client.get(podsPath());
        QCOMPARE(response.error.kind, NetError::Kind::Network);
        QCOMPARE(response.error.curlCode, 7); // CURLE_COULDNT_CONNECT
    }

    void cleanupTestCase() { m_sim.simulator().stop(); }
};

QTEST_GUILESS_MAIN(TestKubeClient)
#include "tst_kubeclient.moc"
