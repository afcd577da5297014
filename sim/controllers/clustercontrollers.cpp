// SPDX-License-Identifier: GPL-3.0-or-later
#include "clustercontrollers.h"

#include "analysiscontroller.h"
#include "deploymentcontroller.h"
#include "eventrecorder.h"
#include "experimentcontroller.h"
#include "jobcontroller.h"
#include "replicasetcontroller.h"
#include "requeue.h"
#include "rolloutcontroller.h"
#include "simflaggercontroller.h"

#include "core/objectstore.h"
#include "core/simloadtester.h"
#include "core/virtualclock.h"

#include <limits>

namespace rdsim {

struct ClusterControllers::Private
{
    Private(ObjectStore &s, VirtualClock &c, SyntheticMetrics &metrics) :
        store(s),
        clock(c),
        events(s, c),
        replicaSets(s, c, events, requeue),
        deployments(s, c, events),
        rollouts(s, c, events, requeue, replicaSets),
        experiments(s, c, events, requeue),
        analysis(s, c, metrics),
        jobs(s, c, events, requeue),
        flagger(s, c, events, metrics, loadTester, requeue)
    { }

    ObjectStore &store;
    VirtualClock &clock;
    Requeue requeue;
    EventRecorder events;
    ReplicaSetController replicaSets;
    DeploymentController deployments;
    RolloutController rollouts;
    ExperimentController experiments;
    AnalysisController analysis;
    JobController jobs;
    FlaggerLoadTester loadTester;
    FlaggerController flagger;
    // The store's change count after the last pass that wrote nothing; while it still holds
    // and no deadline is due, a pass has nothing to do.
    quint64 quietChangeCount = std::numeric_limits<quint64>::max();
};

ClusterControllers::ClusterControllers(ObjectStore &store, VirtualClock &clock,
                                       SyntheticMetrics &metrics) :
    d(std::make_unique<Private>(store, clock, metrics))
{ }

ClusterControllers::~ClusterControllers() = default;

FlaggerLoadTester &ClusterControllers::flaggerLoadTester()
{
    return d->loadTester;
}

void ClusterControllers::reconcileOnce()
{
    const quint64 before = d->store.changeCount();
    if (before == d->quietChangeCount && d->clock.nowMs() < d->requeue.next()) {
        // Analysis keeps its own schedule (measurement intervals), so it runs every pass.
        d->analysis.reconcile();
        return;
    }
    d->requeue.reset();
    d->replicaSets.reconcile();
    d->flagger.reconcile();
    d->deployments.reconcile();
    d->rollouts.reconcile();
    d->experiments.reconcile();
    d->analysis.reconcile();
    d->jobs.reconcile(); // after analysis, so a measurement's Job gets its pod in this pass
    // A second ReplicaSet pass creates the pods for what the Deployments and Rollouts just
    // scaled, so they appear in the same pass.
    d->replicaSets.reconcile();
    d->requeue.at(d->events.expireOld());
    const quint64 after = d->store.changeCount();
    d->quietChangeCount = after == before ? after : std::numeric_limits<quint64>::max();
}

} // namespace rdsim
