// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releaserecord.h"

#include <QCoreApplication>
#include <QFuture>
#include <QStringList>

#include <optional>

// The Releases window's reads of the history database, each run on Qt's thread pool with a
// HistoryReader of its own (a connection per thread; WAL lets it read while the recorder
// writes), so a large history never stalls the window. Results are values.
struct ReleaseListResult
{
    QList<ReleaseSummary> releases;
    QStringList environments;
    QStringList namespaces;
    QString error; // translated; empty on success
};

struct ReleaseReviewResult
{
    std::optional<ReleaseTimeline> timeline;
    std::optional<ReleaseTimeline> previous; // loaded when asked for
    QString error;
};

namespace ReleaseHistoryQueries {

QFuture<ReleaseListResult> releases(const QString &databasePath, const ReleaseFilter &filter);
QFuture<ReleaseReviewResult> review(const QString &databasePath, qint64 releaseId,
                                    bool withPrevious);

} // namespace ReleaseHistoryQueries
