// SPDX-License-Identifier: GPL-3.0-or-later
// Flagger canaries in the store (issue 16): a canary is a row beside the Rollouts, in their
// status words, and stands for the two Deployments it manages (its target and
// <target>-primary), which have no rows of their own while it exists, whichever arrives
// first; its row follows those Deployments, a reset forgets what is gone, and its detail holds
// both Deployments with their ReplicaSets and pods.
#include "batchslicer.h"
#include "fleetstore.h"

#include "../models/workloadbuilders.h"

#include <QTest>

namespace {
const QString Staging = QStringLiteral("staging");

QDateTime at(int seconds)
{
    return QDateTime(QDate(2026, 12, 6), QTime(9, 0), Qt::UTC).addSecs(seconds);
}

FlaggerCanary canary(const QString &phase, qint32 weight = 0, qint32 failedChecks = 0)
{
    FlaggerCanary c;
    c.metadata = Build::meta(QStringLiteral("search"), QStringLiteral("search-indexer"));
    c.spec.targetRef.kind = QStringLiteral("Deployment");
    c.spec.targetRef.name = QStringLiteral("search-indexer");
    FlaggerAnalysis analysis;
    analysis.interval = QStringLiteral("1m");
    analysis.threshold = 5;
    analysis.maxWeight = 50;
    analysis.stepWeight = 10;
    c.spec.analysis = analysis;
    c.status.phase = phase;
    c.status.canaryWeight = weight;
    c.status.failedChecks = failedChecks;
    return c;
}

// Flagger's pair: the primary serves 1.4.0 on three pods; the target runs 1.5.0 while a new
// version is analysed (replicas > 0), nothing otherwise.
Deployment primary()
{
    Deployment d = Build::deployment(QStringLiteral("search"),
                                     QStringLiteral("search-indexer-primary"), 3, 3, 3);
    d.podTemplate.containers = {Build::container(QStringLiteral("registry/search:1.4.0"))};
    return d;
}

Deployment target(qint32 replicas)
{
    Deployment d = Build::deployment(QStringLiteral("search"), QStringLiteral("search-indexer"),
                                     replicas, replicas, replicas);
    d.podTemplate.containers = {Build::container(QStringLiteral("registry/search:1.5.0"))};
    return d;
}

WorkloadDeltaBatch batchOf(const QList<Deployment> &deployments,
                           const QList<FlaggerCanary> &canaries)
{
    WorkloadDeltaBatch batch;
    batch.upserts<Deployment>() = deployments;
    batch.upserts<FlaggerCanary>() = canaries;
    return batch;
}

QStringList rowNames(const EnvironmentStore &store)
{
    QStringList names;
    store.forEachRow([&](const EnvironmentStore::RowPtr &row) {
        names.append(row->kindName() + QLatin1Char(' ') + row->metadata().name);
    });
    names.sort();
    return names;
}

const QStringList canaryOnly {QStringLiteral("Canary search-indexer"),
                              QStringLiteral("Deployment other")};
const QStringList deploymentsOnly {QStringLiteral("Deployment other"),
                                   QStringLiteral("Deployment search-indexer"),
                                   QStringLiteral("Deployment search-indexer-primary")};
} // namespace

class TestEnvironmentStoreFlagger : public QObject
{
    Q_OBJECT

private slots:
    void aCanaryRowStandsForItsDeployments()
    {
        FleetStore fleet;
        EnvironmentStore &store = fleet.environmentFor(Staging);
        const Deployment other = Build::deployment("search", "other", 1, 1, 1);
        store.apply(batchOf({primary(), target(2), other}, {canary("Progressing", 30, 1)}), at(0));
        QCOMPARE(rowNames(store), canaryOnly);

        const FlaggerCanary progressing = canary("Progressing", 30, 1);
        const EnvironmentStore::RowPtr row = store.canaryRow(progressing.metadata.uid);
        QVERIFY(row);
        QCOMPARE(row->kind, FleetRow::Kind::FlaggerCanary);
        QCOMPARE(row->kindName(), QStringLiteral("Canary"));
        QCOMPARE(row->phase, QStringLiteral("Progressing"));
        QCOMPARE(row->strategy, QStringLiteral("FlaggerCanary"));
        QCOMPARE(row->setWeight, std::optional<qint32>(30));
        QCOMPARE(row->step, QStringLiteral("3/5"));
        // The stable version on the primary, the new one on the target while it runs.
        QCOMPARE(row->images, QStringList({"registry/search:1.4.0", "registry/search:1.5.0"}));
        QCOMPARE(row->imageTags, QStringList({"stable", "canary"}));
        QCOMPARE(row->desired, 5);
        QCOMPARE(row->ready, 5);
        QCOMPARE(row->attention, FleetRow::Attention::None);
    }

    void deploymentsComeBackWhenTheCanaryGoes()
    {
        FleetStore fleet;
        EnvironmentStore &store = fleet.environmentFor(Staging);
        const Deployment other = Build::deployment("search", "other", 1, 1, 1);
        // The Deployments first (a first list), the canary in a later batch.
        store.apply(batchOf({primary(), target(0), other}, {}), at(0));
        QCOMPARE(rowNames(store), deploymentsOnly);
        EnvironmentStore::Change change = store.apply(batchOf({}, {canary("Initialized")}), at(1));
        QCOMPARE(rowNames(store), canaryOnly);
        QCOMPARE(change.removedKeys.size(), 2);
        QCOMPARE(change.inserted.size(), 1);

        WorkloadDeltaBatch gone;
        gone.deletes<FlaggerCanary>() = {QStringLiteral("search/search-indexer")};
        change = store.apply(gone, at(2));
        QCOMPARE(rowNames(store), deploymentsOnly);
        QCOMPARE(change.inserted.size(), 2);
    }

