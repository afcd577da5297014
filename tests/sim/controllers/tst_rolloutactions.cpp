// SPDX-License-Identifier: GPL-3.0-or-later
// What the dashboard's and kubectl's actions do to a canary: pause, abort, retry, promote
// --full, restart, a new template mid-update, a rollback, and the scenario's previous-image
// start.
#include "controllerfixture.h"

using namespace rdsim;

using namespace ControllerTest;

namespace {

QJsonArray steps()
{
    return parse(R"({"s": [
        {"setWeight": 20},
        {"pause": {"duration": 30}},
        {"setWeight": 40},
        {"pause": {}}
    ]})")
        .value(QLatin1String("s"))
        .toArray();
}

QString nameOf(const QJsonObject &object)
{
    return at(object, QStringLiteral("metadata.name")).toString();
}

} // namespace

class TestRolloutActions : public QObject
{
    Q_OBJECT

private slots:
    void manualPauseHoldsEverything();
    void abortScalesCanaryAwayAndRetryStartsOver();
    void promoteFullSkipsRemainingSteps();
    void restartReplacesPodsOneAtATime();
    void newTemplateMidUpdateStartsOver();
    void backToStableTemplateSkipsSteps();
    void previousImageStartsTheCanaryInFlight();
    void workloadRefTakesTheDeploymentTemplate();
    void scalingMidUpdateKeepsTheSplit();

private:
    // "web" healthy on nginx:1.25, then updated to nginx:1.26 and waiting at the 30 s pause.
    void atFirstPause(Cluster &c);
};

void TestRolloutActions::atFirstPause(Cluster &c)
{
    c.create(rollouts(), canaryRollout(steps()));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 1 && c.phase() == QLatin1String("Paused"); }));
}

void TestRolloutActions::manualPauseHoldsEverything()
{
    Cluster c;
    c.create(rollouts(), canaryRollout(steps()));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    c.updateSpec(rollouts(), QStringLiteral("web"), [](QJsonObject &ro) {
        QJsonObject spec = ro.value(QLatin1String("spec")).toObject();
        spec.insert(QStringLiteral("paused"), true);
        ro.insert(QStringLiteral("spec"), spec);
    });
    c.pass();
    const QString canary = nameOf(c.replicaSetsOf(QStringLiteral("web")).at(1));
    QCOMPARE(c.phase(), QStringLiteral("Paused"));
    QCOMPARE(c.message(), QStringLiteral("manually paused"));
    QCOMPARE(c.status().value(QLatin1String("controllerPause")).isUndefined(), true);
    QCOMPARE(c.status().value(QLatin1String("pauseConditions")).isUndefined(), true);
    QCOMPARE(c.condition(QStringLiteral("Paused")).value(QLatin1String("status")).toString(),
             QStringLiteral("True"));
    QCOMPARE(c.condition(QStringLiteral("Progressing")).value(QLatin1String("reason")).toString(),
             QStringLiteral("RolloutPaused"));
    // The new ReplicaSet exists but nothing is scaled while paused, and no step advances.
    QCOMPARE(c.specReplicas(canary), 0);
    c.advance(60);
    QCOMPARE(c.stepIndex(), 0);
    QCOMPARE(c.specReplicas(canary), 0);
    QCOMPARE(c.phase(), QStringLiteral("Paused"));

    c.updateSpec(rollouts(), QStringLiteral("web"), [](QJsonObject &ro) {
        QJsonObject spec = ro.value(QLatin1String("spec")).toObject();
        spec.remove(QStringLiteral("paused"));
        ro.insert(QStringLiteral("spec"), spec);
    });
    c.pass();
    QCOMPARE(c.phase(), QStringLiteral("Progressing"));
    QCOMPARE(c.specReplicas(canary), 1);
    QCOMPARE(c.condition(QStringLiteral("Paused")).value(QLatin1String("status")).toString(),
             QStringLiteral("False"));
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 1; }));
}

