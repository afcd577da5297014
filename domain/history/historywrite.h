// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releaserecord.h"

#include <QList>
#include <QMetaType>

// A row for one release: the value and the release it belongs to.
template<typename T> struct ReleaseRow
{
    ReleaseKey release;
    T value;
};

// A workload the recorder saw deleted.
struct DeletedWorkload
{
    QString environment;
    QString workloadUid;
    QDateTime deletedAt;
};

// What the ReleaseTracker observed in one batch, for the history database to store in one
// transaction. Releases come first: every other row names a release that is in `releases`
// of this write or of an earlier one.
struct HistoryWrite
{
    // Inserted, or updated by key. An update never turns a finished release (outcome other
    // than in-progress) back into a partial one of a later catch-up: the database keeps a
    // finished release it already holds and only adds rows to it, unless the catch-up finds
    // it in progress again (retried).
    QList<ReleaseSummary> releases;
    QList<ReleaseRow<QStringList>> stepTexts; // replaces the release's step texts
    QList<ReleaseRow<ReleaseTransition>> transitions; // appended
    QList<ReleaseRow<ReleaseAction>> actions; // appended; an audit id already stored is skipped
    QList<ReleaseRow<ReleaseAnalysisRun>> analysisRuns; // upserted by (release, name)
    // Upserted by (release, analysisRun, metric, startedAt): a Running measurement is
    // replaced when it finishes.
    QList<ReleaseRow<ReleaseMeasurement>> measurements;
    QList<ReleaseRow<ReleaseEvent>> events; // upserted by (release, uid)
    // Appended; one per (release, gate, evaluatedAt): the same evaluation again is skipped.
    QList<ReleaseRow<ReleaseGateEvaluation>> gateEvaluations;
    // Upserted: a release keeps only its latest safety nets.
    QList<ReleaseRow<ReleaseSafetyNets>> safetyNets;
    QList<DeletedWorkload> deletedWorkloads; // sets workloadDeletedAt on its releases

    bool isEmpty() const
    {
        return releases.isEmpty() && stepTexts.isEmpty() && transitions.isEmpty()
            && actions.isEmpty() && analysisRuns.isEmpty() && measurements.isEmpty()
            && events.isEmpty() && gateEvaluations.isEmpty() && safetyNets.isEmpty()
            && deletedWorkloads.isEmpty();
    }
    // Appends other's rows after this write's (releases first stays true).
    void append(const HistoryWrite &other);
};

Q_DECLARE_METATYPE(HistoryWrite)
