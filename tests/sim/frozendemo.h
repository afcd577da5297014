// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The demo scenario (resources/scenarios/demo.yaml) simulated in process for the simulator's
// tests: no controller thread and a frozen clock, so a test plays exact virtual seconds with
// clock().advance() and reconcileOnce().

#include "core/resourcecatalog.h"
#include "core/virtualclock.h"
#include "demo/demoscenario.h"
#include "fleet/simulator.h"
#include "scenario/scenario.h"

#include <QJsonObject>
#include <QJsonValue>
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

// A kind the simulator serves, to read its store with.
inline const rdsim::ResourceType &servedKind(const char *group, const char *plural)
{
    return *rdsim::ResourceCatalog::find(QString::fromLatin1(group), QString::fromLatin1(plural));
}

// The value at a dotted path of a stored object ("status.canary.weights"); undefined when absent.
inline QJsonValue valueAt(const QJsonObject &object, const QString &path)
{
    QJsonValue value = object;
    for (const QString &key : path.split(u'.'))
        value = value.toObject().value(key);
    return value;
}
