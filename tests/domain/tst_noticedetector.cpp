// SPDX-License-Identifier: GPL-3.0-or-later
// NoticeDetector: each kind of notice from two states of a rollout (states built as the
// derived status sees them: the situation from RolloutSituationText::describe), nothing for
// the first state or a catch-up, no fact told twice, a new revision told anew; gate failures;
// the facts of an assembled detail; NotificationSettings as stored.
#include "noticedetector.h"
#include "notificationsettings.h"
#include "rolloutstatusfixture.h"

#include <QTest>

using namespace RolloutStatusTest;

namespace {

const QString prod = QStringLiteral("prod");

Rollout named(Rollout r)
{
    r.metadata.namespaceName = QStringLiteral("shop");
    r.metadata.name = QStringLiteral("checkout");
    r.metadata.uid = QStringLiteral("uid-checkout");
    return r;
}

// Revision "def" rolling out over the stable "abc", at step `index` of [setWeight 20, pause
// until promoted, setWeight 60]: Progressing.
Rollout inFlight(qint32 index)
{
    Rollout r = named(healthyCanary());
    r.status.currentPodHash = QStringLiteral("def");
    r.status.currentStepIndex = index;
    r.status.updatedReplicas = 1;
    return r;
}

// At the pause step without a duration: only a person moves it on.
Rollout waitingAtPause()
{
    Rollout r = inFlight(1);
    r.status.pauseConditions
        = {PauseCondition {QStringLiteral("CanaryPauseStep"), utc("2026-03-01T10:00:00Z")}};
    r.status.controllerPause = true;
    return r;
}

Rollout aborted(const Rollout &before, const char *at)
{
    Rollout r = before;
    r.status.abort = true;
    r.status.abortedAt = utc(at);
    r.status.currentStepIndex = 0;
    return r;
}

AnalysisRun run(const char *name, const char *phase, const char *message = "")
{
    AnalysisRun run;
    run.metadata.name = QString::fromLatin1(name);
    run.phase = QString::fromLatin1(phase);
    run.message = QString::fromLatin1(message);
    return run;
}

RolloutNoticeFacts facts(const Rollout &r, qint64 revision = 2, const QList<AnalysisRun> &runs = {})
{
    const RolloutSituation::Kind kind
        = RolloutSituationText::describe(r, RolloutTrafficFacts(), SituationContext()).kind;
    return RolloutNoticeFacts::of(prod, r, revision, kind, runs);
}

QStringList kinds(const QList<Notice> &notices)
{
    QStringList names;
    for (const Notice &notice : notices)
        names.append(NoticeText::kindName(notice.kind));
    return names;
}

} // namespace

class TestNoticeDetector : public QObject
{
    Q_OBJECT

private slots:
    void firstStateAndCatchUpTellNothing()
    {
        NoticeDetector detector;
        // Failed, aborted and paused when first seen: all old facts.
        Rollout r = aborted(inFlight(1), "2026-03-01T10:05:00Z");
        r.spec.paused = true;
        r.status.currentStepAnalysisRunStatus
            = AnalysisRunStatusRef {QStringLiteral("checkout-run-1"), QStringLiteral("Failed"),
                                    QStringLiteral("error rate 0.3 > 0.05")};
        QVERIFY(detector.observe(facts(r, 2, {run("checkout-run-1", "Failed")})).isEmpty());
        QVERIFY(detector.knows(RolloutRef {prod, QStringLiteral("uid-checkout")}));

        // A catch-up (live false) moves the baseline without telling what changed.
        NoticeDetector other;
        QVERIFY(other.observe(facts(inFlight(0))).isEmpty());
        QVERIFY(other.observe(facts(r), false).isEmpty());
        QVERIFY(other.observe(facts(r)).isEmpty()); // same state again, live
        Rollout retried = inFlight(0);
        retried.spec.paused = true;
        QVERIFY(other.observe(facts(retried)).isEmpty()); // paused all along: nothing new
        QCOMPARE(kinds(other.observe(facts(aborted(retried, "2026-03-01T10:09:00Z")))),
                 QStringList {QStringLiteral("aborted")});
    }

