// SPDX-License-Identifier: GPL-3.0-or-later
// Schema migrations: a file of schema version 1 as the previous release wrote it (its
// statements copied here as they shipped, so a later change of historyschema.cpp cannot make
// this file fit itself) is readable before the migration, and HistoryDatabase takes it to the
// current version keeping every row; the new gate evaluations then work on it.
#include "historyschema.h"
#include "historystorefixture.h"

namespace {

// historyschema.cpp's version 1, as it shipped.
const char *const shippedVersion1[] = {
    "CREATE TABLE releases ("
    " id INTEGER PRIMARY KEY, environment TEXT NOT NULL, workload_uid TEXT NOT NULL,"
    " revision INTEGER NOT NULL, namespace TEXT NOT NULL, workload TEXT NOT NULL,"
    " kind TEXT NOT NULL, strategy TEXT NOT NULL, pod_hash TEXT NOT NULL,"
    " images TEXT NOT NULL, step_count INTEGER NOT NULL, step_texts TEXT NOT NULL DEFAULT '',"
    " started_at INTEGER, ended_at INTEGER, outcome TEXT NOT NULL,"
    " partially_observed INTEGER NOT NULL, first_observed_at INTEGER,"
    " workload_deleted_at INTEGER,"
    " UNIQUE (environment, workload_uid, revision))",
    "CREATE INDEX releases_by_workload ON releases (environment, namespace, workload, started_at)",
    "CREATE INDEX releases_by_start ON releases (started_at)",
    "CREATE INDEX releases_by_end ON releases (ended_at)",
    "CREATE TABLE transitions ("
    " id INTEGER PRIMARY KEY,"
    " release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,"
    " time INTEGER, phase TEXT NOT NULL, step INTEGER NOT NULL,"
    " desired_weight INTEGER NOT NULL, actual_weight INTEGER NOT NULL,"
    " paused INTEGER NOT NULL, message TEXT NOT NULL)",
    "CREATE INDEX transitions_by_release ON transitions (release_id, time)",
    "CREATE TABLE actions ("
    " id INTEGER PRIMARY KEY,"
    " release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,"
    " time INTEGER, action_name TEXT NOT NULL,"
    " source TEXT NOT NULL CHECK (source IN ('audit', 'observed')),"
    " user_name TEXT NOT NULL, result TEXT NOT NULL, message TEXT NOT NULL,"
    " audit_id TEXT NOT NULL)",
    "CREATE INDEX actions_by_release ON actions (release_id, time)",
    "CREATE UNIQUE INDEX actions_by_audit_id ON actions (audit_id) WHERE audit_id <> ''",
    "CREATE TABLE analysis_runs ("
    " id INTEGER PRIMARY KEY,"
    " release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,"
    " name TEXT NOT NULL, run_kind TEXT NOT NULL, phase TEXT NOT NULL,"
    " message TEXT NOT NULL, started_at INTEGER, completed_at INTEGER,"
    " UNIQUE (release_id, name))",
    "CREATE TABLE measurements ("
    " id INTEGER PRIMARY KEY,"
    " release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,"
    " analysis_run TEXT NOT NULL, run_kind TEXT NOT NULL, metric TEXT NOT NULL,"
    " phase TEXT NOT NULL, value TEXT NOT NULL, message TEXT NOT NULL,"
    " success_condition TEXT NOT NULL, failure_condition TEXT NOT NULL,"
    " started_at INTEGER, finished_at INTEGER,"
    " UNIQUE (release_id, analysis_run, metric, started_at))",
    "CREATE TABLE events ("
    " id INTEGER PRIMARY KEY,"
    " release_id INTEGER NOT NULL REFERENCES releases (id) ON DELETE CASCADE,"
    " uid TEXT NOT NULL, type TEXT NOT NULL, reason TEXT NOT NULL, message TEXT NOT NULL,"
    " object_kind TEXT NOT NULL, object_name TEXT NOT NULL, count INTEGER NOT NULL,"
    " first_seen INTEGER, last_seen INTEGER,"
    " UNIQUE (release_id, uid))",
};

qint64 ms(const QDateTime &time)
{
    return time.toMSecsSinceEpoch();
}

// One release of every kind of row, as the version-1 writer stored it.
QStringList version1Rows()
{
    return {
        QStringLiteral("INSERT INTO releases VALUES (1, 'prod', 'u1', 7, 'shop', 'checkout',"
                       " 'Rollout', 'Canary', 'hash7', 'registry/checkout:1.7\nregistry/sidecar:7',"
                       " 2, 'setWeight: 20\npause: 1m', %1, %2, 'promoted', 1, %3, NULL)")
            .arg(ms(at(0, 123)))
            .arg(ms(at(30, 456)))
            .arg(ms(at(1))),
        QStringLiteral("INSERT INTO transitions VALUES (1, 1, %1, 'Paused', 1, 20, 18, 1,"
                       " 'CanaryPauseStep')")
            .arg(ms(at(2, 7))),
        QStringLiteral("INSERT INTO actions VALUES (1, 1, %1, 'promote', 'audit',"
                       " 'alice@example.com', 'succeeded', 'by hand', 'audit-0001')")
            .arg(ms(at(3, 1))),
        QStringLiteral("INSERT INTO analysis_runs VALUES (1, 1, 'checkout-7-2', 'Step',"
                       " 'Successful', 'all good', %1, NULL)")
            .arg(ms(at(2, 10))),
        QStringLiteral("INSERT INTO measurements VALUES (1, 1, 'checkout-7-2', 'Step',"
                       " 'success-rate', 'Successful', '[0.99]', 'fine', 'result[0] >= 0.95',"
                       " 'result[0] < 0.9', %1, %2)")
            .arg(ms(at(2, 11)))
            .arg(ms(at(2, 41))),
        QStringLiteral("INSERT INTO events VALUES (1, 1, 'ev-1', 'Warning', 'AnalysisRunFailed',"
                       " 'metric failed', 'AnalysisRun', 'checkout-7-2', 3, %1, %2)")
            .arg(ms(at(2, 55)))
            .arg(ms(at(4))),
    };
}

void writeVersion1File(const QString &path)
{
    RawConnection raw(path);
    QVERIFY(raw.exec(QStringLiteral("PRAGMA journal_mode = WAL")));
    for (const char *statement : shippedVersion1)
        QVERIFY2(raw.exec(QString::fromLatin1(statement)), statement);
    for (const QString &row : version1Rows())
        QVERIFY2(raw.exec(row), qPrintable(row));
    QVERIFY(raw.exec(QStringLiteral("PRAGMA user_version = 1")));
}

// What the version-1 rows read as.
void compareVersion1Timeline(const ReleaseTimeline &t)
{
    QCOMPARE(t.summary.key, (ReleaseKey {prod, QStringLiteral("u1"), 7}));
    QCOMPARE(t.summary.workload, QStringLiteral("checkout"));
    QCOMPARE(t.summary.images, QStringList({"registry/checkout:1.7", "registry/sidecar:7"}));
    QCOMPARE(t.summary.startedAt, at(0, 123));
    QCOMPARE(t.summary.endedAt, at(30, 456));
    QCOMPARE(t.summary.outcome, ReleaseOutcome::Promoted);
    QVERIFY(t.summary.partiallyObserved);
    QCOMPARE(t.stepTexts, QStringList({"setWeight: 20", "pause: 1m"}));
    QCOMPARE(t.transitions.size(), 1);
    QCOMPARE(t.transitions[0].time, at(2, 7));
    QCOMPARE(t.transitions[0].message, QStringLiteral("CanaryPauseStep"));
    QCOMPARE(t.actions.size(), 1);
    QCOMPARE(t.actions[0].user, QStringLiteral("alice@example.com"));
    QCOMPARE(t.actions[0].auditId, QStringLiteral("audit-0001"));
    QCOMPARE(t.analysisRuns.size(), 1);
    QVERIFY(!t.analysisRuns[0].completedAt.isValid());
    QCOMPARE(t.measurements.size(), 1);
    QCOMPARE(t.measurements[0].value, QStringLiteral("[0.99]"));
    QCOMPARE(t.events.size(), 1);
    QCOMPARE(t.events[0].count, 3);
    QVERIFY(t.gates.isEmpty());
}

} // namespace

