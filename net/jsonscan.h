// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Cheap look-ups in raw JSON without building a document. A 30 MB list page only needs its
// small `metadata` member read to find `continue`, so parsing the whole page here (and again
// in the decoder) would waste most of the time budget.
namespace JsonScan {

// The raw bytes of member `key` of the top-level object in `json`, or a null QByteArray when
// the top level is not an object or has no such member. Keys are compared byte for byte
// (escaped keys never match).
QByteArray topLevelMember(const QByteArray &json, QByteArrayView key);

// Index just past the JSON value starting at `pos` (after whitespace), or -1 if malformed or
// truncated.
qsizetype skipValue(const QByteArray &json, qsizetype pos);

// JSON's four whitespace characters (RFC 8259), nothing else.
inline bool isSpace(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

} // namespace JsonScan
