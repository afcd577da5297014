// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

struct JsonSyntaxError
{
    qsizetype offset = 0; // byte offset of the first offending byte
    QString message; // translated, e.g. "expected ',' or '}' after an object member"
};

// Finds the first RFC 8259 violation in data (strict: UTF-8 checked, no comments, no
// trailing commas, one value). simdjson says only *that* a body is malformed; this says
// where and why. It is a plain byte loop, run only after simdjson has failed.
std::optional<JsonSyntaxError> findJsonSyntaxError(const char *data, qsizetype size);
