// SPDX-License-Identifier: GPL-3.0-or-later
// The registry of watched kinds (domain/fleet/workloadkinds.h): what the batch, the
// accumulator, the slicer and the informers are generated from must be consistent, or a new
// kind would be half registered.

#include "fleetdelta.h"

#include <QSet>

class TestWorkloadKinds : public QObject
{
    Q_OBJECT

private:
    template<typename T> static QString nameOf()
    {
        return QLatin1String(WorkloadKindTraits<T>::resource.plural);
    }

private slots:
    void everyEnumValueIsRegisteredOnce()
    {
        QList<int> values;
        WatchedKinds::forEach([&](auto kind) {
            values.append(int(WorkloadKindTraits<typename decltype(kind)::type>::kind));
        });
        QCOMPARE(values.size(), WatchedKinds::size);
        QCOMPARE(QSet<int>(values.cbegin(), values.cend()).size(), values.size());
        // visit() finds each value's kind, and only that one.
        for (int value = 0; value <= int(WorkloadKind::Event); ++value) {
            QStringList visited;
            WatchedKinds::visit(WorkloadKind(value), [&](auto kind) {
                visited.append(nameOf<typename decltype(kind)::type>());
            });
            QCOMPARE(visited.size(), 1);
        }
        QStringList visited;
        WatchedKinds::visit(WorkloadKind::AnalysisRun, [&](auto kind) {
            visited.append(nameOf<typename decltype(kind)::type>());
        });
        QCOMPARE(visited, QStringList {QStringLiteral("analysisruns")});
    }

    void detailKindsCoverDetailKindOnce()
    {
        QList<int> details;
        QStringList primary;
        WatchedKinds::forEach([&](auto kind) {
            using Traits = WorkloadKindTraits<typename decltype(kind)::type>;
            if constexpr (Traits::isDetail)
                details.append(int(Traits::detail));
            else
                primary.append(QLatin1String(Traits::resource.plural));
        });
        std::sort(details.begin(), details.end());
        QCOMPARE(details,
                 QList<int>({int(DetailKind::Pods), int(DetailKind::AnalysisRuns),
                             int(DetailKind::Events), int(DetailKind::Experiments),
                             int(DetailKind::Jobs), int(DetailKind::FlaggerCanaries)}));
        QCOMPARE(details.size(), DetailKindCount);
        QCOMPARE(primary, QStringList({"replicasets", "rollouts", "deployments"}));
    }

    void batchHasOneSlotPerKind()
    {
        WorkloadDeltaBatch batch;
        QVERIFY(batch.isEmpty());
        batch.upserts<Pod>().append(Pod {});
        batch.deletes<Rollout>().append(QStringLiteral("shop/web"));
        batch.deletes<Event>().append(QStringLiteral("shop/web.1"));
        QCOMPARE(batch.changeCount(), 3);
        QVERIFY(!batch.isEmpty());
        QCOMPARE(batch.upserts<Pod>().size(), 1);
        QVERIFY(batch.upserts<Rollout>().isEmpty());
        QCOMPARE(std::tuple_size_v<decltype(batch.kinds)>, std::size_t(WatchedKinds::size));
    }

    void kindNamesAreTheApis()
    {
        // Events are kept when their involved object is of a watched kind.
        for (const char *kind :
             {"Rollout", "ReplicaSet", "Deployment", "Pod", "AnalysisRun", "Canary"})
            QVERIFY2(isWatchedKindName(QString::fromLatin1(kind)), kind);
        for (const char *kind : {"Service", "Node", "rollout", "Rollouts", ""})
            QVERIFY2(!isWatchedKindName(QString::fromLatin1(kind)), kind);
    }

    void replicaSetsComeBeforeTheWorkloads()
    {
        // BatchSlicer applies kinds in this order; a Rollout's row needs its ReplicaSets.
        QStringList order;
        WatchedKinds::forEach(
            [&](auto kind) { order.append(nameOf<typename decltype(kind)::type>()); });
        QVERIFY(order.indexOf(QStringLiteral("replicasets"))
                < order.indexOf(QStringLiteral("rollouts")));
        QVERIFY(order.indexOf(QStringLiteral("replicasets"))
                < order.indexOf(QStringLiteral("deployments")));
        // A Flagger canary's row shows the images of the Deployments it manages.
        QVERIFY(order.indexOf(QStringLiteral("deployments"))
                < order.indexOf(QStringLiteral("canaries")));
    }
};

QTEST_GUILESS_MAIN(TestWorkloadKinds)
#include "tst_workloadkinds.moc"
