// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

class QTextStream;

// The program: chooses QApplication (window) or QCoreApplication (headless `get`), reads
// the command line, installs the translations and runs the window or the command.
class Application
{
public:
    // What main() returns.
    static int main(int argc, char **argv);
    // Everything after the application object exists: parse, translate, run. Headless
    // commands write to out/err; the window needs a QApplication.
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);
};
