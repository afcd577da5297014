// SPDX-License-Identifier: GPL-3.0-or-later
#include "historydatabase.h"
#include "historyschema.h"
#include "historysql.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlQuery>
#include <QStringList>
#include <QtDebug>

using HistorySql::Failure;

bool HistoryDatabase::open(const QString &path)
{
    close();
    m_errorMessage.clear();
    m_notice.clear();
    m_path = QFileInfo(path).absoluteFilePath();
    const QString folder = QFileInfo(m_path).absolutePath();
    if (!QDir().mkpath(folder)) {
        m_errorMessage = tr("The folder %1 for the release history could not be created; no "
                            "history is recorded.")
                             .arg(QDir::toNativeSeparators(folder));
        return false;
    }
    const Outcome first = openFile();
    if (first != Outcome::Corrupt)
        return first == Outcome::Ready;

    qWarning("release history %s is damaged: %s", qPrintable(nativePath()),
             qPrintable(m_corruptDetail));
    m_connection.close();
    QString movedTo;
    if (!moveAside(&movedTo))
        return false;
    const Outcome second = openFile();
    if (second != Outcome::Ready) {
        const QString reason = second == Outcome::Corrupt ? m_corruptDetail : m_errorMessage;
        m_errorMessage = tr("The release history at %1 was damaged and was moved to %2, but a "
                            "new history could not be started: %3")
                             .arg(nativePath(), QDir::toNativeSeparators(movedTo), reason);
        m_connection.close();
        return false;
    }
    m_notice = tr("The release history at %1 was damaged and was moved to %2; a new history "
                  "was started.")
                   .arg(nativePath(), QDir::toNativeSeparators(movedTo));
    return true;
}

void HistoryDatabase::close()
{
    m_connection.close();
}

HistoryDatabase::Outcome HistoryDatabase::openFile()
{
    m_errorMessage.clear();
    m_corruptDetail.clear();
    if (!m_connection.open(m_path, m_busyTimeoutMSecs))
        return failed(m_connection.lastError());
    const Outcome prepared = prepareFile();
    return prepared == Outcome::Ready ? setUpSchema() : prepared;
}

HistoryDatabase::Outcome HistoryDatabase::prepareFile()
{
    // The version is read before anything writes to the file, so a newer version's file is
    // left exactly as it was (even its journal mode). Reading it is also the first access
    // to the file: a file that is not a database fails here.
    const QVariant version = m_connection.value(QStringLiteral("PRAGMA user_version"));
    if (!version.isValid())
        return failed(m_connection.lastError());
    if (version.toInt() > historySchemaVersion)
        return refuseNewer(version.toInt());
    // Only for an empty file, the one time it takes effect: new files give freed pages back
    // to the file system through incremental_vacuum (prune) without a full VACUUM. On an
    // existing file the pragma would write to it, even to a damaged one about to be moved.
    const QVariant pages = m_connection.value(QStringLiteral("PRAGMA page_count"));
    if (!pages.isValid())
        return failed(m_connection.lastError());
    if (pages.toLongLong() == 0
        && !m_connection.exec(QStringLiteral("PRAGMA auto_vacuum = INCREMENTAL")))
        return failed(m_connection.lastError());
    const QVariant mode = m_connection.value(QStringLiteral("PRAGMA journal_mode = WAL"));
    if (!mode.isValid())
        return failed(m_connection.lastError());
    if (mode.toString().compare(QLatin1String("wal"), Qt::CaseInsensitive) != 0) {
        m_errorMessage = tr("The release history at %1 cannot use write-ahead logging (journal "
                            "mode %2); no history is recorded.")
                             .arg(nativePath(), mode.toString());
        m_connection.close();
        return Outcome::Failed;
    }
    if (!m_connection.exec(QStringLiteral("PRAGMA synchronous = NORMAL")))
        return failed(m_connection.lastError());

    QSqlQuery check(m_connection.database());
    if (!check.exec(QStringLiteral("PRAGMA quick_check(10)")))
        return failed(check.lastError());
    QStringList problems;
    while (check.next())
        problems.append(check.value(0).toString());
    if (problems != QStringList {QStringLiteral("ok")})
        return corrupt(problems.join(QLatin1String("; ")));
    return Outcome::Ready;
}

