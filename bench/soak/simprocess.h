// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QProcess>
#include <QString>

// The parent's handle on one simulated cluster in a child process (simchild.cpp): start,
// kill and start again on the same port, send commands, and count what it reports (every
// PATCH of a Rollout it saw, by status) across restarts.
class SimProcess : public QObject
{
    Q_OBJECT
public:
    SimProcess(const QString &program, const QString &cluster, int port, int rollouts,
               QObject *parent = nullptr);
    ~SimProcess() override;

    QString cluster() const { return m_cluster; }
    int port() const { return m_port; }
    QByteArray caPem() const { return m_caPem; }
    bool isRunning() const { return m_process.state() == QProcess::Running && m_ready; }

    // Starts the child and waits until it serves (or timeoutMs passes).
    bool start(int timeoutMs, QString *error);
    // SIGKILL, as an OOM kill or a node loss would: no goodbye to open connections.
    // Pending reports are flushed first so that no PATCH the app saw answered goes uncounted.
    void kill();
    void send(const QByteArray &command);
    // Sends "flush" and waits for "flushed": every PATCH the server saw has been counted.
    bool flush(int timeoutMs = 5000);
    // The store's resourceVersion now (-1 when the child does not answer).
    qint64 writes(int timeoutMs = 5000);

    // Rollout PATCHes seen by status (0: dropped by an injected fault), over all lives.
    QHash<int, int> patchesByStatus() const { return m_patches; }
    int patchCount() const;
    // Store writes over all lives (the resourceVersion of each life, summed).
    qint64 totalWrites() const { return m_writesOfEarlierLives + qMax<qint64>(0, m_lastWrites); }
    int restarts() const { return m_restarts; }
    // Events the store held at the last writes() (they expire after 5 minutes).
    int events() const { return m_events; }

private:
    void readLines();
    bool waitFor(const QByteArray &prefix, int timeoutMs, QByteArray *line);

    QString m_program;
    QString m_cluster;
    int m_port;
    int m_rollouts;
    QProcess m_process;
    QByteArray m_buffer;
    QList<QByteArray> m_replies;
    QByteArray m_caPem;
    bool m_ready = false;
    QHash<int, int> m_patches;
    qint64 m_lastWrites = 0;
    qint64 m_writesOfEarlierLives = 0;
    int m_restarts = 0;
    int m_events = 0;
};
