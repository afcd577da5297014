// SPDX-License-Identifier: GPL-3.0-or-later
// What SafetyNetDecoder reads from CI runs (Argo Workflows, Tekton PipelineRuns and their
// TaskRuns), staging evidence (k6, LitmusChaos, Chaos Mesh) and OpenFeature flags, and what
// each outcome method makes of the tools' words.
#include "safetynetdecoder.h"
#include "safetynetdecoderdata.h"

#include <QtTest>

class TestSafetyNetDecoderCi : public QObject
{
    Q_OBJECT

private slots:
    void argoWorkflows();
    void tektonPipelineRuns();
    void tektonTaskRuns();
    void attachTaskRuns();
    void k6TestRuns();
    void litmusChaosResults();
    void chaosMeshExperiments();
    void featureFlags();
    void tektonOutcomeWithoutStatus();
};

namespace {

QStringList stepNames(const CiRun &run)
{
    QStringList names;
    for (const CiStep &step : run.steps)
        names.append(step.name + QLatin1Char(':') + step.phase);
    return names;
}

} // namespace

void TestSafetyNetDecoderCi::argoWorkflows()
{
    const ObjectList<CiRun> list = SafetyNetDecoder::argoWorkflows(safetyNetData("workflows.json"));
    QVERIFY2(list.isOk(), qPrintable(list.report.error));
    QVERIFY2(!list.report.hasIssues(), qPrintable(list.report.issuesText()));
    QCOMPARE(list.items.size(), 2);
    const CiRun &run = list.items.at(0);
    QCOMPARE(run.kind, CiRun::Kind::ArgoWorkflow);
    QCOMPARE(run.name, QStringLiteral("checkout-ci-x7k2p"));
    QCOMPARE(run.namespace_, QStringLiteral("argo"));
    QCOMPARE(run.phase, QStringLiteral("Failed"));
    QCOMPARE(run.message, QStringLiteral("child 'checkout-ci-x7k2p-2934561023' failed"));
    QCOMPARE(run.startedMs, msOf("2026-11-28T08:40:01Z"));
    QCOMPARE(run.finishedMs, msOf("2026-11-28T08:46:30Z"));
    QCOMPARE(run.labels.value(QStringLiteral("app.kubernetes.io/name")),
             QStringLiteral("checkout"));
    QVERIFY(run.failed());
    QVERIFY(!run.succeeded());
    // AnyString parameters (a number, a boolean), a parameter without a value, the
    // workflow's outputs and a node's outputs.
    QCOMPARE(run.values,
             QStringList({QStringLiteral("registry.example.com/shop/checkout:2.0.4"),
                          QStringLiteral("3"), QStringLiteral("true"),
                          QStringLiteral("sha256:9c1e7f1b8a3d"),
                          QStringLiteral("sha256:9c1e7f1b8a3d")}));
    // Grouping nodes (Steps, StepGroup) are no steps; start order, unstarted last.
    QCOMPARE(stepNames(run),
             QStringList({QStringLiteral("build:Succeeded"), QStringLiteral("test:Failed"),
                          QStringLiteral("deploy:Omitted")}));
    const CiStep &test = run.steps.at(1);
    QCOMPARE(test.message, QStringLiteral("Error (exit code 1): 2 of 148 tests failed"));
    QCOMPARE(test.startedMs, msOf("2026-11-28T08:43:10Z"));
    QCOMPARE(test.finishedMs, msOf("2026-11-28T08:46:29Z"));

    const CiRun &running = list.items.at(1);
    QCOMPARE(running.phase, QStringLiteral("Running"));
    QCOMPARE(running.finishedMs, 0); // null
    QVERIFY(!running.failed() && !running.succeeded());
    QVERIFY(running.steps.isEmpty());
}

