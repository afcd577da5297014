// SPDX-License-Identifier: GPL-3.0-or-later
#include "stallmeter.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QList>
#include <QTimer>

#include <algorithm>

StallMeter::Result StallMeter::measure(int durationMs)
{
    QList<double> gaps;
    gaps.reserve(durationMs + 16);
    QElapsedTimer clock;
    qint64 lastNs = -1;
    QTimer ticker;
    ticker.setTimerType(Qt::PreciseTimer);
    ticker.setInterval(1);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (lastNs >= 0)
            gaps.append(double(now - lastNs) / 1e6);
        lastNs = now;
    });
    QEventLoop loop;
    QTimer::singleShot(durationMs, &loop, &QEventLoop::quit);
    clock.start();
    ticker.start();
    loop.exec();
    ticker.stop();
    Result result;
    result.ticks = int(gaps.size());
    if (gaps.isEmpty())
        return result;
    std::sort(gaps.begin(), gaps.end());
    result.maxGapMs = gaps.constLast();
    result.medianGapMs = gaps.at(gaps.size() / 2);
    result.p99GapMs = gaps.at(std::min(gaps.size() - 1, gaps.size() * 99 / 100));
    return result;
}
