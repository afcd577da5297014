// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "deploymentdetail.h"

#include <QDateTime>
#include <QWidget>

class EnvironmentBadge;
class QLabel;
class QTabWidget;
class ReplicaSetTree;
class RolloutEventsView;
class StaleBox;

// The detail of a Deployment: environment badge, namespace / name, strategy and revision;
// its status in the Rollout vocabulary with kubectl's status line; replica counts and the
// rolling-update limits; images; then tabs with its ReplicaSets (newest revision first,
// expandable to their pods) and the Events about it. Read only: a Deployment has no steps to
// pause or abort. Updated in place, so expansion and scrolling survive refreshes.
class DeploymentDetailView : public QWidget
{
    Q_OBJECT

public:
    explicit DeploymentDetailView(QWidget *parent = nullptr);

    void setDetail(const DeploymentDetail &detail, const QDateTime &now);
    const DeploymentDetail &detail() const { return m_detail; }

    QString titleText() const;
    QString contextText() const;
    QString statusText() const; // plain text
    QString factsText() const;
    QString staleText() const; // empty while live
    QString noticesText() const;
    ReplicaSetTree *replicaSetTree() const { return m_replicaSets; }
    RolloutEventsView *eventsView() const { return m_events; }
    QTabWidget *tabs() const { return m_tabs; }

private:
    void updateHeader();

    DeploymentDetail m_detail;
    EnvironmentBadge *m_badge;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_context;
    StaleBox *m_staleBox;
    QLabel *m_status;
    QLabel *m_facts;
    QLabel *m_images;
    QLabel *m_notices;
    QTabWidget *m_tabs;
    ReplicaSetTree *m_replicaSets;
    RolloutEventsView *m_events;
};