void TestRolloutActions::abortScalesCanaryAwayAndRetryStartsOver()
{
    Cluster c;
    atFirstPause(c);
    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("web"));
    const QString stable = nameOf(sets.at(0));
    const QString canary = nameOf(sets.at(1));

    // kubectl argo rollouts abort: {"status":{"abort":true}} on /status.
    c.patchStatus(QStringLiteral("web"), QJsonObject {{QStringLiteral("abort"), true}});
    c.pass();
    QJsonObject status = c.status();
    QCOMPARE(status.value(QLatin1String("abort")).toBool(), true);
    QCOMPARE(status.value(QLatin1String("abortedAt")).toString(), c.clock.nowRfc3339());
    QCOMPARE(status.value(QLatin1String("currentStepIndex")).toInt(), 0);
    QCOMPARE(status.value(QLatin1String("pauseConditions")).isUndefined(), true);
    QCOMPARE(status.value(QLatin1String("controllerPause")).isUndefined(), true);
    QCOMPARE(c.phase(), QStringLiteral("Degraded"));
    QCOMPARE(c.message(), QStringLiteral("RolloutAborted: Rollout aborted update to revision 2"));
    const QJsonObject progressing = c.condition(QStringLiteral("Progressing"));
    QCOMPARE(progressing.value(QLatin1String("status")).toString(), QStringLiteral("False"));
    QCOMPARE(progressing.value(QLatin1String("reason")).toString(),
             QStringLiteral("RolloutAborted"));
    QCOMPARE(progressing.value(QLatin1String("message")).toString(),
             QStringLiteral("Rollout aborted update to revision 2"));
    QCOMPARE(c.specReplicas(canary), 0);
    QCOMPARE(c.specReplicas(stable), 5);
    QCOMPARE(c.events(QStringLiteral("RolloutAborted")),
             QStringList {QStringLiteral("Rollout aborted update to revision 2")});
    const QList<QJsonObject> all = c.list(ControllerTest::events());
    for (const QJsonObject &e : all) {
        if (e.value(QLatin1String("reason")).toString() == QLatin1String("RolloutAborted"))
            QCOMPARE(e.value(QLatin1String("type")).toString(), QStringLiteral("Warning"));
    }
    QCOMPARE(c.events(QStringLiteral("RolloutResumed")), QStringList());

    c.advance(30);
    QCOMPARE(c.phase(), QStringLiteral("Degraded"));
    QCOMPARE(c.podsOf(canary).size(), 0);
    QCOMPARE(c.availableReplicas(stable), 5);

    // kubectl argo rollouts retry: {"status":{"abort":false}}.
    c.patchStatus(QStringLiteral("web"), QJsonObject {{QStringLiteral("abort"), false}});
    c.pass();
    status = c.status();
    QCOMPARE(status.value(QLatin1String("abort")).isUndefined(), true);
    QCOMPARE(status.value(QLatin1String("abortedAt")).isUndefined(), true);
    QCOMPARE(status.value(QLatin1String("currentStepIndex")).toInt(), 0);
    QCOMPARE(c.phase(), QStringLiteral("Progressing"));
    QCOMPARE(c.specReplicas(canary), 1);
    QCOMPARE(c.specReplicas(stable), 4);
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 1 && c.phase() == QLatin1String("Paused"); }));
}

