// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QObject>
#include <QString>

class QSocketNotifier;

namespace rdsim {

class Simulator;

// What reaches rd-sim while it serves, handled on the main thread's event loop:
// - SIGINT or SIGTERM stop it ("stopping on SIGTERM"). The caller blocks both in every thread
//   before any starts; a signalfd hands them to the loop.
// - With readCommands(), one command per line on standard input, each answered with one line
//   on standard output, "ok" or "error: <reason>":
//     offline CLUSTER   the cluster's API server goes away, open watches closed (an outage)
//     online CLUSTER    it listens again on the same port
//     argocd-drop-streams CLUSTER   the cluster's Argo CD ends its open application streams
//   The end of standard input stops rd-sim ("stopping: standard input closed"): the process
//   that held the other end, and sent the commands, is gone.
// Each way ends QCoreApplication::exec().
class SimControl : public QObject
{
public:
    explicit SimControl(Simulator *simulator, QObject *parent = nullptr);
    ~SimControl() override;

    // False with *error when the signals cannot be watched.
    bool watchStopSignals(QString *error);
    void readCommands();

private:
    void takeSignal();
    void takeInput();
    QString runCommand(const QString &line);
    void stop(const QString &why);

    Simulator *m_simulator;
    int m_signalFd = -1;
    QSocketNotifier *m_signals = nullptr;
    QSocketNotifier *m_input = nullptr;
    QByteArray m_pendingInput;
};

// --parent-pid: asks the kernel to send SIGTERM when the parent ends (PR_SET_PDEATHSIG), so
// rd-sim does not outlive the dashboard that started it, not even one killed with SIGKILL.
// False with *error when `pid` is not, or no longer, the parent.
bool stopWithParent(qint64 pid, QString *error);

} // namespace rdsim
