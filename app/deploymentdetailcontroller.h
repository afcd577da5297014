// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QObject>
#include <QString>

#include <functional>

class DeploymentDetailView;
class FleetModel;
class QTimer;

// Keeps the Deployment detail view on the selected Deployment: shows its detail from the
// store when selected, again whenever the model reports that detail (or the environment's
// staleness) changed, and every few seconds for the ages. Owns the selection; reads nothing
// back from the view.
class DeploymentDetailController : public QObject
{
    Q_OBJECT

public:
    DeploymentDetailController(FleetModel *model, DeploymentDetailView *view,
                               QObject *parent = nullptr);

    // An empty uid: nothing selected (the view keeps its last content, hidden by the pane).
    void select(const QString &environment, const QString &uid);
    QString selectedUid() const { return m_uid; }
    // Tests fix the clock; default: the current UTC time.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

private:
    void refresh();

    FleetModel *m_model;
    DeploymentDetailView *m_view;
    QTimer *m_ageTimer;
    QString m_environment;
    QString m_uid;
    std::function<QDateTime()> m_clock;
};
