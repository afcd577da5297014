// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historyconnection.h"
#include "releaserecord.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QSqlQuery;

// Reads the release history on a connection of its own, so it can run on any thread (the
// thread that calls open(), asserted like HistoryDatabase) while the recorder writes on
// another: WAL lets readers go on during a write, and each call reads one consistent
// snapshot. The connection is query-only. The file is made and migrated by HistoryDatabase;
// the reader opens a file at the current schema version or an older one not migrated yet
// (`history` and `report` before the window first ran after an update), which reads as
// without what the newer versions add (gate evaluations before version 2).
class HistoryReader
{
    Q_DECLARE_TR_FUNCTIONS(HistoryReader)

public:
    HistoryReader() = default;
    ~HistoryReader() = default;
    HistoryReader(const HistoryReader &) = delete;
    HistoryReader &operator=(const HistoryReader &) = delete;

    bool open(const QString &path, int busyTimeoutMSecs = 2000);
    void close() { m_connection.close(); }
    bool isOpen() const { return m_connection.isOpen(); }
    // Why the last call failed (translated); empty after a success, so an empty list or a
    // std::nullopt with an empty message means "none" rather than "could not read".
    QString errorMessage() const { return m_errorMessage; }

    // Newest start first (then newest stored), at most filter.limit (none when <= 0).
    QList<ReleaseSummary> releases(const ReleaseFilter &filter) const;
    std::optional<ReleaseSummary> release(qint64 releaseId) const;
    // The release with every recorded row, each kind in time order; nullopt when not stored.
    std::optional<ReleaseTimeline> timeline(qint64 releaseId) const;
    // For "compare with previous": the release of the same environment, namespace and
    // workload that started last before this one; nullopt when there is none.
    std::optional<ReleaseSummary> previousRelease(const ReleaseSummary &release) const;

    // For the filter combo boxes, sorted.
    QStringList environments() const;
    QStringList namespaces(const QString &environment = QString()) const;

private:
    bool readRows(ReleaseTimeline *timeline) const;
    bool failed(const QSqlQuery &query) const;
    QStringList strings(const QString &sql, const QVariantList &values) const;

    // Reading changes no state the caller sees, but the connection's statements and the
    // last error do: mutable keeps the read functions const for the views that hold one.
    mutable HistoryConnection m_connection;
    mutable QString m_errorMessage;
    QString m_path;
    int m_version = 0; // the file's schema version, once open
};