class TestHistoryMigration : public QObject
{
    Q_OBJECT

private slots:
    void version1FileIsReadableBeforeItIsMigrated()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        writeVersion1File(path);
        // `history` and `report` may run before the window migrates the file.
        HistoryReader reader;
        QVERIFY2(reader.open(path), qPrintable(reader.errorMessage()));
        const QList<ReleaseSummary> releases = reader.releases({});
        QCOMPARE(releases.size(), 1);
        const std::optional<ReleaseTimeline> t = reader.timeline(releases.first().id);
        QVERIFY2(t.has_value(), qPrintable(reader.errorMessage()));
        compareVersion1Timeline(*t);
        RawConnection raw(path);
        QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(), 1);
    }

    void version1FileIsMigratedWithItsRows()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        writeVersion1File(path);
        HistoryDatabase db;
        QVERIFY2(db.open(path), qPrintable(db.errorMessage()));
        QVERIFY(db.notice().isEmpty()); // not taken for damage
        {
            RawConnection raw(path);
            QCOMPARE(raw.value(QStringLiteral("PRAGMA user_version")).toInt(),
                     historySchemaVersion);
            QCOMPARE(historySchemaVersion, 3);
            QCOMPARE(raw.column(QStringLiteral("SELECT name FROM sqlite_master WHERE"
                                               " tbl_name = 'gate_evaluations' ORDER BY name")),
                     QStringList({"gate_evaluations", "gate_evaluations_by_release"}));
            QCOMPARE(raw.value(QStringLiteral("SELECT count(*) FROM releases")).toInt(), 1);
        }
        HistoryReader reader;
        QVERIFY2(reader.open(path), qPrintable(reader.errorMessage()));
        const std::optional<ReleaseTimeline> t = reader.timeline(1);
        QVERIFY2(t.has_value(), qPrintable(reader.errorMessage()));
        compareVersion1Timeline(*t);

        // The migrated file takes gate evaluations on its old release, and new releases.
        HistoryWriter writer(db);
        ReleaseGateEvaluation gate;
        gate.evaluatedAt = at(3);
        gate.gate = QStringLiteral("error-rate");
        gate.outcome = GateOutcome::Fail;
        gate.value = 0.05;
        HistoryWrite w;
        w.gateEvaluations = {{t->summary.key, gate}};
        w.append(fullWrite(release(prod, QStringLiteral("u2"), 1, at(40))));
        QVERIFY2(writer.write(w), qPrintable(writer.errorMessage()));
        QCOMPARE(reader.timeline(1)->gates, QList<ReleaseGateEvaluation> {gate});
        QCOMPARE(reader.releases({}).size(), 2);

        // Opened again: nothing left to migrate, nothing lost.
        HistoryDatabase again;
        QVERIFY2(again.open(dir.filePath(QStringLiteral("history.sqlite"))),
                 qPrintable(again.errorMessage()));
        QCOMPARE(reader.timeline(1)->gates.size(), 1);
        QCOMPARE(reader.timeline(1)->transitions.size(), 1);
    }

    void migrationOfADamagedVersion1FileMovesItAside()
    {
        // Says version 1 but already has a table version 2 adds: not ours, moved aside.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        writeVersion1File(path);
        {
            RawConnection raw(path);
            QVERIFY(raw.exec(QStringLiteral("CREATE TABLE gate_evaluations (x)")));
        }
        HistoryDatabase db;
        QVERIFY2(db.open(path), qPrintable(db.errorMessage()));
        QVERIFY2(db.notice().contains(QLatin1String("was damaged")), qPrintable(db.notice()));
        HistoryReader reader;
        QVERIFY(reader.open(path));
        QVERIFY(reader.releases({}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestHistoryMigration)
#include "tst_historymigration.moc"
