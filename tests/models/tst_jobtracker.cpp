// SPDX-License-Identifier: GPL-3.0-or-later
// JobTracker: the latest job wins, the previous one is cancelled once, stale tokens change
// nothing.
#include "jobtracker.h"

#include <QTest>

class TestJobTracker : public QObject
{
    Q_OBJECT

private slots:
    void latestJobWins()
    {
        JobTracker tracker;
        QVERIFY(!tracker.isRunning());
        const JobTracker::Token first = tracker.startJob();
        QVERIFY(tracker.isCurrent(first));
        const JobTracker::Token second = tracker.startJob();
        QVERIFY(second != first);
        QVERIFY(!tracker.isCurrent(first));
        QVERIFY(tracker.isCurrent(second));
        QCOMPARE(tracker.currentToken(), second);
        // The first job's late answer changes nothing.
        QVERIFY(!tracker.finish(first));
        QVERIFY(tracker.isRunning());
        QVERIFY(tracker.finish(second));
        QVERIFY(!tracker.isRunning());
        QVERIFY(!tracker.isCurrent(second)); // finished: nothing more of it is used
        QVERIFY(!tracker.finish(second));
    }

    void startCancelsThePreviousJobOnce()
    {
        JobTracker tracker;
        int firstCancelled = 0;
        int secondCancelled = 0;
        tracker.startJob([&] { ++firstCancelled; });
        const JobTracker::Token second = tracker.startJob([&] { ++secondCancelled; });
        QCOMPARE(firstCancelled, 1);
        QCOMPARE(secondCancelled, 0);
        // A finished job is not cancelled by the next one.
        QVERIFY(tracker.finish(second));
        tracker.startJob();
        QCOMPARE(secondCancelled, 0);
        QCOMPARE(firstCancelled, 1);
    }

    void cancelMakesEveryTokenStale()
    {
        JobTracker tracker;
        int cancelled = 0;
        const JobTracker::Token token = tracker.startJob([&] { ++cancelled; });
        tracker.cancel();
        QCOMPARE(cancelled, 1);
        QVERIFY(!tracker.isRunning());
        QVERIFY(!tracker.isCurrent(token));
        QVERIFY(!tracker.finish(token));
        tracker.cancel(); // nothing running: the function does not run again
        QCOMPARE(cancelled, 1);
    }

    void cancelFunctionMayStartAnotherJob()
    {
        JobTracker tracker;
        JobTracker::Token restarted = 0;
        tracker.startJob([&] { restarted = tracker.startJob(); });
        tracker.cancel();
        QVERIFY(tracker.isCurrent(restarted));
    }
};

QTEST_GUILESS_MAIN(TestJobTracker)
#include "tst_jobtracker.moc"