void TestSafetyNetDecoderCi::tektonPipelineRuns()
{
    const ObjectList<CiRun> list
        = SafetyNetDecoder::tektonPipelineRuns(safetyNetData("pipelineruns.json"));
    QVERIFY2(list.isOk(), qPrintable(list.report.error));
    QVERIFY2(!list.report.hasIssues(), qPrintable(list.report.issuesText()));
    QCOMPARE(list.items.size(), 2);
    const CiRun &run = list.items.at(0);
    QCOMPARE(run.kind, CiRun::Kind::TektonPipelineRun);
    QCOMPARE(run.name, QStringLiteral("checkout-build-9xq4z"));
    QCOMPARE(run.namespace_, QStringLiteral("tekton-pipelines"));
    QCOMPARE(run.phase, QStringLiteral("Failed"));
    QCOMPARE(run.conditionStatus, QStringLiteral("False"));
    QCOMPARE(run.message,
             QStringLiteral("Tasks Completed: 3 (Failed: 1, Cancelled 0), Skipped: 1"));
    QCOMPARE(run.startedMs, msOf("2026-11-28T08:30:01Z"));
    QCOMPARE(run.finishedMs, msOf("2026-11-28T08:38:02Z"));
    QVERIFY(run.failed());
    // Params of type string, array and object, then the run's results.
    QCOMPARE(run.values,
             QStringList({QStringLiteral("registry.example.com/shop/checkout:2.0.4"),
                          QStringLiteral("2.0"), QStringLiteral("latest"),
                          QStringLiteral("https://git.example.com/shop/checkout.git"),
                          QStringLiteral("b0a377f1"), QStringLiteral("sha256:9c1e7f1b8a3d")}));
    // Before the TaskRuns are attached only the skipped task is known.
    QCOMPARE(stepNames(run), QStringList({QStringLiteral("push:Skipped")}));
    QCOMPARE(run.steps.constFirst().message, QStringLiteral("PipelineRun was stopping"));

    const CiRun &green = list.items.at(1);
    QCOMPARE(green.phase, QStringLiteral("Succeeded"));
    QCOMPARE(green.conditionStatus, QStringLiteral("True"));
    QVERIFY(green.succeeded());
    QVERIFY(!green.failed());
}

void TestSafetyNetDecoderCi::tektonTaskRuns()
{
    const ObjectList<TektonTaskRun> list
        = SafetyNetDecoder::tektonTaskRuns(safetyNetData("taskruns.json"));
    QVERIFY2(list.isOk(), qPrintable(list.report.error));
    QVERIFY2(!list.report.hasIssues(), qPrintable(list.report.issuesText()));
    QCOMPARE(list.items.size(), 4);
    const TektonTaskRun &tests = list.items.at(0);
    QCOMPARE(tests.namespace_, QStringLiteral("tekton-pipelines"));
    QCOMPARE(tests.pipelineRun, QStringLiteral("checkout-build-9xq4z"));
    QCOMPARE(tests.pipelineTask, QStringLiteral("unit-tests"));
    QCOMPARE(tests.step.name, QStringLiteral("unit-tests"));
    QCOMPARE(tests.step.phase, QStringLiteral("Failed"));
    QCOMPARE(tests.step.message, QStringLiteral("\"step-test\" exited with code 1"));
    QCOMPARE(tests.step.startedMs, msOf("2026-11-28T08:33:00Z"));
    QCOMPARE(tests.step.finishedMs, msOf("2026-11-28T08:38:01Z"));
    QCOMPARE(list.items.at(1).values,
             QStringList({QStringLiteral("sha256:9c1e7f1b8a3d"),
                          QStringLiteral("registry.example.com/shop/checkout:2.0.4")}));
    QCOMPARE(list.items.at(2).step.phase, QStringLiteral("Running"));
    QCOMPARE(list.items.at(2).step.finishedMs, 0);
}

