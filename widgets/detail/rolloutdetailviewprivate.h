// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// RolloutDetailView's private part, shared by its two source files: rolloutdetailview.cpp
// (content, updates, timers, layout) and rolloutdetailviewactions.cpp (the actions, their
// states and the kubectl command menu).

#include "rolloutdetailview.h"

#include <QAction>
#include <QCoreApplication>
#include <QMap>

class QLabel;
class QSplitter;
class QStackedWidget;
class QTimer;
class RolloutActionBar;
class RolloutDetailTabs;
class RolloutHeader;
class RolloutStepsView;

class RolloutDetailView::Private
{
    Q_DECLARE_TR_FUNCTIONS(RolloutDetailView)

public:
    explicit Private(RolloutDetailView *q) : q(q) { }

    void applyActionState(RolloutAction action);
    void trigger(RolloutAction action);
    void sync(const RolloutDetail &previous, bool force);
    void updateCountdownTimer(const QDateTime &now);
    void tickCountdown();
    // The constructor's parts, in its order: each uses what the ones before made.
    void createActions();
    void createCopyCommand();
    QWidget *createContent(); // header with the action bar, notices, steps and tabs
    void createTimers();
    QDateTime now() const { return clock ? clock() : QDateTime::currentDateTimeUtc(); }

    RolloutDetailView *q;
    RolloutDetail detail;
    RolloutActionStates states;
    std::function<QDateTime()> clock;
    ConfirmFunction confirm;
    bool environmentProtected = false;
    QDateTime lastFullSync;
    QMap<RolloutAction, QAction *> actions;
    QAction *copyCommand = nullptr;
    QStackedWidget *stack = nullptr;
    QLabel *placeholder = nullptr;
    RolloutHeader *header = nullptr;
    RolloutActionBar *actionBar = nullptr;
    QLabel *notices = nullptr;
    QSplitter *splitter = nullptr;
    RolloutStepsView *steps = nullptr;
    RolloutDetailTabs *tabs = nullptr;
    QTimer *countdownTimer = nullptr;
    QTimer *ageTimer = nullptr;
};
