// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "demoserver.h"

#include <QCoreApplication>
#include <QDeadlineTimer>

#include <memory>

class QProcess;

// `release-dashboard --demo`: the demo fleet served by the rd-sim executable as a child
// process, `rd-sim --demo --parent-pid <this process> --commands`. rd-sim listens on free
// loopback ports and writes the kubeconfig into a private temporary folder (0700) of its own,
// which it removes when it stops; it prints the path, then "ready". The app links no
// simulator code.
//
// The child never outlives the app: stop() and the destructor end it (SIGTERM, then SIGKILL
// after 3 s), and when the app ends any other way, even by SIGKILL, the kernel sends rd-sim
// SIGTERM (PR_SET_PDEATHSIG, asked for by --parent-pid) and its standard input closes
// (--commands). The kernel's signal follows the thread that started the child: call start()
// on the main thread.
class DemoProcess final : public DemoServer
{
    Q_DECLARE_TR_FUNCTIONS(DemoProcess)

public:
    // How long start() waits for rd-sim's "ready" (about 30 ms on a quiet machine).
    static constexpr int kReadyTimeoutMs = 5000;

    explicit DemoProcess(int readyTimeoutMs = kReadyTimeoutMs);
    ~DemoProcess() override;
    DemoProcess(const DemoProcess &) = delete;
    DemoProcess &operator=(const DemoProcess &) = delete;

    bool start(QString *error) override;
    void stop() override;
    bool isRunning() const override;
    QString kubeconfigPath() const override;
    // Sends "offline CLUSTER" / "online CLUSTER" and waits for rd-sim's answer.
    bool setClusterOnline(const QString &cluster, bool online, QString *error) override;

    // rd-sim's process id while it runs, else 0.
    qint64 processId() const;

    // Where rd-sim is looked for, first match wins:
    //   1. $RELEASE_DASHBOARD_RD_SIM when set: tests that run the app's code from their own
    //      executables, or a packager who installs rd-sim elsewhere;
    //   2. rd-sim in the folder of the running executable (QCoreApplication::
    //      applicationDirPath()): the build puts both into one folder, and `cmake --install`
    //      and the .deb install both into bin/.
    // Never PATH: an rd-sim of another version could serve another fleet.
    static QString simulatorPath();

private:
    bool waitUntilReady(QString *error);
    // The next line rd-sim prints, without its end; a null string when none came before the
    // deadline or rd-sim ended.
    QString readLine(QDeadlineTimer deadline);
    // What rd-sim said on standard error before it ended, else its exit code.
    QString endReason();

    int m_readyTimeoutMs;
    std::unique_ptr<QProcess> m_process;
    QString m_kubeconfigPath;
};
