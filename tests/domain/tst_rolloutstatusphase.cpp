// SPDX-License-Identifier: GPL-3.0-or-later
// The phase and message of a Rollout by the rules of the kubectl Argo Rollouts plugin, branch by
// branch with the plugin's exact messages, and which of them need attention.
#include "rolloutstatusfixture.h"

#include <QTest>

#include <functional>

using namespace RolloutStatusTest;

namespace {

using Mutation = std::function<void(Rollout &)>;

} // namespace

class TestRolloutStatusPhase : public QObject
{
    Q_OBJECT

private slots:
    void phase_data()
    {
        QTest::addColumn<Rollout>("rollout");
        QTest::addColumn<QString>("phase");
        QTest::addColumn<QString>("message");

        const auto row = [](const char *name, const Rollout &base, const Mutation &change,
                            const char *phase, const QString &message) {
            Rollout r = base;
            change(r);
            QTest::newRow(name) << r << QString::fromLatin1(phase) << message;
        };
        const Rollout canary = healthyCanary();
        const Rollout blueGreen = healthyBlueGreen();
        const auto withPhase = [](Rollout &r) {
            r.status.phase = QStringLiteral("Healthy");
            r.status.message = QString();
        };

        // GetRolloutPhase guards.
        row(
            "generation not observed", canary,
            [&](Rollout &r) {
                withPhase(r);
                r.status.observedGeneration = QStringLiteral("3");
            },
            "Progressing", QStringLiteral("waiting for rollout spec update to be observed"));
        row(
            "observed generation is a hash", canary,
            [&](Rollout &r) {
                withPhase(r);
                r.status.observedGeneration = QStringLiteral("7d6f5c");
            },
            "Healthy", QString());
        row(
            "observed generation ahead", canary,
            [&](Rollout &r) {
                withPhase(r);
                r.status.observedGeneration = QStringLiteral("9");
            },
            "Healthy", QString());
        row(
            "unpausing", canary,
            [&](Rollout &r) {
                withPhase(r);
                r.status.controllerPause = true;
            },
            "Progressing", QStringLiteral("waiting for rollout to unpause"));
        row(
            "controller pause with conditions", canary,
            [&](Rollout &r) {
                r.status.controllerPause = true;
                r.status.pauseConditions
                    = {{QStringLiteral("CanaryPauseStep"), utc("2024-05-01T10:00:00Z")}};
            },
            "Paused", QStringLiteral("CanaryPauseStep"));
        row(
            "workload generation not observed", canary,
            [&](Rollout &r) {
                withPhase(r);
                r.spec.workloadRef = WorkloadRef {
                    QStringLiteral("apps/v1"), QStringLiteral("Deployment"), QStringLiteral("web")};
                r.metadata.annotations.insert(
                    QStringLiteral("rollout.argoproj.io/workload-generation"), QStringLiteral("3"));
                r.status.workloadObservedGeneration = QStringLiteral("2");
            },
            "Progressing",
            QStringLiteral(
                "waiting for rollout spec update to be observed for the reference workload"));
        row(
            "workload generation observed", canary,
            [&](Rollout &r) {
                withPhase(r);
                r.spec.workloadRef = WorkloadRef {
                    QStringLiteral("apps/v1"), QStringLiteral("Deployment"), QStringLiteral("web")};
                r.metadata.annotations.insert(
                    QStringLiteral("rollout.argoproj.io/workload-generation"), QStringLiteral("3"));
                r.status.workloadObservedGeneration = QStringLiteral("3");
            },
            "Healthy", QString());
        row(
            "status phase passes through", canary,
            [&](Rollout &r) {
                r.status.phase = QStringLiteral("Degraded");
                r.status.message = QStringLiteral("ProgressDeadlineExceeded: controller says so");
            },
            "Degraded", QStringLiteral("ProgressDeadlineExceeded: controller says so"));

        // CalculateRolloutPhase, in order.
        row(
            "invalid spec", canary,
            [&](Rollout &r) {
                r.status.conditions = {condition(
                    "InvalidSpec", "True", "InvalidSpec",
                    "The Rollout \"web\" is invalid: spec.strategy.canary.steps[1].pause.duration: "
                    "Invalid value: \"-1\"")};
            },
            "Degraded",
            QStringLiteral("InvalidSpec: The Rollout \"web\" is invalid: "
                           "spec.strategy.canary.steps[1].pause.duration: Invalid value: \"-1\""));
        row(
            "aborted", canary,
            [&](Rollout &r) {
                r.status.conditions = {condition("Progressing", "False", "RolloutAborted",
                                                 "Rollout aborted update to revision 2")};
            },
            "Degraded", QStringLiteral("RolloutAborted: Rollout aborted update to revision 2"));
        row(
            "progress deadline exceeded", canary,
            [&](Rollout &r) {
                r.status.conditions
                    = {condition("Available", "True", "AvailableReason", "ok"),
                       condition("Progressing", "False", "ProgressDeadlineExceeded",
                                 "ReplicaSet \"web-abc\" has timed out progressing.")};
            },
            "Degraded",
            QStringLiteral(
                "ProgressDeadlineExceeded: ReplicaSet \"web-abc\" has timed out progressing."));
        row(
            "first degrading condition wins", canary,
            [&](Rollout &r) {
                r.status.conditions = {condition("Progressing", "False", "RolloutAborted", "first"),
                                       condition("InvalidSpec", "True", "InvalidSpec", "second")};
            },
            "Degraded", QStringLiteral("RolloutAborted: first"));
        row(
            "manually paused", canary, [&](Rollout &r) { r.spec.paused = true; }, "Paused",
            QStringLiteral("manually paused"));
        row(
            "pause condition", canary,
            [&](Rollout &r) {
                r.status.pauseConditions
                    = {{QStringLiteral("InconclusiveAnalysisRun"), QDateTime()},
                       {QStringLiteral("CanaryPauseStep"), QDateTime()}};
            },
            "Paused", QStringLiteral("InconclusiveAnalysisRun"));
        row(
            "restart requested", canary,
            [&](Rollout &r) { r.spec.restartAt = utc("2024-05-01T10:00:00Z"); }, "Progressing",
            QStringLiteral("rollout is restarting"));
        row(
            "restart pending", canary,
            [&](Rollout &r) {
                r.spec.restartAt = utc("2024-05-02T10:00:00Z");
                r.status.restartedAt = utc("2024-05-01T10:00:00Z");
            },
            "Progressing", QStringLiteral("rollout is restarting"));
        row(
            "restart done", canary,
            [&](Rollout &r) {
                r.spec.restartAt = utc("2024-05-02T10:00:00Z");
                r.status.restartedAt = utc("2024-05-02T10:00:00Z");
            },
            "Healthy", QString());
        row(
            "replicas to update", canary, [&](Rollout &r) { r.status.updatedReplicas = 2; },
            "Progressing", QStringLiteral("more replicas need to be updated"));
        row(
            "nil replicas means one", canary,
            [&](Rollout &r) {
                r.spec.replicas.reset();
                r.status.replicas = r.status.updatedReplicas = r.status.availableReplicas = 0;
            },
            "Progressing", QStringLiteral("more replicas need to be updated"));
        row(
            "becoming available", canary, [&](Rollout &r) { r.status.availableReplicas = 2; },
            "Progressing", QStringLiteral("updated replicas are still becoming available"));
        row(
            "old replicas pending termination", canary, [&](Rollout &r) { r.status.replicas = 4; },
            "Progressing", QStringLiteral("old replicas are pending termination"));
        row(
            "traffic routing keeps old replicas", canary,
            [&](Rollout &r) {
                r.status.replicas = 4;
                r.spec.canary->hasTrafficRouting = true;
            },
            "Healthy", QString());
        row(
            "no stable yet", canary, [&](Rollout &r) { r.status.stableRS.clear(); }, "Progressing",
            QStringLiteral("waiting for all steps to complete"));
        row(
            "steps not done", canary,
            [&](Rollout &r) { r.status.currentPodHash = QStringLiteral("def"); }, "Progressing",
            QStringLiteral("waiting for all steps to complete"));
        row(
            "healthy canary", canary, [](Rollout &) {}, "Healthy", QString());
        row(
            "cutover pending (no selector)", blueGreen,
            [&](Rollout &r) { r.status.activeSelector.clear(); }, "Progressing",
            QStringLiteral("active service cutover pending"));
        row(
            "cutover pending (old selector)", blueGreen,
            [&](Rollout &r) { r.status.currentPodHash = QStringLiteral("def"); }, "Progressing",
            QStringLiteral("active service cutover pending"));
        row(
            "post-promotion analysis missing", blueGreen,
            [&](Rollout &r) {
                r.status.stableRS = QStringLiteral("old");
                r.spec.blueGreen->postPromotionAnalysis = RolloutAnalysis();
            },
            "Progressing", QStringLiteral("waiting for analysis to complete"));
        row(
            "post-promotion analysis running", blueGreen,
            [&](Rollout &r) {
                r.status.stableRS = QStringLiteral("old");
                r.spec.blueGreen->postPromotionAnalysis = RolloutAnalysis();
                r.status.postPromotionAnalysisRunStatus = AnalysisRunStatusRef {
                    QStringLiteral("web-post"), QStringLiteral("Running"), QString()};
            },
            "Progressing", QStringLiteral("waiting for analysis to complete"));
        row(
            "post-promotion analysis done", blueGreen,
            [&](Rollout &r) {
                r.status.stableRS = QStringLiteral("old");
                r.spec.blueGreen->postPromotionAnalysis = RolloutAnalysis();
                r.status.postPromotionAnalysisRunStatus = AnalysisRunStatusRef {
                    QStringLiteral("web-post"), QStringLiteral("Successful"), QString()};
            },
            "Progressing", QStringLiteral("waiting for post-promotion verification to complete"));
        row(
            "no stable blue-green", blueGreen, [&](Rollout &r) { r.status.stableRS.clear(); },
            "Progressing", QStringLiteral("waiting for post-promotion verification to complete"));
        row(
            "blue-green keeps old replicas", blueGreen, [&](Rollout &r) { r.status.replicas = 6; },
            "Healthy", QString());
        row(
            "healthy blue-green", blueGreen, [](Rollout &) {}, "Healthy", QString());
        row(
            "no strategy", canary,
            [&](Rollout &r) {
                r.spec.canary.reset();
                r.status.stableRS.clear();
            },
            "Healthy", QString());
    }

