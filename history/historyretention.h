// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QString>

class HistoryConnection;

// How the history stays bounded (HistoryWriter::prune). Only ended releases go, never one
// in progress and never the newest release of a workload (environment, namespace, name), so
// the Releases view and "compare with previous" always have each workload's latest.
namespace HistoryRetention {

// In one transaction: the releases that ended before now - retentionDays (none when
// retentionDays <= 0), then, while the live data (pages in use: what the file shrinks to)
// is above maxBytes (no limit when <= 0), the oldest ended ones. Their rows go with them
// (ON DELETE CASCADE). Then the freed pages are given back (incremental_vacuum) and the WAL
// is checkpointed and truncated. Returns how many releases were removed, -1 with *error.
int prune(HistoryConnection &connection, int retentionDays, qint64 maxBytes, const QDateTime &now,
          QString *error);

// Bytes of the pages in use: (page_count - freelist_count) * page_size; -1 on error.
qint64 liveBytes(HistoryConnection &connection);

} // namespace HistoryRetention
