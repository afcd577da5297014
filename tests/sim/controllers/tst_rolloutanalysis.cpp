// SPDX-License-Identifier: GPL-3.0-or-later
// Step and background analysis as the rollout sees it: the AnalysisRuns it creates and how
// their outcome moves it on, pauses it or aborts it. The tests set each run's phase
// themselves, so they do not depend on measurements.
#include "controllerfixture.h"

using namespace rdsim;

using namespace ControllerTest;

namespace {

const QString kFailure
    = QStringLiteral("Metric \"error-rate\" assessed Failed due to failed (2) > failureLimit (1)");

QJsonArray analysisSteps()
{
    return parse(R"({"s": [
        {"setWeight": 20},
        {"analysis": {"templates": [{"templateName": "error-rate"}],
                      "args": [{"name": "service", "value": "web-canary"},
                               {"name": "hash", "valueFrom": {"podTemplateHashValue": "Latest"}}]}},
        {"setWeight": 60},
        {"pause": {}}
    ]})")
        .value(QLatin1String("s"))
        .toArray();
}

QString nameOf(const QJsonObject &object)
{
    return at(object, QStringLiteral("metadata.name")).toString();
}

} // namespace

class TestRolloutAnalysis : public QObject
{
    Q_OBJECT

private slots:
    void stepRunIsCreatedFromTheTemplate();
    void successfulRunAdvances();
    void failedRunAborts();
    void inconclusiveRunPauses();
    void backgroundRunStartsAtStartingStepAndFailureAborts();
    void missingTemplateIsInvalidSpec();

private:
    // Updates "web" to nginx:1.26 and waits for the analysis step; returns the run's name.
    QString atAnalysisStep(Cluster &c);
};

QString TestRolloutAnalysis::atAnalysisStep(Cluster &c)
{
    c.create(analysisTemplates(), slowTemplate(QStringLiteral("error-rate")));
    c.create(rollouts(), canaryRollout(analysisSteps()));
    if (!c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }))
        return {};
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    if (!c.waitFor([&] { return c.stepIndex() == 1; }))
        return {};
    return at(c.status(), QStringLiteral("canary.currentStepAnalysisRunStatus.name")).toString();
}

void TestRolloutAnalysis::stepRunIsCreatedFromTheTemplate()
{
    Cluster c;
    const QString runName = atAnalysisStep(c);
    const QString hash = hashOf(c.replicaSetsOf(QStringLiteral("web")).at(1));
    QCOMPARE(runName, QStringLiteral("web-%1-2-1").arg(hash));
    const QJsonObject run = c.analysisRun(runName);
    QCOMPARE(at(run, QStringLiteral("metadata.labels")).toObject(),
             (QJsonObject {{QStringLiteral("app"), QStringLiteral("web")},
                           {QStringLiteral("rollout-type"), QStringLiteral("Step")},
                           {QStringLiteral("rollouts-pod-template-hash"), hash},
                           {QStringLiteral("step-index"), QStringLiteral("1")}}));
    QCOMPARE(annotation(run, QStringLiteral("rollout.argoproj.io/revision")), QStringLiteral("2"));
    QCOMPARE(at(run, QStringLiteral("metadata.ownerReferences.0.kind")).toString(),
             QStringLiteral("Rollout"));
    QCOMPARE(at(run, QStringLiteral("metadata.ownerReferences.0.name")).toString(),
             QStringLiteral("web"));
    QCOMPARE(at(run, QStringLiteral("spec.args")).toArray(),
             (QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("service")},
                                       {QStringLiteral("value"), QStringLiteral("web-canary")}},
                          QJsonObject {{QStringLiteral("name"), QStringLiteral("hash")},
                                       {QStringLiteral("value"), hash}}}));
    QCOMPARE(at(run, QStringLiteral("spec.metrics.0.name")).toString(),
             QStringLiteral("error-rate"));
    QCOMPARE(at(run, QStringLiteral("spec.metrics.0.interval")).toString(), QStringLiteral("1h"));
    QCOMPARE(c.phase(), QStringLiteral("Progressing"));
    QCOMPARE(c.message(), QStringLiteral("more replicas need to be updated"));
}

