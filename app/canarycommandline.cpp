// SPDX-License-Identifier: GPL-3.0-or-later
#include "canarycommandline.h"

#include "commandline.h"

#include <QCommandLineParser>

namespace {

// What a canary supports of the rollout action words, and what each does to it.
const QStringList canaryActions = {QStringLiteral("pause"), QStringLiteral("resume"),
                                   QStringLiteral("promote"), QStringLiteral("abort")};

bool readGet(const QStringList &positional, CommandLineOptions *options, QString *text)
{
    if (positional.size() > 2) {
        *text = CommandLine::tr("get canaries: unexpected argument '%1'").arg(positional.at(2));
        return false;
    }
    options->mode = CommandLineOptions::Mode::GetCanaries;
    return true;
}

bool readAction(const QCommandLineParser &parser, const QStringList &positional,
                CommandLineOptions *options, QString *text)
{
    const QString command = positional.first();
    if (!canaryActions.contains(command)) {
        *text = CommandLine::tr("%1 is not an action on a Flagger canary (actions: %2)")
                    .arg(command, canaryActions.join(QStringLiteral(", ")));
        return false;
    }
    for (const QString &option : {QStringLiteral("full"), QStringLiteral("to-revision")}) {
        if (parser.isSet(option)) {
            *text = CommandLine::tr("--%1 is not valid for a Flagger canary").arg(option);
            return false;
        }
    }
    if (positional.size() > 3) {
        *text = CommandLine::tr("%1: unexpected argument '%2'").arg(command, positional.at(3));
        return false;
    }
    options->mode = CommandLineOptions::Mode::Action;
    options->action = *rolloutActionFromId(command);
    options->canary = true;
    options->name = positional.at(2);
    return true;
}

} // namespace

bool CanaryCommandLine::isCanaryWord(const QString &word)
{
    static const QStringList words
        = {QStringLiteral("canary"), QStringLiteral("canaries"),
           QStringLiteral("canary.flagger.app"), QStringLiteral("canaries.flagger.app")};
    return words.contains(word);
}

bool CanaryCommandLine::isCommand(const QStringList &positional)
{
    if (positional.size() < 2 || !isCanaryWord(positional.at(1)))
        return false;
    return positional.first() == QLatin1String("get") || positional.size() >= 3;
}

bool CanaryCommandLine::read(const QCommandLineParser &parser, CommandLineOptions *options,
                             QString *text)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.first() == QLatin1String("get"))
        return readGet(positional, options, text);
    return readAction(parser, positional, options, text);
}

QString CanaryCommandLine::usage()
{
    return CommandLine::tr("\n  get canaries [-A | -n NS] [--context C | --env E] [-o table|json]"
                           "\n  pause|resume|promote|abort canary NAME [-n NS] [--context C | "
                           "--env E]\n    [--wait [--timeout DURATION]] (Flagger canaries)");
}
