// SPDX-License-Identifier: GPL-3.0-or-later
#include "flaggercanarydetailview.h"

#include "detailtreeview.h"
#include "flaggeranalysismodel.h"
#include "flaggercanaryactionbar.h"
#include "flaggercanaryheader.h"
#include "flaggerdeploymentsection.h"
#include "rollouteventsmodel.h"
#include "rollouteventsview.h"

#include <QHeaderView>
#include <QScrollArea>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

FlaggerCanaryDetailView::FlaggerCanaryDetailView(QWidget *parent) :
    QWidget(parent),
    m_header(new FlaggerCanaryHeader(this)),
    m_actionBar(new FlaggerCanaryActionBar(this)),
    m_tabs(new QTabWidget(this)),
    m_primary(new FlaggerDeploymentSection(FlaggerDeploymentSection::Role::Primary)),
    m_canary(new FlaggerDeploymentSection(FlaggerDeploymentSection::Role::Canary)),
    m_analysisModel(new FlaggerAnalysisModel(this)),
    m_analysisTree(new DetailTreeView(m_analysisModel, m_tabs)),
    m_events(new RolloutEventsView(m_tabs))
{
    setObjectName(QStringLiteral("flaggerCanaryDetailView"));
    m_header->setActionBar(m_actionBar);

    // Primary above canary, as traffic flows from one to the other. Two Deployments need more
    // height than the window's splitter may leave the pane (and the pane's other views are
    // shorter): squeezed, they scroll rather than holding the splitter or its saved sizes open.
    auto *deployments = new QSplitter(Qt::Vertical);
    deployments->setObjectName(QStringLiteral("canaryDeployments"));
    deployments->setChildrenCollapsible(false);
    deployments->addWidget(m_primary);
    deployments->addWidget(m_canary);
    auto *deploymentsPage = new QScrollArea(m_tabs);
    deploymentsPage->setFrameShape(QFrame::NoFrame);
    deploymentsPage->setWidgetResizable(true);
    deploymentsPage->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    deploymentsPage->setWidget(deployments);

    m_analysisTree->setObjectName(QStringLiteral("canaryAnalysisTree"));
    m_analysisTree->setUniformRowHeights(false);
    m_analysisTree->setWordWrap(true);
    m_analysisTree->header()->setSectionResizeMode(FlaggerAnalysisModel::Value,
                                                   QHeaderView::Stretch);
    m_analysisTree->setColumnWidth(FlaggerAnalysisModel::Item,
                                   24 * fontMetrics().horizontalAdvance(QLatin1Char('0')));

    m_tabs->setObjectName(QStringLiteral("canaryTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(deploymentsPage, QString());
    m_tabs->addTab(m_analysisTree, QString());
    m_tabs->addTab(m_events, QString());

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 6);
    layout->setSpacing(4);
    layout->addWidget(m_header);
    layout->addSpacing(4);
    layout->addWidget(m_tabs, 1);
    updateTabTexts();
}

void FlaggerCanaryDetailView::setDetail(const FlaggerCanaryDetail &detail, const QDateTime &now)
{
    // Another canary starts from the top; the same one keeps what the user opened.
    const DetailUpdate how = detail.canary.metadata.uid == m_detail.canary.metadata.uid
            && detail.environment == m_detail.environment
        ? DetailUpdate::InPlace
        : DetailUpdate::Reset;
    m_detail = detail;
    const QString target = detail.canary.spec.targetRef.name;
    m_header->setDetail(detail, now);
    m_actionBar->setTarget({detail.environment, detail.canary.metadata.namespaceName,
                            detail.canary.metadata.name, detail.canary.metadata.uid});
    m_primary->setDeployment(detail.primary, target + QStringLiteral("-primary"), now, how);
    m_canary->setDeployment(detail.target, target, now, how);
    m_analysisModel->setCanary(detail.canary, how);
    m_events->eventsModel()->setEvents(detail.events, detail.canary.metadata.name, now, how);
    updateTabTexts();
}

void FlaggerCanaryDetailView::updateTabTexts()
{
    const int pods = [this] {
        int count = 0;
        for (const DeploymentDetail *deployment : {&m_detail.primary, &m_detail.target}) {
            for (const QList<Pod> &list : deployment->podsByReplicaSetUid)
                count += int(list.size());
        }
        return count;
    }();
    m_tabs->setTabText(0, tr("Primary and canary (%n pods)", nullptr, pods));
    const int metrics
        = m_detail.canary.spec.analysis ? int(m_detail.canary.spec.analysis->metrics.size()) : 0;
    m_tabs->setTabText(1, tr("Analysis (%n metrics)", nullptr, metrics));
    m_tabs->setTabText(2, m_events->tabTitle(m_detail.events.size()));
}
