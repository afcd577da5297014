// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "stallmeter.h"

#include <QString>

// What record_bench reads about the history database and the recorder's thread, and sums
// over its sessions.

qint64 fileBytes(const QString &path); // 0 when there is no file

// CPU time (user + system) of this process's thread of that name (Linux: QThread names its
// thread after its objectName; the recorder's is "history"); 0 when there is none.
double threadCpuSeconds(const QString &threadName);

struct DatabaseFigures
{
    qint64 releases = 0;
    // The storm's: revisions above FleetGenerator's 1 to 3. (Not "not partially observed":
    // the tracker also records a generated revision as fully observed when its Rollout came
    // in a batch before its ReplicaSets; see docs/PERFORMANCE.md.)
    qint64 stormReleases = 0;
    qint64 transitions = 0;
    qint64 actions = 0;
    qint64 analysisRuns = 0;
    qint64 measurements = 0;
    qint64 events = 0;
    qint64 usedBytes = 0; // pages in use, as a reader sees them (the -wal's included)
    qint64 fileBytes = 0; // the file and its -wal, as they lie on disk
    qint64 walBytes = 0;

    qint64 rows() const
    {
        return releases + transitions + actions + analysisRuns + measurements + events;
    }
};

// Read through a read-only connection of its own while the recorder may be writing (WAL).
DatabaseFigures databaseFigures(const QString &path);
QString describe(const DatabaseFigures &figures);

// The stall over the sessions of one mode: the worst max, the worst p99 and median.
struct StallSummary
{
    double maxMs = 0;
    double p99Ms = 0;
    double medianMs = 0;
    double eventsSum = 0;
    int sessions = 0;

    void add(const StallMeter::Result &stall, double eventsPerSecond);
    double eventsPerSecond() const { return sessions ? eventsSum / sessions : 0; }
};

// The storm's share of the recording sessions: what the database grew by per release begun
// while it was measured, and the recorder's rows per second and per CPU second.
struct StorageSummary
{
    qint64 grownBytes = 0;
    qint64 newReleases = 0;
    qint64 newRows = 0; // rows the tables gained
    qint64 writtenRows = 0; // rows written (upserts of a release count each time)
    double cpuSeconds = 0;
    double seconds = 0;

    void add(const DatabaseFigures &before, const DatabaseFigures &after, qint64 writtenRows,
             double cpuSeconds, int seconds);
    double bytesPerRelease() const;
    double rowsPerRelease() const;
    double rowsPerSecond() const { return seconds > 0 ? writtenRows / seconds : 0; }
    double rowsPerCpuSecond() const { return cpuSeconds > 0 ? writtenRows / cpuSeconds : 0; }
    QString describe() const;
};
