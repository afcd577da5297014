// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// One entry of status.conditions[] (Rollout, ReplicaSet, Deployment and Pod share the shape;
// pods have no lastUpdateTime, Deployments and Rollouts have both timestamps).
struct Condition
{
    QString type;
    QString status; // "True", "False" or "Unknown"
    QString reason;
    QString message;
    QDateTime lastUpdateTime;
    QDateTime lastTransitionTime;

    bool isTrue() const { return status == QLatin1String("True"); }

    bool operator==(const Condition &o) const
    {
        return type == o.type && status == o.status && reason == o.reason && message == o.message
            && lastUpdateTime == o.lastUpdateTime && lastTransitionTime == o.lastTransitionTime;
    }
    bool operator!=(const Condition &o) const { return !(*this == o); }
};

// The first condition of the given type, or nullptr.
const Condition *findCondition(const QList<Condition> &conditions, QStringView type);

Q_DECLARE_METATYPE(Condition)
