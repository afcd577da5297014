// SPDX-License-Identifier: GPL-3.0-or-later
// FleetModel's rollout detail from hand-built batches: what the store's rolloutDetail()
// assembles, which Rollouts rolloutDetailsChanged() names, and that pods, AnalysisRuns and
// Events never add rows. Notices and resets: tst_rolloutdetailnotices.
#include "rolloutdetailfixture.h"

using namespace RolloutDetailTest;

class TestRolloutDetail : public QObject, private RolloutDetailFixture
{
    Q_OBJECT

private slots:
    void init() { setUp(); }
    void cleanup() { tearDown(); }

    void detailIsAssembledFromTheIndexes()
    {
        fill();
        const Pod apiPod = Build::pod(m_apiCanary, QStringLiteral("zz9"));
        const AnalysisRun older
            = Build::analysisRun(m_api, QStringLiteral("api-canary2-2-1"), at(10));
        const AnalysisRun newer
            = Build::analysisRun(m_api, QStringLiteral("api-canary2-2-3"), at(20));
        const AnalysisRun sameTime
            = Build::analysisRun(m_api, QStringLiteral("api-canary2-2-2"), at(20));
        WorkloadDeltaBatch batch;
        batch.upserts<Pod>() = {Build::pod(m_apiStable, QStringLiteral("b2")),
                                Build::pod(m_apiStable, QStringLiteral("a1")), apiPod,
                                Build::pod(m_apiStable, QStringLiteral("c3")),
                                Build::pod(m_cartStable, QStringLiteral("x1"))};
        batch.upserts<AnalysisRun>() = {
            older, newer, sameTime, Build::analysisRun(m_cart, QStringLiteral("cart-1"), at(30))};
        batch.upserts<Event>() = {
            Build::event(QStringLiteral("api.1"), QStringLiteral("Rollout"), m_api.metadata, at(1)),
            Build::event(QStringLiteral("api-canary2.2"), QStringLiteral("ReplicaSet"),
                         m_apiCanary.metadata, at(5)),
            Build::event(QStringLiteral("pod.3"), QStringLiteral("Pod"), apiPod.metadata, at(3)),
            Build::event(QStringLiteral("run.4"), QStringLiteral("AnalysisRun"), older.metadata,
                         at(4)),
            Build::event(QStringLiteral("cart.5"), QStringLiteral("Rollout"), m_cart.metadata,
                         at(9)),
            Build::event(QStringLiteral("redis.6"), QStringLiteral("Deployment"), m_redis.metadata,
                         at(9))};
        m_model->applyBatch(Prod, batch);

        const RolloutDetail detail = m_model->store().rolloutDetail(Prod, m_api.metadata.uid);
        QVERIFY(detail.isValid());
        QCOMPARE(detail.environment, Prod);
        QCOMPARE(detail.rollout, m_api);
        QCOMPARE(names(detail.replicaSets),
                 QStringList({QStringLiteral("api-canary2"), QStringLiteral("api-stable1")}));
        QCOMPARE(detail.podsByReplicaSetUid.size(), 2);
        QCOMPARE(names(detail.podsByReplicaSetUid.value(m_apiStable.metadata.uid)),
                 QStringList({QStringLiteral("api-stable1-a1"), QStringLiteral("api-stable1-b2"),
                              QStringLiteral("api-stable1-c3")}));
        QCOMPARE(names(detail.podsByReplicaSetUid.value(m_apiCanary.metadata.uid)),
                 QStringList {QStringLiteral("api-canary2-zz9")});
        QCOMPARE(names(detail.analysisRuns),
                 QStringList({QStringLiteral("api-canary2-2-3"), QStringLiteral("api-canary2-2-2"),
                              QStringLiteral("api-canary2-2-1")}));
        QCOMPARE(names(detail.events),
                 QStringList({QStringLiteral("api-canary2.2"), QStringLiteral("run.4"),
                              QStringLiteral("pod.3"), QStringLiteral("api.1")}));
        QCOMPARE(detail.notices, QStringList());

        const RolloutDetail cart = m_model->store().rolloutDetail(Prod, m_cart.metadata.uid);
        QCOMPARE(names(cart.replicaSets), QStringList {QStringLiteral("cart-stable1")});
        QCOMPARE(names(cart.podsByReplicaSetUid.value(m_cartStable.metadata.uid)),
                 QStringList {QStringLiteral("cart-stable1-x1")});
        QCOMPARE(names(cart.analysisRuns), QStringList {QStringLiteral("cart-1")});
        QCOMPARE(names(cart.events), QStringList {QStringLiteral("cart.5")});
        // The ReplicaSets' weights still reach the row.
        QCOMPARE(m_model->rowCount(), 3);
    }

