// SPDX-License-Identifier: GPL-3.0-or-later
#include "historycommand.h"

#include "commandline.h"
#include "getcommand.h"
#include "headlessfleet.h"
#include "historyprinter.h"
#include "historyreader.h"
#include "historyrecorder.h"

#include <QDir>
#include <QFileInfo>
#include <QTextStream>

QString HistoryCommand::databasePath(const CommandLineOptions &options)
{
    return options.historyFile.isEmpty() ? HistoryRecorder::defaultPath(options.demo)
                                         : options.historyFile;
}

QString HistoryCommand::noHistoryMessage(const QString &path)
{
    return tr("No release history yet at %1").arg(QDir::toNativeSeparators(path));
}

int HistoryCommand::run(const CommandLineOptions &options, QTextStream &out, QTextStream &err)
{
    const bool json = options.output == CommandLineOptions::Output::Json;
    const QString path = databasePath(options);
    // Nothing recorded yet is an answer, not a failure: a script gets no rows.
    if (!QFileInfo::exists(path)) {
        HeadlessFleet::printError(err, noHistoryMessage(path));
        if (json)
            out << QStringLiteral("[]\n");
        return GetCommand::Success;
    }
    HistoryReader reader;
    if (!reader.open(path)) {
        HeadlessFleet::printError(err, reader.errorMessage());
        return GetCommand::Failure;
    }
    ReleaseFilter filter;
    filter.environment = options.environment;
    filter.namespaceName = options.workloadNamespace;
    filter.workload = options.workload;
    filter.outcomes = options.outcomes;
    filter.since = options.since;
    filter.until = options.until;
    filter.limit = 0; // all of them: the command's reader decides with head or jq
    const QList<ReleaseSummary> releases = reader.releases(filter);
    if (!reader.errorMessage().isEmpty()) {
        HeadlessFleet::printError(err, reader.errorMessage());
        return GetCommand::Failure;
    }
    if (json) {
        out << QString::fromUtf8(HistoryPrinter::json(releases));
    } else if (releases.isEmpty()) {
        HeadlessFleet::printError(err, tr("No recorded release matches."));
    } else {
        out << HistoryPrinter::table(releases);
    }
    out.flush();
    return GetCommand::Success;
}
