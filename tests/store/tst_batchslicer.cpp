// SPDX-License-Identifier: GPL-3.0-or-later
// Large batches cut into slices: sizes, order by kind, deletes first, and a reset turned
// into the deletes of what the environment holds beyond the batch.
#include "batchslicer.h"
#include "fleetstore.h"

#include "../models/workloadbuilders.h"

#include <QTest>

namespace {
QStringList shape(const QList<BatchSlicer::Slice> &slices, const EnvironmentStore *store = nullptr)
{
    QStringList lines;
    for (const BatchSlicer::Slice &slice : slices) {
        const WorkloadDeltaBatch b = slice.take(store);
        const int upserts = int(b.upserts<Rollout>().size() + b.upserts<Deployment>().size()
                                + b.upserts<ReplicaSet>().size() + b.upserts<Pod>().size());
        lines.append(QStringLiteral("R%1 D%2 S%3 P%4 -%5%6")
                         .arg(b.upserts<Rollout>().size())
                         .arg(b.upserts<Deployment>().size())
                         .arg(b.upserts<ReplicaSet>().size())
                         .arg(b.upserts<Pod>().size())
                         .arg(b.changeCount() - upserts)
                         .arg(b.detailStatus.isEmpty() ? QString() : QStringLiteral(" status")));
        if (b.reset)
            lines.append(QStringLiteral("a slice is a reset"));
    }
    return lines;
}

WorkloadDeltaBatch fleet(int rollouts, int podsEach)
{
    WorkloadDeltaBatch batch;
    for (int r = 0; r < rollouts; ++r) {
        const Rollout rollout = Build::canary("shop", QStringLiteral("r%1").arg(r), "Healthy");
        batch.upserts<Rollout>().append(rollout);
        const ReplicaSet rs = Build::replicaSet(rollout, "stable1", 1, podsEach, "img:1");
        batch.upserts<ReplicaSet>().append(rs);
        for (int p = 0; p < podsEach; ++p)
            batch.upserts<Pod>().append(Build::pod(rs, QString::number(p)));
    }
    return batch;
}
} // namespace

class TestBatchSlicer : public QObject
{
    Q_OBJECT

private slots:
    void smallBatchIsOneSlice()
    {
        WorkloadDeltaBatch batch = fleet(1, 2);
        batch.deletes<Pod>() = {QStringLiteral("shop/old")};
        QCOMPARE(shape(BatchSlicer::slice(batch, 10)), QStringList {"R1 D0 S1 P2 -1"});
        // Nothing but deletes: still one slice.
        WorkloadDeltaBatch deletes;
        deletes.deletes<Rollout>() = {QStringLiteral("shop/gone")};
        QCOMPARE(shape(BatchSlicer::slice(deletes, 10)), QStringList {"R0 D0 S0 P0 -1"});
    }

    void upsertsBySizeAndKind()
    {
        WorkloadDeltaBatch batch = fleet(3, 3); // 3 Rollouts, 3 ReplicaSets, 9 pods
        batch.deletes<Pod>() = {QStringLiteral("shop/a"), QStringLiteral("shop/b")};
        batch.detailStatus = QList<DetailKindStatus>(DetailKindCount);
        const QList<BatchSlicer::Slice> slices = BatchSlicer::slice(batch, 4);
        // Deletes and the status ride with the first slice; ReplicaSets come before their
        // Rollouts (rows are derived with them), pods after.
        QCOMPARE(shape(slices),
                 QStringList({"R1 D0 S3 P0 -2 status", "R2 D0 S0 P2 -0", "R0 D0 S0 P4 -0",
                              "R0 D0 S0 P3 -0"}));
        // Every upsert once, in the batch's order within its kind.
        QStringList pods;
        for (const BatchSlicer::Slice &slice : slices) {
            const WorkloadDeltaBatch part = slice.take(nullptr);
            for (const Pod &pod : part.upserts<Pod>())
                pods.append(pod.metadata.name);
        }
        QStringList expected;
        for (const Pod &pod : batch.upserts<Pod>())
            expected.append(pod.metadata.name);
        QCOMPARE(pods, expected);
    }

    void resetDeletesWhatItDoesNotList()
    {
        FleetStore stores;
        EnvironmentStore &store = stores.environmentFor(QStringLiteral("prod"));
        WorkloadDeltaBatch before = ::fleet(2, 2);
        before.upserts<Deployment>() = {Build::deployment("shop", "redis", 1, 1, 1)};
        store.apply(before, QDateTime::currentDateTimeUtc());

        // The new state: r0 with one pod of two; r1 and redis gone.
        WorkloadDeltaBatch reset = ::fleet(1, 1);
        reset.reset = true;
        const QList<BatchSlicer::Slice> slices = BatchSlicer::slice(reset, 1);
        // Nothing held: nothing to delete.
        QCOMPARE(shape(slices),
                 QStringList({"R0 D0 S1 P0 -0", "R1 D0 S0 P0 -0", "R0 D0 S0 P1 -0"}));
        const WorkloadDeltaBatch first = slices.at(0).take(&store);
        QVERIFY(!first.reset);
        QCOMPARE(first.deletes<Rollout>(), QStringList {"shop/r1"});
        QCOMPARE(first.deletes<Deployment>(), QStringList {"shop/redis"});
        QCOMPARE(first.deletes<ReplicaSet>(), QStringList {"shop/r1-stable1"});
        QStringList pods = first.deletes<Pod>();
        pods.sort();
        QCOMPARE(pods,
                 QStringList({"shop/r0-stable1-1", "shop/r1-stable1-0", "shop/r1-stable1-1"}));
        // Only the first slice deletes.
        QCOMPARE(slices.at(1).take(&store).changeCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestBatchSlicer)
#include "tst_batchslicer.moc"
