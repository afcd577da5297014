// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyschema.h"
#include "historyconnection.h"

#include <QSqlRecord>
#include <QStringList>

#include <array>
#include <iterator>

namespace {

// Version 1, as it shipped. A later version never edits these statements: it adds a step.
// Times are INTEGER milliseconds since the epoch (UTC), NULL when not known; lists are
// newline-joined TEXT. Child rows go with their release (ON DELETE CASCADE, which needs
// foreign_keys=ON on the connection), and each child table's unique key starts with
// release_id, so the cascade and the timeline read use an index.
const char *const version1[] = {
    "CREATE TABLE releases ("
    " id INTEGER PRIMARY KEY, environment TEXT NOT NULL, workload_uid TEXT NOT NULL,"
    " revision INTEGER NOT NULL, namespace TEXT NOT NULL, workload TEXT NOT NULL,"
    " kind TEXT NOT NULL, strategy TEXT NOT NULL, pod_hash TEXT NOT NULL,"
    " images TEXT NOT NULL, step_count INTEGER NOT NULL, step_texts TEXT NOT NULL DEFAULT '',"
    " started_at INTEGER, ended_at INTEGER, outcome TEXT NOT NULL,"
    " partially_observed INTEGER NOT NULL, first_observed_at INTEGER,"
    " workload_deleted_at INTEGER,"
    " UNIQUE (environment, workload_uid, revision))",
    // The Releases view's filters and "compare with previous" (same workload, earlier start).
    "CREATE INDEX releases_by_workload ON releases (environment, namespace, workload, started_at)",
    // Newest first over everything, and the since/until range.
    "CREATE INDEX releases_by_start ON releases (started_at)",
    // Retention deletes by end time.
    "CREATE INDEX releases_by_end ON releases (ended_at)",
    "CREATE TABLE transitions ("
    " id INTEGER PRIMARY KEY,"
    " release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,"
    " time INTEGER, phase TEXT NOT NULL, step INTEGER NOT NULL,"
    " desired_weight INTEGER NOT NULL, actual_weight INTEGER NOT NULL,"
    " paused INTEGER NOT NULL, message TEXT NOT NULL)",
    "CREATE INDEX transitions_by_release ON transitions (release_id, time)",
    "CREATE TABLE actions ("
    " id INTEGER PRIMARY KEY,"
    " release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,"
    " time INTEGER, action_name TEXT NOT NULL,"
    " source TEXT NOT NULL CHECK (source IN ('audit', 'observed')),"
    " user_name TEXT NOT NULL, result TEXT NOT NULL, message TEXT NOT NULL,"
    " audit_id TEXT NOT NULL)",
    "CREATE INDEX actions_by_release ON actions (release_id, time)",
    // An audit record reaches the recorder again after a restart: stored once. Observed
    // actions have no audit id and are never merged.
    "CREATE UNIQUE INDEX actions_by_audit_id ON actions (audit_id) WHERE audit_id <> ''",
    "CREATE TABLE analysis_runs ("
    " id INTEGER PRIMARY KEY,"
    " release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,"
    " name TEXT NOT NULL, run_kind TEXT NOT NULL, phase TEXT NOT NULL,"
    " message TEXT NOT NULL, started_at INTEGER, completed_at INTEGER,"
    " UNIQUE (release_id, name))",
    "CREATE TABLE measurements ("
    " id INTEGER PRIMARY KEY,"
    " release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,"
    " analysis_run TEXT NOT NULL, run_kind TEXT NOT NULL, metric TEXT NOT NULL,"
    " phase TEXT NOT NULL, value TEXT NOT NULL, message TEXT NOT NULL,"
    " success_condition TEXT NOT NULL, failure_condition TEXT NOT NULL,"
    " started_at INTEGER, finished_at INTEGER,"
    " UNIQUE (release_id, analysis_run, metric, started_at))",
    "CREATE TABLE events ("
    " id INTEGER PRIMARY KEY,"
    " release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,"
    " uid TEXT NOT NULL, type TEXT NOT NULL, reason TEXT NOT NULL, message TEXT NOT NULL,"
    " object_kind TEXT NOT NULL, object_name TEXT NOT NULL, count INTEGER NOT NULL,"
    " first_seen INTEGER, last_seen INTEGER,"
    " UNIQUE (release_id, uid))",
};

// Version 2: the quality gates' live evaluations (a row when a gate's outcome changed, else
// at most one a minute per gate; HistoryRecorder::recordGateReport). The outcome is
// GateOutcomes::id, numbers are REAL and NULL when the gate had none. The unique index is
// the timeline's read in order and stores the same evaluation once.
const char *const version2[] = {
    "CREATE TABLE gate_evaluations ("
    " id INTEGER PRIMARY KEY,"
    " release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,"
    " gate TEXT NOT NULL, source TEXT NOT NULL CHECK (source IN ('config', 'analysis')),"
    " outcome TEXT NOT NULL, value REAL, worst_value REAL, stable_value REAL,"
    " bound TEXT NOT NULL, samples INTEGER NOT NULL, window_ms INTEGER NOT NULL,"
    " message TEXT NOT NULL, evaluated_at INTEGER NOT NULL)",
    "CREATE UNIQUE INDEX gate_evaluations_by_release"
    " ON gate_evaluations (release_id, evaluated_at, gate)",
};

// Version 3: the latest safety nets of each release (issue 15; HistoryRecorder::
// recordSafetyNets), safetyNetsJson's object as compact JSON text, one row per release
// replaced when they change.
const char *const version3[] = {
    "CREATE TABLE release_safety_nets ("
    " id INTEGER PRIMARY KEY,"
    " release_id INTEGER NOT NULL UNIQUE REFERENCES releases (id) ON DELETE CASCADE,"
    " read_at INTEGER NOT NULL, safety_nets TEXT NOT NULL)",
};

bool runAll(HistoryConnection &connection, const char *const *begin, const char *const *end,
            QString *error)
{
    for (auto it = begin; it != end; ++it) {
        if (!connection.exec(QString::fromLatin1(*it))) {
            *error = connection.lastError().text();
            return false;
        }
    }
    return true;
}

bool createVersion1(HistoryConnection &connection, QString *error)
{
    return runAll(connection, std::begin(version1), std::end(version1), error);
}

bool addGateEvaluations(HistoryConnection &connection, QString *error)
{
    return runAll(connection, std::begin(version2), std::end(version2), error);
}

bool addSafetyNets(HistoryConnection &connection, QString *error)
{
    return runAll(connection, std::begin(version3), std::end(version3), error);
}

// Step i takes the database from version i to version i + 1. A new version is one more entry
// here (and historySchemaVersion + 1); an existing file then runs only the steps it lacks.
using MigrationStep = bool (*)(HistoryConnection &, QString *);
constexpr std::array<MigrationStep, 3> migrationSteps {createVersion1, addGateEvaluations,
                                                       addSafetyNets};
static_assert(int(migrationSteps.size()) == historySchemaVersion,
              "one migration step per schema version");

struct TableColumns
{
    const char *table;
    const char *columns; // space-separated
};

// What the writer and the reader of this version use.
constexpr TableColumns expectedColumns[] = {
    {"releases",
     "id environment workload_uid revision namespace workload kind strategy pod_hash images "
     "step_count step_texts started_at ended_at outcome partially_observed first_observed_at "
     "workload_deleted_at"},
    {"transitions", "id release_id time phase step desired_weight actual_weight paused message"},
    {"actions", "id release_id time action_name source user_name result message audit_id"},
    {"analysis_runs", "id release_id name run_kind phase message started_at completed_at"},
    {"measurements",
     "id release_id analysis_run run_kind metric phase value message success_condition "
     "failure_condition started_at finished_at"},
    {"events",
     "id release_id uid type reason message object_kind object_name count first_seen "
     "last_seen"},
    {"gate_evaluations",
     "id release_id gate source outcome value worst_value stable_value bound samples window_ms "
     "message evaluated_at"},
    {"release_safety_nets", "id release_id read_at safety_nets"},
};

} // namespace

namespace HistorySchema {

bool migrate(HistoryConnection &connection, int fromVersion, QString *error)
{
    for (int version = fromVersion; version < historySchemaVersion; ++version) {
        if (!migrationSteps[size_t(version)](connection, error))
            return false;
        // user_version lives in the file header and changes with the transaction.
        if (!connection.exec(QStringLiteral("PRAGMA user_version = %1").arg(version + 1))) {
            *error = connection.lastError().text();
            return false;
        }
    }
    return true;
}

bool verify(HistoryConnection &connection, QString *error)
{
    const QSqlDatabase db = connection.database();
    for (const TableColumns &expected : expectedColumns) {
        const QString table = QString::fromLatin1(expected.table);
        const QSqlRecord record = db.record(table);
        if (record.isEmpty()) {
            *error = QStringLiteral("table %1 is missing").arg(table);
            return false;
        }
        const QStringList columns = QString::fromLatin1(expected.columns).split(QLatin1Char(' '));
        for (const QString &column : columns) {
            if (!record.contains(column)) {
                *error = QStringLiteral("column %1.%2 is missing").arg(table, column);
                return false;
            }
        }
    }
    return true;
}

} // namespace HistorySchema
