// SPDX-License-Identifier: GPL-3.0-or-later
#include "historysql.h"

#include <cmath>

namespace HistorySql {

namespace {
// SQLite's primary result codes (sqlite3.h); the driver reports them as text.
constexpr int sqliteBusy = 5;
constexpr int sqliteLocked = 6;
constexpr int sqliteReadOnly = 8;
constexpr int sqliteCorrupt = 11;
constexpr int sqliteFull = 13;
constexpr int sqliteCantOpen = 14;
constexpr int sqlitePerm = 3;
constexpr int sqliteNotADb = 26;
} // namespace

QVariant timeValue(const QDateTime &time)
{
    if (!time.isValid())
        return QVariant(QMetaType::fromType<qint64>());
    return QVariant(time.toMSecsSinceEpoch());
}

QDateTime timeFrom(const QVariant &value)
{
    if (value.isNull())
        return QDateTime();
    return QDateTime::fromMSecsSinceEpoch(value.toLongLong(), Qt::UTC);
}

QVariant numberValue(const std::optional<double> &number)
{
    if (!number || std::isnan(*number))
        return QVariant(QMetaType::fromType<double>());
    return QVariant(*number);
}

std::optional<double> numberFrom(const QVariant &value)
{
    if (value.isNull())
        return std::nullopt;
    return value.toDouble();
}

QVariant textValue(const QString &text)
{
    return text.isNull() ? QVariant(QStringLiteral("")) : QVariant(text);
}

QString joinLines(const QStringList &lines)
{
    return lines.join(QLatin1Char('\n'));
}

QStringList splitLines(const QString &text)
{
    if (text.isEmpty())
        return {};
    return text.split(QLatin1Char('\n'));
}

bool execWith(QSqlQuery &query, const QVariantList &values)
{
    for (int i = 0; i < values.size(); ++i)
        query.bindValue(i, values.at(i));
    return query.exec();
}

int resultCode(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

Failure failureOf(const QSqlError &error)
{
    switch (resultCode(error)) {
    case sqliteBusy:
    case sqliteLocked:
        return Failure::Busy;
    case sqliteCorrupt:
    case sqliteNotADb:
        return Failure::Corrupt;
    case sqliteCantOpen:
    case sqlitePerm:
        return Failure::CannotOpen;
    case sqliteReadOnly:
        return Failure::ReadOnly;
    case sqliteFull:
        return Failure::DiskFull;
    default:
        return Failure::Other;
    }
}

} // namespace HistorySql
