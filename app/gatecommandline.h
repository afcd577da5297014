// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandline.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>

class QCommandLineParser;

// `gate check --env E --rollout NS/NAME [--at TIME] [--watch DURATION] [-o text|json|junit]`
// (docs/cli.md, "Quality gates"), kept apart from CommandLine's like the history commands.
// --env, --context and -o are CommandLine's, looked up here by name.
namespace GateCommandLine {

// --watch: at least one evaluation interval; a day is the longest canary watch we expect.
constexpr qint64 minWatchMs = 1000;
constexpr qint64 maxWatchMs = 24 * 3600 * 1000;

// The options only this command takes, in the order of --help.
QList<QCommandLineOption> options();

bool isCommand(const QString &word);
bool isCommandMode(CommandLineOptions::Mode mode);

// The command's words and every option: sets the mode and options->gate, or a message.
bool read(const QCommandLineParser &parser, CommandLineOptions *options, QString *text);

// For every other mode: --rollout, --at and --watch are an error.
bool refuseOptions(const QCommandLineParser &parser, QString *text);

} // namespace GateCommandLine
