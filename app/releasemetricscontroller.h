// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chartmarkers.h"
#include "chartspec.h"
#include "environmentspec.h"
#include "kubeconfig.h"
#include "releaserecord.h"
#include "rolloutdetail.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

class MetricsController;
class RolloutMetricsView;

// The Metrics tab of a recorded release's review (issue 12): the charts for exactly the
// release's window (ReleaseCharts::window, a calendar window the user may change), queried
// from the environment's Prometheus as the live Metrics tab queries them. It drives a
// MetricsController of its own, over a rollout made of the release (its namespace, name, its
// pod-template hash as the canary's, the previous release's as the stable one), and adds
// the analysis' recorded measurements as charts and the release's happenings as markers.
//
// When Prometheus has nothing for the window (every series empty, or every query failed,
// e.g. beyond its retention), or the environment is not in the fleet or has metrics turned
// off, only the recorded measurements are charted, with a note above them that says why.
class ReleaseMetricsController : public QObject
{
    Q_OBJECT

public:
    explicit ReleaseMetricsController(RolloutMetricsView *view, QObject *parent = nullptr);
    ~ReleaseMetricsController() override;

    // The fleet whose Prometheus servers are asked (a new querier); the release shown stays.
    void setFleet(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments);
    // The config file's charts; empty: the built-in ones.
    void setConfiguredCharts(const QList<ChartSpec> &charts);
    // Charts this release; `previous` (the workload's release before it) names the stable
    // pods, null when unknown.
    void setRelease(const ReleaseTimeline &release, const ReleaseTimeline *previous);
    // Stops the querier's thread.
    void shutdown();
    // Tests: the clock (Unix ms); default: the system clock.
    void setClock(std::function<qint64()> nowMs);

    MetricsController *metrics() const { return m_metrics; }
    // Only the recorded measurements are charted (the note says why).
    bool showsRecordedOnly() const { return m_recordedOnly; }
    qint64 windowStart() const { return m_startMs; }
    qint64 windowEnd() const { return m_endMs; }

signals:
    // The first round for the release has been answered and what the tab shows is decided.
    void settled();

private:
    QList<ChartSpec> chartsFor(const RolloutDetail &detail) const;
    void roundFinished();
    void showRecordedOnly(const QString &why);
    void showExtras();
    QString windowText() const;
    QString unreachableReason() const;
    qint64 now() const;

    RolloutMetricsView *m_view;
    MetricsController *m_metrics;
    bool m_hasFleet = false;
    QHash<QString, EnvironmentSpec> m_environments;
    QList<ChartSpec> m_configured;
    ReleaseTimeline m_release;
    RolloutDetail m_detail;
    QList<ChartSpec> m_recorded;
    QList<ChartMarker> m_markers;
    qint64 m_startMs = 0;
    qint64 m_endMs = 0;
    bool m_recordedOnly = false;
    bool m_judged = false; // the first round's answers were looked at
    QString m_notice;
    std::function<qint64()> m_clock;
};
