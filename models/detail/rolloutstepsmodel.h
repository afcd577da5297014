// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "detailrow.h"
#include "keyedtreemodel.h"
#include "rollout.h"
#include "rolloutsituation.h"

#include <QDateTime>

// What a rollout goes through, one row each, a marker column (number and symbol) and a
// text column. Canary: every step in words, the completed ones greyed and ticked, the
// current one bold with a marker and what it waits for (a timed pause counts down: "Pause 5m
// — 3m 12s left"; a person's pause says so and never counts), an abort marked at the step
// where it happened, then background analysis and traffic routing. Blue-green:
// auto-promotion (with its countdown), pre- and post-promotion analysis, preview replicas
// and scale-down delay, the services. Keyed by what a row is ("step:3", "background", ...).
class RolloutStepsModel : public KeyedTreeModel<DetailRow, RolloutStepsModel>
{
    Q_OBJECT

public:
    enum Column { Marker, Text };
    static constexpr int ColumnCount = 2;
    // Column Marker of a step row: "done", "current" or "pending" (empty for other rows).
    static constexpr int StateRole = Qt::UserRole + 1;

    explicit RolloutStepsModel(QObject *parent = nullptr);

    // observations: the step an abort happened at and when a person paused; live: false
    // while the environment is disconnected (countdowns stop).
    void setRollout(const Rollout &rollout, const QDateTime &now,
                    const RolloutObservations &observations, bool live,
                    DetailUpdate how = DetailUpdate::InPlace);
    // Only the countdown moved.
    void updateCountdown(const QDateTime &now);
    // The row of the current step (canary) or of auto-promotion while it waits (invalid when
    // there is none).
    QModelIndex currentStepIndex() const;

    QVariant rowData(const Node &node, int column, int role) const;

private:
    void rebuild(const QDateTime &now, DetailUpdate how);

    Rollout m_rollout;
    RolloutObservations m_observations;
    bool m_live = true;
};