void TestRolloutAnalysis::successfulRunAdvances()
{
    Cluster c;
    const QString runName = atAnalysisStep(c);
    QVERIFY(!runName.isEmpty());
    c.advance(120);
    QCOMPARE(c.stepIndex(), 1);

    c.setRunPhase(runName, QStringLiteral("Successful"));
    c.pass();
    QCOMPARE(c.stepIndex(), 2);
    QCOMPARE(c.status()
                 .value(QLatin1String("canary"))
                 .toObject()
                 .contains(QLatin1String("currentStepAnalysisRunStatus")),
             false);
    QCOMPARE(c.events(QStringLiteral("RolloutStepCompleted")).last(),
             QStringLiteral("Rollout step 2/4 completed (analysis)"));
    QCOMPARE(c.events(QStringLiteral("AnalysisRunSuccessful")),
             QStringList {QStringLiteral(
                              "Step Analysis Run '%1' Status New: 'Successful' Previous: 'Running'")
                              .arg(runName)});
    // The finished run is kept as history.
    QCOMPARE(at(c.analysisRun(runName), QStringLiteral("status.phase")).toString(),
             QStringLiteral("Successful"));
}

void TestRolloutAnalysis::failedRunAborts()
{
    Cluster c;
    const QString runName = atAnalysisStep(c);
    QVERIFY(!runName.isEmpty());
    const QList<QJsonObject> sets = c.replicaSetsOf(QStringLiteral("web"));
    c.pass();
    QCOMPARE(
        at(c.status(), QStringLiteral("canary.currentStepAnalysisRunStatus.status")).toString(),
        QStringLiteral("Running"));

    c.setRunPhase(runName, QStringLiteral("Failed"), kFailure);
    c.pass();
    const QJsonObject status = c.status();
    QCOMPARE(status.value(QLatin1String("abort")).toBool(), true);
    QCOMPARE(status.value(QLatin1String("currentStepIndex")).toInt(), 0);
    QCOMPARE(c.phase(), QStringLiteral("Degraded"));
    QCOMPARE(c.message(),
             QStringLiteral("RolloutAborted: Rollout aborted update to revision 2: ") + kFailure);
    QCOMPARE(at(status, QStringLiteral("canary.currentStepAnalysisRunStatus")).toObject(),
             (QJsonObject {{QStringLiteral("name"), runName},
                           {QStringLiteral("status"), QStringLiteral("Failed")},
                           {QStringLiteral("message"), kFailure}}));
    QCOMPARE(c.specReplicas(nameOf(sets.at(1))), 0);
    QCOMPARE(c.specReplicas(nameOf(sets.at(0))), 5);
    QCOMPARE(c.events(QStringLiteral("AnalysisRunFailed")),
             QStringList {
                 QStringLiteral("Step Analysis Run '%1' Status New: 'Failed' Previous: 'Running'")
                     .arg(runName)});
    QCOMPARE(c.events(QStringLiteral("RolloutAborted")),
             QStringList {QStringLiteral("Rollout aborted update to revision 2: ") + kFailure});

    // Retry runs the steps again with a fresh run.
    c.patchStatus(QStringLiteral("web"), QJsonObject {{QStringLiteral("abort"), false}});
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 1; }));
    QCOMPARE(at(c.status(), QStringLiteral("canary.currentStepAnalysisRunStatus.name")).toString(),
             runName + QStringLiteral(".1"));
}

void TestRolloutAnalysis::inconclusiveRunPauses()
{
    Cluster c;
    const QString runName = atAnalysisStep(c);
    QVERIFY(!runName.isEmpty());
    c.setRunPhase(runName, QStringLiteral("Inconclusive"));
    c.pass();
    QJsonObject status = c.status();
    QCOMPARE(c.phase(), QStringLiteral("Paused"));
    QCOMPARE(c.message(), QStringLiteral("InconclusiveAnalysisRun"));
    QCOMPARE(status.value(QLatin1String("controllerPause")).toBool(), true);
    QCOMPARE(at(status, QStringLiteral("pauseConditions.0.reason")).toString(),
             QStringLiteral("InconclusiveAnalysisRun"));
    QCOMPARE(c.stepIndex(), 1);
    c.advance(60);
    QCOMPARE(c.stepIndex(), 1);

    // kubectl argo rollouts promote on an inconclusive step: clear the pause, skip the step.
    c.patchStatus(QStringLiteral("web"),
                  QJsonObject {{QStringLiteral("pauseConditions"), QJsonValue::Null},
                               {QStringLiteral("controllerPause"), false},
                               {QStringLiteral("currentStepIndex"), 2}});
    c.pass();
    QCOMPARE(c.stepIndex(), 2);
    QCOMPARE(c.phase(), QStringLiteral("Progressing"));
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 3; }));
}

