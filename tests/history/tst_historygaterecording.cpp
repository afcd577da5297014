// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryRecorder::recordGateReport end to end: reports queued from the test's thread behind
// the batches that made the releases, placed on the canary's release (not on the stable one,
// another workload's or another environment's), kept by the rule (a change of outcome, or a
// minute after the last one kept) and written in the flush's transaction.
#include "../domain/releasetrackerfixture.h"
#include "historyreader.h"
#include "historyrecorder.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>

using namespace ReleaseTrackerFixture;

namespace {

GateReport report(const char *canaryHash, int second, GateOutcome outcome,
                  const char *rollout = "web")
{
    GateReport r;
    r.environment = QStringLiteral("prod");
    r.namespaceName = QStringLiteral("shop");
    r.rollout = QString::fromLatin1(rollout);
    r.canaryHash = QString::fromLatin1(canaryHash);
    r.evaluatedAtMs = at(second).toMSecsSinceEpoch();
    GateResult gate;
    gate.name = QStringLiteral("error-rate");
    gate.outcome = outcome;
    gate.value = outcome == GateOutcome::Fail ? 0.05 : 0.01;
    gate.bound = QStringLiteral("max 0.02");
    gate.evaluatedAtMs = r.evaluatedAtMs;
    r.gates = {gate};
    return r;
}

} // namespace

class TestHistoryGateRecording : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::atomic<int> m_second {101};

    // Each batch arrives at the given second of the fixture's clock.
    void record(HistoryRecorder &recorder, const WorkloadDeltaBatch &batch, int second)
    {
        m_second = second;
        recorder.record(QStringLiteral("prod"), batch);
        QVERIFY(recorder.flushNow());
    }

    std::optional<ReleaseTimeline> timelineOf(const QString &path, qint64 revision)
    {
        HistoryReader reader;
        if (!reader.open(path))
            return std::nullopt;
        for (const ReleaseSummary &s : reader.releases({})) {
            if (s.key.revision == revision)
                return reader.timeline(s.id);
        }
        return std::nullopt;
    }

private slots:
    void liveReportsAreStoredOnTheCanaryRelease()
    {
        const QString path = m_dir.filePath(QStringLiteral("gates.sqlite"));
        HistoryRecorderOptions options;
        options.databasePath = path;
        options.flushIntervalMSecs = 20;
        options.clock = [this] { return at(m_second); };
        HistoryRecorder recorder(options);
        recorder.recordGateReport(report("new", 210, GateOutcome::Pass)); // not started: dropped
        QSignalSpy opened(&recorder, &HistoryRecorder::opened);
        recorder.start();
        QVERIFY(opened.wait(5000));
        QCOMPARE(opened.at(0).at(0).toString(), QString());
        // Before any batch of the environment: no release is known.
        recorder.recordGateReport(report("new", 205, GateOutcome::Fail));

        WorkloadDeltaBatch reset
            = batchOf({webAt("abc", "abc", 3, "Healthy")}, {replicaSet("abc", 2, 50, 4)});
        reset.reset = true;
        record(recorder, reset, 101);
        // Revision 3 starts; its first report is queued right behind the batch, unflushed.
        m_second = 201;
        recorder.record(
            QStringLiteral("prod"),
            batchOf({webAt("new", "abc", 0, "Progressing")}, {replicaSet("new", 3, 200, 1)}));
        for (const auto &[second, outcome] :
             QList<QPair<int, GateOutcome>> {{210, GateOutcome::Pass},
                                             {240, GateOutcome::Pass},
                                             {250, GateOutcome::Fail},
                                             {280, GateOutcome::Fail},
                                             {310, GateOutcome::Fail},
                                             {315, GateOutcome::Pass}})
            recorder.recordGateReport(report("new", second, outcome));
        recorder.recordGateReport(report("abc", 260, GateOutcome::Fail)); // the stable's hash
        recorder.recordGateReport(report("new", 260, GateOutcome::Fail, "api")); // not ours
        GateReport staging = report("new", 260, GateOutcome::Fail);
        staging.environment = QStringLiteral("staging");
        recorder.recordGateReport(staging);
        QVERIFY(recorder.flushNow());

        const std::optional<ReleaseTimeline> canary = timelineOf(path, 3);
        QVERIFY(canary.has_value());
        QList<QPair<int, GateOutcome>> stored;
        for (const ReleaseGateEvaluation &e : canary->gates)
            stored.append({int(t0.secsTo(e.evaluatedAt)), e.outcome});
        const QList<QPair<int, GateOutcome>> expected = {{210, GateOutcome::Pass},
                                                         {250, GateOutcome::Fail},
                                                         {310, GateOutcome::Fail},
                                                         {315, GateOutcome::Pass}};
        QCOMPARE(stored, expected);
        QCOMPARE(canary->gates[1].value, std::optional<double>(0.05));
        QCOMPARE(canary->gates[1].bound, QStringLiteral("max 0.02"));
        const std::optional<ReleaseTimeline> stable = timelineOf(path, 2);
        QVERIFY(stable.has_value());
        QVERIFY(stable->gates.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHistoryGateRecording)
#include "tst_historygaterecording.moc"
