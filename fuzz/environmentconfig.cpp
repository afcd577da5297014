// SPDX-License-Identifier: GPL-3.0-or-later
// The environments config file (config.yaml), prometheus: blocks included.
#include "environmentconfig.h"
#include "fuzzinput.h"

RD_FUZZ_TARGET(data, size)
{
    EnvironmentConfig config;
    QString error;
    const bool ok = EnvironmentConfig::fromYaml(
        fuzzBytes(data, size), QStringLiteral("/fuzz/config.yaml"), &config, &error);
    RD_FUZZ_CHECK(ok || !error.isEmpty());
    if (ok) // what the app does next with a loaded file
        config.checkContexts({QStringLiteral("prod"), QStringLiteral("staging")}, &error);
    return 0;
}
