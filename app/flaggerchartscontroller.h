// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "environmentspec.h"
#include "flaggercanarydetail.h"
#include "flaggermetrictemplate.h"
#include "kubeconfig.h"
#include "rolloutdetail.h"
#include "workloaddetailcontroller.h"

#include <QElapsedTimer>
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
// the charts follow when they arrive; one that cannot be read is named in the notice. A read
// that failed or missed a template is tried again at a later refresh of the detail (every few
// seconds while it is shown), at most every nextTemplateRetryMs(): 5 s, doubling up to 5 min.
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
    // How long after a failed MetricTemplate read the next waits, after one of `previousMs`
    // (0: the first failure).
    static qint64 nextTemplateRetryMs(qint64 previousMs);

private:
    void showDetail() override;
    void updateTabText(qsizetype charts);
    void showNotice();
    // Reads the MetricTemplates the canary names, unless they were read for these references
    // (and the last read found them all, or its retry is not due yet).
    void readTemplates(const FlaggerCanaryDetail &detail);
    void startTemplateRead(const QStringList &refs, const QString &key, const QString &context);
    struct TemplateRead
    {
        QList<FlaggerMetricTemplate> templates;
        QStringList errors; // shown in the notice
        QStringList unreadable; // "namespace/name" of those the errors are about
    };
    void templatesRead(const QString &key, qsizetype asked, const TemplateRead &read);
    bool templateRetryDue() const;

    FlaggerCanaryDetailView *m_view;
    RolloutMetricsView *m_chartsView;
    QWidget *m_page = nullptr;
    MetricsController *m_metrics;
    FlaggerCanary m_canary;
    QStringList m_reasons;
    Kubeconfig m_kubeconfig;
    QHash<QString, EnvironmentSpec> m_environments;
    QString m_templatesKey; // environment and references of the templates asked or read
    bool m_templatesPending = false; // the first read for m_templatesKey has not answered
    bool m_templatesReading = false; // a read (first or retry) is under way
    qint64 m_templatesRetryMs = 0; // 0: nothing to retry
    QElapsedTimer m_templatesReadAt; // when the last read answered
    QList<FlaggerMetricTemplate> m_templates;
    QStringList m_templateErrors;
    QStringList m_unreadableTemplates;
    std::shared_ptr<int> m_generation = std::make_shared<int>(0);
};
