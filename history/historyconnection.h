// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>
#include <QSqlError>
#include <QString>

class QThread;

// One QSQLITE connection under a name of its own, removed with the object.
//
// QSqlDatabase connections belong to the thread that added them (Qt refuses them to other
// threads), so a HistoryConnection is used only on the thread that opened it; database()
// asserts that. Every QSqlQuery made on it must be gone before close() or the destructor,
// or Qt warns that the connection is still in use and the queries stop working.
class HistoryConnection
{
public:
    HistoryConnection() = default;
    ~HistoryConnection();
    HistoryConnection(const HistoryConnection &) = delete;
    HistoryConnection &operator=(const HistoryConnection &) = delete;

    // Opens the file (SQLite creates it when missing) and sets the connection's pragmas:
    // busy_timeout and foreign_keys (both per connection, so every connection needs them).
    bool open(const QString &path, int busyTimeoutMSecs);
    void close();
    bool isOpen() const { return !m_name.isEmpty(); }

    QSqlDatabase database() const;
    QSqlError lastError() const { return m_lastError; }

    // Runs one statement; false with lastError() set when it fails.
    bool exec(const QString &sql);
    // The first column of the first row of a statement (a PRAGMA's answer); an invalid
    // QVariant with lastError() set when it fails.
    QVariant value(const QString &sql);

private:
    QString m_name;
    QThread *m_thread = nullptr;
    QSqlError m_lastError;
};
