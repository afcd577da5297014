// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryReader over what HistoryWriter stored: the Releases view's filters, newest first,
// "compare with previous", retention by age and by size, and a reader on another thread
// while the writer goes on.
#include "historystorefixture.h"

#include <QThread>

class TestHistoryReader : public HistoryStoreTest
{
    Q_OBJECT

private slots:
    void init() { openStore(); }
    void cleanup() { closeStore(); }

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

QTEST_GUILESS_MAIN(TestHistoryReader)
#include "tst_historyreader.moc"
