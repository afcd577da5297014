// SPDX-License-Identifier: GPL-3.0-or-later
// The release record against the demo fleet (resources/scenarios/demo.yaml) on the
// simulator's virtual clock: five minutes are played while a recorder writes what the
// watches show. dev shop/checkout is promoted, staging shop/checkout is aborted by its
// analysis, a person pauses and resumes prod payments-gateway (through the audit log, as
// the app's actions are), and prod shop/checkout is deleted. Each recorded timeline is
// compared with what the simulator holds, and a recorder started late marks what began
// before it as partially observed.
#include "recordingfixture.h"

#include "auditlog.h"
#include "timestamps.h"

using namespace ServerJson;

namespace {

const QDateTime noTime;

QJsonObject patchedRollout(ObjectStore &store, const QString &ns, const QString &name, bool paused)
{
    QJsonObject rollout = store.get(FleetSim::rollouts(), ns, name).value_or(QJsonObject());
    QJsonObject spec = rollout.value(QStringLiteral("spec")).toObject();
    spec.insert(QStringLiteral("paused"), paused);
    rollout.insert(QStringLiteral("spec"), spec);
    return rollout;
}

QDateTime jsonTime(const QJsonObject &object, const char *path)
{
    return parseRfc3339(text(object, path));
}

} // namespace

class TestReleaseRecording : public QObject
{
    Q_OBJECT

private:
    DemoSim m_sim;
    QTemporaryDir m_dir;
    std::unique_ptr<Recording> m_recording;
    std::unique_ptr<HistoryReader> m_reader;
    QDateTime m_pausedAt;
    QDateTime m_resumedAt;

    QString databasePath() const { return m_dir.filePath(QStringLiteral("history.sqlite")); }
    QString auditPath() const { return m_dir.filePath(QStringLiteral("audit.jsonl")); }
    QDateTime simNow() { return m_sim.simulator().clock().now(); }

    void personActs(const QString &id, const QString &action, bool paused)
    {
        AuditRecord record;
        record.id = id;
        record.stage = AuditRecord::Stage::Outcome;
        record.time = simNow();
        record.environment = QStringLiteral("prod");
        record.namespaceName = QStringLiteral("payments");
        record.rollout = QStringLiteral("payments-gateway");
        record.action = action;
        record.user = QStringLiteral("alice@example.com");
        record.client = QStringLiteral("gui");
        record.result = AuditRecord::Result::Succeeded;
        AuditLog log(auditPath());
        QString error;
        QVERIFY2(log.append(record, &error), qPrintable(error));
        ObjectStore &store = m_sim.cluster(QStringLiteral("prod")).store();
        const QJsonObject rollout = patchedRollout(store, QStringLiteral("payments"),
                                                   QStringLiteral("payments-gateway"), paused);
        QVERIFY(store.update(FleetSim::rollouts(), rollout, WriteScope::Spec).ok());
    }

    ReleaseTimeline newest(const QString &env, const QString &ns, const QString &name)
    {
        ReleaseFilter filter;
        filter.environment = env;
        filter.namespaceName = ns;
        filter.workload = name;
        const QList<ReleaseSummary> found = m_reader->releases(filter);
        if (found.isEmpty())
            return ReleaseTimeline();
        return m_reader->timeline(found.first().id).value_or(ReleaseTimeline());
    }

    // The simulator's AnalysisRuns of one rollout revision as recorded rows' facts.
    QStringList simMeasurements(const QString &cluster, const QString &ns, const QString &hash)
    {
        QStringList facts;
        const ResourceType *runs
            = ResourceCatalog::find(QStringLiteral("argoproj.io"), QStringLiteral("analysisruns"));
        for (const QJsonObject &run : m_sim.cluster(cluster).store().list(*runs)) {
            if (text(run, "metadata.namespace") != ns
                || text(run, "metadata.labels.rollouts-pod-template-hash") != hash)
                continue;
            for (const QJsonValue &result :
                 at(run, QStringLiteral("status.metricResults")).toArray()) {
                for (const QJsonValue &m : result[QStringLiteral("measurements")].toArray())
                    facts.append(text(result.toObject(), "name") + u' '
                                 + text(m.toObject(), "phase") + u' ' + text(m.toObject(), "value")
                                 + u' ' + text(m.toObject(), "startedAt"));
            }
        }
        facts.sort();
        return facts;
    }

    static QStringList recordedMeasurements(const ReleaseTimeline &timeline)
    {
        QStringList facts;
        for (const ReleaseMeasurement &m : timeline.measurements)
            facts.append(m.metric + u' ' + m.phase + u' ' + m.value + u' '
                         + formatRfc3339(m.startedAt));
        facts.sort();
        return facts;
    }

private slots:
    void initTestCase();
    void promotedCanaryMatchesTheSimulator();
    void analysisAbortMatchesTheSimulator();
    void personsPauseAndResumeAreRecordedWithTheirName();
    void deletedRolloutStaysReviewable();
    void recorderStartedLateMarksPartialReleases();
};

