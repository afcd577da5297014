// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace rdsim {

struct Scenario;

// The dashboard's demo fleet, resources/scenarios/demo.yaml, built into this library: what
// `rd-sim --demo` serves for `release-dashboard --demo`, and what the tests' in-process demo
// serves, with no file to find at run time.
namespace DemoScenario {

QByteArray yaml();
// Parsed; false with *error only when the built-in file is broken.
bool load(Scenario *out, QString *error);

} // namespace DemoScenario

} // namespace rdsim
