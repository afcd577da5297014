// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// One injected fault against a fresh FleetFetcher: the informers must recover and end with
// exactly the server's state. Shared by the list-fault and watch-fault tests.

#include "fleetsim.h"

Q_DECLARE_METATYPE(FaultRule::Kind)

namespace FaultCase {

// Starts the simulator with four rollouts, a ReplicaSet and a Deployment, the state every
// fault case must converge back to.
inline bool startSeeded(FleetSim &sim, QString *error)
{
    qRegisterMetaType<ConnectionState>();
    qRegisterMetaType<WorkloadDeltaBatch>();
    if (!sim.start(error))
        return false;
    for (const char *name : {"api", "cart", "search", "gate"})
        sim.create(FleetSim::rollouts(), FleetSim::rollout("shop", name));
    sim.create(FleetSim::replicaSets(), FleetSim::replicaSet("shop", "api-6f7", "6f7"));
    sim.create(FleetSim::deployments(), FleetSim::deployment("infra", "redis"));
    return true;
}

inline void addColumns()
{
    QTest::addColumn<FaultRule::Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("retryAfter");
    QTest::addColumn<bool>("watch"); // else list
    QTest::addColumn<int>("remaining");
    QTest::addColumn<int>("everyNth");
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("failures"); // -1: not checked
    QTest::addColumn<int>("expired");
    QTest::addColumn<int>("seenState"); // a state that must have been reported, -1: none
}

inline void run(FleetSim &sim, int round)
{
    QFETCH(FaultRule::Kind, kind);
    QFETCH(int, status);
    QFETCH(int, retryAfter);
    QFETCH(bool, watch);
    QFETCH(int, remaining);
    QFETCH(int, everyNth);
    QFETCH(int, pageSize);
    QFETCH(int, failures);
    QFETCH(int, expired);
    QFETCH(int, seenState);

    FaultRule rule;
    rule.kind = kind;
    rule.status = status;
    rule.retryAfterSeconds = retryAfter;
    rule.delayMs = 300;
    rule.path = QRegularExpression(QStringLiteral("/rollouts$"));
    rule.watchOnly = watch;
    rule.listOnly = !watch;
    rule.remaining = remaining;
    rule.everyNth = everyNth;
    sim.cluster().faults().add(rule);

    InformerOptions options = FleetSim::fastOptions();
    options.pageSize = pageSize;
    options.watchTimeoutMinSeconds = 30; // only the fault ends a watch here
    options.watchTimeoutMaxSeconds = 30;
    FleetFetcher fetcher(sim.kubeconfig(), {FleetSim::environment("prod", "east")});
    fetcher.setOptions(options);
    FleetMirror mirror(&fetcher);
    fetcher.start();
    QTRY_COMPARE(mirror.state("prod"), sim.serverState());
    // A watch fault fires on the first thing the watch writes (a bookmark comes every
    // 200 ms); wait until it did, then change things and converge again.
    if (failures > 0)
        QTRY_COMPARE(fetcher.stats("prod").failures, failures);
    if (expired > 0)
        QTRY_COMPARE(fetcher.stats("prod").relistsAfterExpired, expired);
    sim.setPhase("shop", "api", round % 2 ? "Paused" : "Progressing");
    sim.create(FleetSim::rollouts(),
               FleetSim::rollout("shop", QStringLiteral("new-%1").arg(round)));
    if (round > 1)
        sim.remove(FleetSim::rollouts(), "shop", QStringLiteral("new-%1").arg(round - 1));
    QTRY_COMPARE(mirror.state("prod"), sim.serverState());
    QTRY_COMPARE(mirror.lastKind("prod"), ConnectionState::Live);

    const InformerStats stats = fetcher.stats("prod");
    if (failures >= 0)
        QCOMPARE(stats.failures, failures);
    QCOMPARE(stats.relistsAfterExpired, expired);
    QCOMPARE(mirror.redundant("prod"), 0);
    QCOMPARE(mirror.resets("prod"), 1);
    if (seenState >= 0) {
        bool seen = false;
        for (const ConnectionState &state : mirror.states("prod"))
            seen = seen || state.kind == ConnectionState::Kind(seenState);
        QVERIFY2(seen, qPrintable(stats.lastError));
    }
    fetcher.stop();
}

} // namespace FaultCase