void TestReleaseRecording::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QString error;
    QVERIFY2(m_sim.start(&error), qPrintable(error));
    m_recording = std::make_unique<Recording>(m_sim, databasePath(), auditPath());
    QVERIFY(m_recording->start());
    m_recording->play(20);
    personActs(QStringLiteral("pause-1"), QStringLiteral("pause"), true);
    m_pausedAt = simNow();
    m_recording->play(20);
    personActs(QStringLiteral("resume-1"), QStringLiteral("resume"), false);
    m_resumedAt = simNow();
    m_recording->play(260);
    QVERIFY(m_sim.cluster(QStringLiteral("prod"))
                .store()
                .remove(FleetSim::rollouts(), QStringLiteral("shop"), QStringLiteral("checkout"))
                .ok());
    m_recording->play(6);
    QVERIFY(m_recording->rowsWritten() > 0);
    m_reader = std::make_unique<HistoryReader>();
    QVERIFY2(m_reader->open(databasePath()), qPrintable(m_reader->errorMessage()));
}

void TestReleaseRecording::promotedCanaryMatchesTheSimulator()
{
    const QJsonObject rollout
        = m_sim.rollout(QStringLiteral("dev"), QStringLiteral("shop"), QStringLiteral("checkout"));
    QCOMPARE(text(rollout, "status.phase"), QStringLiteral("Healthy"));
    const ReleaseTimeline t
        = newest(QStringLiteral("dev"), QStringLiteral("shop"), QStringLiteral("checkout"));
    QCOMPARE(t.summary.outcome, ReleaseOutcome::Promoted);
    QVERIFY(!t.summary.partiallyObserved);
    QCOMPARE(t.summary.podTemplateHash, text(rollout, "status.stableRS"));
    QCOMPARE(t.summary.images, QStringList {QStringLiteral("ghcr.io/acme/checkout:1.4.2")});
    QVERIFY(t.summary.endedAt.isValid());
    QCOMPARE(t.summary.endedAt, t.transitions.last().time);

    // Every step was passed in order, with the weights the spec asks for.
    QList<int> steps;
    QList<int> weights;
    for (const ReleaseTransition &tr : t.transitions) {
        if (steps.isEmpty() || steps.last() != tr.step)
            steps.append(tr.step);
        if (weights.isEmpty() || weights.last() != tr.desiredWeight)
            weights.append(tr.desiredWeight);
        QVERIFY(tr.time >= t.summary.startedAt);
    }
    QVERIFY2(std::is_sorted(steps.begin(), steps.end()), qPrintable(QString::number(steps.size())));
    QCOMPARE(steps.last(), t.summary.stepCount);
    QCOMPARE(weights, (QList<int> {20, 50, 80, 100}));
    QCOMPARE(
        recordedMeasurements(t),
        simMeasurements(QStringLiteral("dev"), QStringLiteral("shop"), t.summary.podTemplateHash));
    QVERIFY(!t.measurements.isEmpty());
    for (const ReleaseMeasurement &m : t.measurements)
        QVERIFY(!m.successCondition.isEmpty() || !m.failureCondition.isEmpty());
}

void TestReleaseRecording::analysisAbortMatchesTheSimulator()
{
    const QJsonObject rollout = m_sim.rollout(QStringLiteral("staging"), QStringLiteral("shop"),
                                              QStringLiteral("checkout"));
    QVERIFY(at(rollout, QStringLiteral("status.abort")).toBool());
    const ReleaseTimeline t
        = newest(QStringLiteral("staging"), QStringLiteral("shop"), QStringLiteral("checkout"));
    QCOMPARE(t.summary.outcome, ReleaseOutcome::Aborted);
    QCOMPARE(t.summary.endedAt, jsonTime(rollout, "status.abortedAt"));
    QCOMPARE(t.summary.podTemplateHash, text(rollout, "status.currentPodHash"));
    QCOMPARE(recordedMeasurements(t),
             simMeasurements(QStringLiteral("staging"), QStringLiteral("shop"),
                             t.summary.podTemplateHash));
    const bool failed = std::any_of(
        t.measurements.cbegin(), t.measurements.cend(),
        [](const ReleaseMeasurement &m) { return m.phase == QLatin1String("Failed"); });
    QVERIFY(failed);
    QVERIFY(std::any_of(
        t.analysisRuns.cbegin(), t.analysisRuns.cend(),
        [](const ReleaseAnalysisRun &r) { return r.phase == QLatin1String("Failed"); }));
    // The controller aborted it for the failed analysis: an outcome, nobody's action.
    QVERIFY(std::none_of(t.actions.cbegin(), t.actions.cend(), [&](const ReleaseAction &a) {
        return a.action == QLatin1String("abort");
    }));
    QCOMPARE(t.transitions.last().phase, QStringLiteral("Degraded"));
}

