// SPDX-License-Identifier: GPL-3.0-or-later
// rd-sim: the simulated fleet as a standalone program.
//   rd-sim [--scenario FILE | --demo] [--load DIR] [--frozen] [--port N] [--kubeconfig-out FILE]
//          [--parent-pid PID] [--commands]
// Prints each cluster's URL, the kubeconfig path and "ready" when it serves; stops on SIGINT,
// SIGTERM, the end of the parent (--parent-pid) or of standard input (--commands).
// Exit codes: 0 stopped cleanly, 1 could not start, 2 bad command line, scenario or manifest.
#include "fleet/simulator.h"
#include "simcommandline.h"
#include "simcontrol.h"

#include <QCoreApplication>

#include <csignal>

using namespace rdsim;

int main(int argc, char *argv[])
{
    // Blocked before any thread starts, so only SimControl's signalfd sees them, also when
    // one arrives (say, the parent's death) while the fleet is still starting.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    std::signal(SIGPIPE, SIG_IGN);

    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rd-sim"));
    QCoreApplication::setApplicationVersion(QStringLiteral("0.1.0"));
    SimCommandLine commandLine;
    if (const int code = parseSimCommandLine(app.arguments(), &commandLine); code >= 0)
        return code;
    QString error;
    if (commandLine.parentPid != 0 && !stopWithParent(commandLine.parentPid, &error)) {
        printError(error);
        return 1;
    }

    Simulator simulator(commandLine.scenario, commandLine.simulator);
    SimControl control(&simulator);
    if (!control.watchStopSignals(&error) || !simulator.start(&error)) {
        printError(error);
        // Objects the scenario or --load gave that cannot be served are input errors.
        return error.contains(QStringLiteral(": object ")) ? 2 : 1;
    }
    if (commandLine.commands)
        control.readCommands();
    for (SimCluster *cluster : simulator.clusters())
        printLine(QStringLiteral("cluster %1: %2").arg(cluster->name(), cluster->url()));
    printLine(QStringLiteral("kubeconfig: %1").arg(simulator.kubeconfigPath()));
    printLine(commandLine.simulator.frozen ? QStringLiteral("ready (frozen)")
                                           : QStringLiteral("ready"));
    QCoreApplication::exec();
    simulator.stop();
    return 0;
}
