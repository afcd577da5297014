// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The headless commands run in process, as main() runs them, with what they print kept: for
// the tests of the command line (get, the actions, app, gate, history).

#include "commandline.h"
#include "getcommand.h"

#include <QElapsedTimer>
#include <QString>
#include <QStringList>
#include <QTextStream>

class DemoServer;

// One command's exit code, standard output and standard error.
struct HeadlessRun
{
    int code = -1;
    QString out;
    QString err;
    qint64 ms = 0; // how long the command ran, parsing aside
};

// The arguments main() would get for `release-dashboard LEADING... LINE` (LINE split at
// spaces; it never needs quoting in the tests).
inline QStringList headlessArguments(const QStringList &leading, const QString &line)
{
    return QStringList {QStringLiteral("release-dashboard")} + leading
        + line.split(u' ', Qt::SkipEmptyParts);
}

// Runs command(out, err), which returns the exit code.
template<typename Command> HeadlessRun captureHeadless(Command &&command)
{
    HeadlessRun result;
    QElapsedTimer clock;
    clock.start();
    {
        QTextStream out(&result.out);
        QTextStream err(&result.err);
        result.code = command(out, err);
    } // the streams are flushed before result is handed out
    result.ms = clock.elapsed();
    return result;
}

// Parses arguments as main() does: a usage error is exit code 2 with the parser's message;
// otherwise command(options, out, err) runs.
template<typename Command> HeadlessRun runHeadless(const QStringList &arguments, Command &&command)
{
    CommandLineOptions options;
    QString usage;
    if (CommandLine::parse(arguments, &options, &usage) != CommandLine::Result::Ok) {
        HeadlessRun result;
        result.code = GetCommand::UsageError;
        result.err = usage;
        return result;
    }
    return captureHeadless(
        [&](QTextStream &out, QTextStream &err) { return command(options, out, err); });
}

// A command's run(): GetCommand::run, ActionCommand::run, GateCommand::run, ...
using HeadlessCommand
    = int (*)(const CommandLineOptions &, QTextStream &, QTextStream &, DemoServer *);

// runHeadless() for one command, connected to demo (the tests' in-process DemoFleet).
inline HeadlessRun runHeadless(const QStringList &arguments, HeadlessCommand command,
                               DemoServer *demo)
{
    return runHeadless(arguments,
                       [&](const CommandLineOptions &options, QTextStream &out, QTextStream &err) {
                           return command(options, out, err, demo);
                       });
}
