// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keyedtreemodel.h"
#include "rollout.h"
#include "rolloutsituation.h"

#include <QDateTime>
#include <QWidget>

class DetailTreeView;
class QLabel;
class RolloutStepsModel;

// What the rollout goes through (RolloutStepsModel's rows) under a title ("Steps · 5 of 8",
// "Blue-green promotion"); long lines wrap in the narrow panel.
class RolloutStepsView : public QWidget
{
    Q_OBJECT

public:
    explicit RolloutStepsView(QWidget *parent = nullptr);

    // observations: the step an abort happened at and when a person paused; live: false
    // while the environment is disconnected (countdowns stop); how: Reset for another rollout.
    void setRollout(const Rollout &rollout, const QDateTime &now,
                    const RolloutObservations &observations = {}, bool live = true,
                    DetailUpdate how = DetailUpdate::InPlace);
    // Only the countdown moved.
    void updateCountdown(const QDateTime &now);

    QString title() const;
    DetailTreeView *tree() const { return m_tree; }
    RolloutStepsModel *stepsModel() const { return m_model; }
    // The tree's row of the current step (invalid when there is none).
    QModelIndex currentStepIndex() const;

private:
    QLabel *m_title;
    RolloutStepsModel *m_model;
    DetailTreeView *m_tree;
};
