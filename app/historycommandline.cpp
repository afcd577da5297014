// SPDX-License-Identifier: GPL-3.0-or-later
#include "historycommandline.h"

#include "timestamps.h"

#include <QCommandLineParser>
#include <QRegularExpression>

namespace {

const QString historyWord = QStringLiteral("history");
const QString reportWord = QStringLiteral("report");
const QString recordWord = QStringLiteral("record");

// "--since is only valid with history": the options that belong to one command.
struct OwnedOption
{
    const char *name;
    const char *owners;
};
const OwnedOption ownedOptions[] = {
    {"workload", "history"}, {"since", "history"},
    {"until", "history"},    {"outcome", "history"},
    {"revision", "report"},  {"history-file", "history, report, record, gate check"},
};

// The options of `get` and the actions that no history command takes, and per command the
// shared ones it does not take either.
bool refuseForeign(const QCommandLineParser &parser, const QString &command, QString *text)
{
    QStringList refused = {QStringLiteral("all-namespaces"), QStringLiteral("namespace"),
                           QStringLiteral("full"),           QStringLiteral("to-revision"),
                           QStringLiteral("select"),         QStringLiteral("releases"),
                           QStringLiteral("wait"),           QStringLiteral("timeout")};
    if (command == historyWord) {
        refused += {QStringLiteral("context"), QStringLiteral("revision")};
    } else if (command == reportWord) {
        refused += {QStringLiteral("env"),   QStringLiteral("context"), QStringLiteral("workload"),
                    QStringLiteral("since"), QStringLiteral("until"),   QStringLiteral("outcome")};
    } else {
        refused
            += {QStringLiteral("workload"), QStringLiteral("since"),    QStringLiteral("until"),
                QStringLiteral("outcome"),  QStringLiteral("revision"), QStringLiteral("output")};
    }
    for (const QString &name : std::as_const(refused)) {
        if (parser.isSet(name)) {
            *text = CommandLine::tr("%1 does not take --%2").arg(command, name);
            return false;
        }
    }
    return true;
}

bool unexpected(const QStringList &positional, int allowed, QString *text)
{
    if (positional.size() <= allowed)
        return true;
    *text = CommandLine::tr("%1: unexpected argument '%2'")
                .arg(positional.first(), positional.at(allowed));
    return false;
}

bool readTime(const QCommandLineParser &parser, const QString &name, QDateTime *out, QString *text)
{
    if (!parser.isSet(name))
        return true;
    const QString value = parser.value(name);
    if (HistoryCommandLine::parseTime(value, QDateTime::currentDateTimeUtc(), out))
        return true;
    *text = CommandLine::tr("--%1: '%2' is not a time (2026-12-01, 2026-12-01T10:00:00Z) or a "
                            "duration back from now (30m, 24h, 7d)")
                .arg(name, value);
    return false;
}

bool readOutcomes(const QCommandLineParser &parser, CommandLineOptions *options, QString *text)
{
    // Repeated or comma-separated: --outcome aborted,deleted.
    for (const QString &value : parser.values(QStringLiteral("outcome"))) {
        for (const QString &name : value.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            ReleaseOutcome outcome = ReleaseOutcome::InProgress;
            if (!releaseOutcomeFromName(name.trimmed(), &outcome)) {
                *text = CommandLine::tr("--outcome: '%1' is not one of promoted, aborted, "
                                        "superseded, in-progress, deleted")
                            .arg(name.trimmed());
                return false;
            }
            if (!options->outcomes.contains(outcome))
                options->outcomes.append(outcome);
        }
    }
    return true;
}

bool readWorkload(const QCommandLineParser &parser, CommandLineOptions *options, QString *text)
{
    const QString value = parser.value(QStringLiteral("workload"));
    const QStringList parts = value.split(QLatin1Char('/'));
    // NAME alone matches the name in every namespace.
    if (parts.size() > 2 || parts.contains(QString())) {
        *text = CommandLine::tr("--workload: '%1' is not NAMESPACE/NAME or NAME").arg(value);
        return false;
    }
    options->workload = parts.last();
    options->workloadNamespace = parts.size() == 2 ? parts.first() : QString();
    return true;
}

bool readHistory(const QCommandLineParser &parser, CommandLineOptions *options, QString *text)
{
    options->mode = CommandLineOptions::Mode::History;
    if (!unexpected(parser.positionalArguments(), 1, text))
        return false;
    if (parser.values(QStringLiteral("env")).size() > 1) {
        *text = CommandLine::tr("history: give --env once");
        return false;
    }
    options->environment = parser.value(QStringLiteral("env"));
    if (parser.isSet(QStringLiteral("workload")) && !readWorkload(parser, options, text))
        return false;
    if (!readTime(parser, QStringLiteral("since"), &options->since, text)
        || !readTime(parser, QStringLiteral("until"), &options->until, text)
        || !readOutcomes(parser, options, text))
        return false;
    const QString format = parser.value(QStringLiteral("output"));
    if (format.isEmpty() || format == QLatin1String("table")) {
        options->output = CommandLineOptions::Output::Table;
    } else if (format == QLatin1String("json")) {
        options->output = CommandLineOptions::Output::Json;
    } else {
        *text = CommandLine::tr("history: -o: unknown output format '%1' (formats: table, json)")
                    .arg(format);
        return false;
    }
    return true;
}

bool readReport(const QCommandLineParser &parser, CommandLineOptions *options, QString *text)
{
    options->mode = CommandLineOptions::Mode::Report;
    const QStringList positional = parser.positionalArguments();
    const QString workload = positional.value(1);
    const QStringList parts = workload.split(QLatin1Char('/'));
    if (workload.isEmpty()) {
        *text = CommandLine::tr("report: name the workload as ENV/NAMESPACE/NAME");
        return false;
    }
    if (parts.size() != 3 || parts.contains(QString())) {
        *text = CommandLine::tr("report: '%1' is not ENV/NAMESPACE/NAME").arg(workload);
        return false;
    }
    if (!unexpected(positional, 2, text))
        return false;
    options->environment = parts.at(0);
    options->workloadNamespace = parts.at(1);
    options->workload = parts.at(2);
    if (parser.isSet(QStringLiteral("revision"))) {
        bool ok = false;
        options->revision = parser.value(QStringLiteral("revision")).toLongLong(&ok);
        if (!ok || options->revision < 1) {
            *text = CommandLine::tr("--revision: '%1' is not a revision number (1, 2, ...)")
                        .arg(parser.value(QStringLiteral("revision")));
            return false;
        }
    }
    // Here -o names the file, not a format: only a name ending in .pdf or .md is taken, so
    // `-o json` out of habit from `get` is an error rather than a file called "json".
    options->reportFile = parser.value(QStringLiteral("output"));
    if (options->reportFile.isEmpty()) {
        *text = CommandLine::tr("report: name the file to write with -o FILE.pdf or -o FILE.md");
        return false;
    }
    if (!options->reportFile.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive)
        && !options->reportFile.endsWith(QLatin1String(".md"), Qt::CaseInsensitive)) {
        *text = CommandLine::tr("report: -o '%1' must name a file ending in .pdf or .md")
                    .arg(options->reportFile);
        return false;
    }
    return true;
}

