// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricscontroller.h"

#include "detailstyle.h"

#include "analysischarts.h"
#include "builtincharts.h"
#include "chartmarkers.h"
#include "fleetmodel.h"
#include "metricquerier.h"
#include "rolloutmetricsview.h"

#include <QDateTime>
#include <QTimer>

#include <algorithm>

namespace {

// Live refresh no more often than this, however fine the step: a 15-minute window at 1 s
// resolution would otherwise ask for every chart every second.
constexpr qint64 minimumLiveIntervalMs = 5000;
constexpr qint64 hourMs = 3600 * 1000;

// What makes a chart's queries differ (not its measurements or thresholds).
bool sameQueries(const QList<ChartSpec> &a, const QList<ChartSpec> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        const ChartSpec &x = a.at(i);
        const ChartSpec &y = b.at(i);
        if (x.id != y.id || x.query != y.query || x.splitByRole != y.splitByRole
            || x.templated != y.templated || x.variables != y.variables)
            return false;
    }
    return true;
}

QString labelsText(const StringMap &labels)
{
    QStringList parts;
    for (const auto &[name, value] : labels) {
        if (name != QLatin1String("__name__"))
            parts.append(QStringLiteral("%1=\"%2\"").arg(name, value));
    }
    return parts.isEmpty() ? QString() : QLatin1Char('{') + parts.join(u',') + QLatin1Char('}');
}

// When the revision on screen started: its ReplicaSet's creation, else the rollout's.
qint64 revisionStart(const RolloutDetail &detail)
{
    const QString hash = detail.rollout.status.currentPodHash;
    for (const ReplicaSet &replicaSet : detail.replicaSets) {
        if (!hash.isEmpty() && replicaSet.podTemplateHash() == hash
            && replicaSet.metadata.creationTimestamp.isValid())
            return replicaSet.metadata.creationTimestamp.toMSecsSinceEpoch();
    }
    const QDateTime created = detail.rollout.metadata.creationTimestamp;
    return created.isValid() ? created.toMSecsSinceEpoch() : 0;
}

} // namespace

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
    connect(m_view, &RolloutMetricsView::rangeChanged, this, &MetricsController::rangeChanged);
    connect(m_view, &RolloutMetricsView::rangeEdited, this, &MetricsController::rangeEdited);
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
    if (m_querier)
        m_querier->stop();
    m_pending.clear();
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

void MetricsController::setClock(std::function<qint64()> nowMs)
{
    m_clock = std::move(nowMs);
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
    setDetail(m_model && !rolloutUid.isEmpty() ? m_model->rolloutDetail(environment, rolloutUid)
                                               : RolloutDetail());
}

void MetricsController::detailsChanged(const QString &environment, const QStringList &rolloutUids)
{
    if (m_model && environment == m_environment && rolloutUids.contains(m_uid))
        setDetail(m_model->rolloutDetail(m_environment, m_uid));
}

QList<ChartSpec> MetricsController::buildCharts(const RolloutDetail &detail) const
{
    QList<ChartSpec> charts = AnalysisCharts::fromDetail(detail);
    QList<ChartSpec> others;
    for (const ChartSpec &chart : m_configured) {
        if (chart.appliesTo(detail.environment))
            others.append(chart);
    }
    if (m_configured.isEmpty())
        others = BuiltinCharts::defaults();
    return charts + others;
}

void MetricsController::setDetail(const RolloutDetail &detail)
{
    const bool otherRollout = detail.environment != m_detail.environment
        || detail.rollout.metadata.uid != m_detail.rollout.metadata.uid;
    m_detail = detail;
    if (!detail.isValid()) {
        cancelPending();
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
        cancelPending();
        m_parts.clear();
        m_customRange = false;
    }
    const ChartVariables variables = ChartVariables::forRollout(detail);
    const QList<ChartSpec> charts = buildCharts(detail);
    const bool requery = otherRollout || !sameQueries(charts, m_charts)
        || variables.names() != m_variables.names() || [&] {
               const QStringList names = variables.names();
               return std::any_of(names.cbegin(), names.cend(), [&](const QString &name) {
                   return variables.value(name) != m_variables.value(name);
               });
           }();
    m_variables = variables;
    m_charts = charts;
    m_view->setMarkers(ChartMarkers::fromDetail(detail), detail.rollout);
    m_view->setCharts(charts);

    const EnvironmentSpec spec = m_environments.value(detail.environment);
    if (!spec.prometheus.isEnabled())
        m_view->setNotice(tr("Metrics are turned off for environment %1 (prometheus: false in the "
                             "configuration).")
                              .arg(detail.environment));
    else
        m_view->setNotice(QString());
    m_view->setPlaceholder(charts.isEmpty() ? tr("Nothing to chart for this rollout.") : QString());
    if (requery)
        refresh();
}

