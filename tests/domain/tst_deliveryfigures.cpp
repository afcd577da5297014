// SPDX-License-Identifier: GPL-3.0-or-later
#include "deliveryfigures.h"

#include <QTest>

namespace {

const QDateTime t0 = QDateTime(QDate(2024, 5, 1), QTime(0, 0), Qt::UTC);
constexpr qint64 minute = 60 * 1000;
constexpr qint64 hour = 60 * minute;
constexpr qint64 day = 24 * hour;

QDateTime at(qint64 msecs)
{
    return t0.addMSecs(msecs);
}

// A finished release (or an unfinished one for lengthMSecs < 0).
ReleaseSummary release(const QString &environment, const QString &workload, qint64 revision,
                       const QString &hash, qint64 startMSecs, qint64 lengthMSecs,
                       ReleaseOutcome outcome)
{
    ReleaseSummary summary;
    summary.id = revision;
    summary.key = {environment, workload + QStringLiteral("-uid"), revision};
    summary.namespaceName = QStringLiteral("shop");
    summary.workload = workload;
    summary.podTemplateHash = hash;
    summary.startedAt = at(startMSecs);
    if (lengthMSecs >= 0)
        summary.endedAt = at(startMSecs + lengthMSecs);
    summary.outcome = outcome;
    return summary;
}

const auto promoted = ReleaseOutcome::Promoted;
const auto aborted = ReleaseOutcome::Aborted;

// prod/shop/checkout: six releases in the period. r3 goes back to r1's pod template (an
// undo). Aborts r2, r4 and r5 are recovered by r3 and r6.
QList<ReleaseSummary> checkout()
{
    const QString p = QStringLiteral("prod");
    const QString w = QStringLiteral("checkout");
    return {
        release(p, w, 1, QStringLiteral("h1"), 1 * hour, 10 * minute, promoted),
        release(p, w, 2, QStringLiteral("h2"), 1 * day, 5 * minute, aborted),
        release(p, w, 3, QStringLiteral("h1"), 1 * day + 10 * minute, 4 * minute, promoted),
        release(p, w, 4, QStringLiteral("h3"), 2 * day, 3 * minute, aborted),
        release(p, w, 5, QStringLiteral("h4"), 2 * day + hour, 2 * minute, aborted),
        release(p, w, 6, QStringLiteral("h5"), 3 * day, 20 * minute, promoted),
    };
}

// prod/shop/cart: its one release in the period returns to the template of a release from
// before the period, and is still in progress.
QList<ReleaseSummary> cart()
{
    const QString p = QStringLiteral("prod");
    const QString w = QStringLiteral("cart");
    return {
        release(p, w, 1, QStringLiteral("c1"), -1 * day, 5 * minute, promoted),
        release(p, w, 2, QStringLiteral("c1"), 5 * day, -1, ReleaseOutcome::InProgress),
    };
}

// staging/shop/api: never promoted.
QList<ReleaseSummary> api()
{
    const QString s = QStringLiteral("staging");
    const QString w = QStringLiteral("api");
    return {
        release(s, w, 1, QStringLiteral("a1"), 4 * day, 1 * minute, aborted),
        release(s, w, 2, QStringLiteral("a2"), 4 * day + hour, 30 * minute,
                ReleaseOutcome::Superseded),
    };
}

} // namespace

class TestDeliveryFigures : public QObject
{
    Q_OBJECT

private slots:
    void medianRoundsDown()
    {
        QCOMPARE(medianMSecs({}), -1);
        QCOMPARE(medianMSecs({5}), 5);
        QCOMPARE(medianMSecs({4, 1}), 2); // 2.5
        QCOMPARE(medianMSecs({10, 3, 1, 2}), 2); // (2 + 3) / 2
        QCOMPARE(medianMSecs({7, 1, 9}), 7);
        const qint64 big = std::numeric_limits<qint64>::max();
        QCOMPARE(medianMSecs({big, big}), big);
    }

    void emptyInput()
    {
        const DeliveryFigureSet set = computeDeliveryFigures({}, t0, at(7 * day));
        QCOMPARE(set.from, t0);
        QCOMPARE(set.to, at(7 * day));
        QVERIFY(set.workloads.isEmpty());
        QCOMPARE(set.total, DeliveryFigures());
        QCOMPARE(set.total.releasesPerWeek, 0.0);
        QCOMPARE(set.total.medianTimeToPromotionMSecs, -1);
        QCOMPARE(set.total.meanTimeToRecoverMSecs, -1);

        const DeliveryFigureSet open = computeDeliveryFigures({}, QDateTime(), QDateTime());
        QVERIFY(open.from.isNull());
        QVERIFY(open.to.isNull());
        QCOMPARE(open.total, DeliveryFigures());
    }

