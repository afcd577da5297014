// SPDX-License-Identifier: GPL-3.0-or-later
#include "controllerfixture.h"

using namespace rdsim;

using namespace ControllerTest;

namespace {

QJsonArray standardSteps()
{
    return parse(R"({"s": [
        {"setWeight": 20},
        {"pause": {"duration": 30}},
        {"setWeight": 40},
        {"pause": {}},
        {"setWeight": 60},
        {"pause": {"duration": "10s"}},
        {"setWeight": 80},
        {"pause": {"duration": 10}}
    ]})")
        .value(QLatin1String("s"))
        .toArray();
}

} // namespace

class TestRolloutCanary : public QObject
{
    Q_OBJECT

private slots:
    void initialDeployGoesStraightToStable();
    void setWeightAndTimedPause();
    void indefinitePauseWaitsForPromote();
    void completesAfterLastStep();
    void eventsDescribeTheUpdate();

private:
    // Deploys "web" and waits until it is Healthy, then sets image v2.
    void startUpdate(Cluster &c, const QJsonArray &steps, const QJsonObject &canaryExtra = {});
};

void TestRolloutCanary::startUpdate(Cluster &c, const QJsonArray &steps,
                                    const QJsonObject &canaryExtra)
{
    c.create(rollouts(), canaryRollout(steps, 5, canaryExtra));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    c.pass();
}

void TestRolloutCanary::initialDeployGoesStraightToStable()
{
    Cluster c;
    c.create(rollouts(), canaryRollout(standardSteps()));
    c.pass();

    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("web"));
    QCOMPARE(sets.size(), 1);
    const QJsonObject rs = sets.first();
    const QString hash = hashOf(rs);
    QCOMPARE(at(rs, QStringLiteral("metadata.name")).toString(), QStringLiteral("web-") + hash);
    QCOMPARE(at(rs, QStringLiteral("spec.replicas")).toInt(), 5);
    QCOMPARE(annotation(rs, QStringLiteral("rollout.argoproj.io/revision")), QStringLiteral("1"));
    QCOMPARE(at(rs, QStringLiteral("spec.selector.matchLabels")).toObject(),
             (QJsonObject {{QStringLiteral("app"), QStringLiteral("web")},
                           {QStringLiteral("rollouts-pod-template-hash"), hash}}));
    const QJsonObject owner = at(rs, QStringLiteral("metadata.ownerReferences.0")).toObject();
    QCOMPARE(owner.value(QLatin1String("kind")).toString(), QStringLiteral("Rollout"));
    QCOMPARE(owner.value(QLatin1String("controller")).toBool(), true);
    QCOMPARE(owner.value(QLatin1String("uid")).toString(),
             at(c.rollout(), QStringLiteral("metadata.uid")).toString());

    // Argo marks the very first revision stable at once and skips the steps.
    QJsonObject status = c.status();
    QCOMPARE(status.value(QLatin1String("stableRS")).toString(), hash);
    QCOMPARE(status.value(QLatin1String("currentPodHash")).toString(), hash);
    QCOMPARE(status.value(QLatin1String("currentStepIndex")).toInt(), 8);
    QCOMPARE(status.value(QLatin1String("observedGeneration")).toString(), QStringLiteral("1"));
    QCOMPARE(status.value(QLatin1String("selector")).toString(), QStringLiteral("app=web"));
    QCOMPARE(annotation(c.rollout(), QStringLiteral("rollout.argoproj.io/revision")),
             QStringLiteral("1"));
    QCOMPARE(c.phase(), QStringLiteral("Progressing"));
    QCOMPARE(c.message(), QStringLiteral("more replicas need to be updated"));
    QCOMPARE(c.podsOf(QStringLiteral("web-") + hash).size(), 5);

    c.pass();
    QCOMPARE(c.message(), QStringLiteral("updated replicas are still becoming available"));
    QCOMPARE(c.status().value(QLatin1String("updatedReplicas")).toInt(), 5);
    QCOMPARE(c.status().value(QLatin1String("availableReplicas")).toInt(), 0);

    c.advance(5);
    status = c.status();
    QCOMPARE(c.phase(), QStringLiteral("Healthy"));
    QCOMPARE(c.message(), QString());
    QCOMPARE(status.value(QLatin1String("replicas")).toInt(), 5);
    QCOMPARE(status.value(QLatin1String("updatedReplicas")).toInt(), 5);
    QCOMPARE(status.value(QLatin1String("readyReplicas")).toInt(), 5);
    QCOMPARE(status.value(QLatin1String("availableReplicas")).toInt(), 5);
    QCOMPARE(status.value(QLatin1String("HPAReplicas")).toInt(), 5);
    QCOMPARE(c.conditionReasons(),
             (QStringList {QStringLiteral("Available=True/AvailableReason"),
                           QStringLiteral("Completed=True/RolloutCompleted"),
                           QStringLiteral("Healthy=True/RolloutHealthy"),
                           QStringLiteral("Progressing=True/NewReplicaSetAvailable")}));
    QCOMPARE(c.condition(QStringLiteral("Progressing")).value(QLatin1String("message")).toString(),
             QStringLiteral("ReplicaSet \"web-%1\" has successfully progressed.").arg(hash));
}

