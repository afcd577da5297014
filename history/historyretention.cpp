// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyretention.h"
#include "historyconnection.h"
#include "historysql.h"

#include <QSqlQuery>

namespace {

// Ended, and a release of the same workload started later (or at the same time and was
// stored later): such a release may go. The EXISTS uses releases_by_workload.
const QString removable = QStringLiteral(
    "r.outcome <> 'in-progress' AND r.ended_at IS NOT NULL AND EXISTS (SELECT 1 FROM releases n"
    " WHERE n.environment = r.environment AND n.namespace = r.namespace"
    " AND n.workload = r.workload AND (IFNULL(n.started_at, -1) > IFNULL(r.started_at, -1)"
    " OR (IFNULL(n.started_at, -1) = IFNULL(r.started_at, -1) AND n.id > r.id)))");

// Releases removed per round while the file is too large: small enough not to overshoot the
// limit by much, large enough that a big prune is not one statement per release.
constexpr int sizeRoundLimit = 50;

int deleteExpired(HistoryConnection &connection, const QDateTime &cutoff, QString *error)
{
    QSqlQuery query(connection.database());
    query.prepare(QStringLiteral("DELETE FROM releases WHERE id IN (SELECT r.id FROM releases r"
                                 " WHERE r.ended_at < ? AND ")
                  + removable + QLatin1Char(')'));
    if (!HistorySql::execWith(query, {cutoff.toMSecsSinceEpoch()})) {
        *error = query.lastError().text();
        return -1;
    }
    return query.numRowsAffected();
}

int deleteOldestWhileAbove(HistoryConnection &connection, qint64 maxBytes, QString *error)
{
    QSqlQuery query(connection.database());
    query.prepare(QStringLiteral("DELETE FROM releases WHERE id IN (SELECT r.id FROM releases r"
                                 " WHERE ")
                  + removable + QStringLiteral(" ORDER BY r.ended_at, r.id LIMIT ?)"));
    int removed = 0;
    for (;;) {
        const qint64 bytes = HistoryRetention::liveBytes(connection);
        if (bytes < 0) {
            *error = connection.lastError().text();
            return -1;
        }
        if (bytes <= maxBytes)
            return removed;
        if (!HistorySql::execWith(query, {sizeRoundLimit})) {
            *error = query.lastError().text();
            return -1;
        }
        if (query.numRowsAffected() <= 0)
            return removed; // only releases that must stay are left
        removed += query.numRowsAffected();
    }
}

int deleteReleases(HistoryConnection &connection, int retentionDays, qint64 maxBytes,
                   const QDateTime &now, QString *error)
{
    int removed = 0;
    if (retentionDays > 0) {
        const int expired = deleteExpired(connection, now.addDays(-retentionDays), error);
        if (expired < 0)
            return -1;
        removed += expired;
    }
    if (maxBytes > 0) {
        const int oldest = deleteOldestWhileAbove(connection, maxBytes, error);
        if (oldest < 0)
            return -1;
        removed += oldest;
    }
    return removed;
}

// Freed pages sit on the free list until given back. incremental_vacuum frees one page per
// step and Qt steps a statement without result columns once, so it runs once per free page.
// A file made before auto_vacuum was set (none of ours) has no incremental mode and keeps
// its free pages for reuse instead.
bool giveBackFreePages(HistoryConnection &connection, QString *error)
{
    if (connection.value(QStringLiteral("PRAGMA auto_vacuum")).toInt() != 2)
        return true;
    const qint64 freePages = connection.value(QStringLiteral("PRAGMA freelist_count")).toLongLong();
    QSqlQuery vacuum(connection.database());
    bool ok = vacuum.prepare(QStringLiteral("PRAGMA incremental_vacuum"));
    for (qint64 i = 0; ok && i < freePages; ++i)
        ok = vacuum.exec();
    if (!ok)
        *error = vacuum.lastError().text();
    return ok;
}

} // namespace

namespace HistoryRetention {

qint64 liveBytes(HistoryConnection &connection)
{
    const QVariant pages = connection.value(QStringLiteral("PRAGMA page_count"));
    const QVariant free = connection.value(QStringLiteral("PRAGMA freelist_count"));
    const QVariant pageSize = connection.value(QStringLiteral("PRAGMA page_size"));
    if (!pages.isValid() || !free.isValid() || !pageSize.isValid())
        return -1;
    return (pages.toLongLong() - free.toLongLong()) * pageSize.toLongLong();
}

int prune(HistoryConnection &connection, int retentionDays, qint64 maxBytes, const QDateTime &now,
          QString *error)
{
    if (!connection.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        *error = connection.lastError().text();
        return -1;
    }
    int removed = deleteReleases(connection, retentionDays, maxBytes, now, error);
    if (removed > 0 && !giveBackFreePages(connection, error))
        removed = -1;
    if (removed < 0 || !connection.exec(QStringLiteral("COMMIT"))) {
        if (removed >= 0)
            *error = connection.lastError().text();
        connection.exec(QStringLiteral("ROLLBACK"));
        return -1;
    }
    if (removed == 0)
        return 0;
    // The deletes went to the WAL; a checkpoint moves them into the file and TRUNCATE gives
    // the WAL's space back. A reader in the middle of a read lets it finish later: not an
    // error.
    connection.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
    return removed;
}

} // namespace HistoryRetention
