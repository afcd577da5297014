// SPDX-License-Identifier: GPL-3.0-or-later
#include "detailpane.h"

#include "deploymentdetailview.h"
#include "flaggercanarydetailview.h"
#include "rolloutdetailview.h"

#include <QLabel>
#include <QStackedLayout>

DetailPane::DetailPane(QWidget *parent) :
    QWidget(parent),
    m_stack(new QStackedLayout(this)),
    m_placeholder(new QLabel(this)),
    m_rolloutView(new RolloutDetailView(this)),
    m_deploymentView(new DeploymentDetailView(this)),
    m_canaryView(new FlaggerCanaryDetailView(this))
{
    setObjectName(QStringLiteral("detailPane"));
    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setContentsMargins(12, 10, 12, 10);
    QPalette quiet = m_placeholder->palette();
    quiet.setColor(QPalette::WindowText, quiet.color(QPalette::PlaceholderText));
    m_placeholder->setPalette(quiet);

    m_stack->addWidget(m_placeholder);
    m_stack->addWidget(m_rolloutView);
    m_stack->addWidget(m_deploymentView);
    m_stack->addWidget(m_canaryView);
    clearSelection();
}

void DetailPane::clearSelection()
{
    showSelectionGone(tr("Select a rollout to see its steps, ReplicaSets and analysis"));
}

void DetailPane::showSelectionGone(const QString &text)
{
    m_placeholder->setText(text);
    m_stack->setCurrentWidget(m_placeholder);
}

void DetailPane::showRolloutView()
{
    m_stack->setCurrentWidget(m_rolloutView);
}

void DetailPane::showDeploymentView()
{
    m_stack->setCurrentWidget(m_deploymentView);
}

void DetailPane::showCanaryView()
{
    m_stack->setCurrentWidget(m_canaryView);
}

bool DetailPane::isShowingRollout() const
{
    return m_stack->currentWidget() == m_rolloutView;
}

bool DetailPane::isShowingDeployment() const
{
    return m_stack->currentWidget() == m_deploymentView;
}

bool DetailPane::isShowingCanary() const
{
    return m_stack->currentWidget() == m_canaryView;
}

QString DetailPane::placeholderText() const
{
    return m_placeholder->text();
}
