// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "pod.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

// The STATUS, READY and RESTARTS columns of `kubectl get pods` (printPod in kubectl's
// printers.go, which the Argo Rollouts plugin copies), including sidecar init containers.
struct PodStatusSummary
{
    // Running, Pending, Completed, Terminating, Unknown, NotReady, SchedulingGated,
    // Init:1/2, Init:CrashLoopBackOff, Init:ExitCode:1, Init:Signal:9, CrashLoopBackOff,
    // ImagePullBackOff, ExitCode:137, Signal:9, OOMKilled, Evicted, ...
    QString status;
    qint32 readyContainers = 0;
    qint32 totalContainers = 0;
    qint32 restarts = 0;
    QDateTime lastRestart; // when the last restarted container last terminated

    // "1/2", as the READY column.
    QString readyText() const;

    bool operator==(const PodStatusSummary &o) const
    {
        return status == o.status && readyContainers == o.readyContainers
            && totalContainers == o.totalContainers && restarts == o.restarts
            && lastRestart == o.lastRestart;
    }
    bool operator!=(const PodStatusSummary &o) const { return !(*this == o); }
};

PodStatusSummary podStatus(const Pod &pod);

Q_DECLARE_METATYPE(PodStatusSummary)
