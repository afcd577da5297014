// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggerchartscontroller.h"

#include "flaggercanarydetailview.h"
#include "flaggercharts.h"
#include "metricscontroller.h"
#include "rolloutmetricsview.h"

#include <QScrollArea>
#include <QTabWidget>

FlaggerChartsController::FlaggerChartsController(FleetModel *model, FlaggerCanaryDetailView *view,
                                                 QObject *parent) :
    WorkloadDetailController(model, &FleetModel::canaryDetailsChanged, parent),
    m_view(view),
    m_chartsView(new RolloutMetricsView),
    m_metrics(new MetricsController(nullptr, m_chartsView, this))
{
    setObjectName(QStringLiteral("flaggerChartsController"));
    m_chartsView->setObjectName(QStringLiteral("canaryCharts"));
    m_metrics->setObjectName(QStringLiteral("canaryMetricsController"));
    // Squeezed, the charts scroll rather than holding the window's detail splitter open (as
    // the view's Deployments page does).
    auto *page = new QScrollArea(m_view->tabs());
    page->setObjectName(QStringLiteral("canaryChartsPage"));
    page->setFrameShape(QFrame::NoFrame);
    page->setWidgetResizable(true);
    page->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    page->setWidget(m_chartsView);
    m_page = page;
    m_view->tabs()->addTab(page, QString());
    updateTabText(0);
    m_metrics->setChartSource([this](const RolloutDetail &) {
        const FlaggerCharts::Charts charts = FlaggerCharts::forCanary(m_canary, {});
        m_reasons = charts.reasons;
        return charts.charts;
    });
}

FlaggerChartsController::~FlaggerChartsController()
{
    shutdown();
}

void FlaggerChartsController::setFleet(const Kubeconfig &kubeconfig,
                                       const QList<EnvironmentSpec> &environments)
{
    m_metrics->setFleet(kubeconfig, environments);
    if (!uid().isEmpty())
        showDetail();
}

void FlaggerChartsController::shutdown()
{
    m_metrics->shutdown();
}

RolloutDetail FlaggerChartsController::rolloutFor(const FlaggerCanaryDetail &detail)
{
    RolloutDetail rollout;
    rollout.environment = detail.environment;
    rollout.environmentColour = detail.environmentColour;
    rollout.rollout.metadata.name = detail.canary.metadata.name;
    rollout.rollout.metadata.namespaceName = detail.canary.metadata.namespaceName;
    rollout.rollout.metadata.uid = detail.canary.metadata.uid;
    rollout.rollout.metadata.creationTimestamp = detail.canary.metadata.creationTimestamp;
    // MetricsPlan runs a split chart once per role with that role's "hash": here the
    // Deployment each role runs in (FlaggerCharts' queries name it as {{hash}}).
    rollout.rollout.status.stableRS = FlaggerCharts::primaryWorkload(detail.canary);
    rollout.rollout.status.currentPodHash = FlaggerCharts::canaryWorkload(detail.canary);
    rollout.staleSince = detail.staleSince;
    rollout.staleReason = detail.staleReason;
    return rollout;
}

void FlaggerChartsController::showDetail()
{
    const FlaggerCanaryDetail detail = store().canaryDetail(environment(), uid());
    if (!detail.isValid())
        return;
    m_canary = detail.canary;
    m_metrics->setDetail(rolloutFor(detail));
    // What MetricsController says of a rollout's analysis is replaced by the canary's.
    QStringList notice = m_reasons;
    bool templates = false;
    if (detail.canary.spec.analysis) {
        for (const FlaggerMetric &metric : detail.canary.spec.analysis->metrics)
            templates = templates || !metric.templateRef.name.isEmpty();
    }
    if (templates)
        notice.prepend(
            tr("The dashboard does not read MetricTemplates yet: the metrics that name one "
               "are not charted."));
    m_chartsView->setNotice(notice.join(u'\n'));
    const qsizetype charts = m_metrics->charts().size();
    if (charts == 0)
        m_chartsView->setPlaceholder(tr("Nothing to chart for this canary."));
    updateTabText(charts);
}

void FlaggerChartsController::updateTabText(qsizetype charts)
{
    const int index = m_view->tabs()->indexOf(m_page);
    m_view->tabs()->setTabText(index, tr("Charts (%n)", nullptr, int(charts)));
}
