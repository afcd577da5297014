// SPDX-License-Identifier: GPL-3.0-or-later
#include "applicationprinter.h"

#include "rolloutprinter.h"
#include "timestamps.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

QString orDash(const QString &text)
{
    return text.isEmpty() ? QStringLiteral("-") : text;
}

// The revision Argo CD last compared with: single-source, else the first of several.
QString syncRevision(const ArgoApplication &application)
{
    return application.syncRevision.isEmpty() ? application.syncRevisions.value(0)
                                              : application.syncRevision;
}

// Multi-source applications show each source's value, comma-separated.
QString sourcesText(const ArgoApplication &application, QString (*field)(const ArgoSource &))
{
    QStringList values;
    for (const ArgoSource &source : application.sources)
        values.append(field(source));
    values.removeAll(QString());
    return values.join(QLatin1Char(','));
}

QString targetOf(const ArgoSource &source)
{
    return source.targetRevision;
}

QString repoOf(const ArgoSource &source)
{
    return source.repoUrl;
}

QString pathOrChart(const ArgoSource &source)
{
    return source.chart.isEmpty() ? source.path : source.chart;
}

QJsonValue timeValue(qint64 ms)
{
    return ms > 0 ? QJsonValue(formatRfc3339(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)))
                  : QJsonValue(QJsonValue::Null);
}

QJsonValue operationJson(const ArgoOperation &operation)
{
    if (!operation.isValid())
        return QJsonValue(QJsonValue::Null);
    return QJsonObject {
        {QStringLiteral("phase"), operation.phase},
        {QStringLiteral("message"), operation.message},
        {QStringLiteral("initiatedBy"),
         QJsonObject {{QStringLiteral("username"), operation.initiatedBy.username},
                      {QStringLiteral("automated"), operation.initiatedBy.automated}}},
        {QStringLiteral("startedAt"), timeValue(operation.startedAtMs)},
        {QStringLiteral("finishedAt"), timeValue(operation.finishedAtMs)},
    };
}

QJsonObject itemJson(const ArgoApplication &a)
{
    const ArgoSource source = a.sources.value(0);
    return {
        {QStringLiteral("environment"), a.environment},
        {QStringLiteral("instance"), a.instance},
        {QStringLiteral("name"), a.name},
        {QStringLiteral("namespace"), a.appNamespace},
        {QStringLiteral("project"), a.project},
        {QStringLiteral("syncStatus"), a.syncStatus},
        {QStringLiteral("health"), a.health},
        {QStringLiteral("revision"), syncRevision(a)},
        {QStringLiteral("targetRevision"), source.targetRevision},
        {QStringLiteral("repo"), source.repoUrl},
        {QStringLiteral("path"), source.path},
        {QStringLiteral("chart"), source.chart},
        {QStringLiteral("operation"), operationJson(a.operation)},
        {QStringLiteral("autoSync"), a.autoSync},
    };
}

} // namespace

QString ApplicationPrinter::shortRevision(const QString &revision)
{
    static const QRegularExpression sha(QStringLiteral("^[0-9a-f]{40}$"));
    return sha.match(revision).hasMatch() ? revision.left(7) : revision;
}

QString ApplicationPrinter::operationText(const ArgoOperation &operation)
{
    if (!operation.isValid())
        return QString();
    const QString by = operation.initiatedBy.automated ? QStringLiteral("automated")
                                                       : operation.initiatedBy.username;
    return by.isEmpty() ? operation.phase : QStringLiteral("%1 (%2)").arg(operation.phase, by);
}

QString ApplicationPrinter::table(const QList<ArgoApplication> &applications, bool wide,
                                  const QDateTime &now)
{
    QStringList header
        = {QStringLiteral("ENVIRONMENT"), QStringLiteral("NAME"),   QStringLiteral("PROJECT"),
           QStringLiteral("SYNC"),        QStringLiteral("HEALTH"), QStringLiteral("REVISION"),
           QStringLiteral("TARGET")};
    if (wide) {
        header += {QStringLiteral("INSTANCE"), QStringLiteral("REPO"), QStringLiteral("PATH/CHART"),
                   QStringLiteral("OPERATION"), QStringLiteral("LAST SYNC")};
    }
    QList<QStringList> rows = {header};
    for (const ArgoApplication &a : applications) {
        QStringList row = {a.environment,
                           a.name,
                           orDash(a.project),
                           orDash(a.syncStatus),
                           orDash(a.health),
                           orDash(shortRevision(syncRevision(a))),
                           orDash(sourcesText(a, targetOf))};
        if (wide) {
            const qint64 finished = a.operation.finishedAtMs;
            row += {a.instance, orDash(sourcesText(a, repoOf)), orDash(sourcesText(a, pathOrChart)),
                    orDash(operationText(a.operation)),
                    finished > 0 ? RolloutPrinter::humanDuration(
                        QDateTime::fromMSecsSinceEpoch(finished, Qt::UTC).secsTo(now))
                                 : QStringLiteral("-")};
        }
        rows.append(row);
    }
    return RolloutPrinter::columns(rows);
}

QByteArray ApplicationPrinter::jsonList(const QList<ArgoApplication> &applications,
                                        const QList<ArgoListError> &errors)
{
    QJsonArray items;
    for (const ArgoApplication &application : applications)
        items.append(itemJson(application));
    QJsonArray errorItems;
    for (const ArgoListError &error : errors) {
        errorItems.append(QJsonObject {{QStringLiteral("environment"), error.environment},
                                       {QStringLiteral("instance"), error.instance},
                                       {QStringLiteral("message"), error.message}});
    }
    const QJsonObject list {
        {QStringLiteral("apiVersion"), QStringLiteral("release-dashboard/v1")},
        {QStringLiteral("kind"), QStringLiteral("ApplicationList")},
        {QStringLiteral("items"), items},
        {QStringLiteral("errors"), errorItems},
    };
    return QJsonDocument(list).toJson(QJsonDocument::Indented);
}
