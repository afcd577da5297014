// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include <QCommandLineParser>

#include <cstring>

namespace {

// Options that take a value, so that isHeadless() skips the value when it looks for "get".
const char *const valueOptions[] = {"--kubeconfig", "--config", "--lang", "-n",      "--namespace",
                                    "--context",    "--env",    "-o",     "--output"};

bool takesValue(const char *arg)
{
    for (const char *option : valueOptions) {
        if (std::strcmp(arg, option) == 0)
            return true;
    }
    return false;
}

} // namespace

bool CommandLine::isHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        if (std::strcmp(arg, "--") == 0)
            return i + 1 < argc && std::strcmp(argv[i + 1], "get") == 0;
        if (arg[0] == '-') {
            if (takesValue(arg))
                ++i;
            continue;
        }
        return std::strcmp(arg, "get") == 0;
    }
    return false;
}

CommandLine::Result CommandLine::parse(const QStringList &arguments, CommandLineOptions *out,
                                       QString *text)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Release Dashboard: Argo Rollouts across every environment.\n\n"
           "Without a command it opens the window. Commands:\n"
           "  get rollouts [-A | -n NS] [--context C | --env E] [-o table|wide|json]\n"
           "  get rollout NAME [-n NS] [--context C | --env E] [-o table|wide|json]"));
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
    parser.addOptions(
        {help, version, demo, kubeconfig, config, lang, readOnly, all, ns, context, env, output});
    parser.addPositionalArgument(QStringLiteral("command"), tr("get rollouts | get rollout NAME"),
                                 QStringLiteral("[get ...]"));

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
    if (options.demo && !options.kubeconfig.isEmpty()) {
        *text = tr("--demo and --kubeconfig cannot be combined: the demo writes its own "
                   "kubeconfig");
        return Result::Error;
    }

    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        if (positional.first() != QLatin1String("get")) {
            *text = tr("unknown command '%1' (commands: get)").arg(positional.first());
            return Result::Error;
        }
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

    options.allNamespaces = parser.isSet(all);
    options.namespaceName = parser.value(ns);
    options.context = parser.value(context);
    options.environment = parser.value(env);
    if (!options.isHeadless()) {
        for (const QCommandLineOption *option : {&all, &ns, &context, &env, &output}) {
            if (parser.isSet(*option)) {
                *text = tr("--%1 is only valid with the get command").arg(option->names().last());
                return Result::Error;
            }
        }
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
