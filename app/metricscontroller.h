// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartspec.h"
#include "chartvariables.h"
#include "environmentspec.h"
#include "jobtracker.h"
#include "kubeconfig.h"
#include "metricquery.h"
#include "metricsplan.h"
#include "querystep.h"
#include "rolloutdetail.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>
#include <memory>

class FleetModel;
class MetricQuerier;
class QTimer;

// Feeds the selected rollout's metrics view. From the RolloutDetail it builds the charts
// (one per Prometheus metric of the current revision's AnalysisRuns, then the config's
// charts for the environment, else the built-in ones) and the markers; for every chart it
// plans the range query for the chart's pixel width (QueryStep::plan: a round step, aligned,
// at most 11,000 points), runs a split-by-role query once per role with that role's hash,
// and sends them through a MetricQuerier (its own thread, latest request per key wins).
// Results reach the view only when they answer the newest request of the current rollout;
// anything older is dropped (the querier drops a key's older answers; a JobTracker keeps the
// round, so a new round or rollout cancels what is still pending). The chart plans and the
// answers' series are MetricsPlan's. The window (preset, Live, a calendar window, a zoom or
// pan) is kept here and only shown by the view, which reports the user's changes. While Live is on,
// the window ends now and the queries run again every step (at least every 5 s); queries run only
// while the view is visible.
class MetricsController : public QObject
{
    Q_OBJECT

public:
    MetricsController(FleetModel *model, RolloutMetricsView *view, QObject *parent = nullptr);
    ~MetricsController() override;

    // Starts over with these environments (a new MetricQuerier).
    void setFleet(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments);
    // The config file's charts (ChartConfig); empty: the built-in ones.
    void setConfiguredCharts(const QList<ChartSpec> &charts);
    // The rollout the window selected; an empty uid shows nothing.
    void select(const QString &environment, const QString &rolloutUid);
    // What select() reads from the model on every change (tests call it directly).
    void setDetail(const RolloutDetail &detail);
    // Stops the querier's thread.
    void shutdown();
    // Tests: the clock (Unix ms) the windows end at; default: the system clock.
    void setClock(std::function<qint64()> nowMs) { m_clock = std::move(nowMs); }
    // Queries run only while active: the view's visibility sets it (shown or hidden).
    void setActive(bool active);
    // The window's preset and Live (the view's range picker sends them): shows them in the
    // view and runs a round. Live off freezes the window's end at now.
    void setRange(RolloutMetricsView::Range range, bool live);
    // A calendar window (Custom…, or a recorded release's, with its margin): Live off. Kept
    // for another rollout until a preset is picked. False (nothing changes) unless
    // start < end.
    bool setAbsoluteRange(qint64 startMs, qint64 endMs);
    // Which charts a rollout gets; default MetricsPlan::charts with the configured ones. A
    // chart without a query is drawn from what its spec holds (recorded measurements).
    void setChartSource(std::function<QList<ChartSpec>(const RolloutDetail &)> source)
    {
        m_chartSource = std::move(source);
    }

    QList<ChartSpec> charts() const { return m_charts; }
    // The queries of the latest round, in chart and role order.
    QList<MetricQuery> lastQueries() const { return m_lastQueries; }
    // What a chart's queries answered so far (empty for a chart without a query).
    QList<MetricsPlan::Part> parts(const QString &chartId) const { return m_parts.value(chartId); }
    QTimer *liveTimer() const { return m_liveTimer; }
    bool isWaiting() const { return m_round.isRunning(); }

    struct Stats
    {
        int rounds = 0;
        int sent = 0;
        int delivered = 0; // results shown
        int failed = 0; // errors shown
        int dropped = 0; // stale answers (an older request, another rollout)
    };
    Stats stats() const { return m_stats; }

public slots:
    // One round of queries for the current window, now.
    void refresh();

signals:
    // Every query of the current round has been answered.
    void roundFinished();

private:
    // Where an answer goes: a chart's part.
    struct Pending
    {
        QString chartId;
        int part = 0;
    };

    void detailsChanged(const QString &environment, const QStringList &rolloutUids);
    void rangeEdited(qint64 startMs, qint64 endMs);
    void chartsResized();
    void resultReady(const MetricQueryResult &result);
    void publish(const QString &chartId);
    void cancelPending();
    void finishRound();
    void updateLiveTimer();
    qint64 now() const;

    FleetModel *m_model;
    RolloutMetricsView *m_view;
    std::unique_ptr<MetricQuerier> m_querier;
    QHash<QString, EnvironmentSpec> m_environments;
    QList<ChartSpec> m_configured;
    QString m_environment;
    QString m_uid;
    RolloutDetail m_detail;
    ChartVariables m_variables;
    QList<ChartSpec> m_charts;
    QHash<QString, QList<MetricsPlan::Part>> m_parts; // chart id -> its queries' answers
    // The round of queries: a new one cancels the one still waiting. The querier already
    // delivers only a key's newest request, so an answer whose key is pending is current.
    JobTracker m_round;
    JobTracker::Token m_roundToken = 0;
    QHash<QString, Pending> m_pending; // query key -> where its answer goes
    QHash<QString, QueryStep::Range> m_plans; // chart id -> the last planned range
    QList<MetricQuery> m_lastQueries;
    std::function<qint64()> m_clock;
    std::function<QList<ChartSpec>(const RolloutDetail &)> m_chartSource;
    QTimer *m_liveTimer;
    bool m_active = true;
    bool m_dirty = false; // a round is due once active
    MetricsPlan::Window m_window; // the user's pick, kept here and shown by the view
    Stats m_stats;
};
