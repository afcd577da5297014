// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include <QCommandLineParser>

#include <cstring>

namespace {

// Options that take a value, so that isHeadless() skips the value when it looks for "get".
const char *const valueOptions[] = {
    "--kubeconfig", "--config", "--lang",        "-n",       "--namespace", "--context",    "--env",
    "-o",           "--output", "--to-revision", "--select", "--theme",     "--demo-outage"};

bool takesValue(const char *arg)
{
    for (const char *option : valueOptions) {
        if (std::strcmp(arg, option) == 0)
            return true;
    }
    return false;
}

} // namespace

QStringList CommandLine::headlessCommands()
{
    return {QStringLiteral("get"),     QStringLiteral("pause"), QStringLiteral("resume"),
            QStringLiteral("promote"), QStringLiteral("abort"), QStringLiteral("retry"),
            QStringLiteral("restart"), QStringLiteral("undo")};
}

bool CommandLine::isHeadless(int argc, char **argv)
{
    const QStringList commands = headlessCommands();
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (std::strcmp(arg, "--") == 0)
            return i + 1 < argc && commands.contains(QString::fromLocal8Bit(argv[i + 1]));
        if (arg[0] == '-') {
            // Help and version print text: no window, so no display is needed for them.
            if (std::strcmp(arg, "--help") == 0 || std::strcmp(arg, "-h") == 0
                || std::strcmp(arg, "--help-all") == 0 || std::strcmp(arg, "--version") == 0
                || std::strcmp(arg, "-v") == 0 || std::strcmp(arg, "-?") == 0)
                return true;
            if (takesValue(arg))
                ++i;
            continue;
        }
        return commands.contains(QString::fromLocal8Bit(arg));
    }
    return false;
}

namespace {

// pause|resume|promote|abort|retry|restart|undo NAME: one rollout, one action.
bool parseAction(const QStringList &positional, bool full, CommandLineOptions *options,
                 QString *text)
{
    const QString command = positional.first();
    options->mode = CommandLineOptions::Mode::Action;
    options->action = *rolloutActionFromId(command);
    if (full) {
        if (options->action != RolloutAction::Promote) {
            *text = CommandLine::tr("--full is only valid with promote");
            return false;
        }
        options->action = RolloutAction::PromoteFull;
    }
    options->name = positional.value(1);
    if (options->name.isEmpty()) {
        *text = CommandLine::tr("%1: the rollout's NAME is missing").arg(command);
        return false;
    }
    if (positional.size() > 2) {
        *text = CommandLine::tr("%1: unexpected argument '%2'").arg(command, positional.at(2));
        return false;
    }
    return true;
}

} // namespace

