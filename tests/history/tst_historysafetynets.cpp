// SPDX-License-Identifier: GPL-3.0-or-later
// The releases' safety nets in the history database (schema version 3): one row per release,
// replaced by a newer reading, read back with the timeline, gone with the release; a file of
// version 2 is readable before its migration and takes safety nets after it, keeping its rows.
#include "historyschema.h"
#include "historystorefixture.h"
#include "safetynetsjson.h"

#include "../support/safetynetsfixture.h"

namespace {

ReleaseSafetyNets reading(const QDateTime &readAt, const SafetyNets &nets)
{
    ReleaseSafetyNets r;
    r.readAt = readAt;
    r.nets = safetyNetsJson(nets);
    return r;
}

int safetyNetRows(const QString &path)
{
    RawConnection raw(path);
    return raw.value(QStringLiteral("SELECT count(*) FROM release_safety_nets")).toInt();
}

// A file as version 2 left it: today's schema steps 1 and 2 (a shipped step is never
// edited, historyschema.cpp), without what version 3 adds.
void writeVersion2File(const QString &path, const HistoryWrite &rows)
{
    {
        HistoryDatabase db;
        QVERIFY2(db.open(path), qPrintable(db.errorMessage()));
        HistoryWriter writer(db);
        QVERIFY2(writer.write(rows), qPrintable(writer.errorMessage()));
    }
    RawConnection raw(path);
    QVERIFY(raw.exec(QStringLiteral("DROP TABLE release_safety_nets")));
    QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 2")));
}

} // namespace

class TestHistorySafetyNets : public HistoryStoreTest
{
    Q_OBJECT

private slots:
    void init() { openStore(); }
    void cleanup() { closeStore(); }

    void storedReadBackAndReplaced()
    {
        const ReleaseSummary r = release(prod, QStringLiteral("a"), 3, at(0));
        HistoryWrite w = fullWrite(r);
        const ReleaseSafetyNets first = reading(at(2), SafetyNetsFixture::checkout());
        w.safetyNets = {{r.key, first}};
        QVERIFY2(m_writer->write(w), qPrintable(m_writer->errorMessage()));
        QCOMPARE(timelineOf(r.key).safetyNets, first);

        // A newer reading replaces it: a release keeps its latest only.
        const ReleaseSafetyNets second = reading(at(4), SafetyNetsFixture::unread());
        HistoryWrite next;
        next.safetyNets = {{r.key, second}};
        QVERIFY2(m_writer->write(next), qPrintable(m_writer->errorMessage()));
        QCOMPARE(timelineOf(r.key).safetyNets, second);
        QCOMPARE(safetyNetRows(m_path), 1);

        // Of a release the file does not hold: skipped, not an error.
        HistoryWrite stray;
        stray.safetyNets = {{ReleaseKey {prod, QStringLiteral("zz"), 1}, first}};
        QVERIFY(m_writer->write(stray));
        QCOMPARE(m_writer->skippedRows(), 1);
        QCOMPARE(safetyNetRows(m_path), 1);

        // A release without any reads as none, not as an empty reading.
        const ReleaseSummary other = release(prod, QStringLiteral("b"), 1, at(1));
        QVERIFY(m_writer->write(fullWrite(other)));
        QVERIFY(!timelineOf(other.key).safetyNets.isValid());
    }

    void retentionRemovesThemWithTheirRelease()
    {
        const QDateTime now = at(0).addDays(200);
        const ReleaseSummary old = finished(release(prod, QStringLiteral("a"), 1, at(0)),
                                            ReleaseOutcome::Aborted, at(9));
        const ReleaseSummary recent
            = finished(release(prod, QStringLiteral("a"), 2, now.addDays(-3)),
                       ReleaseOutcome::Promoted, now.addDays(-2));
        HistoryWrite w = fullWrite(old);
        w.safetyNets = {{old.key, reading(at(2), SafetyNetsFixture::checkout())}};
        w.append(fullWrite(recent));
        w.safetyNets.append({recent.key, reading(now.addDays(-3), SafetyNetsFixture::checkout())});
        QVERIFY(m_writer->write(w));
        QCOMPARE(safetyNetRows(m_path), 2);
        QCOMPARE(m_writer->prune(90, 0, now), 1);
        QCOMPARE(safetyNetRows(m_path), 1);
        QVERIFY(timelineOf(recent.key).safetyNets.isValid());
    }

    void version2FileIsReadableAndMigrated()
    {
        closeStore();
        const QString path = m_dir.filePath(QStringLiteral("version2.sqlite"));
        const ReleaseSummary r = release(prod, QStringLiteral("a"), 3, at(0));
        writeVersion2File(path, fullWrite(r));
        {
            // `history` and `report` may read it before the window migrates it.
            HistoryReader reader;
            QVERIFY2(reader.open(path), qPrintable(reader.errorMessage()));
            const QList<ReleaseSummary> releases = reader.releases({});
            QCOMPARE(releases.size(), 1);
            const std::optional<ReleaseTimeline> t = reader.timeline(releases.first().id);
            QVERIFY2(t.has_value(), qPrintable(reader.errorMessage()));
            QCOMPARE(t->transitions.size(), fullWrite(r).transitions.size());
            QVERIFY(!t->safetyNets.isValid());
            RawConnection raw(path);
            QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 2);
        }
        HistoryDatabase db;
        QVERIFY2(db.open(path), qPrintable(db.errorMessage()));
        QVERIFY(db.notice().isEmpty()); // migrated, not taken for damage
        {
            RawConnection raw(path);
            QCOMPARE(historySchemaVersion, 3);
            QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 3);
            QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM transitions")).toInt(),
                     int(fullWrite(r).transitions.size()));
        }
        HistoryWriter writer(db);
        HistoryWrite w;
        const ReleaseSafetyNets nets = reading(at(2), SafetyNetsFixture::checkout());
        w.safetyNets = {{r.key, nets}};
        QVERIFY2(writer.write(w), qPrintable(writer.errorMessage()));
        HistoryReader reader;
        QVERIFY(reader.open(path));
        const std::optional<ReleaseTimeline> t = reader.timeline(reader.releases({}).first().id);
        QVERIFY(t.has_value());
        QCOMPARE(t->safetyNets, nets);
        QCOMPARE(t->events.size(), fullWrite(r).events.size());
    }
};

QTEST_GUILESS_MAIN(TestHistorySafetyNets)
#include "tst_historysafetynets.moc"
