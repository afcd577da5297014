// SPDX-License-Identifier: GPL-3.0-or-later
#include "retrycountdown.h"

#include <QTimer>

#include <cmath>

RetryCountdown::RetryCountdown(QObject *parent) : QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setInterval(1000);
    connect(m_timer, &QTimer::timeout, this, &RetryCountdown::tick);
}

bool RetryCountdown::isCounting() const
{
    return m_timer->isActive();
}

void RetryCountdown::setState(const QString &environment, const ConnectionState &state)
{
    Entry entry;
    entry.state = state;
    entry.shown = state.retryInSeconds;
    if (state.retryInSeconds > 0) {
        entry.retryAt
            = state.retryAt.isValid() ? state.retryAt : now().addSecs(state.retryInSeconds);
    }
    m_entries.insert(environment, entry);
    emit stateChanged(environment, state);
    if (entry.retryAt.isValid() && !m_timer->isActive())
        m_timer->start();
}

void RetryCountdown::tick()
{
    const QDateTime current = now();
    bool counting = false;
    for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
        Entry &entry = it.value();
        if (!entry.retryAt.isValid())
            continue;
        // Rounded up: "retrying in 1 s" until the attempt starts, never "in 0 s".
        const int remaining
            = int(std::max<qint64>(0, (current.msecsTo(entry.retryAt) + 999) / 1000));
        if (remaining > 0)
            counting = true;
        if (remaining == entry.shown)
            continue;
        entry.shown = remaining;
        ConnectionState state = entry.state;
        state.retryInSeconds = remaining;
        if (remaining == 0)
            entry.retryAt = QDateTime();
        emit stateChanged(it.key(), state);
    }
    if (!counting)
        m_timer->stop();
}
