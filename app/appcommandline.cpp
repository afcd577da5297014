// SPDX-License-Identifier: GPL-3.0-or-later
#include "appcommandline.h"

#include <QCommandLineParser>

namespace {

const QString appWord = QStringLiteral("app");

// kubectl-like spellings of the resource, as `get rollouts` accepts several.
bool isApplicationsResource(const QString &word)
{
    static const QStringList spellings
        = {QStringLiteral("applications"), QStringLiteral("application"), QStringLiteral("apps"),
           QStringLiteral("app"), QStringLiteral("applications.argoproj.io")};
    return spellings.contains(word);
}

// Options of the other commands that none of these take.
bool refuseForeign(const QCommandLineParser &parser, const QString &command,
                   const QStringList &alsoRefused, QString *text)
{
    QStringList refused = {QStringLiteral("all-namespaces"), QStringLiteral("namespace"),
                           QStringLiteral("context"),        QStringLiteral("full"),
                           QStringLiteral("to-revision"),    QStringLiteral("select"),
                           QStringLiteral("releases"),       QStringLiteral("wait"),
                           QStringLiteral("timeout"),        QStringLiteral("workload"),
                           QStringLiteral("since"),          QStringLiteral("until"),
                           QStringLiteral("outcome"),        QStringLiteral("history-file"),
                           QStringLiteral("rollout"),        QStringLiteral("at"),
                           QStringLiteral("watch")};
    refused += alsoRefused;
    for (const QString &name : std::as_const(refused)) {
        if (parser.isSet(name)) {
            *text = CommandLine::tr("%1 does not take --%2").arg(command, name);
            return false;
        }
    }
    return true;
}

bool readScope(const QCommandLineParser &parser, const QString &command,
               CommandLineOptions *options, QString *text)
{
    for (const QString &name : {QStringLiteral("env"), QStringLiteral("instance")}) {
        if (parser.values(name).size() > 1) {
            *text = CommandLine::tr("%1: give --%2 once").arg(command, name);
            return false;
        }
    }
    options->environment = parser.value(QStringLiteral("env"));
    options->instance = parser.value(QStringLiteral("instance"));
    return true;
}

bool readGet(const QCommandLineParser &parser, CommandLineOptions *options, QString *text)
{
    const QStringList positional = parser.positionalArguments();
    const QString command = QStringLiteral("get applications");
    if (positional.size() > 2) {
        *text = CommandLine::tr("get applications: unexpected argument '%1'").arg(positional.at(2));
        return false;
    }
    options->mode = CommandLineOptions::Mode::GetApplications;
    return refuseForeign(parser, command,
                         {QStringLiteral("revision"), QStringLiteral("prune"),
                          QStringLiteral("dry-run"), QStringLiteral("yes")},
                         text)
        && readScope(parser, command, options, text)
        && CommandLine::readOutputFormat(parser.value(QStringLiteral("output")), &options->output,
                                         text);
}

bool readKind(const QString &word, AppActionOptions::Kind *kind, QString *text)
{
    if (word == QLatin1String("sync")) {
        *kind = AppActionOptions::Kind::Sync;
    } else if (word == QLatin1String("rollback")) {
        *kind = AppActionOptions::Kind::Rollback;
    } else if (word == QLatin1String("terminate") || word == QLatin1String("terminate-op")) {
        *kind = AppActionOptions::Kind::Terminate; // terminate-op: argocd's own spelling
    } else {
        *text = word.isEmpty()
            ? CommandLine::tr("app: name what to do: sync, rollback or terminate")
            : CommandLine::tr("app: unknown command '%1' (commands: sync, rollback, terminate)")
                  .arg(word);
        return false;
    }
    return true;
}

// NAME, and rollback's ID.
bool readArguments(const QStringList &positional, CommandLineOptions *options, QString *text)
{
    const QString command = QStringLiteral("app ") + positional.at(1);
    const bool rollback = options->app.kind == AppActionOptions::Kind::Rollback;
    options->name = positional.value(2);
    if (options->name.isEmpty()) {
        *text = CommandLine::tr("%1: the application's NAME is missing").arg(command);
        return false;
    }
    if (rollback) {
        bool ok = false;
        options->app.historyId = positional.value(3).toLongLong(&ok);
        if (!ok || options->app.historyId < 0) {
            *text = positional.size() < 4
                ? CommandLine::tr("app rollback: the history ID is missing (app rollback NAME ID)")
                : CommandLine::tr("app rollback: '%1' is not a history ID (0, 1, ...)")
                      .arg(positional.at(3));
            return false;
        }
    }
    const qsizetype expected = rollback ? 4 : 3;
    if (positional.size() > expected) {
        *text
            = CommandLine::tr("%1: unexpected argument '%2'").arg(command, positional.at(expected));
        return false;
    }
    return true;
}

bool readAction(const QCommandLineParser &parser, CommandLineOptions *options, QString *text)
{
    const QStringList positional = parser.positionalArguments();
    AppActionOptions &app = options->app;
    if (!readKind(positional.value(1), &app.kind, text))
        return false;
    options->mode = CommandLineOptions::Mode::AppAction;
    const QString command = QStringLiteral("app ") + positional.at(1);
    QStringList refused = {QStringLiteral("output")};
    if (app.kind != AppActionOptions::Kind::Sync)
        refused.append(QStringLiteral("revision"));
    if (app.kind == AppActionOptions::Kind::Terminate)
        refused += {QStringLiteral("prune"), QStringLiteral("dry-run")};
    if (!refuseForeign(parser, command, refused, text) || !readArguments(positional, options, text)
        || !readScope(parser, command, options, text))
        return false;
    app.revision = parser.value(QStringLiteral("revision"));
    app.prune = parser.isSet(QStringLiteral("prune"));
    app.dryRun = parser.isSet(QStringLiteral("dry-run"));
    app.yes = parser.isSet(QStringLiteral("yes"));
    if (parser.isSet(QStringLiteral("revision")) && app.revision.isEmpty()) {
        *text = CommandLine::tr("--revision: name a Git revision or chart version");
        return false;
    }
    return true;
}

} // namespace

