// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryDatabase: the schema and pragmas of a new file, and what happens to a file written
// by a newer version, a damaged one and one another process keeps locked. The lock is held by
// this executable run again as a child ("--hold-lock"), so it is a real second process.
#include "historydatabase.h"
#include "historyreader.h"
#include "historysamples.h"
#include "historyschema.h"
#include "historywriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using namespace HistorySamples;

namespace {

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(data), data.size());
}

// The files moved aside next to `path` (not their -wal and -shm).
QStringList movedAside(const QString &path)
{
    const QFileInfo info(path);
    const QRegularExpression name(QRegularExpression::escape(info.fileName())
                                  + QStringLiteral("\\.corrupt-\\d{8}-\\d{6}(-\\d+)?$"));
    QStringList result;
    for (const QString &entry : info.dir().entryList(QDir::Files)) {
        if (name.match(entry).hasMatch())
            result.append(info.dir().filePath(entry));
    }
    return result;
}

QString damagedNotice(const QString &path, const QString &movedTo)
{
    return QStringLiteral("The release history at %1 was damaged and was moved to %2; a new "
                          "history was started.")
        .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(movedTo));
}

// The child: takes the lock `mode` asks for, says "locked", and keeps it until its standard
// input closes.
int holdLock(const QString &path, const QString &mode)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("h"));
    db.setDatabaseName(path);
    if (!db.open())
        return 2;
    QSqlQuery q(db);
    if (mode == QLatin1String("rollback")) {
        // A rollback-journal file: an EXCLUSIVE transaction shuts out readers too.
        if (!q.exec(QStringLiteral("PRAGMA journal_mode = DELETE"))
            || !q.exec(QStringLiteral("CREATE TABLE holder (x)")))
            return 3;
    }
    // In WAL mode EXCLUSIVE holds the write lock: readers go on, writers wait.
    if (!q.exec(QStringLiteral("BEGIN EXCLUSIVE"))
        || !q.exec(QStringLiteral("CREATE TABLE held (x)")))
        return 4;
    std::fputs("locked\n", stdout);
    std::fflush(stdout);
    while (std::fgetc(stdin) != EOF) { }
    q.exec(QStringLiteral("ROLLBACK"));
    return 0;
}

} // namespace