void TestRolloutActions::promoteFullSkipsRemainingSteps()
{
    Cluster c;
    atFirstPause(c);
    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("web"));
    const QString stable = nameOf(sets.at(0));
    const QString canary = nameOf(sets.at(1));

    c.patchStatus(QStringLiteral("web"), QJsonObject {{QStringLiteral("promoteFull"), true}});
    c.pass();
    QCOMPARE(c.stepIndex(), 4);
    QCOMPARE(c.status().value(QLatin1String("pauseConditions")).isUndefined(), true);
    QCOMPARE(c.status().value(QLatin1String("promoteFull")).toBool(), true);
    QCOMPARE(c.phase(), QStringLiteral("Progressing"));
    QCOMPARE(c.message(), QStringLiteral("more replicas need to be updated"));
    // Within maxSurge (2) and maxUnavailable (1) of 5: canary 1 -> 4, stable 4 -> 3.
    QCOMPARE(c.specReplicas(canary), 4);
    QCOMPARE(c.specReplicas(stable), 3);

    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    const QJsonObject status = c.status();
    QCOMPARE(status.value(QLatin1String("promoteFull")).isUndefined(), true);
    QCOMPARE(status.value(QLatin1String("stableRS")).toString(), hashOf(sets.at(1)));
    QCOMPARE(c.specReplicas(canary), 5);
    QCOMPARE(c.specReplicas(stable), 0);
    QCOMPARE(c.events(QStringLiteral("RolloutCompleted")).last(),
             QStringLiteral("Rollout completed update to revision 2 (%1): Full promotion requested")
                 .arg(hashOf(sets.at(1))));
}

void TestRolloutActions::restartReplacesPodsOneAtATime()
{
    Cluster c;
    c.create(rollouts(), canaryRollout(steps(), 4));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    const QString rs = nameOf(c.replicaSetsOf(QStringLiteral("web")).at(0));
    c.advance(10);
    QStringList before;
    for (const QJsonObject &pod : c.podsOf(rs))
        before << nameOf(pod);

    const QString restartAt = c.clock.nowRfc3339();
    c.updateSpec(rollouts(), QStringLiteral("web"), [&](QJsonObject &ro) {
        QJsonObject spec = ro.value(QLatin1String("spec")).toObject();
        spec.insert(QStringLiteral("restartAt"), restartAt);
        ro.insert(QStringLiteral("spec"), spec);
    });
    c.pass();
    QCOMPARE(c.phase(), QStringLiteral("Progressing"));
    QCOMPARE(c.message(), QStringLiteral("rollout is restarting"));
    // maxUnavailable 25% of 4 allows one pod at a time; the evicted one is Terminating.
    QList<QJsonObject> pods = c.podsOf(rs, Cluster::Pods::Live);
    QCOMPARE(pods.size(), 4);
    QCOMPARE(c.podsOf(rs, Cluster::Pods::Terminating).size(), 1);
    int replaced = 0;
    for (const QJsonObject &pod : pods)
        replaced += before.contains(nameOf(pod)) ? 0 : 1;
    QCOMPARE(replaced, 1);

    c.advance(3);
    pods = c.podsOf(rs, Cluster::Pods::Live);
    replaced = 0;
    for (const QJsonObject &pod : pods)
        replaced += before.contains(nameOf(pod)) ? 0 : 1;
    QCOMPARE(replaced, 1);

    // Done once the last evicted pod has run out its grace period, as Argo counts it.
    QVERIFY(c.waitFor(
        [&] { return c.status().value(QLatin1String("restartedAt")).toString() == restartAt; },
        120));
    QCOMPARE(c.anyPodTerminating(), false);
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }, 10));
    for (const QJsonObject &pod : c.podsOf(rs))
        QVERIFY(!before.contains(nameOf(pod)));
    QCOMPARE(c.podsOf(rs).size(), 4);
    QCOMPARE(c.status().value(QLatin1String("observedGeneration")).toString(), QStringLiteral("2"));
}

