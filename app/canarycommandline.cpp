// SPDX-License-Identifier: GPL-3.0-or-later
#include "canarycommandline.h"

#include "commandline.h"

#include <QCommandLineParser>

namespace {

// The action words on a canary and what each does to it: the rollout's words, and halt (the
// window's Close gate), which only a canary has.
struct CanaryActionWord
{
    const char *word;
    FlaggerAction action;
};
constexpr CanaryActionWord canaryActionWords[] = {{"pause", FlaggerAction::Pause},
                                                  {"resume", FlaggerAction::Resume},
                                                  {"promote", FlaggerAction::Promote},
                                                  {"abort", FlaggerAction::Rollback},
                                                  {"halt", FlaggerAction::Halt}};

std::optional<FlaggerAction> canaryActionOf(const QString &word)
{
    for (const CanaryActionWord &known : canaryActionWords) {
        if (word == QLatin1String(known.word))
            return known.action;
    }
    return std::nullopt;
}

QString canaryActionList()
{
    QStringList words;
    for (const CanaryActionWord &known : canaryActionWords)
        words.append(QString::fromLatin1(known.word));
    return words.join(QStringLiteral(", "));
}

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
    const std::optional<FlaggerAction> action = canaryActionOf(command);
    if (!action) {
        *text = CommandLine::tr("%1 is not an action on a Flagger canary (actions: %2)")
                    .arg(command, canaryActionList());
        return false;
    }
    // halt has no rollout meaning, so it may come without the resource word.
    if (positional.size() < 3 || !CanaryCommandLine::isCanaryWord(positional.at(1))) {
        *text = CommandLine::tr("%1: name the canary: %1 canary NAME").arg(command);
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
    // The rollout action of the same word, where there is one (halt has none).
    options->action = rolloutActionFromId(command).value_or(RolloutAction::Pause);
    options->canary = true;
    options->canaryAction = *action;
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
    if (!positional.isEmpty() && positional.first() == QLatin1String("halt"))
        return true; // only a canary has a gate to close
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

QString CanaryCommandLine::word(FlaggerAction action)
{
    for (const CanaryActionWord &known : canaryActionWords) {
        if (known.action == action)
            return QString::fromLatin1(known.word);
    }
    return FlaggerActions::id(action);
}

// Here rather than in commandline.cpp, beside the canary's words it chooses from.
QString CommandLineOptions::actionWord() const
{
    return canary ? CanaryCommandLine::word(canaryAction) : rolloutActionId(action);
}

QString CanaryCommandLine::usage()
{
    return CommandLine::tr("\n  get canaries [-A | -n NS] [--context C | --env E] [-o table|json]"
                           "\n  pause|resume|promote|abort|halt canary NAME [-n NS] [--context C "
                           "| --env E]\n    [--wait [--timeout DURATION]] (Flagger canaries)");
}
