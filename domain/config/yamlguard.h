// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

// Checks YAML text before yaml-cpp builds nodes of it: a file that anyone's tooling wrote
// must not crash, hang or exhaust the app. Refused, with file and line: an alias inside the
// node it refers to (a cycle, which makes every traversal endless), aliases that expand to
// more than maxExpandedNodes nodes (the "billion laughs"), nesting deeper than maxDepth, and
// text larger than maxBytes. Anchors and plain aliases within the bounds are fine.
class YamlGuard
{
    Q_DECLARE_TR_FUNCTIONS(YamlGuard)

public:
    static constexpr qsizetype maxBytes = 4 * 1024 * 1024;
    static constexpr int maxDepth = 100;
    static constexpr qint64 maxExpandedNodes = 200000;

    // True when the text may be loaded; else false with *error
    // ("config.yaml:7: the alias *a refers to the node it is in: a cycle").
    static bool check(const QByteArray &yaml, const QString &fileName, QString *error);
};
