// SPDX-License-Identifier: GPL-3.0-or-later
// ReleaseTracker::applyGateReport: a live gate report lands on the release whose pod template
// hash is its canary's and that was in progress then (not on another workload's, another
// environment's or another revision's, an undo's included), a gate's evaluation is kept when
// its outcome changes or a minute after the last one kept, and cluster text is redacted.
#include "releasetrackerfixture.h"
#include "secretredaction.h"

#include <QtTest>

using namespace ReleaseTrackerFixture;

namespace {

GateResult gate(const char *name, GateOutcome outcome, const QDateTime &at,
                std::optional<double> value = std::nullopt)
{
    GateResult g;
    g.name = QString::fromLatin1(name);
    g.outcome = outcome;
    g.value = value;
    g.bound = QStringLiteral("max 0.02");
    g.windowMs = 300'000;
    g.samples = 10;
    g.evaluatedAtMs = at.toMSecsSinceEpoch();
    return g;
}

GateReport report(const char *canaryHash, const QDateTime &at, const QList<GateResult> &gates,
                  const char *rollout = "web")
{
    GateReport r;
    r.environment = QStringLiteral("prod");
    r.namespaceName = QStringLiteral("shop");
    r.rollout = QString::fromLatin1(rollout);
    r.canaryHash = QString::fromLatin1(canaryHash);
    r.stableHash = QStringLiteral("abc");
    r.evaluatedAtMs = at.toMSecsSinceEpoch();
    r.gates = gates;
    return r;
}

GateReport oneGate(const char *canaryHash, int second, GateOutcome outcome = GateOutcome::Pass)
{
    return report(canaryHash, at(second), {gate("error-rate", outcome, at(second), 0.01)});
}

// Revision 2 ("abc", promoted before recording began) is stable; revision 3 ("new", made at
// 200) is the canary, in progress from 201.
void startCanary(ReleaseTracker &tracker)
{
    WorkloadDeltaBatch reset
        = batchOf({webAt("abc", "abc", 3, "Healthy")}, {replicaSet("abc", 2, 50, 4)});
    reset.reset = true;
    tracker.apply(reset, at(101));
    tracker.apply(batchOf({webAt("new", "abc", 0, "Progressing")}, {replicaSet("new", 3, 200, 1)}),
                  at(201));
}

// (second, outcome) of each evaluation kept.
QList<QPair<int, GateOutcome>> kept(const HistoryWrite &write)
{
    QList<QPair<int, GateOutcome>> result;
    for (const auto &row : write.gateEvaluations)
        result.append({int(t0.secsTo(row.value.evaluatedAt)), row.value.outcome});
    return result;
}

} // namespace

