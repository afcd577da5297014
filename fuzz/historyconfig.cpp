// SPDX-License-Identifier: GPL-3.0-or-later
// The history: block of the config file (retention and size of the release history).
#include "historyconfig.h"
#include "fuzzinput.h"

RD_FUZZ_TARGET(data, size)
{
    HistorySettings settings;
    QString error;
    const bool ok = HistoryConfig::fromYaml(fuzzBytes(data, size),
                                            QStringLiteral("/fuzz/config.yaml"), &settings, &error);
    RD_FUZZ_CHECK(ok || !error.isEmpty());
    RD_FUZZ_CHECK(!ok
                  || (settings.retentionDays >= 1 && settings.retentionDays <= 3650
                      && settings.maxSizeMB >= 16 && settings.maxSizeMB <= 65536));
    return 0;
}
