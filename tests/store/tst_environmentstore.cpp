// SPDX-License-Identifier: GPL-3.0-or-later
// The store beneath the fleet table: what a batch changes in one environment's rows (and
// what it reports as changed), and the details it assembles, Deployments' included.
#include "fleetstore.h"

#include "../models/workloadbuilders.h"

#include <QTest>

namespace {
const QString Prod = QStringLiteral("prod");

QDateTime at(int seconds)
{
    return QDateTime(QDate(2026, 12, 5), QTime(12, 0), Qt::UTC).addSecs(seconds);
}

QStringList keysOf(const QList<EnvironmentStore::RowPtr> &rows)
{
    QStringList names;
    for (const EnvironmentStore::RowPtr &row : rows)
        names.append(row->metadata().name);
    return names;
}

QStringList namesOf(const QStringList &rowKeys)
{
    QStringList names;
    for (const QString &key : rowKeys)
        names.append(key.section(QChar(0x1f), 3));
    return names;
}

QStringList sorted(const QSet<QString> &set)
{
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list;
}

// A ReplicaSet of a Deployment, as the Deployment controller names and labels it.
ReplicaSet deploymentReplicaSet(const Deployment &owner, const QString &hash, qint64 revision,
                                qint32 ready)
{
    ReplicaSet rs;
    rs.metadata = Build::meta(owner.metadata.namespaceName, owner.metadata.name + '-' + hash);
    rs.metadata.labels.insert(QStringLiteral("pod-template-hash"), hash);
    rs.metadata.annotations.insert(QStringLiteral("deployment.kubernetes.io/revision"),
                                   QString::number(revision));
    OwnerReference ref = Build::controllerOf(QStringLiteral("Deployment"), owner.metadata);
    ref.apiVersion = QStringLiteral("apps/v1");
    rs.metadata.ownerReferences = {ref};
    rs.specReplicas = ready;
    rs.replicas = ready;
    rs.readyReplicas = ready;
    rs.availableReplicas = ready;
    return rs;
}
} // namespace

class TestEnvironmentStore : public QObject
{
    Q_OBJECT

private slots:
    // The window's own pause (onGateFail: pause) is told as its, not a person's: whether the
    // answer comes before or after the watch shows it, until it ends; a claim never followed
    // by a pause expires, so a person's later pause is not misattributed.
    void theWindowsOwnPauseIsAttributed()
    {
        FleetStore fleet;
        EnvironmentStore &store = fleet.environmentFor(Prod);
        Rollout api = Build::canary("shop", "api", "Paused");
        const QString uid = api.metadata.uid;
        const QString gate = QStringLiteral("the dashboard (gate “x” failed)");
        store.apply(Build::upsert({api}), at(0));
        EnvironmentStore::Change change;
        QVERIFY(!store.claimManualPause(uid, gate, at(1), &change)); // not paused yet
        api.spec.paused = true;
        store.apply(Build::upsert({api}), at(2));
        QCOMPARE(store.rolloutRow(uid)->observations.manualPauseBy, gate);
        QVERIFY(store.rolloutRow(uid)
                    ->situationAt(at(3), true)
                    .text.startsWith(
                        QStringLiteral("Paused by the dashboard (gate “x” failed) since ")));
        // The pause ends: the claim with it. A person's pause later is a person's.
        api.spec.paused = false;
        store.apply(Build::upsert({api}), at(10));
        api.spec.paused = true;
        store.apply(Build::upsert({api}), at(11));
        QVERIFY(store.rolloutRow(uid)->observations.manualPauseBy.isEmpty());
        QVERIFY(store.rolloutRow(uid)
                    ->situationAt(at(12), true)
                    .text.startsWith(QStringLiteral("Paused by a person since ")));
        // The watch first, then the answer: the row changes at once.
        EnvironmentStore::Change claimed;
        QVERIFY(store.claimManualPause(uid, gate, at(13), &claimed));
        QCOMPARE(keysOf(claimed.changed), QStringList {"api"});
        QCOMPARE(sorted(claimed.rolloutDetails), QStringList {uid});
        QCOMPARE(store.rolloutRow(uid)->observations.manualPauseBy, gate);
        // A claim with no pause after it expires after a minute.
        api.spec.paused = false;
        store.apply(Build::upsert({api}), at(20));
        store.claimManualPause(uid, gate, at(21), &change);
        store.apply(Build::upsert({api}), at(90));
        api.spec.paused = true;
        store.apply(Build::upsert({api}), at(91));
        QVERIFY(store.rolloutRow(uid)->observations.manualPauseBy.isEmpty());
    }

