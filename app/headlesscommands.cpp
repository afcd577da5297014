// SPDX-License-Identifier: GPL-3.0-or-later
// CommandLine's look at argv before any application object exists: which command the
// arguments name decides QCoreApplication, QGuiApplication or QApplication.
#include "commandline.h"

#include <cstring>

namespace {

// Options that take a value, so that isHeadless() skips the value when it looks for "get".
// Every option of CommandLine's parser with a value belongs here: tst_commandline checks each
// one --help shows with a <VALUE>.
const char *const valueOptions[]
    = {"--kubeconfig",  "--config",   "--lang",    "-n",       "--namespace", "--context",
       "--env",         "-o",         "--output",  "--select", "--theme",     "--demo-outage",
       "--to-revision", "--workload", "--since",   "--until",  "--outcome",   "--history-file",
       "--revision",    "--timeout",  "--rollout", "--at",     "--watch",     "--instance"};

bool takesValue(const char *arg)
{
    for (const char *option : valueOptions) {
        if (std::strcmp(arg, option) == 0)
            return true;
    }
    return false;
}

// The first word that is neither an option nor an option's value, as QCommandLineParser
// will see it; *helpOrVersion when --help or --version comes first (they print text: no
// window, so no display is needed for them).
QString firstWord(int argc, char **argv, bool *helpOrVersion)
{
    *helpOrVersion = false;
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (std::strcmp(arg, "--") == 0)
            return i + 1 < argc ? QString::fromLocal8Bit(argv[i + 1]) : QString();
        if (arg[0] == '-') {
            if (std::strcmp(arg, "--help") == 0 || std::strcmp(arg, "-h") == 0
                || std::strcmp(arg, "--help-all") == 0 || std::strcmp(arg, "--version") == 0
                || std::strcmp(arg, "-v") == 0 || std::strcmp(arg, "-?") == 0) {
                *helpOrVersion = true;
                return QString();
            }
            if (takesValue(arg))
                ++i;
            continue;
        }
        return QString::fromLocal8Bit(arg);
    }
    return QString();
}

} // namespace

QStringList CommandLine::headlessCommands()
{
    return {QStringLiteral("get"),     QStringLiteral("pause"),  QStringLiteral("resume"),
            QStringLiteral("promote"), QStringLiteral("abort"),  QStringLiteral("retry"),
            QStringLiteral("restart"), QStringLiteral("undo"),   QStringLiteral("history"),
            QStringLiteral("report"),  QStringLiteral("record"), QStringLiteral("gate"),
            QStringLiteral("app"),     QStringLiteral("halt")};
}

bool CommandLine::isHeadless(int argc, char **argv)
{
    bool helpOrVersion = false;
    const QString word = firstWord(argc, argv, &helpOrVersion);
    return helpOrVersion || headlessCommands().contains(word);
}

QString CommandLine::headlessCommand(int argc, char **argv)
{
    bool helpOrVersion = false;
    const QString word = firstWord(argc, argv, &helpOrVersion);
    return !helpOrVersion && headlessCommands().contains(word) ? word : QString();
}
