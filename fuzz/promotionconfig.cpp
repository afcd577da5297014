// SPDX-License-Identifier: GPL-3.0-or-later
// The promotion: block of the config file (rows of the promotion view).
#include "promotionconfig.h"
#include "fuzzinput.h"

RD_FUZZ_TARGET(data, size)
{
    PromotionSettings settings;
    QString error;
    const bool ok = PromotionConfig::fromYaml(
        fuzzBytes(data, size), QStringLiteral("/fuzz/config.yaml"), &settings, &error);
    RD_FUZZ_CHECK(ok || !error.isEmpty());
    for (const PromotionRowSpec &row : settings.rows)
        RD_FUZZ_CHECK(!row.name.isEmpty() && !row.workloads.isEmpty());
    return 0;
}