void TestReleaseRecording::personsPauseAndResumeAreRecordedWithTheirName()
{
    const ReleaseTimeline t = newest(QStringLiteral("prod"), QStringLiteral("payments"),
                                     QStringLiteral("payments-gateway"));
    QStringList audited;
    QStringList observed;
    for (const ReleaseAction &a : t.actions) {
        if (a.source == ReleaseAction::Source::Audit)
            audited.append(a.action + u' ' + a.user + u' ' + formatRfc3339(a.time));
        else
            observed.append(a.action);
    }
    QCOMPARE(
        audited,
        (QStringList {QStringLiteral("pause alice@example.com ") + formatRfc3339(m_pausedAt),
                      QStringLiteral("resume alice@example.com ") + formatRfc3339(m_resumedAt)}));
    QVERIFY(observed.contains(QStringLiteral("pause")));
    QVERIFY(observed.contains(QStringLiteral("resume")));
    // Paused from the pause until the resume (stamped within one played step of 2 s).
    // The rollout says it is paused by a person from the pause (stamped within one played
    // step of 2 s, plus the real time the step took) until the resume, and no longer after.
    const QString manual = QStringLiteral("manually paused");
    const auto firstAfter = [&](const QDateTime &time) {
        for (const ReleaseTransition &tr : t.transitions) {
            if (tr.time >= time)
                return tr;
        }
        return ReleaseTransition();
    };
    const ReleaseTransition paused = firstAfter(m_pausedAt);
    QCOMPARE(paused.message, manual);
    QVERIFY(paused.paused);
    QVERIFY(m_pausedAt.msecsTo(paused.time) <= 3000);
    const ReleaseTransition resumed = firstAfter(m_resumedAt);
    QVERIFY(resumed.message != manual);
    QVERIFY(m_resumedAt.msecsTo(resumed.time) <= 3000);
    for (const ReleaseTransition &tr : t.transitions) {
        if (tr.time >= paused.time && tr.time < resumed.time)
            QVERIFY(tr.paused);
    }
}

void TestReleaseRecording::deletedRolloutStaysReviewable()
{
    QVERIFY(
        m_sim.rollout(QStringLiteral("prod"), QStringLiteral("shop"), QStringLiteral("checkout"))
            .isEmpty());
    const ReleaseTimeline t
        = newest(QStringLiteral("prod"), QStringLiteral("shop"), QStringLiteral("checkout"));
    QVERIFY(t.summary.id > 0);
    QVERIFY(t.summary.workloadDeletedAt.isValid());
    // Deleted during its 30-minute watch, so the release ends as deleted.
    QCOMPARE(t.summary.outcome, ReleaseOutcome::Deleted);
    QVERIFY(!t.measurements.isEmpty());
    QVERIFY(!t.transitions.isEmpty());
}

void TestReleaseRecording::recorderStartedLateMarksPartialReleases()
{
    const QString path = m_dir.filePath(QStringLiteral("late.sqlite"));
    Recording late(m_sim, path, QString());
    QVERIFY(late.start());
    late.play(4);
    HistoryReader reader;
    QVERIFY(reader.open(path));
    ReleaseFilter filter;
    filter.environment = QStringLiteral("staging");
    filter.workload = QStringLiteral("payments-api");
    const QList<ReleaseSummary> waiting = reader.releases(filter);
    QVERIFY(!waiting.isEmpty());
    QCOMPARE(waiting.first().outcome, ReleaseOutcome::InProgress);
    QVERIFY(waiting.first().partiallyObserved);
    // What the cluster still holds of the promoted dev release: its measurements.
    filter.environment = QStringLiteral("dev");
    filter.workload = QStringLiteral("checkout");
    const QList<ReleaseSummary> promoted = reader.releases(filter);
    QVERIFY(!promoted.isEmpty());
    QCOMPARE(promoted.first().outcome, ReleaseOutcome::Promoted);
    QVERIFY(promoted.first().partiallyObserved);
    const ReleaseTimeline t = reader.timeline(promoted.first().id).value_or(ReleaseTimeline());
    QCOMPARE(
        recordedMeasurements(t),
        simMeasurements(QStringLiteral("dev"), QStringLiteral("shop"), t.summary.podTemplateHash));
}

QTEST_GUILESS_MAIN(TestReleaseRecording)
#include "tst_releaserecording.moc"
