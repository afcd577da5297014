// SPDX-License-Identifier: GPL-3.0-or-later
#include "deliveryfigures.h"

#include <QMap>
#include <QSet>
#include <QStringList>

#include <algorithm>
#include <numeric>

namespace {

constexpr qint64 weekMSecs = qint64(7) * 24 * 60 * 60 * 1000;

// What is counted for one workload (and, summed, for all of them) before it becomes figures.
struct WorkloadTally
{
    int releases = 0;
    int aborted = 0;
    int rolledBack = 0;
    int unrecovered = 0;
    QList<qint64> promotions;
    QList<qint64> recoveries;

    void add(const WorkloadTally &o)
    {
        releases += o.releases;
        aborted += o.aborted;
        rolledBack += o.rolledBack;
        unrecovered += o.unrecovered;
        promotions += o.promotions;
        recoveries += o.recoveries;
    }
};

// A release of a workload, and whether it is counted or only judged against.
struct Entry
{
    ReleaseSummary release;
    bool counted = true;
};

bool inPeriod(const ReleaseSummary &release, const QDateTime &from, const QDateTime &to)
{
    if (!release.startedAt.isValid())
        return false;
    return (from.isNull() || release.startedAt >= from) && (to.isNull() || release.startedAt < to);
}

// Revisions start again at 1 when a workload is created anew, so start time orders first.
bool startsBefore(const Entry &x, const Entry &y)
{
    const ReleaseSummary &a = x.release;
    const ReleaseSummary &b = y.release;
    if (a.startedAt != b.startedAt)
        return a.startedAt < b.startedAt;
    return a.key.revision < b.key.revision;
}

bool isRollback(const QList<Entry> &ordered, qsizetype index)
{
    const QString &hash = ordered.at(index).release.podTemplateHash;
    if (hash.isEmpty())
        return false;
    for (qsizetype older = 0; older < index; ++older) {
        if (ordered.at(older).release.podTemplateHash == hash)
            return true;
    }
    return false;
}

// The end of the first promotion that ended at or after `abortEnd`; null when none did.
QDateTime recoveryEnd(const QList<Entry> &ordered, const ReleaseSummary &abort)
{
    QDateTime best;
    for (const Entry &entry : ordered) {
        const ReleaseSummary &release = entry.release;
        if (release.outcome != ReleaseOutcome::Promoted || !release.endedAt.isValid()
            || release.endedAt < abort.endedAt)
            continue;
        if (best.isNull() || release.endedAt < best)
            best = release.endedAt;
    }
    return best;
}

WorkloadTally tallyWorkload(const QList<Entry> &ordered, const QDateTime &from, const QDateTime &to)
{
    WorkloadTally tally;
    for (qsizetype i = 0; i < ordered.size(); ++i) {
        const ReleaseSummary &release = ordered.at(i).release;
        if (!ordered.at(i).counted || !inPeriod(release, from, to))
            continue;
        ++tally.releases;
        if (isRollback(ordered, i))
            ++tally.rolledBack;
        // A promotion seen only at the end (partially observed) has an end the rollout's
        // conditions suggested, not one the dashboard saw: no time to promotion from it.
        if (release.outcome == ReleaseOutcome::Promoted && release.endedAt.isValid()
            && !release.partiallyObserved)
            tally.promotions.append(release.startedAt.msecsTo(release.endedAt));
        if (release.outcome != ReleaseOutcome::Aborted)
            continue;
        ++tally.aborted;
        if (!release.endedAt.isValid())
            continue;
        const QDateTime recovered = recoveryEnd(ordered, release);
        if (recovered.isNull())
            ++tally.unrecovered;
        else
            tally.recoveries.append(release.endedAt.msecsTo(recovered));
    }
    return tally;
}

DeliveryFigures figuresOf(const WorkloadTally &tally, qint64 periodMSecs)
{
    DeliveryFigures figures;
    figures.releases = tally.releases;
    if (periodMSecs > 0)
        figures.releasesPerWeek = double(tally.releases) * double(weekMSecs) / double(periodMSecs);
    figures.aborted = tally.aborted;
    figures.rolledBack = tally.rolledBack;
    if (tally.releases > 0) {
        figures.abortedShare = double(tally.aborted) / tally.releases;
        figures.rolledBackShare = double(tally.rolledBack) / tally.releases;
    }
    figures.promoted = int(tally.promotions.size());
    figures.medianTimeToPromotionMSecs = medianMSecs(tally.promotions);
    figures.recoveries = int(tally.recoveries.size());
    figures.unrecovered = tally.unrecovered;
    figures.medianTimeToRecoverMSecs = medianMSecs(tally.recoveries);
    if (!tally.recoveries.isEmpty()) {
        const qint64 sum
            = std::accumulate(tally.recoveries.cbegin(), tally.recoveries.cend(), qint64(0));
        figures.meanTimeToRecoverMSecs = sum / tally.recoveries.size();
    }
    return figures;
}

// The period's ends with the open ones replaced by the input's extent (for its length).
std::pair<QDateTime, QDateTime> resolvePeriod(const QList<ReleaseSummary> &releases,
                                              const QDateTime &from, const QDateTime &to)
{
    QDateTime first = from;
    QDateTime last = to;
    for (const ReleaseSummary &release : releases) {
        if (!inPeriod(release, from, to))
            continue;
        if (from.isNull() && (first.isNull() || release.startedAt < first))
            first = release.startedAt;
        if (to.isNull()) {
            for (const QDateTime &time : {release.startedAt, release.endedAt}) {
                if (time.isValid() && (last.isNull() || time > last))
                    last = time;
            }
        }
    }
    return {first, last};
}

} // namespace

