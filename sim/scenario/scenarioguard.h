// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace rdsim {

// Limits on the YAML rd-sim reads (scenario files and manifests), so a hostile or broken
// file ends in a message naming the file and line, never a crash, a hang or all memory:
// yaml-cpp itself would build an alias that refers to the node it is in as a cycle (every
// traversal of it is endless), expand aliases of aliases without bound ("billion laughs"),
// recurse once per nesting level, and read /dev/zero until memory runs out. The client has
// its own guard (domain/config/yamlguard); rd-sim shares no code with it, so a test of one against
// the other checks both.
namespace ScenarioGuard {

constexpr qint64 maxBytes = 4 * 1024 * 1024;
constexpr int maxDepth = 100;
constexpr qint64 maxExpandedNodes = 200000;

// Reads at most maxBytes + 1 bytes, so /dev/zero or a FIFO that never ends is refused too.
// False with "file: cannot read: ..." or "file: the file is larger than 4 MiB".
bool readFile(const QString &path, QByteArray *text, QString *error);

// False with "file:line: ..." when the text breaks a limit. Syntax errors pass: the loader
// reports them with its own words.
bool check(const QByteArray &yaml, const QString &fileName, QString *error);

} // namespace ScenarioGuard

} // namespace rdsim
