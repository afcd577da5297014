// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "gateresult.h"
#include "historyrecorderworker.h"

#include <QObject>
#include <QThread>

// Records every release the fetchers show into the history database, off the GUI thread
// (DESIGN.md, data flow 6). Connect FleetFetcher::workloadsChanged to record(): the batch
// (a value) is queued to the recorder's thread, where the trackers turn it into rows and a
// transaction writes them every flush interval. A database that cannot be opened is
// reported once (opened() with the message) and the app goes on without history.
class HistoryRecorder : public QObject
{
    Q_OBJECT

public:
    explicit HistoryRecorder(const HistoryRecorderOptions &options, QObject *parent = nullptr);
    // Writes what is still pending, closes the database and ends the thread.
    ~HistoryRecorder() override;

    void start();
    // Any thread. Batches after a failed open are dropped.
    void record(const QString &environment, const WorkloadDeltaBatch &batch);
    // Any thread: one live evaluation of a rollout's quality gates, queued to the recorder's
    // thread like a batch (after the batches recorded before it) and written in the next
    // flush's transaction. It is stored on the release of that environment, namespace and
    // rollout whose pod template hash is report.canaryHash and that was in progress at
    // report.evaluatedAtMs; a report without a canary hash, or for a release the recorder
    // does not know, is dropped. To keep the record small, a gate's evaluation is stored
    // only when its outcome differs from the last one stored for that gate of that release,
    // or at least a minute (ReleaseTracker::gateRecordIntervalMs) after it: every change
    // of outcome is in the record, a steady gate adds one row a minute.
    void recordGateReport(const GateReport &report);
    // Any thread: one rollout's safety nets as the window assembled them at readAtMs
    // (SafetyNetsMonitor), queued like a gate report and stored on the release of that
    // rollout whose pod template hash is nets.canary.podTemplateHash and that was in
    // progress then. A release keeps only its latest safety nets, replaced when they change
    // but not more than once a minute (ReleaseTracker::safetyNetsRecordIntervalMs).
    void recordSafetyNets(const SafetyNets &nets, qint64 readAtMs);
    // Blocks until what was recorded so far is written (tests, and `record` on SIGTERM).
    // False when that write failed (writeFailed() said why) or there is no database.
    bool flushNow();

    // $RELEASE_DASHBOARD_HISTORY_FILE, else <AppDataLocation>/history.sqlite, or
    // demo-history.sqlite for the demo fleet (its environments are not the user's).
    static QString defaultPath(bool demo);

signals:
    void opened(const QString &errorMessage, const QString &notice);
    void written(int releases, int rows);
    void writeFailed(const QString &message);

private:
    QThread m_thread;
    HistoryRecorderWorker *m_worker = nullptr; // lives on m_thread, deleted when it ends
    bool m_started = false;
};
