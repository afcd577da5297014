// SPDX-License-Identifier: GPL-3.0-or-later
// Go durations ("1h30m", "-2.5s") and Argo Rollouts' pause durations, then kubectl's age
// text of the result, the way a rollout's pause is shown.
#include "durationparser.h"
#include "fuzzinput.h"

RD_FUZZ_TARGET(data, size)
{
    const QString text = QString::fromUtf8(fuzzBytes(data, size));
    if (const std::optional<qint64> nanos = parseGoDuration(text))
        humanDuration(*nanos / 1000000);
    if (const std::optional<qint64> seconds = durationSeconds(IntOrString::fromString(text))) {
        // Whole seconds never overflow the milliseconds the age text takes (±292 years).
        RD_FUZZ_CHECK(*seconds > -10000000000000 && *seconds < 10000000000000);
        humanDuration(*seconds * 1000);
    }
    if (size >= 4) { // an integer pause ("duration: 30")
        qint32 number;
        memcpy(&number, data, sizeof number);
        durationSeconds(IntOrString::fromInt(number));
    }
    return 0;
}
