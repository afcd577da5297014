// SPDX-License-Identifier: GPL-3.0-or-later
// rd-sim's scenario file. Its `manifests:` entries name files relative to the scenario's
// folder; the name given here has no such folder, so only absolute paths reach the disk.
#include "scenario/scenario.h"
#include "fuzzinput.h"

RD_FUZZ_TARGET(data, size)
{
    rdsim::Scenario scenario;
    QString error;
    const bool ok = rdsim::Scenario::fromYaml(fuzzBytes(data, size),
                                              QStringLiteral("/nonexistent-fuzz/scenario.yaml"),
                                              &scenario, &error);
    RD_FUZZ_CHECK(ok || !error.isEmpty());
    return 0;
}
