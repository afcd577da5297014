// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "auditrecord.h"
#include "fleetdelta.h"
#include "gateresult.h"
#include "historydatabase.h"
#include "historywrite.h"
#include "releasetracker.h"

#include <QFile>
#include <QHash>
#include <QObject>
#include <QTimer>

#include <functional>
#include <memory>

struct HistoryRecorderOptions
{
    QString databasePath;
    QString auditPath; // the audit log whose outcomes become actions; empty: none
    int retentionDays = 90;
    qint64 maxBytes = 512LL * 1024 * 1024;
    int flushIntervalMSecs = 250; // batches of this long are written in one transaction
    std::function<QDateTime()> clock; // the time a batch arrived; default: now (UTC)
};

class HistoryWriter;

// The recorder's thread side (HistoryRecorder moves it there): one ReleaseTracker per
// environment, the rows they produce collected and written in one transaction per flush
// interval, the audit log followed for our actions, and the retention applied at open and
// hourly. Everything here runs on the recorder's thread; the GUI thread only queues batches.
class HistoryRecorderWorker : public QObject
{
    Q_OBJECT

public:
    explicit HistoryRecorderWorker(const HistoryRecorderOptions &options);
    ~HistoryRecorderWorker() override;

    void open();
    void record(const QString &environment, const WorkloadDeltaBatch &batch);
    // Placed by the environment's tracker (ReleaseTracker::applyGateReport); dropped when no
    // batch of that environment came yet.
    void recordGateReport(const GateReport &report);
    // Placed by the tracker likewise (ReleaseTracker::applySafetyNets).
    void recordSafetyNets(const SafetyNets &nets, qint64 readAtMs);
    // Writes what is pending now (the flush timer's job; also before closing).
    void flush();
    void close();
    // The database is open and the last write succeeded.
    bool isWriting() const { return m_writer && !m_failedLastWrite; }

signals:
    void opened(const QString &errorMessage, const QString &notice);
    void written(int releases, int rows);
    void writeFailed(const QString &message);

private:
    void followAuditLog();
    void placeAuditRecords();
    void prune();
    void schedule();
    QDateTime now() const;

    HistoryRecorderOptions m_options;
    HistoryDatabase m_database;
    std::unique_ptr<HistoryWriter> m_writer;
    QDateTime m_startedAt;
    QHash<QString, std::shared_ptr<ReleaseTracker>> m_trackers; // by environment
    HistoryWrite m_pending;
    QTimer m_flushTimer;
    QTimer m_pruneTimer;
    qint64 m_auditOffset = 0;
    QList<AuditRecord> m_unplacedAudit; // outcomes whose rollout no tracker knows yet
    bool m_failedLastWrite = false;
};
