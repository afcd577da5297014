// SPDX-License-Identifier: GPL-3.0-or-later
// The actions' patches (the plugin's promote decision table, promote --full, undo), when
// each action is offered, what it needs the user to be allowed, and how its effect is
// recognised, in the states the controller reaches.

#include "jsondecoder.h"
#include "rolloutactionplan.h"
#include "rolloutactionrules.h"
#include "testdata.h"
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

namespace {

Rollout fromFile(const char *file)
{
    return decodeObject<Rollout>(domainTestData(QString::fromLatin1(file))).value;
}

QStringList describe(const RolloutActionPlan &plan)
{
    QStringList out;
    for (const RolloutPatch &patch : plan.patches) {
        QString text
            = (patch.statusSubresource ? QStringLiteral("status:") : QStringLiteral("spec:"))
            + QString::fromUtf8(patch.body);
        if (!patch.fallbackBody.isEmpty())
            text += QStringLiteral("|fallback:") + QString::fromUtf8(patch.fallbackBody);
        out.append(text);
    }
    return out;
}

// A canary waiting at a step: paused by the controller at step 1 of 4.
Rollout pausedCanary()
{
    return fromFile("rollout-canary-paused.json");
}

QJsonObject parse(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

QJsonObject replicaSetJson(const QString &ownerUid, qint64 revision, const QString &image,
                           const QString &hash)
{
    return parse(QStringLiteral("{\"metadata\":{\"name\":\"web-%4\","
                                "\"annotations\":{\"rollout.argoproj.io/revision\":\"%2\"},"
                                "\"ownerReferences\":[{\"uid\":\"%1\",\"controller\":true}]},"
                                "\"spec\":{\"template\":{\"metadata\":{\"labels\":{"
                                "\"app\":\"web\",\"rollouts-pod-template-hash\":\"%4\"}},"
                                "\"spec\":{\"containers\":[{\"name\":\"web\",\"image\":"
                                "\"%3\"}]}}}}")
                     .arg(ownerUid)
                     .arg(revision)
                     .arg(image, hash));
}

QJsonObject rolloutJson(const QString &image)
{
    return parse(QStringLiteral("{\"metadata\":{\"uid\":\"u1\"},\"spec\":{\"template\":{"
                                "\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{"
                                "\"containers\":[{\"name\":\"web\",\"image\":\"%1\"}]}}}}")
                     .arg(image));
}

// planUndo as the executor calls it: the objects decoded with the domain's decoder, the
// templates read from the same bodies.
RolloutActionPlan undo(const QJsonObject &rollout, const QJsonArray &replicaSets, qint64 revision)
{
    const QByteArray body = QJsonDocument(rollout).toJson();
    const QByteArray page
        = QJsonDocument(QJsonObject {{QStringLiteral("items"), replicaSets}}).toJson();
    const ObjectList<ReplicaSet> decoded = decodeList<ReplicaSet>(page);
    if (!decoded.isOk()) {
        RolloutActionPlan failed; // shows in every comparison below
        failed.error = decoded.report.error;
        return failed;
    }
    return planUndo(decodeObject<Rollout>(body).value, decoded.items, revision,
                    RawPodTemplates::read(body, {page}));
}

} // namespace

class TestRolloutActionRules : public QObject
{
    Q_OBJECT

private slots:
    void simplePatches_data()
    {
        QTest::addColumn<int>("action");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("pause") << int(RolloutAction::Pause)
                               << QStringList {QStringLiteral("spec:{\"spec\":{\"paused\":true}}")};
        QTest::newRow("resume") << int(RolloutAction::Resume)
                                << QStringList {
                                       QStringLiteral("spec:{\"spec\":{\"paused\":false}}")};
        QTest::newRow("abort") << int(RolloutAction::Abort)
                               << QStringList {QStringLiteral(
                                      "status:{\"status\":{\"abort\":true}}|fallback:{\"status\":"
                                      "{\"abort\":true}}")};
        QTest::newRow("retry") << int(RolloutAction::Retry)
                               << QStringList {QStringLiteral(
                                      "status:{\"status\":{\"abort\":false}}|fallback:{\"status\":"
                                      "{\"abort\":false}}")};
    }
    void simplePatches()
    {
        QFETCH(int, action);
        QFETCH(QStringList, expected);
        QCOMPARE(describe(planRolloutAction(RolloutAction(action), pausedCanary())), expected);
    }

