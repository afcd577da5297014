// SPDX-License-Identifier: GPL-3.0-or-later
// AnalysisRuns as gates: a completed metric keeps the controller's phase, a running one
// passes within its limits and is Inconclusive before its first measurement, a past instant
// counts only the measurements finished by then (by the controller's limits), and runs of
// other revisions and dry-run metrics are left out.
#include "analysisgates.h"

#include <QtTest>

namespace {

const QDateTime start = QDateTime::fromSecsSinceEpoch(1700000000, Qt::UTC);

Measurement measurement(const QString &phase, int minute, const QString &value)
{
    Measurement m;
    m.phase = phase;
    m.value = value;
    m.startedAt = start.addSecs(minute * 60);
    m.finishedAt = m.startedAt.addSecs(1);
    return m;
}

// A run of revision `hash` with one metric "error-rate" measured at minutes 1, 2, 3...
AnalysisRun run(const QString &hash, const QStringList &phases, const QString &runPhase)
{
    AnalysisRun run;
    run.metadata.name = QStringLiteral("checkout-%1-2").arg(hash);
    run.metadata.labels.insert(QStringLiteral("rollouts-pod-template-hash"), hash);
    run.metadata.creationTimestamp = start;
    AnalysisMetric metric;
    metric.name = QStringLiteral("error-rate");
    metric.successCondition = QStringLiteral("result[0] <= 0.05");
    metric.failureLimit = IntOrString::fromInt(1);
    metric.provider.kind = QStringLiteral("prometheus");
    metric.provider.query = QStringLiteral("sum(rate(errors[1m]))");
    run.metrics.append(metric);
    MetricResult result;
    result.name = metric.name;
    result.phase = runPhase;
    for (int i = 0; i < phases.size(); ++i)
        result.measurements.append(
            measurement(phases.at(i), i + 1, QStringLiteral("[0.0%1]").arg(i + 1)));
    run.metricResults.append(result);
    run.phase = runPhase;
    if (run.isCompleted())
        run.completedAt = start.addSecs(phases.size() * 60 + 2);
    return run;
}

} // namespace

class TestAnalysisGates : public QObject
{
    Q_OBJECT

private slots:
    void completedKeepsThePhase()
    {
        AnalysisRun failed
            = run(QStringLiteral("c1"), {QStringLiteral("Failed"), QStringLiteral("Failed")},
                  QStringLiteral("Failed"));
        failed.metricResults[0].message = QStringLiteral("failed (2) > failureLimit (1)");
        const QList<GateResult> gates
            = AnalysisGates::judge({failed}, QStringLiteral("c1"), start.addSecs(3600));
        QCOMPARE(gates.size(), 1);
        QCOMPARE(gates.first().name, QStringLiteral("checkout-c1-2/error-rate"));
        QCOMPARE(gates.first().source, GateResult::Source::Analysis);
        QCOMPARE(gates.first().outcome, GateOutcome::Fail);
        QCOMPARE(gates.first().message, QStringLiteral("failed (2) > failureLimit (1)"));
        QCOMPARE(gates.first().bound, QStringLiteral("success: result[0] <= 0.05"));
        QCOMPARE(gates.first().query, QStringLiteral("sum(rate(errors[1m]))"));
        QCOMPARE(gates.first().samples, 2);
        QCOMPARE(gates.first().value, std::optional<double>(0.02));
        const AnalysisRun passed = run(QStringLiteral("c1"), {QStringLiteral("Successful")},
                                       QStringLiteral("Successful"));
        const GateResult pass
            = AnalysisGates::judge({passed}, QStringLiteral("c1"), start.addSecs(3600)).first();
        QCOMPARE(pass.outcome, GateOutcome::Pass);
        QCOMPARE(pass.message, QStringLiteral("Successful after 1 measurement"));
    }

    void runningIsJudgedByItsLimits()
    {
        const QDateTime now = start.addSecs(3600);
        AnalysisRun running
            = run(QStringLiteral("c1"), {QStringLiteral("Successful"), QStringLiteral("Failed")},
                  QStringLiteral("Running"));
        GateResult gate = AnalysisGates::judge({running}, QStringLiteral("c1"), now).first();
        // One failure is within failureLimit 1.
        QCOMPARE(gate.outcome, GateOutcome::Pass);
        QCOMPARE(gate.message, QStringLiteral("running: 2 measurements, within the limits so far"));
        running.metricResults[0].measurements.append(
            measurement(QStringLiteral("Failed"), 3, QStringLiteral("[0.2]")));
        gate = AnalysisGates::judge({running}, QStringLiteral("c1"), now).first();
        QCOMPARE(gate.outcome, GateOutcome::Fail);
        QCOMPARE(gate.message, QStringLiteral("2 failed measurements, more than the limit of 1"));
        const AnalysisRun fresh = run(QStringLiteral("c1"), {}, QStringLiteral("Running"));
        gate = AnalysisGates::judge({fresh}, QStringLiteral("c1"), now).first();
        QCOMPARE(gate.outcome, GateOutcome::Inconclusive);
        QCOMPARE(gate.message, QStringLiteral("no measurement yet"));
        AnalysisRun errors = run(QStringLiteral("c1"), QStringList(5, QStringLiteral("Error")),
                                 QStringLiteral("Running"));
        QCOMPARE(AnalysisGates::judge({errors}, QStringLiteral("c1"), now).first().outcome,
                 GateOutcome::Error);
    }

    void aPastInstantCountsWhatWasFinishedThen()
    {
        const AnalysisRun failed = run(
            QStringLiteral("c1"),
            {QStringLiteral("Successful"), QStringLiteral("Failed"), QStringLiteral("Failed")},
            QStringLiteral("Failed"));
        // After the second measurement: one failure, within the limit, not completed yet.
        const GateResult then
            = AnalysisGates::judge({failed}, QStringLiteral("c1"), start.addSecs(150)).first();
        QCOMPARE(then.outcome, GateOutcome::Pass);
        QCOMPARE(then.samples, 2);
        QCOMPARE(then.value, std::optional<double>(0.02));
        // Before the run existed: no gate at all.
        QVERIFY(AnalysisGates::judge({failed}, QStringLiteral("c1"), start.addSecs(-1)).isEmpty());
    }

    void otherRevisionsAndDryRunsAreLeftOut()
    {
        AnalysisRun other
            = run(QStringLiteral("old"), {QStringLiteral("Failed")}, QStringLiteral("Failed"));
        AnalysisRun dry
            = run(QStringLiteral("c1"), {QStringLiteral("Failed")}, QStringLiteral("Failed"));
        dry.dryRunMetrics = {QStringLiteral("error-rate")};
        const QDateTime now = start.addSecs(3600);
        QVERIFY(AnalysisGates::judge({other, dry}, QStringLiteral("c1"), now).isEmpty());
        QVERIFY(AnalysisGates::judge({other}, QString(), now).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestAnalysisGates)
#include "tst_analysisgates.moc"
