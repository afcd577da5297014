// SPDX-License-Identifier: GPL-3.0-or-later
// ReleaseTracker::applySafetyNets: a rollout's safety nets land on the release whose pod
// template hash is the canary's and that was in progress then (not another workload's,
// environment's or revision's), the latest is kept only when it changed and at most once a
// minute, and the cluster's words in it are redacted.
#include "../support/safetynetsfixture.h"
#include "releasetrackerfixture.h"

#include <QJsonArray>
#include <QtTest>

using namespace ReleaseTrackerFixture;

namespace {

// The fixture's findings for prod's shop/web with canary `hash`.
SafetyNets netsOf(const char *hash, const char *rollout = "web")
{
    SafetyNets nets = SafetyNetsFixture::checkout();
    nets.environment = QStringLiteral("prod");
    nets.namespace_ = QStringLiteral("shop");
    nets.rollout = QString::fromLatin1(rollout);
    nets.canary.podTemplateHash = QString::fromLatin1(hash);
    return nets;
}

qint64 ms(int second)
{
    return at(second).toMSecsSinceEpoch();
}

// Revision 2 ("abc") is stable; revision 3 ("new", made at 200) is the canary from 201.
void startCanary(ReleaseTracker &tracker)
{
    WorkloadDeltaBatch reset
        = batchOf({webAt("abc", "abc", 3, "Healthy")}, {replicaSet("abc", 2, 50, 4)});
    reset.reset = true;
    tracker.apply(reset, at(101));
    tracker.apply(batchOf({webAt("new", "abc", 0, "Progressing")}, {replicaSet("new", 3, 200, 1)}),
                  at(201));
}

} // namespace

class TestReleaseTrackerSafetyNets : public QObject
{
    Q_OBJECT

private slots:
    void netsLandOnTheCanaryRelease()
    {
        ReleaseTracker tracker(QStringLiteral("prod"), at(100));
        startCanary(tracker);
        const HistoryWrite w = tracker.applySafetyNets(netsOf("new"), ms(230));
        QCOMPARE(w.safetyNets.size(), 1);
        QCOMPARE(w.safetyNets[0].release,
                 (ReleaseKey {QStringLiteral("prod"), QStringLiteral("uid-web"), 3}));
        QVERIFY(w.releases.isEmpty()); // rows only: releases are the batches' to write
        const ReleaseSafetyNets &row = w.safetyNets[0].value;
        QCOMPARE(row.readAt, at(230));
        const QJsonObject added = row.nets.value(QStringLiteral("vulnerabilities"))
                                      .toObject()
                                      .value(QStringLiteral("added"))
                                      .toArray()
                                      .first()
                                      .toObject();
        QCOMPARE(added.value(QStringLiteral("id")).toString(), QStringLiteral("CVE-2024-3094"));
        QCOMPARE(added.value(QStringLiteral("severity")).toString(), QStringLiteral("CRITICAL"));
    }

    void netsOfNoKnownReleaseAreDropped()
    {
        ReleaseTracker tracker(QStringLiteral("prod"), at(100));
        startCanary(tracker);
        QVERIFY(tracker.applySafetyNets(netsOf(""), ms(230)).isEmpty()); // no canary
        QVERIFY(tracker.applySafetyNets(netsOf("other"), ms(230)).isEmpty());
        QVERIFY(tracker.applySafetyNets(netsOf("new", "api"), ms(230)).isEmpty());
        SafetyNets elsewhere = netsOf("new");
        elsewhere.namespace_ = QStringLiteral("payments");
        QVERIFY(tracker.applySafetyNets(elsewhere, ms(230)).isEmpty());
        elsewhere = netsOf("new");
        elsewhere.environment = QStringLiteral("staging");
        QVERIFY(tracker.applySafetyNets(elsewhere, ms(230)).isEmpty());
        // Before revision 3 began; the stable revision, promoted with no known end; no time.
        QVERIFY(tracker.applySafetyNets(netsOf("new"), ms(150)).isEmpty());
        QVERIFY(tracker.applySafetyNets(netsOf("abc"), ms(230)).isEmpty());
        QVERIFY(tracker.applySafetyNets(netsOf("new"), 0).isEmpty());
        QCOMPARE(tracker.applySafetyNets(netsOf("new"), ms(230)).safetyNets.size(), 1);
    }

    void keptWhenChangedAndAtMostOnceAMinute()
    {
        ReleaseTracker tracker(QStringLiteral("prod"), at(100));
        startCanary(tracker);
        QCOMPARE(tracker.applySafetyNets(netsOf("new"), ms(210)).safetyNets.size(), 1);
        // The same findings again, even much later: nothing new to store.
        QVERIFY(tracker.applySafetyNets(netsOf("new"), ms(400)).isEmpty());
        // A change within the minute waits; after it, it is stored.
        SafetyNets changed = netsOf("new");
        changed.policy.newFailures.clear();
        QVERIFY(tracker.applySafetyNets(changed, ms(260)).isEmpty());
        const HistoryWrite later = tracker.applySafetyNets(changed, ms(270));
        QCOMPARE(later.safetyNets.size(), 1);
        QCOMPARE(later.safetyNets[0].value.readAt, at(270));
        QVERIFY(later.safetyNets[0]
                    .value.nets.value(QStringLiteral("policy"))
                    .toObject()
                    .value(QStringLiteral("newFailures"))
                    .toArray()
                    .isEmpty());

        // Promoted: the release is no canary any more, its nets stay as they were.
        tracker.apply(batchOf({webAt("new", "new", 3, "Healthy")}, {replicaSet("new", 3, 200, 4)}),
                      at(500));
        QVERIFY(tracker.applySafetyNets(netsOf("new"), ms(560)).isEmpty());
    }

    void clusterWordsAreRedacted()
    {
        ReleaseTracker tracker(QStringLiteral("prod"), at(100));
        startCanary(tracker);
        SafetyNets nets = netsOf("new");
        nets.ci.run.message = QStringLiteral("step test: curl ?access_token=qqq failed");
        const HistoryWrite w = tracker.applySafetyNets(nets, ms(230));
        QCOMPARE(w.safetyNets.size(), 1);
        QCOMPARE(w.safetyNets[0]
                     .value.nets.value(QStringLiteral("ci"))
                     .toObject()
                     .value(QStringLiteral("message"))
                     .toString(),
                 QStringLiteral("step test: curl ?access_token=[redacted] failed"));
    }
};

QTEST_GUILESS_MAIN(TestReleaseTrackerSafetyNets)
#include "tst_releasetrackersafetynets.moc"
