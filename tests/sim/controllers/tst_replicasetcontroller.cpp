// SPDX-License-Identifier: GPL-3.0-or-later
// Pods of a plain ReplicaSet: creation, start-up, readiness, scale-down order, status, graceful
// termination of the pods it deletes, and garbage collection when the owner goes away.
#include "controllerfixture.h"

#include "controllers/jsonutil.h"
#include "core/podtermination.h"

using namespace rdsim;

using namespace ControllerTest;

namespace {

// `graceSeconds` < 0: the template sets no terminationGracePeriodSeconds.
QJsonObject replicaSet(int replicas, qint64 graceSeconds = -1)
{
    QJsonObject rs = parse(R"({
        "apiVersion": "apps/v1", "kind": "ReplicaSet",
        "metadata": {"name": "cache", "namespace": "shop"},
        "spec": {
            "selector": {"matchLabels": {"app": "cache"}},
            "template": {"metadata": {"labels": {"app": "cache"}},
                         "spec": {"containers": [{"name": "redis", "image": "redis:7",
                                                  "resources": {"requests": {"cpu": "100m"}}}]}}
        }
    })");
    QJsonObject spec = rs.value(QLatin1String("spec")).toObject();
    spec.insert(QStringLiteral("replicas"), replicas);
    rs.insert(QStringLiteral("spec"), spec);
    if (graceSeconds >= 0)
        JsonUtil::setAt(rs, "spec.template.spec.terminationGracePeriodSeconds", graceSeconds);
    return rs;
}

QString nameOf(const QJsonObject &object)
{
    return at(object, QStringLiteral("metadata.name")).toString();
}

void scale(Cluster &c, int replicas)
{
    c.updateSpec(replicaSets(), QStringLiteral("cache"), [replicas](QJsonObject &rs) {
        QJsonObject spec = rs.value(QLatin1String("spec")).toObject();
        spec.insert(QStringLiteral("replicas"), replicas);
        rs.insert(QStringLiteral("spec"), spec);
    });
}

} // namespace

class TestReplicaSetController : public QObject
{
    Q_OBJECT

private slots:
    void podsStartAfterDelay();
    void scaleDownRemovesNewestFirst();
    void scaledDownPodTerminatesForItsGracePeriod();
    void gracePeriodComesFromThePodSpec_data();
    void gracePeriodComesFromThePodSpec();
    void anotherDeletionOnlyBringsTheEndForward();
    void podOnNoNodeGoesAtOnce();
    void garbageCollectsOrphans();
};

