// SPDX-License-Identifier: GPL-3.0-or-later
#include "historyrecorder.h"

#include <QDir>
#include <QStandardPaths>

HistoryRecorder::HistoryRecorder(const HistoryRecorderOptions &options, QObject *parent) :
    QObject(parent), m_worker(new HistoryRecorderWorker(options))
{
    m_thread.setObjectName(QStringLiteral("history"));
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &HistoryRecorderWorker::opened, this, &HistoryRecorder::opened);
    connect(m_worker, &HistoryRecorderWorker::written, this, &HistoryRecorder::written);
    connect(m_worker, &HistoryRecorderWorker::writeFailed, this, &HistoryRecorder::writeFailed);
}

HistoryRecorder::~HistoryRecorder()
{
    if (m_started) {
        QMetaObject::invokeMethod(m_worker, &HistoryRecorderWorker::close,
                                  Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    } else {
        delete m_worker;
    }
}

void HistoryRecorder::start()
{
    if (m_started)
        return;
    m_started = true;
    m_thread.start();
    QMetaObject::invokeMethod(m_worker, &HistoryRecorderWorker::open, Qt::QueuedConnection);
}

void HistoryRecorder::record(const QString &environment, const WorkloadDeltaBatch &batch)
{
    if (!m_started)
        return;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, environment, batch] { worker->record(environment, batch); },
        Qt::QueuedConnection);
}

void HistoryRecorder::recordGateReport(const GateReport &report)
{
    if (!m_started)
        return;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, report] { worker->recordGateReport(report); },
        Qt::QueuedConnection);
}

void HistoryRecorder::recordSafetyNets(const SafetyNets &nets, qint64 readAtMs)
{
    if (!m_started)
        return;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, nets, readAtMs] { worker->recordSafetyNets(nets, readAtMs); },
        Qt::QueuedConnection);
}

bool HistoryRecorder::flushNow()
{
    if (!m_started)
        return false;
    bool written = false;
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker] {
            worker->flush();
            return worker->isWriting();
        },
        Qt::BlockingQueuedConnection, &written);
    return written;
}

QString HistoryRecorder::defaultPath(bool demo)
{
    const QString fromEnvironment = qEnvironmentVariable("RELEASE_DASHBOARD_HISTORY_FILE");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return QDir(folder).filePath(demo ? QStringLiteral("demo-history.sqlite")
                                      : QStringLiteral("history.sqlite"));
}
