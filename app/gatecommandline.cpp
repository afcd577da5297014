// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatecommandline.h"

#include "durationparser.h"
#include "historycommandline.h"

#include <QCommandLineParser>

namespace {

const QString gateWord = QStringLiteral("gate");
const QString checkWord = QStringLiteral("check");

// Options of the other commands this one does not take.
bool refuseForeign(const QCommandLineParser &parser, QString *text)
{
    const QStringList refused = {
        QStringLiteral("all-namespaces"), QStringLiteral("namespace"), QStringLiteral("full"),
        QStringLiteral("to-revision"),    QStringLiteral("select"),    QStringLiteral("releases"),
        QStringLiteral("wait"),           QStringLiteral("timeout"),   QStringLiteral("workload"),
        QStringLiteral("since"),          QStringLiteral("until"),     QStringLiteral("outcome"),
        QStringLiteral("revision")};
    for (const QString &name : refused) {
        if (parser.isSet(name)) {
            *text = CommandLine::tr("gate check does not take --%1").arg(name);
            return false;
        }
    }
    return true;
}

bool readRollout(const QCommandLineParser &parser, CommandLineOptions *options, QString *text)
{
    const QString value = parser.value(QStringLiteral("rollout"));
    const QStringList parts = value.split(QLatin1Char('/'));
    if (value.isEmpty()) {
        *text = CommandLine::tr("gate check: name the rollout with --rollout NAMESPACE/NAME");
        return false;
    }
    if (parts.size() != 2 || parts.contains(QString())) {
        *text = CommandLine::tr("--rollout: '%1' is not NAMESPACE/NAME").arg(value);
        return false;
    }
    options->namespaceName = parts.at(0);
    options->name = parts.at(1);
    return true;
}

bool readWatch(const QCommandLineParser &parser, CommandLineOptions *options, QString *text)
{
    if (!parser.isSet(QStringLiteral("watch")))
        return true;
    const QString value = parser.value(QStringLiteral("watch"));
    const std::optional<qint64> nanoseconds = parseGoDuration(value);
    const qint64 ms = nanoseconds ? *nanoseconds / 1000000 : -1;
    if (ms < GateCommandLine::minWatchMs || ms > GateCommandLine::maxWatchMs) {
        *text = CommandLine::tr("--watch: '%1' is not a duration from 1s to 24h (such as 30m)")
                    .arg(value);
        return false;
    }
    options->gate.watchMs = ms;
    return true;
}

bool readAt(const QCommandLineParser &parser, CommandLineOptions *options, QString *text)
{
    if (!parser.isSet(QStringLiteral("at")))
        return true;
    const QString value = parser.value(QStringLiteral("at"));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!HistoryCommandLine::parseTime(value, now, &options->gate.at) || options->gate.at > now) {
        *text = CommandLine::tr("--at: '%1' is not a past time (2026-12-01T10:00:00Z, or a "
                                "duration back from now such as 30m)")
                    .arg(value);
        return false;
    }
    if (options->gate.watchMs > 0) {
        *text = CommandLine::tr("--at and --watch cannot be combined: a past instant is "
                                "judged once");
        return false;
    }
    return true;
}

bool readFormat(const QCommandLineParser &parser, CommandLineOptions *options, QString *text)
{
    const QString format = parser.value(QStringLiteral("output"));
    if (format.isEmpty() || format == QLatin1String("text")) {
        options->gate.output = GateCheckOptions::Output::Text;
    } else if (format == QLatin1String("json")) {
        options->gate.output = GateCheckOptions::Output::Json;
    } else if (format == QLatin1String("junit")) {
        options->gate.output = GateCheckOptions::Output::Junit;
    } else {
        *text = CommandLine::tr("gate check: -o: unknown output format '%1' (formats: text, "
                                "json, junit)")
                    .arg(format);
        return false;
    }
    return true;
}

} // namespace

QList<QCommandLineOption> GateCommandLine::options()
{
    return {
        QCommandLineOption(QStringLiteral("rollout"),
                           CommandLine::tr("gate check: the rollout to judge."),
                           QStringLiteral("NAMESPACE/NAME")),
        QCommandLineOption(QStringLiteral("at"),
                           CommandLine::tr("gate check: judge at a past time (RFC 3339, or a "
                                           "duration back from now)."),
                           QStringLiteral("TIME")),
        QCommandLineOption(QStringLiteral("watch"),
                           CommandLine::tr("gate check: judge again at every gate interval for "
                                           "this long; stop at the first failure."),
                           QStringLiteral("DURATION")),
    };
}

bool GateCommandLine::isCommand(const QString &word)
{
    return word == gateWord;
}

bool GateCommandLine::isCommandMode(CommandLineOptions::Mode mode)
{
    return mode == CommandLineOptions::Mode::GateCheck;
}

bool GateCommandLine::read(const QCommandLineParser &parser, CommandLineOptions *options,
                           QString *text)
{
    const QStringList positional = parser.positionalArguments();
    if (positional.value(1) != checkWord) {
        *text = positional.size() < 2
            ? CommandLine::tr("gate: name what to do: gate check")
            : CommandLine::tr("gate: unknown command '%1' (commands: check)").arg(positional.at(1));
        return false;
    }
    if (positional.size() > 2) {
        *text = CommandLine::tr("gate check: unexpected argument '%1'").arg(positional.at(2));
        return false;
    }
    options->mode = CommandLineOptions::Mode::GateCheck;
    if (parser.values(QStringLiteral("env")).size() > 1) {
        *text = CommandLine::tr("gate check: give --env once");
        return false;
    }
    options->environment = parser.value(QStringLiteral("env"));
    options->context = parser.value(QStringLiteral("context"));
    options->historyFile = parser.value(QStringLiteral("history-file")); // --at's revisions
    if (!options->environment.isEmpty() && !options->context.isEmpty()) {
        *text = CommandLine::tr("--context and --env cannot be combined");
        return false;
    }
    return refuseForeign(parser, text) && readRollout(parser, options, text)
        && readWatch(parser, options, text) && readAt(parser, options, text)
        && readFormat(parser, options, text);
}

bool GateCommandLine::refuseOptions(const QCommandLineParser &parser, QString *text)
{
    for (const QCommandLineOption &option : options()) {
        const QString name = option.names().constFirst();
        if (parser.isSet(name)) {
            *text = CommandLine::tr("--%1 is only valid with gate check").arg(name);
            return false;
        }
    }
    return true;
}
