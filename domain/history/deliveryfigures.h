// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releaserecord.h"

#include <QDateTime>
#include <QList>
#include <QString>

// Delivery figures of the release history (issue 12) over a period [from, to), per workload
// and in total, computed with integers so that a test can state every number exactly.
//
// Which releases count: those whose startedAt lies in [from, to). A null `from` or `to` is an
// open end (the "all" range): no release is left out by it, and the period's length is
// measured from the earliest start in the input, or to the latest start or end in it.
// Releases outside the period still serve as the "older release" of a rollback and as the
// "next promotion" of a recovery, so a release is judged by everything the caller loaded.
//
// A workload is named by (environment, namespace, name): one deleted and created again
// under the same name continues its figures (its revisions start at 1 again, so releases of
// a workload are ordered by startedAt, then revision, never by revision alone).
//
// Durations are whole milliseconds. A median of an even count is the mean of the two middle
// values and, like every mean here, is rounded down to the millisecond (all durations are
// positive or zero, so down is towards zero). -1 stands for "no value": there was nothing
// to take a median or a mean of, which a view shows as a dash rather than as 0 s.
struct DeliveryFigures
{
    // Empty in the total.
    QString environment;
    QString namespaceName;
    QString workload;

    int releases = 0; // started in the period
    // releases × 7 days ÷ the period's length; 0 for a period of no length.
    double releasesPerWeek = 0;

    int aborted = 0; // of `releases`, outcome Aborted
    double abortedShare = 0; // aborted ÷ releases, 0..1; 0 without releases

    // Of `releases`, those whose podTemplateHash (not empty) equals that of an older
    // release of the same workload: the pod template went back to an earlier one, an undo
    // or a rollback by hand. Its outcome does not matter.
    int rolledBack = 0;
    double rolledBackShare = 0; // rolledBack ÷ releases, 0..1; 0 without releases

    // Of `releases`, outcome Promoted with a start and an end, fully observed:
    // endedAt − startedAt.
    int promoted = 0;
    qint64 medianTimeToPromotionMSecs = -1;

    // Each Aborted release of `releases` with an end is one failure; it is recovered by the
    // first Promoted release of the same workload that ended at or after it (wherever that
    // release started), and its time to recover is the promotion's end − the abort's end.
    // Two aborts before one promotion are two failures recovered by the same promotion.
    int recoveries = 0;
    int unrecovered = 0; // aborts with no promotion after them (yet)
    qint64 meanTimeToRecoverMSecs = -1;
    qint64 medianTimeToRecoverMSecs = -1;

    bool operator==(const DeliveryFigures &o) const;
    bool operator!=(const DeliveryFigures &o) const { return !(*this == o); }
};

struct DeliveryFigureSet
{
    QDateTime from; // the period actually used (nulls resolved as above)
    QDateTime to;
    DeliveryFigures total;
    // One per workload with at least one release in the period, ordered by environment,
    // namespace and name.
    QList<DeliveryFigures> workloads;
};

// `context`: other releases known of the same workloads (say those a filter on the outcome
// hides, or older ones) that are judged against, as the older release of a rollback or the
// promotion that recovered an abort, but never counted. A release in both lists is counted.
DeliveryFigureSet computeDeliveryFigures(const QList<ReleaseSummary> &releases,
                                         const QDateTime &from, const QDateTime &to,
                                         const QList<ReleaseSummary> &context = {});

// The median of `values` (sorted here) in the rounding described above; -1 when empty.
qint64 medianMSecs(QList<qint64> values);
