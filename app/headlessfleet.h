// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleetsetup.h"
#include <memory>
#include <QString>

class DemoServer;
class QTextStream;
struct CommandLineOptions;

// What every headless command starts with: the demo fleet (the rd-sim child process) when
// --demo asks for it, unless the caller passes one already running, as tests do; then the
// kubeconfig and environments.
class HeadlessFleet
{
public:
    HeadlessFleet();
    ~HeadlessFleet();

    // Opens the fleet and selects the environments the command names (--env, --context, or
    // all). 0 on success; otherwise the error is printed and the command's exit code returned:
    // 1 when the demo did not start, 2 for a usage or configuration error.
    int open(const CommandLineOptions &options, DemoServer *running, QTextStream &err);
    const FleetSetup &setup() const { return m_setup; }
    const QList<EnvironmentSpec> &environments() const { return m_environments; }

    // "release-dashboard: <message>" on its own line.
    static void printError(QTextStream &err, const QString &message);

private:
    std::unique_ptr<DemoServer> m_ownDemo;
    FleetSetup m_setup;
    QList<EnvironmentSpec> m_environments;
};
