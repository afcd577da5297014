// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"
#include "appcommandline.h"
#include "canarycommandline.h"
#include "gatecommandline.h"
#include "historycommandline.h"
#include "waitcommandline.h"

#include <QCommandLineParser>

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

// Every mode's options: the window's, and help and version that print and exit.
struct GeneralOptions
{
    QCommandLineOption help, version, demo, kubeconfig, config, lang, readOnly, select, releases,
        theme, demoOutage;
};

// The options of get and of the action commands.
struct CommandOptions
{
    QCommandLineOption all, ns, context, env, output, full, toRevision;
};

GeneralOptions generalOptions()
{
    return {
        QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")},
                           CommandLine::tr("Show this help and exit.")),
        QCommandLineOption(QStringLiteral("version"),
                           CommandLine::tr("Show the version and exit.")),
        QCommandLineOption(
            QStringLiteral("demo"),
            CommandLine::tr("Start the built-in simulated fleet (dev, staging, prod) "
                            "and connect to it.")),
        QCommandLineOption(QStringLiteral("kubeconfig"),
                           CommandLine::tr("Read the kubeconfig from FILE only."),
                           QStringLiteral("FILE")),
        QCommandLineOption(QStringLiteral("config"),
                           CommandLine::tr("Read the environments from FILE (default: %1).")
                               .arg(QStringLiteral("~/.config/release-dashboard/config.yaml")),
                           QStringLiteral("FILE")),
        QCommandLineOption(QStringLiteral("lang"),
                           CommandLine::tr("User interface language, e.g. en or zh_CN (default: "
                                           "the system's)."),
                           QStringLiteral("CODE")),
        QCommandLineOption(QStringLiteral("read-only"),
                           CommandLine::tr("Offer no actions in any environment.")),
        QCommandLineOption(QStringLiteral("select"),
                           CommandLine::tr("Open the window on workload ENV/NAMESPACE/NAME once it "
                                           "is listed."),
                           QStringLiteral("ENV/NAMESPACE/NAME")),
        QCommandLineOption(QStringLiteral("releases"),
                           CommandLine::tr("Open the Releases window too: the recorded releases, "
                                           "their timelines and reports.")),
        QCommandLineOption(QStringLiteral("theme"),
                           CommandLine::tr("Colours: system, light or dark (default: the choice "
                                           "saved from View > Theme, else system)."),
                           QStringLiteral("THEME")),
        QCommandLineOption(
            QStringLiteral("demo-outage"),
            CommandLine::tr("With --demo: simulated cluster ENV becomes unreachable 5 s after "
                            "start (also in the Demo menu)."),
            QStringLiteral("ENV")),
    };
}

CommandOptions commandOptions()
{
    return {
        QCommandLineOption({QStringLiteral("A"), QStringLiteral("all-namespaces")},
                           CommandLine::tr("get: every namespace the environment shows.")),
        QCommandLineOption({QStringLiteral("n"), QStringLiteral("namespace")},
                           CommandLine::tr("get: only namespace NS (default: the context's)."),
                           QStringLiteral("NS")),
        QCommandLineOption(QStringLiteral("context"),
                           CommandLine::tr("get: only the environment of kubeconfig context C."),
                           QStringLiteral("C")),
        QCommandLineOption(QStringLiteral("env"),
                           CommandLine::tr("get, history: only environment E; record: E "
                                           "(repeatable)."),
                           QStringLiteral("E")),
        QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
                           CommandLine::tr("get: table (default), wide or json; history: table or "
                                           "json; report: the FILE.pdf or FILE.md to write."),
                           QStringLiteral("FORMAT|FILE")),
        QCommandLineOption(QStringLiteral("full"),
                           CommandLine::tr("promote: skip every remaining step, pause and "
                                           "analysis.")),
        QCommandLineOption(QStringLiteral("to-revision"),
                           CommandLine::tr("undo: roll back to revision N (default: the "
                                           "previous one)."),
                           QStringLiteral("N")),
    };
}

