// SPDX-License-Identifier: GPL-3.0-or-later
// The environments config file (config.yaml), prometheus: and safetyNets: blocks included,
// and its links: filled in.
#include "environmentconfig.h"
#include "fuzzinput.h"
#include "linkvariables.h"

RD_FUZZ_TARGET(data, size)
{
    EnvironmentConfig config;
    QString error;
    const bool ok = EnvironmentConfig::fromYaml(
        fuzzBytes(data, size), QStringLiteral("/fuzz/config.yaml"), &config, &error);
    RD_FUZZ_CHECK(ok || !error.isEmpty());
    if (!ok)
        return 0;
    // What the app does next with a loaded file: check its contexts, fill in its links.
    config.checkContexts({QStringLiteral("prod"), QStringLiteral("staging")}, &error);
    for (const EnvironmentSpec &spec : config.environments()) {
        const LinkVariables variables
            = LinkVariables::forWorkload(spec.name, spec.context, QStringLiteral("shop"),
                                         QStringLiteral("a b&c#d\u00e9"), QStringLiteral("-"));
        for (const EnvironmentLink &link : spec.links) {
            const LinkUrl url = variables.expand(link.url);
            RD_FUZZ_CHECK(!url.isAvailable() || url.url.isValid());
        }
    }
    return 0;
}
