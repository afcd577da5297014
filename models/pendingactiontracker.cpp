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

void PendingActionTracker::add(const QString &rolloutKey, const ActionExpectation &expectation,
                               const Rollout *current)
{
    if (current && rolloutActionConfirmed(expectation, *current)) {
        m_pending.remove(rolloutKey);
        emit confirmed(rolloutKey, expectation.action);
        return;
    }
    m_pending.insert(rolloutKey, Pending {expectation, now().addMSecs(m_timeoutMs)});
    if (!m_timer->isActive())
        m_timer->start();
}

std::optional<RolloutAction> PendingActionTracker::pendingAction(const QString &rolloutKey) const
{
    const auto it = m_pending.constFind(rolloutKey);
    if (it == m_pending.cend())
        return std::nullopt;
    return it->expectation.action;
}

void PendingActionTracker::rolloutChanged(const QString &rolloutKey, const Rollout &rollout)
{
    const auto it = m_pending.constFind(rolloutKey);
    if (it == m_pending.cend() || !rolloutActionConfirmed(it->expectation, rollout))
        return;
    const RolloutAction action = it->expectation.action;
    m_pending.erase(it);
    if (m_pending.isEmpty())
        m_timer->stop();
    emit confirmed(rolloutKey, action);
}

void PendingActionTracker::rolloutRemoved(const QString &rolloutKey)
{
    m_pending.remove(rolloutKey);
}

void PendingActionTracker::checkDeadlines()
{
    const QDateTime current = now();
    QList<QPair<QString, RolloutAction>> expired;
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
