// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class HistoryConnection;

// The history database's schema version: PRAGMA user_version of a current database. Each
// step up has a migration (historyschema.cpp). 1: releases and their rows; 2: the quality
// gates' evaluations; 3: the releases' safety nets.
constexpr int historySchemaVersion = 3;

namespace HistorySchema {

// Takes the database from `fromVersion` (0: empty) to historySchemaVersion one step at a
// time and records each step in user_version. The caller holds the write transaction, so a
// failed step leaves the file at the version it had. False with *error on failure.
bool migrate(HistoryConnection &connection, int fromVersion, QString *error);

// Whether every table and column this version reads and writes is there: a file that says
// it is at our version but is not (another program's database, a half-copied file) would
// otherwise fail on every write instead of once, here. False with *error naming what lacks.
bool verify(HistoryConnection &connection, QString *error);

} // namespace HistorySchema