void MetricsController::rangeChanged()
{
    m_customRange = false;
    m_frozenEnd = m_view->isLive() ? 0 : now();
    refresh();
}

void MetricsController::rangeEdited(qint64 startMs, qint64 endMs)
{
    m_customRange = true;
    m_customStart = startMs;
    m_customEnd = endMs;
    refresh();
}

void MetricsController::chartsResized()
{
    // A wider plot may want a finer step; the same plan is already on screen.
    qint64 start = 0;
    qint64 end = 0;
    window(&start, &end);
    for (const ChartSpec &chart : std::as_const(m_charts)) {
        if (QueryStep::plan(start, end, m_view->plotWidth(chart.id)).stepMs
            != m_plans.value(chart.id).stepMs) {
            refresh();
            return;
        }
    }
}

void MetricsController::window(qint64 *startMs, qint64 *endMs) const
{
    if (m_customRange) {
        *startMs = m_customStart;
        *endMs = m_customEnd;
        return;
    }
    *endMs = m_view->isLive() || m_frozenEnd == 0 ? now() : m_frozenEnd;
    const qint64 duration = RolloutMetricsView::rangeDurationMs(m_view->range());
    if (duration > 0) {
        *startMs = *endMs - duration;
        return;
    }
    const qint64 start = revisionStart(m_detail);
    if (start <= 0 || start >= *endMs) {
        *startMs = *endMs - hourMs;
        return;
    }
    // A margin before the revision starts, so its first markers stand clear of the axis and
    // the stable revision's level just before is in view.
    *startMs = start - std::max<qint64>(15 * 1000, (*endMs - start) / 20);
}

QList<MetricsController::Part> MetricsController::partsOf(const ChartSpec &chart) const
{
    if (!chart.splitByRole)
        return {Part()};
    const RolloutStatus &status = m_detail.rollout.status;
    const bool blueGreen = m_detail.rollout.isBlueGreen();
    // Stable first: lines drawn later lie on top, and the canary is what is being judged
    // (equal values show as the canary's line over the stable one).
    QList<Part> parts;
    const QString stableHash = status.stableRS.isEmpty() ? status.currentPodHash : status.stableRS;
    if (!stableHash.isEmpty()) {
        Part stable;
        // The legend, hover and CSV say the role in the user's language.
        stable.name = DetailStyle::roleName(blueGreen ? QStringLiteral("active")
                                                      : QStringLiteral("stable"));
        stable.role = ChartSeries::Role::Stable;
        stable.hash = stableHash;
        parts.append(stable);
    }
    // A fully promoted rollout has only its stable pods.
    if (!status.currentPodHash.isEmpty() && status.currentPodHash != stableHash) {
        Part canary;
        canary.name = DetailStyle::roleName(blueGreen ? QStringLiteral("preview")
                                                      : QStringLiteral("canary"));
        canary.role = ChartSeries::Role::Canary;
        canary.hash = status.currentPodHash;
        parts.append(canary);
    }
    return parts;
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
    window(&start, &end);
    m_view->setTimeRange(start, end);
    cancelPending();
    m_lastQueries.clear();
    m_plans.clear();
    ++m_stats.rounds;
    const QString prefix
        = QStringList {m_detail.environment, m_detail.rollout.metadata.namespaceName,
                       m_detail.rollout.metadata.name}
              .join(u'/');
    for (const ChartSpec &chart : std::as_const(m_charts)) {
        const QueryStep::Range range = QueryStep::plan(start, end, m_view->plotWidth(chart.id));
        m_plans.insert(chart.id, range);
        QList<Part> parts = partsOf(chart);
        const QList<Part> previous = m_parts.value(chart.id);
        for (qsizetype i = 0; i < parts.size(); ++i) {
            Part &part = parts[i];
            // Keep what is on screen until the new answer replaces it.
            if (i < previous.size() && previous.at(i).name == part.name)
                part.series = previous.at(i).series;
            QString query = chart.query;
            QString error;
            if (chart.templated) {
                ChartVariables variables
                    = chart.splitByRole ? m_variables.withRole(part.name, part.hash) : m_variables;
                variables.insert(chart.variables);
                if (!variables.substitute(chart.query, &query, &error)) {
                    part.answered = true;
                    part.error = error;
                    continue;
                }
            }
            const MetricQuery request {QStringLiteral("%1/%2#%3").arg(prefix, chart.id).arg(i),
                                       m_detail.environment,
                                       query,
                                       range.startMs,
                                       range.endMs,
                                       range.stepMs};
            const quint64 generation = m_querier->request(request);
            m_pending.insert(request.key, Pending {chart.id, int(i), generation});
            m_lastQueries.append(request);
            ++m_stats.sent;
        }
        m_parts.insert(chart.id, parts);
        publish(chart.id);
    }
    m_view->setStatus(m_pending.isEmpty() ? QString() : tr("Loading…"));
    updateLiveTimer();
    if (m_pending.isEmpty())
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
    const bool live = m_active && m_detail.isValid() && m_querier && m_view->isLive()
        && !m_customRange && !m_charts.isEmpty();
    if (!live) {
        m_liveTimer->stop();
        return;
    }
    qint64 step = 0;
    for (const QueryStep::Range &range : std::as_const(m_plans))
        step = step == 0 ? range.stepMs : std::min(step, range.stepMs);
    const int interval = int(std::max(minimumLiveIntervalMs, step));
    if (m_liveTimer->interval() != interval || !m_liveTimer->isActive())
        m_liveTimer->start(interval);
}

