// SPDX-License-Identifier: GPL-3.0-or-later
// Gate evaluations in the history database: written and read back field by field (absent
// numbers stay absent), in time order, the same evaluation stored once, rows of an unknown
// release skipped, and retention removing them with their release
// (tst_historygaterecording: what HistoryRecorder stores of live reports).
#include "historystorefixture.h"

#include <cmath>
#include <limits>

namespace {

ReleaseGateEvaluation evaluation(const char *gate, GateOutcome outcome, const QDateTime &time)
{
    ReleaseGateEvaluation e;
    e.evaluatedAt = time;
    e.gate = QString::fromLatin1(gate);
    e.outcome = outcome;
    e.value = 0.0125;
    e.worstValue = 0.031;
    e.bound = QStringLiteral("≤ 0.02");
    e.samples = 11;
    e.windowMs = 300'000;
    e.message = QStringLiteral("mean 0.0125 ≤ 0.02");
    return e;
}

HistoryWrite withGates(const ReleaseSummary &r, const QList<ReleaseGateEvaluation> &gates)
{
    HistoryWrite w = fullWrite(r);
    for (const ReleaseGateEvaluation &e : gates)
        w.gateEvaluations.append({r.key, e});
    return w;
}

} // namespace

class TestHistoryGates : public HistoryStoreTest
{
    Q_OBJECT

private slots:
    void init() { openStore(); }
    void cleanup() { closeStore(); }

    void roundTripKeepsEveryField()
    {
        const ReleaseSummary r = release(prod, QStringLiteral("u1"), 7, at(0));
        ReleaseGateEvaluation relative = evaluation("p99-latency", GateOutcome::Fail, at(3, 250));
        relative.stableValue = 0.2;
        relative.bound = QStringLiteral("≤ stable + 10 %");
        ReleaseGateEvaluation analysis
            = evaluation("checkout-7-2 / success-rate", GateOutcome::Error, at(2, 1));
        analysis.source = GateResult::Source::Analysis;
        analysis.value = std::nullopt;
        analysis.worstValue = std::numeric_limits<double>::quiet_NaN(); // stored as absent
        analysis.bound = QStringLiteral("result[0] >= 0.95");
        analysis.samples = 0;
        const ReleaseGateEvaluation pass = evaluation("error-rate", GateOutcome::Pass, at(2, 1));
        const ReleaseGateEvaluation inconclusive
            = evaluation("error-rate", GateOutcome::Inconclusive, at(1));
        QVERIFY2(m_writer->write(withGates(r, {relative, analysis, pass, inconclusive})),
                 qPrintable(m_writer->errorMessage()));
        QCOMPARE(m_writer->skippedRows(), 0);

        ReleaseGateEvaluation analysisRead = analysis;
        analysisRead.worstValue = std::nullopt;
        // By time, then by gate name.
        const QList<ReleaseGateEvaluation> expected = {inconclusive, analysisRead, pass, relative};
        const ReleaseTimeline t = timelineOf(r.key);
        QCOMPARE(t.gates, expected);
        QVERIFY(!t.gates[1].value.has_value());
        QCOMPARE(t.gates[3].stableValue, std::optional<double>(0.2));
        QCOMPARE(t.transitions.size(), 2); // the rest of the timeline as before

        // The same gate at the same instant again: stored once; rows of a release that is
        // not stored are skipped.
        HistoryWrite again;
        again.gateEvaluations = {{r.key, pass}};
        again.gateEvaluations.append({{prod, QStringLiteral("nobody"), 1}, pass});
        QVERIFY2(m_writer->write(again), qPrintable(m_writer->errorMessage()));
        QCOMPARE(m_writer->skippedRows(), 1);
        QCOMPARE(timelineOf(r.key).gates, expected);
        RawConnection raw(m_path);
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM gate_evaluations")).toInt(), 4);
        QCOMPARE(raw.value(QStringLiteral("SELECT outcome FROM gate_evaluations WHERE gate ="
                                          " 'p99-latency'"))
                     .toString(),
                 QStringLiteral("Fail"));
        QCOMPARE(raw.value(QStringLiteral("SELECT source FROM gate_evaluations WHERE samples = 0"))
                     .toString(),
                 QStringLiteral("analysis"));
    }

    void readingByReleaseUsesTheIndex()
    {
        RawConnection raw(m_path);
        const QStringList plan
            = raw.column(QStringLiteral("EXPLAIN QUERY PLAN SELECT gate FROM gate_evaluations"
                                        " WHERE release_id = 1 ORDER BY evaluated_at, gate"),
                         3);
        QCOMPARE(plan.size(), 1); // no sort step
        QVERIFY2(plan.first().contains(QLatin1String("INDEX gate_evaluations_by_release")),
                 qPrintable(plan.first()));
    }

    void retentionRemovesThemWithTheirRelease()
    {
        const QDateTime now = at(0).addDays(200);
        const ReleaseSummary old = finished(release(prod, QStringLiteral("a"), 1, at(0)),
                                            ReleaseOutcome::Aborted, at(9));
        const ReleaseSummary recent
            = finished(release(prod, QStringLiteral("a"), 2, now.addDays(-3)),
                       ReleaseOutcome::Promoted, now.addDays(-2));
        HistoryWrite w = withGates(old,
                                   {evaluation("error-rate", GateOutcome::Pass, at(1)),
                                    evaluation("error-rate", GateOutcome::Fail, at(2))});
        w.append(withGates(recent, {evaluation("error-rate", GateOutcome::Pass, now.addDays(-3))}));
        QVERIFY(m_writer->write(w));
        {
            RawConnection raw(m_path);
            QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM gate_evaluations")).toInt(), 3);
        }

        QCOMPARE(m_writer->prune(90, 0, now), 1);
        QCOMPARE(idOf(old.key), 0);
        QCOMPARE(timelineOf(recent.key).gates.size(), 1);
        RawConnection raw(m_path);
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM gate_evaluations")).toInt(), 1);
        QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM gate_evaluations g WHERE NOT"
                                          " EXISTS (SELECT 1 FROM releases r WHERE r.id ="
                                          " g.release_id)"))
                     .toInt(),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestHistoryGates)
#include "tst_historygates.moc"
