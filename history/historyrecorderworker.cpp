// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyrecorderworker.h"

#include "historywriter.h"

#include <QLoggingCategory>

namespace {

Q_LOGGING_CATEGORY(lcHistory, "release-dashboard.history")

// Rows kept while the database refuses writes, before they are given up (and said so):
// a database that stays locked must not grow the app's memory without bound.
constexpr qsizetype maxPendingRows = 200'000;
// The audit log is read from its start; more than this is skipped from its front.
constexpr qint64 maxAuditRead = 16LL * 1024 * 1024;
constexpr qsizetype maxUnplacedAudit = 1000;

qsizetype rowCount(const HistoryWrite &w)
{
    return w.releases.size() + w.stepTexts.size() + w.transitions.size() + w.actions.size()
        + w.analysisRuns.size() + w.measurements.size() + w.events.size() + w.gateEvaluations.size()
        + w.safetyNets.size() + w.deletedWorkloads.size();
}

} // namespace

HistoryRecorderWorker::HistoryRecorderWorker(const HistoryRecorderOptions &options) :
    m_options(options), m_flushTimer(this), m_pruneTimer(this)
{
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(m_options.flushIntervalMSecs);
    connect(&m_flushTimer, &QTimer::timeout, this, &HistoryRecorderWorker::flush);
    m_pruneTimer.setInterval(60 * 60 * 1000);
    connect(&m_pruneTimer, &QTimer::timeout, this, &HistoryRecorderWorker::prune);
}

HistoryRecorderWorker::~HistoryRecorderWorker() = default;

QDateTime HistoryRecorderWorker::now() const
{
    return m_options.clock ? m_options.clock() : QDateTime::currentDateTimeUtc();
}

void HistoryRecorderWorker::open()
{
    m_startedAt = now();
    if (!m_database.open(m_options.databasePath)) {
        qCWarning(lcHistory).noquote() << m_database.errorMessage();
        emit opened(m_database.errorMessage(), QString());
        return;
    }
    m_writer = std::make_unique<HistoryWriter>(m_database);
    prune();
    m_pruneTimer.start();
    emit opened(QString(), m_database.notice());
}

void HistoryRecorderWorker::record(const QString &environment, const WorkloadDeltaBatch &batch)
{
    if (!m_writer)
        return; // no history this session: the open said why
    std::shared_ptr<ReleaseTracker> &tracker = m_trackers[environment];
    if (!tracker)
        tracker = std::make_shared<ReleaseTracker>(environment, m_startedAt);
    m_pending.append(tracker->apply(batch, now()));
    schedule();
}

void HistoryRecorderWorker::recordGateReport(const GateReport &report)
{
    if (!m_writer)
        return;
    const std::shared_ptr<ReleaseTracker> tracker = m_trackers.value(report.environment);
    if (!tracker)
        return; // no release of that environment is known yet
    m_pending.append(tracker->applyGateReport(report));
    schedule();
}

void HistoryRecorderWorker::recordSafetyNets(const SafetyNets &nets, qint64 readAtMs)
{
    if (!m_writer)
        return;
    const std::shared_ptr<ReleaseTracker> tracker = m_trackers.value(nets.environment);
    if (!tracker)
        return; // no release of that environment is known yet
    m_pending.append(tracker->applySafetyNets(nets, readAtMs));
    schedule();
}

void HistoryRecorderWorker::schedule()
{
    if (!m_pending.isEmpty() && !m_flushTimer.isActive())
        m_flushTimer.start();
}

void HistoryRecorderWorker::flush()
{
    m_flushTimer.stop();
    if (!m_writer)
        return;
    followAuditLog();
    placeAuditRecords();
    if (m_pending.isEmpty())
        return;
    if (!m_writer->write(m_pending)) {
        // Kept for the next flush (a lock may pass), up to a bound.
        if (!m_failedLastWrite)
            emit writeFailed(m_writer->errorMessage());
        m_failedLastWrite = true;
        if (rowCount(m_pending) > maxPendingRows) {
            emit writeFailed(tr("%n recorded rows could not be written and were given up.", nullptr,
                                int(rowCount(m_pending))));
            m_pending = HistoryWrite();
        }
        m_flushTimer.start(qMax(1000, m_options.flushIntervalMSecs));
        return;
    }
    m_failedLastWrite = false;
    const int releases = int(m_pending.releases.size());
    const int rows = int(rowCount(m_pending));
    m_pending = HistoryWrite();
    emit written(releases, rows);
}

void HistoryRecorderWorker::close()
{
    flush();
    m_pruneTimer.stop();
    m_writer.reset();
    m_database.close();
}

void HistoryRecorderWorker::prune()
{
    if (m_writer
        && m_writer->prune(m_options.retentionDays, m_options.maxBytes,
                           QDateTime::currentDateTimeUtc())
            < 0)
        qCWarning(lcHistory).noquote() << m_writer->errorMessage();
}

void HistoryRecorderWorker::followAuditLog()
{
    if (m_options.auditPath.isEmpty())
        return;
    QFile file(m_options.auditPath);
    if (!file.open(QIODevice::ReadOnly))
        return; // no action taken yet: no file
    if (file.size() < m_auditOffset)
        m_auditOffset = 0; // replaced by a new file
    m_auditOffset = qMax(m_auditOffset, file.size() - maxAuditRead);
    if (!file.seek(m_auditOffset))
        return;
    const QByteArray data = file.read(maxAuditRead);
    const qsizetype end = data.lastIndexOf('\n');
    if (end < 0)
        return; // a line still being written
    for (const QByteArray &line : data.left(end).split('\n')) {
        AuditRecord record;
        QString error;
        if (!line.trimmed().isEmpty() && AuditRecord::fromJsonLine(line, &record, &error)
            && record.stage == AuditRecord::Stage::Outcome)
            m_unplacedAudit.append(record);
    }
    m_auditOffset += end + 1;
}

void HistoryRecorderWorker::placeAuditRecords()
{
    QList<AuditRecord> unplaced;
    for (const AuditRecord &record : std::as_const(m_unplacedAudit)) {
        const std::shared_ptr<ReleaseTracker> tracker = m_trackers.value(record.environment);
        const HistoryWrite write = tracker ? tracker->applyAudit(record) : HistoryWrite();
        if (write.isEmpty())
            unplaced.append(record); // its rollout may not be listed yet
        else
            m_pending.append(write);
    }
    if (unplaced.size() > maxUnplacedAudit)
        unplaced = unplaced.mid(unplaced.size() - maxUnplacedAudit);
    m_unplacedAudit = unplaced;
}
