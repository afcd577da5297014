// SPDX-License-Identifier: GPL-3.0-or-later
// Step, weight and pause rules of the kubectl Argo Rollouts plugin: step strings, set and actual
// weights, revisions and images, pause timers, error conditions and promotion.
#include "rolloutstatusfixture.h"

#include <QTest>

using namespace RolloutStatusTest;

class TestRolloutStatusProgress : public QObject
{
    Q_OBJECT

private slots:
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

QTEST_GUILESS_MAIN(TestRolloutStatusProgress)
#include "tst_rolloutstatusprogress.moc"
