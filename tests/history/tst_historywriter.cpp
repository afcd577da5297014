// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryWriter and HistoryReader together: a write read back field by field, the upsert
// rules of historywrite.h, and a failed write leaving nothing (tst_historyreader: filters,
// "compare with previous", retention, a reader on another thread).
#include "historystorefixture.h"

class TestHistoryWriter : public HistoryStoreTest
{
    Q_OBJECT

private slots:
    void init() { openStore(); }
    void cleanup() { closeStore(); }

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
};

QTEST_GUILESS_MAIN(TestHistoryWriter)
#include "tst_historywriter.moc"
