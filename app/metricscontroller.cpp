// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricscontroller.h"

#include "analysischarts.h"

#include "chartmarkers.h"
#include "fleetmodel.h"
#include "metricquerier.h"
#include "rolloutmetricsview.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

MetricsController::MetricsController(FleetModel *model, RolloutMetricsView *view, QObject *parent) :
    QObject(parent), m_model(model), m_view(view), m_liveTimer(new QTimer(this))
{
    // A view in a tab that is not current is hidden: it becomes active when shown.
    m_active = m_view->isVisible();
    m_liveTimer->setObjectName(QStringLiteral("metricsLiveTimer"));
    connect(m_liveTimer, &QTimer::timeout, this, &MetricsController::refresh);
    if (m_model)
        connect(m_model, &FleetModel::rolloutDetailsChanged, this,
                &MetricsController::detailsChanged);
    // The controller owns the window; the view shows it and reports the user's changes.
    m_view->setRange(m_window.range);
    m_view->setLive(m_window.live);
    connect(m_view, &RolloutMetricsView::rangeChanged, this, &MetricsController::setRange);
    connect(m_view, &RolloutMetricsView::rangeEdited, this, &MetricsController::rangeEdited);
    connect(m_view, &RolloutMetricsView::absoluteRangeChosen, this,
            &MetricsController::setAbsoluteRange);
    connect(m_view, &RolloutMetricsView::refreshRequested, this, &MetricsController::refresh);
    connect(m_view, &RolloutMetricsView::chartsResized, this, &MetricsController::chartsResized);
    connect(m_view, &RolloutMetricsView::visibilityChanged, this, &MetricsController::setActive);
}

MetricsController::~MetricsController()
{
    shutdown();
}

void MetricsController::shutdown()
{
    m_liveTimer->stop();
    m_round.cancel();
    if (m_querier)
        m_querier->stop();
}

void MetricsController::setFleet(const Kubeconfig &kubeconfig,
                                 const QList<EnvironmentSpec> &environments)
{
    shutdown();
    m_querier = std::make_unique<MetricQuerier>(kubeconfig, environments);
    connect(m_querier.get(), &MetricQuerier::resultReady, this, &MetricsController::resultReady);
    m_environments.clear();
    for (const EnvironmentSpec &spec : environments)
        m_environments.insert(spec.name, spec);
    m_environment.clear();
    m_uid.clear();
    setDetail(RolloutDetail());
}

void MetricsController::setConfiguredCharts(const QList<ChartSpec> &charts)
{
    m_configured = charts;
    if (m_detail.isValid()) {
        m_charts.clear(); // rebuild and query anew
        setDetail(m_detail);
    }
}

qint64 MetricsController::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void MetricsController::setActive(bool active)
{
    m_active = active;
    if (m_active && m_dirty)
        refresh();
    updateLiveTimer();
}

void MetricsController::select(const QString &environment, const QString &rolloutUid)
{
    if (environment == m_environment && rolloutUid == m_uid)
        return;
    m_environment = environment;
    m_uid = rolloutUid;
    setDetail(m_model && !rolloutUid.isEmpty()
                  ? m_model->store().rolloutDetail(environment, rolloutUid)
                  : RolloutDetail());
}

void MetricsController::detailsChanged(const QString &environment, const QStringList &rolloutUids)
{
    if (m_model && environment == m_environment && rolloutUids.contains(m_uid))
        setDetail(m_model->store().rolloutDetail(m_environment, m_uid));
}

void MetricsController::setDetail(const RolloutDetail &detail)
{
    const bool otherRollout = detail.environment != m_detail.environment
        || detail.rollout.metadata.uid != m_detail.rollout.metadata.uid;
    m_detail = detail;
    if (!detail.isValid()) {
        m_round.cancel();
        m_charts.clear();
        m_parts.clear();
        m_view->setCharts({});
        m_view->setNotice(QString());
        m_view->setStatus(QString());
        m_view->setPlaceholder(tr("Select a rollout to see its metrics"));
        updateLiveTimer();
        return;
    }
    if (otherRollout) {
        m_round.cancel();
        m_parts.clear();
        m_window.custom = false;
    }
    const ChartVariables variables = ChartVariables::forRollout(detail);
    const QList<ChartSpec> charts
        = m_chartSource ? m_chartSource(detail) : MetricsPlan::charts(detail, m_configured);
    const bool requery = otherRollout || !MetricsPlan::sameQueries(charts, m_charts)
        || !MetricsPlan::sameVariables(variables, m_variables);
    m_variables = variables;
    m_charts = charts;
    m_view->setMarkers(ChartMarkers::fromDetail(detail), detail.rollout);
    m_view->setCharts(charts);

    const EnvironmentSpec spec = m_environments.value(detail.environment);
    // Which analysis metrics have no chart says why, so an empty area is never a mystery.
    const QString uncharted = AnalysisCharts::unchartedNotice(detail);
    if (!spec.prometheus.isEnabled())
        m_view->setNotice(tr("Metrics are turned off for environment %1 (prometheus: false in the "
                             "configuration).")
                              .arg(detail.environment));
    else
        m_view->setNotice(uncharted);
    m_view->setPlaceholder(charts.isEmpty() ? tr("Nothing to chart for this rollout.") : QString());
    if (requery)
        refresh();
}

void MetricsController::setRange(RolloutMetricsView::Range range, bool live)
{
    m_window.range = range;
    m_window.live = live;
    m_window.custom = false;
    m_window.absolute = false;
    m_window.frozenEnd = live ? 0 : now();
    m_view->setRange(range);
    m_view->setLive(live);
    refresh();
}