    void analysisFailedOnceForARunSeenRunning()
    {
        NoticeDetector detector;
        const Rollout r = inFlight(2);
        QVERIFY(detector.observe(facts(r, 2, {run("checkout-run-1", "Running")})).isEmpty());
        const QList<Notice> notices = detector.observe(facts(
            r, 2, {run("checkout-run-1", "Failed", "Metric \"error-rate\" assessed Failed")}));
        QCOMPARE(kinds(notices), QStringList {QStringLiteral("analysis-failed")});
        const Notice &notice = notices.first();
        QCOMPARE(notice.environment, prod);
        QCOMPARE(notice.namespaceName, QStringLiteral("shop"));
        QCOMPARE(notice.rolloutName, QStringLiteral("checkout"));
        QCOMPARE(notice.rolloutUid, QStringLiteral("uid-checkout"));
        QCOMPARE(notice.revision, qint64(2));
        QCOMPARE(notice.subject, QStringLiteral("checkout-run-1"));
        QCOMPARE(notice.text,
                 QStringLiteral("Analysis run checkout-run-1 failed.\n"
                                "Metric \"error-rate\" assessed Failed"));
        QCOMPARE(NoticeText::title(notice),
                 QStringLiteral("Analysis failed: prod / shop / checkout"));
        // Delivered again, or its rollout reference catching up: the same fact.
        QVERIFY(detector.observe(facts(r, 2, {run("checkout-run-1", "Failed")})).isEmpty());
        Rollout referencing = r;
        referencing.status.currentStepAnalysisRunStatus = AnalysisRunStatusRef {
            QStringLiteral("checkout-run-1"), QStringLiteral("Failed"), QString()};
        QVERIFY(
            detector.observe(facts(referencing, 2, {run("checkout-run-1", "Failed")})).isEmpty());
        // An Error is told as one.
        QCOMPARE(
            detector
                .observe(facts(referencing, 2,
                               {run("checkout-run-1", "Failed"), run("checkout-run-2", "Running")}))
                .size(),
            0);
        const QList<Notice> error = detector.observe(facts(
            referencing, 2, {run("checkout-run-1", "Failed"), run("checkout-run-2", "Error")}));
        QCOMPARE(error.size(), 1);
        QCOMPARE(error.first().text,
                 QStringLiteral("Analysis run checkout-run-2 ended in an error."));
    }

    void analysisFailedOnlyWhenTheRolloutNamesAFailedRunFirstSeen()
    {
        NoticeDetector detector;
        const Rollout r = inFlight(2);
        QVERIFY(detector.observe(facts(r)).isEmpty());
        // The runs' informer lists after the rollouts': an old failed run is no news.
        QVERIFY(detector.observe(facts(r, 2, {run("checkout-old", "Failed")})).isEmpty());
        // The rollout itself (watched since its first state) now names a failed run.
        Rollout naming = r;
        naming.status.currentStepAnalysisRunStatus = AnalysisRunStatusRef {
            QStringLiteral("checkout-run-3"), QStringLiteral("Failed"), QStringLiteral("boom")};
        const QList<Notice> notices
            = detector.observe(facts(naming, 2, {run("checkout-old", "Failed")}));
        QCOMPARE(kinds(notices), QStringList {QStringLiteral("analysis-failed")});
        QCOMPARE(notices.first().subject, QStringLiteral("checkout-run-3"));
        QCOMPARE(notices.first().text, QStringLiteral("Analysis run checkout-run-3 failed.\nboom"));
    }

    void abortedWithWhereAndWhy()
    {
        NoticeDetector detector;
        const Rollout before = inFlight(2);
        QVERIFY(detector.observe(facts(before)).isEmpty());
        Rollout after = aborted(before, "2026-03-01T10:05:00Z");
        after.status.currentStepAnalysisRunStatus
            = AnalysisRunStatusRef {QStringLiteral("checkout-run-1"), QStringLiteral("Failed"),
                                    QStringLiteral("too many errors")};
        const QList<Notice> notices = detector.observe(facts(after));
        // The rollout newly names the failed run too: two facts, each told once.
        QCOMPARE(kinds(notices),
                 QStringList({QStringLiteral("analysis-failed"), QStringLiteral("aborted")}));
        QCOMPARE(notices.at(1).text, QStringLiteral("Aborted at step 3 of 3.\ntoo many errors"));
        QVERIFY(detector.observe(facts(after)).isEmpty());
        // Retried, then aborted again: a new abort (its own time) is a new fact.
        QVERIFY(detector.observe(facts(inFlight(0))).isEmpty());
        QCOMPARE(kinds(detector.observe(facts(aborted(inFlight(0), "2026-03-01T10:20:00Z")))),
                 QStringList {QStringLiteral("aborted")});
    }

