// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "environmentspec.h"
#include "flaggercanarydetail.h"
#include "kubeconfig.h"
#include "rolloutdetail.h"
#include "workloaddetailcontroller.h"

#include <QList>

class FlaggerCanaryDetailView;
class MetricsController;
class QWidget;
class RolloutMetricsView;

// The Charts tab of the Flagger canary detail (issue 16): the canary's analysis metrics
// (FlaggerCharts: the built-ins of its provider, MetricTemplates) drawn for the target
// Deployment (canary) against `<target>-primary` (stable), with the thresholds. It adds a
// RolloutMetricsView ("canaryCharts", in a scroll area) as the view's last tab and drives a
// MetricsController of its own over a rollout made of the canary (its name and uid; the primary's
// name as the stable "hash" and the target's as the canary's, which the charts' queries take as
// {{hash}}), so the window, Live, zoom and the querier are the rollout metrics' own. The
// metrics without a chart are named in the view's notice with the reason.
//
// The dashboard does not watch MetricTemplates: a metric with a templateRef says so.
class FlaggerChartsController : public WorkloadDetailController
{
    Q_OBJECT

public:
    FlaggerChartsController(FleetModel *model, FlaggerCanaryDetailView *view,
                            QObject *parent = nullptr);
    ~FlaggerChartsController() override;

    void setFleet(const Kubeconfig &kubeconfig, const QList<EnvironmentSpec> &environments);
    void shutdown();

    MetricsController *metrics() const { return m_metrics; }
    RolloutMetricsView *chartsView() const { return m_chartsView; }
    QWidget *chartsPage() const { return m_page; } // the tab

    // The rollout the metrics pipeline is given for a canary.
    static RolloutDetail rolloutFor(const FlaggerCanaryDetail &detail);

private:
    void showDetail() override;
    void updateTabText(qsizetype charts);

    FlaggerCanaryDetailView *m_view;
    RolloutMetricsView *m_chartsView;
    QWidget *m_page = nullptr;
    MetricsController *m_metrics;
    FlaggerCanary m_canary;
    QStringList m_reasons;
};
