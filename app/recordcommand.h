// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

class DemoServer;
class QTextStream;
struct CommandLineOptions;

// `release-dashboard record`: the window's release recording without the window, for a team
// machine that keeps the history while nobody has the dashboard open. It watches the chosen
// environments (FleetFetcher, as the window does) and writes what it sees with a
// HistoryRecorder, printing a line when recording starts and one per change of an
// environment's connection, until SIGINT or SIGTERM; then it writes what is pending and
// exits 0. Exit codes: 1 when the database cannot be opened or the demo did not start,
// 2 usage or configuration error.
class RecordCommand
{
    Q_DECLARE_TR_FUNCTIONS(RecordCommand)

public:
    // options.demo: uses `demo` when given and running (tests), else starts one.
    static int run(const CommandLineOptions &options, QTextStream &out, QTextStream &err,
                   DemoServer *demo = nullptr);
};