    void pausedByAPersonNotByAStep()
    {
        NoticeDetector detector;
        QVERIFY(detector.observe(facts(inFlight(0))).isEmpty());
        // A pause step (waiting or timed): the controller's pause, no notice.
        QVERIFY(detector.observe(facts(waitingAtPause())).isEmpty());
        Rollout progressing = inFlight(1);
        QVERIFY(detector.observe(facts(progressing)).isEmpty());
        progressing.spec.paused = true;
        const QList<Notice> notices = detector.observe(facts(progressing));
        QCOMPARE(kinds(notices), QStringList {QStringLiteral("paused")});
        QCOMPARE(notices.first().text,
                 QStringLiteral("Paused at step 2 of 3; only Resume moves it on."));
        QCOMPARE(notices.first().subject, QStringLiteral("step 2"));
        QVERIFY(detector.observe(facts(progressing)).isEmpty());
        // Resumed and paused again at the same step: the person paused it again.
        progressing.spec.paused = false;
        QVERIFY(detector.observe(facts(progressing)).isEmpty());
        progressing.spec.paused = true;
        QCOMPARE(kinds(detector.observe(facts(progressing))),
                 QStringList {QStringLiteral("paused")});
    }

    void promotedPastAPauseOnlyAPersonEnds()
    {
        NoticeDetector detector;
        QVERIFY(detector.observe(facts(waitingAtPause())).isEmpty());
        // Promoted: the controller unpauses first (same step), then moves on.
        Rollout unpausing = waitingAtPause();
        unpausing.status.pauseConditions.clear();
        QVERIFY(detector.observe(facts(unpausing)).isEmpty());
        const QList<Notice> notices = detector.observe(facts(inFlight(2)));
        QCOMPARE(kinds(notices), QStringList {QStringLiteral("promoted")});
        QCOMPARE(notices.first().text, QStringLiteral("Promoted past step 2 of 3."));
        QVERIFY(detector.observe(facts(inFlight(2))).isEmpty());

        // A timed pause that runs out is the controller's doing.
        NoticeDetector timed;
        Rollout r = named(healthyCanary());
        r.spec.canary->steps[1] = pauseStep(IntOrString::fromInt(30));
        Rollout pausing = waitingAtPause();
        pausing.spec = r.spec;
        QVERIFY(timed.observe(facts(pausing)).isEmpty());
        Rollout next = inFlight(2);
        next.spec = r.spec;
        QVERIFY(timed.observe(facts(next)).isEmpty());

        // Promote-full from anywhere.
        Rollout full = inFlight(0);
        QVERIFY(detector.observe(facts(full, 3)).isEmpty());
        full.status.promoteFull = true;
        const QList<Notice> fullNotices = detector.observe(facts(full, 3));
        QCOMPARE(kinds(fullNotices), QStringList {QStringLiteral("promoted")});
        QCOMPARE(fullNotices.first().subject, QStringLiteral("full"));
    }

    void finishedWhenANewRevisionBecomesStable()
    {
        NoticeDetector detector;
        QVERIFY(detector.observe(facts(inFlight(2))).isEmpty());
        const QList<Notice> notices = detector.observe(facts(named(healthyCanary()), 2));
        QCOMPARE(kinds(notices), QStringList {QStringLiteral("finished")});
        QCOMPARE(notices.first().text, QStringLiteral("Revision 2 is stable and healthy."));
        // Scaled: Progressing and Healthy again at the same stable revision.
        Rollout scaling = named(healthyCanary());
        scaling.spec.replicas = 5;
        QCOMPARE(facts(scaling).situation, RolloutSituation::Kind::Progressing);
        QVERIFY(detector.observe(facts(scaling, 2)).isEmpty());
        QVERIFY(detector.observe(facts(named(healthyCanary()), 2)).isEmpty());
    }

    void aNewRevisionIsToldAnew()
    {
        NoticeDetector detector;
        QVERIFY(detector.observe(facts(inFlight(2), 2)).isEmpty());
        QCOMPARE(kinds(detector.observe(facts(named(healthyCanary()), 2))),
                 QStringList {QStringLiteral("finished")});
        // Revision 3 rolls out and finishes: told again; so is its pause.
        Rollout paused = inFlight(0);
        paused.spec.paused = true;
        QCOMPARE(kinds(detector.observe(facts(paused, 3))), QStringList {QStringLiteral("paused")});
        QVERIFY(detector.observe(facts(inFlight(2), 3)).isEmpty());
        QCOMPARE(kinds(detector.observe(facts(named(healthyCanary()), 3))),
                 QStringList {QStringLiteral("finished")});
        // Deleted and forgotten: the next state seen is a first one.
        detector.forget(RolloutRef {prod, QStringLiteral("uid-checkout")});
        QVERIFY(!detector.knows(RolloutRef {prod, QStringLiteral("uid-checkout")}));
        QVERIFY(detector.observe(facts(aborted(inFlight(1), "2026-03-01T11:00:00Z"), 3)).isEmpty());
        detector.forgetEnvironment(prod);
        QVERIFY(!detector.knows(RolloutRef {prod, QStringLiteral("uid-checkout")}));
    }

