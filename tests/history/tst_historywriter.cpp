// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryWriter and HistoryReader together: a write read back field by field, the upsert
// rules of historywrite.h, a failed write leaving nothing, the Releases view's filters,
// "compare with previous", retention, and a reader on another thread.
#include "historydatabase.h"
#include "historyreader.h"
#include "historysamples.h"
#include "historywriter.h"

#include <QTemporaryDir>
#include <QThread>
#include <QtTest>

using namespace HistorySamples;

namespace {

const QString prod = QStringLiteral("prod");

HistoryWrite releasesOnly(const QList<ReleaseSummary> &releases)
{
    HistoryWrite w;
    w.releases = releases;
    return w;
}

void compareSummary(const ReleaseSummary &actual, const ReleaseSummary &expected)
{
    QCOMPARE(actual.key.environment, expected.key.environment);
    QCOMPARE(actual.key.workloadUid, expected.key.workloadUid);
    QCOMPARE(actual.key.revision, expected.key.revision);
    QCOMPARE(actual.namespaceName, expected.namespaceName);
    QCOMPARE(actual.workload, expected.workload);
    QCOMPARE(actual.kind, expected.kind);
    QCOMPARE(actual.strategy, expected.strategy);
    QCOMPARE(actual.podTemplateHash, expected.podTemplateHash);
    QCOMPARE(actual.images, expected.images);
    QCOMPARE(actual.stepCount, expected.stepCount);
    QCOMPARE(actual.startedAt, expected.startedAt);
    QCOMPARE(actual.endedAt, expected.endedAt);
    QCOMPARE(actual.outcome, expected.outcome);
    QCOMPARE(actual.partiallyObserved, expected.partiallyObserved);
    QCOMPARE(actual.firstObservedAt, expected.firstObservedAt);
    QCOMPARE(actual.workloadDeletedAt, expected.workloadDeletedAt);
}

template<typename T> QList<T> values(const QList<ReleaseRow<T>> &rows)
{
    QList<T> result;
    for (const ReleaseRow<T> &row : rows)
        result.append(row.value);
    return result;
}

} // namespace

class TestHistoryWriter : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_path;
    std::unique_ptr<HistoryDatabase> m_db;
    std::unique_ptr<HistoryWriter> m_writer;
    std::unique_ptr<HistoryReader> m_reader;

    qint64 idOf(const ReleaseKey &key)
    {
        for (const ReleaseSummary &s : m_reader->releases({})) {
            if (s.key == key)
                return s.id;
        }
        return 0;
    }
    ReleaseTimeline timelineOf(const ReleaseKey &key)
    {
        const auto t = m_reader->timeline(idOf(key));
        return t ? *t : ReleaseTimeline();
    }

