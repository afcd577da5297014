// SPDX-License-Identifier: GPL-3.0-or-later
// ReleaseTracker: batches of hand-built objects in, release-record rows out. One rollout
// lives through a catch-up, a new revision, a person's pause, a promote past an indefinite
// pause, an analysis run, an abort, a retry, the promotion and its deletion.
#include "releasetrackerfixture.h"

#include <QtTest>

using namespace ReleaseTrackerFixture;

class TestReleaseTracker : public QObject
{
    Q_OBJECT

private slots:
    void catchUpMarksWhatBeganBeforeAsPartial();
    void followsARevisionFromStartToPromotion();
    void recordsAnalysisMeasurementsAndEvents();
    void auditActionsLandOnTheReleaseOfTheirTime();
    void deletedRolloutEndsItsRelease();
    void blueGreenPromotedByAPerson();
};

void TestReleaseTracker::catchUpMarksWhatBeganBeforeAsPartial()
{
    ReleaseTracker tracker(QStringLiteral("prod"), at(100));
    WorkloadDeltaBatch batch = batchOf({webAt("abc", "abc", 3, "Healthy")},
                                       {replicaSet("old", 1, 0, 0), replicaSet("abc", 2, 50, 4)});
    batch.reset = true;
    const HistoryWrite write = tracker.apply(batch, at(101));

    QCOMPARE(write.releases.size(), 2);
    const ReleaseSummary *first = findRelease(write, 1);
    QVERIFY(first);
    QCOMPARE(first->outcome, ReleaseOutcome::Superseded);
    QVERIFY(first->partiallyObserved);
    QCOMPARE(first->startedAt, at(0));
    QCOMPARE(first->endedAt, at(50)); // when revision 2's ReplicaSet was made
    QCOMPARE(first->images, QStringList {QStringLiteral("shop/web:old")});
    const ReleaseSummary *second = findRelease(write, 2);
    QVERIFY(second);
    QCOMPARE(second->outcome, ReleaseOutcome::Promoted);
    QVERIFY(second->partiallyObserved);
    QCOMPARE(second->namespaceName, QStringLiteral("shop"));
    QCOMPARE(second->workload, QStringLiteral("web"));
    QCOMPARE(second->stepCount, 3);
    QCOMPARE(write.stepTexts.size(), 1);
    QCOMPARE(write.stepTexts[0].value,
             (QStringList {QStringLiteral("setWeight: 20"), QStringLiteral("pause"),
                           QStringLiteral("setWeight: 60")}));
    QCOMPARE(write.transitions.size(), 1);
    QCOMPARE(write.transitions[0].value.phase, QStringLiteral("Healthy"));

    // Begun before recording but still at its first step when first seen: nothing missed.
    ReleaseTracker fresh(QStringLiteral("prod"), at(100));
    WorkloadDeltaBatch early = batchOf({webAt("new", "abc", 0, "Progressing")},
                                       {replicaSet("abc", 2, 50, 3), replicaSet("new", 3, 99, 1)});
    early.reset = true;
    const HistoryWrite caughtUp = fresh.apply(early, at(101));
    QVERIFY(!findRelease(caughtUp, 3)->partiallyObserved);
    QVERIFY(findRelease(caughtUp, 2)->partiallyObserved);

    // A rollout listed before its ReplicaSets: its releases come with them, caught up.
    ReleaseTracker late(QStringLiteral("prod"), at(100));
    WorkloadDeltaBatch rolloutFirst = batchOf({webAt("abc", "abc", 3, "Healthy")});
    rolloutFirst.reset = true;
    QVERIFY(late.apply(rolloutFirst, at(101)).releases.isEmpty());
    const HistoryWrite withSets = late.apply(
        batchOf({}, {replicaSet("old", 1, 0, 0), replicaSet("abc", 2, 50, 4)}), at(102));
    QCOMPARE(withSets.releases.size(), 2);
    QCOMPARE(findRelease(withSets, 1)->outcome, ReleaseOutcome::Superseded);
    QCOMPARE(findRelease(withSets, 2)->outcome, ReleaseOutcome::Promoted);
    QVERIFY(findRelease(withSets, 2)->partiallyObserved);

    // Nothing new: nothing written.
    QVERIFY(tracker.apply(batchOf({webAt("abc", "abc", 3, "Healthy")}), at(102)).isEmpty());
}