void setUpParser(QCommandLineParser *parser, const GeneralOptions &general,
                 const CommandOptions &command)
{
    parser->setApplicationDescription(
        CommandLine::tr("Release Dashboard: Argo Rollouts across every environment.\n\n"
                        "Without a command it opens the window. Commands:\n"
                        "  get rollouts [-A | -n NS] [--context C | --env E] [-o table|wide|json]\n"
                        "  get rollout NAME [-n NS] [--context C | --env E] [-o table|wide|json]\n"
                        "  pause|resume|abort|retry|restart NAME [-n NS] [--context C | --env E]\n"
                        "  promote NAME [--full] [-n NS] [--context C | --env E]\n"
                        "  undo NAME [--to-revision N] [-n NS] [--context C | --env E]\n"
                        "    (each action also: [--wait [--timeout DURATION]])\n"
                        "  history [--env E] [--workload NS/NAME] [--since T] [--until T]\n"
                        "          [--outcome O] [-o table|json] [--history-file FILE]\n"
                        "  report ENV/NS/NAME [--revision N] -o FILE.pdf|FILE.md\n"
                        "  record [--env E ...] [--history-file FILE]\n"
                        "  gate check --rollout NS/NAME [--env E | --context C] [--at TIME]\n"
                        "             [--watch DURATION] [-o text|json|junit]\n"
                        "  get applications [--env E] [--instance I] [-o table|wide|json]\n"
                        "  app sync NAME [--env E] [--instance I] [--revision R] [--prune]\n"
                        "           [--dry-run] [--yes]\n"
                        "  app rollback NAME ID [--env E] [--instance I] [--prune] [--dry-run]\n"
                        "               [--yes]\n"
                        "  app terminate NAME [--env E] [--instance I]")
        + CanaryCommandLine::usage());
    // This order is the order of --help.
    parser->addOptions({general.help, general.version, general.demo, general.kubeconfig,
                        general.config, general.lang, general.readOnly, command.all, command.ns,
                        command.context, command.env, command.output, command.full,
                        command.toRevision});
    parser->addOptions(WaitCommandLine::options());
    parser->addOptions(HistoryCommandLine::options());
    parser->addOptions(GateCommandLine::options());
    parser->addOptions(AppCommandLine::options());
    parser->addOptions({general.select, general.releases, general.theme, general.demoOutage});
    parser->addPositionalArgument(
        QStringLiteral("command"),
        CommandLine::tr("get rollouts | get rollout NAME | pause NAME | ..."),
        QStringLiteral("[command ...]"));
}

bool readGeneralOptions(const QCommandLineParser &parser, const GeneralOptions &general,
                        CommandLineOptions *options, QString *text)
{
    options->demo = parser.isSet(general.demo);
    options->kubeconfig = parser.value(general.kubeconfig);
    options->config = parser.value(general.config);
    options->language = parser.value(general.lang);
    options->readOnly = parser.isSet(general.readOnly);
    options->select = parser.value(general.select);
    options->showReleases = parser.isSet(general.releases);
    options->theme = parser.value(general.theme);
    options->demoOutage = parser.value(general.demoOutage);
    if (parser.isSet(general.demoOutage) && !options->demo) {
        *text = CommandLine::tr("--demo-outage is only valid with --demo");
        return false;
    }
    if (parser.isSet(general.theme) && options->theme != QLatin1String("system")
        && options->theme != QLatin1String("light") && options->theme != QLatin1String("dark")) {
        *text = CommandLine::tr("--theme: '%1' is not one of system, light, dark")
                    .arg(options->theme);
        return false;
    }
    if (parser.isSet(general.select) && options->select.split(QLatin1Char('/')).size() != 3) {
        *text = CommandLine::tr("--select: '%1' is not ENV/NAMESPACE/NAME").arg(options->select);
        return false;
    }
    if (options->demo && !options->kubeconfig.isEmpty()) {
        *text = CommandLine::tr("--demo and --kubeconfig cannot be combined: the demo writes "
                                "its own kubeconfig");
        return false;
    }
    return true;
}

