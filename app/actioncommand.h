// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

class DemoServer;
class QTextStream;
struct CommandLineOptions;

// `release-dashboard pause|resume|promote [--full]|abort|retry|restart|undo NAME`: one action
// on one rollout with the same checks and audit as the window, for scripts.
// Exit codes: 0 done (or nothing to do), 1 failed (API or network error, not found),
// 2 usage or configuration error, 3 denied (no permission), 4 refused (read-only, or the
// action does not fit the rollout's state).
class ActionCommand
{
    Q_DECLARE_TR_FUNCTIONS(ActionCommand)

public:
    enum ExitCode { Success = 0, Failure = 1, UsageError = 2, Denied = 3, Refused = 4 };

    // demo: as GetCommand::run.
    static int run(const CommandLineOptions &options, QTextStream &out, QTextStream &err,
                   DemoServer *demo = nullptr);
};
