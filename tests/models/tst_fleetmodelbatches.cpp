// SPDX-License-Identifier: GPL-3.0-or-later
// How a batch reaches FleetModel's rows: a small reset is a diff (rows removed, inserted,
// unchanged ones untouched), a reset that would remove many rows resets the model, and a
// large batch is applied in slices, one per event-loop turn: the end state is the batch's,
// later batches wait their turn, a reset in slices never takes away what it keeps, and a
// dropped environment's slices do not bring it back.
#include "fleetmodel.h"
#include "workloadbuilders.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

namespace {
const QString Prod = QStringLiteral("prod");

WorkloadDeltaBatch fleet(int rollouts, int podsEach, const QString &rv = QStringLiteral("1"))
{
    WorkloadDeltaBatch batch;
    for (int r = 0; r < rollouts; ++r) {
        Rollout rollout = Build::canary("shop", QStringLiteral("r%1").arg(r), "Healthy");
        rollout.metadata.resourceVersion = rv;
        batch.upserts<Rollout>().append(rollout);
        const ReplicaSet rs = Build::replicaSet(rollout, "stable1", 1, podsEach, "img:1");
        batch.upserts<ReplicaSet>().append(rs);
        for (int p = 0; p < podsEach; ++p)
            batch.upserts<Pod>().append(Build::pod(rs, QString::number(p), rv));
    }
    return batch;
}

EnvironmentSpec environment(const QString &name)
{
    EnvironmentSpec spec;
    spec.name = name;
    return spec;
}

int podsOf(const FleetModel &model, const QString &rolloutName)
{
    const QModelIndex row = model.indexOf(Prod, FleetRow::Kind::Rollout, "shop", rolloutName);
    if (!row.isValid())
        return -1;
    const RolloutDetail detail
        = model.store().rolloutDetail(Prod, row.data(FleetModel::UidRole).toString());
    int pods = 0;
    for (const QList<Pod> &list : detail.podsByReplicaSetUid)
        pods += int(list.size());
    return pods;
}
} // namespace

class TestFleetModelBatches : public QObject
{
    Q_OBJECT

private slots:
    void smallResetIsADiff()
    {
        FleetModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEnvironments({environment(Prod), environment(QStringLiteral("staging"))});
        model.applyBatch(Prod, Build::sampleFleet());
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        WorkloadDeltaBatch batch = Build::upsert(
            {Build::canary(QStringLiteral("shop"), QStringLiteral("api"), QStringLiteral("Paused"),
                           QStringLiteral("CanaryPauseStep")),
             Build::canary(QStringLiteral("shop"), QStringLiteral("cart"),
                           QStringLiteral("Healthy"))});
        batch.reset = true;
        model.applyBatch(Prod, batch);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 1); // web and redis are rows 1 and 2: one range
        QCOMPARE(removed.at(0).at(1).toInt(), 1);
        QCOMPARE(removed.at(0).at(2).toInt(), 2);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(changed.size(), 0); // api did not change
        QStringList names;
        for (int row = 0; row < model.rowCount(); ++row)
            names.append(model.index(row, FleetModel::NameColumn).data().toString());
        QCOMPARE(names, QStringList({QStringLiteral("api"), QStringLiteral("cart")}));
    }

    void largeResetResetsTheModel()
    {
        FleetModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEnvironments({environment(Prod), environment(QStringLiteral("staging"))});
        model.setResetThreshold(2);
        model.applyBatch(Prod, Build::sampleFleet());
        model.applyBatch(QStringLiteral("staging"),
                         Build::upsert({Build::canary(QStringLiteral("x"), QStringLiteral("y"),
                                                      QStringLiteral("Healthy"))}));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        WorkloadDeltaBatch batch = Build::upsert({Build::canary(
            QStringLiteral("shop"), QStringLiteral("cart"), QStringLiteral("Healthy"))});
        batch.reset = true;
        model.applyBatch(Prod, batch);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, FleetModel::NameColumn).data().toString(), QStringLiteral("y"));
        QCOMPARE(model.index(1, FleetModel::NameColumn).data().toString(), QStringLiteral("cart"));
        QCOMPARE(model
                     .indexOf(Prod, FleetRow::Kind::Rollout, QStringLiteral("shop"),
                              QStringLiteral("cart"))
                     .row(),
                 1);
        QCOMPARE(model.workloadCount(Prod), 1);
    }

    void largeBatchArrivesInSlices()
    {
        FleetModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEnvironments({environment(Prod)});
        model.setSliceObjects(10);
        WorkloadDeltaBatch batch = fleet(5, 4); // 5 + 5 + 20 objects: four slices
        batch.reset = true;
        batch.detailStatus = QList<DetailKindStatus>(DetailKindCount);
        model.applyBatch(Prod, batch);
        // The first slice at once (the ReplicaSets and Rollouts), the rest on later turns.
        QCOMPARE(model.rowCount(), 5);
        QVERIFY(model.hasPendingSlices());
        QCOMPARE(podsOf(model, "r4"), 0);
        // A small batch received meanwhile waits for them.
        WorkloadDeltaBatch later;
        later.deletes<Rollout>() = {QStringLiteral("shop/r0")};
        model.applyBatch(Prod, later);
        QCOMPARE(model.rowCount(), 5);
        QTRY_VERIFY(!model.hasPendingSlices());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(podsOf(model, "r4"), 4);
        QCOMPARE(model.workloadCount(Prod), 4);
    }

    void slicedResetKeepsWhatItLists()
    {
        FleetModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setEnvironments({environment(Prod)});
        model.applyBatch(Prod, fleet(3, 4)); // small enough: applied whole
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(podsOf(model, "r1"), 4);

        // A restart's reset: r0 and r1 stay (newer versions, r1 with two pods), r2 is gone.
        model.setSliceObjects(2);
        WorkloadDeltaBatch reset = fleet(2, 2, QStringLiteral("2"));
        reset.reset = true;
        reset.detailStatus = QList<DetailKindStatus>(DetailKindCount);
        // Between slices the kept rollout's kept pods never vanish from its detail.
        int fewest = 4;
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        connect(&model, &FleetModel::rolloutDetailsChanged, this,
                [&] { fewest = std::min(fewest, podsOf(model, "r1")); });
        model.applyBatch(Prod, reset);
        QTRY_VERIFY(!model.hasPendingSlices());
        QCOMPARE(fewest, 2);
        QCOMPARE(podsOf(model, "r1"), 2);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(removed.size(), 1); // r2's row, and no other
        QCOMPARE(model.rolloutAt(0)->metadata.resourceVersion, QStringLiteral("2"));
        QCOMPARE(model.store().environment(Prod)->objects().podCount(), 4);
    }

    void droppedEnvironmentStaysDropped()
    {
        FleetModel model;
        model.setEnvironments({environment(Prod), environment("dev")});
        model.setSliceObjects(5);
        model.applyBatch(Prod, fleet(4, 4));
        QVERIFY(model.hasPendingSlices());
        QVERIFY(model.hasPendingSlices(Prod));
        QVERIFY(!model.hasPendingSlices(QStringLiteral("dev")));
        model.setEnvironments({environment("dev")});
        QVERIFY(!model.hasPendingSlices());
        QTest::qWait(20);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.store().environment(Prod));
    }
};

QTEST_MAIN(TestFleetModelBatches)
#include "tst_fleetmodelbatches.moc"
