// SPDX-License-Identifier: GPL-3.0-or-later
// A commit survives the writer's death. This executable, run again as a child
// ("--write-batches <path> <first>"), writes one batch per transaction in a loop and prints
// each batch's number once its commit returned; the test kills it with SIGKILL while it
// writes, then every batch the child reported must be there, whole, and the file must pass
// quick_check and open without being moved aside. Three rounds, each child continuing on the
// file the previous one was killed over.
#include "historydatabase.h"
#include "historyreader.h"
#include "historysamples.h"
#include "historywriter.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <cstdio>

using namespace HistorySamples;

namespace {

ReleaseSummary batchRelease(int batch)
{
    return release(QStringLiteral("prod"), QStringLiteral("u%1").arg(batch % 7), batch, at(batch));
}

// The child: writes batches from `first` on until it is killed.
int writeBatches(const QString &path, int first)
{
    HistoryDatabase db;
    if (!db.open(path)) {
        std::fprintf(stderr, "%s\n", qPrintable(db.errorMessage()));
        return 2;
    }
    HistoryWriter writer(db);
    for (int batch = first;; ++batch) {
        HistoryWrite w = fullWrite(batchRelease(batch));
        // Big enough that a kill often lands inside a transaction.
        for (int i = 0; i < 40; ++i)
            w.transitions.append({w.releases.first().key,
                                  {at(batch, i), QStringLiteral("Progressing"), i, i, i, false,
                                   QString(200, QLatin1Char('m'))}});
        if (!writer.write(w)) {
            std::fprintf(stderr, "%s\n", qPrintable(writer.errorMessage()));
            return 3;
        }
        std::printf("committed %d\n", batch);
        std::fflush(stdout);
    }
}

// The highest batch the child reported as committed; -1 for none.
int lastReported(const QByteArray &output)
{
    int last = -1;
    for (const QByteArray &line : output.split('\n')) {
        if (line.startsWith("committed "))
            last = line.mid(10).toInt();
    }
    return last;
}

} // namespace

class TestHistoryDurability : public QObject
{
    Q_OBJECT

private slots:
    void committedBatchesSurviveSigkill()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        int next = 1;
        for (int round = 0; round < 3; ++round) {
            QProcess child;
            child.start(QCoreApplication::applicationFilePath(),
                        {QStringLiteral("--write-batches"), path, QString::number(next)});
            QVERIFY(child.waitForStarted());
            QByteArray output;
            // Killed at a different point each round, after some commits.
            const int wanted = next + 20 + round * 7;
            while (lastReported(output) < wanted) {
                QVERIFY2(child.waitForReadyRead(20000), child.readAllStandardError().constData());
                output += child.readAllStandardOutput();
            }
            child.kill(); // SIGKILL: no destructor, no close, no checkpoint
            QVERIFY(child.waitForFinished(10000));
            QCOMPARE(child.exitStatus(), QProcess::CrashExit);
            output += child.readAllStandardOutput();
            const int reported = lastReported(output);

            HistoryDatabase db;
            QVERIFY2(db.open(path), qPrintable(db.errorMessage()));
            QVERIFY2(db.notice().isEmpty(), qPrintable(db.notice())); // not moved aside
            QSqlQuery check(db.database());
            QVERIFY(check.exec(QStringLiteral("PRAGMA quick_check")));
            QVERIFY(check.next());
            QCOMPARE(check.value(0).toString(), QStringLiteral("ok"));
            check.finish();

            HistoryReader reader;
            QVERIFY(reader.open(path));
            ReleaseFilter all;
            all.limit = 0;
            const QList<ReleaseSummary> stored = reader.releases(all);
            // Every reported batch, and perhaps the one whose commit was not yet reported.
            QVERIFY2(
                stored.size() == reported || stored.size() == reported + 1,
                qPrintable(
                    QStringLiteral("%1 stored, %2 reported").arg(stored.size()).arg(reported)));
            QList<qint64> revisions;
            for (const ReleaseSummary &summary : stored)
                revisions.prepend(summary.key.revision); // newest first: reversed
            for (int i = 0; i < revisions.size(); ++i)
                QCOMPARE(revisions.at(i), qint64(i + 1)); // batch 1 up to the last, none lost
            for (const ReleaseSummary &summary : stored) {
                const std::optional<ReleaseTimeline> t = reader.timeline(summary.id);
                QVERIFY(t.has_value());
                QCOMPARE(t->summary.key, batchRelease(int(summary.key.revision)).key);
                QCOMPARE(t->transitions.size(), 42); // whole batches only
                QCOMPARE(t->events.size(), 2);
                QCOMPARE(t->measurements.size(), 2);
                QCOMPARE(t->stepTexts.size(), 4);
            }
            next = int(stored.size()) + 1;
        }
    }
};

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 4 && args.at(1) == QLatin1String("--write-batches"))
        return writeBatches(args.at(2), args.at(3).toInt());
    TestHistoryDurability test;
    QTEST_SET_MAIN_SOURCE_PATH
    return QTest::qExec(&test, argc, argv);
}

#include "tst_historydurability.moc"
