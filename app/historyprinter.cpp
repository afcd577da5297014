// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyprinter.h"

#include "rolloutprinter.h"
#include "timestamps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace {

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

QJsonValue timeValue(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(formatRfc3339(time)) : QJsonValue(QJsonValue::Null);
}

} // namespace

QString HistoryPrinter::startedText(const QDateTime &time)
{
    if (!time.isValid())
        return QStringLiteral("-");
    return time.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

QString HistoryPrinter::notesText(const ReleaseSummary &release)
{
    QStringList notes;
    // What came before the first observation is only what the cluster still held.
    if (release.partiallyObserved)
        notes.append(tr("partial"));
    if (release.workloadDeletedAt.isValid())
        notes.append(tr("deleted"));
    return orDash(notes.join(QStringLiteral(", ")));
}

QString HistoryPrinter::table(const QList<ReleaseSummary> &releases)
{
    QList<QStringList> rows
        = {{QStringLiteral("STARTED"), QStringLiteral("ENVIRONMENT"), QStringLiteral("NAMESPACE"),
            QStringLiteral("WORKLOAD"), QStringLiteral("REVISION"), QStringLiteral("OUTCOME"),
            QStringLiteral("DURATION"), QStringLiteral("IMAGES"), QStringLiteral("NOTES")}};
    for (const ReleaseSummary &r : releases) {
        const qint64 msecs = r.durationMSecs();
        rows.append({
            startedText(r.startedAt),
            r.key.environment,
            r.namespaceName,
            r.workload,
            QString::number(r.key.revision),
            releaseOutcomeName(r.outcome),
            msecs >= 0 ? RolloutPrinter::humanDuration(msecs / 1000) : QStringLiteral("-"),
            orDash(r.images.join(QStringLiteral(","))),
            notesText(r),
        });
    }
    return RolloutPrinter::columns(rows);
}

QJsonObject HistoryPrinter::jsonObject(const ReleaseSummary &r)
{
    const qint64 msecs = r.durationMSecs();
    return {
        {QStringLiteral("environment"), r.key.environment},
        {QStringLiteral("namespace"), r.namespaceName},
        {QStringLiteral("workload"), r.workload},
        {QStringLiteral("workloadUid"), r.key.workloadUid},
        {QStringLiteral("revision"), r.key.revision},
        {QStringLiteral("outcome"), releaseOutcomeName(r.outcome)},
        {QStringLiteral("startedAt"), timeValue(r.startedAt)},
        {QStringLiteral("endedAt"), timeValue(r.endedAt)},
        {QStringLiteral("durationSeconds"),
         msecs >= 0 ? QJsonValue(msecs / 1000) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("images"), QJsonArray::fromStringList(r.images)},
        {QStringLiteral("strategy"), r.strategy},
        {QStringLiteral("partiallyObserved"), r.partiallyObserved},
        {QStringLiteral("workloadDeletedAt"), timeValue(r.workloadDeletedAt)},
    };
}

QByteArray HistoryPrinter::json(const QList<ReleaseSummary> &releases)
{
    // Qt would print an empty array over two lines; scripts compare it with "[]".
    if (releases.isEmpty())
        return QByteArrayLiteral("[]\n");
    QJsonArray items;
    for (const ReleaseSummary &r : releases)
        items.append(jsonObject(r));
    return QJsonDocument(items).toJson(QJsonDocument::Indented);
}