bool readRecord(const QCommandLineParser &parser, CommandLineOptions *options, QString *text)
{
    options->mode = CommandLineOptions::Mode::Record;
    if (!unexpected(parser.positionalArguments(), 1, text))
        return false;
    options->environments = parser.values(QStringLiteral("env"));
    options->environments.removeDuplicates();
    options->context = parser.value(QStringLiteral("context"));
    if (!options->context.isEmpty() && !options->environments.isEmpty()) {
        *text = CommandLine::tr("--context and --env cannot be combined");
        return false;
    }
    return true;
}

} // namespace

QList<QCommandLineOption> HistoryCommandLine::options()
{
    return {
        QCommandLineOption(
            QStringLiteral("workload"),
            CommandLine::tr("history: only workload NS/NAME (or NAME in any namespace)."),
            QStringLiteral("NS/NAME")),
        QCommandLineOption(
            QStringLiteral("since"),
            CommandLine::tr("history: releases started at or after T (2026-12-01, "
                            "2026-12-01T10:00:00Z, or back from now: 30m, 24h, 7d)."),
            QStringLiteral("T")),
        QCommandLineOption(QStringLiteral("until"),
                           CommandLine::tr("history: releases started before T (as --since)."),
                           QStringLiteral("T")),
        QCommandLineOption(
            QStringLiteral("outcome"),
            CommandLine::tr("history: only promoted, aborted, superseded, in-progress or "
                            "deleted releases (repeatable, or comma-separated)."),
            QStringLiteral("O")),
        QCommandLineOption(
            QStringLiteral("revision"),
            CommandLine::tr("report: the release of revision N (default: the newest)."),
            QStringLiteral("N")),
        QCommandLineOption(
            QStringLiteral("history-file"),
            CommandLine::tr("history, report, record: the release history database (default: "
                            "$RELEASE_DASHBOARD_HISTORY_FILE, else history.sqlite, or "
                            "demo-history.sqlite with --demo, in the app's data folder)."),
            QStringLiteral("FILE")),
    };
}

