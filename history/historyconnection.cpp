// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyconnection.h"

#include <QSqlQuery>
#include <QThread>

#include <atomic>

namespace {
// Connection names are global to the process: a counter keeps two databases (the writer's
// and a reader's, or two tests') from ever sharing one.
std::atomic<quint64> connectionCounter {0};
} // namespace

HistoryConnection::~HistoryConnection()
{
    close();
}

bool HistoryConnection::open(const QString &path, int busyTimeoutMSecs)
{
    close();
    m_name = QStringLiteral("rd-history-%1").arg(++connectionCounter);
    m_thread = QThread::currentThread();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_name);
        db.setDatabaseName(path);
        if (!db.open()) {
            m_lastError = db.lastError();
            db = QSqlDatabase();
            close();
            return false;
        }
    }
    // The driver's own default timeout is 5 s; the pragma makes ours the one that counts.
    if (!exec(QStringLiteral("PRAGMA busy_timeout = %1").arg(busyTimeoutMSecs))
        || !exec(QStringLiteral("PRAGMA foreign_keys = ON"))) {
        close();
        return false;
    }
    return true;
}

void HistoryConnection::close()
{
    if (m_name.isEmpty())
        return;
    Q_ASSERT_X(m_thread == QThread::currentThread(), "HistoryConnection",
               "a history connection is closed on the thread that opened it");
    {
        QSqlDatabase db = QSqlDatabase::database(m_name, false);
        db.close();
    }
    QSqlDatabase::removeDatabase(m_name);
    m_name.clear();
    m_thread = nullptr;
}

QSqlDatabase HistoryConnection::database() const
{
    Q_ASSERT_X(m_thread == QThread::currentThread(), "HistoryConnection",
               "a history connection is used only on the thread that opened it");
    return QSqlDatabase::database(m_name, false);
}

bool HistoryConnection::exec(const QString &sql)
{
    QSqlQuery query(database());
    if (query.exec(sql))
        return true;
    m_lastError = query.lastError();
    return false;
}

QVariant HistoryConnection::value(const QString &sql)
{
    QSqlQuery query(database());
    if (!query.exec(sql)) {
        m_lastError = query.lastError();
        return QVariant();
    }
    if (!query.next()) {
        m_lastError = query.lastError().isValid()
            ? query.lastError()
            : QSqlError(QString(), QStringLiteral("no result"), QSqlError::StatementError);
        return QVariant();
    }
    return query.value(0);
}
