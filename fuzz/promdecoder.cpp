// SPDX-License-Identifier: GPL-3.0-or-later
// Prometheus HTTP API answers: the first byte picks the endpoint (query, series, labels,
// buildinfo) and the HTTP status (200, 400, 422, 503, 502), the rest is the body. One
// decoder for all inputs, as a poller thread keeps one.
#include "promdecoder.h"
#include "fuzzinput.h"

RD_FUZZ_TARGET(data, size)
{
    static PromDecoder decoder;
    if (size == 0)
        return 0;
    static const int statuses[] = {200, 400, 422, 503, 502};
    const int status = statuses[(data[0] / 4) % 5];
    const QByteArray body = fuzzBytes(data + 1, size - 1);
    switch (data[0] % 4) {
    case 0:
        decoder.decodeQuery(body, status, data[0] & 0x80 ? 30 : -1);
        break;
    case 1:
        decoder.decodeSeries(body, status);
        break;
    case 2:
        decoder.decodeStrings(body, status);
        break;
    default:
        decoder.decodeBuildInfo(body, status);
        break;
    }
    return 0;
}
