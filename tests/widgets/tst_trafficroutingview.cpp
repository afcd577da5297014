// SPDX-License-Identifier: GPL-3.0-or-later
// The rollout detail's Traffic tab: a ping-pong canary behind an ALB shows its router, the
// weights the controller set and which ReplicaSet is ping and which pong, and the ReplicaSet
// rows carry the same tags; a layout saved before the tab still opens the page it chose.
#include "jsondecoder.h"
#include "replicasetmodel.h"
#include "replicasetstatus.h"
#include "rolloutdetailtabs.h"
#include "rolloutdetailview.h"
#include "trafficroutingview.h"

#include "../domain/testdata.h"
#include "../support/modelrows.h"

#include <QDataStream>
#include <QSplitter>
#include <QTabWidget>
#include <QTest>

class TestTrafficRoutingView : public QObject
{
    Q_OBJECT

private:
    static RolloutDetail inventoryDetail()
    {
        RolloutDetail detail;
        detail.environment = QStringLiteral("prod");
        for (const Rollout &r : decodeList<Rollout>(domainTestData(QStringLiteral(
                                                        "traffic/rollouts-trafficrouting.json")))
                                    .items) {
            if (r.metadata.name == QLatin1String("inventory"))
                detail.rollout = r;
        }
        detail.replicaSets = ownedReplicaSets(
            decodeList<ReplicaSet>(
                domainTestData(QStringLiteral("traffic/replicasets-pingpong.json")))
                .items,
            detail.rollout.metadata.uid);
        return detail;
    }

private slots:
    void trafficTabShowsRoutingAndPingPong()
    {
        RolloutDetailView view;
        const RolloutDetail detail = inventoryDetail();
        QVERIFY(detail.isValid());
        QCOMPARE(detail.replicaSets.size(), 2);
        view.setDetail(detail);
        auto *tabs = view.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
        auto *traffic = view.findChild<TrafficRoutingView *>(QStringLiteral("trafficView"));
        QVERIFY(tabs && traffic);
        QCOMPARE(tabs->indexOf(traffic), int(RolloutDetailTabs::TrafficTab));
        QCOMPARE(tabs->tabText(RolloutDetailTabs::TrafficTab), QStringLiteral("Traffic"));
        const QStringList values = columnTexts(traffic, TrafficRoutingModel::Value);
        QCOMPARE(values.value(0),
                 QStringLiteral("AWS ALB Ingress inventory-ingress, service port 80"));
        QCOMPARE(values.value(1),
                 QStringLiteral("Canary 20 % to inventory-pong (7f9c6d5b8), stable 80 % to "
                                "inventory-ping (5d4b8c7f6)"));
        QVERIFY(values.contains(QStringLiteral(
            "ReplicaSet inventory-5d4b8c7f6 (stable): ping, service inventory-ping")));
        // The ReplicaSets tab tags the same ReplicaSets, as the plugin's tree does.
        auto *replicaSets = view.findChild<QTreeView *>(QStringLiteral("replicaSetTree"));
        QVERIFY(replicaSets);
        const QStringList roles = columnTexts(replicaSets, ReplicaSetModel::Role);
        QVERIFY2(roles.contains(QStringLiteral("canary, pong")), qPrintable(roles.join('|')));
        QVERIFY2(roles.contains(QStringLiteral("stable, ping")), qPrintable(roles.join('|')));
    }

    void updatesKeepTheRowsInPlace()
    {
        RolloutDetailView view;
        RolloutDetail detail = inventoryDetail();
        view.setDetail(detail);
        auto *traffic = view.findChild<TrafficRoutingView *>(QStringLiteral("trafficView"));
        traffic->setCurrentIndex(traffic->model()->index(1, 0));
        ModelSignalLog log(traffic->trafficModel());
        detail.rollout.status.canaryWeights->canary.weight = 50;
        detail.rollout.status.canaryWeights->stable.weight = 50;
        detail.rollout.status.currentStepIndex = 2;
        view.setDetail(detail);
        QCOMPARE(log.take(), QStringList({QStringLiteral("change 1-1 in top")}));
        QCOMPARE(traffic->currentIndex().row(), 1);
    }

    void layoutOfBeforeTheTrafficTab()
    {
        // A layout saved before the traffic tab chose the metrics page as tab 5: still it.
        RolloutDetailView view;
        auto *page = new QWidget;
        view.addPage(page, QStringLiteral("Metrics"));
        auto *tabs = view.findChild<QTabWidget *>(QStringLiteral("detailTabs"));
        QByteArray old;
        QDataStream out(&old, QIODevice::WriteOnly);
        out << quint8(3) << view.findChild<QSplitter *>()->saveState() << qint32(5);
        view.restoreLayout(old);
        QCOMPARE(tabs->currentWidget(), page);
        tabs->setCurrentIndex(RolloutDetailTabs::TrafficTab);
        const QByteArray saved = view.saveLayout();
        tabs->setCurrentIndex(0);
        view.restoreLayout(saved);
        QCOMPARE(tabs->currentIndex(), int(RolloutDetailTabs::TrafficTab));
    }
};

QTEST_MAIN(TestTrafficRoutingView)
#include "tst_trafficroutingview.moc"