    void theRowFollowsItsDeploymentsAndStatus()
    {
        FleetStore fleet;
        EnvironmentStore &store = fleet.environmentFor(Staging);
        const FlaggerCanary initialized = canary("Initialized");
        store.apply(batchOf({primary(), target(0)}, {initialized}), at(0));
        const QString uid = initialized.metadata.uid;
        QCOMPARE(store.canaryRow(uid)->phase, QStringLiteral("Healthy"));
        QCOMPARE(store.canaryRow(uid)->images, QStringList({"registry/search:1.4.0"}));
        QVERIFY(!store.canaryRow(uid)->setWeight);

        // The target scales up for an analysis: the row's images and replicas follow, and so
        // does the canary's detail.
        const EnvironmentStore::Change change = store.apply(batchOf({target(2)}, {}), at(1));
        QCOMPARE(change.changed.size(), 1);
        QVERIFY(change.canaryDetails.contains(uid));
        QCOMPARE(store.canaryRow(uid)->desired, 5);

        // Held by its confirm-promotion gate: waiting for a person; rolled back: a failure.
        store.apply(batchOf({}, {canary("WaitingPromotion", 50)}), at(2));
        QCOMPARE(store.canaryRow(uid)->phase, QStringLiteral("Paused"));
        QCOMPARE(store.canaryRow(uid)->attention, FleetRow::Attention::WaitingForPerson);
        QCOMPARE(store.waitingCount(), 1);
        store.apply(batchOf({}, {canary("Failed", 0, 5)}), at(3));
        QCOMPARE(store.canaryRow(uid)->phase, QStringLiteral("Degraded"));
        QCOMPARE(store.canaryRow(uid)->attention, FleetRow::Attention::Failure);
        QCOMPARE(store.failureCount(), 1);
        QCOMPARE(store.waitingCount(), 0);
    }

    void aResetForgetsWhatIsGone()
    {
        FleetStore fleet;
        EnvironmentStore &store = fleet.environmentFor(Staging);
        store.apply(batchOf({primary(), target(0)}, {canary("Initialized")}), at(0));
        // The slicer turns a reset into deletes: the hidden Deployments are listed too.
        WorkloadDeltaBatch reset = batchOf({target(0)}, {});
        reset.reset = true;
        const QList<BatchSlicer::Slice> slices = BatchSlicer::slice(reset, 250);
        QCOMPARE(slices.size(), 1);
        const WorkloadDeltaBatch first = slices.first().take(&store);
        QCOMPARE(first.deletes<FlaggerCanary>(), QStringList({"search/search-indexer"}));
        QCOMPARE(first.deletes<Deployment>(), QStringList({"search/search-indexer-primary"}));
        store.apply(first, at(1));
        QCOMPARE(rowNames(store), QStringList({"Deployment search-indexer"}));
        QVERIFY(
            !store.deployment(QStringLiteral("search"), QStringLiteral("search-indexer-primary")));
    }

    void theDetailHoldsBothDeployments()
    {
        FleetStore fleet;
        EnvironmentStore &store = fleet.environmentFor(Staging);
        const Deployment stable = primary();
        ReplicaSet rs;
        rs.metadata = Build::meta("search", "search-indexer-primary-7f9c");
        OwnerReference ref = Build::controllerOf(QStringLiteral("Deployment"), stable.metadata);
        ref.apiVersion = QStringLiteral("apps/v1");
        rs.metadata.ownerReferences = {ref};
        rs.metadata.labels.insert(QStringLiteral("pod-template-hash"), QStringLiteral("7f9c"));
        const FlaggerCanary progressing = canary("Progressing", 10);
        WorkloadDeltaBatch batch = batchOf({stable, target(1)}, {progressing});
        batch.upserts<ReplicaSet>() = {rs};
        batch.upserts<Pod>() = {Build::pod(rs, "a"), Build::pod(rs, "b")};
        batch.upserts<Event>() = {Build::event("c.1", "Canary", progressing.metadata, at(5)),
                                  Build::event("p.1", "Deployment", stable.metadata, at(9))};
        store.apply(batch, at(0));

        const FlaggerCanaryDetail detail = fleet.canaryDetail(Staging, progressing.metadata.uid);
        QVERIFY(detail.isValid());
        QCOMPARE(detail.phase, QStringLiteral("Progressing"));
        QCOMPARE(detail.primary.deployment.metadata.name, QStringLiteral("search-indexer-primary"));
        QCOMPARE(detail.target.deployment.metadata.name, QStringLiteral("search-indexer"));
        QCOMPARE(detail.primary.replicaSets.size(), 1);
        QCOMPARE(detail.primary.podsByReplicaSetUid.value(rs.metadata.uid).size(), 2);
        QCOMPARE(detail.events.size(), 2);
        QCOMPARE(detail.events.first().metadata.name, QStringLiteral("p.1")); // newest first
        QVERIFY(!fleet.canaryDetail(Staging, QStringLiteral("nope")).isValid());
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentStoreFlagger)
#include "tst_environmentstoreflagger.moc"