HistoryDatabase::Outcome HistoryDatabase::setUpSchema()
{
    // IMMEDIATE takes the write lock first: two processes opening a new file at once create
    // the schema once (the second then reads the first's version), and a file another
    // process holds locked is found here rather than at the first write.
    if (!m_connection.exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failed(m_connection.lastError());
    const QVariant version = m_connection.value(QStringLiteral("PRAGMA user_version"));
    if (!version.isValid())
        return failed(m_connection.lastError());
    // Another process may have written the file between the first read and the lock.
    if (version.toInt() > historySchemaVersion)
        return refuseNewer(version.toInt());
    QString error;
    if (!HistorySchema::migrate(m_connection, version.toInt(), &error)) {
        // A statement of our own schema failing on this file ("table already exists") means
        // the file holds something else; a lock, a full disk or permissions are not damage.
        const Failure failure = HistorySql::failureOf(m_connection.lastError());
        if (failure != Failure::Other && failure != Failure::Corrupt)
            return failed(m_connection.lastError());
        return corrupt(error);
    }
    if (!HistorySchema::verify(m_connection, &error))
        return corrupt(error);
    if (!m_connection.exec(QStringLiteral("COMMIT")))
        return failed(m_connection.lastError());
    return Outcome::Ready;
}

HistoryDatabase::Outcome HistoryDatabase::failed(const QSqlError &error)
{
    const QString detail = error.databaseText().isEmpty() ? error.text() : error.databaseText();
    switch (HistorySql::failureOf(error)) {
    case Failure::Corrupt:
        return corrupt(detail);
    case Failure::Busy:
        m_errorMessage = tr("The release history at %1 is locked by another program; no history "
                            "is recorded.")
                             .arg(nativePath());
        break;
    case Failure::CannotOpen:
        m_errorMessage = tr("The release history at %1 cannot be opened (%2); no history is "
                            "recorded.")
                             .arg(nativePath(), detail);
        break;
    case Failure::ReadOnly:
        m_errorMessage = tr("The release history at %1 cannot be written (%2); no history is "
                            "recorded.")
                             .arg(nativePath(), detail);
        break;
    case Failure::DiskFull:
        m_errorMessage = tr("The disk holding the release history at %1 is full; no history is "
                            "recorded.")
                             .arg(nativePath());
        break;
    case Failure::Other:
        m_errorMessage = tr("The release history at %1 cannot be used (%2); no history is "
                            "recorded.")
                             .arg(nativePath(), detail);
        break;
    }
    m_connection.close();
    return Outcome::Failed;
}

HistoryDatabase::Outcome HistoryDatabase::refuseNewer(int version)
{
    m_errorMessage = tr("The release history at %1 was written by a newer version of Release "
                        "Dashboard (schema %2; this version knows schema %3 and older). It was "
                        "left unchanged and no history is recorded.")
                         .arg(nativePath())
                         .arg(version)
                         .arg(historySchemaVersion);
    m_connection.close();
    return Outcome::Failed;
}

HistoryDatabase::Outcome HistoryDatabase::corrupt(const QString &detail)
{
    m_corruptDetail = detail;
    m_connection.close();
    return Outcome::Corrupt;
}

bool HistoryDatabase::moveAside(QString *movedTo)
{
    const QString base = m_path + QStringLiteral(".corrupt-")
        + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"));
    QString target = base;
    // Two damaged files within a second must not overwrite the first one kept.
    for (int n = 2; QFile::exists(target) || QFile::exists(target + QStringLiteral("-wal")); ++n)
        target = base + QLatin1Char('-') + QString::number(n);

    QFile file(m_path);
    if (!file.rename(target)) {
        m_errorMessage = tr("The release history at %1 is damaged and could not be moved aside "
                            "(%2); no history is recorded.")
                             .arg(nativePath(), file.errorString());
        return false;
    }
    // The -wal goes with it: left next to the new file, SQLite would replay its frames
    // into the new history.
    for (const QLatin1String suffix : {QLatin1String("-wal"), QLatin1String("-shm")}) {
        QFile companion(m_path + suffix);
        if (companion.exists() && !companion.rename(target + suffix) && !companion.remove()) {
            m_errorMessage
                = tr("The release history at %1 was damaged and was moved to %2, but "
                     "%3 could not be moved (%4); no history is recorded.")
                      .arg(nativePath(), QDir::toNativeSeparators(target),
                           QDir::toNativeSeparators(companion.fileName()), companion.errorString());
            return false;
        }
    }
    *movedTo = target;
    return true;
}

QString HistoryDatabase::nativePath() const
{
    return QDir::toNativeSeparators(m_path);
}