    void perWorkloadAndTotal()
    {
        const DeliveryFigureSet set
            = computeDeliveryFigures(api() + checkout() + cart(), t0, at(14 * day));
        QCOMPARE(set.workloads.size(), 3);

        // Ordered by environment, namespace, name.
        const DeliveryFigures &cartFigures = set.workloads.at(0);
        QCOMPARE(cartFigures.workload, QStringLiteral("cart"));
        QCOMPARE(cartFigures.releases, 1);
        QCOMPARE(cartFigures.releasesPerWeek, 0.5);
        QCOMPARE(cartFigures.rolledBack, 1); // against the release before the period
        QCOMPARE(cartFigures.rolledBackShare, 1.0);
        QCOMPARE(cartFigures.promoted, 0); // the promotion before the period does not count
        QCOMPARE(cartFigures.medianTimeToPromotionMSecs, -1);

        const DeliveryFigures &c = set.workloads.at(1);
        QCOMPARE(c.environment, QStringLiteral("prod"));
        QCOMPARE(c.namespaceName, QStringLiteral("shop"));
        QCOMPARE(c.workload, QStringLiteral("checkout"));
        QCOMPARE(c.releases, 6);
        QCOMPARE(c.releasesPerWeek, 3.0); // 6 in 14 days
        QCOMPARE(c.aborted, 3);
        QCOMPARE(c.abortedShare, 0.5);
        QCOMPARE(c.rolledBack, 1);
        QCOMPARE(c.rolledBackShare, 1.0 / 6);
        QCOMPARE(c.promoted, 3);
        QCOMPARE(c.medianTimeToPromotionMSecs, 10 * minute); // 10, 4 and 20 min
        // r2 (ended 1 d 5 min) → r3 (ended 1 d 14 min): 9 min; r4 (ended 2 d 3 min) and r5
        // (ended 2 d 1 h 2 min) → r6 (ended 3 d 20 min): 1 d 17 min and 23 h 18 min.
        QCOMPARE(c.recoveries, 3);
        QCOMPARE(c.unrecovered, 0);
        QCOMPARE(c.medianTimeToRecoverMSecs, 23 * hour + 18 * minute);
        QCOMPARE(c.meanTimeToRecoverMSecs,
                 (9 * minute + (day + 17 * minute) + (23 * hour + 18 * minute)) / 3);
        QCOMPARE(c.meanTimeToRecoverMSecs, 57280000);

        const DeliveryFigures &a = set.workloads.at(2);
        QCOMPARE(a.environment, QStringLiteral("staging"));
        QCOMPARE(a.releases, 2);
        QCOMPARE(a.releasesPerWeek, 1.0);
        QCOMPARE(a.aborted, 1);
        QCOMPARE(a.abortedShare, 0.5);
        QCOMPARE(a.rolledBack, 0);
        QCOMPARE(a.promoted, 0);
        QCOMPARE(a.medianTimeToPromotionMSecs, -1);
        QCOMPARE(a.recoveries, 0);
        QCOMPARE(a.unrecovered, 1);
        QCOMPARE(a.meanTimeToRecoverMSecs, -1);
        QCOMPARE(a.medianTimeToRecoverMSecs, -1);

        const DeliveryFigures &total = set.total;
        QVERIFY(total.environment.isEmpty() && total.workload.isEmpty());
        QCOMPARE(total.releases, 9);
        QCOMPARE(total.releasesPerWeek, 4.5);
        QCOMPARE(total.aborted, 4);
        QCOMPARE(total.abortedShare, 4.0 / 9);
        QCOMPARE(total.rolledBack, 2);
        QCOMPARE(total.rolledBackShare, 2.0 / 9);
        QCOMPARE(total.promoted, 3);
        QCOMPARE(total.medianTimeToPromotionMSecs, 10 * minute);
        QCOMPARE(total.recoveries, 3);
        QCOMPARE(total.unrecovered, 1);
        QCOMPARE(total.meanTimeToRecoverMSecs, 57280000);
        QCOMPARE(total.medianTimeToRecoverMSecs, 23 * hour + 18 * minute);
    }

    void partiallyObservedPromotionHasNoTime()
    {
        // Seen only once promoted: its end is what the conditions said, so no time from it.
        ReleaseSummary seen = release(QStringLiteral("prod"), QStringLiteral("api"), 1,
                                      QStringLiteral("a"), 0, 5 * minute, promoted);
        ReleaseSummary caughtUp = release(QStringLiteral("prod"), QStringLiteral("web"), 1,
                                          QStringLiteral("b"), 0, 5000, promoted);
        caughtUp.partiallyObserved = true;
        const DeliveryFigureSet set = computeDeliveryFigures({seen, caughtUp}, at(0), at(day));
        QCOMPARE(set.total.releases, 2);
        QCOMPARE(set.total.medianTimeToPromotionMSecs, 5 * minute);
    }