void TestReplicaSetController::podsStartAfterDelay()
{
    Cluster c;
    c.create(replicaSets(), replicaSet(3));
    c.pass();
    QList<QJsonObject> pods = c.podsOf(QStringLiteral("cache"));
    QCOMPARE(pods.size(), 3);
    const QJsonObject pod = pods.first();
    QVERIFY(nameOf(pod).startsWith(QLatin1String("cache-")));
    QCOMPARE(nameOf(pod).size(), 11);
    QCOMPARE(at(pod, QStringLiteral("metadata.generateName")).toString(), QStringLiteral("cache-"));
    QCOMPARE(at(pod, QStringLiteral("metadata.labels.app")).toString(), QStringLiteral("cache"));
    QCOMPARE(at(pod, QStringLiteral("metadata.ownerReferences.0.kind")).toString(),
             QStringLiteral("ReplicaSet"));
    QCOMPARE(at(pod, QStringLiteral("metadata.ownerReferences.0.name")).toString(),
             QStringLiteral("cache"));
    QCOMPARE(at(pod, QStringLiteral("spec.nodeName")).toString(), QStringLiteral("sim-node-1"));
    QCOMPARE(at(pod, QStringLiteral("status.phase")).toString(), QStringLiteral("Pending"));
    QCOMPARE(at(pod, QStringLiteral("status.qosClass")).toString(), QStringLiteral("Burstable"));
    QCOMPARE(at(pod, QStringLiteral("status.containerStatuses.0.state.waiting.reason")).toString(),
             QStringLiteral("ContainerCreating"));
    QCOMPARE(at(pod, QStringLiteral("status.podIP")).isUndefined(), true);
    QCOMPARE(at(c.replicaSet(QStringLiteral("cache")), QStringLiteral("status")).toObject(),
             (QJsonObject {{QStringLiteral("replicas"), 3},
                           {QStringLiteral("fullyLabeledReplicas"), 3},
                           {QStringLiteral("observedGeneration"), 1}}));

    c.advance(4);
    QCOMPARE(
        at(c.podsOf(QStringLiteral("cache")).first(), QStringLiteral("status.phase")).toString(),
        QStringLiteral("Pending"));
    c.advance(1);
    for (const QJsonObject &running : c.podsOf(QStringLiteral("cache"))) {
        QCOMPARE(at(running, QStringLiteral("status.phase")).toString(), QStringLiteral("Running"));
        QCOMPARE(at(running, QStringLiteral("status.conditions.1.type")).toString(),
                 QStringLiteral("Ready"));
        QCOMPARE(at(running, QStringLiteral("status.conditions.1.status")).toString(),
                 QStringLiteral("True"));
        QCOMPARE(at(running, QStringLiteral("status.containerStatuses.0.ready")).toBool(), true);
        QCOMPARE(at(running, QStringLiteral("status.containerStatuses.0.started")).toBool(), true);
        QCOMPARE(at(running, QStringLiteral("status.containerStatuses.0.restartCount")).toInt(), 0);
        QCOMPARE(at(running, QStringLiteral("status.containerStatuses.0.image")).toString(),
                 QStringLiteral("redis:7"));
        QVERIFY(at(running, QStringLiteral("status.containerStatuses.0.imageID"))
                    .toString()
                    .startsWith(QLatin1String("docker.io/library/redis@sha256:")));
        QCOMPARE(at(running, QStringLiteral("status.containerStatuses.0.state.running.startedAt"))
                     .toString(),
                 c.clock.nowRfc3339());
        QVERIFY(at(running, QStringLiteral("status.podIP"))
                    .toString()
                    .startsWith(QLatin1String("10.244.")));
        QCOMPARE(at(running, QStringLiteral("status.hostIP")).toString(),
                 QStringLiteral("192.168.49.2"));
    }
    QCOMPARE(at(c.replicaSet(QStringLiteral("cache")), QStringLiteral("status")).toObject(),
             (QJsonObject {{QStringLiteral("replicas"), 3},
                           {QStringLiteral("fullyLabeledReplicas"), 3},
                           {QStringLiteral("readyReplicas"), 3},
                           {QStringLiteral("availableReplicas"), 3},
                           {QStringLiteral("observedGeneration"), 1}}));
    QCOMPARE(c.events(QStringLiteral("SuccessfulCreate"), QStringLiteral("cache")).size(), 3);
}

void TestReplicaSetController::scaleDownRemovesNewestFirst()
{
    Cluster c;
    c.create(replicaSets(), replicaSet(2));
    c.advance(10);
    scale(c, 3);
    c.pass();
    c.advance(10);
    QList<QJsonObject> pods = c.podsOf(QStringLiteral("cache"));
    QCOMPARE(pods.size(), 3);
    QString newest;
    QString newestTime;
    for (const QJsonObject &pod : pods) {
        const QString created = at(pod, QStringLiteral("metadata.creationTimestamp")).toString();
        if (created > newestTime) {
            newestTime = created;
            newest = nameOf(pod);
        }
    }
    scale(c, 2);
    c.pass();
    pods = c.podsOf(QStringLiteral("cache"), Cluster::Pods::Live);
    QCOMPARE(pods.size(), 2);
    for (const QJsonObject &pod : pods)
        QVERIFY(nameOf(pod) != newest);
    const QList<QJsonObject> terminating
        = c.podsOf(QStringLiteral("cache"), Cluster::Pods::Terminating);
    QCOMPARE(terminating.size(), 1);
    QCOMPARE(nameOf(terminating.first()), newest);
    QCOMPARE(c.events(QStringLiteral("SuccessfulDelete"), QStringLiteral("cache")),
             QStringList {QStringLiteral("Deleted pod: ") + newest});
    QCOMPARE(at(c.replicaSet(QStringLiteral("cache")), QStringLiteral("status.observedGeneration"))
                 .toInt(),
             3);
}

