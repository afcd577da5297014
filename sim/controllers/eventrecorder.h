// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>

namespace rdsim {

class ObjectStore;
class VirtualClock;

// Writes core/v1 Events about objects, as client-go's recorder does: one Event per distinct
// (object, type, reason, message, source); repeating it bumps count and lastTimestamp on the
// existing Event instead of creating another.
class EventRecorder
{
public:
    EventRecorder(ObjectStore &store, VirtualClock &clock);

    static QString rolloutsComponent() { return QStringLiteral("rollouts-controller"); }
    static QString deploymentComponent() { return QStringLiteral("deployment-controller"); }
    static QString replicaSetComponent() { return QStringLiteral("replicaset-controller"); }

    void normal(const QJsonObject &object, const QString &component, const QString &reason,
                const QString &message);
    void warning(const QJsonObject &object, const QString &component, const QString &reason,
                 const QString &message);
    void record(const QJsonObject &object, const QString &component, const QString &type,
                const QString &reason, const QString &message);

    // Deletes Events not seen for an hour (the API server's default event TTL), at most every
    // ten virtual minutes; returns when it next wants to run.
    qint64 expireOld();

private:
    ObjectStore &m_store;
    VirtualClock &m_clock;
    QHash<QString, QString> m_names; // aggregation key -> "ns/name" of the Event
    quint64 m_sequence = 0;
    qint64 m_lastExpiryMs = 0;
};

} // namespace rdsim
