// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "neterror.h"

#include <QDateTime>
#include <QString>

// An action's own retry policy, stricter than the informers': a person is waiting for the
// answer, and a write must not be repeated when the server may have applied it.
//  - Reads (GET) are retried on 429, 5xx, timeouts and network failures.
//  - Writes (PATCH) only when the server cannot have acted on them: 429 (API Priority and
//    Fairness rejects before handling) or no connection at all. After a 5xx, a timeout or a
//    reset the outcome is unknown, so the write is not repeated and the person is told.
//  - At most maxAttempts sends per request, waiting Retry-After (or 1 s, 2 s, ...), and no
//    new send after the deadline, which the person sees.
struct ActionRetryPolicy
{
    int maxAttempts = 3;
    int deadlineMs = 20000; // from the start of the action
    int firstDelayMs = 1000;
};

class ActionRetry
{
public:
    enum class Request { Read, Write };

    struct Decision
    {
        bool retry = false;
        int delayMs = 0;
        QString note; // translated: why not retried, or what happens next (for progress)
    };

    ActionRetry(const ActionRetryPolicy &policy, const QDateTime &start);

    QDateTime deadline() const { return m_deadline; }
    int maxAttempts() const { return m_policy.maxAttempts; }
    // After `attempts` sends of a request failed with `error`, at `now`.
    Decision decide(Request request, const NetError &error, int attempts,
                    const QDateTime &now) const;
    // True when the server cannot have acted on the request.
    static bool notProcessed(const NetError &error);

private:
    ActionRetryPolicy m_policy;
    QDateTime m_deadline;
};
