// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

class DemoServer;
class QTextStream;
struct CommandLineOptions;

// `release-dashboard gate check --rollout NS/NAME`: judges every gate that applies to one
// rollout (the config's gates and the AnalysisRuns of its canary) once, at --at, or again at
// every gate interval for --watch (stopping at the first failure), for pipelines.
// Exit codes: 0 every gate passed, 1 a gate failed, 2 usage, config or connection error (a
// gate's query error included), 3 inconclusive (none failed: too little data, no canary).
class GateCommand
{
    Q_DECLARE_TR_FUNCTIONS(GateCommand)

public:
    enum ExitCode { Pass = 0, Fail = 1, UsageOrConnectionError = 2, Inconclusive = 3 };

    // demo: as GetCommand::run.
    static int run(const CommandLineOptions &options, QTextStream &out, QTextStream &err,
                   DemoServer *demo = nullptr);
};
