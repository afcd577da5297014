// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandline.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>
#include <QStringList>

class QCommandLineParser;

// `get applications` and `app sync|rollback|terminate NAME` (docs/cli.md, "Argo CD
// applications"), kept apart from CommandLine's like the history and gate commands. --env,
// -o and --revision are defined elsewhere and looked up here by name.
namespace AppCommandLine {

// The options only these commands take, in the order of --help.
QList<QCommandLineOption> options();

// `get applications` (or another spelling of the resource), or `app ...`.
bool isCommand(const QStringList &positional);
bool isCommandMode(CommandLineOptions::Mode mode);

// The command's words and every option: sets the mode and options->app, or a message.
bool read(const QCommandLineParser &parser, CommandLineOptions *options, QString *text);

// For every other mode: --instance, --prune, --dry-run and --yes are an error.
bool refuseOptions(const QCommandLineParser &parser, QString *text);

// "sync", "rollback", "terminate": the word of the command line.
QString word(AppActionOptions::Kind kind);

} // namespace AppCommandLine
