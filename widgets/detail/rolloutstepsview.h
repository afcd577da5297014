// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rollout.h"
#include "rolloutsituation.h"

#include <QDateTime>
#include <QWidget>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

// What the rollout goes through. Canary: every step in words, the completed ones greyed and
// ticked, the current one bold with a marker and what it waits for (a timed pause counts
// down: "Pause 5m — 3m 12s left"; a person's pause says so and never counts), an abort marked
// at the step where it happened, then background analysis and traffic routing. Blue-green:
// auto-promotion (with its countdown), pre- and post-promotion analysis, preview replicas
// and scale-down delay.
class RolloutStepsView : public QWidget
{
    Q_OBJECT

public:
    // Qt::UserRole + 1 of column 0 on each step row: "done", "current" or "pending".
    static constexpr int StateRole = Qt::UserRole + 1;
    enum Column { Marker, Text };

    explicit RolloutStepsView(QWidget *parent = nullptr);

    // observations: the step an abort happened at and when a person paused; live: false
    // while the environment is disconnected (countdowns stop).
    void setRollout(const Rollout &rollout, const QDateTime &now,
                    const RolloutObservations &observations = {}, bool live = true);
    // Only the countdown moved.
    void updateCountdown(const QDateTime &now);

    QString title() const;
    QTreeWidget *tree() const { return m_tree; }
    // The row of the current canary step, or null.
    QTreeWidgetItem *currentStepItem() const;

private:
    struct Row;
    void syncRows(const QList<Row> &rows);
    QList<Row> canaryRows(const QDateTime &now) const;
    QList<Row> blueGreenRows(const QDateTime &now) const;
    QString currentStepSuffix(const RolloutStep &step, const QDateTime &now) const;

    // The timed-pause text of a step or auto-promotion: "3m 12s left", "resuming…", or
    // "due to end 23:51" while not live.
    QString pauseSuffix(const QDateTime &now, const QString &doneText) const;

    Rollout m_rollout;
    RolloutObservations m_observations;
    bool m_live = true;
    QLabel *m_title;
    QTreeWidget *m_tree;
};
