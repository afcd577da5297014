// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

class DemoServer;
class QTextStream;
struct CommandLineOptions;

// `release-dashboard get rollouts` and `get rollout NAME`: read once, print, exit.
// Exit codes: 0 success, 1 not found or an API error (message on stderr; what could be read
// is still printed), 2 usage or configuration error.
class GetCommand
{
    Q_DECLARE_TR_FUNCTIONS(GetCommand)

public:
    enum ExitCode { Success = 0, Failure = 1, UsageError = 2 };

    // options.demo: uses `demo` when given and running (tests drive it), else starts one.
    static int run(const CommandLineOptions &options, QTextStream &out, QTextStream &err,
                   DemoServer *demo = nullptr);
};
