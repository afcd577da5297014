// SPDX-License-Identifier: GPL-3.0-or-later
#include "auditrecord.h"

#include "secretredaction.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

class AuditRecordText
{
    Q_DECLARE_TR_FUNCTIONS(AuditRecordText)
};

namespace {

struct ResultName
{
    AuditRecord::Result result;
    const char *name;
};

constexpr ResultName resultNames[] = {
    {AuditRecord::Result::None, ""},
    {AuditRecord::Result::Succeeded, "succeeded"},
    {AuditRecord::Result::NothingToDo, "nothing-to-do"},
    {AuditRecord::Result::Denied, "denied"},
    {AuditRecord::Result::Refused, "refused"},
    {AuditRecord::Result::Failed, "failed"},
};

} // namespace

QString AuditRecord::resultName(Result result)
{
    for (const ResultName &entry : resultNames) {
        if (entry.result == result)
            return QString::fromLatin1(entry.name);
    }
    return QString();
}

AuditRecord::Result AuditRecord::resultFromName(const QString &name)
{
    for (const ResultName &entry : resultNames) {
        if (name == QLatin1String(entry.name))
            return entry.result;
    }
    return Result::None;
}

void AuditRecord::setOutcome(Result outcome, int status, const QString &text)
{
    stage = Stage::Outcome;
    time = QDateTime::currentDateTimeUtc();
    result = outcome;
    httpStatus = status;
    message = text;
}

QByteArray AuditRecord::toJsonLine() const
{
    QJsonObject object {
        {QStringLiteral("id"), id},
        {QStringLiteral("stage"),
         stage == Stage::Attempt ? QStringLiteral("attempt") : QStringLiteral("outcome")},
        {QStringLiteral("time"), time.toUTC().toString(Qt::ISODateWithMs)},
        {QStringLiteral("environment"), environment},
        {QStringLiteral("context"), context},
        {QStringLiteral("namespace"), namespaceName},
        {QStringLiteral("rollout"), rollout},
        {QStringLiteral("action"), action},
        {QStringLiteral("user"), user},
        {QStringLiteral("userSource"), userSource},
        {QStringLiteral("client"), client},
    };
    if (revision > 0)
        object.insert(QStringLiteral("revision"), revision);
    if (!reason.isEmpty())
        object.insert(QStringLiteral("reason"), reason);
    if (stage == Stage::Outcome) {
        object.insert(QStringLiteral("result"), resultName(result));
        if (httpStatus > 0)
            object.insert(QStringLiteral("httpStatus"), httpStatus);
        // The last line of defence: the file is kept for years and copied around.
        object.insert(QStringLiteral("message"), SecretRedaction::redact(message));
        QJsonArray sent;
        for (const QByteArray &request : requests)
            sent.append(SecretRedaction::redact(QString::fromUtf8(request)));
        object.insert(QStringLiteral("requests"), sent);
        QJsonArray statuses;
        for (int status : responses)
            statuses.append(status);
        object.insert(QStringLiteral("responses"), statuses);
    }
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool AuditRecord::fromJsonLine(const QByteArray &line, AuditRecord *out, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(line, &parseError);
    if (!document.isObject()) {
        *error = AuditRecordText::tr("not a JSON object");
        return false;
    }
    const QJsonObject object = document.object();
    AuditRecord record;
    record.id = object.value(QLatin1String("id")).toString();
    const QString stage = object.value(QLatin1String("stage")).toString();
    record.time
        = QDateTime::fromString(object.value(QLatin1String("time")).toString(), Qt::ISODateWithMs);
    if (record.id.isEmpty() || !record.time.isValid()
        || (stage != QLatin1String("attempt") && stage != QLatin1String("outcome"))) {
        *error = AuditRecordText::tr("not an audit record (id, stage or time missing)");
        return false;
    }
    record.stage = stage == QLatin1String("attempt") ? Stage::Attempt : Stage::Outcome;
    record.environment = object.value(QLatin1String("environment")).toString();
    record.context = object.value(QLatin1String("context")).toString();
    record.namespaceName = object.value(QLatin1String("namespace")).toString();
    record.rollout = object.value(QLatin1String("rollout")).toString();
    record.action = object.value(QLatin1String("action")).toString();
    record.revision = object.value(QLatin1String("revision")).toInteger();
    record.user = object.value(QLatin1String("user")).toString();
    record.userSource = object.value(QLatin1String("userSource")).toString();
    record.client = object.value(QLatin1String("client")).toString();
    record.reason = object.value(QLatin1String("reason")).toString();
    record.result = resultFromName(object.value(QLatin1String("result")).toString());
    record.httpStatus = object.value(QLatin1String("httpStatus")).toInt();
    record.message = object.value(QLatin1String("message")).toString();
    for (const QJsonValue &request : object.value(QLatin1String("requests")).toArray())
        record.requests.append(request.toString().toUtf8());
    for (const QJsonValue &status : object.value(QLatin1String("responses")).toArray())
        record.responses.append(status.toInt());
    *out = record;
    return true;
}

AuditFile readAuditFile(const QString &path)
{
    AuditFile file;
    QFile input(path);
    if (!input.exists())
        return file;
    if (!input.open(QIODevice::ReadOnly)) {
        file.problems.append(
            AuditRecordText::tr("%1 cannot be read: %2").arg(path, input.errorString()));
        return file;
    }
    int lineNumber = 0;
    while (!input.atEnd()) {
        const QByteArray line = input.readLine().trimmed();
        ++lineNumber;
        if (line.isEmpty())
            continue;
        AuditRecord record;
        QString error;
        if (AuditRecord::fromJsonLine(line, &record, &error))
            file.records.append(record);
        else
            file.problems.append(AuditRecordText::tr("line %1: %2").arg(lineNumber).arg(error));
    }
    return file;
}
