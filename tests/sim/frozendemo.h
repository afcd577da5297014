// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The demo scenario (resources/scenarios/demo.yaml) simulated in process for the simulator's
// tests: no controller thread and a frozen clock, so a test plays exact virtual seconds with
// clock().advance() and reconcileOnce().

#include "core/virtualclock.h"
#include "demo/demoscenario.h"
#include "fleet/simulator.h"
#include "scenario/scenario.h"

#include <QString>

#include <memory>

// Loads the built-in demo into *scenario (for the test to read) and starts its simulator; null
// with *error when either fails.
inline std::unique_ptr<rdsim::Simulator> startFrozenDemo(rdsim::Scenario *scenario, QString *error)
{
    if (!rdsim::DemoScenario::load(scenario, error))
        return nullptr;
    rdsim::SimulatorOptions options;
    options.runControllers = false;
    auto simulator = std::make_unique<rdsim::Simulator>(*scenario, options);
    if (!simulator->start(error))
        return nullptr;
    simulator->clock().setFrozen(true);
    return simulator;
}
