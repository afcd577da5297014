// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "informeroptions.h"

#include <QtGlobal>

#include <functional>

// client-go's exponential backoff manager: 0.8 s doubling to 30 s, each delay stretched by
// up to 100 % jitter (so a fleet of informers does not retry in lock-step), and back to
// the first step after two minutes without an error. Time comes from an injectable clock
// so tests need not wait.
class Backoff
{
public:
    using Clock = std::function<qint64()>; // milliseconds, monotonic
    using Random = std::function<double()>; // uniform in [0, 1)

    explicit Backoff(const BackoffPolicy &policy = BackoffPolicy(), Clock clock = Clock(),
                     Random random = Random());

    // The delay before the next attempt, in milliseconds; each call is one more failure.
    int next();
    // The delay next() would return without jitter (for messages and tests).
    int peekBase() const;
    // Forget every failure (e.g. the informer restarts).
    void reset();
    int failures() const { return m_failures; }
    const BackoffPolicy &policy() const { return m_policy; }

private:
    void resetIfStable();

    BackoffPolicy m_policy;
    Clock m_clock;
    Random m_random;
    int m_failures = 0;
    qint64 m_lastFailureMs = 0;
};
