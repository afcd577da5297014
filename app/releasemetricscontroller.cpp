// SPDX-License-Identifier: GPL-3.0-or-later
#include "releasemetricscontroller.h"

#include "metricscontroller.h"
#include "metricsplan.h"
#include "releasecharts.h"
#include "rolloutmetricsview.h"

#include <QDateTime>

ReleaseMetricsController::ReleaseMetricsController(RolloutMetricsView *view, QObject *parent) :
    QObject(parent), m_view(view), m_metrics(new MetricsController(nullptr, view, this))
{
    m_metrics->setObjectName(QStringLiteral("releaseMetricsController"));
    // A review charts one window: no presets and no Live, the calendar window stays.
    m_view->setPresetsVisible(false);
    m_view->setPlaceholder(tr("Pick a release to chart its metrics."));
    m_metrics->setChartSource([this](const RolloutDetail &detail) { return chartsFor(detail); });
    connect(m_metrics, &MetricsController::roundFinished, this,
            &ReleaseMetricsController::roundFinished);
}

ReleaseMetricsController::~ReleaseMetricsController()
{
    shutdown();
}

void ReleaseMetricsController::shutdown()
{
    m_metrics->shutdown();
}

void ReleaseMetricsController::setClock(std::function<qint64()> nowMs)
{
    m_clock = nowMs;
    m_metrics->setClock(std::move(nowMs));
}

qint64 ReleaseMetricsController::now() const
{
    return m_clock ? m_clock() : QDateTime::currentMSecsSinceEpoch();
}

void ReleaseMetricsController::setFleet(const Kubeconfig &kubeconfig,
                                        const QList<EnvironmentSpec> &environments)
{
    m_metrics->setFleet(kubeconfig, environments);
    m_hasFleet = true;
    m_environments.clear();
    for (const EnvironmentSpec &spec : environments)
        m_environments.insert(spec.name, spec);
    if (m_detail.isValid()) {
        // The same release again, asked of the new fleet, with the stable pods it had.
        ReleaseTimeline previous;
        previous.summary.podTemplateHash = m_detail.rollout.status.stableRS;
        setRelease(ReleaseTimeline(m_release), &previous);
    }
}

void ReleaseMetricsController::setConfiguredCharts(const QList<ChartSpec> &charts)
{
    m_configured = charts;
    if (m_detail.isValid() && !m_recordedOnly)
        m_metrics->setDetail(m_detail);
}

void ReleaseMetricsController::setRelease(const ReleaseTimeline &release,
                                          const ReleaseTimeline *previous)
{
    const QString stableHash = previous ? previous->summary.podTemplateHash : QString();
    m_release = release;
    m_recorded = ReleaseCharts::recordedCharts(release);
    m_markers = ReleaseCharts::markers(release);
    m_detail = ReleaseCharts::detail(release.summary, stableHash);
    ReleaseCharts::window(release.summary, now(), &m_startMs, &m_endMs);
    m_judged = false;
    const QString unreachable = unreachableReason();
    m_recordedOnly = !unreachable.isEmpty();
    m_notice = unreachable;
    // Forget the previous release first, so its round ends and no query runs for the old
    // window with the new release or the reverse.
    m_metrics->setDetail(RolloutDetail());
    m_metrics->setAbsoluteRange(m_startMs, m_endMs);
    m_metrics->setDetail(m_detail);
    showExtras();
    if (m_recordedOnly && !m_judged) {
        // Nothing to ask, and no round said so (no querier): what is shown is decided.
        m_judged = true;
        emit settled();
    }
}

QString ReleaseMetricsController::unreachableReason() const
{
    const QString environment = m_release.summary.key.environment;
    const auto spec = m_environments.constFind(environment);
    if (!m_hasFleet || spec == m_environments.cend())
        return tr("Environment %1 is not in the fleet this window watches, so no Prometheus "
                  "can be asked about %2; the measurements the analysis recorded are shown "
                  "instead.")
            .arg(environment, windowText());
    if (!spec->prometheus.isEnabled())
        return tr("Metrics are turned off for environment %1 (prometheus: false in the "
                  "configuration); the measurements the analysis recorded during %2 are shown "
                  "instead.")
            .arg(environment, windowText());
    return QString();
}

QList<ChartSpec> ReleaseMetricsController::chartsFor(const RolloutDetail &detail) const
{
    if (m_recordedOnly)
        return m_recorded;
    return m_recorded + MetricsPlan::charts(detail, m_configured);
}

void ReleaseMetricsController::roundFinished()
{
    if (m_judged || !m_detail.isValid())
        return;
    m_judged = true;
    if (m_recordedOnly) {
        emit settled();
        return;
    }
    qsizetype samples = 0;
    int queried = 0;
    QStringList errors;
    for (const ChartSpec &chart : m_metrics->charts()) {
        if (chart.query.isEmpty())
            continue;
        ++queried;
        for (const MetricsPlan::Part &part : m_metrics->parts(chart.id)) {
            for (const ChartSeries &series : part.series)
                samples += series.samples.size();
            if (!part.error.isEmpty())
                errors.append(part.error);
        }
    }
    if (queried > 0 && samples == 0) {
        // Every query failed: most likely the same reason (a window beyond retention, an
        // unreachable server), said once.
        if (errors.size() >= queried)
            showRecordedOnly(tr("Prometheus could not answer for %1 (%2); the measurements "
                                "the analysis recorded are shown instead.")
                                 .arg(windowText(), errors.first()));
        else
            showRecordedOnly(tr("Prometheus no longer has data for %1; the measurements the "
                                "analysis recorded are shown instead.")
                                 .arg(windowText()));
    }
    emit settled();
}

void ReleaseMetricsController::showRecordedOnly(const QString &why)
{
    m_recordedOnly = true;
    m_notice = why;
    m_metrics->setDetail(m_detail); // the charts again, from the recorded ones only
    showExtras();
}

void ReleaseMetricsController::showExtras()
{
    // What MetricsController says of a rollout is replaced by what is true of a release.
    m_view->setMarkers(m_markers, m_detail.rollout);
    QString notice = m_notice;
    if (m_recordedOnly && m_recorded.isEmpty())
        notice += QLatin1Char(' ')
            + tr("The analysis recorded no numeric measurements for this "
                 "release.");
    m_view->setNotice(notice.trimmed());
    if (m_metrics->charts().isEmpty())
        m_view->setPlaceholder(tr("Nothing to chart for this release."));
}

QString ReleaseMetricsController::windowText() const
{
    const QDateTime start = QDateTime::fromMSecsSinceEpoch(m_startMs, Qt::UTC);
    const QDateTime end = QDateTime::fromMSecsSinceEpoch(m_endMs, Qt::UTC);
    const QString day = QStringLiteral("yyyy-MM-dd HH:mm");
    // "2026-11-02 14:00 – 14:40 UTC": the day once when the window stays within it.
    const QString endText
        = start.date() == end.date() ? end.toString(QStringLiteral("HH:mm")) : end.toString(day);
    return tr("%1 – %2 UTC").arg(start.toString(day), endText);
}
