// SPDX-License-Identifier: GPL-3.0-or-later
#include "waitcommandline.h"

#include "durationparser.h"

#include <QCommandLineParser>

namespace {

const QString waitName = QStringLiteral("wait");
const QString timeoutName = QStringLiteral("timeout");

} // namespace

QList<QCommandLineOption> WaitCommandLine::options()
{
    return {
        QCommandLineOption(waitName,
                           CommandLine::tr("Actions: return only once the controller shows the "
                                           "effect (exit code 5 when it does not in time).")),
        QCommandLineOption(timeoutName,
                           CommandLine::tr("With --wait: wait at most DURATION, e.g. 90s or 2m "
                                           "(1s to 1h; default 60s)."),
                           QStringLiteral("DURATION")),
    };
}

bool WaitCommandLine::read(const QCommandLineParser &parser, CommandLineOptions *options,
                           QString *text)
{
    const bool timeoutSet = parser.isSet(timeoutName);
    options->wait = parser.isSet(waitName);
    options->waitTimeoutMs = defaultTimeoutMs;
    if (options->mode != CommandLineOptions::Mode::Action) {
        if (options->wait || timeoutSet) {
            *text = CommandLine::tr("--%1 is only valid with an action command")
                        .arg(options->wait ? waitName : timeoutName);
            return false;
        }
        return true;
    }
    if (!timeoutSet)
        return true;
    const QString value = parser.value(timeoutName);
    if (!options->wait) {
        *text = CommandLine::tr("--timeout is only valid with --wait");
        return false;
    }
    const std::optional<qint64> nanoseconds = parseGoDuration(value);
    if (!nanoseconds) {
        *text
            = CommandLine::tr("--timeout: '%1' is not a duration (e.g. 90s, 2m, 1m30s)").arg(value);
        return false;
    }
    // Compared in nanoseconds, so 999ms and 1h0m0.5s are outside, not rounded in.
    constexpr qint64 nsPerMs = 1000000;
    if (*nanoseconds < minTimeoutMs * nsPerMs || *nanoseconds > maxTimeoutMs * nsPerMs) {
        *text = CommandLine::tr("--timeout: %1 is outside 1s to 1h").arg(value);
        return false;
    }
    options->waitTimeoutMs = *nanoseconds / nsPerMs;
    return true;
}

bool WaitCommandLine::refuseDurationArgument(const QCommandLineParser &parser, QString *text)
{
    const QStringList positional = parser.positionalArguments();
    if (!parser.isSet(waitName) || positional.size() < 3 || !parseGoDuration(positional.at(2)))
        return true;
    *text = CommandLine::tr("--wait takes no value: give the time with --timeout %1")
                .arg(positional.at(2));
    return false;
}
