// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

class DemoServer;
class QTextStream;
struct CommandLineOptions;

// `release-dashboard get applications [--env E] [--instance I] [-o table|wide|json]`: every
// Argo CD server of every environment (or the one named) listed once, printed, exit. Exit
// codes as `get rollouts`: 0 success, 1 a server could not be read (its error on stderr; the
// others are still printed), 2 usage or configuration error.
class ApplicationsCommand
{
    Q_DECLARE_TR_FUNCTIONS(ApplicationsCommand)

public:
    // demo: as GetCommand::run.
    static int run(const CommandLineOptions &options, QTextStream &out, QTextStream &err,
                   DemoServer *demo = nullptr);
};
