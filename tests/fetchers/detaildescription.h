// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the detail pipeline tests compare: a detail as one line per object, so a mismatch
// prints readably, and Events written into the simulator's store.

#include "fleetsim.h"
#include "serverjson.h"

#include "deploymentdetail.h"
#include "rolloutdetail.h"

#include "core/virtualclock.h"

#include <QStringList>
#include <QTest>

namespace DetailDescription {

// "rs:<name>" per ReplicaSet in the given order, each followed by "pod:<rs>/<name>" of its
// pods.
inline QStringList replicaSets(const QList<ReplicaSet> &replicaSets,
                               const QHash<QString, QList<Pod>> &podsByReplicaSetUid)
{
    QStringList lines;
    for (const ReplicaSet &rs : replicaSets) {
        lines.append(QStringLiteral("rs:") + rs.metadata.name);
        for (const Pod &pod : podsByReplicaSetUid.value(rs.metadata.uid))
            lines.append(QStringLiteral("pod:") + rs.metadata.name + QLatin1Char('/')
                         + pod.metadata.name);
    }
    return lines;
}

// "event:<name>" per Event, then "notice:<text>" per notice.
inline QStringList eventsAndNotices(const QList<Event> &events, const QStringList &notices)
{
    QStringList lines;
    for (const Event &event : events)
        lines.append(QStringLiteral("event:") + event.metadata.name);
    for (const QString &notice : notices)
        lines.append(QStringLiteral("notice:") + notice);
    return lines;
}

// Writes an Event named `name` about the object (of that kind) into the store, last seen
// secondsFromNow after the simulator's clock.
inline void createEvent(rdsim::Simulator &sim, rdsim::ObjectStore &store, const QString &name,
                        const QJsonObject &about, const QString &kind, int secondsFromNow)
{
    using ServerJson::text;
    QJsonObject event = FleetSim::event(text(about, "metadata.namespace"), name, kind,
                                        text(about, "metadata.name"), text(about, "metadata.uid"));
    event.insert(QStringLiteral("lastTimestamp"),
                 rdsim::VirtualClock::toRfc3339(sim.clock().nowMs() + secondsFromNow * 1000));
    const rdsim::StoreResult result = store.create(FleetSim::events(), event);
    QVERIFY2(result.ok(), qPrintable(result.error.message));
}

} // namespace DetailDescription