class TestReleaseTrackerGates : public QObject
{
    Q_OBJECT

private slots:
    void reportLandsOnTheCanaryRelease()
    {
        ReleaseTracker tracker(QStringLiteral("prod"), at(100));
        startCanary(tracker);
        GateResult analysis = gate("web-new-3-1 / success-rate", GateOutcome::Fail, at(209), 0.9);
        analysis.source = GateResult::Source::Analysis;
        analysis.worstValue = 0.85;
        analysis.stableValue = 0.99;
        analysis.bound = QStringLiteral("result[0] >= 0.95");
        analysis.message = QStringLiteral("below the bound");
        const HistoryWrite w = tracker.applyGateReport(report(
            "new", at(210), {gate("error-rate", GateOutcome::Pass, at(210), 0.01), analysis}));
        QCOMPARE(w.gateEvaluations.size(), 2);
        QCOMPARE(w.gateEvaluations[0].release,
                 (ReleaseKey {QStringLiteral("prod"), QStringLiteral("uid-web"), 3}));
        QCOMPARE(w.gateEvaluations[1].release.revision, 3);
        // Only rows: the releases are the batches' to write.
        QVERIFY(w.releases.isEmpty());
        QVERIFY(w.transitions.isEmpty());
        const ReleaseGateEvaluation &e = w.gateEvaluations[1].value;
        QCOMPARE(e.gate, QStringLiteral("web-new-3-1 / success-rate"));
        QCOMPARE(e.source, GateResult::Source::Analysis);
        QCOMPARE(e.outcome, GateOutcome::Fail);
        QCOMPARE(e.evaluatedAt, at(209)); // the gate's own instant
        QCOMPARE(e.value, std::optional<double>(0.9));
        QCOMPARE(e.worstValue, std::optional<double>(0.85));
        QCOMPARE(e.stableValue, std::optional<double>(0.99));
        QCOMPARE(e.bound, QStringLiteral("result[0] >= 0.95"));
        QCOMPARE(e.samples, 10);
        QCOMPARE(e.windowMs, 300'000);
        QCOMPARE(e.message, QStringLiteral("below the bound"));

        // A gate without an instant of its own is the report's.
        GateResult bare = gate("latency", GateOutcome::Inconclusive, QDateTime());
        bare.evaluatedAtMs = 0;
        const HistoryWrite b = tracker.applyGateReport(report("new", at(215), {bare}));
        QCOMPARE(b.gateEvaluations.size(), 1);
        QCOMPARE(b.gateEvaluations[0].value.evaluatedAt, at(215));
        QVERIFY(!b.gateEvaluations[0].value.value.has_value());
    }

    void reportsOfNoKnownReleaseAreDropped()
    {
        ReleaseTracker tracker(QStringLiteral("prod"), at(100));
        startCanary(tracker);
        QVERIFY(tracker.applyGateReport(oneGate("", 210)).isEmpty()); // no canary
        QVERIFY(tracker.applyGateReport(oneGate("other", 210)).isEmpty()); // no such template
        // Another workload with the same hash, another namespace, another environment.
        const QList<GateResult> gates = {gate("error-rate", GateOutcome::Pass, at(210))};
        QVERIFY(tracker.applyGateReport(report("new", at(210), gates, "api")).isEmpty());
        GateReport elsewhere = oneGate("new", 210);
        elsewhere.namespaceName = QStringLiteral("payments");
        QVERIFY(tracker.applyGateReport(elsewhere).isEmpty());
        elsewhere = oneGate("new", 210);
        elsewhere.environment = QStringLiteral("staging");
        QVERIFY(tracker.applyGateReport(elsewhere).isEmpty());
        ReleaseTracker staging(QStringLiteral("staging"), at(100));
        QVERIFY(staging.applyGateReport(elsewhere).isEmpty());
        // Before revision 3 began; the stable revision, promoted with no known end.
        QVERIFY(tracker.applyGateReport(oneGate("new", 150)).isEmpty());
        QVERIFY(tracker.applyGateReport(oneGate("abc", 210)).isEmpty());
        // Without an instant nothing can be placed.
        GateReport timeless = oneGate("new", 210);
        timeless.evaluatedAtMs = 0;
        QVERIFY(tracker.applyGateReport(timeless).isEmpty());
        QCOMPARE(tracker.applyGateReport(oneGate("new", 210)).gateEvaluations.size(), 1);

        // A deleted rollout's reports go nowhere.
        WorkloadDeltaBatch deleted;
        deleted.deletes<Rollout>().append(QStringLiteral("shop/web"));
        tracker.apply(deleted, at(300));
        QVERIFY(tracker.applyGateReport(oneGate("new", 290)).isEmpty());
    }

    void revisionsOfTheSameTemplateAreTold()
    {
        ReleaseTracker tracker(QStringLiteral("prod"), at(100));
        startCanary(tracker);
        tracker.apply(batchOf({webAt("new", "new", 3, "Healthy")}, {replicaSet("new", 3, 200, 4)}),
                      at(400)); // revision 3 promoted at 400
        // Undo: "abc" again, as revision 4 from 450.
        tracker.apply(
            batchOf({webAt("abc", "new", 0, "Progressing")}, {replicaSet("abc", 4, 50, 1)}),
            at(450));

        const HistoryWrite undo = tracker.applyGateReport(oneGate("abc", 460));
        QCOMPARE(undo.gateEvaluations.size(), 1);
        QCOMPARE(undo.gateEvaluations[0].release.revision, 4); // not the old revision 2
        // Evaluated while revision 3 was the canary, arriving late: still revision 3's.
        const HistoryWrite late = tracker.applyGateReport(oneGate("new", 390));
        QCOMPARE(late.gateEvaluations.size(), 1);
        QCOMPARE(late.gateEvaluations[0].release.revision, 3);
        // After its promotion it is no canary of anything.
        QVERIFY(tracker.applyGateReport(oneGate("new", 460)).isEmpty());
    }

    void keptWhenTheOutcomeChangesOrAMinuteLater()
    {
        ReleaseTracker tracker(QStringLiteral("prod"), at(100));
        startCanary(tracker);
        HistoryWrite all;
        const QList<QPair<int, GateOutcome>> evaluations = {
            {210, GateOutcome::Pass}, {225, GateOutcome::Pass},  {240, GateOutcome::Pass},
            {255, GateOutcome::Pass}, {270, GateOutcome::Pass}, // a minute after 210
            {275, GateOutcome::Fail}, {280, GateOutcome::Fail},  {334, GateOutcome::Fail},
            {335, GateOutcome::Fail}, // a minute after 275
            {340, GateOutcome::Pass}, {345, GateOutcome::Error}, {350, GateOutcome::Pass},
            {335, GateOutcome::Pass}, // late and older, the same outcome as the last kept
        };
        for (const auto &[second, outcome] : evaluations)
            all.append(tracker.applyGateReport(oneGate("new", second, outcome)));
        const QList<QPair<int, GateOutcome>> expected = {
            {210, GateOutcome::Pass}, {270, GateOutcome::Pass}, {275, GateOutcome::Fail},
            {335, GateOutcome::Fail}, {340, GateOutcome::Pass}, {345, GateOutcome::Error},
            {350, GateOutcome::Pass},
        };
        QCOMPARE(kept(all), expected);

        // Per gate: a second gate in the same reports has its own minute.
        const HistoryWrite both
            = tracker.applyGateReport(report("new", at(360),
                                             {gate("error-rate", GateOutcome::Pass, at(360)),
                                              gate("latency", GateOutcome::Pass, at(360))}));
        QCOMPARE(both.gateEvaluations.size(), 1);
        QCOMPARE(both.gateEvaluations[0].value.gate, QStringLiteral("latency"));

        // A new release of the workload starts its gates afresh.
        tracker.apply(
            batchOf({webAt("newer", "abc", 0, "Progressing")}, {replicaSet("newer", 4, 400, 1)}),
            at(401));
        const HistoryWrite next = tracker.applyGateReport(oneGate("newer", 410));
        QCOMPARE(next.gateEvaluations.size(), 1);
        QCOMPARE(next.gateEvaluations[0].release.revision, 4);
    }

    void clusterTextIsRedacted()
    {
        ReleaseTracker tracker(QStringLiteral("prod"), at(100));
        startCanary(tracker);
        GateResult analysis = gate("run / metric", GateOutcome::Error, at(210));
        analysis.source = GateResult::Source::Analysis;
        analysis.bound = QStringLiteral("result[0] >= 0.95 # password: hunter2");
        analysis.message = QStringLiteral("provider said: access_token=zzz expired");
        GateResult config = gate("error-rate", GateOutcome::Error, at(210));
        config.message = QStringLiteral("Prometheus: bad query ?user=dev&access_token=qqq");
        const HistoryWrite w = tracker.applyGateReport(report("new", at(210), {analysis, config}));
        QCOMPARE(w.gateEvaluations.size(), 2);
        QCOMPARE(w.gateEvaluations[0].value.bound,
                 QStringLiteral("result[0] >= 0.95 # password: [redacted]"));
        QCOMPARE(w.gateEvaluations[0].value.message,
                 QStringLiteral("provider said: access_token=[redacted] expired"));
        QCOMPARE(w.gateEvaluations[1].value.message,
                 QStringLiteral("Prometheus: bad query ?user=dev&access_token=[redacted]"));
        QCOMPARE(w.gateEvaluations[1].value.bound, QStringLiteral("max 0.02"));
    }
};

QTEST_GUILESS_MAIN(TestReleaseTrackerGates)
#include "tst_releasetrackergates.moc"