    void restartAsksForTheGivenTimeInUtc()
    {
        const QDateTime at(QDate(2026, 11, 25), QTime(21, 30, 0), Qt::OffsetFromUTC, 3600);
        QCOMPARE(
            describe(planRolloutAction(RolloutAction::Restart, pausedCanary(), at)),
            QStringList {QStringLiteral(
                "spec:{\n\t\"spec\": {\n\t\t\"restartAt\": \"2026-11-25T20:30:00Z\"\n\t}\n}")});
    }

    // cmd/promote/promote.go getPatches, case by case.
    void promoteDecisionTable_data()
    {
        QTest::addColumn<Rollout>("rollout");
        QTest::addColumn<QStringList>("expected");

        Rollout inconclusive = pausedCanary();
        inconclusive.status.pauseConditions[0].reason = QStringLiteral("InconclusiveAnalysisRun");
        inconclusive.status.currentStepAnalysisRunStatus = AnalysisRunStatusRef {
            QStringLiteral("search-run"), QStringLiteral("Inconclusive"), QString()};
        QTest::newRow("inconclusive step analysis: skip the step")
            << inconclusive
            << QStringList {QStringLiteral(
                   "status:{\"status\":{\"pauseConditions\":null, \"controllerPause\":false, "
                   "\"currentStepIndex\":2}}|fallback:{\"spec\":{\"paused\":false},\"status\":{"
                   "\"pauseConditions\":null}}")};

        QTest::newRow("pause step: clear the pause conditions")
            << pausedCanary()
            << QStringList {QStringLiteral(
                   "status:{\"status\":{\"pauseConditions\":null}}|fallback:{\"spec\":{"
                   "\"paused\":false},\"status\":{\"pauseConditions\":null}}")};

        Rollout manual = pausedCanary();
        manual.spec.paused = true;
        QTest::newRow("paused by hand at a step: status, then spec")
            << manual
            << QStringList {QStringLiteral("status:{\"status\":{\"pauseConditions\":null}}|"
                                           "fallback:{\"spec\":{\"paused\":false},\"status\":{"
                                           "\"pauseConditions\":null}}"),
                            QStringLiteral("spec:{\"spec\":{\"paused\":false}}")};

        QTest::newRow("analysis step running: next step")
            << fromFile("rollout-canary-midstep.json")
            << QStringList {QStringLiteral(
                   "status:{\"status\":{\"pauseConditions\":null, \"currentStepIndex\":3}}|"
                   "fallback:{\"spec\":{\"paused\":false},\"status\":{\"pauseConditions\":null, "
                   "\"currentStepIndex\":3}}")};

        Rollout lastStep = fromFile("rollout-canary-midstep.json");
        lastStep.status.currentStepIndex = 12;
        QTest::newRow("index capped at the number of steps")
            << lastStep
            << QStringList {QStringLiteral(
                   "status:{\"status\":{\"pauseConditions\":null, \"currentStepIndex\":12}}|"
                   "fallback:{\"spec\":{\"paused\":false},\"status\":{\"pauseConditions\":null, "
                   "\"currentStepIndex\":12}}")};

        QTest::newRow("blue-green waiting for promotion")
            << fromFile("rollout-bluegreen-waiting.json")
            << QStringList {QStringLiteral(
                   "status:{\"status\":{\"pauseConditions\":null}}|fallback:{\"spec\":{"
                   "\"paused\":false},\"status\":{\"pauseConditions\":null}}")};
    }
    void promoteDecisionTable()
    {
        QFETCH(Rollout, rollout);
        QFETCH(QStringList, expected);
        const RolloutActionPlan plan = planRolloutAction(RolloutAction::Promote, rollout);
        QVERIFY(!plan.isError());
        QCOMPARE(describe(plan), expected);
    }

    void promoteOfAnUnpausedBlueGreenSendsNothing()
    {
        Rollout blueGreen = fromFile("rollout-bluegreen-waiting.json");
        blueGreen.status.pauseConditions.clear();
        const RolloutActionPlan plan = planRolloutAction(RolloutAction::Promote, blueGreen);
        QCOMPARE(plan.patches.size(), 0);
        QCOMPARE(plan.note, QStringLiteral("Nothing to promote: the rollout is not paused."));
    }

