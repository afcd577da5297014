// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

// Reads a small file named by a config (a CA bundle, a client key, a token): only a regular
// file, opened without blocking (a FIFO with no writer would wait forever), and at most
// maxBytes (a path like /dev/zero would never end). False with a translated `problem` that
// names no content.
namespace BoundedFile {

inline constexpr qint64 credentialLimit = 1024 * 1024; // CA bundles are a few hundred KiB

bool read(const QString &path, qint64 maxBytes, QByteArray *out, QString *problem);

} // namespace BoundedFile
