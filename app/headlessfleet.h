// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleetsetup.h"
#include <memory>
#include <QString>

class DemoFleet;
class QTextStream;
struct CommandLineOptions;

// What every headless command starts with: the demo fleet when --demo asks for it (unless
// the caller passes one already running, as tests do), then the kubeconfig and environments.
class HeadlessFleet
{
public:
    HeadlessFleet();
    ~HeadlessFleet();

    enum class Failure { None, Demo, Setup };
    // False with *error; failure() says whether the demo or the configuration failed (the
    // commands exit 1 for the first, 2 for the second).
    bool open(const CommandLineOptions &options, DemoFleet *running, QString *error);
    Failure failure() const { return m_failure; }
    const FleetSetup &setup() const { return m_setup; }

    // "release-dashboard: <message>" on its own line.
    static void printError(QTextStream &err, const QString &message);

private:
    std::unique_ptr<DemoFleet> m_ownDemo;
    FleetSetup m_setup;
    Failure m_failure = Failure::None;
};
