// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

class DemoServer;
class QTextStream;
struct CommandLineOptions;

// `release-dashboard app sync NAME [--revision R] [--prune] [--dry-run]`, `app rollback NAME
// ID [--prune] [--dry-run]` and `app terminate NAME`, each with [--env E] [--instance I]
// [--yes]: one Argo CD operation on one application, found by name among the Argo CD servers
// of the environments, with the checks and audit of the rollout actions (AppActionExecutor).
// Exit codes as ActionCommand's: 0 done or nothing to do, 1 failed (not found, a server
// could not be read, an API error), 2 usage or configuration error (also: the name is in
// several places), 3 denied, 4 refused (read-only, protected without --yes, the
// application's state).
class AppActionCommand
{
    Q_DECLARE_TR_FUNCTIONS(AppActionCommand)

public:
    // demo: as GetCommand::run.
    static int run(const CommandLineOptions &options, QTextStream &out, QTextStream &err,
                   DemoServer *demo = nullptr);
};
