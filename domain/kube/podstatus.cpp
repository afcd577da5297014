// SPDX-License-Identifier: GPL-3.0-or-later
#include "podstatus.h"

#include "condition.h"

namespace {

bool isRestartableInit(const Pod &pod, const QString &name)
{
    for (const ContainerSpec &container : pod.spec.initContainers) {
        if (container.name == name)
            return container.restartPolicyAlways;
    }
    return false;
}

bool conditionTrue(const Pod &pod, QStringView type)
{
    for (const Condition &condition : pod.conditions) {
        if (condition.type == type && condition.isTrue())
            return true;
    }
    return false;
}

void noteRestart(const ContainerStatus &container, QDateTime &last)
{
    const ContainerState &previous = container.lastState;
    if (previous.isTerminated() && previous.finishedAt.isValid()
        && (!last.isValid() || last < previous.finishedAt))
        last = previous.finishedAt;
}

QString terminatedReason(const ContainerState &state, const QString &prefix)
{
    if (!state.reason.isEmpty())
        return prefix + state.reason;
    if (state.signal != 0)
        return prefix + QStringLiteral("Signal:") + QString::number(state.signal);
    return prefix + QStringLiteral("ExitCode:") + QString::number(state.exitCode);
}

bool isTerminalPhase(const QString &phase)
{
    return phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed");
}

} // namespace

QString PodStatusSummary::readyText() const
{
    return QString::number(readyContainers) + QLatin1Char('/') + QString::number(totalContainers);
}

PodStatusSummary podStatus(const Pod &pod)
{
    PodStatusSummary summary;
    summary.totalContainers = qint32(pod.spec.containers.size());
    QString reason = pod.reason.isEmpty() ? pod.phase : pod.reason;

    for (const Condition &condition : pod.conditions) {
        if (condition.type == QLatin1String("PodScheduled")
            && condition.reason == QLatin1String("SchedulingGated"))
            reason = QStringLiteral("SchedulingGated");
    }
    for (const ContainerSpec &container : pod.spec.initContainers) {
        if (container.restartPolicyAlways)
            ++summary.totalContainers; // a sidecar counts as a container
    }

    qint32 restarts = 0;
    qint32 sidecarRestarts = 0;
    QDateTime lastRestart;
    QDateTime lastSidecarRestart;
    bool initializing = false;
    const qsizetype initCount = pod.spec.initContainers.size();
    for (qsizetype i = 0; i < pod.initContainerStatuses.size(); ++i) {
        const ContainerStatus &container = pod.initContainerStatuses.at(i);
        const bool sidecar = isRestartableInit(pod, container.name);
        restarts += container.restartCount;
        noteRestart(container, lastRestart);
        if (sidecar) {
            sidecarRestarts += container.restartCount;
            noteRestart(container, lastSidecarRestart);
        }
        const ContainerState &state = container.state;
        if (state.isTerminated() && state.exitCode == 0)
            continue;
        if (sidecar && container.started.value_or(false)) {
            if (container.ready)
                ++summary.readyContainers;
            continue;
        }
        if (state.isTerminated()) {
            reason = terminatedReason(state, QStringLiteral("Init:"));
        } else if (state.isWaiting() && !state.reason.isEmpty()
                   && state.reason != QLatin1String("PodInitializing")) {
            reason = QStringLiteral("Init:") + state.reason;
        } else {
            reason = QStringLiteral("Init:") + QString::number(i) + QLatin1Char('/')
                + QString::number(initCount);
        }
        initializing = true;
        break;
    }

    if (!initializing || conditionTrue(pod, u"Initialized")) {
        restarts = sidecarRestarts;
        lastRestart = lastSidecarRestart;
        bool hasRunning = false;
        for (qsizetype i = pod.containerStatuses.size() - 1; i >= 0; --i) {
            const ContainerStatus &container = pod.containerStatuses.at(i);
            restarts += container.restartCount;
            noteRestart(container, lastRestart);
            const ContainerState &state = container.state;
            if (state.isWaiting() && !state.reason.isEmpty()) {
                reason = state.reason;
            } else if (state.isTerminated()) {
                reason = terminatedReason(state, QString());
            } else if (container.ready && state.isRunning()) {
                hasRunning = true;
                ++summary.readyContainers;
            }
        }
        // A container still running after another completed: the pod is not done.
        if (reason == QLatin1String("Completed") && hasRunning) {
            reason = conditionTrue(pod, u"Ready") ? QStringLiteral("Running")
                                                  : QStringLiteral("NotReady");
        }
    }

    if (pod.metadata.deletionTimestamp.isValid() && pod.reason == QLatin1String("NodeLost"))
        reason = QStringLiteral("Unknown");
    else if (pod.metadata.deletionTimestamp.isValid() && !isTerminalPhase(pod.phase))
        reason = QStringLiteral("Terminating");

    summary.status = reason;
    summary.restarts = restarts;
    summary.lastRestart = restarts != 0 ? lastRestart : QDateTime();
    return summary;
}
