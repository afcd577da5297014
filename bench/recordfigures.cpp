// SPDX-License-Identifier: GPL-3.0-or-later
#include "recordfigures.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <unistd.h>

qint64 fileBytes(const QString &path)
{
    const QFileInfo info(path);
    return info.exists() ? info.size() : 0;
}

double threadCpuSeconds(const QString &threadName)
{
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (!comm.open(QIODevice::ReadOnly) || comm.readAll().trimmed() != threadName.toUtf8())
            continue;
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            return 0;
        const QByteArray line = stat.readAll();
        // The fields after the name (which may hold spaces) start after its ')': utime and
        // stime are the 12th and 13th of them.
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        if (fields.size() < 13)
            return 0;
        const double ticks = double(fields.at(11).toLongLong() + fields.at(12).toLongLong());
        return ticks / double(sysconf(_SC_CLK_TCK));
    }
    return 0;
}

namespace {

qint64 scalar(QSqlDatabase &db, const QString &sql)
{
    QSqlQuery query(db);
    return query.exec(sql) && query.next() ? query.value(0).toLongLong() : -1;
}

} // namespace

DatabaseFigures databaseFigures(const QString &path)
{
    DatabaseFigures f;
    f.walBytes = fileBytes(path + QStringLiteral("-wal"));
    f.fileBytes = fileBytes(path) + f.walBytes;
    const QString name = QUuid::createUuid().toString();
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
        db.setDatabaseName(path);
        db.setConnectOptions(QStringLiteral("QSQLITE_OPEN_READONLY;QSQLITE_BUSY_TIMEOUT=5000"));
        if (db.open()) {
            f.releases = scalar(db, QStringLiteral("SELECT count(*) FROM releases"));
            f.stormReleases
                = scalar(db, QStringLiteral("SELECT count(*) FROM releases WHERE revision > 3"));
            f.transitions = scalar(db, QStringLiteral("SELECT count(*) FROM transitions"));
            f.actions = scalar(db, QStringLiteral("SELECT count(*) FROM actions"));
            f.analysisRuns = scalar(db, QStringLiteral("SELECT count(*) FROM analysis_runs"));
            f.measurements = scalar(db, QStringLiteral("SELECT count(*) FROM measurements"));
            f.events = scalar(db, QStringLiteral("SELECT count(*) FROM events"));
            f.usedBytes = (scalar(db, QStringLiteral("PRAGMA page_count"))
                           - scalar(db, QStringLiteral("PRAGMA freelist_count")))
                * scalar(db, QStringLiteral("PRAGMA page_size"));
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(name);
    return f;
}

QString describe(const DatabaseFigures &f)
{
    return QStringLiteral("%1 releases (%2 of the storm), %3 transitions, %4 actions, "
                          "%5 analysis runs, %6 measurements, %7 events; %8 MB in use, "
                          "file %9 MB with -wal (%10 MB)")
        .arg(f.releases)
        .arg(f.stormReleases)
        .arg(f.transitions)
        .arg(f.actions)
        .arg(f.analysisRuns)
        .arg(f.measurements)
        .arg(f.events)
        .arg(f.usedBytes / 1e6, 0, 'f', 2)
        .arg(f.fileBytes / 1e6, 0, 'f', 2)
        .arg(f.walBytes / 1e6, 0, 'f', 2);
}

void StallSummary::add(const StallMeter::Result &stall, double eventsPerSecond)
{
    maxMs = std::max(maxMs, stall.maxGapMs);
    p99Ms = std::max(p99Ms, stall.p99GapMs);
    medianMs = std::max(medianMs, stall.medianGapMs);
    eventsSum += eventsPerSecond;
    ++sessions;
}

void StorageSummary::add(const DatabaseFigures &before, const DatabaseFigures &after,
                         qint64 written, double cpu, int secs)
{
    grownBytes += after.usedBytes - before.usedBytes;
    newReleases += after.stormReleases - before.stormReleases;
    newRows += after.rows() - before.rows();
    writtenRows += written;
    cpuSeconds += cpu;
    seconds += secs;
}

double StorageSummary::bytesPerRelease() const
{
    return newReleases > 0 ? double(grownBytes) / double(newReleases) : 0;
}

double StorageSummary::rowsPerRelease() const
{
    return newReleases > 0 ? double(newRows) / double(newReleases) : 0;
}

QString StorageSummary::describe() const
{
    return QStringLiteral("%1 begun while measured, the database grew %2 MB: %3 bytes and %4 "
                          "rows per release; %5 rows written (%6/s, %7 per recorder CPU second)")
        .arg(newReleases)
        .arg(grownBytes / 1e6, 0, 'f', 2)
        .arg(bytesPerRelease(), 0, 'f', 0)
        .arg(rowsPerRelease(), 0, 'f', 1)
        .arg(writtenRows)
        .arg(rowsPerSecond(), 0, 'f', 0)
        .arg(rowsPerCpuSecond(), 0, 'f', 0);
}