// undo NAME --to-revision N.
bool readToRevision(const QCommandLineParser &parser, const QCommandLineOption &toRevision,
                    CommandLineOptions *options, QString *text)
{
    if (!parser.isSet(toRevision))
        return true;
    bool ok = false;
    options->toRevision = parser.value(toRevision).toLongLong(&ok);
    if (options->action != RolloutAction::Undo) {
        *text = CommandLine::tr("--to-revision is only valid with undo");
        return false;
    }
    if (!ok || options->toRevision < 1) {
        *text = CommandLine::tr("--to-revision: '%1' is not a revision number (1, 2, ...)")
                    .arg(parser.value(toRevision));
        return false;
    }
    return true;
}

// get rollouts | get rollout NAME.
bool parseGet(const QStringList &positional, CommandLineOptions *options, QString *text)
{
    const QString resource = positional.value(1);
    if (resource.isEmpty()) {
        *text = CommandLine::tr("get: name a resource: rollouts, rollout NAME or applications");
        return false;
    }
    // kubectl accepts every spelling of a resource; so do we.
    static const QStringList plural = {QStringLiteral("rollouts"), QStringLiteral("ro"),
                                       QStringLiteral("rollouts.argoproj.io")};
    static const QStringList singular
        = {QStringLiteral("rollout"), QStringLiteral("rollout.argoproj.io")};
    if (plural.contains(resource) && positional.size() == 2) {
        options->mode = CommandLineOptions::Mode::GetRollouts;
    } else if (singular.contains(resource) || plural.contains(resource)) {
        options->mode = CommandLineOptions::Mode::GetRollout;
        options->name = positional.value(2);
        if (options->name.isEmpty()) {
            *text = CommandLine::tr("get rollout: the rollout's NAME is missing");
            return false;
        }
        if (positional.size() > 3) {
            *text = CommandLine::tr("get rollout: unexpected argument '%1'").arg(positional.at(3));
            return false;
        }
    } else {
        *text = CommandLine::tr("get: unknown resource '%1' (known: rollouts, applications)")
                    .arg(resource);
        return false;
    }
    if (options->mode == CommandLineOptions::Mode::GetRollouts && positional.size() > 2) {
        *text = CommandLine::tr("get rollouts: unexpected argument '%1'").arg(positional.at(2));
        return false;
    }
    return true;
}

// The command, if there is one: get or an action, with its arguments.
bool readCommand(const QCommandLineParser &parser, const CommandOptions &command,
                 CommandLineOptions *options, QString *text)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        return true;
    if (!CommandLine::headlessCommands().contains(positional.first())) {
        *text = CommandLine::tr("unknown command '%1' (commands: %2)")
                    .arg(positional.first(),
                         CommandLine::headlessCommands().join(QStringLiteral(", ")));
        return false;
    }
    if (AppCommandLine::isCommand(positional))
        return AppCommandLine::read(parser, options, text);
    if (CanaryCommandLine::isCommand(positional))
        return CanaryCommandLine::read(parser, options, text);
    if (positional.first() == QLatin1String("get"))
        return parseGet(positional, options, text);
    if (HistoryCommandLine::isCommand(positional.first()))
        return HistoryCommandLine::read(parser, options, text);
    if (GateCommandLine::isCommand(positional.first()))
        return GateCommandLine::read(parser, options, text);
    return WaitCommandLine::refuseDurationArgument(parser, text)
        && parseAction(positional, parser.isSet(command.full), options, text)
        && readToRevision(parser, command.toRevision, options, text);
}