private slots:
    void init()
    {
        m_path = m_dir.filePath(QStringLiteral("%1.sqlite").arg(QTest::currentTestFunction()));
        m_db = std::make_unique<HistoryDatabase>();
        QVERIFY2(m_db->open(m_path), qPrintable(m_db->errorMessage()));
        m_writer = std::make_unique<HistoryWriter>(*m_db);
        m_reader = std::make_unique<HistoryReader>();
        QVERIFY2(m_reader->open(m_path), qPrintable(m_reader->errorMessage()));
    }

    void cleanup()
    {
        m_reader.reset();
        m_writer.reset();
        m_db.reset();
    }

    void roundTripKeepsEveryField()
    {
        ReleaseSummary r = finished(release(prod, QStringLiteral("u1"), 7, at(0, 123)),
                                    ReleaseOutcome::Aborted, at(5, 456));
        r.partiallyObserved = true;
        r.workloadDeletedAt = at(9, 789);
        r.kind = QStringLiteral("Rollout");
        r.strategy = QStringLiteral("BlueGreen");
        const HistoryWrite w = fullWrite(r);
        QVERIFY2(m_writer->write(w), qPrintable(m_writer->errorMessage()));
        QCOMPARE(m_writer->skippedRows(), 0);

        const QList<ReleaseSummary> list = m_reader->releases({});
        QCOMPARE(list.size(), 1);
        QVERIFY(list.first().id > 0);
        compareSummary(list.first(), r);

        const std::optional<ReleaseTimeline> t = m_reader->timeline(list.first().id);
        QVERIFY(t.has_value());
        QVERIFY(m_reader->errorMessage().isEmpty());
        compareSummary(t->summary, r);
        QCOMPARE(t->summary.id, list.first().id);
        QCOMPARE(t->stepTexts, w.stepTexts.first().value);
        QCOMPARE(t->transitions, values(w.transitions));
        QCOMPARE(t->actions, values(w.actions));
        // Runs by start, measurements by start, events by first seen.
        QCOMPARE(
            t->analysisRuns,
            QList<ReleaseAnalysisRun>({w.analysisRuns.at(1).value, w.analysisRuns.at(0).value}));
        QCOMPARE(t->measurements, values(w.measurements));
        QCOMPARE(t->events, QList<ReleaseEvent>({w.events.at(1).value, w.events.at(0).value}));

        // An unknown id is "not found", not an error.
        QVERIFY(!m_reader->timeline(list.first().id + 100).has_value());
        QVERIFY(m_reader->errorMessage().isEmpty());
        QCOMPARE(m_reader->environments(), QStringList {prod});
        QCOMPARE(m_reader->namespaces(), QStringList {QStringLiteral("shop")});
        QCOMPARE(m_reader->namespaces(QStringLiteral("stage")), QStringList());
    }

    void inProgressUpdatesMergeObservation()
    {
        ReleaseSummary first = release(prod, QStringLiteral("u1"), 1, at(0));
        first.partiallyObserved = true;
        first.firstObservedAt = at(3);
        QVERIFY(m_writer->write(releasesOnly({first})));

        // A later observation that saw it earlier and whole: still partial (it was partly
        // missed once), first observed at the earlier time; other fields updated.
        ReleaseSummary second = first;
        second.partiallyObserved = false;
        second.firstObservedAt = at(1);
        second.stepCount = 6;
        QVERIFY(m_writer->write(releasesOnly({second})));
        ReleaseSummary stored = m_reader->releases({}).first();
        QCOMPARE(stored.partiallyObserved, true);
        QCOMPARE(stored.firstObservedAt, at(1));
        QCOMPARE(stored.stepCount, 6);

        // A later first observation never moves it forward.
        ReleaseSummary third = second;
        third.firstObservedAt = at(10);
        QVERIFY(m_writer->write(releasesOnly({third})));
        QCOMPARE(m_reader->releases({}).first().firstObservedAt, at(1));
    }

    void finishedReleaseIsNotOverwrittenByPartialCatchUp()
    {
        const ReleaseSummary done = finished(release(prod, QStringLiteral("u1"), 1, at(0)),
                                             ReleaseOutcome::Promoted, at(8));
        QVERIFY(m_writer->write(releasesOnly({done})));

        // After a restart the tracker sees the same revision again, only partly.
        ReleaseSummary catchUp = release(prod, QStringLiteral("u1"), 1, at(0));
        catchUp.partiallyObserved = true;
        catchUp.firstObservedAt = at(20);
        catchUp.stepCount = 99;
        HistoryWrite w = releasesOnly({catchUp});
        w.events = {{catchUp.key,
                     {QStringLiteral("late"), QStringLiteral("Normal"), QStringLiteral("Seen"),
                      QStringLiteral("late event"), QStringLiteral("Rollout"),
                      QStringLiteral("checkout"), 1, at(21), at(21)}}};
        QVERIFY(m_writer->write(w));
        const ReleaseTimeline t = timelineOf(done.key);
        compareSummary(t.summary, done); // the summary stays as it was
        QCOMPARE(t.events.size(), 1); // the rows are added

        // A full observation (a retry of the aborted revision) does update it.
        ReleaseSummary retried = release(prod, QStringLiteral("u1"), 1, at(0));
        retried.firstObservedAt = at(30);
        QVERIFY(m_writer->write(releasesOnly({retried})));
        const ReleaseSummary stored = m_reader->releases({}).first();
        QCOMPARE(stored.outcome, ReleaseOutcome::InProgress);
        QVERIFY(!stored.endedAt.isValid());
        QCOMPARE(stored.firstObservedAt, done.firstObservedAt); // the earliest stays
    }

    void auditActionsAreStoredOnce()
    {
        const ReleaseSummary r = release(prod, QStringLiteral("u1"), 1, at(0));
        const HistoryWrite w = fullWrite(r);
        QVERIFY(m_writer->write(w));
        HistoryWrite again;
        again.actions = w.actions; // the audit record and an observed action once more
        QVERIFY(m_writer->write(again));
        const QList<ReleaseAction> actions = timelineOf(r.key).actions;
        // The audit id is skipped; an observed action has no id and is appended.
        QCOMPARE(actions.size(), 3);
        QCOMPARE(actions.at(0), w.actions.at(0).value);
        QCOMPARE(actions.at(1), w.actions.at(1).value);
        QCOMPARE(actions.at(2), w.actions.at(1).value);
    }

    void runsMeasurementsAndEventsAreUpserted()
    {
        const ReleaseSummary r = release(prod, QStringLiteral("u1"), 1, at(0));
        HistoryWrite w = fullWrite(r);
        QVERIFY(m_writer->write(w));

        // The Running measurement finishes; the run completes; the event repeats.
        ReleaseMeasurement done = w.measurements.at(1).value;
        done.phase = QStringLiteral("Successful");
        done.value = QStringLiteral("[0.98]");
        done.finishedAt = at(3, 41);
        ReleaseAnalysisRun run = w.analysisRuns.at(1).value;
        run.phase = QStringLiteral("Successful");
        run.completedAt = at(4);
        ReleaseEvent event = w.events.at(1).value;
        event.count = 5;
        event.lastSeen = at(4, 1);
        HistoryWrite update;
        update.measurements = {{r.key, done}};
        update.analysisRuns = {{r.key, run}};
        update.events = {{r.key, event}};
        QVERIFY(m_writer->write(update));

        const ReleaseTimeline t = timelineOf(r.key);
        QCOMPARE(t.measurements.size(), 2);
        QCOMPARE(t.measurements.at(1), done);
        QCOMPARE(t.analysisRuns.size(), 2);
        QCOMPARE(t.analysisRuns.at(0), run);
        QCOMPARE(t.events.size(), 2);
        QCOMPARE(t.events.at(0), event);
        QCOMPARE(t.transitions.size(), 2);
    }

    void deletedWorkloadMarksItsReleases()
    {
        const ReleaseSummary a = finished(release(prod, QStringLiteral("u1"), 1, at(0)),
                                          ReleaseOutcome::Promoted, at(5));
        const ReleaseSummary b = release(prod, QStringLiteral("u1"), 2, at(10));
        const ReleaseSummary other = release(prod, QStringLiteral("u2"), 1, at(0));
        const ReleaseSummary elsewhere
            = release(QStringLiteral("stage"), QStringLiteral("u1"), 1, at(0));
        QVERIFY(m_writer->write(releasesOnly({a, b, other, elsewhere})));
        HistoryWrite w;
        w.deletedWorkloads = {{prod, QStringLiteral("u1"), at(20)}};
        QVERIFY(m_writer->write(w));
        for (const ReleaseSummary &s : m_reader->releases({})) {
            const bool deleted
                = s.key.environment == prod && s.key.workloadUid == QLatin1String("u1");
            QCOMPARE(s.workloadDeletedAt, deleted ? at(20) : QDateTime());
        }
        // A later summary that does not know of the deletion keeps it.
        QVERIFY(m_writer->write(releasesOnly({b})));
        QCOMPARE(timelineOf(b.key).summary.workloadDeletedAt, at(20));
    }

    void rowsOfUnknownReleasesAreSkipped()
    {
        const ReleaseSummary stored = release(prod, QStringLiteral("u1"), 1, at(0));
        QVERIFY(m_writer->write(releasesOnly({stored})));
        HistoryWrite w = fullWrite(release(prod, QStringLiteral("nobody"), 1, at(0)));
        w.releases.clear();
        w.transitions.append(
            {stored.key, {at(1), QStringLiteral("Healthy"), 3, 100, 100, false, QString()}});
        QVERIFY2(m_writer->write(w), qPrintable(m_writer->errorMessage()));
        QCOMPARE(m_writer->skippedRows(), 1 + 2 + 2 + 2 + 2 + 2); // steps, transitions, ...
        QCOMPARE(m_reader->releases({}).size(), 1);
        QCOMPARE(timelineOf(stored.key).transitions.size(), 1);
    }

    void failedWriteLeavesNothing()
    {
        // A trigger of the test's own makes one statement of the write fail halfway.
        {
            RawConnection raw(m_path);
            QVERIFY(raw.exec(
                QStringLiteral("CREATE TRIGGER boom BEFORE INSERT ON events WHEN NEW.uid = 'ev-2' "
                               "BEGIN SELECT RAISE(ABORT, 'refused by test'); END")));
        }
        const ReleaseSummary r = release(prod, QStringLiteral("u1"), 1, at(0));
        QVERIFY(!m_writer->write(fullWrite(r)));
        QVERIFY2(m_writer->errorMessage().startsWith(
                     QStringLiteral("The release history at %1 could not be updated (")
                         .arg(QDir::toNativeSeparators(m_path))),
                 qPrintable(m_writer->errorMessage()));
        QVERIFY(m_writer->errorMessage().contains(QLatin1String("refused by test")));
        QVERIFY(m_writer->errorMessage().endsWith(QLatin1String("; the batch was not recorded.")));
        QVERIFY(m_reader->releases({}).isEmpty());
        {
            RawConnection raw(m_path);
            for (const char *table :
                 {"transitions", "actions", "analysis_runs", "measurements", "events"})
                QCOMPARE(
                    raw.value(QStringLiteral("SELECT count(*) FROM %1").arg(QLatin1String(table)))
                        .toInt(),
                    0);
            QVERIFY(raw.exec(QStringLiteral("DROP TRIGGER boom")));
        }
        // The id the failed write inserted is forgotten: the next write stores the release
        // again and its rows under the new id.
        QVERIFY2(m_writer->write(fullWrite(r)), qPrintable(m_writer->errorMessage()));
        QVERIFY(m_writer->errorMessage().isEmpty());
        const ReleaseTimeline t = timelineOf(r.key);
        QCOMPARE(t.transitions.size(), 2);
        QCOMPARE(t.events.size(), 2);
    }

    void filtersAndNewestFirst()
    {
        QList<ReleaseSummary> all;
        for (int i = 0; i < 6; ++i) {
            ReleaseSummary s = release(i % 2 ? prod : QStringLiteral("stage"),
                                       QStringLiteral("u%1").arg(i % 3), i + 1, at(i * 10));
            s.namespaceName = i < 3 ? QStringLiteral("shop") : QStringLiteral("pay");
            s.workload = QStringLiteral("w%1").arg(i % 3);
            if (i % 3 == 0)
                s = finished(s, ReleaseOutcome::Aborted, at(i * 10 + 5));
            all.append(s);
        }
        QVERIFY(m_writer->write(releasesOnly(all)));
        const auto revisions = [this](const ReleaseFilter &f) {
            QList<qint64> result;
            for (const ReleaseSummary &s : m_reader->releases(f))
                result.append(s.key.revision);
            return result;
        };
        QCOMPARE(revisions({}), QList<qint64>({6, 5, 4, 3, 2, 1}));
        ReleaseFilter f;
        f.environment = prod;
        QCOMPARE(revisions(f), QList<qint64>({6, 4, 2}));
        f = {};
        f.namespaceName = QStringLiteral("pay");
        QCOMPARE(revisions(f), QList<qint64>({6, 5, 4}));
        f.workload = QStringLiteral("w0");
        QCOMPARE(revisions(f), QList<qint64>({4}));
        f = {};
        f.outcomes = {ReleaseOutcome::Aborted};
        QCOMPARE(revisions(f), QList<qint64>({4, 1}));
        f.outcomes = {ReleaseOutcome::Aborted, ReleaseOutcome::InProgress};
        QCOMPARE(revisions(f).size(), 6);
        f = {};
        f.since = at(20);
        f.until = at(40);
        QCOMPARE(revisions(f), QList<qint64>({4, 3}));
        f = {};
        f.limit = 2;
        QCOMPARE(revisions(f), QList<qint64>({6, 5}));
        QCOMPARE(m_reader->environments(), QStringList({prod, QStringLiteral("stage")}));
        QCOMPARE(m_reader->namespaces(prod),
                 QStringList({QStringLiteral("pay"), QStringLiteral("shop")}));
    }

    void previousReleaseOfTheSameWorkload()
    {
        const ReleaseSummary r1 = finished(release(prod, QStringLiteral("u1"), 1, at(0)),
                                           ReleaseOutcome::Superseded, at(10));
        const ReleaseSummary r2 = finished(release(prod, QStringLiteral("u1"), 2, at(10)),
                                           ReleaseOutcome::Promoted, at(20));
        ReleaseSummary recreated
            = release(prod, QStringLiteral("u9"), 1, at(30)); // same name, new uid
        recreated.workload = r1.workload;
        ReleaseSummary otherEnv = release(QStringLiteral("stage"), QStringLiteral("u1"), 3, at(25));
        otherEnv.workload = r1.workload;
        QVERIFY(m_writer->write(releasesOnly({r1, r2, recreated, otherEnv})));
        const auto previous = [this](const ReleaseSummary &s) {
            const std::optional<ReleaseSummary> p = m_reader->previousRelease(s);
            return p ? p->key.revision : qint64(-1);
        };
        QCOMPARE(previous(recreated), qint64(2));
        QCOMPARE(m_reader->previousRelease(recreated)->key.workloadUid, QStringLiteral("u1"));
        QCOMPARE(previous(r2), qint64(1));
        QCOMPARE(previous(r1), qint64(-1));
        QCOMPARE(previous(otherEnv), qint64(-1));
        QVERIFY(m_reader->errorMessage().isEmpty());
    }

    void pruneKeepsInProgressAndNewestPerWorkload()
    {
        const QDateTime now = at(0).addDays(200);
        // Workload A: two old ended releases and a newer old one; B: old, in progress; C: one
        // old ended release (its newest); D: recent.
        ReleaseSummary a1 = finished(release(prod, QStringLiteral("a"), 1, at(0)),
                                     ReleaseOutcome::Superseded, at(5));
        ReleaseSummary a2 = finished(release(prod, QStringLiteral("a"), 2, at(5)),
                                     ReleaseOutcome::Aborted, at(9));
        ReleaseSummary a3 = finished(release(prod, QStringLiteral("a"), 3, at(9)),
                                     ReleaseOutcome::Promoted, at(12));
        ReleaseSummary b1 = release(prod, QStringLiteral("b"), 1, at(0));
        ReleaseSummary c1 = finished(release(prod, QStringLiteral("c"), 1, at(0)),
                                     ReleaseOutcome::Promoted, at(3));
        ReleaseSummary d1 = finished(release(prod, QStringLiteral("d"), 1, now.addDays(-100)),
                                     ReleaseOutcome::Promoted, now.addDays(-100));
        ReleaseSummary d2 = finished(release(prod, QStringLiteral("d"), 2, now.addDays(-10)),
                                     ReleaseOutcome::Promoted, now.addDays(-9));
        HistoryWrite w;
        for (const ReleaseSummary &r : {a1, a2, a3, b1, c1, d1, d2})
            w.append(fullWrite(r));
        QVERIFY(m_writer->write(w));

        QCOMPARE(m_writer->prune(90, 0, now), 3); // a1, a2, d1
        QVERIFY(m_writer->errorMessage().isEmpty());
        QStringList left;
        for (const ReleaseSummary &s : m_reader->releases({}))
            left.append(s.key.workloadUid + QString::number(s.key.revision));
        left.sort();
        QCOMPARE(left, QStringList({"a3", "b1", "c1", "d2"}));
        {
            // Their rows went with them.
            RawConnection raw(m_path);
            QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM transitions")).toInt(), 4 * 2);
            QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM events")).toInt(), 4 * 2);
        }
        // A write after the prune finds its releases again (the id cache was dropped).
        QVERIFY(m_writer->write(fullWrite(a3)));
        QCOMPARE(timelineOf(a3.key).transitions.size(), 4);
    }

    void pruneBySizeRemovesOldestEndedFirst()
    {
        const QDateTime now = at(0).addDays(10);
        HistoryWrite w;
        for (int i = 0; i < 300; ++i) {
            ReleaseSummary r
                = finished(release(prod, QStringLiteral("u%1").arg(i % 3), i + 1, at(i)),
                           ReleaseOutcome::Superseded, at(i + 1));
            r.images.append(QString(2000, QLatin1Char('x'))); // a large row
            w.append(fullWrite(r));
        }
        QVERIFY(m_writer->write(w));
        const qint64 before
            = QFileInfo(m_path).size() + QFileInfo(m_path + QStringLiteral("-wal")).size();
        QVERIFY(before > 600 * 1024);
        // Nothing is old enough; the size alone prunes, oldest ended first.
        const int removed = m_writer->prune(90, 600 * 1024, now);
        QVERIFY2(removed >= 100 && removed < 297, qPrintable(QString::number(removed)));
        const QList<ReleaseSummary> left = m_reader->releases({});
        QCOMPARE(left.size(), 300 - removed);
        QCOMPARE(left.last().key.revision, qint64(removed + 1)); // the oldest went
        // The space is given back: the file shrank and the WAL was truncated.
        QVERIFY2(QFileInfo(m_path).size() <= 600 * 1024 + 8192,
                 qPrintable(QString::number(QFileInfo(m_path).size())));
        QVERIFY(QFileInfo(m_path).size() < before / 2);
        QCOMPARE(QFileInfo(m_path + QStringLiteral("-wal")).size(), 0);
        // Even a limit nothing can meet keeps each workload's newest.
        QCOMPARE(m_writer->prune(90, 1, now), 300 - removed - 3);
        QCOMPARE(m_reader->releases({}).size(), 3);
    }

    void readerWorksOnAnotherThreadDuringWrites()
    {
        QVERIFY(m_writer->write(fullWrite(release(prod, QStringLiteral("u0"), 1, at(0)))));
        QAtomicInt reads = 0;
        QString failure;
        QThread *thread = QThread::create([this, &reads, &failure] {
            HistoryReader reader;
            if (!reader.open(m_path)) {
                failure = reader.errorMessage();
                return;
            }
            for (int i = 0; i < 50; ++i) {
                const QList<ReleaseSummary> list = reader.releases({});
                const auto t = list.isEmpty() ? std::nullopt : reader.timeline(list.first().id);
                // Each timeline is one snapshot: a release and all of its rows.
                if (!t || t->transitions.size() != 2 || !reader.errorMessage().isEmpty()) {
                    failure = QStringLiteral("inconsistent read: %1").arg(reader.errorMessage());
                    return;
                }
                reads.fetchAndAddRelaxed(1);
            }
        });
        thread->start();
        for (int i = 1; i < 40; ++i)
            QVERIFY(
                m_writer->write(fullWrite(release(prod, QStringLiteral("u%1").arg(i), 1, at(i)))));
        QVERIFY(thread->wait(30000));
        delete thread;
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(reads.loadRelaxed(), 50);
    }
};

QTEST_GUILESS_MAIN(TestHistoryWriter)
#include "tst_historywriter.moc"
