// SPDX-License-Identifier: GPL-3.0-or-later
#include "gatehistorytarget.h"

#include "historyreader.h"

#include <QFileInfo>

namespace {

bool inProgressAt(const ReleaseSummary &release, const QDateTime &when)
{
    return release.startedAt.isValid() && release.startedAt <= when
        && (!release.endedAt.isValid() || release.endedAt > when);
}

} // namespace

PastGateTarget PastGateTarget::at(const QString &historyFile, const QString &environment,
                                  const QString &namespaceName, const QString &name,
                                  const QDateTime &when)
{
    PastGateTarget result;
    HistoryReader reader;
    // Only read: a missing file is not made here (the recorder makes it).
    if (!QFileInfo::exists(historyFile) || !reader.open(historyFile))
        return result;
    ReleaseFilter filter;
    filter.environment = environment;
    filter.namespaceName = namespaceName;
    filter.workload = name;
    filter.until = when.addMSecs(1);
    const QList<ReleaseSummary> releases = reader.releases(filter); // newest start first
    const ReleaseSummary *canary = nullptr;
    const ReleaseSummary *stable = nullptr;
    for (const ReleaseSummary &release : releases) {
        if (!canary && !stable && inProgressAt(release, when))
            canary = &release;
        else if (!stable && release.outcome == ReleaseOutcome::Promoted && release.endedAt.isValid()
                 && release.endedAt <= when)
            stable = &release;
    }
    if (!canary && !stable)
        return result;
    result.found = true;
    result.target.stableHash = stable ? stable->podTemplateHash : QString();
    // No release in progress then: the stable alone ran, so there was no canary to judge.
    result.target.canaryHash = canary ? canary->podTemplateHash : result.target.stableHash;
    if (canary && stable)
        result.note = tr("canary and stable at that time from the release history: %1 against %2")
                          .arg(canary->displayName(), stable->displayName());
    else if (canary)
        result.note = tr("canary at that time from the release history: %1 (no stable recorded)")
                          .arg(canary->displayName());
    else
        result.note
            = tr("no release was in progress at that time (stable: %1)").arg(stable->displayName());
    return result;
}
