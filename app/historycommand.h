// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

class QTextStream;
struct CommandLineOptions;

// `release-dashboard history`: the recorded releases, newest first, as a table or JSON.
// It only reads: the database is opened with HistoryReader (query-only), never created,
// migrated or moved aside. Exit codes: 0 (also when there is no history yet: a message on
// stderr, no rows, or `[]`), 1 when the database cannot be read.
class HistoryCommand
{
    Q_DECLARE_TR_FUNCTIONS(HistoryCommand)

public:
    static int run(const CommandLineOptions &options, QTextStream &out, QTextStream &err);

    // --history-file, else HistoryRecorder::defaultPath(--demo); history, report, record.
    static QString databasePath(const CommandLineOptions &options);
    // "No release history yet at PATH"
    static QString noHistoryMessage(const QString &path);
};
