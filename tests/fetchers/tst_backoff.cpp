// SPDX-License-Identifier: GPL-3.0-or-later
#include "backoff.h"

#include <QTest>

class TestBackoff : public QObject
{
    Q_OBJECT

private slots:
    void doublesFromPointEightToThirtySeconds()
    {
        qint64 now = 0;
        Backoff backoff(
            BackoffPolicy(), [&] { return now; }, [] { return 0.0; });
        QList<int> delays;
        for (int i = 0; i < 8; ++i) {
            delays.append(backoff.next());
            now += 10;
        }
        QCOMPARE(delays, QList<int>({800, 1600, 3200, 6400, 12800, 25600, 30000, 30000}));
        QCOMPARE(backoff.failures(), 8);
        QCOMPARE(backoff.peekBase(), 30000);
    }

    void jitterStretchesButNeverPassesTheCap()
    {
        qint64 now = 0;
        double random = 0.5;
        Backoff backoff(
            BackoffPolicy(), [&] { return now; }, [&] { return random; });
        QCOMPARE(backoff.next(), 1200); // 800 + 0.5 * 800
        QCOMPARE(backoff.next(), 2400);
        random = 0.999;
        QCOMPARE(backoff.next(), 6396); // 3200 + 3196.8, truncated
        for (int i = 0; i < 4; ++i)
            backoff.next();
        QCOMPARE(backoff.next(), 30000);
    }

    void resetsAfterTwoStableMinutes()
    {
        qint64 now = 0;
        Backoff backoff(
            BackoffPolicy(), [&] { return now; }, [] { return 0.0; });
        QCOMPARE(backoff.next(), 800);
        now = 5000;
        QCOMPARE(backoff.next(), 1600);
        now = 5000 + 119999; // not quite two minutes since the last failure
        QCOMPARE(backoff.next(), 3200);
        now += 120000;
        QCOMPARE(backoff.next(), 800);
        QCOMPARE(backoff.failures(), 1);
    }

    void injectedPolicy()
    {
        BackoffPolicy policy;
        policy.initialMs = 50;
        policy.factor = 3;
        policy.maxMs = 1000;
        policy.jitter = 0;
        policy.stableResetMs = 300;
        qint64 now = 0;
        Backoff backoff(policy, [&] { return now; });
        QCOMPARE(backoff.next(), 50);
        QCOMPARE(backoff.next(), 150);
        QCOMPARE(backoff.next(), 450);
        QCOMPARE(backoff.next(), 1000);
        now = 300;
        QCOMPARE(backoff.next(), 50);
        backoff.reset();
        QCOMPARE(backoff.failures(), 0);
        QCOMPARE(backoff.peekBase(), 50);
    }
};

QTEST_GUILESS_MAIN(TestBackoff)
#include "tst_backoff.moc"
