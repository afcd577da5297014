// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "fuzzinput.h"
#include "jsondecoder.h"

// Decodes `body` as a T in one of three shapes (0: a list body, 1: a watch event, else one
// object) and calls `check` with every value decoded (a list's items, the event's object).
template<typename T, typename Check>
void decodeShape(JsonDecoder &decoder, int shape, const QByteArray &body, Check check)
{
    switch (shape) {
    case 0:
        for (const T &item : decoder.decodeList<T>(body).items)
            check(item);
        break;
    case 1:
        check(decoder.decodeWatchEvent<T>(body).value.object);
        break;
    default:
        check(decoder.decodeObject<T>(body).value);
        break;
    }
}

// A decoder target's input: bit 0 of the first byte picks the kind (Even or Odd), the rest of
// that byte the shape (list, watch event, object), the remaining bytes the body.
template<typename Even, typename Odd, typename Check>
int decodeEitherKind(const uint8_t *data, size_t size, Check check)
{
    static JsonDecoder decoder;
    if (size == 0)
        return 0;
    const int shape = (data[0] >> 1) % 3;
    const QByteArray body = fuzzBytes(data + 1, size - 1);
    if (data[0] & 1)
        decodeShape<Odd>(decoder, shape, body, check);
    else
        decodeShape<Even>(decoder, shape, body, check);
    return 0;
}