void TestSafetyNetDecoderCi::attachTaskRuns()
{
    QList<CiRun> runs
        = SafetyNetDecoder::tektonPipelineRuns(safetyNetData("pipelineruns.json")).items;
    const QList<TektonTaskRun> taskRuns
        = SafetyNetDecoder::tektonTaskRuns(safetyNetData("taskruns.json")).items;
    QCOMPARE(runs.size(), 2);
    SafetyNetDecoder::attachTaskRuns(&runs, taskRuns);
    // Start order; the TaskRun of the same name in another namespace is not this run's.
    const QStringList expected {QStringLiteral("build:Succeeded"), QStringLiteral("lint:Running"),
                                QStringLiteral("unit-tests:Failed"),
                                QStringLiteral("push:Skipped")};
    QCOMPARE(stepNames(runs.at(0)), expected);
    QVERIFY(!runs.at(0).truncated);
    // The build task's results join the run's values (IMAGE_URL is new, the digest was there).
    QVERIFY(runs.at(0).values.contains(QStringLiteral("registry.example.com/shop/checkout:2.0.4")));
    QCOMPARE(runs.at(0).values.count(QStringLiteral("sha256:9c1e7f1b8a3d")), 1);
    QVERIFY(runs.at(1).steps.isEmpty());

    // Attaching again (a refresh) updates in place.
    QList<TektonTaskRun> later = taskRuns;
    later[2].step.phase = QStringLiteral("Succeeded");
    SafetyNetDecoder::attachTaskRuns(&runs, later);
    QCOMPARE(runs.at(0).steps.size(), 4);
    QCOMPARE(runs.at(0).steps.at(1).phase, QStringLiteral("Succeeded"));

    SafetyNetDecoder::attachTaskRuns(nullptr, taskRuns); // no crash
}

void TestSafetyNetDecoderCi::k6TestRuns()
{
    const ObjectList<LoadTestRun> list
        = SafetyNetDecoder::k6TestRuns(safetyNetData("k6-testruns.json"));
    QVERIFY2(list.isOk(), qPrintable(list.report.error));
    QVERIFY2(!list.report.hasIssues(), qPrintable(list.report.issuesText()));
    QCOMPARE(list.items.size(), 2);
    const LoadTestRun &done = list.items.at(0);
    QCOMPARE(done.name, QStringLiteral("checkout-load-2-0-4"));
    QCOMPARE(done.namespace_, QStringLiteral("staging"));
    QCOMPARE(done.stage, QStringLiteral("finished"));
    QCOMPARE(done.createdMs, msOf("2026-11-27T15:00:00Z"));
    QCOMPARE(done.labels.value(QStringLiteral("app.kubernetes.io/version")),
             QStringLiteral("2.0.4"));
    QVERIFY(done.finished() && !done.failed());
    QCOMPARE(list.items.at(1).stage, QStringLiteral("error"));
    QVERIFY(list.items.at(1).failed() && !list.items.at(1).finished());
}

void TestSafetyNetDecoderCi::litmusChaosResults()
{
    const ObjectList<ChaosExperiment> list
        = SafetyNetDecoder::litmusChaosResults(safetyNetData("litmus-chaosresults.json"));
    QVERIFY2(list.isOk(), qPrintable(list.report.error));
    QVERIFY2(!list.report.hasIssues(), qPrintable(list.report.issuesText()));
    QCOMPARE(list.items.size(), 2);
    const ChaosExperiment &result = list.items.at(0);
    QCOMPARE(result.kind, ChaosExperiment::Kind::LitmusChaosResult);
    QCOMPARE(result.resourceKind, QStringLiteral("ChaosResult"));
    QCOMPARE(result.name, QStringLiteral("checkout-chaos-pod-delete"));
    QCOMPARE(result.experiment, QStringLiteral("pod-delete"));
    QCOMPARE(result.phase, QStringLiteral("Completed"));
    QCOMPARE(result.verdict, QStringLiteral("Fail"));
    QCOMPARE(result.probeSuccessPercentage, 50); // a string in the API
    QCOMPARE(result.target, QStringLiteral("deployment/checkout"));
    QCOMPARE(result.message,
             QStringLiteral("checkout-availability probe failed: 3 of 6 requests errored"));
    QCOMPARE(result.createdMs, msOf("2026-11-27T17:00:00Z"));
    QVERIFY(result.failed() && !result.passed());
    const ChaosExperiment &awaited = list.items.at(1);
    QCOMPARE(awaited.verdict, QStringLiteral("Awaited"));
    QCOMPARE(awaited.probeSuccessPercentage, -1); // "Awaited" is no number
    QVERIFY(!awaited.failed() && !awaited.passed());
}

