// SPDX-License-Identifier: GPL-3.0-or-later
// ReleaseTracker at the edges a review found: a rollout deleted and created again under the
// same name between two looks, the ReplicaSet of a new revision a batch after the rollout,
// an abort the controller made for a failed analysis, and credentials in cluster text.
#include "releasetrackerfixture.h"

using namespace ReleaseTrackerFixture;

class TestReleaseTrackerEdges : public QObject
{
    Q_OBJECT

private slots:
    void recreatedUnderTheSameNameEndsTheOldOne()
    {
        ReleaseTracker tracker(QStringLiteral("prod"), at(0));
        Rollout paused = webAt("new", "abc", 1, "Paused");
        paused.spec.paused = true;
        tracker.apply(batchOf({paused}, {replicaSet("abc", 2, 0, 3), replicaSet("new", 3, 10, 1)}),
                      at(20));
        Rollout again = webAt("fresh", "fresh", 0, "Progressing");
        again.metadata.uid = QStringLiteral("uid-web-2");
        ReplicaSet fresh = replicaSet("fresh", 1, 30, 1);
        fresh.metadata.ownerReferences[0].uid = QStringLiteral("uid-web-2");
        const HistoryWrite w = tracker.apply(batchOf({again}, {fresh}), at(31));
        QCOMPARE(w.deletedWorkloads.size(), 1);
        QCOMPARE(w.deletedWorkloads[0].workloadUid, QStringLiteral("uid-web"));
        QVERIFY(w.actions.isEmpty()); // "resume" between two different objects: no
        bool oldEnded = false;
        bool newBegun = false;
        for (const ReleaseSummary &s : w.releases) {
            oldEnded |= s.key.workloadUid == QLatin1String("uid-web")
                && s.outcome == ReleaseOutcome::Deleted;
            newBegun |= s.key.workloadUid == QLatin1String("uid-web-2") && s.key.revision == 1;
        }
        QVERIFY(oldEnded);
        QVERIFY(newBegun);
    }

    void resetWithoutTheRolloutsDeletesNothing()
    {
        // After a refresh the first batch may hold only the informers that had listed by
        // then (here the ReplicaSets): the rollouts it lacks are not gone.
        ReleaseTracker tracker(QStringLiteral("prod"), at(0));
        tracker.apply(batchOf({webAt("new", "abc", 0, "Progressing")},
                              {replicaSet("abc", 2, 0, 3), replicaSet("new", 3, 10, 1)}),
                      at(20));
        WorkloadDeltaBatch partial = batchOf({}, {replicaSet("abc", 2, 0, 3)});
        partial.reset = true;
        const HistoryWrite w = tracker.apply(partial, at(30));
        QVERIFY(w.deletedWorkloads.isEmpty());
        QVERIFY(w.releases.isEmpty());
    }

    void replicaSetOfANewRevisionABatchLater()
    {
        ReleaseTracker tracker(QStringLiteral("prod"), at(0));
        tracker.apply(batchOf({webAt("abc", "abc", 3, "Healthy")}, {replicaSet("abc", 2, 0, 3)}),
                      at(10));
        // The rollout names revision 3's hash before its ReplicaSet has reached us.
        HistoryWrite w = tracker.apply(batchOf({webAt("new", "abc", 0, "Progressing")}), at(20));
        QVERIFY(!findRelease(w, 3));
        w = tracker.apply(batchOf({}, {replicaSet("new", 3, 19, 1)}), at(21));
        QVERIFY(findRelease(w, 3));
        QCOMPARE(findRelease(w, 3)->startedAt, at(19));
        QCOMPARE(findRelease(w, 3)->outcome, ReleaseOutcome::InProgress);
        QVERIFY(!findRelease(w, 3)->partiallyObserved);
    }

    void analysisAbortIsNoAction()
    {
        ReleaseTracker tracker(QStringLiteral("prod"), at(0));
        tracker.apply(batchOf({webAt("new", "abc", 0, "Progressing")},
                              {replicaSet("abc", 2, 0, 3), replicaSet("new", 3, 10, 1)}),
                      at(20));
        Rollout aborted = webAt("new", "abc", 0, "Degraded");
        aborted.status.abort = true;
        aborted.status.abortedAt = at(25);
        aborted.status.currentStepAnalysisRunStatus
            = AnalysisRunStatusRef {QStringLiteral("web-new-3-1"), QStringLiteral("Failed"),
                                    QStringLiteral("error-rate assessed Failed")};
        const HistoryWrite w = tracker.apply(batchOf({aborted}), at(26));
        QVERIFY(w.actions.isEmpty());
        QCOMPARE(findRelease(w, 3)->outcome, ReleaseOutcome::Aborted);
        QCOMPARE(findRelease(w, 3)->endedAt, at(25));
    }

    void credentialsInClusterTextAreNotKept()
    {
        ReleaseTracker tracker(QStringLiteral("prod"), at(0));
        tracker.apply(batchOf({webAt("new", "abc", 0, "Progressing")},
                              {replicaSet("abc", 2, 0, 3), replicaSet("new", 3, 10, 1)}),
                      at(20));
        Event e;
        e.metadata.uid = QStringLiteral("ev-1");
        e.metadata.name = QStringLiteral("web.1");
        e.metadata.namespaceName = QStringLiteral("shop");
        e.involvedObject = {QStringLiteral("argoproj.io/v1alpha1"),
                            QStringLiteral("Rollout"),
                            QStringLiteral("shop"),
                            QStringLiteral("web"),
                            QStringLiteral("uid-web"),
                            QString()};
        e.message = QStringLiteral("GET https://metrics/q?access_token=s3cr3t failed");
        e.lastTimestamp = at(21);
        WorkloadDeltaBatch batch;
        batch.upserts<Event>() = {e};
        const HistoryWrite w = tracker.apply(batch, at(22));
        QCOMPARE(w.events.size(), 1);
        QVERIFY(!w.events[0].value.message.contains(QStringLiteral("s3cr3t")));
        QVERIFY(w.events[0].value.message.contains(QStringLiteral("[redacted]")));
    }
};

QTEST_GUILESS_MAIN(TestReleaseTrackerEdges)
#include "tst_releasetrackeredges.moc"