void TestRolloutAnalysis::backgroundRunStartsAtStartingStepAndFailureAborts()
{
    Cluster c;
    c.create(analysisTemplates(), slowTemplate(QStringLiteral("error-rate")));
    const QJsonArray steps
        = parse(
              R"({"s": [{"setWeight": 20}, {"pause": {"duration": 30}}, {"setWeight": 40}, {"pause": {}}]})")
              .value(QLatin1String("s"))
              .toArray();
    const QJsonObject background
        = parse(R"({"analysis": {"templates": [{"templateName": "error-rate"}], "startingStep": 1,
                                             "args": [{"name": "service", "value": "web"}]}})");
    c.create(rollouts(), canaryRollout(steps, 5, background));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    QCOMPARE(c.list(analysisRuns()).size(), 0);
    c.setImage(QStringLiteral("web"), QStringLiteral("nginx:1.26"));
    c.pass();
    QCOMPARE(c.stepIndex(), 0);
    QCOMPARE(c.list(analysisRuns()).size(), 0);
    QVERIFY(c.waitFor([&] { return c.stepIndex() == 1; }));
    const QString hash = hashOf(c.replicaSetsOf(QStringLiteral("web")).at(1));
    const QString runName = QStringLiteral("web-%1-2").arg(hash);
    QCOMPARE(
        at(c.status(), QStringLiteral("canary.currentBackgroundAnalysisRunStatus.name")).toString(),
        runName);
    QCOMPARE(at(c.analysisRun(runName), QStringLiteral("metadata.labels.rollout-type")).toString(),
             QStringLiteral("Background"));
    c.pass();

    c.setRunPhase(runName, QStringLiteral("Failed"), kFailure);
    c.pass();
    QCOMPARE(c.phase(), QStringLiteral("Degraded"));
    QCOMPARE(c.message(),
             QStringLiteral("RolloutAborted: Rollout aborted update to revision 2: ") + kFailure);
    QCOMPARE(
        c.events(QStringLiteral("AnalysisRunFailed")),
        QStringList {
            QStringLiteral("Background Analysis Run '%1' Status New: 'Failed' Previous: 'Running'")
                .arg(runName)});
}

void TestRolloutAnalysis::missingTemplateIsInvalidSpec()
{
    Cluster c;
    c.create(rollouts(), canaryRollout(analysisSteps()));
    c.pass();
    QCOMPARE(c.phase(), QStringLiteral("Degraded"));
    const QString message = QStringLiteral(
        "The Rollout \"web\" is invalid: "
        "spec.strategy.canary.steps[1].analysis.templates[0].templateName: "
        "Invalid value: \"error-rate\": analysistemplate.argoproj.io \"error-rate\" not found");
    QCOMPARE(c.message(), QStringLiteral("InvalidSpec: ") + message);
    QCOMPARE(c.condition(QStringLiteral("InvalidSpec")).value(QLatin1String("message")).toString(),
             message);
    QCOMPARE(c.replicaSetsOf(QStringLiteral("web")).size(), 0);

    // Creating the template makes the spec valid: the condition goes, the rollout deploys.
    c.create(analysisTemplates(), slowTemplate(QStringLiteral("error-rate")));
    QVERIFY(c.waitFor([&] { return c.phase() == QLatin1String("Healthy"); }));
    QCOMPARE(c.condition(QStringLiteral("InvalidSpec")).isEmpty(), true);
}

QTEST_GUILESS_MAIN(TestRolloutAnalysis)
#include "tst_rolloutanalysis.moc"
