// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

struct Rollout;
struct RolloutDetail;

// A vertical line on every chart of a rollout: something the release did at that moment.
struct ChartMarker
{
    enum class Kind { Revision, Step, Pause, Resume, Promotion, Abort };

    qint64 timeMs = 0;
    Kind kind = Kind::Step;
    QString label; // short, drawn on the chart: "rev 7", "step 4/8", "paused", ...
    QString detail; // the event message or condition it came from (hover)
    qint32 stepIndex = -1; // Step: the step index in force after it (steps completed so far)
    qint64 revision = 0; // Revision, Promotion: the revision, when known

    bool operator==(const ChartMarker &o) const
    {
        return timeMs == o.timeMs && kind == o.kind && label == o.label && detail == o.detail
            && stepIndex == o.stepIndex && revision == o.revision;
    }
    bool operator!=(const ChartMarker &o) const { return !(*this == o); }
};

namespace ChartMarkers {

// Markers in time order from what the detail holds:
// - Revision: each owned ReplicaSet's creation (its revision annotation), and the
//   NewReplicaSetCreated / RolloutUpdated events;
// - Step: RolloutStepCompleted ("Rollout step 4/8 completed (setWeight: 20)");
// - Pause / Resume: RolloutPaused / RolloutResumed, and pauseConditions[].startTime;
// - Promotion: RolloutCompleted (the stable ReplicaSet changed);
// - Abort: RolloutAborted, status.abortedAt, the Progressing condition's RolloutAborted.
// Only events about the Rollout itself count. The same happening seen twice (an event and
// the status, a ReplicaSet and its NewReplicaSetCreated event) is one marker: the same kind
// (and revision) within two seconds.
QList<ChartMarker> fromDetail(const RolloutDetail &detail);

// What the rollout was doing at timeMs, for a chart's hover text: "step 4/8: pause 30s" after
// the fourth step completed, "step 0/8: setWeight: 20" after a new revision started,
// "aborted", "fully promoted"; empty before the first marker or for a rollout without steps.
QString stepInForce(const QList<ChartMarker> &markers, const Rollout &rollout, qint64 timeMs);

} // namespace ChartMarkers

Q_DECLARE_METATYPE(ChartMarker)
