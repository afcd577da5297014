// SPDX-License-Identifier: GPL-3.0-or-later
// The gates: list and gateInterval: of the config file (the quality gates).
#include "gateconfig.h"
#include "fuzzinput.h"

RD_FUZZ_TARGET(data, size)
{
    GateSettings settings;
    QString error;
    const bool ok = GateConfig::fromYaml(fuzzBytes(data, size), QStringLiteral("/fuzz/config.yaml"),
                                         &settings, &error);
    RD_FUZZ_CHECK(ok || !error.isEmpty());
    RD_FUZZ_CHECK(ok || settings.gates.isEmpty());
    RD_FUZZ_CHECK(!ok || (settings.intervalMs >= 10000 && settings.intervalMs <= 3600000));
    for (const GateSpec &gate : std::as_const(settings.gates)) {
        // What the judge relies on: a bound, a step within the window, samples it can have.
        RD_FUZZ_CHECK(gate.max || gate.min || gate.isRelative());
        RD_FUZZ_CHECK(gate.stepMs >= 1000 && gate.stepMs <= gate.windowMs);
        RD_FUZZ_CHECK(gate.requiredSamples() >= 1
                      && gate.requiredSamples() <= gate.pointsInWindow());
    }
    return 0;
}
