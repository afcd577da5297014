// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "environmentspec.h"
#include "flaggercanarydetail.h"
#include "flaggermetrictemplate.h"
#include "kubeconfig.h"
#include "rolloutdetail.h"
#include "workloaddetailcontroller.h"

#include <QHash>
#include <QList>
#include <QStringList>

#include <memory>

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
// MetricTemplates are not watched: the ones the canary's metrics name are read (GET, on Qt's
// thread pool) when a canary with templateRef metrics is shown or its references change, and
// the charts follow when they arrive; one that cannot be read is named in the notice.
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
    void showNotice();
    // Reads the MetricTemplates the canary names, unless they were read for these references.
    void readTemplates(const FlaggerCanaryDetail &detail);
    void templatesRead(const QString &key, const QList<FlaggerMetricTemplate> &templates,
                       const QStringList &errors);

    FlaggerCanaryDetailView *m_view;
    RolloutMetricsView *m_chartsView;
    QWidget *m_page = nullptr;
    MetricsController *m_metrics;
    FlaggerCanary m_canary;
    QStringList m_reasons;
    Kubeconfig m_kubeconfig;
    QHash<QString, EnvironmentSpec> m_environments;
    QString m_templatesKey; // environment and references of the templates asked or read
    bool m_templatesPending = false;
    QList<FlaggerMetricTemplate> m_templates;
    QStringList m_templateErrors;
    std::shared_ptr<int> m_generation = std::make_shared<int>(0);
};
