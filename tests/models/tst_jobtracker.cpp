// SPDX-License-Identifier: GPL-3.0-or-later
// JobTracker: the latest job wins, the previous one is cancelled once, stale tokens change
// nothing. TicketedJobs: the same per key, for answers that carry a ticket.
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

    void ticketedJobsLatestPerKeyWins()
    {
        TicketedJobs<QString> jobs;
        jobs.start(QStringLiteral("prod"), 1);
        jobs.start(QStringLiteral("dev"), 2);
        jobs.start(QStringLiteral("prod"), 3); // asked again: ticket 1's answer is stale
        QVERIFY(jobs.isRunning(QStringLiteral("prod")));
        QVERIFY(!jobs.isCurrent(1));
        QVERIFY(jobs.isCurrent(2));
        QVERIFY(jobs.isCurrent(3));
        QCOMPARE(jobs.keyOf(1), QStringLiteral("prod"));

        const TicketedJobs<QString>::Answer newest = jobs.finish(3);
        QCOMPARE(newest.key, QStringLiteral("prod"));
        QVERIFY(newest.latest);
        QVERIFY(!jobs.isRunning(QStringLiteral("prod")));
        // The older request's late answer: its key, but not the latest.
        const TicketedJobs<QString>::Answer late = jobs.finish(1);
        QCOMPARE(late.key, QStringLiteral("prod"));
        QVERIFY(!late.latest);
        // Other keys are untouched; an unknown ticket is nobody's.
        QVERIFY(jobs.finish(2).latest);
        const TicketedJobs<QString>::Answer unknown = jobs.finish(42);
        QVERIFY(unknown.key.isEmpty());
        QVERIFY(!unknown.latest);
        QVERIFY(!jobs.isRunning(QStringLiteral("dev")));
    }
};

QTEST_GUILESS_MAIN(TestJobTracker)
#include "tst_jobtracker.moc"