void TestReplicaSetController::scaledDownPodTerminatesForItsGracePeriod()
{
    Cluster c;
    c.create(replicaSets(), replicaSet(3));
    c.advance(10);
    scale(c, 2);
    c.pass();
    const qint64 deletedAtMs = c.clock.nowMs();
    const QList<QJsonObject> terminating
        = c.podsOf(QStringLiteral("cache"), Cluster::Pods::Terminating);
    QCOMPARE(terminating.size(), 1);
    const QJsonObject pod = terminating.first();
    QCOMPARE(at(pod, QStringLiteral("metadata.deletionTimestamp")).toString(),
             VirtualClock::toRfc3339(deletedAtMs + 30000));
    QCOMPARE(at(pod, QStringLiteral("metadata.deletionGracePeriodSeconds")).toInt(), 30);
    // The kubelet is still stopping it: phase and Ready stay as they were.
    QCOMPARE(at(pod, QStringLiteral("status.phase")).toString(), QStringLiteral("Running"));
    QCOMPARE(at(pod, QStringLiteral("status.conditions.1.status")).toString(),
             QStringLiteral("True"));
    // The ReplicaSet no longer counts it, nor replaces it.
    const QJsonObject status
        = at(c.replicaSet(QStringLiteral("cache")), QStringLiteral("status")).toObject();
    QCOMPARE(status.value(QLatin1String("replicas")).toInt(), 2);
    QCOMPARE(status.value(QLatin1String("readyReplicas")).toInt(), 2);
    QCOMPARE(status.value(QLatin1String("availableReplicas")).toInt(), 2);

    c.advance(29);
    QCOMPARE(c.podsOf(QStringLiteral("cache")).size(), 3);
    QVERIFY(!c.get(pods(), nameOf(pod)).isEmpty());
    c.advance(1);
    QVERIFY(c.get(pods(), nameOf(pod)).isEmpty());
    QCOMPARE(c.podsOf(QStringLiteral("cache")).size(), 2);
    QCOMPARE(c.podsOf(QStringLiteral("cache"), Cluster::Pods::Live).size(), 2);
    QCOMPARE(c.events(QStringLiteral("SuccessfulCreate"), QStringLiteral("cache")).size(), 3);
}

void TestReplicaSetController::gracePeriodComesFromThePodSpec_data()
{
    QTest::addColumn<qint64>("inSpec");
    QTest::addColumn<int>("expected"); // 0: removed at once
    QTest::newRow("default") << qint64(-1) << 30;
    QTest::newRow("5 s") << qint64(5) << 5;
    QTest::newRow("0: at once") << qint64(0) << 0;
    QTest::newRow("bounded") << qint64(86400000) << 300;
}

void TestReplicaSetController::gracePeriodComesFromThePodSpec()
{
    QFETCH(qint64, inSpec);
    QFETCH(int, expected);
    Cluster c;
    c.create(replicaSets(), replicaSet(2, inSpec));
    c.advance(10);
    scale(c, 1);
    c.pass();
    const QList<QJsonObject> terminating
        = c.podsOf(QStringLiteral("cache"), Cluster::Pods::Terminating);
    if (expected == 0) {
        QVERIFY(terminating.isEmpty());
        QCOMPARE(c.podsOf(QStringLiteral("cache")).size(), 1);
        return;
    }
    QCOMPARE(terminating.size(), 1);
    QCOMPARE(at(terminating.first(), QStringLiteral("metadata.deletionGracePeriodSeconds")).toInt(),
             expected);
    c.advance(expected - 1);
    QCOMPARE(c.podsOf(QStringLiteral("cache")).size(), 2);
    c.advance(1);
    QCOMPARE(c.podsOf(QStringLiteral("cache")).size(), 1);
}

