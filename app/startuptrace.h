// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

class MainWindow;

// Milestones of a start, for bench/start_bench (DESIGN.md's budget: first window 0.5 s,
// first data 1.5 s). Each is one line under the logging category release-dashboard.startup,
// which is off unless QT_LOGGING_RULES="release-dashboard.startup.info=true" turns it on:
//   release-dashboard.startup: first environment live after 412 ms
// The milliseconds count from begin() (the top of main); the benchmark also times the lines
// from the process's start, which includes loading the shared libraries.
Q_DECLARE_LOGGING_CATEGORY(lcStartup)

namespace StartupTrace {

// Starts the clock the milestones count from.
void begin();
// Logs "<milestone> after N ms".
void mark(const char *milestone);
// Marks "window exposed" when the window is first on screen, "first environment live" when
// an environment first lists and watches, and "all environments live" when every one does.
void watch(MainWindow *window);

} // namespace StartupTrace
