// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "flaggercanarydetail.h"

#include <QDateTime>
#include <QWidget>

class DetailTreeView;
class FlaggerAnalysisModel;
class FlaggerCanaryActionBar;
class FlaggerCanaryHeader;
class FlaggerDeploymentSection;
class QTabWidget;
class RolloutEventsView;

// The detail of a Flagger canary (flagger.app/v1beta1 Canary), what `kubectl describe canary`
// and Flagger's docs tell, for the person on call: the header (FlaggerCanaryHeader), the
// actions (FlaggerCanaryActionBar: suspend and resume; the controller sets their states and
// sends them), then tabs: the two
// Deployments Flagger manages, primary above canary, each with its ReplicaSets and pods
// (the Deployment detail's tree); the analysis spec (FlaggerAnalysisModel: interval,
// threshold, weights or iterations, metrics, webhooks by type with their URLs but never
// their metadata values, alerts); the Events about the canary and both Deployments.
// setDetail() may be called on every change: the same canary updates in place, keeping
// expansion, selection, scrolling and the chosen tab; another one starts from the top.
//
// Parts by object name: "canaryHeader", "canaryActionBar", "canaryTabs" with
// "canaryDeployments" ("primarySection", "canarySection"), "canaryAnalysisTree" and
// "eventsTree".
class FlaggerCanaryDetailView : public QWidget
{
    Q_OBJECT

public:
    explicit FlaggerCanaryDetailView(QWidget *parent = nullptr);

    void setDetail(const FlaggerCanaryDetail &detail, const QDateTime &now);
    const FlaggerCanaryDetail &detail() const { return m_detail; }

    FlaggerCanaryHeader *header() const { return m_header; }
    FlaggerCanaryActionBar *actionBar() const { return m_actionBar; }
    QTabWidget *tabs() const { return m_tabs; }
    FlaggerDeploymentSection *primarySection() const { return m_primary; }
    FlaggerDeploymentSection *canarySection() const { return m_canary; }
    DetailTreeView *analysisTree() const { return m_analysisTree; }
    FlaggerAnalysisModel *analysisModel() const { return m_analysisModel; }
    RolloutEventsView *eventsView() const { return m_events; }

private:
    void updateTabTexts();

    FlaggerCanaryDetail m_detail;
    FlaggerCanaryHeader *m_header;
    FlaggerCanaryActionBar *m_actionBar;
    QTabWidget *m_tabs;
    FlaggerDeploymentSection *m_primary;
    FlaggerDeploymentSection *m_canary;
    FlaggerAnalysisModel *m_analysisModel;
    DetailTreeView *m_analysisTree;
    RolloutEventsView *m_events;
};