    void gateFailedOncePerGateAndRevision()
    {
        NoticeDetector detector;
        const QString uid = QStringLiteral("uid-checkout");
        const auto fail = [&](const char *gate, qint64 revision) {
            return detector.gateFailed(prod, QStringLiteral("shop"), QStringLiteral("checkout"),
                                       uid, revision, QString::fromLatin1(gate),
                                       QStringLiteral("canary 0.31 > max 0.02"));
        };
        const std::optional<Notice> first = fail("error ratio", 2);
        QVERIFY(first);
        QCOMPARE(first->kind, Notice::Kind::GateFailed);
        QCOMPARE(first->subject, QStringLiteral("error ratio"));
        QCOMPARE(first->text, QStringLiteral("Gate error ratio failed: canary 0.31 > max 0.02"));
        QCOMPARE(NoticeText::title(*first), QStringLiteral("Gate failed: prod / shop / checkout"));
        QVERIFY(!fail("error ratio", 2));
        QVERIFY(fail("p99 latency", 2));
        QVERIFY(fail("error ratio", 3));
        // Told before the rollout was seen: its first state still tells nothing.
        QVERIFY(detector.observe(facts(aborted(inFlight(1), "2026-03-01T11:00:00Z"), 3)).isEmpty());
        // Without a uid the name keys it.
        QVERIFY(detector.gateFailed(prod, QStringLiteral("shop"), QStringLiteral("cart"), QString(),
                                    0, QStringLiteral("error ratio"), QString()));
        QVERIFY(!detector.gateFailed(prod, QStringLiteral("shop"), QStringLiteral("cart"),
                                     QString(), 0, QStringLiteral("error ratio"), QString()));
    }

    void factsOfADetail()
    {
        RolloutDetail detail;
        detail.environment = prod;
        detail.rollout = waitingAtPause();
        detail.replicaSets = {replicaSet(detail.rollout.metadata.uid, "def", 1, 7),
                              replicaSet(detail.rollout.metadata.uid, "abc", 3, 6)};
        detail.analysisRuns = {run("checkout-run-1", "Successful")};
        const RolloutNoticeFacts f = RolloutNoticeFacts::of(detail);
        QCOMPARE(f.revision, qint64(7));
        QCOMPARE(f.situation, RolloutSituation::Kind::WaitingForPromotion);
        QCOMPARE(f.progress, 1);
        QCOMPARE(f.stepCount, 3);
        QVERIFY(!f.fullyPromoted);
        QCOMPARE(f.runs.value(QStringLiteral("checkout-run-1")).phase,
                 QStringLiteral("Successful"));
        QVERIFY(!f.runs.value(QStringLiteral("checkout-run-1")).referenced);
    }

    void settingsAsStored()
    {
        NotificationSettings settings;
        QVERIFY(settings.isEnabled(prod, Notice::Kind::Paused));
        settings.setEnabled(prod, Notice::Kind::Paused, false);
        settings.setEnabled(QStringLiteral("dev@eu"), Notice::Kind::Finished, false);
        QVERIFY(!settings.isEnabled(prod, Notice::Kind::Paused));
        QVERIFY(settings.isEnabled(prod, Notice::Kind::Aborted));
        QVERIFY(settings.isEnabled(QStringLiteral("staging"), Notice::Kind::Paused));
        QCOMPARE(settings.disabledPairs(),
                 QStringList({QStringLiteral("finished@dev@eu"), QStringLiteral("paused@prod")}));
        const NotificationSettings stored = NotificationSettings::fromStored(
            true, settings.disabledPairs() + QStringList {QStringLiteral("bogus@prod")});
        QCOMPARE(stored, settings);
        settings.setEnabled(false);
        QVERIFY(!settings.isEnabled(QStringLiteral("staging"), Notice::Kind::Paused));
        settings.setEnabled(true);
        settings.setEnabled(prod, Notice::Kind::Paused, true);
        QCOMPARE(settings.disabledPairs(), QStringList {QStringLiteral("finished@dev@eu")});
    }
};

QTEST_GUILESS_MAIN(TestNoticeDetector)
#include "tst_noticedetector.moc"
