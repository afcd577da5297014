// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandline.h"

#include <QCommandLineOption>
#include <QList>
#include <QString>

class QCommandLineParser;

// --wait and --timeout DURATION of the action commands (docs/cli.md, "Actions"). A flag and
// a separate duration rather than one option with an optional value: QCommandLineParser has
// no optional values, and `--wait 90s` would read the NAME as a duration or 90s as the NAME.
namespace WaitCommandLine {

constexpr qint64 defaultTimeoutMs = 60000;
// Below a second nothing could be seen; beyond an hour a script should poll on its own.
constexpr qint64 minTimeoutMs = 1000;
constexpr qint64 maxTimeoutMs = 3600000;

// In the order of --help.
QList<QCommandLineOption> options();

// After the mode is known: sets options->wait and options->waitTimeoutMs, or a usage
// message in *text (--wait without an action, --timeout without --wait, a bad duration).
bool read(const QCommandLineParser &parser, CommandLineOptions *options, QString *text);

// `pause NAME --wait 90s` reads 90s as a second NAME: false with a message that says where
// the duration goes, when --wait is set and an argument after NAME is a duration.
bool refuseDurationArgument(const QCommandLineParser &parser, QString *text);

} // namespace WaitCommandLine
