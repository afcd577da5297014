// SPDX-License-Identifier: GPL-3.0-or-later
// TrafficRoutingModel over realistic rollouts (tests/data/domain/traffic): a row per router,
// the weights, a desired weight in amber once it differs, the ping and pong ReplicaSets;
// updates in place announce only what changed. QAbstractItemModelTester watches throughout.
#include "jsondecoder.h"
#include "trafficroutingmodel.h"

#include "../domain/testdata.h"
#include "../support/modelrows.h"

#include <QAbstractItemModelTester>
#include <QTest>

class TestTrafficRoutingModel : public QObject
{
    Q_OBJECT

private:
    QHash<QString, Rollout> m_rollouts;
    QList<ReplicaSet> m_sets;

    QStringList rows(const TrafficRoutingModel &model) const
    {
        QStringList out;
        for (int row = 0; row < model.rowCount(); ++row)
            out.append(model.index(row, TrafficRoutingModel::Item).data().toString()
                       + QStringLiteral(": ")
                       + model.index(row, TrafficRoutingModel::Value).data().toString());
        return out;
    }

private slots:
    void initTestCase()
    {
        const auto list = decodeList<Rollout>(
            domainTestData(QStringLiteral("traffic/rollouts-trafficrouting.json")));
        for (const Rollout &r : list.items)
            m_rollouts.insert(r.metadata.name, r);
        QVERIFY(m_rollouts.contains(QStringLiteral("checkout")));
        m_sets = decodeList<ReplicaSet>(
                     domainTestData(QStringLiteral("traffic/replicasets-pingpong.json")))
                     .items;
        QCOMPARE(m_sets.size(), 2);
    }

    void showsRoutersAndWeightsInPlace()
    {
        TrafficRoutingModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ModelSignalLog log(&model);
        Rollout checkout = m_rollouts.value(QStringLiteral("checkout"));
        model.setRollout(checkout, {}, DetailUpdate::Reset);
        QCOMPARE(rows(model),
                 QStringList({QStringLiteral("Router: Istio VirtualService checkout-vs (route "
                                             "primary), DestinationRule checkout-dr subsets "
                                             "stable/canary"),
                              QStringLiteral("Weights: Canary 20 % to checkout-canary "
                                             "(7f9c6d5b8), stable 80 % to checkout-stable "
                                             "(5d4b8c7f6)")}));
        log.take();
        // The same value again: nothing announced.
        model.setRollout(checkout, {});
        QCOMPARE(log.take(), QStringList());
        // The next step asks for 50 % while the router still has 20 %: one amber row more.
        checkout.status.currentStepIndex = 2;
        model.setRollout(checkout, {});
        QCOMPARE(log.take(), QStringList({QStringLiteral("insert 2-2 in top")}));
        const QModelIndex desired = model.index(2, TrafficRoutingModel::Value);
        QCOMPARE(desired.data().toString(),
                 QStringLiteral("The controller last set 20 %; the current step asks for 50 %"));
        QCOMPARE(desired.data(DetailRoles::ToneRole).toInt(), int(DetailRoles::Tone::Warning));
        // The controller catches up: the weights row changes, the amber row goes.
        checkout.status.canaryWeights->canary.weight = 50;
        checkout.status.canaryWeights->stable.weight = 50;
        model.setRollout(checkout, {});
        const QStringList signalsSent = log.take();
        QVERIFY(signalsSent.contains(QStringLiteral("remove 2-2 in top")));
        QVERIFY(signalsSent.contains(QStringLiteral("change 1-1 in top")));
        QCOMPARE(model.rowCount(), 2);
    }

    void pingPongRowsAndNoRouting()
    {
        TrafficRoutingModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setRollout(m_rollouts.value(QStringLiteral("inventory")), m_sets,
                         DetailUpdate::Reset);
        const QStringList shown = rows(model);
        QVERIFY(shown.contains(QStringLiteral(
            "Ping-pong: ReplicaSet inventory-5d4b8c7f6 (stable): ping, service inventory-ping")));
        QVERIFY(shown.contains(QStringLiteral(
            "Ping-pong: ReplicaSet inventory-7f9c6d5b8 (canary): pong, service inventory-pong")));
        Rollout plain = m_rollouts.value(QStringLiteral("checkout"));
        plain.spec.canary->hasTrafficRouting = false;
        model.setRollout(plain, {}, DetailUpdate::Reset);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(rows(model).constFirst().startsWith(QStringLiteral("Routing: No traffic routing")));
    }
};

QTEST_MAIN(TestTrafficRoutingModel)
#include "tst_trafficroutingmodel.moc"
