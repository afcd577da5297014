// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "releaserecord.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

// The output formats of `release-dashboard history` (docs/cli.md).
class HistoryPrinter
{
    Q_DECLARE_TR_FUNCTIONS(HistoryPrinter)

public:
    // kubectl's table, like `get`: upper-case headers, left-aligned columns three spaces
    // apart, "-" for a value that does not apply. Times are UTC ("2026-12-05 14:03") so the
    // output does not depend on the machine's time zone.
    static QString table(const QList<ReleaseSummary> &releases);
    // An array of one object per release with fixed keys, indented, ending in a newline.
    static QByteArray json(const QList<ReleaseSummary> &releases);
    static QJsonObject jsonObject(const ReleaseSummary &release);
    // "2026-12-05 14:03" (UTC); "-" for a null time.
    static QString startedText(const QDateTime &time);
    // "partial", "deleted", "partial, deleted"; "-" for neither.
    static QString notesText(const ReleaseSummary &release);
};
