// SPDX-License-Identifier: GPL-3.0-or-later
#include "decoded.h"

#include <QCoreApplication>

QString DecodeIssue::text() const
{
    if (path.isEmpty())
        return message;
    return path + QStringLiteral(": ") + message;
}

QString DecodeReport::issuesText() const
{
    QStringList lines;
    lines.reserve(issues.size() + 1);
    for (const DecodeIssue &issue : issues)
        lines.append(issue.text());
    if (suppressedIssues > 0) {
        lines.append(QCoreApplication::translate("JsonDecoder", "... and %n more problem(s)",
                                                 nullptr, int(suppressedIssues)));
    }
    return lines.join(QLatin1Char('\n'));
}
