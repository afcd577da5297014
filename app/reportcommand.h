// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

class QTextStream;
struct CommandLineOptions;

// `release-dashboard report ENV/NS/NAME [--revision N] -o FILE.pdf|FILE.md`: the report of
// the workload's newest recorded release (or of revision N), compared with the release
// before it, as Markdown or PDF. A PDF needs a QGuiApplication (fonts, layout); main()
// makes one on the offscreen platform for this command. Exit codes: 0 written; 1 no such
// release, no history, or a file that cannot be read or written; 2 usage error.
class ReportCommand
{
    Q_DECLARE_TR_FUNCTIONS(ReportCommand)

public:
    static int run(const CommandLineOptions &options, QTextStream &out, QTextStream &err);
};