    void promoteFull()
    {
        Rollout rollout = pausedCanary();
        QCOMPARE(describe(planRolloutAction(RolloutAction::PromoteFull, rollout)),
                 QStringList {QStringLiteral(
                     "status:{\"status\":{\"promoteFull\":true}}|fallback:{\"spec\":{\"paused\":"
                     "false},\"status\":{\"promoteFull\":true}}")});
        rollout.spec.paused = true;
        QCOMPARE(planRolloutAction(RolloutAction::PromoteFull, rollout).patches.size(), 2);
        rollout.status.currentPodHash = rollout.status.stableRS;
        QCOMPARE(describe(planRolloutAction(RolloutAction::PromoteFull, rollout)),
                 QStringList {QStringLiteral("spec:{\"spec\":{\"paused\":false}}")});
        rollout.spec.paused = false;
        const RolloutActionPlan nothing = planRolloutAction(RolloutAction::PromoteFull, rollout);
        QCOMPARE(nothing.patches.size(), 0);
        QCOMPARE(nothing.note, QStringLiteral("The rollout is already fully promoted."));
    }

    void undoPicksTheSecondHighestRevision()
    {
        const QJsonArray sets {
            replicaSetJson(QStringLiteral("u1"), 3, QStringLiteral("web:3"), QStringLiteral("c3")),
            replicaSetJson(QStringLiteral("u1"), 1, QStringLiteral("web:1"), QStringLiteral("c1")),
            replicaSetJson(QStringLiteral("u1"), 2, QStringLiteral("web:2"), QStringLiteral("c2")),
            replicaSetJson(QStringLiteral("other"), 9, QStringLiteral("x:9"),
                           QStringLiteral("c9"))};
        const RolloutActionPlan plan = undo(rolloutJson(QStringLiteral("web:3")), sets, 0);
        QVERIFY2(!plan.isError(), qPrintable(plan.error));
        QCOMPARE(plan.patches.size(), 1);
        QVERIFY(plan.patches[0].jsonPatch);
        QVERIFY(!plan.patches[0].statusSubresource);
        QCOMPARE(plan.patches[0].body,
                 QByteArray("[{\"op\":\"replace\",\"path\":\"/spec/template\",\"value\":{"
                            "\"metadata\":{\"labels\":{\"app\":\"web\"}},\"spec\":{\"containers\":"
                            "[{\"image\":\"web:2\",\"name\":\"web\"}]}}}]"));

        QCOMPARE(
            undo(rolloutJson(QStringLiteral("web:3")), sets, 1).patches[0].body.contains("web:1"),
            true);
        QCOMPARE(undo(rolloutJson(QStringLiteral("web:3")), sets, 7).error,
                 QStringLiteral("Revision 7 was not found: no ReplicaSet of this rollout has it."));
        QCOMPARE(undo(rolloutJson(QStringLiteral("web:3")), sets, 9).error,
                 QStringLiteral("Revision 9 was not found: no ReplicaSet of this rollout has it."));
        QCOMPARE(undo(rolloutJson(QStringLiteral("web:3")), QJsonArray {sets[0]}, 0).error,
                 QStringLiteral("There is no previous revision to roll back to."));
        const RolloutActionPlan same = undo(rolloutJson(QStringLiteral("web:2")), sets, 2);
        QCOMPARE(same.patches.size(), 0);
        QCOMPARE(same.note,
                 QStringLiteral("Skipped: the current pod template already matches revision 2."));
    }

    void availability_data()
    {
        QTest::addColumn<Rollout>("rollout");
        QTest::addColumn<QStringList>("enabled"); // action ids

        QTest::newRow("canary at a pause step")
            << pausedCanary()
            << QStringList {QStringLiteral("pause"),        QStringLiteral("promote"),
                            QStringLiteral("promote-full"), QStringLiteral("abort"),
                            QStringLiteral("restart"),      QStringLiteral("undo")};
        Rollout manual = pausedCanary();
        manual.spec.paused = true;
        QTest::newRow("paused by hand")
            << manual << QStringList {QStringLiteral("resume"),       QStringLiteral("promote"),
                                      QStringLiteral("promote-full"), QStringLiteral("abort"),
                                      QStringLiteral("restart"),      QStringLiteral("undo")};
        QTest::newRow("aborted") << fromFile("rollout-aborted.json")
                                 << QStringList {QStringLiteral("retry"), QStringLiteral("restart"),
                                                 QStringLiteral("undo")};
        Rollout healthy = pausedCanary();
        healthy.status.pauseConditions.clear();
        healthy.status.controllerPause = false;
        healthy.status.currentPodHash = healthy.status.stableRS;
        QTest::newRow("healthy") << healthy
                                 << QStringList {QStringLiteral("restart"), QStringLiteral("undo")};
        Rollout restarting = healthy;
        restarting.spec.restartAt = QDateTime(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);
        QTest::newRow("restarting") << restarting << QStringList {QStringLiteral("undo")};
        Rollout blueGreen = fromFile("rollout-bluegreen-waiting.json");
        QTest::newRow("blue-green waiting")
            << blueGreen << QStringList {QStringLiteral("pause"),        QStringLiteral("promote"),
                                         QStringLiteral("promote-full"), QStringLiteral("abort"),
                                         QStringLiteral("restart"),      QStringLiteral("undo")};
        blueGreen.status.pauseConditions.clear();
        QTest::newRow("blue-green not paused")
            << blueGreen
            << QStringList {QStringLiteral("pause"), QStringLiteral("promote-full"),
                            QStringLiteral("abort"), QStringLiteral("restart"),
                            QStringLiteral("undo")};
    }
    void availability()
    {
        QFETCH(Rollout, rollout);
        QFETCH(QStringList, enabled);
        QStringList actual;
        for (RolloutAction action : allRolloutActions()) {
            const RolloutActionState state = rolloutActionAvailability(action, rollout, 2);
            if (state.enabled)
                actual.append(rolloutActionId(action));
            else
                QVERIFY2(!state.reason.isEmpty(), qPrintable(rolloutActionId(action)));
        }
        QCOMPARE(actual, enabled);
    }

