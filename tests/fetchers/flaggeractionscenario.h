// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Include after the client headers: the simulator has its own WatchEvent.
#include "fleet/simulator.h"
#include "scenario/scenario.h"

#include <QTest>

#include <memory>

// Starts rd-sim in process on tests/data/scenarios/flagger-actions.yaml with its controllers
// not running (the tests step its Flagger controller by hand). Fails the current test through
// QVERIFY2: the caller checks QTest::currentTestFailed() before going on.
inline void startFlaggerActionsSim(std::unique_ptr<rdsim::Simulator> &sim)
{
    rdsim::Scenario scenario;
    QString error;
    QVERIFY2(
        rdsim::Scenario::fromFile(
            QStringLiteral(RD_TEST_DATA_DIR "/scenarios/flagger-actions.yaml"), &scenario, &error),
        qPrintable(error));
    rdsim::SimulatorOptions options;
    options.runControllers = false;
    sim = std::make_unique<rdsim::Simulator>(scenario, options);
    QVERIFY2(sim->start(&error), qPrintable(error));
}