void TestReplicaSetController::anotherDeletionOnlyBringsTheEndForward()
{
    Cluster c;
    c.create(replicaSets(), replicaSet(2));
    c.advance(10);
    scale(c, 1);
    c.pass();
    const qint64 deletedAtMs = c.clock.nowMs();
    const QString name
        = nameOf(c.podsOf(QStringLiteral("cache"), Cluster::Pods::Terminating).first());
    const auto terminating = [&] { return c.get(pods(), name); };
    c.advance(10);
    // kube-apiserver: a longer period changes nothing, a shorter one counts from the first
    // deletion, 0 removes the pod.
    QVERIFY(PodTermination::remove(c.store, terminating(), c.clock.nowMs(), 60).ok());
    QCOMPARE(at(terminating(), QStringLiteral("metadata.deletionTimestamp")).toString(),
             VirtualClock::toRfc3339(deletedAtMs + 30000));
    QVERIFY(PodTermination::remove(c.store, terminating(), c.clock.nowMs(), 15).ok());
    QCOMPARE(at(terminating(), QStringLiteral("metadata.deletionTimestamp")).toString(),
             VirtualClock::toRfc3339(deletedAtMs + 15000));
    QCOMPARE(at(terminating(), QStringLiteral("metadata.deletionGracePeriodSeconds")).toInt(), 15);
    c.advance(4);
    QVERIFY(!terminating().isEmpty());
    c.advance(1);
    QVERIFY(terminating().isEmpty());

    scale(c, 0);
    c.pass();
    const QJsonObject last = c.podsOf(QStringLiteral("cache")).first();
    QVERIFY(isTerminating(last));
    QVERIFY(PodTermination::remove(c.store, last, c.clock.nowMs(), 0).ok()); // --force
    QVERIFY(c.podsOf(QStringLiteral("cache")).isEmpty());
}

void TestReplicaSetController::podOnNoNodeGoesAtOnce()
{
    Cluster c;
    const QJsonObject bare = c.create(pods(), parse(R"({
        "apiVersion": "v1", "kind": "Pod",
        "metadata": {"name": "bare", "namespace": "shop"},
        "spec": {"containers": [{"name": "sh", "image": "busybox"}]}
    })"));
    QCOMPARE(PodTermination::gracePeriodSeconds(bare, 30), 0);
    QVERIFY(PodTermination::remove(c.store, bare, c.clock.nowMs()).ok());
    QVERIFY(c.get(pods(), QStringLiteral("bare")).isEmpty());
}

void TestReplicaSetController::garbageCollectsOrphans()
{
    Cluster c;
    c.create(rollouts(), canaryRollout({}, 2));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    const QString rs = nameOf(c.replicaSetsOf(QStringLiteral("web")).at(0));
    QCOMPARE(c.podsOf(rs).size(), 2);
    c.store.remove(rollouts(), QStringLiteral("shop"), QStringLiteral("web"));
    c.pass(2);
    QCOMPARE(c.replicaSet(rs).isEmpty(), true);
    // The garbage collector deletes the pods as anyone does: gracefully.
    QCOMPARE(c.podsOf(rs, Cluster::Pods::Terminating).size(), 2);
    QCOMPARE(c.podsOf(rs).size(), 2);
    c.advance(int(PodTermination::kDefaultGracePeriodSeconds));
    QCOMPARE(c.list(pods()).size(), 0);
}

QTEST_GUILESS_MAIN(TestReplicaSetController)
#include "tst_replicasetcontroller.moc"
