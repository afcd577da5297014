// SPDX-License-Identifier: GPL-3.0-or-later
#include "chartmarkers.h"

#include "rolloutdetail.h"
#include "rolloutstatus.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <algorithm>

namespace {

// An event and the status field it mirrors are written a moment apart.
constexpr qint64 sameMomentMs = 2000;

// The translation context of the marker labels.
struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ChartMarkers)
};

qint64 revisionIn(const QString &message)
{
    static const QRegularExpression pattern(QStringLiteral("revision (\\d+)"));
    const QRegularExpressionMatch m = pattern.match(message);
    return m.hasMatch() ? m.captured(1).toLongLong() : 0;
}

class MarkerList
{
public:
    void add(const ChartMarker &marker)
    {
        for (ChartMarker &existing : m_markers) {
            if (isSame(existing, marker)) {
                if (existing.detail.isEmpty())
                    existing.detail = marker.detail;
                return;
            }
        }
        m_markers.append(marker);
    }
    void add(const QDateTime &time, ChartMarker::Kind kind, const QString &label,
             const QString &detail, qint64 revision = 0, qint32 stepIndex = -1)
    {
        if (time.isValid())
            add({time.toMSecsSinceEpoch(), kind, label, detail, stepIndex, revision});
    }
    QList<ChartMarker> sorted()
    {
        std::stable_sort(m_markers.begin(), m_markers.end(),
                         [](const ChartMarker &a, const ChartMarker &b) {
                             // At the same moment, in the order the controller acts: a new
                             // revision, a step done, then the pause it leads to.
                             if (a.timeMs != b.timeMs)
                                 return a.timeMs < b.timeMs;
                             return int(a.kind) < int(b.kind);
                         });
        return m_markers;
    }

private:
    static bool isSame(const ChartMarker &a, const ChartMarker &b)
    {
        if (a.kind != b.kind)
            return false;
        // A revision starts once, however far apart its ReplicaSet and events are stamped.
        if (a.kind == ChartMarker::Kind::Revision && a.revision > 0 && b.revision > 0)
            return a.revision == b.revision;
        if (a.kind == ChartMarker::Kind::Step && a.stepIndex != b.stepIndex)
            return false;
        return std::abs(a.timeMs - b.timeMs) <= sameMomentMs;
    }

    QList<ChartMarker> m_markers;
};

QString revisionLabel(qint64 revision)
{
    return revision > 0 ? Text::tr("rev %1").arg(revision) : Text::tr("new revision");
}

void addEvent(MarkerList &list, const Event &event)
{
    using Kind = ChartMarker::Kind;
    const QString &reason = event.reason;
    const QDateTime time = event.lastSeen();
    if (reason == QLatin1String("NewReplicaSetCreated")
        || reason == QLatin1String("RolloutUpdated")) {
        const qint64 revision = revisionIn(event.message);
        list.add(time, Kind::Revision, revisionLabel(revision), event.message, revision);
    } else if (reason == QLatin1String("RolloutStepCompleted")) {
        static const QRegularExpression pattern(QStringLiteral("(\\d+)/(\\d+)"));
        const QRegularExpressionMatch m = pattern.match(event.message);
        if (m.hasMatch())
            list.add(time, Kind::Step, Text::tr("step %1/%2").arg(m.captured(1), m.captured(2)),
                     event.message, 0, m.captured(1).toInt());
        else
            list.add(time, Kind::Step, Text::tr("step"), event.message);
    } else if (reason == QLatin1String("RolloutPaused")) {
        list.add(time, Kind::Pause, Text::tr("paused"), event.message);
    } else if (reason == QLatin1String("RolloutResumed")) {
        list.add(time, Kind::Resume, Text::tr("resumed"), event.message);
    } else if (reason == QLatin1String("RolloutCompleted")) {
        list.add(time, Kind::Promotion, Text::tr("promoted"), event.message,
                 revisionIn(event.message));
    } else if (reason == QLatin1String("RolloutAborted")) {
        list.add(time, Kind::Abort, Text::tr("aborted"), event.message);
    }
}

} // namespace

namespace ChartMarkers {

QList<ChartMarker> fromDetail(const RolloutDetail &detail)
{
    using Kind = ChartMarker::Kind;
    const Rollout &rollout = detail.rollout;
    MarkerList list;
    // Events first: their messages are the most telling details.
    for (const Event &event : detail.events) {
        if (event.involvedObject.kind == QLatin1String("Rollout")
            && event.involvedObject.name == rollout.metadata.name)
            addEvent(list, event);
    }
    for (const ReplicaSet &replicaSet : detail.replicaSets) {
        const qint64 revision = replicaSet.revision();
        if (revision > 0)
            list.add(replicaSet.metadata.creationTimestamp, Kind::Revision, revisionLabel(revision),
                     replicaSet.metadata.name, revision);
    }
    // The status remembers the latest pause and abort after their events expired (one hour).
    const RolloutStatus &status = rollout.status;
    if (status.abortedAt.isValid())
        list.add(status.abortedAt, Kind::Abort, Text::tr("aborted"), status.message);
    for (const PauseCondition &pause : status.pauseConditions)
        list.add(pause.startTime, Kind::Pause, Text::tr("paused"), pause.reason);
    for (const Condition &condition : status.conditions) {
        if (condition.type == QLatin1String("Progressing")
            && condition.reason == QLatin1String("RolloutAborted"))
            list.add(condition.lastTransitionTime, Kind::Abort, Text::tr("aborted"),
                     condition.message);
        else if (condition.type == QLatin1String("Paused") && condition.isTrue())
            list.add(condition.lastTransitionTime, Kind::Pause, Text::tr("paused"),
                     condition.message);
        else if (condition.type == QLatin1String("Completed") && condition.isTrue()
                 && condition.reason == QLatin1String("RolloutCompleted"))
            list.add(condition.lastTransitionTime, Kind::Promotion, Text::tr("promoted"),
                     condition.message);
    }
    return list.sorted();
}

QString stepInForce(const QList<ChartMarker> &markers, const Rollout &rollout, qint64 timeMs)
{
    using Kind = ChartMarker::Kind;
    const ChartMarker *last = nullptr;
    for (const ChartMarker &marker : markers) {
        if (marker.timeMs > timeMs)
            break;
        if (marker.kind == Kind::Revision || marker.kind == Kind::Step || marker.kind == Kind::Abort
            || marker.kind == Kind::Promotion)
            last = &marker;
    }
    if (!last)
        return QString();
    if (last->kind == Kind::Abort)
        return Text::tr("aborted");
    if (last->kind == Kind::Promotion)
        return Text::tr("fully promoted");
    const qint32 index = last->kind == Kind::Revision ? 0 : last->stepIndex;
    if (!rollout.spec.canary || rollout.spec.canary->steps.isEmpty() || index < 0)
        return last->kind == Kind::Revision ? last->label : QString();
    const QList<RolloutStep> &steps = rollout.spec.canary->steps;
    const qsizetype count = steps.size();
    if (index >= count)
        return Text::tr("step %1/%2: all steps done").arg(index).arg(count);
    // The weight set by the latest setWeight up to the current step, which applies at once.
    qint32 weight = -1;
    for (qint32 i = 0; i <= index; ++i) {
        if (steps.at(i).setWeight)
            weight = *steps.at(i).setWeight;
    }
    QString text
        = Text::tr("step %1/%2: %3").arg(index).arg(count).arg(canaryStepString(steps.at(index)));
    if (weight >= 0 && !steps.at(index).setWeight)
        text += Text::tr(" (weight %1 %)").arg(weight);
    return text;
}

} // namespace ChartMarkers
