// SPDX-License-Identifier: GPL-3.0-or-later
#include "pendingactiontracker.h"

#include <QTimer>

PendingActionTracker::PendingActionTracker(QObject *parent) :
    QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &PendingActionTracker::checkDeadlines);
}

void PendingActionTracker::setClock(std::function<QDateTime()> clock)
{
    m_clock = std::move(clock);
}

QDateTime PendingActionTracker::now() const
{
    return m_clock ? m_clock() : QDateTime::currentDateTimeUtc();
}

void PendingActionTracker::add(const RolloutRef &rollout, const ActionExpectation &expectation,
                               const Rollout *current)
{
    if (current && rolloutActionConfirmed(expectation, *current)) {
        m_pending.remove(rollout);
        emit confirmed(rollout, expectation.action);
        return;
    }
    m_pending.insert(rollout, Pending {expectation, now().addMSecs(m_timeoutMs)});
    if (!m_timer->isActive())
        m_timer->start();
}

std::optional<RolloutAction> PendingActionTracker::pendingAction(const RolloutRef &rollout) const
{
    const auto it = m_pending.constFind(rollout);
    if (it == m_pending.cend())
        return std::nullopt;
    return it->expectation.action;
}

void PendingActionTracker::rolloutChanged(const RolloutRef &ref, const Rollout &rollout)
{
    const auto it = m_pending.constFind(ref);
    if (it == m_pending.cend() || !rolloutActionConfirmed(it->expectation, rollout))
        return;
    const RolloutAction action = it->expectation.action;
    m_pending.erase(it);
    if (m_pending.isEmpty())
        m_timer->stop();
    emit confirmed(ref, action);
}

void PendingActionTracker::rolloutRemoved(const RolloutRef &rollout)
{
    m_pending.remove(rollout);
}

void PendingActionTracker::checkDeadlines()
{
    const QDateTime current = now();
    QList<QPair<RolloutRef, RolloutAction>> expired;
    for (auto it = m_pending.begin(); it != m_pending.end();) {
        if (it->deadline <= current) {
            expired.append({it.key(), it->expectation.action});
            it = m_pending.erase(it);
        } else {
            ++it;
        }
    }
    if (m_pending.isEmpty())
        m_timer->stop();
    for (const auto &entry : std::as_const(expired))
        emit timedOut(entry.first, entry.second);
}
