// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace rdsim {

class ObjectStore;
class SyntheticMetrics;
class VirtualClock;

// Runs AnalysisRuns as the Argo Rollouts analysis controller does: takes measurements at
// each metric's interval (Prometheus-provider queries are answered by SyntheticMetrics),
// evaluates successCondition/failureCondition, and sets measurement, metric and run phases,
// counters, runSummary and messages by the real controller's rules.
class AnalysisController
{
public:
    AnalysisController(ObjectStore &store, VirtualClock &clock, SyntheticMetrics &metrics);
    void reconcile();

private:
    ObjectStore &m_store;
    VirtualClock &m_clock;
    SyntheticMetrics &m_metrics;
};

} // namespace rdsim
