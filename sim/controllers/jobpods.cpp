// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobpods.h"

#include "jsonutil.h"

#include "core/virtualclock.h"

#include <QJsonArray>

#include <optional>

namespace rdsim::JobPods {

namespace {

const QString kExitCodeAnnotation = QStringLiteral("rd-sim.dev/exit-code");
const QString kRunSecondsAnnotation = QStringLiteral("rd-sim.dev/run-seconds");

// A bounded integer annotation; a value outside [0, max] or not a number is refused.
std::optional<qint64> boundedAnnotation(const QJsonObject &pod, const QString &key, qint64 max,
                                        QString *message)
{
    if (!JsonUtil::hasAnnotation(pod, key))
        return std::nullopt;
    const QString text = JsonUtil::annotation(pod, key);
    bool ok = false;
    const qint64 value = text.trimmed().toLongLong(&ok);
    if (ok && value >= 0 && value <= max)
        return value;
    *message = QStringLiteral("rd-sim: annotation %1 \"%2\" is not an integer from 0 to %3")
                   .arg(key, text.left(64))
                   .arg(max);
    return std::nullopt;
}

QJsonObject podCondition(const char *type, bool status, const QString &time, const char *reason)
{
    QJsonObject c {
        {QStringLiteral("type"), QString::fromLatin1(type)},
        {QStringLiteral("status"), status ? QStringLiteral("True") : QStringLiteral("False")},
        {QStringLiteral("lastProbeTime"), QJsonValue::Null},
        {QStringLiteral("lastTransitionTime"), time}};
    if (reason)
        c.insert(QStringLiteral("reason"), QString::fromLatin1(reason));
    return c;
}

} // namespace

Outcome outcome(const QJsonObject &pod)
{
    Outcome out;
    QString message;
    if (const auto code = boundedAnnotation(pod, kExitCodeAnnotation, 255, &message))
        out.exitCode = int(*code);
    if (const auto seconds
        = boundedAnnotation(pod, kRunSecondsAnnotation, kMaxRunSeconds, &message))
        out.runMs = *seconds * 1000;
    if (!message.isEmpty()) {
        // A refused annotation fails the pod at once, with the reason as the container's
        // termination message, so the scenario's author sees it in kubectl.
        out.exitCode = 2;
        out.runMs = 0;
        out.message = message;
    }
    return out;
}

bool isFinished(const QJsonObject &pod)
{
    const QString phase = JsonUtil::stringAt(pod, "status.phase");
    return phase == QLatin1String("Succeeded") || phase == QLatin1String("Failed");
}

bool isRunning(const QJsonObject &pod)
{
    return JsonUtil::stringAt(pod, "status.phase") == QLatin1String("Running");
}

QJsonObject terminated(const QJsonObject &pod, const Outcome &outcome, const QString &now)
{
    QJsonObject status = pod.value(QLatin1String("status")).toObject();
    const QString scheduledAt = status.value(QLatin1String("startTime")).toString();
    QJsonArray containers;
    for (const QJsonValue &value : status.value(QLatin1String("containerStatuses")).toArray()) {
        QJsonObject container = value.toObject();
        const QJsonObject running = container.value(QLatin1String("state"))
                                        .toObject()
                                        .value(QLatin1String("running"))
                                        .toObject();
        QJsonObject state {
            {QStringLiteral("exitCode"), outcome.exitCode},
            {QStringLiteral("reason"),
             outcome.exitCode == 0 ? QStringLiteral("Completed") : QStringLiteral("Error")},
            {QStringLiteral("startedAt"), running.value(QLatin1String("startedAt")).toString(now)},
            {QStringLiteral("finishedAt"), now},
            {QStringLiteral("containerID"), container.value(QLatin1String("containerID"))}};
        if (!outcome.message.isEmpty())
            state.insert(QStringLiteral("message"), outcome.message);
        container.insert(QStringLiteral("state"),
                         QJsonObject {{QStringLiteral("terminated"), state}});
        container.insert(QStringLiteral("ready"), false);
        container.insert(QStringLiteral("started"), false);
        containers.append(container);
    }
    status.insert(QStringLiteral("containerStatuses"), containers);
    status.insert(QStringLiteral("phase"),
                  outcome.exitCode == 0 ? QStringLiteral("Succeeded") : QStringLiteral("Failed"));
    // Initialized and PodScheduled stay True, as a kubelet leaves them.
    status.insert(QStringLiteral("conditions"),
                  QJsonArray {podCondition("Initialized", true, scheduledAt, "PodCompleted"),
                              podCondition("Ready", false, now, "PodCompleted"),
                              podCondition("ContainersReady", false, now, "PodCompleted"),
                              podCondition("PodScheduled", true, scheduledAt, nullptr)});
    QJsonObject out = pod;
    out.insert(QStringLiteral("status"), status);
    return out;
}

qint64 finishedMs(const QJsonObject &pod)
{
    for (const QJsonValue &value : JsonUtil::arrayAt(pod, "status.containerStatuses")) {
        const QString finished
            = JsonUtil::stringAt(value.toObject(), "state.terminated.finishedAt");
        if (!finished.isEmpty())
            return VirtualClock::fromRfc3339(finished);
    }
    return -1;
}

} // namespace rdsim::JobPods
