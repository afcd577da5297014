// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasehistoryqueries.h"

#include "historyreader.h"

#include <QFileInfo>
#include <QtConcurrent>

namespace {

QString missingText(const QString &path)
{
    return QCoreApplication::translate("ReleaseHistoryQueries",
                                       "No release has been recorded yet (%1).")
        .arg(QDir::toNativeSeparators(path));
}

} // namespace

QFuture<ReleaseListResult> ReleaseHistoryQueries::releases(const QString &databasePath,
                                                           const ReleaseFilter &filter)
{
    return QtConcurrent::run([databasePath, filter] {
        ReleaseListResult result;
        if (!QFileInfo::exists(databasePath)) {
            result.error = missingText(databasePath);
            return result;
        }
        HistoryReader reader;
        if (!reader.open(databasePath)) {
            result.error = reader.errorMessage();
            return result;
        }
        // Each call resets the reader's message: the first failure is the one to show.
        result.releases = reader.releases(filter);
        result.error = reader.errorMessage();
        result.environments = reader.environments();
        if (result.error.isEmpty())
            result.error = reader.errorMessage();
        result.namespaces = reader.namespaces(filter.environment);
        if (result.error.isEmpty())
            result.error = reader.errorMessage();
        return result;
    });
}

QFuture<ReleaseReviewResult> ReleaseHistoryQueries::review(const QString &databasePath,
                                                           qint64 releaseId, bool withPrevious)
{
    return QtConcurrent::run([databasePath, releaseId, withPrevious] {
        ReleaseReviewResult result;
        HistoryReader reader;
        if (!reader.open(databasePath)) {
            result.error = reader.errorMessage();
            return result;
        }
        result.timeline = reader.timeline(releaseId);
        result.error = reader.errorMessage();
        if (result.timeline && withPrevious) {
            const std::optional<ReleaseSummary> previous
                = reader.previousRelease(result.timeline->summary);
            if (previous)
                result.previous = reader.timeline(previous->id);
            if (result.error.isEmpty())
                result.error = reader.errorMessage();
        }
        return result;
    });
}
