// SPDX-License-Identifier: GPL-3.0-or-later
// Chart markers from a rollout's ReplicaSets, Events and status, with exact times and labels,
// the same happening seen twice counted once, and the step in force at a moment.
#include "../widgets/detailfixture.h"
#include "chartmarkers.h"

#include <QTest>

using Kind = ChartMarker::Kind;

namespace {

qint64 ms(const char *text)
{
    return QDateTime::fromString(QLatin1String(text), Qt::ISODate).toMSecsSinceEpoch();
}

ChartMarker marker(const char *time, Kind kind, const char *label, const char *detail,
                   qint32 stepIndex = -1, qint64 revision = 0)
{
    return {ms(time),  kind,    QString::fromUtf8(label), QString::fromUtf8(detail),
            stepIndex, revision};
}

Event rolloutEvent(const QString &rollout, const char *reason, const char *message,
                   const char *time)
{
    Event event;
    event.involvedObject.kind = QStringLiteral("Rollout");
    event.involvedObject.name = rollout;
    event.reason = QLatin1String(reason);
    event.message = QLatin1String(message);
    event.lastTimestamp = QDateTime::fromString(QLatin1String(time), Qt::ISODate);
    return event;
}

RolloutStep weight(qint32 percent)
{
    RolloutStep step;
    step.kind = RolloutStep::Kind::SetWeight;
    step.setWeight = percent;
    return step;
}

RolloutStep pause(const char *duration)
{
    RolloutStep step;
    step.kind = RolloutStep::Kind::Pause;
    step.hasPause = true;
    step.pauseDuration = IntOrString::fromString(QLatin1String(duration));
    return step;
}

ReplicaSet replicaSet(const char *name, const char *revision, const char *created)
{
    ReplicaSet rs;
    rs.metadata.name = QLatin1String(name);
    rs.metadata.annotations.insert(QStringLiteral("rollout.argoproj.io/revision"),
                                   QLatin1String(revision));
    rs.metadata.creationTimestamp = QDateTime::fromString(QLatin1String(created), Qt::ISODate);
    return rs;
}

} // namespace

class TestChartMarkers : public QObject
{
    Q_OBJECT

private slots:
    void pausedCanary()
    {
        const DetailFixture fixture = DetailFixture::load(QStringLiteral("paused-canary.json"));
        QVERIFY2(fixture.error.isEmpty(), qPrintable(fixture.error));
        const QList<ChartMarker> markers = ChartMarkers::fromDetail(fixture.detail);
        const QList<ChartMarker> expected = {
            marker("2024-04-20T08:00:00Z", Kind::Revision, "rev 4", "search-59c8b7a6d", -1, 4),
            marker("2024-04-28T09:00:00Z", Kind::Revision, "rev 5", "search-6b8d9c7f4", -1, 5),
            marker("2024-05-01T15:00:00Z", Kind::Revision, "rev 6", "search-5d4c3b2a1", -1, 6),
            marker("2024-05-02T10:05:00Z", Kind::Revision, "rev 7", "Rollout updated to revision 7",
                   -1, 7),
            marker("2024-05-02T10:18:12Z", Kind::Step, "step 4/8",
                   "Rollout step 4/8 completed (setWeight: 20)", 4),
            // The event, the pause condition and the Paused condition: one marker.
            marker("2024-05-02T10:18:12Z", Kind::Pause, "paused",
                   "Rollout is paused (CanaryPauseStep)"),
        };
        QCOMPARE(markers, expected);

        const Rollout &rollout = fixture.detail.rollout;
        QCOMPARE(ChartMarkers::stepInForce(markers, rollout, ms("2024-05-02T10:19:00Z")),
                 QStringLiteral("step 4/8: pause: 5m (weight 20 %)"));
        QCOMPARE(ChartMarkers::stepInForce(markers, rollout, ms("2024-05-02T10:10:00Z")),
                 QStringLiteral("step 0/8: setWeight: 10"));
        QCOMPARE(ChartMarkers::stepInForce(markers, rollout, ms("2024-04-19T00:00:00Z")),
                 QString());
    }

    void abortedCanary()
    {
        const DetailFixture fixture = DetailFixture::load(QStringLiteral("aborted-canary.json"));
        QVERIFY2(fixture.error.isEmpty(), qPrintable(fixture.error));
        const QList<ChartMarker> markers = ChartMarkers::fromDetail(fixture.detail);
        const QList<ChartMarker> expected = {
            marker("2024-05-01T03:00:00Z", Kind::Revision, "rev 2", "payments-5c7d8b9f4", -1, 2),
            marker("2024-05-03T14:00:00Z", Kind::Revision, "rev 3", "payments-7d6c5b4a3", -1, 3),
            // The event, status.abortedAt (a second earlier) and the Progressing condition.
            marker("2024-05-03T14:12:46Z", Kind::Abort, "aborted",
                   "Rollout aborted update to revision 3: Metric \"success-rate\" assessed "
                   "Failed due to failed (3) > failureLimit (2)"),
        };
        QCOMPARE(markers, expected);
        QCOMPARE(
            ChartMarkers::stepInForce(markers, fixture.detail.rollout, ms("2024-05-03T14:15:00Z")),
            QStringLiteral("aborted"));
    }