    void periodIsHalfOpen()
    {
        // r1 starts 1 h after t0, r2 exactly 1 d after: [1 h, 1 d) holds r1 only.
        const DeliveryFigureSet set = computeDeliveryFigures(checkout(), at(hour), at(day));
        QCOMPARE(set.total.releases, 1);
        QCOMPARE(set.total.releasesPerWeek, 7.0 * day / (23.0 * hour));
        QCOMPARE(set.total.promoted, 1);
        QCOMPARE(set.total.medianTimeToPromotionMSecs, 10 * minute);

        // [1 d, 1 d + 10 min): r2 aborts and r3 (outside) recovers it 9 min later.
        const DeliveryFigureSet abort
            = computeDeliveryFigures(checkout(), at(day), at(day + 10 * minute));
        QCOMPARE(abort.total.releases, 1);
        QCOMPARE(abort.total.promoted, 0);
        QCOMPARE(abort.total.recoveries, 1);
        QCOMPARE(abort.total.medianTimeToRecoverMSecs, 9 * minute);
        QCOMPARE(abort.total.meanTimeToRecoverMSecs, 9 * minute);

        // A release starting exactly at `to` is left out, one at `from` counts.
        const DeliveryFigureSet boundary
            = computeDeliveryFigures(checkout(), at(day + 10 * minute), at(2 * day));
        QCOMPARE(boundary.total.releases, 1); // r3; r4 starts at 2 d
        QCOMPARE(boundary.total.rolledBack, 1); // r3 is r1's template again
    }

    void openPeriodSpansTheInput()
    {
        const QList<ReleaseSummary> releases = checkout().mid(0, 3);
        const DeliveryFigureSet set = computeDeliveryFigures(releases, QDateTime(), QDateTime());
        QCOMPARE(set.from, at(hour)); // the first start
        QCOMPARE(set.to, at(day + 14 * minute)); // the last end
        QCOMPARE(set.total.releases, 3);
        const qint64 length = day + 14 * minute - hour;
        QCOMPARE(set.total.releasesPerWeek, 3.0 * 7 * day / double(length));

        // A single unfinished release: a period of no length has no rate.
        const DeliveryFigureSet single = computeDeliveryFigures(
            {release(QStringLiteral("dev"), QStringLiteral("web"), 1, QStringLiteral("x"), 0, -1,
                     ReleaseOutcome::InProgress)},
            QDateTime(), QDateTime());
        QCOMPARE(single.total.releases, 1);
        QCOMPARE(single.total.releasesPerWeek, 0.0);
    }

    void contextIsJudgedAgainstButNotCounted()
    {
        // Only the aborts of checkout are counted (a filter on the outcome); the promotions
        // and cart's old release are context.
        QList<ReleaseSummary> aborts;
        for (const ReleaseSummary &r : checkout()) {
            if (r.outcome == aborted)
                aborts.append(r);
        }
        const DeliveryFigureSet set
            = computeDeliveryFigures(aborts, t0, at(14 * day), checkout() + cart());
        QCOMPARE(set.workloads.size(), 1); // cart has nothing counted
        QCOMPARE(set.total.releases, 3);
        QCOMPARE(set.total.aborted, 3);
        QCOMPARE(set.total.abortedShare, 1.0);
        QCOMPARE(set.total.promoted, 0);
        QCOMPARE(set.total.recoveries, 3);
        QCOMPARE(set.total.meanTimeToRecoverMSecs, 57280000);

        // Without the context nothing recovers them.
        const DeliveryFigureSet alone = computeDeliveryFigures(aborts, t0, at(14 * day));
        QCOMPARE(alone.total.recoveries, 0);
        QCOMPARE(alone.total.unrecovered, 3);

        // cart's in-progress release is a rollback only with its older release as context.
        const QList<ReleaseSummary> current = cart().mid(1);
        QCOMPARE(computeDeliveryFigures(current, t0, at(14 * day)).total.rolledBack, 0);
        QCOMPARE(computeDeliveryFigures(current, t0, at(14 * day), cart()).total.rolledBack, 1);
    }

    void rollbackNeedsAHashAndAnOlderRelease()
    {
        const QString d = QStringLiteral("dev");
        const QString w = QStringLiteral("web");
        const QList<ReleaseSummary> releases = {
            release(d, w, 2, QString(), 2 * hour, minute, promoted),
            release(d, w, 1, QString(), hour, minute, promoted), // no hash: never a rollback
            release(d, w, 3, QStringLiteral("k"), 3 * hour, minute, aborted),
            release(d, w, 4, QStringLiteral("k"), 4 * hour, minute, promoted),
            // The same template in another workload is not a rollback of this one.
            release(d, QStringLiteral("other"), 1, QStringLiteral("k"), 0, minute, promoted),
        };
        const DeliveryFigureSet set = computeDeliveryFigures(releases, t0, at(7 * day));
        QCOMPARE(set.total.releases, 5);
        QCOMPARE(set.total.rolledBack, 1); // web's revision 4
        QCOMPARE(set.workloads.at(1).workload, w);
        QCOMPARE(set.workloads.at(1).rolledBack, 1);
        // The abort's end (3 h 1 min) to revision 4's end (4 h 1 min).
        QCOMPARE(set.total.medianTimeToRecoverMSecs, hour);
        // Promotions of 1 min each.
        QCOMPARE(set.total.medianTimeToPromotionMSecs, minute);
    }
};

QTEST_GUILESS_MAIN(TestDeliveryFigures)
#include "tst_deliveryfigures.moc"