CommandLine::Result CommandLine::parse(const QStringList &arguments, CommandLineOptions *out,
                                       QString *text)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Release Dashboard: Argo Rollouts across every environment.\n\n"
           "Without a command it opens the window. Commands:\n"
           "  get rollouts [-A | -n NS] [--context C | --env E] [-o table|wide|json]\n"
           "  get rollout NAME [-n NS] [--context C | --env E] [-o table|wide|json]\n"
           "  pause|resume|abort|retry|restart NAME [-n NS] [--context C | --env E]\n"
           "  promote NAME [--full] [-n NS] [--context C | --env E]\n"
           "  undo NAME [--to-revision N] [-n NS] [--context C | --env E]"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  tr("Show this help and exit."));
    const QCommandLineOption version(QStringLiteral("version"), tr("Show the version and exit."));
    const QCommandLineOption demo(QStringLiteral("demo"),
                                  tr("Start the built-in simulated fleet (dev, staging, prod) "
                                     "and connect to it."));
    const QCommandLineOption kubeconfig(QStringLiteral("kubeconfig"),
                                        tr("Read the kubeconfig from FILE only."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption config(
        QStringLiteral("config"),
        tr("Read the environments from FILE (default: %1).")
            .arg(QStringLiteral("~/.config/release-dashboard/config.yaml")),
        QStringLiteral("FILE"));
    const QCommandLineOption lang(QStringLiteral("lang"),
                                  tr("User interface language, e.g. en or zh_CN (default: "
                                     "the system's)."),
                                  QStringLiteral("CODE"));
    const QCommandLineOption readOnly(QStringLiteral("read-only"),
                                      tr("Offer no actions in any environment."));
    const QCommandLineOption select(QStringLiteral("select"),
                                    tr("Open the window on workload ENV/NAMESPACE/NAME once it "
                                       "is listed."),
                                    QStringLiteral("ENV/NAMESPACE/NAME"));
    const QCommandLineOption theme(QStringLiteral("theme"),
                                   tr("Colours: system, light or dark (default: the choice "
                                      "saved from View > Theme, else system)."),
                                   QStringLiteral("THEME"));
    const QCommandLineOption demoOutage(
        QStringLiteral("demo-outage"),
        tr("With --demo: simulated cluster ENV becomes unreachable 5 s after start (also in "
           "the Demo menu)."),
        QStringLiteral("ENV"));
    const QCommandLineOption all({QStringLiteral("A"), QStringLiteral("all-namespaces")},
                                 tr("get: every namespace the environment shows."));
    const QCommandLineOption ns({QStringLiteral("n"), QStringLiteral("namespace")},
                                tr("get: only namespace NS (default: the context's)."),
                                QStringLiteral("NS"));
    const QCommandLineOption context(QStringLiteral("context"),
                                     tr("get: only the environment of kubeconfig context C."),
                                     QStringLiteral("C"));
    const QCommandLineOption env(QStringLiteral("env"), tr("get: only environment E."),
                                 QStringLiteral("E"));
    const QCommandLineOption output({QStringLiteral("o"), QStringLiteral("output")},
                                    tr("get: output format: table (default), wide or json."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption full(QStringLiteral("full"),
                                  tr("promote: skip every remaining step, pause and analysis."));
    const QCommandLineOption toRevision(QStringLiteral("to-revision"),
                                        tr("undo: roll back to revision N (default: the "
                                           "previous one)."),
                                        QStringLiteral("N"));
    parser.addOptions({help, version, demo, kubeconfig, config, lang, readOnly, all, ns, context,
                       env, output, full, toRevision, select, theme, demoOutage});
    parser.addPositionalArgument(QStringLiteral("command"),
                                 tr("get rollouts | get rollout NAME | pause NAME | ..."),
                                 QStringLiteral("[command ...]"));

    if (!parser.parse(arguments)) {
        *text = parser.errorText();
        return Result::Error;
    }
    if (parser.isSet(help)) {
        *text = parser.helpText();
        return Result::Help;
    }
    if (parser.isSet(version)) {
        *text
            = QStringLiteral("release-dashboard %1\n").arg(QCoreApplication::applicationVersion());
        return Result::Version;
    }

    CommandLineOptions options;
    options.demo = parser.isSet(demo);
    options.kubeconfig = parser.value(kubeconfig);
    options.config = parser.value(config);
    options.language = parser.value(lang);
    options.readOnly = parser.isSet(readOnly);
    options.select = parser.value(select);
    options.theme = parser.value(theme);
    options.demoOutage = parser.value(demoOutage);
    if (parser.isSet(demoOutage) && !options.demo) {
        *text = tr("--demo-outage is only valid with --demo");
        return Result::Error;
    }
    if (parser.isSet(theme) && options.theme != QLatin1String("system")
        && options.theme != QLatin1String("light") && options.theme != QLatin1String("dark")) {
        *text = tr("--theme: '%1' is not one of system, light, dark").arg(options.theme);
        return Result::Error;
    }
    if (parser.isSet(select) && options.select.split(QLatin1Char('/')).size() != 3) {
        *text = tr("--select: '%1' is not ENV/NAMESPACE/NAME").arg(options.select);
        return Result::Error;
    }
    if (options.demo && !options.kubeconfig.isEmpty()) {
        *text = tr("--demo and --kubeconfig cannot be combined: the demo writes its own "
                   "kubeconfig");
        return Result::Error;
    }

    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        if (!headlessCommands().contains(positional.first())) {
            *text = tr("unknown command '%1' (commands: %2)")
                        .arg(positional.first(), headlessCommands().join(QStringLiteral(", ")));
            return Result::Error;
        }
    }
    if (!positional.isEmpty() && positional.first() != QLatin1String("get")) {
        if (!parseAction(positional, parser.isSet(full), &options, text))
            return Result::Error;
        if (parser.isSet(toRevision)) {
            bool ok = false;
            options.toRevision = parser.value(toRevision).toLongLong(&ok);
            if (options.action != RolloutAction::Undo) {
                *text = tr("--to-revision is only valid with undo");
                return Result::Error;
            }
            if (!ok || options.toRevision < 1) {
                *text = tr("--to-revision: '%1' is not a revision number (1, 2, ...)")
                            .arg(parser.value(toRevision));
                return Result::Error;
            }
        }
    } else if (!positional.isEmpty()) {
        const QString resource = positional.value(1);
        if (resource.isEmpty()) {
            *text = tr("get: name a resource: rollouts, or rollout NAME");
            return Result::Error;
        }
        // kubectl accepts every spelling of a resource; so do we.
        static const QStringList plural = {QStringLiteral("rollouts"), QStringLiteral("ro"),
                                           QStringLiteral("rollouts.argoproj.io")};
        static const QStringList singular
            = {QStringLiteral("rollout"), QStringLiteral("rollout.argoproj.io")};
        if (plural.contains(resource) && positional.size() == 2) {
            options.mode = CommandLineOptions::Mode::GetRollouts;
        } else if (singular.contains(resource) || plural.contains(resource)) {
            options.mode = CommandLineOptions::Mode::GetRollout;
            options.name = positional.value(2);
            if (options.name.isEmpty()) {
                *text = tr("get rollout: the rollout's NAME is missing");
                return Result::Error;
            }
            if (positional.size() > 3) {
                *text = tr("get rollout: unexpected argument '%1'").arg(positional.at(3));
                return Result::Error;
            }
        } else {
            *text = tr("get: unknown resource '%1' (known: rollouts)").arg(resource);
            return Result::Error;
        }
        if (options.mode == CommandLineOptions::Mode::GetRollouts && positional.size() > 2) {
            *text = tr("get rollouts: unexpected argument '%1'").arg(positional.at(2));
            return Result::Error;
        }
    }

    if (options.mode != CommandLineOptions::Mode::Action) {
        for (const QCommandLineOption *option : {&full, &toRevision}) {
            if (parser.isSet(*option)) {
                *text = tr("--%1 is only valid with an action command").arg(option->names().last());
                return Result::Error;
            }
        }
    }
    options.allNamespaces = parser.isSet(all);
    options.namespaceName = parser.value(ns);
    options.context = parser.value(context);
    options.environment = parser.value(env);
    if (options.isHeadless() && parser.isSet(select)) {
        *text = tr("--select is only valid without a command (it opens the window)");
        return Result::Error;
    }
    if (!options.isHeadless()) {
        for (const QCommandLineOption *option : {&all, &ns, &context, &env, &output}) {
            if (parser.isSet(*option)) {
                *text = tr("--%1 is only valid with a command (get, pause, ...)")
                            .arg(option->names().last());
                return Result::Error;
            }
        }
    }
    if (options.mode == CommandLineOptions::Mode::Action
        && (options.allNamespaces || options.output != CommandLineOptions::Output::Table
            || parser.isSet(output))) {
        *text = tr("%1: -A and -o are only valid with get").arg(rolloutActionId(options.action));
        return Result::Error;
    }
    if (options.allNamespaces && !options.namespaceName.isEmpty()) {
        *text = tr("-A and -n cannot be combined");
        return Result::Error;
    }
    if (options.mode == CommandLineOptions::Mode::GetRollout && options.allNamespaces) {
        *text = tr("get rollout NAME: -A cannot be used; name the namespace with -n");
        return Result::Error;
    }
    if (!options.context.isEmpty() && !options.environment.isEmpty()) {
        *text = tr("--context and --env cannot be combined");
        return Result::Error;
    }
    const QString format = parser.value(output);
    if (format.isEmpty() || format == QLatin1String("table")) {
        options.output = CommandLineOptions::Output::Table;
    } else if (format == QLatin1String("wide")) {
        options.output = CommandLineOptions::Output::Wide;
    } else if (format == QLatin1String("json")) {
        options.output = CommandLineOptions::Output::Json;
    } else {
        *text = tr("-o: unknown output format '%1' (formats: table, wide, json)").arg(format);
        return Result::Error;
    }
    *out = options;
    return Result::Ok;
}
