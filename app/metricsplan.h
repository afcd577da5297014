// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartspec.h"
#include "chartvariables.h"
#include "metricquery.h"
#include "querystep.h"
#include "rolloutdetail.h"
#include "rolloutmetricsview.h"

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

// What MetricsController asks Prometheus and how the answers become series, without the
// view or the querier: the charts of a rollout, the window the user picked, each chart's
// parts (one per role for a split chart) and their queries, and what a chart shows from
// its parts' answers.
namespace MetricsPlan {

// One query of a chart and its answer so far.
struct Part
{
    QString name; // "canary", "stable" (in the user's language), or empty: an unsplit chart
    // {{role}} of the part's query: "stable", "active", "canary" or "preview", never translated
    // (a query matches it against a label's value).
    QString roleKey;
    ChartSeries::Role role = ChartSeries::Role::Other;
    QString hash;
    bool answered = false;
    QString error;
    QStringList warnings; // the server's, shown as they are
    QList<ChartSeries> series;
};

// The time window the user picked: a preset (following now while live, else frozen where
// Live was turned off), a calendar window (Custom…, or a release's), or a zoomed or panned
// window.
struct Window
{
    RolloutMetricsView::Range range = RolloutMetricsView::Range::RevisionLifetime;
    bool live = true;
    bool custom = false; // panned or zoomed
    qint64 customStart = 0;
    qint64 customEnd = 0;
    // A calendar window: kept for another rollout (a pan or zoom is not).
    bool absolute = false;
    qint64 absoluteStart = 0;
    qint64 absoluteEnd = 0;
    qint64 frozenEnd = 0; // Live off: where the window ends

    // The window's bounds at `nowMs` (Unix ms) for this rollout.
    void bounds(const RolloutDetail &detail, qint64 nowMs, qint64 *startMs, qint64 *endMs) const;
};

// The analysis charts of the current revision, then the configured charts that apply to
// the environment, else (none configured) the built-in ones.
QList<ChartSpec> charts(const RolloutDetail &detail, const QList<ChartSpec> &configured);
// Whether two chart lists and variables would ask the same queries.
bool sameQueries(const QList<ChartSpec> &a, const QList<ChartSpec> &b);
bool sameVariables(const ChartVariables &a, const ChartVariables &b);
// A chart's parts: stable then canary (active then preview) for a split chart. Without a
// stable hash (a recorded release whose predecessor is unknown), the revision's pods are the
// canary's.
QList<Part> partsOf(const ChartSpec &chart, const RolloutDetail &detail);
// The part's PromQL, or false with the error (an unknown template variable).
bool queryOf(const ChartSpec &chart, const Part &part, const ChartVariables &variables,
             QString *query, QString *error);
// The query key of a chart's part (MetricQuerier keeps the latest request per key).
QString queryKey(const RolloutDetail &detail, const QString &chartId, qsizetype part);
// How often Live runs the queries again: the finest planned step, at least every 5 s.
qint64 liveIntervalMs(const QHash<QString, QueryStep::Range> &plans);
// Records an answer in its part.
void answer(Part *part, const ChartSpec *chart, const MetricQueryResult &result);

// What a chart shows from its parts.
struct ChartView
{
    QList<ChartSeries> series;
    QString message;
    bool isError = false;
};
ChartView chartView(const QList<Part> &parts);

} // namespace MetricsPlan
