// SPDX-License-Identifier: GPL-3.0-or-later
#include "backoff.h"

#include <QElapsedTimer>
#include <QRandomGenerator>

#include <algorithm>
#include <cmath>

namespace {
qint64 monotonicMs()
{
    static QElapsedTimer timer = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return timer.elapsed();
}
} // namespace

Backoff::Backoff(const BackoffPolicy &policy, Clock clock, Random random) :
    m_policy(policy),
    m_clock(clock ? std::move(clock) : Clock(monotonicMs)),
    m_random(random ? std::move(random)
                    : Random([] { return QRandomGenerator::global()->generateDouble(); }))
{ }

void Backoff::resetIfStable()
{
    if (m_failures > 0 && m_clock() - m_lastFailureMs >= m_policy.stableResetMs)
        m_failures = 0;
}

int Backoff::peekBase() const
{
    // pow() on a small exponent; the cap keeps it bounded however long the outage lasts.
    const double raw = m_policy.initialMs * std::pow(m_policy.factor, std::min(m_failures, 40));
    return int(std::min<double>(raw, m_policy.maxMs));
}

int Backoff::next()
{
    resetIfStable();
    const int base = peekBase();
    double delay = base;
    if (m_policy.jitter > 0)
        delay += m_random() * m_policy.jitter * base;
    ++m_failures;
    m_lastFailureMs = m_clock();
    return int(std::min<double>(delay, m_policy.maxMs));
}

void Backoff::reset()
{
    m_failures = 0;
    m_lastFailureMs = 0;
}