void TestRolloutActions::newTemplateMidUpdateStartsOver()
{
    Cluster c;
    atFirstPause(c);
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.27"));
    c.pass();
    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("web"));
    QCOMPARE(sets.size(), 3);
    const QString v1 = nameOf(sets.at(0));
    const QString v2 = nameOf(sets.at(1));
    const QString v3 = nameOf(sets.at(2));
    QCOMPARE(annotation(c.replicaSet(v3), QStringLiteral("rollout.argoproj.io/revision")),
             QStringLiteral("3"));
    QCOMPARE(annotation(c.rollout(), QStringLiteral("rollout.argoproj.io/revision")),
             QStringLiteral("3"));
    QCOMPARE(c.stepIndex(), 0);
    QCOMPARE(c.status().value(QLatin1String("pauseConditions")).isUndefined(), true);
    QCOMPARE(c.status().value(QLatin1String("currentPodHash")).toString(), hashOf(sets.at(2)));
    QCOMPARE(c.status().value(QLatin1String("stableRS")).toString(), hashOf(sets.at(0)));
    QCOMPARE(c.phase(), QStringLiteral("Progressing"));
    // The abandoned revision 2 is scaled away; revision 1 stays stable.
    QVERIFY(c.waitFor([&] { return c.specReplicas(v2) == 0 && c.stepIndex() == 1; }));
    QCOMPARE(c.specReplicas(v1), 4);
    QCOMPARE(c.specReplicas(v3), 1);
    QCOMPARE(c.events(QStringLiteral("RolloutUpdated")).last(),
             QStringLiteral("Rollout updated to revision 3"));
}

void TestRolloutActions::backToStableTemplateSkipsSteps()
{
    Cluster c;
    atFirstPause(c);
    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("web"));
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.25"));
    c.pass();
    QCOMPARE(c.stepIndex(), 4);
    QCOMPARE(c.events(QStringLiteral("SkipSteps")),
             QStringList {QStringLiteral("Rollback to stable ReplicaSets")});
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    QCOMPARE(c.specReplicas(nameOf(sets.at(0))), 5);
    QCOMPARE(c.specReplicas(nameOf(sets.at(1))), 0);
    // The stable ReplicaSet is the newest revision again.
    QCOMPARE(annotation(c.replicaSet(nameOf(sets.at(0))),
                        QStringLiteral("rollout.argoproj.io/revision")),
             QStringLiteral("3"));
    QCOMPARE(c.status().value(QLatin1String("stableRS")).toString(), hashOf(sets.at(0)));
}

void TestRolloutActions::previousImageStartsTheCanaryInFlight()
{
    Cluster c;
    QJsonObject rollout = canaryRollout(steps());
    QJsonObject metadata = rollout.value(QLatin1String("metadata")).toObject();
    metadata.insert(
        QStringLiteral("annotations"),
        QJsonObject {{QStringLiteral("rd-sim.dev/previous-image"), QStringLiteral("nginx:1.24")}});
    rollout.insert(QStringLiteral("metadata"), metadata);
    c.create(rollouts(), rollout);
    c.pass();

    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("web"));
    QCOMPARE(sets.size(), 2);
    const QString v1 = nameOf(sets.at(0));
    const QString v2 = nameOf(sets.at(1));
    QCOMPARE(
        at(c.replicaSet(v1), QStringLiteral("spec.template.spec.containers.0.image")).toString(),
        QStringLiteral("nginx:1.24"));
    QCOMPARE(
        at(c.replicaSet(v2), QStringLiteral("spec.template.spec.containers.0.image")).toString(),
        QStringLiteral("nginx:1.25"));
    QCOMPARE(annotation(c.replicaSet(v1), QStringLiteral("rollout.argoproj.io/revision")),
             QStringLiteral("1"));
    QCOMPARE(annotation(c.replicaSet(v2), QStringLiteral("rollout.argoproj.io/revision")),
             QStringLiteral("2"));
    // Revision 1 was up before the simulation: its pods are Running and Ready already.
    QCOMPARE(c.availableReplicas(v1), 4);
    for (const QJsonObject &pod : c.podsOf(v1))
        QCOMPARE(at(pod, QStringLiteral("status.phase")).toString(), QStringLiteral("Running"));
    const QJsonObject status = c.status();
    QCOMPARE(status.value(QLatin1String("stableRS")).toString(), hashOf(sets.at(0)));
    QCOMPARE(status.value(QLatin1String("currentPodHash")).toString(), hashOf(sets.at(1)));
    QCOMPARE(status.value(QLatin1String("currentStepIndex")).toInt(), 0);
    QCOMPARE(c.specReplicas(v2), 1);
    QCOMPARE(c.phase(), QStringLiteral("Progressing"));
    QVERIFY(
        c.waitFor([&] { return c.stepIndex() == 1 && c.phase() == QLatin1String("Paused"); }, 10));
}