    void simulatorEvents()
    {
        // The messages rd-sim's controllers write, newest first as RolloutDetail keeps them.
        RolloutDetail detail;
        detail.rollout.metadata.name = QStringLiteral("checkout");
        CanaryStrategy canary;
        RolloutStep analysis;
        analysis.kind = RolloutStep::Kind::Analysis;
        analysis.analysis = RolloutAnalysis();
        canary.steps = {weight(20),   pause("30s"), analysis,    weight(50),
                        pause("30s"), weight(80),   pause("20s")};
        detail.rollout.spec.canary = canary;
        const QString name = QStringLiteral("checkout");
        detail.events = {
            rolloutEvent(name, "RolloutCompleted",
                         "Rollout completed update to revision 2 (6d9f7c8b5): Completed all "
                         "steps",
                         "2026-11-25T12:03:20Z"),
            rolloutEvent(name, "RolloutStepCompleted", "Rollout step 2/7 completed (pause: 30s)",
                         "2026-11-25T12:00:31Z"),
            rolloutEvent(name, "RolloutResumed", "Rollout is resumed", "2026-11-25T12:00:31Z"),
            rolloutEvent(QStringLiteral("cart"), "RolloutAborted", "another rollout's",
                         "2026-11-25T12:00:20Z"),
            rolloutEvent(name, "RolloutPaused", "Rollout is paused (CanaryPauseStep)",
                         "2026-11-25T12:00:01Z"),
            rolloutEvent(name, "RolloutStepCompleted", "Rollout step 1/7 completed (setWeight: 20)",
                         "2026-11-25T12:00:01Z"),
            rolloutEvent(name, "RolloutUpdated", "Rollout updated to revision 2",
                         "2026-11-25T12:00:00Z"),
            rolloutEvent(name, "NewReplicaSetCreated",
                         "Created ReplicaSet checkout-6d9f7c8b5 (revision 2)",
                         "2026-11-25T12:00:00Z"),
        };
        detail.replicaSets = {replicaSet("checkout-6d9f7c8b5", "2", "2026-11-25T12:00:00Z"),
                              replicaSet("checkout-5c7d8b9f4", "1", "2026-11-25T11:00:00Z")};

        const QList<ChartMarker> markers = ChartMarkers::fromDetail(detail);
        const QList<ChartMarker> expected = {
            marker("2026-11-25T11:00:00Z", Kind::Revision, "rev 1", "checkout-5c7d8b9f4", -1, 1),
            marker("2026-11-25T12:00:00Z", Kind::Revision, "rev 2", "Rollout updated to revision 2",
                   -1, 2),
            marker("2026-11-25T12:00:01Z", Kind::Step, "step 1/7",
                   "Rollout step 1/7 completed (setWeight: 20)", 1),
            marker("2026-11-25T12:00:01Z", Kind::Pause, "paused",
                   "Rollout is paused (CanaryPauseStep)"),
            marker("2026-11-25T12:00:31Z", Kind::Step, "step 2/7",
                   "Rollout step 2/7 completed (pause: 30s)", 2),
            marker("2026-11-25T12:00:31Z", Kind::Resume, "resumed", "Rollout is resumed"),
            marker("2026-11-25T12:03:20Z", Kind::Promotion, "promoted",
                   "Rollout completed update to revision 2 (6d9f7c8b5): Completed all steps", -1,
                   2),
        };
        QCOMPARE(markers, expected);
        const Rollout &rollout = detail.rollout;
        QCOMPARE(ChartMarkers::stepInForce(markers, rollout, ms("2026-11-25T12:00:10Z")),
                 QStringLiteral("step 1/7: pause: 30s (weight 20 %)"));
        QCOMPARE(ChartMarkers::stepInForce(markers, rollout, ms("2026-11-25T12:01:40Z")),
                 QStringLiteral("step 2/7: analysis (weight 20 %)"));
        QCOMPARE(ChartMarkers::stepInForce(markers, rollout, ms("2026-11-25T12:05:00Z")),
                 QStringLiteral("fully promoted"));
    }
};

QTEST_GUILESS_MAIN(TestChartMarkers)
#include "tst_chartmarkers.moc"