// -A, -n, --context and --env, and which options the mode (window, get, action) allows.
bool readCommandOptions(const QCommandLineParser &parser, const GeneralOptions &general,
                        const CommandOptions &command, CommandLineOptions *options, QString *text)
{
    if (options->mode != CommandLineOptions::Mode::Action) {
        for (const QCommandLineOption *option : {&command.full, &command.toRevision}) {
            if (parser.isSet(*option)) {
                *text = CommandLine::tr("--%1 is only valid with an action command")
                            .arg(option->names().last());
                return false;
            }
        }
    }
    options->allNamespaces = parser.isSet(command.all);
    options->namespaceName = parser.value(command.ns);
    options->context = parser.value(command.context);
    options->environment = parser.value(command.env);
    for (const QCommandLineOption *windowOnly : {&general.select, &general.releases}) {
        if (options->isHeadless() && parser.isSet(*windowOnly)) {
            *text = CommandLine::tr("--%1 is only valid without a command (it opens the window)")
                        .arg(windowOnly->names().constFirst());
            return false;
        }
    }
    if (!options->isHeadless()) {
        for (const QCommandLineOption *option :
             {&command.all, &command.ns, &command.context, &command.env, &command.output}) {
            if (parser.isSet(*option)) {
                *text = CommandLine::tr("--%1 is only valid with a command (get, pause, ...)")
                            .arg(option->names().last());
                return false;
            }
        }
    }
    if (options->mode == CommandLineOptions::Mode::Action
        && (options->allNamespaces || options->output != CommandLineOptions::Output::Table
            || parser.isSet(command.output))) {
        *text = CommandLine::tr("%1: -A and -o are only valid with get").arg(options->actionWord());
        return false;
    }
    if (options->allNamespaces && !options->namespaceName.isEmpty()) {
        *text = CommandLine::tr("-A and -n cannot be combined");
        return false;
    }
    if (options->mode == CommandLineOptions::Mode::GetRollout && options->allNamespaces) {
        *text = CommandLine::tr("get rollout NAME: -A cannot be used; name the namespace with -n");
        return false;
    }
    if (!options->context.isEmpty() && !options->environment.isEmpty()) {
        *text = CommandLine::tr("--context and --env cannot be combined");
        return false;
    }
    return true;
}

} // namespace

bool CommandLine::readOutputFormat(const QString &format, CommandLineOptions::Output *out,
                                   QString *text)
{
    if (format.isEmpty() || format == QLatin1String("table")) {
        *out = CommandLineOptions::Output::Table;
    } else if (format == QLatin1String("wide")) {
        *out = CommandLineOptions::Output::Wide;
    } else if (format == QLatin1String("json")) {
        *out = CommandLineOptions::Output::Json;
    } else {
        *text = CommandLine::tr("-o: unknown output format '%1' (formats: table, wide, json)")
                    .arg(format);
        return false;
    }
    return true;
}

CommandLine::Result CommandLine::parse(const QStringList &arguments, CommandLineOptions *out,
                                       QString *text)
{
    const GeneralOptions general = generalOptions();
    const CommandOptions command = commandOptions();
    QCommandLineParser parser;
    setUpParser(&parser, general, command);
    if (!parser.parse(arguments)) {
        *text = parser.errorText();
        return Result::Error;
    }
    if (parser.isSet(general.help)) {
        *text = parser.helpText();
        return Result::Help;
    }
    if (parser.isSet(general.version)) {
        *text
            = QStringLiteral("release-dashboard %1\n").arg(QCoreApplication::applicationVersion());
        return Result::Version;
    }
    CommandLineOptions options;
    if (!readGeneralOptions(parser, general, &options, text)
        || !readCommand(parser, command, &options, text))
        return Result::Error;
    if (!AppCommandLine::isCommandMode(options.mode)
        && !AppCommandLine::refuseOptions(parser, text))
        return Result::Error;
    // history, report, record, gate check and the Argo CD commands checked all their options
    // as they were read.
    if (!HistoryCommandLine::isCommandMode(options.mode)
        && !GateCommandLine::isCommandMode(options.mode)
        && !AppCommandLine::isCommandMode(options.mode)
        && (!HistoryCommandLine::refuseOptions(parser, text)
            || !GateCommandLine::refuseOptions(parser, text)
            || !readCommandOptions(parser, general, command, &options, text)
            || !WaitCommandLine::read(parser, &options, text)
            || !readOutputFormat(parser.value(command.output), &options.output, text)))
        return Result::Error;
    *out = options;
    return Result::Ok;
}
