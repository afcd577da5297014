// SPDX-License-Identifier: GPL-3.0-or-later
// The charts: list of the config file (PromQL templates with {{variables}}).
#include "chartconfig.h"
#include "fuzzinput.h"

RD_FUZZ_TARGET(data, size)
{
    QList<ChartSpec> charts;
    QString error;
    const bool ok = ChartConfig::fromYaml(fuzzBytes(data, size),
                                          QStringLiteral("/fuzz/config.yaml"), &charts, &error);
    RD_FUZZ_CHECK(ok || !error.isEmpty());
    return 0;
}
