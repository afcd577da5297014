// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "rollout.h"
#include "rolloutactionrules.h"
#include "rolloutref.h"
#include <functional>
#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>

class QTimer;

// Actions the API server accepted whose effect the watch has not shown yet: the view says
// "Pausing…" until rolloutChanged() brings a rollout that shows it (confirmed), or the
// deadline passes (timedOut). One pending action per rollout: a newer one replaces it.
class PendingActionTracker : public QObject
{
    Q_OBJECT

public:
    explicit PendingActionTracker(QObject *parent = nullptr);

    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    int timeoutMs() const { return m_timeoutMs; }
    // Tests inject a clock; default: the current UTC time.
    void setClock(std::function<QDateTime()> clock);

    // current: the rollout as the model holds it now (the effect may already be there when
    // the answer arrives after the watch event).
    void add(const RolloutRef &rollout, const ActionExpectation &expectation,
             const Rollout *current);
    bool isPending(const RolloutRef &rollout) const { return m_pending.contains(rollout); }
    // The pending action of that rollout, if any.
    std::optional<RolloutAction> pendingAction(const RolloutRef &rollout) const;
    void rolloutChanged(const RolloutRef &ref, const Rollout &rollout);
    void rolloutRemoved(const RolloutRef &rollout);
    // Fires timeouts that are due (a timer calls it every second while anything is pending).
    void checkDeadlines();

signals:
    void confirmed(const RolloutRef &rollout, RolloutAction action);
    void timedOut(const RolloutRef &rollout, RolloutAction action);

private:
    struct Pending
    {
        ActionExpectation expectation;
        QDateTime deadline;
    };
    QDateTime now() const;

    QHash<RolloutRef, Pending> m_pending;
    std::function<QDateTime()> m_clock;
    QTimer *m_timer;
    int m_timeoutMs = 20000;
};
