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

// What one pass over the containers hands to the next, as printPod's locals.
struct ContainerTally
{
    QString reason;
    qint32 readyContainers = 0;
    qint32 restarts = 0;
    QDateTime lastRestart;
    // Sidecars' share of the above: once the pod is initialised, only their restarts count
    // among the init containers'.
    qint32 sidecarRestarts = 0;
    QDateTime lastSidecarRestart;
};

QString scheduledReason(const Pod &pod)
{
    QString reason = pod.reason.isEmpty() ? pod.phase : pod.reason;
    for (const Condition &condition : pod.conditions) {
        if (condition.type == QLatin1String("PodScheduled")
            && condition.reason == QLatin1String("SchedulingGated"))
            reason = QStringLiteral("SchedulingGated");
    }
    return reason;
}

qint32 containerCount(const Pod &pod)
{
    qint32 count = qint32(pod.spec.containers.size());
    for (const ContainerSpec &container : pod.spec.initContainers) {
        if (container.restartPolicyAlways)
            ++count; // a sidecar counts as a container
    }
    return count;
}

// The reason of the init container at index that keeps the pod initialising.
QString initReason(const ContainerState &state, qsizetype index, qsizetype initCount)
{
    if (state.isTerminated())
        return terminatedReason(state, QStringLiteral("Init:"));
    if (state.isWaiting() && !state.reason.isEmpty()
        && state.reason != QLatin1String("PodInitializing"))
        return QStringLiteral("Init:") + state.reason;
    return QStringLiteral("Init:") + QString::number(index) + QLatin1Char('/')
        + QString::number(initCount);
}

// True when an init container keeps the pod initialising; the pass stops at it.
bool tallyInitContainers(const Pod &pod, ContainerTally *tally)
{
    for (qsizetype i = 0; i < pod.initContainerStatuses.size(); ++i) {
        const ContainerStatus &container = pod.initContainerStatuses.at(i);
        const bool sidecar = isRestartableInit(pod, container.name);
        tally->restarts += container.restartCount;
        noteRestart(container, tally->lastRestart);
        if (sidecar) {
            tally->sidecarRestarts += container.restartCount;
            noteRestart(container, tally->lastSidecarRestart);
        }
        const ContainerState &state = container.state;
        if (state.isTerminated() && state.exitCode == 0)
            continue;
        if (sidecar && container.started.value_or(false)) {
            if (container.ready)
                ++tally->readyContainers;
            continue;
        }
        tally->reason = initReason(state, i, pod.spec.initContainers.size());
        return true;
    }
    return false;
}

void tallyContainers(const Pod &pod, ContainerTally *tally)
{
    tally->restarts = tally->sidecarRestarts;
    tally->lastRestart = tally->lastSidecarRestart;
    bool hasRunning = false;
    for (qsizetype i = pod.containerStatuses.size() - 1; i >= 0; --i) {
        const ContainerStatus &container = pod.containerStatuses.at(i);
        tally->restarts += container.restartCount;
        noteRestart(container, tally->lastRestart);
        const ContainerState &state = container.state;
        if (state.isWaiting() && !state.reason.isEmpty()) {
            tally->reason = state.reason;
        } else if (state.isTerminated()) {
            tally->reason = terminatedReason(state, QString());
        } else if (container.ready && state.isRunning()) {
            hasRunning = true;
            ++tally->readyContainers;
        }
    }
    // A container still running after another completed: the pod is not done.
    if (tally->reason == QLatin1String("Completed") && hasRunning) {
        tally->reason
            = conditionTrue(pod, u"Ready") ? QStringLiteral("Running") : QStringLiteral("NotReady");
    }
}

} // namespace

QString PodStatusSummary::readyText() const
{
    return QString::number(readyContainers) + QLatin1Char('/') + QString::number(totalContainers);
}

PodStatusSummary podStatus(const Pod &pod)
{
    ContainerTally tally;
    tally.reason = scheduledReason(pod);
    const bool initializing = tallyInitContainers(pod, &tally);
    if (!initializing || conditionTrue(pod, u"Initialized"))
        tallyContainers(pod, &tally);

    if (pod.metadata.deletionTimestamp.isValid() && pod.reason == QLatin1String("NodeLost"))
        tally.reason = QStringLiteral("Unknown");
    else if (pod.metadata.deletionTimestamp.isValid() && !isTerminalPhase(pod.phase))
        tally.reason = QStringLiteral("Terminating");

    PodStatusSummary summary;
    summary.status = tally.reason;
    summary.readyContainers = tally.readyContainers;
    summary.totalContainers = containerCount(pod);
    summary.restarts = tally.restarts;
    summary.lastRestart = tally.restarts != 0 ? tally.lastRestart : QDateTime();
    return summary;
}
