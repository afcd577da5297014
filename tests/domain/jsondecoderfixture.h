// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the JSON decoder tests of realistic objects share: RFC 3339 times and a Rollout decoded
// from a fixture of tests/data/domain/, with a warning when it did not decode cleanly.

#include "jsondecoder.h"
#include "testdata.h"
#include "timestamps.h"

#include <QTest>

namespace JsonDecoderTest {

inline QDateTime utc(const char *text)
{
    return parseRfc3339(QString::fromLatin1(text));
}

inline Rollout rollout(const QString &file)
{
    const Decoded<Rollout> decoded = decodeObject<Rollout>(domainTestData(file));
    if (!decoded.isOk() || decoded.report.hasIssues())
        qWarning("%s: %s %s", qPrintable(file), qPrintable(decoded.report.error),
                 qPrintable(decoded.report.issuesText()));
    return decoded.value;
}

} // namespace JsonDecoderTest