void MetricsController::resultReady(const MetricQueryResult &result)
{
    const auto it = m_pending.constFind(result.request.key);
    if (it == m_pending.cend() || it->generation != result.generation) {
        ++m_stats.dropped;
        return;
    }
    const Pending pending = *it;
    m_pending.erase(it);
    QList<Part> &parts = m_parts[pending.chartId];
    if (pending.part >= parts.size())
        return;
    Part &part = parts[pending.part];
    part.answered = true;
    part.warnings = result.result.warnings;
    if (!result.result.isOk()) {
        part.error = result.result.error.message;
        ++m_stats.failed;
    } else {
        part.error.clear();
        part.series.clear();
        const PromQueryResult &answer = result.result;
        const ChartSpec *chart = nullptr;
        for (const ChartSpec &spec : std::as_const(m_charts)) {
            if (spec.id == pending.chartId)
                chart = &spec;
        }
        for (const PromSeries &series : answer.series) {
            ChartSeries data;
            const QString labels = answer.series.size() > 1 ? labelsText(series.labels) : QString();
            if (!part.name.isEmpty())
                data.name = labels.isEmpty() ? part.name : part.name + QLatin1Char(' ') + labels;
            else
                data.name = labels.isEmpty() && chart ? chart->title : labels;
            data.role = part.role;
            data.samples = series.samples;
            data.stepMs = answer.stepMs > 0 ? answer.stepMs : result.request.stepMs;
            part.series.append(data);
        }
        ++m_stats.delivered;
    }
    publish(pending.chartId);
    if (m_pending.isEmpty()) {
        m_view->setStatus(
            tr("Updated %1")
                .arg(QDateTime::fromMSecsSinceEpoch(now()).toString(QStringLiteral("HH:mm:ss"))));
        emit roundFinished();
    }
}

void MetricsController::publish(const QString &chartId)
{
    const QList<Part> parts = m_parts.value(chartId);
    QList<ChartSeries> series;
    QStringList errors;
    QStringList warnings;
    bool answered = true;
    qsizetype samples = 0;
    for (const Part &part : parts) {
        series += part.series;
        for (const ChartSeries &s : part.series)
            samples += s.samples.size();
        if (!part.error.isEmpty())
            errors.append(part.name.isEmpty() ? part.error
                                              : part.name + QStringLiteral(": ") + part.error);
        for (const QString &warning : part.warnings)
            warnings.append(tr("Prometheus warning: %1").arg(warning));
        answered = answered && part.answered;
    }
    m_view->setChartSeries(chartId, series);
    if (!errors.isEmpty())
        m_view->setChartMessage(chartId, errors.join(QLatin1Char('\n')), true);
    else if (samples == 0)
        m_view->setChartMessage(chartId, answered ? tr("No data in this range") : tr("Loading…"),
                                false);
    else
        m_view->setChartMessage(chartId, warnings.join(QLatin1Char('\n')), false);
}
