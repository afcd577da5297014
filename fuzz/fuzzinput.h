// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <cstddef>
#include <cstdint>

// Every target's entry point (libFuzzer calls it once per input).
#define RD_FUZZ_TARGET(data, size)                                                                 \
    extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)

// The input as the parsers get it in the app: an owning, null-terminated QByteArray (a body
// or a file read), not a raw view, so a read past the end is one past a real allocation.
inline QByteArray fuzzBytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

// A finding the sanitizers cannot see (two paths that must agree did not): libFuzzer keeps
// the input as a crash artefact.
#define RD_FUZZ_CHECK(condition)                                                                   \
    do {                                                                                           \
        if (!(condition))                                                                          \
            __builtin_trap();                                                                      \
    } while (false)
