// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandline.h"

#include <QCommandLineOption>
#include <QDateTime>
#include <QList>
#include <QString>

class QCommandLineParser;

// The command line of the release-history commands (`history`, `report`, `record`), kept
// apart from CommandLine's so each stays readable. The options they share with `get`
// (--env, --context, -o) are defined by CommandLine and looked up here by name.
namespace HistoryCommandLine {

// The options only these commands take, in the order of --help.
QList<QCommandLineOption> options();

bool isCommand(const QString &word);
bool isCommandMode(CommandLineOptions::Mode mode);

// The command (the first positional argument is history, report or record), its arguments
// and every option: sets the mode and the fields, or a message in *text.
bool read(const QCommandLineParser &parser, CommandLineOptions *options, QString *text);

// For every other mode: an option only these commands take is an error.
bool refuseOptions(const QCommandLineParser &parser, QString *text);

// --since / --until: "2026-12-01" (00:00 UTC), "2026-12-01T10:00:00Z" or with an offset,
// "2026-12-05 14:03" (UTC, as the table prints it), or a duration back from now: "30m",
// "24h", "7d", "2w", "1h30m". False for anything else.
bool parseTime(const QString &text, const QDateTime &now, QDateTime *out);

} // namespace HistoryCommandLine
