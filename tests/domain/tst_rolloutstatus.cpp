// SPDX-License-Identifier: GPL-3.0-or-later
// Phase, step, weight and pause rules of the kubectl Argo Rollouts plugin, branch by branch
// with the plugin's exact messages.
#include "jsondecoder.h"
#include "rolloutstatus.h"
#include "testdata.h"
#include "timestamps.h"

#include <QTest>

#include <functional>

namespace {

using Mutation = std::function<void(Rollout &)>;

QDateTime utc(const char *text)
{
    return parseRfc3339(QString::fromLatin1(text));
}

Condition condition(const char *type, const char *status, const char *reason, const char *message)
{
    Condition c;
    c.type = QString::fromLatin1(type);
    c.status = QString::fromLatin1(status);
    c.reason = QString::fromLatin1(reason);
    c.message = QString::fromLatin1(message);
    return c;
}

RolloutStep weightStep(qint32 weight)
{
    RolloutStep step;
    step.kind = RolloutStep::Kind::SetWeight;
    step.setWeight = weight;
    return step;
}

RolloutStep pauseStep(IntOrString duration = IntOrString())
{
    RolloutStep step;
    step.kind = RolloutStep::Kind::Pause;
    step.hasPause = true;
    step.pauseDuration = duration;
    return step;
}

// A healthy, fully promoted basic canary of 3 replicas; each row breaks one thing.
Rollout healthyCanary()
{
    Rollout r;
    r.metadata.name = QStringLiteral("web");
    r.metadata.uid = QStringLiteral("uid-web");
    r.metadata.generation = 4;
    r.spec.replicas = 3;
    r.spec.canary.emplace();
    r.spec.canary->steps = {weightStep(20), pauseStep(), weightStep(60)};
    r.status.observedGeneration = QStringLiteral("4");
    r.status.replicas = 3;
    r.status.updatedReplicas = 3;
    r.status.readyReplicas = 3;
    r.status.availableReplicas = 3;
    r.status.stableRS = QStringLiteral("abc");
    r.status.currentPodHash = QStringLiteral("abc");
    r.status.currentStepIndex = 3;
    return r;
}

Rollout healthyBlueGreen()
{
    Rollout r = healthyCanary();
    r.spec.canary.reset();
    r.spec.blueGreen.emplace();
    r.spec.blueGreen->activeService = QStringLiteral("web-active");
    r.status.currentStepIndex.reset();
    r.status.activeSelector = QStringLiteral("abc");
    return r;
}

Rollout fromFile(const char *file)
{
    return decodeObject<Rollout>(domainTestData(QString::fromLatin1(file))).value;
}

ReplicaSet replicaSet(const QString &ownerUid, const char *hash, qint32 available, qint64 revision)
{
    ReplicaSet rs;
    rs.metadata.name = QStringLiteral("rs-") + QString::fromLatin1(hash);
    rs.metadata.labels.insert(QStringLiteral("rollouts-pod-template-hash"),
                              QString::fromLatin1(hash));
    rs.metadata.annotations.insert(QStringLiteral("rollout.argoproj.io/revision"),
                                   QString::number(revision));
    OwnerReference owner;
    owner.uid = ownerUid;
    owner.controller = true;
    rs.metadata.ownerReferences.append(owner);
    rs.availableReplicas = available;
    rs.replicas = available;
    return rs;
}

} // namespace