    void reasonsSayWhy()
    {
        QCOMPARE(
            rolloutActionAvailability(RolloutAction::Promote, fromFile("rollout-aborted.json"), 2)
                .reason,
            QStringLiteral("The rollout is aborted: retry it first."));
        QCOMPARE(rolloutActionAvailability(RolloutAction::Undo, pausedCanary(), 1).reason,
                 QStringLiteral("There is no earlier revision to roll back to."));
        QCOMPARE(rolloutActionAvailability(RolloutAction::Retry, pausedCanary(), 2).reason,
                 QStringLiteral("Only an aborted rollout can be retried."));
    }

    void permissions()
    {
        auto names = [](const QList<ResourcePermission> &list) {
            QStringList out;
            for (const ResourcePermission &p : list)
                out.append(p.displayName());
            return out;
        };
        Rollout rollout = pausedCanary();
        QCOMPARE(names(requiredPermissions(RolloutAction::Pause, rollout)),
                 QStringList {QStringLiteral("patch rollouts")});
        QCOMPARE(
            names(requiredPermissions(RolloutAction::Abort, rollout)),
            QStringList({QStringLiteral("get rollouts"), QStringLiteral("patch rollouts/status")}));
        rollout.spec.paused = true;
        QCOMPARE(
            names(requiredPermissions(RolloutAction::Promote, rollout)),
            QStringList({QStringLiteral("get rollouts"), QStringLiteral("patch rollouts/status"),
                         QStringLiteral("patch rollouts")}));
        QCOMPARE(requiredPermissions(RolloutAction::Undo, rollout).first().group,
                 QStringLiteral("argoproj.io"));
    }

    void confirmation()
    {
        Rollout rollout = pausedCanary();
        ActionExpectation pause {RolloutAction::Pause, rollout.metadata.generation + 1, {}, {}};
        rollout.spec.paused = true;
        QVERIFY(!rolloutActionConfirmed(pause, rollout)); // generation not yet observed
        rollout.metadata.generation += 1;
        rollout.status.observedGeneration = QString::number(rollout.metadata.generation);
        QVERIFY(rolloutActionConfirmed(pause, rollout));

        Rollout aborted = fromFile("rollout-aborted.json");
        ActionExpectation abort {RolloutAction::Abort, aborted.metadata.generation, {}, {}};
        QVERIFY(rolloutActionConfirmed(abort, aborted));
        QVERIFY(
            !rolloutActionConfirmed(ActionExpectation {RolloutAction::Retry, 0, {}, {}}, aborted));

        Rollout promoted = pausedCanary();
        ActionExpectation promote {RolloutAction::Promote, 0, {}, promoted.status.currentStepIndex};
        QVERIFY(!rolloutActionConfirmed(promote, promoted));
        promoted.status.currentStepIndex = *promoted.status.currentStepIndex + 1;
        QVERIFY(rolloutActionConfirmed(promote, promoted));

        Rollout restarted = pausedCanary();
        const QDateTime at(QDate(2026, 1, 1), QTime(10, 0), Qt::UTC);
        ActionExpectation restart {RolloutAction::Restart, 0, at, {}};
        QVERIFY(!rolloutActionConfirmed(restart, restarted));
        restarted.status.restartedAt = at;
        QVERIFY(rolloutActionConfirmed(restart, restarted));
    }
};

QTEST_GUILESS_MAIN(TestRolloutActionRules)
#include "tst_rolloutactionrules.moc"