    void phase()
    {
        QFETCH(Rollout, rollout);
        QFETCH(QString, phase);
        QFETCH(QString, message);
        const RolloutPhaseInfo info = rolloutPhase(rollout);
        QCOMPARE(info.phase, phase);
        QCOMPARE(info.message, message);
    }

    void controllerPhaseMatchesCalculatedPhase_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("canary mid-step") << QStringLiteral("rollout-canary-midstep.json");
        QTest::newRow("paused canary") << QStringLiteral("rollout-canary-paused.json");
        QTest::newRow("aborted") << QStringLiteral("rollout-aborted.json");
        QTest::newRow("blue-green waiting") << QStringLiteral("rollout-bluegreen-waiting.json");
    }

    void controllerPhaseMatchesCalculatedPhase()
    {
        // status.phase/message in the fixtures are what the controller computes with the same
        // function, so the client-side fallback must agree with them.
        QFETCH(QString, file);
        Rollout r = decodeObject<Rollout>(domainTestData(file)).value;
        const RolloutPhaseInfo fromController = rolloutPhase(r);
        QCOMPARE(fromController.phase, r.status.phase);
        QCOMPARE(fromController.message, r.status.message);
        r.status.phase.clear();
        r.status.message.clear();
        QCOMPARE(calculateRolloutPhase(r), fromController);
    }

    void requiresAttention_data()
    {
        QTest::addColumn<QString>("phase");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("attention");
        QTest::newRow("degraded") << QStringLiteral("Degraded")
                                  << QStringLiteral("RolloutAborted: x") << true;
        QTest::newRow("unknown") << QStringLiteral("Unknown") << QString() << true;
        QTest::newRow("canary pause step")
            << QStringLiteral("Paused") << QStringLiteral("CanaryPauseStep") << false;
        QTest::newRow("manual pause")
            << QStringLiteral("Paused") << QStringLiteral("manually paused") << true;
        QTest::newRow("blue-green pause")
            << QStringLiteral("Paused") << QStringLiteral("BlueGreenPause") << true;
        QTest::newRow("inconclusive")
            << QStringLiteral("Paused") << QStringLiteral("InconclusiveAnalysisRun") << true;
        QTest::newRow("progressing")
            << QStringLiteral("Progressing") << QStringLiteral("waiting for all steps to complete")
            << false;
        QTest::newRow("healthy") << QStringLiteral("Healthy") << QString() << false;
    }

    void requiresAttention()
    {
        QFETCH(QString, phase);
        QFETCH(QString, message);
        QFETCH(bool, attention);
        QCOMPARE(::requiresAttention(RolloutPhaseInfo {phase, message}), attention);
    }
};

QTEST_GUILESS_MAIN(TestRolloutStatusPhase)
#include "tst_rolloutstatusphase.moc"
