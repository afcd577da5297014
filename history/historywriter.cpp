// SPDX-License-Identifier: GPL-3.0-or-later
#include "historywriter.h"
#include "historydatabase.h"
#include "historyretention.h"
#include "historysql.h"

#include <QDir>

using HistorySql::execWith;
using HistorySql::joinLines;
using HistorySql::textValue;
using HistorySql::timeFrom;
using HistorySql::timeValue;

namespace {

struct Statement
{
    QSqlQuery HistoryWriter::*query;
    const char *sql;
};

QDateTime earliest(const QDateTime &a, const QDateTime &b)
{
    if (!a.isValid())
        return b;
    if (!b.isValid())
        return a;
    return std::min(a, b);
}

// The columns of a release after its key, in the order of the INSERT's and the UPDATE's
// placeholders.
QVariantList summaryValues(const ReleaseSummary &release)
{
    return {textValue(release.namespaceName),
            textValue(release.workload),
            textValue(release.kind),
            textValue(release.strategy),
            textValue(release.podTemplateHash),
            joinLines(release.images),
            release.stepCount,
            timeValue(release.startedAt),
            timeValue(release.endedAt),
            releaseOutcomeName(release.outcome),
            int(release.partiallyObserved),
            timeValue(release.firstObservedAt),
            timeValue(release.workloadDeletedAt)};
}

} // namespace

HistoryWriter::HistoryWriter(HistoryDatabase &database) : m_database(database) { }

HistoryWriter::~HistoryWriter() = default;