QList<QCommandLineOption> AppCommandLine::options()
{
    return {
        QCommandLineOption(QStringLiteral("instance"),
                           CommandLine::tr("get applications, app: only Argo CD server I of the "
                                           "environment's argocd: list."),
                           QStringLiteral("I")),
        QCommandLineOption(QStringLiteral("prune"),
                           CommandLine::tr("app sync, app rollback: delete resources no longer "
                                           "in Git.")),
        QCommandLineOption(QStringLiteral("dry-run"),
                           CommandLine::tr("app sync, app rollback: let Argo CD show what would "
                                           "change, changing nothing.")),
        QCommandLineOption(QStringLiteral("yes"),
                           CommandLine::tr("app sync, app rollback: act on a protected "
                                           "environment.")),
    };
}

bool AppCommandLine::isCommand(const QStringList &positional)
{
    return positional.value(0) == appWord
        || (positional.value(0) == QLatin1String("get")
            && isApplicationsResource(positional.value(1)));
}

bool AppCommandLine::isCommandMode(CommandLineOptions::Mode mode)
{
    return mode == CommandLineOptions::Mode::GetApplications
        || mode == CommandLineOptions::Mode::AppAction;
}

bool AppCommandLine::read(const QCommandLineParser &parser, CommandLineOptions *options,
                          QString *text)
{
    return parser.positionalArguments().value(0) == appWord ? readAction(parser, options, text)
                                                            : readGet(parser, options, text);
}

bool AppCommandLine::refuseOptions(const QCommandLineParser &parser, QString *text)
{
    for (const QCommandLineOption &option : options()) {
        const QString name = option.names().constFirst();
        if (parser.isSet(name)) {
            *text = CommandLine::tr("--%1 is only valid with get applications and app").arg(name);
            return false;
        }
    }
    return true;
}

QString AppCommandLine::word(AppActionOptions::Kind kind)
{
    switch (kind) {
    case AppActionOptions::Kind::Sync:
        break;
    case AppActionOptions::Kind::Rollback:
        return QStringLiteral("rollback");
    case AppActionOptions::Kind::Terminate:
        return QStringLiteral("terminate");
    }
    return QStringLiteral("sync");
}
