// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartmarkers.h"
#include "chartspec.h"
#include "releaserecord.h"
#include "rolloutdetail.h"

#include <QList>
#include <QString>

// A recorded release as the metric charts see it (issue 12's review): the window to chart,
// the rollout the chart queries' variables come from, the analysis' recorded measurements as
// charts of their own and the release's happenings as markers. Pure values.
namespace ReleaseCharts {

// The release's window with a margin either side (a tenth of its length, at least two
// minutes), so its start and end stand clear of the axes: from startedAt (else the first
// observation) to endedAt; in progress, to now (no margin: nothing after now is known). An
// hour before now when nothing is known.
void window(const ReleaseSummary &release, qint64 nowMs, qint64 *startMs, qint64 *endMs);

// The rollout the chart machinery plans for: environment, namespace, name, uid, strategy and
// revision, the release's pod-template hash as the canary's and `stableHash` (the previous
// release's, empty when unknown) as the stable one.
RolloutDetail detail(const ReleaseSummary &release, const QString &stableHash);

// One chart per analysis metric ("recorded/<metric>"): its numeric measurements as points in
// their phase's colour at the time each finished (else started), the thresholds of the
// newest measurement's conditions. No query: they are what the analysis saw then, whatever
// Prometheus still holds.
QList<ChartSpec> recordedCharts(const ReleaseTimeline &timeline);

// The release's start, the pauses, resumes and aborts observed or done, and its end by
// outcome (promoted, aborted), in time order.
QList<ChartMarker> markers(const ReleaseTimeline &timeline);

} // namespace ReleaseCharts