class TestRolloutStatus : public QObject
{
    Q_OBJECT

private slots:
    void phase_data()
    {
        QTest::addColumn<Rollout>("rollout");
        QTest::addColumn<QString>("phase");
        QTest::addColumn<QString>("message");

        const auto row = [](const char *name, const Rollout &base, const Mutation &change,
                            const char *phase, const QString &message) {
            Rollout r = base;
            change(r);
            QTest::newRow(name) << r << QString::fromLatin1(phase) << message;
        };
        const Rollout canary = healthyCanary();
        const Rollout blueGreen = healthyBlueGreen();
        const auto withPhase = [](Rollout &r) {
            r.status.phase = QStringLiteral("Healthy");
            r.status.message = QString();
        };

        // GetRolloutPhase guards.
        row(
            "generation not observed", canary,
            [&](Rollout &r) {
                withPhase(r);
                r.status.observedGeneration = QStringLiteral("3");
            },
            "Progressing", QStringLiteral("waiting for rollout spec update to be observed"));
        row(
            "observed generation is a hash", canary,
            [&](Rollout &r) {
                withPhase(r);
                r.status.observedGeneration = QStringLiteral("7d6f5c");
            },
            "Healthy", QString());
        row(
            "observed generation ahead", canary,
            [&](Rollout &r) {
                withPhase(r);
                r.status.observedGeneration = QStringLiteral("9");
            },
            "Healthy", QString());
        row(
            "unpausing", canary,
            [&](Rollout &r) {
                withPhase(r);
                r.status.controllerPause = true;
            },
            "Progressing", QStringLiteral("waiting for rollout to unpause"));
        row(
            "controller pause with conditions", canary,
            [&](Rollout &r) {
                r.status.controllerPause = true;
                r.status.pauseConditions
                    = {{QStringLiteral("CanaryPauseStep"), utc("2024-05-01T10:00:00Z")}};
            },
            "Paused", QStringLiteral("CanaryPauseStep"));
        row(
            "workload generation not observed", canary,
            [&](Rollout &r) {
                withPhase(r);
                r.spec.workloadRef = WorkloadRef {
                    QStringLiteral("apps/v1"), QStringLiteral("Deployment"), QStringLiteral("web")};
                r.metadata.annotations.insert(
                    QStringLiteral("rollout.argoproj.io/workload-generation"), QStringLiteral("3"));
                r.status.workloadObservedGeneration = QStringLiteral("2");
            },
            "Progressing",
            QStringLiteral(
                "waiting for rollout spec update to be observed for the reference workload"));
        row(
            "workload generation observed", canary,
            [&](Rollout &r) {
                withPhase(r);
                r.spec.workloadRef = WorkloadRef {
                    QStringLiteral("apps/v1"), QStringLiteral("Deployment"), QStringLiteral("web")};
                r.metadata.annotations.insert(
                    QStringLiteral("rollout.argoproj.io/workload-generation"), QStringLiteral("3"));
                r.status.workloadObservedGeneration = QStringLiteral("3");
            },
            "Healthy", QString());
        row(
            "status phase passes through", canary,
            [&](Rollout &r) {
                r.status.phase = QStringLiteral("Degraded");
                r.status.message = QStringLiteral("ProgressDeadlineExceeded: controller says so");
            },
            "Degraded", QStringLiteral("ProgressDeadlineExceeded: controller says so"));

        // CalculateRolloutPhase, in order.
        row(
            "invalid spec", canary,
            [&](Rollout &r) {
                r.status.conditions = {condition(
                    "InvalidSpec", "True", "InvalidSpec",
                    "The Rollout \"web\" is invalid: spec.strategy.canary.steps[1].pause.duration: "
                    "Invalid value: \"-1\"")};
            },
            "Degraded",
            QStringLiteral("InvalidSpec: The Rollout \"web\" is invalid: "
                           "spec.strategy.canary.steps[1].pause.duration: Invalid value: \"-1\""));
        row(
            "aborted", canary,
            [&](Rollout &r) {
                r.status.conditions = {condition("Progressing", "False", "RolloutAborted",
                                                 "Rollout aborted update to revision 2")};
            },
            "Degraded", QStringLiteral("RolloutAborted: Rollout aborted update to revision 2"));
        row(
            "progress deadline exceeded", canary,
            [&](Rollout &r) {
                r.status.conditions
                    = {condition("Available", "True", "AvailableReason", "ok"),
                       condition("Progressing", "False", "ProgressDeadlineExceeded",
                                 "ReplicaSet \"web-abc\" has timed out progressing.")};
            },
            "Degraded",
            QStringLiteral(
                "ProgressDeadlineExceeded: ReplicaSet \"web-abc\" has timed out progressing."));
        row(
            "first degrading condition wins", canary,
            [&](Rollout &r) {
                r.status.conditions = {condition("Progressing", "False", "RolloutAborted", "first"),
                                       condition("InvalidSpec", "True", "InvalidSpec", "second")};
            },
            "Degraded", QStringLiteral("RolloutAborted: first"));
        row(
            "manually paused", canary, [&](Rollout &r) { r.spec.paused = true; }, "Paused",
            QStringLiteral("manually paused"));
        row(
            "pause condition", canary,
            [&](Rollout &r) {
                r.status.pauseConditions
                    = {{QStringLiteral("InconclusiveAnalysisRun"), QDateTime()},
                       {QStringLiteral("CanaryPauseStep"), QDateTime()}};
            },
            "Paused", QStringLiteral("InconclusiveAnalysisRun"));
        row(
            "restart requested", canary,
            [&](Rollout &r) { r.spec.restartAt = utc("2024-05-01T10:00:00Z"); }, "Progressing",
            QStringLiteral("rollout is restarting"));
        row(
            "restart pending", canary,
            [&](Rollout &r) {
                r.spec.restartAt = utc("2024-05-02T10:00:00Z");
                r.status.restartedAt = utc("2024-05-01T10:00:00Z");
            },
            "Progressing", QStringLiteral("rollout is restarting"));
        row(
            "restart done", canary,
            [&](Rollout &r) {
                r.spec.restartAt = utc("2024-05-02T10:00:00Z");
                r.status.restartedAt = utc("2024-05-02T10:00:00Z");
            },
            "Healthy", QString());
        row(
            "replicas to update", canary, [&](Rollout &r) { r.status.updatedReplicas = 2; },
            "Progressing", QStringLiteral("more replicas need to be updated"));
        row(
            "nil replicas means one", canary,
            [&](Rollout &r) {
                r.spec.replicas.reset();
                r.status.replicas = r.status.updatedReplicas = r.status.availableReplicas = 0;
            },
            "Progressing", QStringLiteral("more replicas need to be updated"));
        row(
            "becoming available", canary, [&](Rollout &r) { r.status.availableReplicas = 2; },
            "Progressing", QStringLiteral("updated replicas are still becoming available"));
        row(
            "old replicas pending termination", canary, [&](Rollout &r) { r.status.replicas = 4; },
            "Progressing", QStringLiteral("old replicas are pending termination"));
        row(
            "traffic routing keeps old replicas", canary,
            [&](Rollout &r) {
                r.status.replicas = 4;
                r.spec.canary->hasTrafficRouting = true;
            },
            "Healthy", QString());
        row(
            "no stable yet", canary, [&](Rollout &r) { r.status.stableRS.clear(); }, "Progressing",
            QStringLiteral("waiting for all steps to complete"));
        row(
            "steps not done", canary,
            [&](Rollout &r) { r.status.currentPodHash = QStringLiteral("def"); }, "Progressing",
            QStringLiteral("waiting for all steps to complete"));
        row(
            "healthy canary", canary, [](Rollout &) {}, "Healthy", QString());
        row(
            "cutover pending (no selector)", blueGreen,
            [&](Rollout &r) { r.status.activeSelector.clear(); }, "Progressing",
            QStringLiteral("active service cutover pending"));
        row(
            "cutover pending (old selector)", blueGreen,
            [&](Rollout &r) { r.status.currentPodHash = QStringLiteral("def"); }, "Progressing",
            QStringLiteral("active service cutover pending"));
        row(
            "post-promotion analysis missing", blueGreen,
            [&](Rollout &r) {
                r.status.stableRS = QStringLiteral("old");
                r.spec.blueGreen->postPromotionAnalysis = RolloutAnalysis();
            },
            "Progressing", QStringLiteral("waiting for analysis to complete"));
        row(
            "post-promotion analysis running", blueGreen,
            [&](Rollout &r) {
                r.status.stableRS = QStringLiteral("old");
                r.spec.blueGreen->postPromotionAnalysis = RolloutAnalysis();
                r.status.postPromotionAnalysisRunStatus = AnalysisRunStatusRef {
                    QStringLiteral("web-post"), QStringLiteral("Running"), QString()};
            },
            "Progressing", QStringLiteral("waiting for analysis to complete"));
        row(
            "post-promotion analysis done", blueGreen,
            [&](Rollout &r) {
                r.status.stableRS = QStringLiteral("old");
                r.spec.blueGreen->postPromotionAnalysis = RolloutAnalysis();
                r.status.postPromotionAnalysisRunStatus = AnalysisRunStatusRef {
                    QStringLiteral("web-post"), QStringLiteral("Successful"), QString()};
            },
            "Progressing", QStringLiteral("waiting for post-promotion verification to complete"));
        row(
            "no stable blue-green", blueGreen, [&](Rollout &r) { r.status.stableRS.clear(); },
            "Progressing", QStringLiteral("waiting for post-promotion verification to complete"));
        row(
            "blue-green keeps old replicas", blueGreen, [&](Rollout &r) { r.status.replicas = 6; },
            "Healthy", QString());
        row(
            "healthy blue-green", blueGreen, [](Rollout &) {}, "Healthy", QString());
        row(
            "no strategy", canary,
            [&](Rollout &r) {
                r.spec.canary.reset();
                r.status.stableRS.clear();
            },
            "Healthy", QString());
    }