bool DeliveryFigures::operator==(const DeliveryFigures &o) const
{
    return environment == o.environment && namespaceName == o.namespaceName
        && workload == o.workload && releases == o.releases && releasesPerWeek == o.releasesPerWeek
        && aborted == o.aborted && abortedShare == o.abortedShare && rolledBack == o.rolledBack
        && rolledBackShare == o.rolledBackShare && promoted == o.promoted
        && medianTimeToPromotionMSecs == o.medianTimeToPromotionMSecs && recoveries == o.recoveries
        && unrecovered == o.unrecovered && meanTimeToRecoverMSecs == o.meanTimeToRecoverMSecs
        && medianTimeToRecoverMSecs == o.medianTimeToRecoverMSecs;
}

qint64 medianMSecs(QList<qint64> values)
{
    if (values.isEmpty())
        return -1;
    std::sort(values.begin(), values.end());
    const qsizetype middle = values.size() / 2;
    if (values.size() % 2 == 1)
        return values.at(middle);
    // Summed halves cannot overflow where the sum of two large durations could.
    const qint64 a = values.at(middle - 1);
    const qint64 b = values.at(middle);
    return a / 2 + b / 2 + (a % 2 + b % 2) / 2;
}

DeliveryFigureSet computeDeliveryFigures(const QList<ReleaseSummary> &releases,
                                         const QDateTime &from, const QDateTime &to,
                                         const QList<ReleaseSummary> &context)
{
    QMap<QStringList, QList<Entry>> byWorkload;
    QSet<ReleaseKey> counted;
    for (const ReleaseSummary &release : releases) {
        counted.insert(release.key);
        byWorkload[{release.key.environment, release.namespaceName, release.workload}].append(
            {release, true});
    }
    for (const ReleaseSummary &release : context) {
        const QStringList workload {release.key.environment, release.namespaceName,
                                    release.workload};
        // Only the counted workloads' history matters, and a counted release only once.
        if (byWorkload.contains(workload) && !counted.contains(release.key))
            byWorkload[workload].append({release, false});
    }

    DeliveryFigureSet set;
    std::tie(set.from, set.to) = resolvePeriod(releases, from, to);
    const qint64 periodMSecs
        = set.from.isValid() && set.to.isValid() ? set.from.msecsTo(set.to) : 0;
    WorkloadTally total;
    for (auto it = byWorkload.begin(); it != byWorkload.end(); ++it) {
        std::stable_sort(it->begin(), it->end(), startsBefore);
        const WorkloadTally tally = tallyWorkload(*it, from, to);
        if (tally.releases == 0)
            continue;
        total.add(tally);
        DeliveryFigures figures = figuresOf(tally, periodMSecs);
        figures.environment = it.key().at(0);
        figures.namespaceName = it.key().at(1);
        figures.workload = it.key().at(2);
        set.workloads.append(figures);
    }
    set.total = figuresOf(total, periodMSecs);
    return set;
}