void TestRolloutCanary::setWeightAndTimedPause()
{
    Cluster c;
    startUpdate(c, standardSteps());
    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("web"));
    QCOMPARE(sets.size(), 2);
    const QString stable = at(sets.at(0), QStringLiteral("metadata.name")).toString();
    const QString canary = at(sets.at(1), QStringLiteral("metadata.name")).toString();
    QCOMPARE(annotation(sets.at(1), QStringLiteral("rollout.argoproj.io/revision")),
             QStringLiteral("2"));
    QCOMPARE(c.stepIndex(), 0);
    QCOMPARE(c.status().value(QLatin1String("stableRS")).toString(), hashOf(sets.at(0)));
    QCOMPARE(c.status().value(QLatin1String("currentPodHash")).toString(), hashOf(sets.at(1)));
    // 20% of 5 is exactly one canary pod; maxUnavailable (25% of 5 = 1) lets the stable
    // give one up at once.
    QCOMPARE(c.specReplicas(canary), 1);
    QCOMPARE(c.specReplicas(stable), 4);
    QCOMPARE(c.phase(), QStringLiteral("Progressing"));
    QCOMPARE(c.message(), QStringLiteral("more replicas need to be updated"));
    QCOMPARE(c.status().value(QLatin1String("observedGeneration")).toString(), QStringLiteral("2"));

    // The step completes only once the canary pod is available.
    c.advance(4);
    QCOMPARE(c.stepIndex(), 0);
    c.advance(2);
    QCOMPARE(c.stepIndex(), 1);
    QCOMPARE(c.phase(), QStringLiteral("Paused"));
    QCOMPARE(c.message(), QStringLiteral("CanaryPauseStep"));
    const QJsonObject status = c.status();
    QCOMPARE(status.value(QLatin1String("controllerPause")).toBool(), true);
    const QJsonArray pauses = status.value(QLatin1String("pauseConditions")).toArray();
    QCOMPARE(pauses.size(), 1);
    QCOMPARE(pauses.at(0).toObject().value(QLatin1String("reason")).toString(),
             QStringLiteral("CanaryPauseStep"));
    const qint64 pausedAt = VirtualClock::fromRfc3339(
        pauses.at(0).toObject().value(QLatin1String("startTime")).toString());
    QVERIFY(pausedAt > 0);
    QCOMPARE(c.condition(QStringLiteral("Paused")).value(QLatin1String("status")).toString(),
             QStringLiteral("True"));
    QCOMPARE(c.condition(QStringLiteral("Progressing")).value(QLatin1String("reason")).toString(),
             QStringLiteral("RolloutPaused"));

    // A 30 s pause ends strictly after startTime + 30 s.
    while (c.clock.nowMs() + 1000 <= pausedAt + 30000) {
        c.advance(1);
        QCOMPARE(c.stepIndex(), 1);
    }
    c.advance(1);
    QCOMPARE(c.stepIndex(), 2);
    QCOMPARE(c.status().value(QLatin1String("pauseConditions")).isUndefined(), true);
    QCOMPARE(c.status().value(QLatin1String("controllerPause")).isUndefined(), true);
    QCOMPARE(c.specReplicas(canary), 2);
    QCOMPARE(c.specReplicas(stable), 3);
    QCOMPARE(c.condition(QStringLiteral("Paused")).value(QLatin1String("status")).toString(),
             QStringLiteral("False"));
}

void TestRolloutCanary::indefinitePauseWaitsForPromote()
{
    Cluster c;
    startUpdate(c, standardSteps());
    QVERIFY(
        c.waitFor([&] { return c.stepIndex() == 3 && c.phase() == QLatin1String("Paused"); }, 120));
    c.advance(600);
    QCOMPARE(c.stepIndex(), 3);
    QCOMPARE(c.phase(), QStringLiteral("Paused"));
    QCOMPARE(c.message(), QStringLiteral("CanaryPauseStep"));

    // kubectl argo rollouts promote: {"status":{"pauseConditions":null}}
    c.patchStatus(QStringLiteral("web"),
                  QJsonObject {{QStringLiteral("pauseConditions"), QJsonValue::Null}});
    QCOMPARE(c.status().value(QLatin1String("controllerPause")).toBool(), true);
    c.pass();
    QCOMPARE(c.stepIndex(), 4);
    QCOMPARE(c.status().value(QLatin1String("controllerPause")).isUndefined(), true);
    QCOMPARE(c.phase(), QStringLiteral("Progressing"));
    QVERIFY(
        c.events(QStringLiteral("RolloutResumed")).contains(QStringLiteral("Rollout is resumed")));
}

