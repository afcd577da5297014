// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobtablecells.h"

#include "tableview.h"

#include "core/virtualclock.h"

#include <QJsonArray>

#include <algorithm>

namespace rdsim::JobTableCells {

namespace {

const QString kJobMetadata = QStringLiteral("metadata");
const QString kSpec = QStringLiteral("spec");
const QString kStatus = QStringLiteral("status");

bool hasTrueCondition(const QJsonObject &object, const QString &type)
{
    const QJsonArray conditions
        = object.value(kStatus).toObject().value(QStringLiteral("conditions")).toArray();
    return std::any_of(conditions.begin(), conditions.end(), [&type](const QJsonValue &value) {
        const QJsonObject condition = value.toObject();
        return condition.value(QStringLiteral("type")).toString() == type
            && condition.value(QStringLiteral("status")).toString() == QStringLiteral("True");
    });
}

} // namespace

// kubectl's Job STATUS: the finished conditions first, then Terminating, else Running.
QString status(const QJsonObject &job)
{
    for (const char *type : {"Complete", "Failed"}) {
        if (hasTrueCondition(job, QString::fromLatin1(type)))
            return QString::fromLatin1(type);
    }
    if (job.value(kJobMetadata).toObject().contains(QStringLiteral("deletionTimestamp")))
        return QStringLiteral("Terminating");
    for (const char *type : {"Suspended", "FailureTarget", "SuccessCriteriaMet"}) {
        if (hasTrueCondition(job, QString::fromLatin1(type)))
            return QString::fromLatin1(type);
    }
    return QStringLiteral("Running");
}

// kubectl's Job COMPLETIONS: "1/1", or "0/1 of 3" for a work queue with parallelism.
QString completions(const QJsonObject &job)
{
    const QJsonObject spec = job.value(kSpec).toObject();
    const qint64 succeeded
        = job.value(kStatus).toObject().value(QStringLiteral("succeeded")).toInteger();
    if (spec.contains(QStringLiteral("completions")))
        return QStringLiteral("%1/%2").arg(succeeded).arg(
            spec.value(QStringLiteral("completions")).toInteger());
    const qint64 parallelism = spec.value(QStringLiteral("parallelism")).toInteger(1);
    if (parallelism > 1)
        return QStringLiteral("%1/1 of %2").arg(succeeded).arg(parallelism);
    return QStringLiteral("%1/1").arg(succeeded);
}

// kubectl's Job DURATION: start to completion, or start to now while it runs.
QString duration(const QJsonObject &job, qint64 nowMs)
{
    const QJsonObject status = job.value(kStatus).toObject();
    const qint64 started
        = VirtualClock::fromRfc3339(status.value(QStringLiteral("startTime")).toString());
    if (started < 0)
        return QString();
    const qint64 completed
        = VirtualClock::fromRfc3339(status.value(QStringLiteral("completionTime")).toString());
    return TableView::humanDuration((completed < 0 ? nowMs : completed) - started);
}

} // namespace rdsim::JobTableCells
