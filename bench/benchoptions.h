// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// What the window benchmarks (live_bench, record_bench) share: an integer option of the
// command line, and waiting on the event loop for a condition.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <functional>

namespace BenchOptions {

inline int intOption(const QStringList &args, const QString &name, int fallback)
{
    const qsizetype i = args.indexOf(name);
    return i >= 0 && i + 1 < args.size() ? args.at(i + 1).toInt() : fallback;
}

// Runs the event loop until done() or timeoutMs; false on the timeout.
inline bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    }
    return true;
}

} // namespace BenchOptions