bool HistoryCommandLine::isCommand(const QString &word)
{
    return word == historyWord || word == reportWord || word == recordWord;
}

bool HistoryCommandLine::isCommandMode(CommandLineOptions::Mode mode)
{
    return mode == CommandLineOptions::Mode::History || mode == CommandLineOptions::Mode::Report
        || mode == CommandLineOptions::Mode::Record;
}

bool HistoryCommandLine::read(const QCommandLineParser &parser, CommandLineOptions *options,
                              QString *text)
{
    const QString command = parser.positionalArguments().value(0);
    if (!refuseForeign(parser, command, text))
        return false;
    options->historyFile = parser.value(QStringLiteral("history-file"));
    if (command == historyWord)
        return readHistory(parser, options, text);
    if (command == reportWord)
        return readReport(parser, options, text);
    return readRecord(parser, options, text);
}

bool HistoryCommandLine::refuseOptions(const QCommandLineParser &parser, QString *text)
{
    for (const OwnedOption &option : ownedOptions) {
        const QString name = QString::fromLatin1(option.name);
        if (parser.isSet(name)) {
            *text = CommandLine::tr("--%1 is only valid with %2")
                        .arg(name, QString::fromLatin1(option.owners));
            return false;
        }
    }
    return true;
}

bool HistoryCommandLine::parseTime(const QString &text, const QDateTime &now, QDateTime *out)
{
    // Durations: one or more NUMBER UNIT pairs; nine digits at most, so nothing overflows.
    static const QRegularExpression duration(QStringLiteral("^(?:\\d{1,9}[smhdw])+$"));
    static const QRegularExpression part(QStringLiteral("(\\d{1,9})([smhdw])"));
    if (duration.match(text).hasMatch()) {
        qint64 seconds = 0;
        for (auto it = part.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch match = it.next();
            static const QString units = QStringLiteral("smhdw");
            static const qint64 unitSeconds[] = {1, 60, 3600, 86400, 7 * 86400};
            seconds += match.captured(1).toLongLong()
                * unitSeconds[units.indexOf(match.capturedView(2).at(0))];
        }
        *out = now.toUTC().addSecs(-seconds);
        return true;
    }
    if (text.size() == 10) {
        const QDate date = QDate::fromString(text, Qt::ISODate);
        if (date.isValid()) {
            *out = QDateTime(date, QTime(0, 0), Qt::UTC);
            return true;
        }
    }
    QString iso = text;
    if (iso.size() > 10 && iso.at(10) == QLatin1Char(' '))
        iso[10] = QLatin1Char('T'); // the table's "2026-12-05 14:03"
    QDateTime time = parseRfc3339(iso);
    if (!time.isValid()) {
        time = QDateTime::fromString(iso, Qt::ISODate);
        // Without an offset the time is UTC, as every time the history prints.
        if (time.isValid() && time.timeSpec() == Qt::LocalTime)
            time = QDateTime(time.date(), time.time(), Qt::UTC);
    }
    if (!time.isValid())
        return false;
    *out = time.toUTC();
    return true;
}
