// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "condition.h"
#include "objectmeta.h"
#include "podtemplate.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

#include <optional>

// One of containerStatuses[].state / lastState: waiting, running or terminated. Not kept:
// startedAt (nothing shows it, and without it the statuses of the running pods of a
// ReplicaSet are equal, so the decoder shares one list between them).
struct ContainerState
{
    enum class Kind : quint8 { None, Waiting, Running, Terminated };

    Kind kind = Kind::None;
    QString reason; // waiting or terminated
    QString message; // waiting or terminated
    qint32 exitCode = 0;
    qint32 signal = 0;
    QDateTime finishedAt; // terminated

    bool isWaiting() const { return kind == Kind::Waiting; }
    bool isRunning() const { return kind == Kind::Running; }
    bool isTerminated() const { return kind == Kind::Terminated; }

    bool operator==(const ContainerState &o) const
    {
        return kind == o.kind && reason == o.reason && message == o.message
            && exitCode == o.exitCode && signal == o.signal && finishedAt == o.finishedAt;
    }
    bool operator!=(const ContainerState &o) const { return !(*this == o); }
};

struct ContainerStatus
{
    QString name;
    QString image;
    bool ready = false;
    std::optional<bool> started;
    qint32 restartCount = 0;
    ContainerState state;
    ContainerState lastState;

    bool operator==(const ContainerStatus &o) const
    {
        return name == o.name && image == o.image && ready == o.ready && started == o.started
            && restartCount == o.restartCount && state == o.state && lastState == o.lastState;
    }
    bool operator!=(const ContainerStatus &o) const { return !(*this == o); }
};

// core/v1 Pod.
struct Pod
{
    ObjectMeta metadata;
    QString nodeName;
    PodTemplate spec; // spec.containers and spec.initContainers
    QString phase; // Pending, Running, Succeeded, Failed, Unknown
    QString reason; // e.g. Evicted, NodeLost
    QString message;
    // Type, status and reason only: what kubectl's pod status reads. Their messages and times
    // are shown nowhere, and without them pods in the same state share one list.
    QList<Condition> conditions;
    QList<ContainerStatus> initContainerStatuses;
    QList<ContainerStatus> containerStatuses;
    QString hostIP;
    QString podIP;
    QDateTime startTime;

    bool operator==(const Pod &o) const;
    bool operator!=(const Pod &o) const { return !(*this == o); }
};

Q_DECLARE_METATYPE(ContainerState)
Q_DECLARE_METATYPE(ContainerStatus)
Q_DECLARE_METATYPE(Pod)
