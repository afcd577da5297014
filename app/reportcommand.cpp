// SPDX-License-Identifier: GPL-3.0-or-later
#include "reportcommand.h"

#include "commandline.h"
#include "getcommand.h"
#include "headlessfleet.h"
#include "historycommand.h"
#include "historyreader.h"
#include "releasereport.h"
#include "releasereportpdf.h"

#include <QDir>
#include <QFileInfo>
#include <QGuiApplication>
#include <QSaveFile>
#include <QTextStream>

#include <optional>

namespace {

QString workloadPath(const CommandLineOptions &options)
{
    return QStringLiteral("%1/%2/%3")
        .arg(options.environment, options.workloadNamespace, options.workload);
}

// The release the report is about: the newest, or the newest of --revision. *error says
// what was asked for and what there is when none fits.
std::optional<ReleaseSummary> chooseRelease(const HistoryReader &reader,
                                            const CommandLineOptions &options, const QString &path,
                                            QString *error)
{
    ReleaseFilter filter;
    filter.environment = options.environment;
    filter.namespaceName = options.workloadNamespace;
    filter.workload = options.workload;
    filter.limit = 0;
    const QList<ReleaseSummary> releases = reader.releases(filter); // newest first
    if (!reader.errorMessage().isEmpty()) {
        *error = reader.errorMessage();
        return std::nullopt;
    }
    if (releases.isEmpty()) {
        *error = ReportCommand::tr("report: no release of %1 is recorded in %2")
                     .arg(workloadPath(options), QDir::toNativeSeparators(path));
        return std::nullopt;
    }
    if (options.revision == 0)
        return releases.first();
    QStringList recorded;
    for (const ReleaseSummary &release : releases) {
        if (release.key.revision == options.revision)
            return release;
        const QString revision = QString::number(release.key.revision);
        if (!recorded.contains(revision))
            recorded.prepend(revision); // oldest first
    }
    *error = ReportCommand::tr("report: %1 has no recorded revision %2 (recorded: %3)")
                 .arg(workloadPath(options))
                 .arg(options.revision)
                 .arg(recorded.join(QStringLiteral(", ")));
    return std::nullopt;
}

bool writeMarkdown(const QString &markdown, const QString &path, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(markdown.toUtf8()) < 0 || !file.commit()) {
        *error = ReportCommand::tr("report: cannot write %1: %2")
                     .arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace

int ReportCommand::run(const CommandLineOptions &options, QTextStream &out, QTextStream &err)
{
    const QString path = HistoryCommand::databasePath(options);
    const bool pdf = options.reportFile.endsWith(QLatin1String(".pdf"), Qt::CaseInsensitive);
    if (pdf && !qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        HeadlessFleet::printError(err, tr("report: a PDF needs a QGuiApplication"));
        return GetCommand::UsageError;
    }
    if (!QFileInfo::exists(path)) {
        HeadlessFleet::printError(err, HistoryCommand::noHistoryMessage(path));
        return GetCommand::Failure;
    }
    HistoryReader reader;
    QString error;
    if (!reader.open(path)) {
        HeadlessFleet::printError(err, reader.errorMessage());
        return GetCommand::Failure;
    }
    const std::optional<ReleaseSummary> release = chooseRelease(reader, options, path, &error);
    std::optional<ReleaseTimeline> timeline;
    if (release)
        timeline = reader.timeline(release->id);
    if (!timeline) {
        HeadlessFleet::printError(err, error.isEmpty() ? reader.errorMessage() : error);
        return GetCommand::Failure;
    }
    // The release before it, for the comparison; without one the report has none.
    std::optional<ReleaseTimeline> previous;
    if (const std::optional<ReleaseSummary> before = reader.previousRelease(*release))
        previous = reader.timeline(before->id);
    const ReleaseTimeline *previousTimeline = previous ? &*previous : nullptr;
    const bool written = pdf
        ? writeReleaseReportPdf(*timeline, previousTimeline, options.reportFile, &error)
        : writeMarkdown(releaseReportMarkdown(*timeline, previousTimeline), options.reportFile,
                        &error);
    if (!written) {
        HeadlessFleet::printError(err, error);
        return GetCommand::Failure;
    }
    out << tr("Wrote the report of %1 to %2")
               .arg(release->displayName(), QDir::toNativeSeparators(options.reportFile))
        << Qt::endl;
    return GetCommand::Success;
}
