// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QSqlError>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariant>

#include <optional>

// How the history's values become SQLite values and back, and what an SQLite error means.
// One place, so the writer and the reader cannot disagree about a column's encoding.
namespace HistorySql {

// Milliseconds since the epoch (UTC) as an INTEGER; NULL for a null QDateTime, so "not
// known" stays distinguishable from 1970.
QVariant timeValue(const QDateTime &time);
QDateTime timeFrom(const QVariant &value);

// An optional number as a REAL; NULL without one (and for NaN, which SQLite stores as NULL
// anyway), so "no value" stays distinguishable from 0.
QVariant numberValue(const std::optional<double> &number);
std::optional<double> numberFrom(const QVariant &value);

// The text columns are NOT NULL: Qt binds a null QString as NULL, so it becomes ''.
QVariant textValue(const QString &text);

// Lists (images, step texts) are stored newline-joined; '' reads back as an empty list.
QString joinLines(const QStringList &lines);
QStringList splitLines(const QString &text);

// Binds values to a prepared statement's placeholders in order and runs it; the statement
// stays prepared for the next call.
bool execWith(QSqlQuery &query, const QVariantList &values);

// What an SQLite result code (Qt's nativeErrorCode) says about the file, for the message the
// user gets and for whether the file is moved aside.
enum class Failure {
    Busy, // another connection holds a lock past the busy timeout
    Corrupt, // not a database, a malformed page, a schema that is not ours
    CannotOpen, // missing folder, permissions
    ReadOnly, // the file or the folder cannot be written
    DiskFull,
    Other,
};
Failure failureOf(const QSqlError &error);
// The primary result code (extended codes carry it in the low byte); -1 without one.
int resultCode(const QSqlError &error);

} // namespace HistorySql