bool HistoryWriter::prepare()
{
    // Statements of another connection (the database was reopened) cannot be used.
    const QSqlDatabase db = m_database.database();
    if (m_preparedFor == db.connectionName() && !m_preparedFor.isEmpty())
        return true;
    m_ids.clear();
    static const Statement statements[] = {
        {&HistoryWriter::m_selectRelease,
         "SELECT id, outcome, partially_observed, first_observed_at FROM releases"
         " WHERE environment = ? AND workload_uid = ? AND revision = ?"},
        {&HistoryWriter::m_insertRelease,
         "INSERT INTO releases (environment, workload_uid, revision, namespace, workload, kind,"
         " strategy, pod_hash, images, step_count, started_at, ended_at, outcome,"
         " partially_observed, first_observed_at, workload_deleted_at)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
        // A deletion recorded earlier stays when a later summary does not know of it.
        {&HistoryWriter::m_updateRelease,
         "UPDATE releases SET namespace = ?, workload = ?, kind = ?, strategy = ?,"
         " pod_hash = ?, images = ?, step_count = ?, started_at = ?, ended_at = ?,"
         " outcome = ?, partially_observed = ?, first_observed_at = ?,"
         " workload_deleted_at = COALESCE(?, workload_deleted_at) WHERE id = ?"},
        {&HistoryWriter::m_updateStepTexts, "UPDATE releases SET step_texts = ? WHERE id = ?"},
        {&HistoryWriter::m_markDeleted,
         "UPDATE releases SET workload_deleted_at = ? WHERE environment = ? AND workload_uid = ?"},
        {&HistoryWriter::m_insertTransition,
         "INSERT INTO transitions (release_id, time, phase, step, desired_weight,"
         " actual_weight, paused, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"},
        // The partial unique index on audit_id makes a stored audit record a no-op.
        {&HistoryWriter::m_insertAction,
         "INSERT OR IGNORE INTO actions (release_id, time, action_name, source, user_name,"
         " result, message, audit_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"},
        {&HistoryWriter::m_upsertRun,
         "INSERT INTO analysis_runs (release_id, name, run_kind, phase, message, started_at,"
         " completed_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (release_id, name) DO UPDATE"
         " SET run_kind = excluded.run_kind, phase = excluded.phase,"
         " message = excluded.message, started_at = excluded.started_at,"
         " completed_at = excluded.completed_at"},
        // By hand rather than ON CONFLICT: a NULL started_at never conflicts in a UNIQUE
        // constraint, but "IS ?" matches it.
        {&HistoryWriter::m_updateMeasurement,
         "UPDATE measurements SET run_kind = ?, phase = ?, value = ?, message = ?,"
         " success_condition = ?, failure_condition = ?, finished_at = ?"
         " WHERE release_id = ? AND analysis_run = ? AND metric = ? AND started_at IS ?"},
        {&HistoryWriter::m_insertMeasurement,
         "INSERT INTO measurements (release_id, analysis_run, run_kind, metric, phase, value,"
         " message, success_condition, failure_condition, started_at, finished_at)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
        {&HistoryWriter::m_upsertEvent,
         "INSERT INTO events (release_id, uid, type, reason, message, object_kind,"
         " object_name, count, first_seen, last_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
         " ON CONFLICT (release_id, uid) DO UPDATE SET type = excluded.type,"
         " reason = excluded.reason, message = excluded.message,"
         " object_kind = excluded.object_kind, object_name = excluded.object_name,"
         " count = excluded.count, first_seen = excluded.first_seen,"
         " last_seen = excluded.last_seen"},
        // The unique (release, time, gate) index makes an evaluation written twice a no-op.
        {&HistoryWriter::m_insertGateEvaluation,
         "INSERT OR IGNORE INTO gate_evaluations (release_id, gate, source, outcome, value,"
         " worst_value, stable_value, bound, samples, window_ms, message, evaluated_at)"
         " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"},
        // A release keeps its latest safety nets only.
        {&HistoryWriter::m_upsertSafetyNets,
         "INSERT INTO release_safety_nets (release_id, read_at, safety_nets) VALUES (?, ?, ?)"
         " ON CONFLICT (release_id) DO UPDATE SET read_at = excluded.read_at,"
         " safety_nets = excluded.safety_nets"},
    };
    for (const Statement &statement : statements) {
        QSqlQuery &query = this->*statement.query;
        query = QSqlQuery(db);
        if (!query.prepare(QString::fromLatin1(statement.sql)))
            return fail(query);
    }
    m_preparedFor = db.connectionName();
    return true;
}

bool HistoryWriter::fail(const QSqlQuery &query)
{
    m_failure = query.lastError().text();
    return false;
}

bool HistoryWriter::write(const HistoryWrite &batch)
{
    m_errorMessage.clear();
    m_failure.clear();
    m_skippedRows = 0;
    if (!m_database.isOpen()) {
        m_errorMessage = tr("The release history is not open; the batch was not recorded.");
        return false;
    }
    if (!prepare()) {
        m_errorMessage = tr("The release history at %1 could not be prepared for writing (%2).")
                             .arg(QDir::toNativeSeparators(m_database.path()), m_failure);
        m_preparedFor.clear();
        return false;
    }
    m_insertedKeys.clear();
    HistoryConnection &connection = m_database.connection();
    // IMMEDIATE: the write lock is taken (or waited for) at the start, never halfway.
    bool ok = connection.exec(QStringLiteral("BEGIN IMMEDIATE"));
    if (!ok) {
        m_failure = connection.lastError().text();
    } else {
        ok = writeBatch(batch);
        if (ok && !connection.exec(QStringLiteral("COMMIT"))) {
            m_failure = connection.lastError().text();
            ok = false;
        }
        if (!ok)
            connection.exec(QStringLiteral("ROLLBACK"));
    }
    if (!ok) {
        for (const ReleaseKey &key : std::as_const(m_insertedKeys))
            m_ids.remove(key);
        m_skippedRows = 0;
        m_errorMessage = tr("The release history at %1 could not be updated (%2); the batch "
                            "was not recorded.")
                             .arg(QDir::toNativeSeparators(m_database.path()), m_failure);
    }
    m_insertedKeys.clear();
    return ok;
}

bool HistoryWriter::writeBatch(const HistoryWrite &batch)
{
    for (const ReleaseSummary &release : batch.releases) {
        if (!writeRelease(release))
            return false;
    }
    return writeRows(batch);
}

bool HistoryWriter::writeRelease(const ReleaseSummary &release)
{
    const ReleaseKey &key = release.key;
    if (!execWith(m_selectRelease,
                  {textValue(key.environment), textValue(key.workloadUid), key.revision}))
        return fail(m_selectRelease);
    if (!m_selectRelease.next()) {
        m_selectRelease.finish();
        const QVariantList values
            = QVariantList {textValue(key.environment), textValue(key.workloadUid), key.revision}
            + summaryValues(release);
        if (!execWith(m_insertRelease, values))
            return fail(m_insertRelease);
        m_ids.insert(key, m_insertRelease.lastInsertId().toLongLong());
        m_insertedKeys.append(key);
        return true;
    }
    const qint64 id = m_selectRelease.value(0).toLongLong();
    const QString storedOutcome = m_selectRelease.value(1).toString();
    const bool storedFinished = storedOutcome != releaseOutcomeName(ReleaseOutcome::InProgress);
    const bool storedPartial = m_selectRelease.value(2).toBool();
    const QDateTime storedFirstObserved = timeFrom(m_selectRelease.value(3));
    m_selectRelease.finish();
    m_ids.insert(key, id);
    // A catch-up after a restart sees a finished release only partly; what is stored was
    // seen better, so it stays and the write only adds rows. Unless it is live again (an
    // aborted release retried while nothing recorded): then the cluster's word is newer.
    const bool retried = storedOutcome == releaseOutcomeName(ReleaseOutcome::Aborted)
        && release.outcome == ReleaseOutcome::InProgress;
    if (storedFinished && release.partiallyObserved && !retried)
        return true;
    ReleaseSummary merged = release;
    merged.partiallyObserved = release.partiallyObserved || storedPartial;
    merged.firstObservedAt = earliest(storedFirstObserved, release.firstObservedAt);
    return updateRelease(merged, id);
}

bool HistoryWriter::updateRelease(const ReleaseSummary &release, qint64 id)
{
    const QVariantList values = summaryValues(release) + QVariantList {id};
    return execWith(m_updateRelease, values) || fail(m_updateRelease);
}

bool HistoryWriter::releaseId(const ReleaseKey &key, qint64 *id)
{
    const auto cached = m_ids.constFind(key);
    if (cached != m_ids.cend()) {
        *id = cached.value();
        return true;
    }
    if (!execWith(m_selectRelease,
                  {textValue(key.environment), textValue(key.workloadUid), key.revision}))
        return fail(m_selectRelease);
    *id = m_selectRelease.next() ? m_selectRelease.value(0).toLongLong() : 0;
    m_selectRelease.finish();
    if (*id != 0)
        m_ids.insert(key, *id);
    return true;
}

bool HistoryWriter::rowRelease(const ReleaseKey &key, qint64 *id)
{
    if (!releaseId(key, id))
        return false;
    if (*id == 0)
        ++m_skippedRows;
    return true;
}

int HistoryWriter::prune(int retentionDays, qint64 maxBytes, const QDateTime &now)
{
    m_errorMessage.clear();
    if (!m_database.isOpen()) {
        m_errorMessage = tr("The release history is not open.");
        return -1;
    }
    QString error;
    const int removed
        = HistoryRetention::prune(m_database.connection(), retentionDays, maxBytes, now, &error);
    // Deleted releases take their ids with them; a later write looks ids up afresh.
    m_ids.clear();
    if (removed < 0) {
        m_errorMessage = tr("Old releases could not be removed from the release history at %1 "
                            "(%2).")
                             .arg(QDir::toNativeSeparators(m_database.path()), error);
    }
    return removed;
}
