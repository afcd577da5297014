// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connectionstate.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QString>

#include <functional>

class QTimer;

// Sits between the fetcher and the EnvironmentModel and counts the "retrying in N s" of each
// environment down once a second, so the window never shows a stale countdown. The fetcher
// reports a retry once, when it schedules it; this passes every state on at once and then
// re-sends it with retryInSeconds recomputed from retryAt (or from the time it arrived).
class RetryCountdown : public QObject
{
    Q_OBJECT
public:
    explicit RetryCountdown(QObject *parent = nullptr);

    // Tests inject a clock; default: the current UTC time.
    void setClock(std::function<QDateTime()> clock) { m_clock = std::move(clock); }
    // Re-evaluates every countdown now (the timer does it each second).
    void tick();
    bool isCounting() const;

public slots:
    void setState(const QString &environment, const ConnectionState &state);

signals:
    void stateChanged(const QString &environment, const ConnectionState &state);

private:
    struct Entry
    {
        ConnectionState state; // as received
        QDateTime retryAt; // when the retry starts
        int shown = 0; // the retryInSeconds last sent
    };
    QDateTime now() const { return m_clock ? m_clock() : QDateTime::currentDateTimeUtc(); }

    QHash<QString, Entry> m_entries;
    QTimer *m_timer;
    std::function<QDateTime()> m_clock;
};