    void unknownRolloutsGiveAnInvalidDetail()
    {
        fill();
        const RolloutDetail missing = m_model->store().rolloutDetail(Prod, QStringLiteral("nope"));
        QCOMPARE(missing.isValid(), false);
        QCOMPARE(missing.environment, Prod);
        QCOMPARE(missing.replicaSets.size(), 0);
        QCOMPARE(m_model->store().rolloutDetail(Staging, m_api.metadata.uid).isValid(), false);
        // A Deployment is not a Rollout.
        QCOMPARE(m_model->store().rolloutDetail(Prod, m_redis.metadata.uid).isValid(), false);
    }

    void detailKindsAddNoRows()
    {
        fill();
        QSignalSpy inserted(m_model.get(), &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(m_model.get(), &QAbstractItemModel::rowsRemoved);
        QSignalSpy changed(m_model.get(), &QAbstractItemModel::dataChanged);
        QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
        QSignalSpy counts(m_model.get(), &FleetModel::workloadCountChanged);
        WorkloadDeltaBatch batch = pods({Build::pod(m_apiStable, QStringLiteral("a1")),
                                         Build::pod(m_cartStable, QStringLiteral("b1"))});
        batch.upserts<AnalysisRun>() = {Build::analysisRun(m_api, QStringLiteral("run"), at(1))};
        batch.upserts<Event>()
            = {Build::event(QStringLiteral("e"), QStringLiteral("Rollout"), m_api.metadata, at(1))};
        m_model->applyBatch(Prod, batch);
        m_model->applyBatch(Prod, pods({}, {QStringLiteral("shop/api-stable1-a1")}));
        WorkloadDeltaBatch gone;
        gone.deletes<AnalysisRun>() = {QStringLiteral("shop/run")};
        gone.deletes<Event>() = {QStringLiteral("shop/e")};
        m_model->applyBatch(Prod, gone);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(m_model->workloadCount(Prod), 3);
        QCOMPARE(inserted.size(), 0);
        QCOMPARE(removed.size(), 0);
        QCOMPARE(changed.size(), 0);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(counts.size(), 0);
        // Also not in a reset, even one that resets the model.
        m_model->setResetThreshold(0);
        WorkloadDeltaBatch full
            = Build::upsert({m_api, m_cart}, {m_redis}, {m_apiStable, m_apiCanary, m_cartStable});
        full.reset = true;
        full.upserts<Pod>() = {Build::pod(m_apiStable, QStringLiteral("a1"))};
        m_model->applyBatch(Prod, full);
        QCOMPARE(m_model->rowCount(), 3);
        QCOMPARE(reset.size(), 1);
        const RolloutDetail detail = m_model->store().rolloutDetail(Prod, m_api.metadata.uid);
        QCOMPARE(names(detail.podsByReplicaSetUid.value(m_apiStable.metadata.uid)),
                 QStringList {QStringLiteral("api-stable1-a1")});
    }

    void detailsChangedNamesTheOwningRollouts()
    {
        QSignalSpy spy(m_model.get(), &FleetModel::rolloutDetailsChanged);
        fill();
        QStringList both {m_api.metadata.uid, m_cart.metadata.uid};
        both.sort();
        QCOMPARE(emitted(spy),
                 QStringList {Prod + QStringLiteral(": ") + both.join(QLatin1Char(','))});
        spy.clear();

        const Pod apiPod = Build::pod(m_apiCanary, QStringLiteral("p1"));
        const Pod cartPod = Build::pod(m_cartStable, QStringLiteral("p2"));
        m_model->applyBatch(Prod, pods({apiPod}));
        m_model->applyBatch(Prod,
                            events({Build::event(QStringLiteral("e1"), QStringLiteral("Pod"),
                                                 cartPod.metadata, at(1))}));
        m_model->applyBatch(Prod, pods({cartPod})); // the pod the Event was about
        m_model->applyBatch(Prod,
                            events({Build::event(QStringLiteral("e2"), QStringLiteral("Pod"),
                                                 cartPod.metadata, at(2))}));
        m_model->applyBatch(Prod, pods({}, {QStringLiteral("shop/api-canary2-p1")}));
        const QString api = Prod + QStringLiteral(": ") + m_api.metadata.uid;
        const QString cart = Prod + QStringLiteral(": ") + m_cart.metadata.uid;
        QCOMPARE(emitted(spy), QStringList({api, cart, cart, api}));
        spy.clear();

        // Not about a Rollout of this environment: nothing.
        m_model->applyBatch(Prod,
                            events({Build::event(QStringLiteral("e3"), QStringLiteral("Deployment"),
                                                 m_redis.metadata, at(3))}));
        m_model->applyBatch(Prod, pods({}, {QStringLiteral("shop/unknown")}));
        ReplicaSet redisSet = Build::replicaSet(m_api, QStringLiteral("r1"), 1, 1, "r:1");
        redisSet.metadata = Build::meta(QStringLiteral("infra"), QStringLiteral("redis-r1"));
        redisSet.metadata.ownerReferences
            = {Build::controllerOf(QStringLiteral("Deployment"), m_redis.metadata)};
        m_model->applyBatch(Prod, Build::upsert({}, {}, {redisSet}));
        m_model->applyBatch(Prod, pods({Build::pod(redisSet, QStringLiteral("x"))}));
        QCOMPARE(emitted(spy), QStringList());

        // An AnalysisRun, a ReplicaSet, a change to both and the deletion of a Rollout.
        m_model->applyBatch(Prod, [&] {
            WorkloadDeltaBatch batch;
            batch.upserts<AnalysisRun>() = {Build::analysisRun(m_cart, QStringLiteral("r"), at(1))};
            return batch;
        }());
        WorkloadDeltaBatch rsGone;
        rsGone.deletes<ReplicaSet>() = {QStringLiteral("shop/api-canary2")};
        m_model->applyBatch(Prod, rsGone);
        m_model->applyBatch(Prod,
                            pods({Build::pod(m_apiStable, QStringLiteral("s")),
                                  Build::pod(m_cartStable, QStringLiteral("s"))}));
        WorkloadDeltaBatch rolloutGone;
        rolloutGone.deletes<Rollout>() = {QStringLiteral("shop/cart")};
        m_model->applyBatch(Prod, rolloutGone);
        QCOMPARE(emitted(spy),
                 QStringList(
                     {cart, api, Prod + QStringLiteral(": ") + both.join(QLatin1Char(',')), cart}));
        QCOMPARE(m_model->store().rolloutDetail(Prod, m_cart.metadata.uid).isValid(), false);
        spy.clear();

        // An Event about a pod that is gone reaches nobody's detail.
        m_model->applyBatch(Prod,
                            events({Build::event(QStringLiteral("e4"), QStringLiteral("Pod"),
                                                 apiPod.metadata, at(4))}));
        QCOMPARE(emitted(spy), QStringList());

        // Dropping an environment names every Rollout it had.
        m_model->setEnvironments({environments().constLast()});
        QCOMPARE(emitted(spy), QStringList {api});
    }

    void eventsAreNewestFirstAndCapped()
    {
        fill();
        QList<Event> list;
        for (int i = 0; i < 150; ++i) {
            Event event = Build::event(QStringLiteral("api.%1").arg(i, 3, 10, QLatin1Char('0')),
                                       QStringLiteral("Rollout"), m_api.metadata, at(i));
            if (i == 7) {
                // events.k8s.io writers set eventTime only.
                event.lastTimestamp = QDateTime();
                event.firstTimestamp = QDateTime();
                event.eventTime = at(1000);
            }
            list.append(event);
        }
        m_model->applyBatch(Prod, events(list));
        const RolloutDetail detail = m_model->store().rolloutDetail(Prod, m_api.metadata.uid);
        QCOMPARE(detail.events.size(), RolloutDetail::maxEvents);
        QCOMPARE(detail.events.at(0).metadata.name, QStringLiteral("api.007"));
        QCOMPARE(detail.events.at(1).metadata.name, QStringLiteral("api.149"));
        QCOMPARE(detail.events.constLast().metadata.name, QStringLiteral("api.051"));
    }
};

QTEST_GUILESS_MAIN(TestRolloutDetail)
#include "tst_rolloutdetail.moc"
