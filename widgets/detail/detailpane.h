// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QWidget>

class DeploymentDetailView;
class FlaggerCanaryDetailView;
class QLabel;
class QStackedLayout;
class RolloutDetailView;

// The pane under the fleet table: the selected Rollout's, Deployment's or Flagger canary's
// detail view; without a selection an invitation to select one.
class DetailPane : public QWidget
{
    Q_OBJECT

public:
    explicit DetailPane(QWidget *parent = nullptr);

    RolloutDetailView *rolloutView() const { return m_rolloutView; }
    DeploymentDetailView *deploymentView() const { return m_deploymentView; }
    FlaggerCanaryDetailView *canaryView() const { return m_canaryView; }

    // Nothing selected.
    void clearSelection();
    // The selected workload is not in the table any more (a filter hides it, or it was
    // deleted): says so instead of showing another one. text: translated, one or two lines.
    void showSelectionGone(const QString &text);
    // The rollout detail view (its content is set through rolloutView()).
    void showRolloutView();
    // The Deployment detail view (its content is set through deploymentView()).
    void showDeploymentView();
    // The Flagger canary detail view (its content is set through canaryView()).
    void showCanaryView();

    bool isShowingRollout() const;
    bool isShowingDeployment() const;
    bool isShowingCanary() const;
    QString placeholderText() const;

private:
    QStackedLayout *m_stack;
    QLabel *m_placeholder;
    RolloutDetailView *m_rolloutView;
    DeploymentDetailView *m_deploymentView;
    FlaggerCanaryDetailView *m_canaryView;
};
