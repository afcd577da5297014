// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleet/simulator.h"
#include "scenario/scenario.h"

#include <QString>
#include <QStringList>

namespace rdsim {

// What rd-sim's command line asks for (docs/rd-sim.md).
struct SimCommandLine
{
    Scenario scenario = Scenario::minimal();
    SimulatorOptions simulator;
    qint64 parentPid = 0; // --parent-pid: stop when this process, the parent, ends
    bool commands = false; // --commands: read commands on standard input
};

// Parses the arguments and reads the scenario and manifests they name into *out. Returns -1
// to go on, else the exit code to end with after the error was printed: 2 for a bad command
// line, scenario or manifest. --help and --version print and exit here.
int parseSimCommandLine(const QStringList &arguments, SimCommandLine *out);

// One line on standard output, flushed at once: whoever started rd-sim reads the lines as
// they come (the banner, "ready", the answers to commands).
void printLine(const QString &line);
// "rd-sim: <line>" on standard error.
void printError(const QString &line);

} // namespace rdsim
