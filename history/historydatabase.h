// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historyconnection.h"

#include <QCoreApplication>
#include <QSqlDatabase>
#include <QString>

// The release history's SQLite file (Qt SQL, QSQLITE), opened for writing.
//
// open() makes the file ready or says precisely why it cannot be: it creates the folder, sets
// WAL (readers on other connections and threads go on reading while the recorder writes),
// synchronous=NORMAL (a commit survives a crash of the process; WAL keeps the file
// consistent after a power loss), foreign keys and a busy timeout, runs PRAGMA quick_check,
// creates the schema of an empty file and migrates an older one step by step.
// - A file written by a newer version is refused and left as it is.
// - A damaged file (not a database, quick_check fails, a schema that is not ours) is moved
//   aside with its -wal and -shm to "<name>.corrupt-<yyyyMMdd-HHmmss>" and a new history is
//   started; notice() says so. Nothing else ever moves a file.
// - A file another process keeps locked past the busy timeout, or one that cannot be opened
//   or written, fails the open with errorMessage(); the app then records no history.
//
// Threads: a QSqlDatabase connection belongs to the thread that opened it, so the object is
// used on that thread only (asserted). Readers on other threads open their own connection
// (HistoryReader).
class HistoryDatabase
{
    Q_DECLARE_TR_FUNCTIONS(HistoryDatabase)

public:
    static constexpr int defaultBusyTimeoutMSecs = 2000;

    HistoryDatabase() = default;
    ~HistoryDatabase() = default;
    HistoryDatabase(const HistoryDatabase &) = delete;
    HistoryDatabase &operator=(const HistoryDatabase &) = delete;

    // How long a statement waits for another connection's lock; set before open().
    void setBusyTimeout(int msecs) { m_busyTimeoutMSecs = msecs; }
    int busyTimeout() const { return m_busyTimeoutMSecs; }

    bool open(const QString &path);
    void close();
    bool isOpen() const { return m_connection.isOpen(); }
    QString path() const { return m_path; }

    // Why the last open() failed (translated); empty after a successful one.
    QString errorMessage() const { return m_errorMessage; }
    // What a successful open() did that the user should know (a damaged file moved aside);
    // usually empty.
    QString notice() const { return m_notice; }

    // The connection, for HistoryWriter on the same thread.
    HistoryConnection &connection() { return m_connection; }
    QSqlDatabase database() const { return m_connection.database(); }

private:
    enum class Outcome { Ready, Corrupt, Failed };
    Outcome openFile();
    Outcome prepareFile();
    Outcome setUpSchema();
    Outcome failed(const QSqlError &error);
    Outcome refuseNewer(int version);
    Outcome corrupt(const QString &detail);
    bool moveAside(QString *movedTo);
    QString nativePath() const;

    HistoryConnection m_connection;
    QString m_path;
    QString m_errorMessage;
    QString m_notice;
    QString m_corruptDetail;
    int m_busyTimeoutMSecs = defaultBusyTimeoutMSecs;
};