class TestHistoryDatabase : public QObject
{
    Q_OBJECT

private slots:
    void newFileGetsSchemaAndPragmas()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("state/sub/history.sqlite"));
        HistoryDatabase db;
        QVERIFY2(db.open(path), qPrintable(db.errorMessage()));
        QVERIFY(db.isOpen());
        QVERIFY(db.errorMessage().isEmpty());
        QVERIFY(db.notice().isEmpty());
        QVERIFY(QFileInfo::exists(path));

        // The connection's own pragmas, asked on the connection under test.
        QSqlQuery q(db.database());
        const auto pragma = [&q](const char *name) {
            q.exec(QStringLiteral("PRAGMA %1").arg(QLatin1String(name)));
            return q.next() ? q.value(0) : QVariant();
        };
        QCOMPARE(pragma("journal_mode").toString(), QStringLiteral("wal"));
        QCOMPARE(pragma("synchronous").toInt(), 1); // NORMAL
        QCOMPARE(pragma("foreign_keys").toInt(), 1);
        QCOMPARE(pragma("busy_timeout").toInt(), 2000);
        QCOMPARE(pragma("auto_vacuum").toInt(), 2); // INCREMENTAL
        QCOMPARE(pragma("user_version").toInt(), historySchemaVersion);
        q.finish();

        RawConnection raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA journal_mode")).toString(),
                 QStringLiteral("wal"));
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 3);
        const QStringList tables = raw.column(
            QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
        QCOMPARE(tables,
                 QStringList({"actions", "analysis_runs", "events", "gate_evaluations",
                              "measurements", "release_safety_nets", "releases", "transitions"}));
        const QStringList indexes
            = raw.column(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'index' AND "
                                        "sql IS NOT NULL ORDER BY name"));
        QCOMPARE(indexes,
                 QStringList({"actions_by_audit_id", "actions_by_release",
                              "gate_evaluations_by_release", "releases_by_end", "releases_by_start",
                              "releases_by_workload", "transitions_by_release"}));
        // The Releases view's per-workload query reads the index in order: no scan, no sort.
        const QStringList plan = raw.column(
            QStringLiteral("EXPLAIN QUERY PLAN SELECT id FROM releases WHERE environment = 'a' "
                           "AND namespace = 'b' AND workload = 'c' ORDER BY started_at DESC"),
            3);
        QCOMPARE(plan.size(), 1);
        QVERIFY2(plan.first().contains(QLatin1String("INDEX releases_by_workload")),
                 qPrintable(plan.first()));
    }

    void reopenKeepsTheHistory()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        const ReleaseSummary r = release(QStringLiteral("prod"), QStringLiteral("u1"), 3, at(0));
        {
            HistoryDatabase db;
            QVERIFY(db.open(path));
            HistoryWriter writer(db);
            QVERIFY2(writer.write(fullWrite(r)), qPrintable(writer.errorMessage()));
        }
        HistoryDatabase again;
        QVERIFY2(again.open(path), qPrintable(again.errorMessage()));
        QVERIFY(again.notice().isEmpty());
        HistoryReader reader;
        QVERIFY2(reader.open(path), qPrintable(reader.errorMessage()));
        const QList<ReleaseSummary> stored = reader.releases({});
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored.first().key, r.key);
    }

    void newerVersionIsRefusedAndLeftAlone()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            RawConnection raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE future (x)")));
            QVERIFY(
                raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(historySchemaVersion + 1)));
        }
        const QByteArray before = readFile(path);
        QVERIFY(!before.isEmpty());

        HistoryDatabase db;
        QVERIFY(!db.open(path));
        QVERIFY(!db.isOpen());
        QCOMPARE(db.errorMessage(),
                 QStringLiteral("The release history at %1 was written by a newer version of "
                                "Release Dashboard (schema 4; this version knows schema 3 and "
                                "older). It was left unchanged and no history is recorded.")
                     .arg(QDir::toNativeSeparators(path)));
        QVERIFY(db.notice().isEmpty());
        QCOMPARE(readFile(path), before); // not migrated, not even its journal mode
        QVERIFY(movedAside(path).isEmpty());
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
    }

    void garbageIsMovedAsideAndANewHistoryStarts()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        const QByteArray garbage = QByteArray("this is not a database\n").repeated(3000);
        writeFile(path, garbage);
        // A stale WAL beside it must not be replayed into the new file.
        const QByteArray staleWal = QByteArray("stale wal frames").repeated(100);
        writeFile(path + QStringLiteral("-wal"), staleWal);

        HistoryDatabase db;
        QVERIFY2(db.open(path), qPrintable(db.errorMessage()));
        const QStringList moved = movedAside(path);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(db.notice(), damagedNotice(path, moved.first()));
        QVERIFY(db.errorMessage().isEmpty());
        QCOMPARE(readFile(moved.first()), garbage);
        // SQLite found no valid frame in it and dropped it when the damaged file was closed
        // (valid frames would have been checkpointed into the file moved aside); either
        // way nothing of it may reach the new history.
        QVERIFY(!readFile(path + QStringLiteral("-wal")).contains("stale wal frames"));

        // The new history works.
        HistoryWriter writer(db);
        const ReleaseSummary r = release(QStringLiteral("prod"), QStringLiteral("u1"), 1, at(0));
        QVERIFY2(writer.write(fullWrite(r)), qPrintable(writer.errorMessage()));
        HistoryReader reader;
        QVERIFY(reader.open(path));
        QCOMPARE(reader.releases({}).size(), 1);
    }

    void damagedPagesAreMovedAside()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            HistoryDatabase db;
            QVERIFY(db.open(path));
            HistoryWriter writer(db);
            HistoryWrite w;
            for (int i = 0; i < 400; ++i)
                w.append(fullWrite(
                    release(QStringLiteral("prod"), QStringLiteral("u%1").arg(i), 1, at(i))));
            QVERIFY(writer.write(w));
        }
        // The last connection closed: the WAL is checkpointed into the file and removed.
        QVERIFY(!QFileInfo::exists(path + QStringLiteral("-wal")));
        QByteArray bytes = readFile(path);
        QVERIFY(bytes.size() > 40 * 4096);
        // Pages 3 onwards (page 1 holds the header and the schema) overwritten.
        for (qsizetype i = 2 * 4096; i < bytes.size() - 4096; ++i)
            bytes[i] = char(0xA5 ^ (i & 0xff));
        writeFile(path, bytes);

        HistoryDatabase db;
        QVERIFY2(db.open(path), qPrintable(db.errorMessage()));
        const QStringList moved = movedAside(path);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(db.notice(), damagedNotice(path, moved.first()));
        QCOMPARE(readFile(moved.first()), bytes);
        HistoryReader reader;
        QVERIFY(reader.open(path));
        QVERIFY(reader.releases({}).isEmpty());
    }

    void foreignSchemaIsMovedAside_data()
    {
        QTest::addColumn<int>("version");
        QTest::addColumn<QString>("table");
        // Says it is ours but lacks our tables.
        QTest::newRow("version 1, other tables") << 1 << QStringLiteral("CREATE TABLE notes (x)");
        // Says it is new, but our first table cannot be created.
        QTest::newRow("version 0, clashing table")
            << 0 << QStringLiteral("CREATE TABLE releases (x)");
        // Our table without all of our columns.
        QTest::newRow("version 1, missing column")
            << 1 << QStringLiteral("CREATE TABLE releases (id INTEGER PRIMARY KEY, environment)");
    }

    void foreignSchemaIsMovedAside()
    {
        QFETCH(int, version);
        QFETCH(QString, table);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        {
            RawConnection raw(path);
            QVERIFY(raw.exec(table));
            QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)));
        }
        HistoryDatabase db;
        QVERIFY2(db.open(path), qPrintable(db.errorMessage()));
        const QStringList moved = movedAside(path);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(db.notice(), damagedNotice(path, moved.first()));
        RawConnection raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), historySchemaVersion);
    }

    void lockedFileGivesAMessageAndIsNotMoved_data()
    {
        QTest::addColumn<QString>("mode");
        QTest::newRow("rollback journal, exclusive") << QStringLiteral("rollback");
        QTest::newRow("wal, writer holds the lock") << QStringLiteral("wal");
    }

    void lockedFileGivesAMessageAndIsNotMoved()
    {
        QFETCH(QString, mode);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        if (mode == QLatin1String("wal")) {
            HistoryDatabase db;
            QVERIFY(db.open(path));
        }
        QProcess holder;
        holder.start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("--hold-lock"), path, mode});
        QVERIFY(holder.waitForStarted());
        while (!holder.readAllStandardOutput().contains("locked"))
            QVERIFY2(holder.waitForReadyRead(10000), "the lock holder did not start");

        HistoryDatabase db;
        db.setBusyTimeout(300);
        QElapsedTimer waited;
        waited.start();
        QVERIFY(!db.open(path));
        QVERIFY(waited.elapsed() >= 250); // it waited for the lock before giving up
        QVERIFY(!db.isOpen());
        QCOMPARE(db.errorMessage(),
                 QStringLiteral("The release history at %1 is locked by another program; no "
                                "history is recorded.")
                     .arg(QDir::toNativeSeparators(path)));
        QVERIFY(db.notice().isEmpty());
        QVERIFY(QFileInfo::exists(path));
        QVERIFY(movedAside(path).isEmpty());

        // Once the other process lets go, the same file opens (and was never replaced).
        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        QCOMPARE(holder.exitCode(), 0);
        QVERIFY2(db.open(path), qPrintable(db.errorMessage()));
        QVERIFY(db.notice().isEmpty());
        QSqlQuery q(db.database());
        QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM sqlite_master WHERE name = 'holder'")));
        QVERIFY(q.next());
        QCOMPARE(q.value(0).toInt(), mode == QLatin1String("rollback") ? 1 : 0);
    }

    void writeWhileLockedFailsWholeAndTheNextOneWorks()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        HistoryDatabase db;
        db.setBusyTimeout(300);
        QVERIFY(db.open(path));
        HistoryWriter writer(db);
        const ReleaseSummary r = release(QStringLiteral("prod"), QStringLiteral("u1"), 1, at(0));

        QProcess holder;
        holder.start(QCoreApplication::applicationFilePath(),
                     {QStringLiteral("--hold-lock"), path, QStringLiteral("wal")});
        QVERIFY(holder.waitForStarted());
        while (!holder.readAllStandardOutput().contains("locked"))
            QVERIFY2(holder.waitForReadyRead(10000), "the lock holder did not start");
        QVERIFY(!writer.write(fullWrite(r)));
        QVERIFY2(writer.errorMessage().startsWith(
                     QStringLiteral("The release history at %1 could not be updated (")
                         .arg(QDir::toNativeSeparators(path))),
                 qPrintable(writer.errorMessage()));
        QVERIFY(writer.errorMessage().endsWith(QLatin1String("; the batch was not recorded.")));

        holder.closeWriteChannel();
        QVERIFY(holder.waitForFinished(10000));
        QVERIFY2(writer.write(fullWrite(r)), qPrintable(writer.errorMessage()));
        HistoryReader reader;
        QVERIFY(reader.open(path));
        const QList<ReleaseSummary> stored = reader.releases({});
        QCOMPARE(stored.size(), 1);
        QCOMPARE(reader.timeline(stored.first().id)->transitions.size(), 2);
    }

    void folderThatCannotBeMadeGivesAMessage()
    {
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("blocker")), "a file, not a folder");
        const QString path = dir.filePath(QStringLiteral("blocker/sub/history.sqlite"));
        HistoryDatabase db;
        QVERIFY(!db.open(path));
        QCOMPARE(db.errorMessage(),
                 QStringLiteral("The folder %1 for the release history could not be created; no "
                                "history is recorded.")
                     .arg(QDir::toNativeSeparators(dir.filePath(QStringLiteral("blocker/sub")))));
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args.at(1) == QLatin1String("--hold-lock"))
        return holdLock(args.at(2), args.at(3));
    TestHistoryDatabase test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_historydatabase.moc"