void TestSafetyNetDecoderCi::chaosMeshExperiments()
{
    const ObjectList<ChaosExperiment> list
        = SafetyNetDecoder::chaosMeshExperiments(safetyNetData("chaosmesh-podchaos.json"));
    QVERIFY2(list.isOk(), qPrintable(list.report.error));
    QVERIFY2(!list.report.hasIssues(), qPrintable(list.report.issuesText()));
    QCOMPARE(list.items.size(), 3);
    const ChaosExperiment &recovered = list.items.at(0);
    QCOMPARE(recovered.kind, ChaosExperiment::Kind::ChaosMesh);
    QCOMPARE(recovered.resourceKind, QStringLiteral("PodChaos")); // from the list's kind
    QCOMPARE(recovered.experiment, QStringLiteral("pod-failure"));
    QCOMPARE(recovered.phase, QStringLiteral("Recovered"));
    QCOMPARE(recovered.target, QStringLiteral("app=checkout,tier=web"));
    QCOMPARE(recovered.labels.value(QStringLiteral("app.kubernetes.io/version")),
             QStringLiteral("2.0.4"));
    QVERIFY(recovered.passed() && !recovered.failed());
    const ChaosExperiment &failed = list.items.at(1);
    QCOMPARE(failed.phase, QStringLiteral("Failed"));
    QCOMPARE(failed.message, QStringLiteral("pods \"cart-5f6d-xyz\" is forbidden"));
    QVERIFY(failed.failed() && !failed.passed());
    const ChaosExperiment &injected = list.items.at(2);
    QCOMPARE(injected.phase, QStringLiteral("Injected"));
    QCOMPARE(injected.experiment, QStringLiteral("container-kill"));
    QVERIFY(!injected.failed() && !injected.passed());
}

void TestSafetyNetDecoderCi::featureFlags()
{
    const ObjectList<FeatureFlag> list
        = SafetyNetDecoder::featureFlags(safetyNetData("featureflags.json"));
    QVERIFY2(list.isOk(), qPrintable(list.report.error));
    QVERIFY2(!list.report.hasIssues(), qPrintable(list.report.issuesText()));
    QCOMPARE(list.items.size(), 2); // one per flag of the one FeatureFlag
    const FeatureFlag &flag = list.items.at(0);
    QCOMPARE(flag.resource, QStringLiteral("checkout-flags"));
    QCOMPARE(flag.namespace_, QStringLiteral("shop"));
    QCOMPARE(flag.key, QStringLiteral("new-checkout"));
    QCOMPARE(flag.state, QStringLiteral("ENABLED"));
    QCOMPARE(flag.defaultVariant, QStringLiteral("off"));
    QCOMPARE(flag.variants, QStringList({QStringLiteral("off=false"), QStringLiteral("on=true")}));
    QCOMPARE(flag.targeting,
             QStringLiteral(R"({"fractional":[{"var":"targetingKey"},["on",10],["off",90]]})"));
    const FeatureFlag &theme = list.items.at(1);
    QCOMPARE(theme.key, QStringLiteral("checkout-theme"));
    QCOMPARE(theme.state, QStringLiteral("DISABLED"));
    QCOMPARE(theme.variants,
             QStringList({QStringLiteral(R"(classic={"color":"blue","size":1})"),
                          QStringLiteral("modern=dark")}));
    QVERIFY(theme.targeting.isEmpty()); // {}: no rule
}

void TestSafetyNetDecoderCi::tektonOutcomeWithoutStatus()
{
    CiRun run;
    run.kind = CiRun::Kind::TektonPipelineRun;
    run.phase = QStringLiteral("PipelineRunTimeout");
    QVERIFY(run.failed());
    run.phase = QStringLiteral("Completed");
    QVERIFY(run.succeeded() && !run.failed());
    run.phase = QStringLiteral("Running");
    QVERIFY(!run.succeeded() && !run.failed());
    run.phase = QStringLiteral("CouldntGetPipeline"); // a failure the list does not name
    run.conditionStatus = QStringLiteral("False");
    QVERIFY(run.failed());
}

QTEST_GUILESS_MAIN(TestSafetyNetDecoderCi)
#include "tst_safetynetdecoderci.moc"