    void phase()
    {
        QFETCH(Rollout, rollout);
        QFETCH(QString, phase);
        QFETCH(QString, message);
        const RolloutPhaseInfo info = rolloutPhase(rollout);
        QCOMPARE(info.phase, phase);
        QCOMPARE(info.message, message);
    }

    void controllerPhaseMatchesCalculatedPhase_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("canary mid-step") << QStringLiteral("rollout-canary-midstep.json");
        QTest::newRow("paused canary") << QStringLiteral("rollout-canary-paused.json");
        QTest::newRow("aborted") << QStringLiteral("rollout-aborted.json");
        QTest::newRow("blue-green waiting") << QStringLiteral("rollout-bluegreen-waiting.json");
    }

    void controllerPhaseMatchesCalculatedPhase()
    {
        // status.phase/message in the fixtures are what the controller computes with the same
        // function, so the client-side fallback must agree with them.
        QFETCH(QString, file);
        Rollout r = decodeObject<Rollout>(domainTestData(file)).value;
        const RolloutPhaseInfo fromController = rolloutPhase(r);
        QCOMPARE(fromController.phase, r.status.phase);
        QCOMPARE(fromController.message, r.status.message);
        r.status.phase.clear();
        r.status.message.clear();
        QCOMPARE(calculateRolloutPhase(r), fromController);
    }

    void requiresAttention_data()
    {
        QTest::addColumn<QString>("phase");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("attention");
        QTest::newRow("degraded") << QStringLiteral("Degraded")
                                  << QStringLiteral("RolloutAborted: x") << true;
        QTest::newRow("unknown") << QStringLiteral("Unknown") << QString() << true;
        QTest::newRow("canary pause step")
            << QStringLiteral("Paused") << QStringLiteral("CanaryPauseStep") << false;
        QTest::newRow("manual pause")
            << QStringLiteral("Paused") << QStringLiteral("manually paused") << true;
        QTest::newRow("blue-green pause")
            << QStringLiteral("Paused") << QStringLiteral("BlueGreenPause") << true;
        QTest::newRow("inconclusive")
            << QStringLiteral("Paused") << QStringLiteral("InconclusiveAnalysisRun") << true;
        QTest::newRow("progressing")
            << QStringLiteral("Progressing") << QStringLiteral("waiting for all steps to complete")
            << false;
        QTest::newRow("healthy") << QStringLiteral("Healthy") << QString() << false;
    }

    void requiresAttention()
    {
        QFETCH(QString, phase);
        QFETCH(QString, message);
        QFETCH(bool, attention);
        QCOMPARE(::requiresAttention(RolloutPhaseInfo {phase, message}), attention);
    }

    void stepStrings()
    {
        const Rollout r = fromFile("rollout-canary-midstep.json");
        QStringList labels;
        for (const RolloutStep &step : r.spec.canary->steps)
            labels.append(canaryStepString(step));
        QCOMPARE(
            labels,
            QStringList({QStringLiteral("setWeight: 20"), QStringLiteral("pause: 10m"),
                         QStringLiteral("setWeight: 40"), QStringLiteral("pause: 600"),
                         QStringLiteral("analysis"), QStringLiteral("setCanaryScale{weight: 60}"),
                         QStringLiteral("setHeaderRoute: header-route"),
                         QStringLiteral("setMirrorRoute: mirror-route"),
                         QStringLiteral("plugin: argoproj-labs/step-exec"),
                         QStringLiteral("experiment"),
                         QStringLiteral("setCanaryScale{matchTrafficWeight: true}"),
                         QStringLiteral("pause")}));
        RolloutStep replicas;
        replicas.setCanaryScale = SetCanaryScale {std::nullopt, 3, false};
        QCOMPARE(canaryStepString(replicas), QStringLiteral("setCanaryScale{replicas: 3}"));
        QCOMPARE(canaryStepString(RolloutStep()), QStringLiteral("invalid"));
        QCOMPARE(stepString(r), QStringLiteral("2/12"));
        QCOMPARE(strategyName(r), QStringLiteral("Canary"));
    }

    void stepStringNeedsIndexAndSteps()
    {
        Rollout r = healthyCanary();
        QCOMPARE(stepString(r), QStringLiteral("3/3"));
        r.status.currentStepIndex.reset();
        QCOMPARE(stepString(r), QString());
        r.status.currentStepIndex = 0;
        r.spec.canary->steps.clear();
        QCOMPARE(stepString(r), QString());
        const Rollout bg = fromFile("rollout-bluegreen-waiting.json");
        QCOMPARE(stepString(bg), QString());
        QCOMPARE(strategyName(bg), QStringLiteral("BlueGreen"));
        QCOMPARE(strategyName(Rollout()), QString());
    }

    void setWeight_data()
    {
        QTest::addColumn<Rollout>("rollout");
        QTest::addColumn<qint32>("weight");
        Rollout r = healthyCanary();
        r.spec.canary->steps
            = {pauseStep(), weightStep(20), pauseStep(), weightStep(60), pauseStep()};
        const auto at = [&](std::optional<qint32> index) {
            Rollout copy = r;
            copy.status.currentStepIndex = index;
            return copy;
        };
        QTest::newRow("before any setWeight") << at(0) << 0;
        QTest::newRow("nil index is step 0") << at(std::nullopt) << 0;
        QTest::newRow("at setWeight") << at(1) << 20;
        QTest::newRow("pause after setWeight") << at(2) << 20;
        QTest::newRow("last pause") << at(4) << 60;
        QTest::newRow("all steps done") << at(5) << 100;
        Rollout aborted = at(3);
        aborted.status.abort = true;
        QTest::newRow("aborted") << aborted << 0;
        Rollout bigMax = at(5);
        bigMax.spec.canary->maxTrafficWeight = 1000;
        QTest::newRow("done with maxTrafficWeight") << bigMax << 1000;
        Rollout noSteps = at(0);
        noSteps.spec.canary->steps.clear();
        QTest::newRow("no steps") << noSteps << 100;
        QTest::newRow("mid-step fixture") << fromFile("rollout-canary-midstep.json") << 40;
        QTest::newRow("aborted fixture") << fromFile("rollout-aborted.json") << 0;
    }

    void setWeight()
    {
        QFETCH(Rollout, rollout);
        QFETCH(qint32, weight);
        QCOMPARE(currentSetWeight(rollout), weight);
    }

    void actualWeightWithTrafficRouting()
    {
        Rollout r = fromFile("rollout-canary-midstep.json");
        // Traffic still at 20 while the step already asks for 40 (issue #1812).
        QCOMPARE(actualWeight(r, QList<ReplicaSet>()), 20);
        r.status.canaryWeights.reset();
        QCOMPARE(actualWeight(r, QList<ReplicaSet>()), 40); // falls back to SetWeight
        r.status.availableReplicas = 0;
        QCOMPARE(actualWeight(r, QList<ReplicaSet>()), 0);
        r.status.currentStepIndex = 12;
        QCOMPARE(actualWeight(r, QList<ReplicaSet>()), 100); // no current step
    }

    void actualWeightWithoutTrafficRouting()
    {
        Rollout r = fromFile("rollout-canary-paused.json");
        const QString uid = r.metadata.uid;
        QList<ReplicaSet> sets
            = {replicaSet(uid, "c7d8e9f0a", 9, 1), replicaSet(uid, "b8c9d7f6a", 1, 2)};
        QCOMPARE(actualWeight(r, sets), 10); // 1 * 100 / 10
        r.status.availableReplicas = 11;
        sets[1].availableReplicas = 2;
        QCOMPARE(actualWeight(r, sets), 18); // integer division: 200 / 11
        sets[1].metadata.ownerReferences[0].uid = QStringLiteral("someone-else");
        QCOMPARE(actualWeight(r, sets), 0); // no canary ReplicaSet of this rollout
        QCOMPARE(actualWeight(r, std::optional<qint32>(5)), 45);
        QCOMPARE(actualWeight(fromFile("rollout-bluegreen-waiting.json"), sets), 0);
    }

    void revisionImagesAndCounts()
    {
        const Rollout r = fromFile("rollout-canary-midstep.json");
        const QList<ReplicaSet> sets
            = decodeList<ReplicaSet>(domainTestData(QStringLiteral("replicasets.json"))).items;
        QCOMPARE(rolloutRevision(r, sets), 4);
        QCOMPARE(rolloutRevision(r, QList<ReplicaSet>()), 4); // the Rollout's own annotation
        Rollout unannotated = r;
        unannotated.metadata.annotations.clear();
        QCOMPARE(rolloutRevision(unannotated, QList<ReplicaSet>()), 0);
        QCOMPARE(rolloutRevision(unannotated, sets), 4);
        const QList<ImageInfo> images = runningImages(r, sets);
        QCOMPARE(images.size(), 2);
        QCOMPARE(images.at(0),
                 (ImageInfo {QStringLiteral("registry.example.com/shop/checkout:2.3.1"),
                             {QStringLiteral("stable")}}));
        QCOMPARE(images.at(1),
                 (ImageInfo {QStringLiteral("registry.example.com/shop/checkout:2.4.0"),
                             {QStringLiteral("canary")}}));
        QCOMPARE(actualWeight(r, sets), 20);
        const RolloutCounts counts = rolloutCounts(r);
        QCOMPARE(counts.desired, 5);
        QCOMPARE(counts.current, 6);
        QCOMPARE(counts.ready, 6);
        QCOMPARE(counts.updated, 1);
        QCOMPARE(counts.available, 6);
    }

    void canaryPauseTimer()
    {
        Rollout r = fromFile("rollout-canary-paused.json");
        QCOMPARE(pauseEndTime(r), utc("2024-05-02T11:00:00Z"));
        QCOMPARE(remainingPauseMSecs(r, utc("2024-05-02T10:15:00Z")),
                 std::optional<qint64>(45 * 60 * 1000));
        QCOMPARE(remainingPauseMSecs(r, utc("2024-05-02T12:00:00Z")), std::optional<qint64>(0));
        r.spec.canary->steps[1].pauseDuration = IntOrString::fromInt(90);
        QCOMPARE(pauseEndTime(r), utc("2024-05-02T10:01:30Z"));
        r.spec.canary->steps[1].pauseDuration = IntOrString::fromString(QStringLiteral("soon"));
        QVERIFY(!pauseEndTime(r).isValid());
        r.spec.canary->steps[1].pauseDuration = IntOrString();
        QVERIFY(!pauseEndTime(r).isValid()); // indefinite
        QVERIFY(!remainingPauseMSecs(r, utc("2024-05-02T10:15:00Z")).has_value());
        QVERIFY(!pauseEndTime(fromFile("rollout-canary-midstep.json")).isValid());
    }

    void blueGreenPauseTimer()
    {
        Rollout r = fromFile("rollout-bluegreen-waiting.json");
        QCOMPARE(pauseEndTime(r), utc("2024-05-04T08:07:00Z"));
        r.spec.blueGreen->autoPromotionEnabled = false;
        QVERIFY(!pauseEndTime(r).isValid());
        r.spec.blueGreen->autoPromotionEnabled.reset();
        r.spec.blueGreen->autoPromotionSeconds = 0;
        QVERIFY(!pauseEndTime(r).isValid());
    }

    void errorConditions()
    {
        const Rollout aborted = fromFile("rollout-aborted.json");
        QCOMPARE(
            rolloutErrorConditions(aborted),
            QStringList({QStringLiteral("Metric \"success-rate\" assessed Failed due to failed "
                                        "(3) > failureLimit (2)")}));
        Rollout invalid = healthyCanary();
        invalid.status.conditions = {condition("InvalidSpec", "True", "InvalidSpec", "bad steps")};
        QCOMPARE(rolloutErrorConditions(invalid), QStringList({QStringLiteral("bad steps")}));
        QCOMPARE(rolloutErrorConditions(fromFile("rollout-canary-midstep.json")), QStringList());
    }

    void unpausingAndPromotion()
    {
        Rollout r = healthyCanary();
        QVERIFY(isFullyPromoted(r));
        QVERIFY(!isUnpausing(r));
        r.status.controllerPause = true;
        QVERIFY(isUnpausing(r));
        r.status.currentPodHash = QStringLiteral("new");
        QVERIFY(!isFullyPromoted(r));
    }
};

QTEST_GUILESS_MAIN(TestRolloutStatus)
#include "tst_rolloutstatus.moc"
