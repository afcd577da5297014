// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fleetmodel.h"

#include <QDateTime>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>

class QTimer;

// What the controllers of the Deployment and Flagger canary details share: the selected
// (environment, uid), refreshed when selected, whenever the model reports that workload's
// detail changed (the subclass names the signal of its kind), when the environment's
// staleness changes, and every few seconds for the ages. A subclass reads the store's detail
// in refresh() and hands it to its view; a vanished workload is left to the main window's
// selection handling, which says it is gone.
class WorkloadDetailController : public QObject
{
    Q_OBJECT

public:
    // An empty uid: nothing selected (the view keeps its last content, hidden by the pane).
    void select(const QString &environment, const QString &uid);
    QString selectedUid() const { return m_uid; }
    // Tests fix the clock; default: the current UTC time.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }

protected:
    using DetailsChanged = void (FleetModel::*)(const QString &, const QStringList &);

    // detailsChanged: the model's signal naming the workloads of this kind a batch touched.
    WorkloadDetailController(FleetModel *model, DetailsChanged detailsChanged, QObject *parent);

    // Shows the selected workload's detail (only called while one is selected).
    virtual void showDetail() = 0;

    const FleetStore &store() const { return m_model->store(); }
    const QString &environment() const { return m_environment; }
    const QString &uid() const { return m_uid; }
    QDateTime now() const { return m_clock(); }

private:
    void refresh();

    FleetModel *m_model;
    QTimer *m_ageTimer;
    QString m_environment;
    QString m_uid;
    std::function<QDateTime()> m_clock;
};