bool MetricsController::setAbsoluteRange(qint64 startMs, qint64 endMs)
{
    if (startMs >= endMs)
        return false;
    m_window.live = false;
    m_window.custom = false;
    m_window.absolute = true;
    m_window.absoluteStart = startMs;
    m_window.absoluteEnd = endMs;
    m_view->setAbsoluteRange(startMs, endMs);
    // Shown at once, also before (or without) a round: recorded charts need no answer.
    m_view->setTimeRange(startMs, endMs);
    refresh();
    return true;
}

void MetricsController::rangeEdited(qint64 startMs, qint64 endMs)
{
    // The view turned Live off with the gesture.
    m_window.live = false;
    m_window.custom = true;
    m_window.customStart = startMs;
    m_window.customEnd = endMs;
    refresh();
}

void MetricsController::chartsResized()
{
    // A wider plot may want a finer step; the same plan is already on screen.
    qint64 start = 0;
    qint64 end = 0;
    m_window.bounds(m_detail, now(), &start, &end);
    for (const ChartSpec &chart : std::as_const(m_charts)) {
        if (!chart.query.isEmpty()
            && QueryStep::plan(start, end, m_view->plotWidth(chart.id)).stepMs
                != m_plans.value(chart.id).stepMs) {
            refresh();
            return;
        }
    }
}

void MetricsController::refresh()
{
    if (!m_detail.isValid() || !m_querier)
        return;
    if (!m_active) {
        m_dirty = true;
        return;
    }
    m_dirty = false;
    qint64 start = 0;
    qint64 end = 0;
    m_window.bounds(m_detail, now(), &start, &end);
    m_view->setTimeRange(start, end);
    m_roundToken = m_round.startJob([this] { cancelPending(); });
    m_lastQueries.clear();
    m_plans.clear();
    ++m_stats.rounds;
    for (const ChartSpec &chart : std::as_const(m_charts)) {
        if (chart.query.isEmpty())
            continue; // its measurements are all it shows
        const QueryStep::Range range = QueryStep::plan(start, end, m_view->plotWidth(chart.id));
        m_plans.insert(chart.id, range);
        QList<MetricsPlan::Part> parts = MetricsPlan::partsOf(chart, m_detail);
        const QList<MetricsPlan::Part> previous = m_parts.value(chart.id);
        for (qsizetype i = 0; i < parts.size(); ++i) {
            MetricsPlan::Part &part = parts[i];
            // Keep what is on screen until the new answer replaces it.
            if (i < previous.size() && previous.at(i).name == part.name)
                part.series = previous.at(i).series;
            QString query;
            QString error;
            if (!MetricsPlan::queryOf(chart, part, m_variables, &query, &error)) {
                part.answered = true;
                part.error = error;
                continue;
            }
            const MetricQuery request {MetricsPlan::queryKey(m_detail, chart.id, i),
                                       m_detail.environment,
                                       query,
                                       range.startMs,
                                       range.endMs,
                                       range.stepMs};
            m_querier->request(request);
            m_pending.insert(request.key, Pending {chart.id, int(i)});
            m_lastQueries.append(request);
            ++m_stats.sent;
        }
        m_parts.insert(chart.id, parts);
        publish(chart.id);
    }
    m_view->setStatus(m_pending.isEmpty() ? QString() : tr("Loading…"));
    updateLiveTimer();
    if (m_pending.isEmpty())
        finishRound();
}

void MetricsController::finishRound()
{
    m_round.finish(m_roundToken);
    emit roundFinished();
}

void MetricsController::cancelPending()
{
    if (m_querier) {
        for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it)
            m_querier->cancel(it.key());
    }
    m_pending.clear();
}

void MetricsController::updateLiveTimer()
{
    const bool live = m_active && m_detail.isValid() && m_querier && m_window.live
        && !m_window.custom && !m_charts.isEmpty();
    if (!live) {
        m_liveTimer->stop();
        return;
    }
    const int interval = int(MetricsPlan::liveIntervalMs(m_plans));
    if (m_liveTimer->interval() != interval || !m_liveTimer->isActive())
        m_liveTimer->start(interval);
}

void MetricsController::resultReady(const MetricQueryResult &result)
{
    // MetricQuerier delivers only a key's newest request and nothing of a cancelled one:
    // a pending key is this round's, any other answer is stale.
    const auto it = m_pending.constFind(result.request.key);
    if (it == m_pending.cend() || !m_round.isCurrent(m_roundToken)) {
        ++m_stats.dropped;
        return;
    }
    const Pending pending = *it;
    m_pending.erase(it);
    QList<MetricsPlan::Part> &parts = m_parts[pending.chartId];
    if (pending.part >= parts.size()) {
        if (m_pending.isEmpty())
            finishRound();
        return;
    }
    const auto chart = std::find_if(m_charts.cbegin(), m_charts.cend(), [&](const ChartSpec &spec) {
        return spec.id == pending.chartId;
    });
    MetricsPlan::answer(&parts[pending.part], chart == m_charts.cend() ? nullptr : &*chart, result);
    if (result.result.isOk())
        ++m_stats.delivered;
    else
        ++m_stats.failed;
    publish(pending.chartId);
    if (m_pending.isEmpty()) {
        m_view->setStatus(
            tr("Updated %1")
                .arg(QDateTime::fromMSecsSinceEpoch(now()).toString(QStringLiteral("HH:mm:ss"))));
        finishRound();
    }
}

void MetricsController::publish(const QString &chartId)
{
    const MetricsPlan::ChartView chart = MetricsPlan::chartView(m_parts.value(chartId));
    m_view->setChartSeries(chartId, chart.series);
    m_view->setChartMessage(chartId, chart.message, chart.isError);
}
