// SPDX-License-Identifier: GPL-3.0-or-later
#include "demoprocess.h"

#include <QDir>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>

namespace {

constexpr int kStopTimeoutMs = 3000;
constexpr int kAnswerTimeoutMs = 5000;
const char kSimulatorVariable[] = "RELEASE_DASHBOARD_RD_SIM";

} // namespace

DemoProcess::DemoProcess(int readyTimeoutMs) : m_readyTimeoutMs(readyTimeoutMs) { }

DemoProcess::~DemoProcess()
{
    stop();
}

QString DemoProcess::simulatorPath()
{
    const QString configured = qEnvironmentVariable(kSimulatorVariable);
    if (!configured.isEmpty())
        return configured;
    return QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("rd-sim"));
}

bool DemoProcess::start(QString *error)
{
    stop();
    const QString program = simulatorPath();
    if (!QFileInfo::exists(program)) {
        *error = tr("The demo cannot start: rd-sim is missing (looked for %1; it is "
                    "installed beside release-dashboard)")
                     .arg(QDir::toNativeSeparators(program));
        return false;
    }
    m_process = std::make_unique<QProcess>();
    m_process->start(program,
                     {QStringLiteral("--demo"), QStringLiteral("--parent-pid"),
                      QString::number(QCoreApplication::applicationPid()),
                      QStringLiteral("--commands")});
    if (!m_process->waitForStarted(m_readyTimeoutMs)) {
        *error = tr("The demo cannot start: %1 did not run: %2")
                     .arg(QDir::toNativeSeparators(program), m_process->errorString());
        m_process.reset();
        return false;
    }
    if (!waitUntilReady(error)) {
        stop();
        return false;
    }
    // From now on nothing waits for standard error: drop it rather than let it pile up.
    QProcess *process = m_process.get();
    QObject::connect(process, &QProcess::readyReadStandardError, process,
                     [process] { process->readAllStandardError(); });
    return true;
}

bool DemoProcess::waitUntilReady(QString *error)
{
    const QDeadlineTimer deadline(m_readyTimeoutMs);
    const QString kubeconfigPrefix = QStringLiteral("kubeconfig: ");
    for (QString line = readLine(deadline); !line.isNull(); line = readLine(deadline)) {
        if (line.startsWith(kubeconfigPrefix))
            m_kubeconfigPath = line.mid(kubeconfigPrefix.size());
        else if (line == QStringLiteral("ready") && !m_kubeconfigPath.isEmpty())
            return true;
    }
    if (m_process->state() == QProcess::NotRunning)
        *error = tr("The demo cannot start: rd-sim ended before it was ready: %1").arg(endReason());
    else
        *error = tr("The demo cannot start: rd-sim was not ready within %1 s")
                     .arg(QLocale().toString(m_readyTimeoutMs / 1000.0));
    return false;
}

QString DemoProcess::readLine(QDeadlineTimer deadline)
{
    while (!m_process->canReadLine()) {
        const bool more = m_process->state() != QProcess::NotRunning && !deadline.hasExpired()
            && m_process->waitForReadyRead(int(deadline.remainingTime()));
        if (!more && !m_process->canReadLine()) // a last line may have come with the end
            return QString();
    }
    return QString::fromUtf8(m_process->readLine()).chopped(1);
}

QString DemoProcess::endReason()
{
    const QString said = QString::fromUtf8(m_process->readAllStandardError()).trimmed();
    if (!said.isEmpty())
        return said;
    if (m_process->exitStatus() == QProcess::CrashExit)
        return tr("it crashed");
    return tr("exit code %1").arg(m_process->exitCode());
}

void DemoProcess::stop()
{
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        // SIGTERM: rd-sim closes its servers and removes its kubeconfig folder.
        m_process->terminate();
        if (!m_process->waitForFinished(kStopTimeoutMs)) {
            m_process->kill();
            m_process->waitForFinished();
        }
    }
    m_process.reset();
    m_kubeconfigPath.clear();
}

bool DemoProcess::isRunning() const
{
    return m_process && m_process->state() == QProcess::Running;
}

QString DemoProcess::kubeconfigPath() const
{
    return isRunning() ? m_kubeconfigPath : QString();
}

qint64 DemoProcess::processId() const
{
    return isRunning() ? m_process->processId() : 0;
}

bool DemoProcess::setClusterOnline(const QString &cluster, bool online, QString *error)
{
    QString answer;
    if (isRunning()) {
        m_process->write((online ? "online " : "offline ") + cluster.toUtf8() + '\n');
        answer = readLine(QDeadlineTimer(kAnswerTimeoutMs));
    }
    if (answer == QStringLiteral("ok"))
        return true;
    const QString errorPrefix = QStringLiteral("error: ");
    const QString reason = answer.startsWith(errorPrefix) ? answer.mid(errorPrefix.size())
                                                          : tr("rd-sim did not answer");
    *error = online ? tr("Cluster %1 did not come back: %2").arg(cluster, reason)
                    : tr("Cluster %1 was not taken offline: %2").arg(cluster, reason);
    return false;
}
