// SPDX-License-Identifier: GPL-3.0-or-later
#include "simcontrol.h"

#include "fleet/simulator.h"
#include "simcommandline.h"

#include <QCoreApplication>
#include <QSocketNotifier>

#include <cerrno>
#include <csignal>
#include <cstring>

#include <sys/prctl.h>
#include <sys/signalfd.h>
#include <unistd.h>

namespace rdsim {

SimControl::SimControl(Simulator *simulator, QObject *parent) :
    QObject(parent), m_simulator(simulator)
{ }

SimControl::~SimControl()
{
    if (m_signalFd >= 0)
        ::close(m_signalFd);
}

bool SimControl::watchStopSignals(QString *error)
{
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    m_signalFd = ::signalfd(-1, &stopSignals, SFD_CLOEXEC | SFD_NONBLOCK);
    if (m_signalFd < 0) {
        *error = QStringLiteral("cannot watch SIGINT and SIGTERM: %1")
                     .arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    m_signals = new QSocketNotifier(m_signalFd, QSocketNotifier::Read, this);
    connect(m_signals, &QSocketNotifier::activated, this, &SimControl::takeSignal);
    return true;
}

void SimControl::readCommands()
{
    m_input = new QSocketNotifier(STDIN_FILENO, QSocketNotifier::Read, this);
    connect(m_input, &QSocketNotifier::activated, this, &SimControl::takeInput);
}

void SimControl::takeSignal()
{
    signalfd_siginfo info {};
    if (::read(m_signalFd, &info, sizeof info) != ssize_t(sizeof info))
        return;
    stop(QStringLiteral("stopping on %1")
             .arg(info.ssi_signo == SIGINT ? QStringLiteral("SIGINT") : QStringLiteral("SIGTERM")));
}

void SimControl::takeInput()
{
    char buffer[4096];
    const ssize_t size = ::read(STDIN_FILENO, buffer, sizeof buffer);
    if (size < 0 && (errno == EINTR || errno == EAGAIN))
        return;
    if (size <= 0) {
        m_input->setEnabled(false);
        stop(QStringLiteral("stopping: standard input closed"));
        return;
    }
    m_pendingInput.append(buffer, size);
    qsizetype end = 0;
    while ((end = m_pendingInput.indexOf('\n')) >= 0) {
        const QString line = QString::fromUtf8(m_pendingInput.left(end)).trimmed();
        m_pendingInput.remove(0, end + 1);
        if (!line.isEmpty())
            printLine(runCommand(line));
    }
}

QString SimControl::runCommand(const QString &line)
{
    const QStringList words = line.split(u' ', Qt::SkipEmptyParts);
    const QString verb = words.first();
    if (words.size() != 2
        || (verb != QStringLiteral("offline") && verb != QStringLiteral("online")
            && verb != QStringLiteral("argocd-drop-streams")))
        return QStringLiteral("error: unknown command '%1' (offline CLUSTER, online CLUSTER)")
            .arg(line);
    QString error;
    if (verb == QStringLiteral("argocd-drop-streams")) {
        if (!m_simulator->dropArgoCdStreams(words.at(1), &error))
            return QStringLiteral("error: ") + error;
        return QStringLiteral("ok");
    }
    if (!m_simulator->setClusterOnline(words.at(1), verb == QStringLiteral("online"), &error))
        return QStringLiteral("error: ") + error;
    return QStringLiteral("ok");
}

void SimControl::stop(const QString &why)
{
    printLine(why);
    QCoreApplication::quit();
}

bool stopWithParent(qint64 pid, QString *error)
{
    // Set first, checked second: a parent that ended in between is caught by the check.
    if (::prctl(PR_SET_PDEATHSIG, SIGTERM) != 0) {
        *error
            = QStringLiteral("--parent-pid: %1").arg(QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (qint64(::getppid()) != pid) {
        *error = QStringLiteral("--parent-pid: process %1 is not the parent (it may have ended)")
                     .arg(pid);
        return false;
    }
    return true;
}

} // namespace rdsim