    void rowsFollowUpsertsAndDeletes()
    {
        FleetStore fleet;
        EnvironmentStore &store = fleet.environmentFor(Prod);
        const Rollout api = Build::canary("shop", "api", "Healthy");
        const Rollout cart = Build::canary("shop", "cart", "Healthy");
        const Deployment redis = Build::deployment("shop", "redis", 3, 3, 3);

        EnvironmentStore::Change change = store.apply(Build::upsert({api, cart}, {redis}), at(0));
        QCOMPARE(keysOf(change.inserted), QStringList({"api", "cart", "redis"}));
        QVERIFY(change.changed.isEmpty());
        QVERIFY(change.rowCountChanged);
        QCOMPARE(store.rowCount(), 3);
        QCOMPARE(sorted(change.rolloutDetails), sorted({api.metadata.uid, cart.metadata.uid}));
        QCOMPARE(sorted(change.deploymentDetails), QStringList {redis.metadata.uid});

        // A newer resourceVersion with nothing visible changed: replaced, not signalled.
        Rollout same = api;
        same.metadata.resourceVersion = QStringLiteral("42");
        change = store.apply(Build::upsert({same}), at(1));
        QVERIFY(change.changed.isEmpty());
        QCOMPARE(keysOf(change.replaced), QStringList {"api"});
        QCOMPARE(store.rolloutRow(api.metadata.uid)->rollout->metadata.resourceVersion,
                 QStringLiteral("42"));
        QVERIFY(!change.rowCountChanged);

        // A visible change.
        const Rollout degraded = Build::canary("shop", "api", "Degraded", "failed");
        change = store.apply(Build::upsert({degraded}), at(2));
        QCOMPARE(keysOf(change.changed), QStringList {"api"});
        QCOMPARE(store.failureCount(), 1);

        // Deletes: the row goes, and its detail is reported (it is now invalid).
        WorkloadDeltaBatch deletes;
        deletes.deletes<Rollout>() = {QStringLiteral("shop/api")};
        deletes.deletes<Deployment>() = {QStringLiteral("shop/redis"), QStringLiteral("shop/nope")};
        change = store.apply(deletes, at(3));
        QCOMPARE(namesOf(change.removedKeys), QStringList({"api", "redis"}));
        QCOMPARE(sorted(change.rolloutDetails), QStringList {api.metadata.uid});
        QCOMPARE(sorted(change.deploymentDetails), QStringList {redis.metadata.uid});
        QCOMPARE(store.rowCount(), 1);
        QCOMPARE(store.failureCount(), 0);
        QVERIFY(!store.rolloutRow(api.metadata.uid));
        QVERIFY(!fleet.rolloutDetail(Prod, api.metadata.uid).isValid());
    }

    void replicaSetsRederiveTheirRollout()
    {
        FleetStore fleet;
        EnvironmentStore &store = fleet.environmentFor(Prod);
        const Rollout api = Build::canary("shop", "api", "Progressing");
        store.apply(Build::upsert({api}), at(0));
        QCOMPARE(store.rolloutRow(api.metadata.uid)->revision, 0);

        const ReplicaSet stable = Build::replicaSet(api, "stable1", 3, 4, "registry/api:v1");
        const ReplicaSet canary = Build::replicaSet(api, "canary2", 4, 1, "registry/api:v2");
        const EnvironmentStore::Change change
            = store.apply(Build::upsert({}, {}, {stable, canary}), at(1));
        QCOMPARE(keysOf(change.changed), QStringList {"api"});
        QCOMPARE(store.rolloutRow(api.metadata.uid)->revision, 4);
        QCOMPARE(sorted(change.rolloutDetails), QStringList {api.metadata.uid});
        QCOMPARE(store.replicaSetsOf(api.metadata.uid).size(), 2);
        QCOMPARE(store.replicaSetsOf(api.metadata.uid).constFirst().metadata.name,
                 QStringLiteral("api-canary2")); // newest revision first
    }

    void resetReplacesEverything()
    {
        FleetStore fleet;
        EnvironmentStore &store = fleet.environmentFor(Prod);
        const Rollout api = Build::canary("shop", "api", "Healthy");
        const Rollout cart = Build::canary("shop", "cart", "Healthy");
        const ReplicaSet rs = Build::replicaSet(api, "aaa", 1, 5, "registry/api:v1");
        store.apply(Build::upsert({api, cart}, {}, {rs}), at(0));

        WorkloadDeltaBatch reset = Build::upsert({cart});
        reset.reset = true;
        const EnvironmentStore::Change change = store.apply(reset, at(1));
        QCOMPARE(namesOf(change.removedKeys), QStringList {"api"});
        QVERIFY(change.inserted.isEmpty());
        QCOMPARE(store.rowCount(), 1);
        QCOMPARE(store.objects().replicaSetCount(), 0); // the batch listed none
        // Every detail changed: the removed one and the kept one.
        QCOMPARE(sorted(change.rolloutDetails), sorted({api.metadata.uid, cart.metadata.uid}));
    }