void TestRolloutCanary::completesAfterLastStep()
{
    Cluster c;
    startUpdate(c, standardSteps());
    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("web"));
    const QString stable = at(sets.at(0), QStringLiteral("metadata.name")).toString();
    const QString canary = at(sets.at(1), QStringLiteral("metadata.name")).toString();
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 3; }, 120));
    c.patchStatus(QStringLiteral("web"),
                  QJsonObject {{QStringLiteral("pauseConditions"), QJsonValue::Null}});
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }, 120));
    const QJsonObject status = c.status();
    QCOMPARE(status.value(QLatin1String("stableRS")).toString(), hashOf(sets.at(1)));
    QCOMPARE(status.value(QLatin1String("currentStepIndex")).toInt(), 8);
    QCOMPARE(c.specReplicas(canary), 5);
    // A basic canary scales the old stable away as the canary takes over: no delay (its pods
    // run out their grace period, tst_replicasetcontroller).
    QCOMPARE(c.specReplicas(stable), 0);
    QCOMPARE(c.podsOf(stable, Cluster::Pods::Live).size(), 0);
    QCOMPARE(c.podsOf(canary).size(), 5);
    QCOMPARE(c.conditionReasons(),
             (QStringList {QStringLiteral("Available=True/AvailableReason"),
                           QStringLiteral("Completed=True/RolloutCompleted"),
                           QStringLiteral("Healthy=True/RolloutHealthy"),
                           QStringLiteral("Paused=False/RolloutPaused"),
                           QStringLiteral("Progressing=True/NewReplicaSetAvailable")}));
}

void TestRolloutCanary::eventsDescribeTheUpdate()
{
    Cluster c;
    startUpdate(c, standardSteps());
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 3; }, 120));
    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("web"));
    const QString v1 = at(sets.at(0), QStringLiteral("metadata.name")).toString();
    const QString v2 = at(sets.at(1), QStringLiteral("metadata.name")).toString();
    QCOMPARE(c.events(QStringLiteral("RolloutUpdated")),
             (QStringList {QStringLiteral("Rollout updated to revision 1"),
                           QStringLiteral("Rollout updated to revision 2")}));
    QCOMPARE(c.events(QStringLiteral("NewReplicaSetCreated")),
             (QStringList {QStringLiteral("Created ReplicaSet %1 (revision 1)").arg(v1),
                           QStringLiteral("Created ReplicaSet %1 (revision 2)").arg(v2)}));
    QCOMPARE(c.events(QStringLiteral("RolloutStepCompleted")),
             (QStringList {QStringLiteral("Rollout step 1/8 completed (setWeight: 20)"),
                           QStringLiteral("Rollout step 2/8 completed (pause: 30)"),
                           QStringLiteral("Rollout step 3/8 completed (setWeight: 40)")}));
    QCOMPARE(c.events(QStringLiteral("RolloutPaused")),
             (QStringList {QStringLiteral("Rollout is paused (CanaryPauseStep)")}));
    const QStringList scaling = c.events(QStringLiteral("ScalingReplicaSet"));
    QVERIFY(scaling.contains(
        QStringLiteral("Scaled up ReplicaSet %1 (revision 1) from 0 to 5").arg(v1)));
    QVERIFY(scaling.contains(
        QStringLiteral("Scaled up ReplicaSet %1 (revision 2) from 0 to 1").arg(v2)));
    QVERIFY(scaling.contains(
        QStringLiteral("Scaled down ReplicaSet %1 (revision 1) from 5 to 4").arg(v1)));
    QCOMPARE(
        c.events(QStringLiteral("RolloutCompleted")),
        (QStringList {QStringLiteral("Rollout completed update to revision 1 (%1): Initial deploy")
                          .arg(hashOf(sets.at(0)))}));
    QCOMPARE(
        c.events(QStringLiteral("RolloutNotCompleted")),
        (QStringList {QStringLiteral("Rollout not completed, started update to revision 2 (%1)")
                          .arg(hashOf(sets.at(1)))}));
    // The ReplicaSet controller reports its pods, source replicaset-controller.
    const QList<QJsonObject> all = c.list(ControllerTest::events());
    const auto created = std::find_if(all.begin(), all.end(), [&](const QJsonObject &e) {
        return e.value(QLatin1String("reason")).toString() == QLatin1String("SuccessfulCreate")
            && at(e, QStringLiteral("involvedObject.name")).toString() == v2;
    });
    QVERIFY(created != all.end());
    QCOMPARE(at(*created, QStringLiteral("source.component")).toString(),
             QStringLiteral("replicaset-controller"));
    QCOMPARE(at(*created, QStringLiteral("involvedObject.kind")).toString(),
             QStringLiteral("ReplicaSet"));
    QCOMPARE(at(*created, QStringLiteral("type")).toString(), QStringLiteral("Normal"));
}

QTEST_GUILESS_MAIN(TestRolloutCanary)
#include "tst_rolloutcanary.moc"
