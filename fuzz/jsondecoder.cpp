// SPDX-License-Identifier: GPL-3.0-or-later
// Every JsonDecoder kind and shape: the first byte picks the kind (Rollout, ReplicaSet, Pod,
// Deployment, AnalysisRun, Event) and the shape (a list body, a watch event, one object, a
// Status), the rest is the body. One decoder for all inputs, as a fetcher thread keeps one:
// its shared-value caches carry over between bodies, which a fresh decoder would not test.
#include "jsondecoder.h"
#include "fuzzinput.h"

namespace {

template<typename T> void decode(JsonDecoder &decoder, int shape, const QByteArray &body)
{
    switch (shape) {
    case 0:
        decoder.decodeList<T>(body);
        break;
    case 1:
        decoder.decodeWatchEvent<T>(body);
        break;
    case 2:
        decoder.decodeObject<T>(body);
        break;
    default:
        decoder.decodeStatus(body);
        break;
    }
}

} // namespace

RD_FUZZ_TARGET(data, size)
{
    static JsonDecoder decoder;
    if (size == 0)
        return 0;
    const int kind = data[0] % 6;
    const int shape = (data[0] / 6) % 4;
    QByteArray body = fuzzBytes(data + 1, size - 1);
    // Half the bodies with the spare capacity the fetchers give (the decoder then parses in
    // place), half without (it copies): both paths are used in the app.
    if (data[0] & 0x80)
        body.reserve(body.size() + 64);
    switch (kind) {
    case 0:
        decode<Rollout>(decoder, shape, body);
        break;
    case 1:
        decode<ReplicaSet>(decoder, shape, body);
        break;
    case 2:
        decode<Pod>(decoder, shape, body);
        break;
    case 3:
        decode<Deployment>(decoder, shape, body);
        break;
    case 4:
        decode<AnalysisRun>(decoder, shape, body);
        break;
    default:
        decode<Event>(decoder, shape, body);
        break;
    }
    return 0;
}
