// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

namespace rdsim {

class FlaggerLoadTester;
class ObjectStore;
class SyntheticMetrics;
class VirtualClock;

// Every controller of one simulated cluster (ReplicaSets and their pods, Deployments, Argo
// Rollouts, AnalysisRuns, Flagger). reconcileOnce() runs each once, in that order, against the
// store at the clock's current time; the simulator calls it on a timer, tests call it directly with
// a frozen clock they advance.
class ClusterControllers
{
public:
    ClusterControllers(ObjectStore &store, VirtualClock &clock, SyntheticMetrics &metrics);
    ~ClusterControllers();
    void reconcileOnce();
    // The gates of the cluster's Flagger load testers, which Flagger's webhooks consult and
    // the API server's service proxy serves.
    FlaggerLoadTester &flaggerLoadTester();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace rdsim