void TestReleaseTracker::followsARevisionFromStartToPromotion()
{
    ReleaseTracker tracker(QStringLiteral("prod"), at(100));
    WorkloadDeltaBatch reset
        = batchOf({webAt("abc", "abc", 3, "Healthy")}, {replicaSet("abc", 2, 50, 4)});
    reset.reset = true;
    tracker.apply(reset, at(101));

    // Revision 3 starts: one of four pods, step 0 (setWeight 20).
    HistoryWrite w = tracker.apply(
        batchOf({webAt("new", "abc", 0, "Progressing")}, {replicaSet("new", 3, 200, 1)}), at(201));
    const ReleaseSummary *third = findRelease(w, 3);
    QVERIFY(third);
    QCOMPARE(third->outcome, ReleaseOutcome::InProgress);
    QVERIFY(!third->partiallyObserved);
    QCOMPARE(third->startedAt, at(200));
    QCOMPARE(w.transitions.size(), 1);
    QCOMPARE(w.transitions[0].value.desiredWeight, 20);
    QCOMPARE(w.transitions[0].value.actualWeight, 25); // 1 of 4 available pods
    QCOMPARE(w.transitions[0].value.time, at(201));

    // A person pauses it (spec.paused): an observed action and a paused transition.
    Rollout paused = webAt("new", "abc", 0, "Paused");
    paused.spec.paused = true;
    w = tracker.apply(batchOf({paused}), at(230));
    QCOMPARE(w.actions.size(), 1);
    QCOMPARE(w.actions[0].value.action, QStringLiteral("pause"));
    QCOMPARE(w.actions[0].value.source, ReleaseAction::Source::Observed);
    QCOMPARE(w.actions[0].release.revision, 3);
    QVERIFY(w.transitions.at(0).value.paused);

    // Resumed, then at step 1 (an indefinite pause), then past it: somebody promoted.
    w = tracker.apply(batchOf({webAt("new", "abc", 1, "Paused")}), at(260));
    QCOMPARE(w.actions.size(), 1);
    QCOMPARE(w.actions[0].value.action, QStringLiteral("resume"));
    Rollout atPause = webAt("new", "abc", 1, "Paused");
    atPause.status.pauseConditions.append({QStringLiteral("CanaryPauseStep"), at(261)});
    tracker.apply(batchOf({atPause}), at(262));
    w = tracker.apply(batchOf({webAt("new", "abc", 2, "Progressing")}), at(300));
    QCOMPARE(w.actions.size(), 1);
    QCOMPARE(w.actions[0].value.action, QStringLiteral("promote"));

    // Aborted at 310 (status.abortedAt), then retried.
    Rollout aborted = webAt("new", "abc", 0, "Degraded");
    aborted.status.abort = true;
    aborted.status.abortedAt = at(310);
    w = tracker.apply(batchOf({aborted}), at(311));
    QCOMPARE(findRelease(w, 3)->outcome, ReleaseOutcome::Aborted);
    QCOMPARE(findRelease(w, 3)->endedAt, at(310));
    QCOMPARE(w.actions[0].value.action, QStringLiteral("abort"));
    QCOMPARE(w.actions[0].value.time, at(310));
    w = tracker.apply(batchOf({webAt("new", "abc", 0, "Progressing")}), at(320));
    QCOMPARE(findRelease(w, 3)->outcome, ReleaseOutcome::InProgress);
    QVERIFY(!findRelease(w, 3)->endedAt.isValid());
    QCOMPARE(w.actions[0].value.action, QStringLiteral("retry"));

    // Fully promoted: stable is the new hash and the rollout is Healthy.
    w = tracker.apply(batchOf({webAt("new", "new", 3, "Healthy")}, {replicaSet("new", 3, 200, 4)}),
                      at(400));
    QCOMPARE(findRelease(w, 3)->outcome, ReleaseOutcome::Promoted);
    QCOMPARE(findRelease(w, 3)->endedAt, at(400));
    QCOMPARE(findRelease(w, 3)->durationMSecs(), 200'000);

    // Undo: the old ReplicaSet "abc" comes back as revision 4, begun when it became current.
    w = tracker.apply(
        batchOf({webAt("abc", "new", 0, "Progressing")}, {replicaSet("abc", 4, 50, 1)}), at(450));
    QVERIFY(findRelease(w, 4));
    QCOMPARE(findRelease(w, 4)->startedAt, at(450));
    QCOMPARE(w.actions.size(), 1);
    QCOMPARE(w.actions[0].value.action, QStringLiteral("undo"));
    QCOMPARE(w.actions[0].release.revision, 4);
    QCOMPARE(w.actions[0].value.time, at(450));

    // Revision 6 replaces an unfinished 5: superseded when 6's ReplicaSet was made.
    w = tracker.apply(
        batchOf({webAt("five", "new", 0, "Progressing")}, {replicaSet("five", 5, 500, 1)}),
        at(501));
    QCOMPARE(findRelease(w, 4)->outcome, ReleaseOutcome::Superseded);
    QCOMPARE(findRelease(w, 4)->endedAt, at(500));
    QVERIFY(w.actions.isEmpty()); // a new template: no undo
    w = tracker.apply(
        batchOf({webAt("six", "new", 0, "Progressing")}, {replicaSet("six", 6, 600, 1)}), at(601));
    QCOMPARE(findRelease(w, 5)->outcome, ReleaseOutcome::Superseded);
    QCOMPARE(findRelease(w, 5)->endedAt, at(600));
}

void TestReleaseTracker::recordsAnalysisMeasurementsAndEvents()
{
    ReleaseTracker tracker(QStringLiteral("prod"), at(0));
    tracker.apply(batchOf({webAt("new", "abc", 0, "Progressing")},
                          {replicaSet("abc", 2, 0, 3), replicaSet("new", 3, 10, 1)}),
                  at(20));

    AnalysisRun run;
    run.metadata.name = QStringLiteral("web-new-3-1");
    run.metadata.namespaceName = QStringLiteral("shop");
    run.metadata.ownerReferences.append({QStringLiteral("argoproj.io/v1alpha1"),
                                         QStringLiteral("Rollout"), QStringLiteral("web"),
                                         QStringLiteral("uid-web"), true});
    run.metadata.labels.insert(QStringLiteral("rollouts-pod-template-hash"), QStringLiteral("new"));
    run.phase = QStringLiteral("Running");
    AnalysisMetric metric;
    metric.name = QStringLiteral("success-rate");
    metric.successCondition = QStringLiteral("result[0] >= 0.95");
    run.metrics.append(metric);
    MetricResult result;
    result.name = metric.name;
    Measurement m;
    m.phase = QStringLiteral("Running");
    m.startedAt = at(30);
    result.measurements.append(m);
    run.metricResults.append(result);
    WorkloadDeltaBatch batch;
    batch.upserts<AnalysisRun>().append(run);
    HistoryWrite w = tracker.apply(batch, at(31));
    QCOMPARE(w.analysisRuns.size(), 1);
    QCOMPARE(w.analysisRuns[0].release.revision, 3);
    QCOMPARE(w.measurements.size(), 1);
    QCOMPARE(w.measurements[0].value.successCondition, QStringLiteral("result[0] >= 0.95"));

    // The measurement finishes: the same row (metric and start) with its value.
    run.metricResults[0].measurements[0].phase = QStringLiteral("Successful");
    run.metricResults[0].measurements[0].value = QStringLiteral("[0.99]");
    run.metricResults[0].measurements[0].finishedAt = at(31);
    batch.upserts<AnalysisRun>() = {run};
    w = tracker.apply(batch, at(32));
    QCOMPARE(w.measurements.size(), 1);
    QCOMPARE(w.measurements[0].value.value, QStringLiteral("[0.99]"));
    QCOMPARE(w.measurements[0].value.startedAt, at(30));
    QVERIFY(w.analysisRuns.isEmpty()); // the run itself did not change

    // An event about the run and one about the rollout; a repeat with a higher count.
    Event e;
    e.metadata.uid = QStringLiteral("ev-1");
    e.metadata.name = QStringLiteral("web-new-3-1.1");
    e.metadata.namespaceName = QStringLiteral("shop");
    e.involvedObject = {QStringLiteral("argoproj.io/v1alpha1"),
                        QStringLiteral("AnalysisRun"),
                        QStringLiteral("shop"),
                        run.metadata.name,
                        QString(),
                        QString()};
    e.reason = QStringLiteral("MetricSuccessful");
    e.count = 1;
    e.lastTimestamp = at(31);
    Event onRollout = e;
    onRollout.metadata.uid = QStringLiteral("ev-2");
    onRollout.metadata.name = QStringLiteral("web.2");
    onRollout.involvedObject = {QStringLiteral("argoproj.io/v1alpha1"),
                                QStringLiteral("Rollout"),
                                QStringLiteral("shop"),
                                QStringLiteral("web"),
                                QStringLiteral("uid-web"),
                                QString()};
    onRollout.reason = QStringLiteral("RolloutStepCompleted");
    WorkloadDeltaBatch events;
    events.upserts<Event>() = {e, onRollout};
    w = tracker.apply(events, at(33));
    QCOMPARE(w.events.size(), 2);
    QCOMPARE(w.events[0].release.revision, 3);
    QCOMPARE(w.events[1].release.revision, 3);
    QVERIFY(tracker.apply(events, at(34)).events.isEmpty());
    events.upserts<Event>()[0].count = 2;
    QCOMPARE(tracker.apply(events, at(35)).events.size(), 1);
}

void TestReleaseTracker::auditActionsLandOnTheReleaseOfTheirTime()
{
    ReleaseTracker tracker(QStringLiteral("prod"), at(0));
    WorkloadDeltaBatch reset = batchOf({webAt("new", "abc", 0, "Progressing")},
                                       {replicaSet("abc", 2, 0, 3), replicaSet("new", 3, 100, 1)});
    reset.reset = true; // the catch-up records revision 2 too
    tracker.apply(reset, at(120));
    AuditRecord record;
    record.id = QStringLiteral("a1");
    record.stage = AuditRecord::Stage::Outcome;
    record.environment = QStringLiteral("prod");
    record.namespaceName = QStringLiteral("shop");
    record.rollout = QStringLiteral("web");
    record.action = QStringLiteral("pause");
    record.user = QStringLiteral("alice");
    record.result = AuditRecord::Result::Succeeded;
    record.time = at(130);
    HistoryWrite w = tracker.applyAudit(record);
    QCOMPARE(w.actions.size(), 1);
    QCOMPARE(w.actions[0].release.revision, 3);
    QCOMPARE(w.actions[0].value.user, QStringLiteral("alice"));
    QCOMPARE(w.actions[0].value.result, QStringLiteral("succeeded"));
    QCOMPARE(w.actions[0].value.source, ReleaseAction::Source::Audit);
    // The window's own pause for a failed gate is not read as the person's.
    AuditRecord byGate = record;
    byGate.client = QStringLiteral("gate");
    byGate.reason = QStringLiteral("gate 'orders' failed: canary 0.94 is below the minimum 0.97");
    byGate.message = QStringLiteral("Paused.");
    const ReleaseAction gateAction = tracker.applyAudit(byGate).actions.value(0).value;
    QCOMPARE(gateAction.user, QStringLiteral("alice (onGateFail)"));
    QCOMPARE(gateAction.message, byGate.reason + QStringLiteral(" — Paused."));

    // A Flagger canary named like the rollout: its actions are not the rollout's.
    AuditRecord canaryAction = record;
    canaryAction.action = QStringLiteral("canary-pause");
    QVERIFY(tracker.applyAudit(canaryAction).isEmpty());

    record.time = at(50); // before revision 3 began: revision 2's
    w = tracker.applyAudit(record);
    QCOMPARE(w.actions.size(), 1);
    QCOMPARE(w.actions[0].release.revision, 2);
    record.environment = QStringLiteral("dev");
    QVERIFY(tracker.applyAudit(record).isEmpty());
    record.environment = QStringLiteral("prod");
    record.stage = AuditRecord::Stage::Attempt;
    QVERIFY(tracker.applyAudit(record).isEmpty());
}

void TestReleaseTracker::deletedRolloutEndsItsRelease()
{
    ReleaseTracker tracker(QStringLiteral("prod"), at(0));
    tracker.apply(batchOf({webAt("new", "abc", 0, "Progressing")},
                          {replicaSet("abc", 2, 0, 3), replicaSet("new", 3, 10, 1)}),
                  at(20));
    WorkloadDeltaBatch gone;
    gone.deletes<Rollout>().append(QStringLiteral("shop/web"));
    const HistoryWrite w = tracker.apply(gone, at(40));
    QCOMPARE(w.deletedWorkloads.size(), 1);
    QCOMPARE(w.deletedWorkloads[0].workloadUid, QStringLiteral("uid-web"));
    QCOMPARE(w.deletedWorkloads[0].deletedAt, at(40));
    const ReleaseSummary *third = findRelease(w, 3);
    QVERIFY(third);
    QCOMPARE(third->outcome, ReleaseOutcome::Deleted);
    QCOMPARE(third->endedAt, at(40));
    QCOMPARE(third->workloadDeletedAt, at(40));
    // Forgotten: a later batch about it writes nothing.
    WorkloadDeltaBatch again;
    again.deletes<Rollout>().append(QStringLiteral("shop/web"));
    QVERIFY(tracker.apply(again, at(50)).isEmpty());
}

void TestReleaseTracker::blueGreenPromotedByAPerson()
{
    Rollout waiting = healthyBlueGreen();
    waiting.metadata.namespaceName = QStringLiteral("shop");
    waiting.spec.blueGreen->autoPromotionEnabled = false;
    waiting.status.currentPodHash = QStringLiteral("new");
    waiting.status.stableRS = QStringLiteral("abc");
    waiting.status.phase = QStringLiteral("Paused");
    waiting.status.pauseConditions.append({QStringLiteral("BlueGreenPause"), at(10)});
    ReleaseTracker tracker(QStringLiteral("prod"), at(0));
    tracker.apply(batchOf({waiting}, {replicaSet("abc", 2, 0, 3), replicaSet("new", 3, 5, 3)}),
                  at(20));
    Rollout promoted = waiting;
    promoted.status.pauseConditions.clear();
    promoted.status.phase = QStringLiteral("Progressing");
    const HistoryWrite w = tracker.apply(batchOf({promoted}), at(30));
    QCOMPARE(w.actions.size(), 1);
    QCOMPARE(w.actions[0].value.action, QStringLiteral("promote"));
    QCOMPARE(w.actions[0].value.time, at(30));
    // With auto-promotion on, the same change is the controller's: no action.
    waiting.spec.blueGreen->autoPromotionEnabled = true;
    promoted.spec.blueGreen->autoPromotionEnabled = true;
    ReleaseTracker automatic(QStringLiteral("prod"), at(0));
    automatic.apply(batchOf({waiting}, {replicaSet("abc", 2, 0, 3), replicaSet("new", 3, 5, 3)}),
                    at(20));
    QVERIFY(automatic.apply(batchOf({promoted}), at(30)).actions.isEmpty());
}

QTEST_GUILESS_MAIN(TestReleaseTracker)
#include "tst_releasetracker.moc"
