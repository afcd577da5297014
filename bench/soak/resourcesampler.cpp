// SPDX-License-Identifier: GPL-3.0-or-later
#include "resourcesampler.h"

#include "procstatus.h"

#include <QDateTime>
#include <QFile>
#include <QTimer>

#include <algorithm>

#include <malloc.h>

ResourceSampler::ResourceSampler(int intervalMs, QObject *parent) :
    QObject(parent), m_timer(new QTimer(this))
{
    m_timer->setInterval(intervalMs);
    connect(m_timer, &QTimer::timeout, this, &ResourceSampler::sampleNow);
}

double ResourceSampler::rssMiB()
{
    return double(procStatusField("VmRSS")) / 1024.0;
}

double ResourceSampler::heapInUseMiB()
{
    // Small blocks in use plus mmap'ed large ones, over every arena.
    const struct mallinfo2 info = mallinfo2();
    return double(info.uordblks + info.hblkhd) / (1024.0 * 1024.0);
}

int ResourceSampler::threadCount()
{
    return int(procStatusField("Threads"));
}

void ResourceSampler::start()
{
    m_startMs = QDateTime::currentMSecsSinceEpoch();
    m_samples.clear();
    sampleNow();
    m_timer->start();
}

void ResourceSampler::stop()
{
    m_timer->stop();
}

void ResourceSampler::sampleNow()
{
    m_samples.append(Sample {QDateTime::currentMSecsSinceEpoch() - m_startMs, rssMiB(),
                             threadCount(), heapInUseMiB()});
}

ResourceSampler::Verdict ResourceSampler::verdict(double rssTolerance, int threadTolerance) const
{
    Verdict v;
    if (m_samples.size() < 4) {
        v.text = QStringLiteral("too few samples (%1)").arg(m_samples.size());
        return v;
    }
    v.first = m_samples.first();
    v.half = m_samples.at(m_samples.size() / 2);
    // The mean of the last three: one sample taken during a burst of work is not growth.
    const qsizetype n = m_samples.size();
    v.last = m_samples.last();
    v.last.rssMiB
        = (m_samples.at(n - 1).rssMiB + m_samples.at(n - 2).rssMiB + m_samples.at(n - 3).rssMiB)
        / 3.0;
    v.last.threads = std::min(
        {m_samples.at(n - 1).threads, m_samples.at(n - 2).threads, m_samples.at(n - 3).threads});
    for (const Sample &s : m_samples) {
        v.maxRssMiB = std::max(v.maxRssMiB, s.rssMiB);
        v.maxThreads = std::max(v.maxThreads, s.threads);
    }
    const bool rssFlat = v.last.rssMiB <= v.half.rssMiB * (1.0 + rssTolerance);
    const bool threadsFlat = v.last.threads <= v.half.threads + threadTolerance;
    v.passed = rssFlat && threadsFlat;
    v.last.heapMiB
        = (m_samples.at(n - 1).heapMiB + m_samples.at(n - 2).heapMiB + m_samples.at(n - 3).heapMiB)
        / 3.0;
    v.text = QStringLiteral("RSS %1 / %2 / %3 MiB (first/half/last, max %4): %5; threads "
                            "%6 / %7 / %8 (max %9): %10")
                 .arg(v.first.rssMiB, 0, 'f', 1)
                 .arg(v.half.rssMiB, 0, 'f', 1)
                 .arg(v.last.rssMiB, 0, 'f', 1)
                 .arg(v.maxRssMiB, 0, 'f', 1)
                 .arg(rssFlat ? QStringLiteral("flat") : QStringLiteral("GROWS"))
                 .arg(v.first.threads)
                 .arg(v.half.threads)
                 .arg(v.last.threads)
                 .arg(v.maxThreads)
                 .arg(threadsFlat ? QStringLiteral("flat") : QStringLiteral("GROW"))
        + QStringLiteral("; heap in use %1 / %2 / %3 MiB")
              .arg(v.first.heapMiB, 0, 'f', 1)
              .arg(v.half.heapMiB, 0, 'f', 1)
              .arg(v.last.heapMiB, 0, 'f', 1);
    return v;
}
