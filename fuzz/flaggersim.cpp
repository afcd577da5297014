// SPDX-License-Identifier: GPL-3.0-or-later
// rd-sim's Flagger: what its controller reads from a Canary (FlaggerCanarySpec::read) and
// what its load tester reads from a request (FlaggerLoadTester::handle). The first byte picks:
// 0 a Canary object (JSON), 1 a load tester request whose path is the text up to the first
// newline and whose body is the rest.
#include "controllers/simflaggercanaryspec.h"
#include "core/simloadtester.h"
#include "fuzzinput.h"

#include <QJsonDocument>

#include <algorithm>

namespace {

void readCanary(const QByteArray &bytes)
{
    const QJsonObject canary = QJsonDocument::fromJson(bytes).object();
    const rdsim::FlaggerCanarySpec spec = rdsim::FlaggerCanarySpec::read(canary);
    RD_FUZZ_CHECK(spec.intervalMs >= rdsim::FlaggerCanarySpec::kMinIntervalMs
                  && spec.intervalMs <= rdsim::FlaggerCanarySpec::kMaxIntervalMs);
    RD_FUZZ_CHECK(spec.threshold >= 1);
    RD_FUZZ_CHECK(spec.metrics.size() <= rdsim::FlaggerCanarySpec::kMaxListEntries
                  && spec.webhooks.size() <= rdsim::FlaggerCanarySpec::kMaxListEntries
                  && spec.stepWeights.size() <= rdsim::FlaggerCanarySpec::kMaxListEntries);
    const int maxWeight = spec.effectiveMaxWeight();
    RD_FUZZ_CHECK(maxWeight >= 0 && maxWeight <= 100);
    // The schedule of weights stays within 0..100 and ends.
    int weight = 0;
    for (int step = 0; step < 200 && weight < maxWeight; ++step) {
        const int next = spec.nextStepWeight(weight);
        RD_FUZZ_CHECK(next >= 0 && next <= 100);
        if (next == 0)
            break;
        weight = std::min(100, weight + next);
    }
    RD_FUZZ_CHECK(weight >= 0 && weight <= 100);
}

void askLoadTester(const QByteArray &bytes)
{
    const qsizetype newline = bytes.indexOf('\n');
    const QString path = QString::fromUtf8(newline < 0 ? bytes : bytes.left(newline));
    const QByteArray body = newline < 0 ? QByteArray() : bytes.mid(newline + 1);
    rdsim::FlaggerLoadTester tester;
    const rdsim::FlaggerLoadTester::Reply first = tester.handle(QStringLiteral("test"), path, body);
    RD_FUZZ_CHECK(first.status == 200 || first.status == 202 || first.status == 400
                  || first.status == 403 || first.status == 404);
    // A check after an open of the same canary's gate answers 200.
    if (first.status == 202 && path == QLatin1String("/gate/open"))
        RD_FUZZ_CHECK(
            tester.handle(QStringLiteral("test"), QStringLiteral("/gate/check"), body).status
            == 200);
}

} // namespace

RD_FUZZ_TARGET(data, size)
{
    if (size == 0)
        return 0;
    const QByteArray bytes = fuzzBytes(data + 1, size - 1);
    if (data[0] % 2 == 0)
        readCanary(bytes);
    else
        askLoadTester(bytes);
    return 0;
}
