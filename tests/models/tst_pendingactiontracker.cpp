// SPDX-License-Identifier: GPL-3.0-or-later
// "Pausing…" ends when the watched rollout shows the effect, or times out.

#include "pendingactiontracker.h"
#include <QSignalSpy>
#include <QTest>

class TestPendingActionTracker : public QObject
{
    Q_OBJECT

    static Rollout canary(qint64 generation, qint64 observed)
    {
        Rollout r;
        r.metadata.uid = QStringLiteral("u1");
        r.metadata.generation = generation;
        r.status.observedGeneration = QString::number(observed);
        r.spec.canary.emplace();
        r.status.stableRS = QStringLiteral("a");
        r.status.currentPodHash = QStringLiteral("b");
        return r;
    }

private slots:
    void confirmsWhenTheWatchShowsTheEffect()
    {
        PendingActionTracker tracker;
        QSignalSpy confirmed(&tracker, &PendingActionTracker::confirmed);
        const RolloutRef key {QStringLiteral("prod"), QStringLiteral("u1")};
        Rollout before = canary(4, 4);
        tracker.add(key, ActionExpectation {RolloutAction::Pause, 5, {}, {}}, &before);
        QVERIFY(tracker.isPending(key));
        QCOMPARE(tracker.pendingAction(key), RolloutAction::Pause);

        Rollout specOnly = canary(5, 4); // the API server has it, the controller not yet
        specOnly.spec.paused = true;
        tracker.rolloutChanged(key, specOnly);
        QCOMPARE(confirmed.size(), 0);

        Rollout paused = canary(5, 5);
        paused.spec.paused = true;
        paused.status.phase = QStringLiteral("Paused");
        tracker.rolloutChanged(key, paused);
        QCOMPARE(confirmed.size(), 1);
        QCOMPARE(confirmed.at(0).at(0).value<RolloutRef>(), key);
        QVERIFY(!tracker.isPending(key));
    }

    void alreadyVisibleEffectConfirmsAtOnce()
    {
        PendingActionTracker tracker;
        QSignalSpy confirmed(&tracker, &PendingActionTracker::confirmed);
        Rollout aborted = canary(3, 3);
        aborted.status.abort = true;
        aborted.status.phase = QStringLiteral("Degraded");
        const RolloutRef key {QStringLiteral("dev"), QStringLiteral("u1")};
        tracker.add(key, ActionExpectation {RolloutAction::Abort, 3, {}, {}}, &aborted);
        QCOMPARE(confirmed.size(), 1);
        QVERIFY(!tracker.isPending(key));
    }

    void timesOut()
    {
        PendingActionTracker tracker;
        QDateTime now(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
        tracker.setClock([&] { return now; });
        tracker.setTimeoutMs(15000);
        QSignalSpy timedOut(&tracker, &PendingActionTracker::timedOut);
        const RolloutRef key {QStringLiteral("dev"), QStringLiteral("u1")};
        tracker.add(key, ActionExpectation {RolloutAction::Retry, 3, {}, {}}, nullptr);
        now = now.addSecs(14);
        tracker.checkDeadlines();
        QCOMPARE(timedOut.size(), 0);
        now = now.addSecs(1);
        tracker.checkDeadlines();
        QCOMPARE(timedOut.size(), 1);
        QCOMPARE(timedOut.at(0).at(1).value<RolloutAction>(), RolloutAction::Retry);
        QVERIFY(!tracker.isPending(key));
    }
};

QTEST_GUILESS_MAIN(TestPendingActionTracker)
#include "tst_pendingactiontracker.moc"