    void staleness()
    {
        FleetStore fleet;
        EnvironmentStore &store = fleet.environmentFor(Prod);
        QVERIFY(!store.isStale());
        QVERIFY(store.setStale(true, QStringLiteral("offline"), at(5)));
        QVERIFY(!store.setStale(true, QStringLiteral("still offline"), at(9)));
        QCOMPARE(store.staleSince(), at(5)); // since it first went, not since the last report
        QCOMPARE(store.staleReason(), QStringLiteral("still offline"));
        QVERIFY(store.setStale(false, QString(), at(10)));
        QVERIFY(!store.staleSince().isValid());
    }

    void deploymentDetail()
    {
        FleetStore fleet;
        EnvironmentSpec spec;
        spec.name = Prod;
        spec.colour = QStringLiteral("#336699");
        fleet.setEnvironments({spec});
        EnvironmentStore &store = fleet.environmentFor(Prod);
        const Deployment web = Build::deployment("shop", "web", 3, 3, 3);
        const ReplicaSet old = deploymentReplicaSet(web, "v1", 6, 0);
        const ReplicaSet current = deploymentReplicaSet(web, "v2", 7, 3);
        WorkloadDeltaBatch batch = Build::upsert({}, {web}, {old, current});
        batch.upserts<Pod>() = {Build::pod(current, "b"), Build::pod(current, "a")};
        batch.upserts<Event>()
            = {Build::event("scaled", "Deployment", web.metadata, at(-10)),
               Build::event("created", "Pod", batch.upserts<Pod>().at(0).metadata, at(-5))};
        const EnvironmentStore::Change change = store.apply(batch, at(0));
        QCOMPARE(sorted(change.deploymentDetails), QStringList {web.metadata.uid});
        QVERIFY(change.rolloutDetails.isEmpty());

        DeploymentDetail detail = fleet.deploymentDetail(Prod, web.metadata.uid);
        QVERIFY(detail.isValid());
        QCOMPARE(detail.deployment.metadata.name, QStringLiteral("web"));
        // The table's derived values, not derived a second time.
        const EnvironmentStore::RowPtr row = store.deploymentRow(web.metadata.uid);
        QCOMPARE(detail.phase, row->phase);
        QCOMPARE(detail.message, row->message);
        QCOMPARE(detail.revision, 7);
        QCOMPARE(detail.strategy, QStringLiteral("RollingUpdate"));
        QCOMPARE(detail.environment, Prod);
        QCOMPARE(detail.environmentColour, QStringLiteral("#336699"));
        QCOMPARE(detail.replicaSets.size(), 2);
        QCOMPARE(detail.replicaSets.at(0).metadata.name, QStringLiteral("web-v2"));
        QCOMPARE(detail.replicaSets.at(1).metadata.name, QStringLiteral("web-v1"));
        const QList<Pod> pods = detail.podsByReplicaSetUid.value(current.metadata.uid);
        QCOMPARE(pods.size(), 2);
        QCOMPARE(pods.at(0).metadata.name, QStringLiteral("web-v2-a")); // by name
        QVERIFY(!detail.podsByReplicaSetUid.contains(old.metadata.uid));
        QCOMPARE(detail.events.size(), 2);
        QCOMPARE(detail.events.at(0).metadata.name, QStringLiteral("created")); // newest first
        QVERIFY(detail.notices.isEmpty());
        // A Deployment is no Rollout.
        QVERIFY(!fleet.rolloutDetail(Prod, web.metadata.uid).isValid());

        // A pod of it changes: its detail is reported, not a Rollout's.
        WorkloadDeltaBatch podChange;
        podChange.upserts<Pod>() = {Build::pod(current, "a", "2")};
        QCOMPARE(sorted(store.apply(podChange, at(1)).deploymentDetails),
                 QStringList {web.metadata.uid});

        // Pods that may not be listed are not shown at all, and the detail says why.
        WorkloadDeltaBatch forbidden;
        forbidden.detailStatus = QList<DetailKindStatus>(DetailKindCount);
        forbidden.detailStatus[int(DetailKind::Pods)].problem
            = DetailKindStatus::Problem::Forbidden;
        QCOMPARE(sorted(store.apply(forbidden, at(2)).deploymentDetails),
                 QStringList {web.metadata.uid});
        detail = fleet.deploymentDetail(Prod, web.metadata.uid);
        QVERIFY(detail.podsByReplicaSetUid.isEmpty());
        QCOMPARE(
            detail.notices,
            QStringList {FleetStore::detailNotice(DetailKind::Pods, forbidden.detailStatus.at(0))});
        QCOMPARE(detail.events.size(), 1); // the pod's event went with the pods
        QCOMPARE(detail.events.at(0).metadata.name, QStringLiteral("scaled"));

        store.setStale(true, QStringLiteral("offline"), at(3));
        detail = fleet.deploymentDetail(Prod, web.metadata.uid);
        QCOMPARE(detail.staleSince, at(3));
        QCOMPARE(detail.staleReason, QStringLiteral("offline"));
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentStore)
#include "tst_environmentstore.moc"
