// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flaggeraction.h"

#include <QString>
#include <QStringList>

class QCommandLineParser;
struct CommandLineOptions;

// The Flagger canary commands (docs/cli.md): `get canaries`, and the action commands with the
// resource word kubectl would use before the name: `pause|resume|promote|abort|halt canary NAME`
// (abort rolls the canary back through its rollback gate, halt closes its gate as the window's
// Close gate does). `pause canary` alone still names a rollout called "canary".
namespace CanaryCommandLine {

// The resource words: canary, canaries, canary.flagger.app, canaries.flagger.app.
bool isCanaryWord(const QString &word);
// `get <canary word> ...`, or an action word followed by a canary word and more.
bool isCommand(const QStringList &positional);
// Reads one: Mode::GetCanaries, or Mode::Action with CommandLineOptions::canary and
// canaryAction set.
bool read(const QCommandLineParser &parser, CommandLineOptions *options, QString *text);
// The command word of an action ("abort" for FlaggerAction::Rollback, "halt" for Halt).
QString word(FlaggerAction action);
// The lines --help adds for these commands, each starting on a new line.
QString usage();

} // namespace CanaryCommandLine
