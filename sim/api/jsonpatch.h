// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace rdsim {

// JSON Patch (RFC 6902) with JSON Pointers (RFC 6901): add, remove, replace, move, copy and
// test. The API server answers a Malformed patch with 400 and a Failed one with 422.
class JsonPatch
{
public:
    enum class Outcome {
        Applied,
        Malformed, // not a patch document (not an array, unknown op, missing member)
        Failed, // well-formed, but an operation does not apply (missing path, failed test)
    };

    // Applies all operations to *document, or none: on failure *document is unchanged.
    static Outcome apply(QJsonValue *document, const QJsonValue &patch, QString *error);

    // "/a~1b/c~0d" -> {"a/b", "c~d"}; "" -> {} (the whole document).
    static bool parsePointer(const QString &pointer, QStringList *tokens, QString *error);
};

} // namespace rdsim
