// SPDX-License-Identifier: GPL-3.0-or-later
// KubeClient::list against the in-process simulator: client-go's pager (limit/continue),
// selectors, Table pages, the full-list fallback when a continue token expired, and pages
// handed to a sink as they arrive.
#include "kubeclient.h"
#include "shoppods.h"
#include "simfixture.h"

#include <QTest>
#include <QUrlQuery>

class TestKubeList : public QObject
{
    Q_OBJECT

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

    void pagedList()
    {
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        KubeListOptions options;
        options.limit = 3;
        const KubeListResult result = client.list(ShopPods::path(), options);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.pages.size(), 3);
        QCOMPARE(ShopPods::itemNames(result.pages.at(0)),
                 (QStringList {QStringLiteral("web-0"), QStringLiteral("web-1"),
                               QStringLiteral("web-2")}));
        QCOMPARE(ShopPods::itemNames(result.pages.at(2)), QStringList {QStringLiteral("web-6")});
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
        const KubeListResult result = client.list(ShopPods::path(), options);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.pages.size(), 1);
        QCOMPARE(ShopPods::itemNames(result.pages.first()).size(), 7);
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
        const KubeListResult result = client.list(ShopPods::path(), options);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QCOMPARE(result.pages.size(), 2);
        const QJsonObject first = QJsonDocument::fromJson(result.pages.first()).object();
        QCOMPARE(first.value(QStringLiteral("kind")).toString(), QStringLiteral("Table"));
        QCOMPARE(first.value(QStringLiteral("rows")).toArray().size(), 4);
        const QList<RecordedRequest> requests = m_sim.cluster().server().takeRecordedRequests();
        QCOMPARE(requests.size(), 2);
        QCOMPARE(requests.at(1).accept, QString::fromLatin1(KubeClient::tableAccept()));
    }

    void pagesGoToTheSinkAsTheyArrive()
    {
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        KubeListOptions options;
        options.limit = 3;
        QList<QStringList> seen;
        QList<int> requestsBeforeEachPage;
        const KubeListResult result = client.list(
            ShopPods::path(), options, CancelToken(), [&](QByteArray &page, bool restart) {
                // Each page arrives before the next one is asked for.
                requestsBeforeEachPage.append(
                    int(m_sim.cluster().server().takeRecordedRequests().size()));
                seen.append(ShopPods::itemNames(page));
                return !restart;
            });
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QVERIFY(result.pages.isEmpty()); // handed over, not kept
        QCOMPARE(seen.size(), 3);
        QCOMPARE(seen.at(2), QStringList {QStringLiteral("web-6")});
        QCOMPARE(requestsBeforeEachPage, (QList<int> {1, 1, 1}));
        QCOMPARE(result.resourceVersion,
                 QString::number(m_sim.cluster().store().resourceVersion()));
    }

    void expiredContinueRestartsTheSink()
    {
        FaultRule rule = ShopPods::fault(FaultRule::Kind::Expire);
        rule.listOnly = true;
        rule.everyNth = 2; // the first page passes, the continue request expires
        rule.remaining = 1;
        m_sim.cluster().faults().add(rule);
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        KubeListOptions options;
        options.limit = 3;
        QList<QPair<int, bool>> pages; // items, restart
        const KubeListResult result = client.list(
            ShopPods::path(), options, CancelToken(), [&](QByteArray &page, bool restart) {
                pages.append({int(ShopPods::itemNames(page).size()), restart});
                return true;
            });
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QVERIFY(result.fullListFallback);
        QCOMPARE(pages, (QList<QPair<int, bool>> {{3, false}, {7, true}}));
        m_sim.cluster().server().takeRecordedRequests();
    }

    void aSinkThatStopsCancelsTheList()
    {
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        KubeListOptions options;
        options.limit = 3;
        int pages = 0;
        const KubeListResult result = client.list(ShopPods::path(), options, CancelToken(),
                                                  [&](QByteArray &, bool) { return ++pages < 2; });
        QCOMPARE(result.error.kind, NetError::Kind::Cancelled);
        QCOMPARE(pages, 2);
        QCOMPARE(m_sim.cluster().server().takeRecordedRequests().size(), 2);
    }

    void expiredContinueFallsBackToFullList()
    {
        FaultRule rule = ShopPods::fault(FaultRule::Kind::Expire);
        rule.listOnly = true;
        rule.everyNth = 2; // the first page passes, the continue request expires
        rule.remaining = 1;
        m_sim.cluster().faults().add(rule);
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        KubeListOptions options;
        options.limit = 3;
        const KubeListResult result = client.list(ShopPods::path(), options);
        QVERIFY2(result.isOk(), qPrintable(result.error.message));
        QVERIFY(result.fullListFallback);
        QCOMPARE(result.pages.size(), 1);
        QCOMPARE(ShopPods::itemNames(result.pages.first()).size(), 7);
        const QList<RecordedRequest> requests = m_sim.cluster().server().takeRecordedRequests();
        QCOMPARE(requests.size(), 3);
        QCOMPARE(requests.at(1).status, 410);
        QCOMPARE(requests.at(2).query, QString()); // no limit, no continue
    }

    void expiredFirstPageIsAnError()
    {
        FaultRule rule = ShopPods::fault(FaultRule::Kind::Status);
        rule.status = 410;
        rule.remaining = 1;
        m_sim.cluster().faults().add(rule);
        KubeClient client(m_sim.connection(QStringLiteral("sim")));
        const KubeListResult result = client.list(ShopPods::path());
        QCOMPARE(result.error.kind, NetError::Kind::Gone);
        QVERIFY(result.pages.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestKubeList)
#include "tst_kubelist.moc"
