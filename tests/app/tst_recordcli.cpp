// SPDX-License-Identifier: GPL-3.0-or-later
// `release-dashboard record` as its own process against its own demo fleet (rd-sim): it says
// when recording started, stops on SIGTERM with exit code 0 having written what it saw, and a
// `kill -9` after a write leaves a database that opens, passes quick_check and keeps what
// was committed. A database that cannot be opened ends it with the recorder's message.
#include "historyreader.h"

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

namespace {

ReleaseFilter checkoutInDev()
{
    ReleaseFilter filter;
    filter.environment = QStringLiteral("dev");
    filter.namespaceName = QStringLiteral("shop");
    filter.workload = QStringLiteral("checkout");
    return filter;
}

// The releases stored at `path` (a reader of its own, closed again), or -1 when it cannot
// be read yet.
qsizetype storedReleases(const QString &path, const ReleaseFilter &filter = ReleaseFilter())
{
    HistoryReader reader;
    if (!reader.open(path))
        return -1;
    const QList<ReleaseSummary> releases = reader.releases(filter);
    return reader.errorMessage().isEmpty() ? releases.size() : -1;
}

QString quickCheck(const QString &path)
{
    QString result;
    {
        QSqlDatabase db
            = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("check"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(QStringLiteral("PRAGMA quick_check")) && query.next())
                result = query.value(0).toString();
            else
                result = query.lastError().text();
        } else {
            result = db.lastError().text();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("check"));
    return result;
}

} // namespace

class TestRecordCli : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    // Starts `record --demo --history-file path` with the audit log and data folder in the
    // test's folder, and waits for the line that says it records.
    bool startRecording(QProcess *process, const QString &path)
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("RELEASE_DASHBOARD_AUDIT_FILE"),
                           m_dir.filePath(QStringLiteral("audit.jsonl")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), m_dir.filePath(QStringLiteral("data")));
        environment.remove(QStringLiteral("RELEASE_DASHBOARD_HISTORY_FILE"));
        process->setProcessEnvironment(environment);
        process->start(QStringLiteral(RD_APP_EXE),
                       {QStringLiteral("record"), QStringLiteral("--demo"),
                        QStringLiteral("--history-file"), path});
        QByteArray output;
        return QTest::qWaitFor(
            [&] {
                process->waitForReadyRead(100);
                output += process->readAllStandardOutput();
                return output.contains("recording 3 environments (dev, staging, prod) into ");
            },
            30000);
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void stopsOnSigterm()
    {
        const QString path = m_dir.filePath(QStringLiteral("term.sqlite"));
        QProcess process;
        QVERIFY2(startRecording(&process, path), process.readAllStandardError().constData());
        QTest::qWait(3000);
        ::kill(pid_t(process.processId()), SIGTERM);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 0);
        const QByteArray output = process.readAllStandardOutput();
        QVERIFY2(output.contains("dev: live\n"), output.constData());
        QVERIFY2(output.endsWith("recording stopped\n"), output.constData());
        // The demo's releases, checkout in dev among them (its two revisions at least).
        QVERIFY(storedReleases(path, checkoutInDev()) >= 2);
        QVERIFY(storedReleases(path) >= 10);
    }

    void survivesKill()
    {
        const QString path = m_dir.filePath(QStringLiteral("kill.sqlite"));
        QProcess process;
        QVERIFY2(startRecording(&process, path), process.readAllStandardError().constData());
        // Until a write has committed checkout in dev; then kill without a chance to flush.
        QVERIFY(QTest::qWaitFor([&] { return storedReleases(path, checkoutInDev()) > 0; }, 20000));
        const qsizetype committed = storedReleases(path);
        ::kill(pid_t(process.processId()), SIGKILL);
        QVERIFY(process.waitForFinished(30000));
        QCOMPARE(process.exitStatus(), QProcess::CrashExit);
        QCOMPARE(quickCheck(path), QStringLiteral("ok"));
        QVERIFY(storedReleases(path) >= committed);
        QVERIFY(storedReleases(path, checkoutInDev()) > 0);
    }

    void databaseCannotBeOpened()
    {
        // A "folder" that is a file: the recorder cannot make the database there.
        const QString file = m_dir.filePath(QStringLiteral("a-file"));
        QFile blocker(file);
        QVERIFY(blocker.open(QIODevice::WriteOnly));
        blocker.close();
        QProcess process;
        process.start(QStringLiteral(RD_APP_EXE),
                      {QStringLiteral("record"), QStringLiteral("--demo"),
                       QStringLiteral("--history-file"), file + QStringLiteral("/history.sqlite")});
        QVERIFY(process.waitForFinished(60000));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(process.exitCode(), 1);
        // The recorder's message, last (the history layer's log may say it before).
        const QStringList err
            = QString::fromUtf8(process.readAllStandardError()).split(u'\n', Qt::SkipEmptyParts);
        QVERIFY(!err.isEmpty());
        QVERIFY2(err.last().startsWith(QStringLiteral("release-dashboard: ")),
                 qPrintable(err.last()));
        QVERIFY2(err.last().contains(file), qPrintable(err.last()));
        QVERIFY(!process.readAllStandardOutput().contains("recording"));
    }
};

QTEST_GUILESS_MAIN(TestRecordCli)
#include "tst_recordcli.moc"
