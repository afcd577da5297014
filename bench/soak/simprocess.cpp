// SPDX-License-Identifier: GPL-3.0-or-later
#include "simprocess.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QTimer>

SimProcess::SimProcess(const QString &program, const QString &cluster, int port, int rollouts,
                       QObject *parent) :
    QObject(parent), m_program(program), m_cluster(cluster), m_port(port), m_rollouts(rollouts)
{
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &SimProcess::readLines);
}

SimProcess::~SimProcess()
{
    if (m_process.state() != QProcess::NotRunning) {
        m_process.closeWriteChannel(); // the child stops when stdin closes
        if (!m_process.waitForFinished(5000))
            m_process.kill();
        m_process.waitForFinished(2000);
    }
}

bool SimProcess::start(int timeoutMs, QString *error)
{
    m_ready = false;
    m_replies.clear();
    m_buffer.clear();
    m_process.start(m_program,
                    {QStringLiteral("--serve-sim"), m_cluster, QStringLiteral("--port"),
                     QString::number(m_port), QStringLiteral("--rollouts"),
                     QString::number(m_rollouts)});
    QByteArray line;
    if (!waitFor("ready ", timeoutMs, &line)) {
        *error = QStringLiteral("simulator %1 did not start on port %2").arg(m_cluster).arg(m_port);
        m_process.kill();
        m_process.waitForFinished(2000);
        return false;
    }
    m_caPem = QByteArray::fromBase64(line.split(' ').value(2));
    m_ready = true;
    return true;
}

void SimProcess::kill()
{
    if (!isRunning())
        return;
    flush();
    const qint64 rv = writes();
    m_writesOfEarlierLives += qMax<qint64>(0, rv);
    m_lastWrites = 0;
    m_process.kill();
    m_process.waitForFinished(5000);
    readLines();
    m_ready = false;
    ++m_restarts;
}

void SimProcess::send(const QByteArray &command)
{
    if (m_process.state() == QProcess::Running)
        m_process.write(command + '\n');
}

bool SimProcess::flush(int timeoutMs)
{
    if (!isRunning())
        return false;
    send("flush");
    return waitFor("flushed", timeoutMs, nullptr);
}

qint64 SimProcess::writes(int timeoutMs)
{
    if (!isRunning())
        return -1;
    send("writes");
    QByteArray line;
    if (!waitFor("writes ", timeoutMs, &line))
        return -1;
    m_lastWrites = line.split(' ').value(1).toLongLong();
    m_events = line.split(' ').value(2).toInt();
    return m_lastWrites;
}

int SimProcess::patchCount() const
{
    int total = 0;
    for (int count : m_patches)
        total += count;
    return total;
}

void SimProcess::readLines()
{
    m_buffer += m_process.readAllStandardOutput();
    for (qsizetype end; (end = m_buffer.indexOf('\n')) >= 0;) {
        const QByteArray line = m_buffer.left(end);
        m_buffer.remove(0, end + 1);
        if (line.startsWith("patch "))
            ++m_patches[line.split(' ').value(1).toInt()];
        else
            m_replies.append(line);
    }
}

// Runs the event loop (the window keeps working) until a reply with that prefix arrives.
bool SimProcess::waitFor(const QByteArray &prefix, int timeoutMs, QByteArray *line)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        for (qsizetype i = 0; i < m_replies.size(); ++i) {
            if (m_replies.at(i).startsWith(prefix)) {
                if (line)
                    *line = m_replies.at(i);
                m_replies.remove(0, i + 1);
                return true;
            }
        }
        if (m_process.state() == QProcess::NotRunning)
            return false;
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        connect(&m_process, &QProcess::readyReadStandardOutput, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return false;
}
