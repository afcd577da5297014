// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The PromQL engine over a small fleet for the engine's tests (tst_promqlinstantquery,
// tst_promqlrangequery): two stable pods up for an hour and a canary that started at kT0 and
// regresses at +90 s, with the counters the engine must read back.

#include "core/virtualclock.h"
#include "metrics/podhistory.h"
#include "metrics/promqlengine.h"
#include "metrics/syntheticmetrics.h"

#include <QTest>

#include <limits>
#include <memory>

using namespace rdsim;
using namespace rdsim::promql;

namespace PromqlEngineTest {

// On the 15 s scrape grid, so sample times are easy to name.
inline const qint64 kT0 = VirtualClock::fromRfc3339(QStringLiteral("2026-11-25T17:00:00Z"));
inline const qint64 kSec = 1000;

inline MetricPod pod(const QString &name, const QString &role, qint64 startMs,
                     bool regresses = false)
{
    MetricPod p;
    p.ns = QStringLiteral("shop");
    p.name = name;
    p.rollout = QStringLiteral("web");
    p.hash = name.section(u'-', 1, 1);
    p.role = role;
    p.startMs = startMs;
    p.roleSinceMs = startMs;
    p.regresses = regresses;
    return p;
}

inline MetricBehaviour behaviour()
{
    MetricBehaviour b;
    b.ns = QStringLiteral("shop");
    b.rollout = QStringLiteral("web");
    b.canaryErrorRatio = 0.3;
    b.canaryLatencyP99Ms = 900;
    b.regressAfterSeconds = 90;
    return b;
}

inline Labels labels(std::initializer_list<QPair<QString, QString>> list)
{
    return Labels(list);
}

// The test classes derive from this (after QObject) and call reset() from their init().
class EngineFixture
{
protected:
    void reset()
    {
        m_metrics = std::make_unique<SyntheticMetrics>(nullptr);
        m_metrics->setBehaviour(behaviour());
        m_history = std::make_unique<PodHistory>();
        m_history->record({m_s1, m_s2}, kT0 - 3600 * kSec);
        m_history->record({m_s1, m_s2, m_c1}, kT0);
    }

    SyntheticMetrics::PodCounters at(const MetricPod &p, qint64 t) const
    {
        return SyntheticMetrics::countersWith(behaviour(), p.regresses, p.name, p.startMs,
                                              p.roleSinceMs, t);
    }
    QueryResult instant(const QString &query, qint64 t, qint64 now = kT0 + 600 * kSec) const
    {
        return Engine(*m_metrics, *m_history, now).instantQuery(query, t);
    }
    double single(const QString &query, qint64 t) const
    {
        const QueryResult r = instant(query, t);
        if (!r.ok() || r.vector.size() != 1) {
            qWarning("%s: %s (%d results)", qPrintable(query), qPrintable(r.error),
                     int(r.vector.size()));
            return std::numeric_limits<double>::quiet_NaN();
        }
        return r.vector.first().value;
    }

    std::unique_ptr<SyntheticMetrics> m_metrics;
    std::unique_ptr<PodHistory> m_history;
    // Two stable pods up for an hour, a canary that started at kT0 and regresses at +90 s.
    MetricPod m_s1 = pod(QStringLiteral("web-aaa-1"), QStringLiteral("stable"), kT0 - 3600 * kSec);
    MetricPod m_s2 = pod(QStringLiteral("web-aaa-2"), QStringLiteral("stable"), kT0 - 3600 * kSec);
    MetricPod m_c1 = pod(QStringLiteral("web-bbb-1"), QStringLiteral("canary"), kT0, true);
};

} // namespace PromqlEngineTest