void TestRolloutActions::workloadRefTakesTheDeploymentTemplate()
{
    Cluster c;
    QJsonObject rollout = canaryRollout(steps(), 2);
    QJsonObject spec = rollout.value(QLatin1String("spec")).toObject();
    spec.remove(QStringLiteral("template"));
    spec.insert(QStringLiteral("workloadRef"),
                parse(R"({"apiVersion": "apps/v1", "kind": "Deployment", "name": "web-deploy"})"));
    rollout.insert(QStringLiteral("spec"), spec);
    c.create(rollouts(), rollout);
    c.pass();
    QCOMPARE(c.phase(), QStringLiteral("Degraded"));
    QCOMPARE(
        c.message(),
        QStringLiteral(
            "InvalidSpec: The Rollout \"web\" is invalid: spec.workloadRef.name: Invalid value: "
            "\"web-deploy\": deployments.apps \"web-deploy\" not found"));

    c.create(deployments(), parse(R"({"apiVersion": "apps/v1", "kind": "Deployment",
        "metadata": {"name": "web-deploy", "namespace": "shop"},
        "spec": {"replicas": 0, "selector": {"matchLabels": {"app": "web"}},
                 "template": {"metadata": {"labels": {"app": "web"}},
                              "spec": {"containers": [{"name": "web", "image": "nginx:1.30"}]}}}})"));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    const QJsonObject rs = c.replicaSetsOf(QStringLiteral("web")).at(0);
    QCOMPARE(at(rs, QStringLiteral("spec.template.spec.containers.0.image")).toString(),
             QStringLiteral("nginx:1.30"));
    QCOMPARE(c.podsOf(nameOf(rs)).size(), 2);
    QCOMPARE(annotation(c.rollout(), QStringLiteral("rollout.argoproj.io/workload-generation")),
             QStringLiteral("1"));
    QCOMPARE(c.status().value(QLatin1String("workloadObservedGeneration")).toString(),
             QStringLiteral("1"));
    // The stored spec is untouched: no template was written into it.
    QCOMPARE(at(c.rollout(), QStringLiteral("spec.template")).isUndefined(), true);
}

void TestRolloutActions::scalingMidUpdateKeepsTheSplit()
{
    Cluster c;
    atFirstPause(c);
    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("web"));
    // kubectl scale (or an HPA) sets spec.replicas; the 20% step now means 2 of 10.
    c.updateSpec(rollouts(), QStringLiteral("web"), [](QJsonObject &ro) {
        QJsonObject spec = ro.value(QLatin1String("spec")).toObject();
        spec.insert(QStringLiteral("replicas"), 10);
        ro.insert(QStringLiteral("spec"), spec);
    });
    QVERIFY(c.waitFor([&] {
        return c.availableReplicas(nameOf(sets.at(1))) == 2
            && c.availableReplicas(nameOf(sets.at(0))) == 8;
    }));
    QCOMPARE(c.specReplicas(nameOf(sets.at(1))), 2);
    QCOMPARE(c.specReplicas(nameOf(sets.at(0))), 8);
    QCOMPARE(annotation(c.replicaSet(nameOf(sets.at(0))),
                        QStringLiteral("rollout.argoproj.io/desired-replicas")),
             QStringLiteral("10"));
    QCOMPARE(c.stepIndex(), 1);
    QCOMPARE(c.status().value(QLatin1String("HPAReplicas")).toInt(), 10);
    QCOMPARE(c.status().value(QLatin1String("observedGeneration")).toString(), QStringLiteral("3"));
}

QTEST_GUILESS_MAIN(TestRolloutActions)
#include "tst_rolloutactions.moc"
