// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "historywrite.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QSqlQuery>
#include <QString>

class HistoryDatabase;

// Stores the recorder's HistoryWrites in an open HistoryDatabase, each in one transaction:
// all of it or, when a statement fails, none of it (errorMessage() then says why).
//
// The semantics are those documented in historywrite.h: releases are upserted by key
// (a finished stored release is not overwritten by a partial catch-up; partially_observed
// only ever becomes true and first_observed_at keeps the earliest time), transitions and
// actions are appended (an audit id already stored is skipped), runs, measurements and
// events are upserted by their unique keys, gate evaluations are appended (the same gate at
// the same instant once), a release's safety nets replace the ones it had, and a deleted workload
// marks all its releases. A row of a release that is neither stored nor in the write is skipped and
// counted (skippedRows()), not an error: the recorder may have started after that release ended.
//
// Used on the database's thread, and destroyed before the database is closed (its prepared
// statements belong to the connection).
class HistoryWriter
{
    Q_DECLARE_TR_FUNCTIONS(HistoryWriter)

public:
    static constexpr int defaultRetentionDays = 90;
    static constexpr qint64 defaultMaxBytes = 512LL * 1024 * 1024;

    explicit HistoryWriter(HistoryDatabase &database);
    ~HistoryWriter();
    HistoryWriter(const HistoryWriter &) = delete;
    HistoryWriter &operator=(const HistoryWriter &) = delete;

    bool write(const HistoryWrite &batch);
    // Why the last write() or prune() failed (translated); empty after a success.
    QString errorMessage() const { return m_errorMessage; }
    // Rows of the last write() whose release is not stored.
    int skippedRows() const { return m_skippedRows; }

    // Deletes releases that ended before now - retentionDays, then, while the file's data is
    // above maxBytes, the oldest ended ones; never a release in progress and never the newest
    // release of a workload (environment, namespace, name), so every workload keeps its
    // latest. Returns how many were removed, or -1 with errorMessage() on failure.
    int prune(int retentionDays = defaultRetentionDays, qint64 maxBytes = defaultMaxBytes,
              const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    bool prepare();
    bool fail(const QSqlQuery &query);
    bool writeBatch(const HistoryWrite &batch);
    bool writeRelease(const ReleaseSummary &release);
    bool updateRelease(const ReleaseSummary &release, qint64 id);
    bool releaseId(const ReleaseKey &key, qint64 *id);
    // The release of a child row: false on a failed query; *id is 0 (and the row counted as
    // skipped) when the release is not stored.
    bool rowRelease(const ReleaseKey &key, qint64 *id);

    // historywriterrows.cpp: the child rows.
    bool writeRows(const HistoryWrite &batch);
    bool writeStepTexts(const ReleaseRow<QStringList> &row);
    bool writeTransition(const ReleaseRow<ReleaseTransition> &row);
    bool writeAction(const ReleaseRow<ReleaseAction> &row);
    bool writeAnalysisRun(const ReleaseRow<ReleaseAnalysisRun> &row);
    bool writeMeasurement(const ReleaseRow<ReleaseMeasurement> &row);
    bool writeEvent(const ReleaseRow<ReleaseEvent> &row);
    bool writeGateEvaluation(const ReleaseRow<ReleaseGateEvaluation> &row);
    bool writeSafetyNets(const ReleaseRow<ReleaseSafetyNets> &row);
    bool markDeleted(const DeletedWorkload &workload);

    HistoryDatabase &m_database;
    QString m_preparedFor; // the connection the statements were prepared on
    QString m_errorMessage;
    QString m_failure; // the failed statement's error, for m_errorMessage
    int m_skippedRows = 0;
    // Release ids by key: the child rows of a batch name their release by key, and most
    // batches touch the same few releases. Ids inserted by a transaction that rolls back are
    // forgotten with it.
    QHash<ReleaseKey, qint64> m_ids;
    QList<ReleaseKey> m_insertedKeys;

    QSqlQuery m_selectRelease;
    QSqlQuery m_insertRelease;
    QSqlQuery m_updateRelease;
    QSqlQuery m_updateStepTexts;
    QSqlQuery m_markDeleted;
    QSqlQuery m_insertTransition;
    QSqlQuery m_insertAction;
    QSqlQuery m_upsertRun;
    QSqlQuery m_updateMeasurement;
    QSqlQuery m_insertMeasurement;
    QSqlQuery m_upsertEvent;
    QSqlQuery m_insertGateEvaluation;
    QSqlQuery m_upsertSafetyNets;
};
