// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggerchartscontroller.h"

#include "clusterconnection.h"
#include "flaggercanarydetailview.h"
#include "flaggercharts.h"
#include "jsondecoder.h"
#include "kubeclient.h"
#include "metricscontroller.h"
#include "rolloutmetricsview.h"

#include <QCoreApplication>
#include <QPointer>
#include <QScrollArea>
#include <QTabWidget>
#include <QThreadPool>

#include <algorithm>

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
        const FlaggerCharts::Charts charts
            = FlaggerCharts::forCanary(m_canary, m_templates, m_unreadableTemplates);
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
    m_kubeconfig = kubeconfig;
    m_environments.clear();
    for (const EnvironmentSpec &spec : environments)
        m_environments.insert(spec.name, spec);
    ++*m_generation; // answers for the old fleet are dropped
    m_templatesKey.clear();
    m_templates.clear();
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
    readTemplates(detail);
    m_metrics->setDetail(rolloutFor(detail));
    showNotice();
}

void FlaggerChartsController::showNotice()
{
    // What MetricsController says of a rollout's analysis is replaced by the canary's.
    QStringList notice;
    const auto spec = m_environments.constFind(environment());
    if (spec != m_environments.cend() && !spec->prometheus.isEnabled())
        notice.append(tr("Metrics are turned off for environment %1 (prometheus: false in the "
                         "configuration).")
                          .arg(environment()));
    else if (m_templatesPending)
        notice.append(tr("Reading the MetricTemplates the canary names…"));
    else
        notice += m_templateErrors + m_reasons;
    m_chartsView->setNotice(notice.join(u'\n'));
    const qsizetype charts = m_metrics->charts().size();
    if (charts == 0)
        m_chartsView->setPlaceholder(tr("Nothing to chart for this canary."));
    updateTabText(charts);
}

qint64 FlaggerChartsController::nextTemplateRetryMs(qint64 previousMs)
{
    constexpr qint64 firstRetryMs = 5000;
    constexpr qint64 longestRetryMs = 5 * 60 * 1000;
    return previousMs <= 0 ? firstRetryMs : std::min(previousMs * 2, longestRetryMs);
}

bool FlaggerChartsController::templateRetryDue() const
{
    return !m_templatesReading && m_templatesRetryMs > 0 && m_templatesReadAt.isValid()
        && m_templatesReadAt.hasExpired(m_templatesRetryMs);
}

namespace {

// "namespace/name" of each MetricTemplate the canary's metrics name, once each.
QStringList flaggerTemplateRefs(const FlaggerCanary &canary)
{
    QStringList refs;
    if (!canary.spec.analysis)
        return refs;
    for (const FlaggerMetric &metric : canary.spec.analysis->metrics) {
        if (metric.templateRef.name.isEmpty())
            continue;
        const QString ns = metric.templateRef.namespaceName.isEmpty()
            ? canary.metadata.namespaceName
            : metric.templateRef.namespaceName;
        refs.append(ns + QLatin1Char('/') + metric.templateRef.name);
    }
    refs.removeDuplicates();
    return refs;
}

} // namespace

void FlaggerChartsController::readTemplates(const FlaggerCanaryDetail &detail)
{
    const QStringList refs = flaggerTemplateRefs(detail.canary);
    const QString key = detail.environment + QLatin1Char('|') + refs.join(u',');
    const bool retry = key == m_templatesKey;
    if (retry && !templateRetryDue())
        return;
    if (!retry) {
        m_templatesKey = key;
        m_templates.clear();
        m_templateErrors.clear();
        m_unreadableTemplates.clear();
        m_templatesRetryMs = 0;
        m_templatesReading = false;
    }
    const auto spec = m_environments.constFind(detail.environment);
    if (refs.isEmpty() || spec == m_environments.cend()) {
        m_templatesPending = false;
        return;
    }
    // A retry keeps showing what the last read found until its answer arrives.
    m_templatesPending = !retry;
    m_templatesReading = true;
    startTemplateRead(refs, key, spec->context);
}

void FlaggerChartsController::startTemplateRead(const QStringList &refs, const QString &key,
                                                const QString &context)
{
    const QPointer<FlaggerChartsController> self(this);
    const std::shared_ptr<int> generation = m_generation;
    const int asked = ++*generation;
    const Kubeconfig kubeconfig = m_kubeconfig;
    QThreadPool::globalInstance()->start([=] {
        QList<FlaggerMetricTemplate> templates;
        QStringList errors;
        QStringList unreadable;
        ClusterConnection connection;
        QString error;
        if (!ClusterConnection::resolve(kubeconfig, context, &connection, &error)) {
            errors.append(error);
            unreadable = refs;
        } else {
            KubeClient client(connection);
            for (const QString &ref : refs) {
                const KubeResponse got = client.get(
                    QStringLiteral("/apis/flagger.app/v1beta1/namespaces/%1/metrictemplates/%2")
                        .arg(ref.section(u'/', 0, 0), ref.section(u'/', 1)));
                const Decoded<FlaggerMetricTemplate> decoded = got.isOk()
                    ? JsonDecoder().decodeObject<FlaggerMetricTemplate>(got.body)
                    : Decoded<FlaggerMetricTemplate>();
                if (got.isOk() && decoded.isOk()) {
                    templates.append(decoded.value);
                    continue;
                }
                if (got.status == 404)
                    continue; // a missing one is the charts' reason
                unreadable.append(ref);
                errors.append(
                    QCoreApplication::translate("FlaggerChartsController", "MetricTemplate %1: %2")
                        .arg(ref, got.isOk() ? decoded.report.issuesText() : got.error.message));
            }
        }
        QMetaObject::invokeMethod(qApp, [=] {
            if (self && *generation == asked)
                self->templatesRead(key, refs.size(), {templates, errors, unreadable});
        });
    });
}

void FlaggerChartsController::templatesRead(const QString &key, qsizetype asked,
                                            const TemplateRead &read)
{
    if (key != m_templatesKey)
        return;
    m_templatesPending = false;
    m_templatesReading = false;
    m_templatesReadAt.start();
    // One that failed or was missing is asked again later, less often each time.
    const bool complete = read.errors.isEmpty() && read.templates.size() == asked;
    m_templatesRetryMs = complete ? 0 : nextTemplateRetryMs(m_templatesRetryMs);
    m_templates = read.templates;
    m_templateErrors = read.errors;
    m_unreadableTemplates = read.unreadable;
    if (!uid().isEmpty())
        showDetail();
}

void FlaggerChartsController::updateTabText(qsizetype charts)
{
    const int index = m_view->tabs()->indexOf(m_page);
    m_view->tabs()->setTabText(index, tr("Charts (%n)", nullptr, int(charts)));
}
